//! Acting at a gate, from the client's side: which run (given, or picked
//! from the person's inbox), the signature, made over exactly what is sent
//! (fields included), and the update that carries it. Whether the act is
//! allowed is the workflow's to say: its refusal comes back typed (exit 7).

use crate::{
    Result,
    cli::args::{GateArgs, NarrowArgs},
    client::Orca,
    engine::status::{
        Act, ChangesResult, DecisionRequest, DelegateRequest, DelegationResult, VoteKind,
        VoteResult,
    },
    ops::{
        decide::awaiting_worker,
        pick::{gate_line, given_or_pick},
        query::RunQuery,
        sign::sign_at_gate,
    },
    signing::sign::SigningKey,
};

/// The run to act on: `given`, else one picked from `by`'s inbox (narrowed
/// by `--pipeline`/`--query`); `None` when there was nothing to pick or the
/// person backed out. `verb` is the command's (`request-changes`).
pub async fn run_to_act_on(
    orca: &Orca,
    given: Option<String>,
    by: &str,
    narrow: &NarrowArgs,
    verb: &str,
) -> Result<Option<String>> {
    let query = RunQuery::inbox(by).narrowed(narrow.pipeline.clone(), narrow.query.clone());
    let question = format!("Which run do you {verb}?");
    let none = format!("no runs are awaiting approval by {by}");
    given_or_pick(orca, given, &query, &question, &none, gate_line).await
}

/// A signature was sent but the worker could not check it (no
/// `--allowed-signers`): the act is recorded unverified, and the person
/// who signed must hear so.
pub fn warn_if_unchecked(signed: bool, verified_key: Option<&str>) {
    if signed && verified_key.is_none() {
        eprintln!(
            "warning: the worker has no --allowed-signers, so the signature was not checked: it is recorded unverified"
        );
    }
}

/// Who acts (`--as`, else the identity) and at which run (given, else
/// picked from their inbox); `None` when there was nothing to pick or the
/// person backed out.
pub async fn actor_and_run(
    orca: &Orca,
    gate: &GateArgs,
    verb: &str,
) -> Result<Option<(String, String)>> {
    let by = gate
        .as_name
        .clone()
        .unwrap_or_else(|| orca.settings.identity.clone());
    let picked = run_to_act_on(orca, gate.id.clone(), &by, &gate.narrow, verb).await?;
    Ok(picked.map(|id| (by, id)))
}

/// Casts a vote, signed with `key` when there is one; on a terminal, says
/// so while it waits for a worker to record it (not while signing: that
/// may ask for a passphrase).
pub async fn vote(
    orca: &Orca,
    id: &str,
    kind: VoteKind,
    request: DecisionRequest,
    key: Option<&SigningKey>,
) -> Result<VoteResult> {
    let request = signed_vote(orca, id, kind, request, key).await?;
    awaiting_worker(orca, id, orca.decide(id, kind, request)).await
}

/// `vote` without a word while it waits (`--all` shows its own progress).
pub async fn cast(
    orca: &Orca,
    id: &str,
    kind: VoteKind,
    request: DecisionRequest,
    key: Option<&SigningKey>,
) -> Result<VoteResult> {
    let request = signed_vote(orca, id, kind, request, key).await?;
    orca.decide(id, kind, request).await
}

async fn signed_vote(
    orca: &Orca,
    id: &str,
    kind: VoteKind,
    mut request: DecisionRequest,
    key: Option<&SigningKey>,
) -> Result<DecisionRequest> {
    if let Some(key) = key {
        request.signed = Some(sign_at_gate(orca, id, &request.claim(kind), key).await?);
    }
    Ok(request)
}

/// Sends the run back to the gate's `on_changes` step with the request's
/// comment as feedback, signed with `key` when there is one.
pub async fn request_changes(
    orca: &Orca,
    id: &str,
    mut request: DecisionRequest,
    key: Option<&SigningKey>,
) -> Result<ChangesResult> {
    if let Some(key) = key {
        let claim = request.claim(Act::RequestChanges);
        request.signed = Some(sign_at_gate(orca, id, &claim, key).await?);
    }
    awaiting_worker(orca, id, orca.request_changes(id, request)).await
}

/// Hands the decision of `request.by` to `request.to`, signed with `key`
/// when there is one.
pub async fn delegate(
    orca: &Orca,
    id: &str,
    mut request: DelegateRequest,
    key: Option<&SigningKey>,
) -> Result<DelegationResult> {
    if let Some(key) = key {
        request.signed = Some(sign_at_gate(orca, id, &request.claim(), key).await?);
    }
    awaiting_worker(orca, id, orca.delegate(id, request)).await
}
