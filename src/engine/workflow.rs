//! The `Pipeline` workflow: an interpreter of pipeline specs.
//!
//! Everything here must be deterministic: state changes only through the
//! context, time only from `ctx.workflow_time()`, side effects only in
//! activities, templates rendered from recorded state. Any change that alters
//! the commands this emits for an existing history must go behind
//! `ctx.patched(...)` (README "Changing the engine").

use std::{
    collections::BTreeMap,
    time::{Duration, SystemTime},
};

use serde_json::{Map, Value};
use temporalio_macros::{workflow, workflow_methods};
use temporalio_sdk::{
    MemoValue, SyncWorkflowContext, WorkflowContext, WorkflowContextView, WorkflowResult,
};

use crate::{human::clip, signing::AllowedSigner};

use super::{
    activities::SigningPolicy,
    capability,
    gate::{self, signature::Trust},
    handover::{EarlyControls, Handover},
    refusal::Refusal,
    run::{close_status, count_run, run_pipeline},
    status::*,
};

type HandlerError = Box<dyn std::error::Error + Send + Sync>;

/// Marks histories in which a refused approve/reject signal is noted in the memo.
const IGNORED_SIGNAL_PATCH: &str = "orca-ignored-signal-memo";
/// Marks histories whose decisions' `fields` are checked against the gate's
/// form. An engine from before forms ignored `fields`, so a vote it took
/// with some replays as the same vote, fields ignored.
const FORMS_PATCH: &str = "orca-gate-forms";
/// Characters kept of an ignored signal's name and of the reason.
const IGNORED_NOTE_LIMIT: usize = 500;

#[workflow]
pub struct PipelineWorkflow {
    /// The raw input, parsed in `run` so a malformed request fails the run
    /// with a message instead of failing workflow tasks forever.
    pub(super) request: Value,
    pub(super) status: RunStatus,
    /// Outputs of finished top-level steps, by id (what templates read).
    pub(super) outputs: Map<String, Value>,
    /// The `OrcaPhase` last upserted, so a phase is published once per change.
    pub(super) published_phase: Option<Phase>,
    /// Approver groups (pipeline file and worker's approvers file), from resolve.
    pub(super) groups: std::collections::BTreeMap<String, Vec<String>>,
    /// The worker's default step timeout, from resolve.
    pub(super) default_step_timeout: Option<Duration>,
    /// Whether and how decisions are signed (the worker's, from resolve).
    pub(super) signing: SigningPolicy,
    /// The keys the open gate trusts, read when it opened.
    pub(super) trusted: Vec<AllowedSigner>,
    /// How many times each gate has opened, by step ID.
    pub(super) openings: BTreeMap<String, u32>,
    /// Rounds each gate sent back with `request_changes`, by step ID.
    pub(super) rounds: BTreeMap<String, Vec<ChangeRound>>,
    /// When to continue as new, and where the steps cut short stand.
    pub(super) handover: Handover,
    /// Earlier runs of this workflow ID's chain (a signature may name one).
    pub(super) run_ids: Vec<String>,
    /// Control signals taken before the run began (a continued run's carry
    /// is restored after them).
    pub(super) early: EarlyControls,
}

#[workflow_methods]
impl PipelineWorkflow {
    #[init]
    pub fn new(_ctx: &WorkflowContextView, request: Value) -> Self {
        PipelineWorkflow {
            request,
            status: RunStatus {
                pipeline: String::new(),
                phase: Phase::Running,
                requested_by: None,
                input: Map::new(),
                current_step: None,
                steps: Vec::new(),
                progress: None,
                approval: None,
                outcome: None,
                paused: false,
                stop_requested: false,
                requester_key: None,
                scheduled_by: None,
                continued: 0,
            },
            outputs: Map::new(),
            published_phase: None,
            groups: Default::default(),
            default_step_timeout: None,
            signing: SigningPolicy::default(),
            trusted: Vec::new(),
            openings: BTreeMap::new(),
            rounds: BTreeMap::new(),
            handover: Handover::default(),
            run_ids: Vec::new(),
            early: EarlyControls::default(),
        }
    }

    #[run(name = "Pipeline")]
    pub async fn run(ctx: &mut WorkflowContext<Self>) -> WorkflowResult<RunResult> {
        capability::decide_routes(ctx);
        let result = run_pipeline(ctx).await;
        close_status(ctx, &result);
        count_run(ctx, &result);
        result
    }

    // ---- approvals: the update (answers the caller) and the signal (fire and forget)

    #[update_validator(approve_update)]
    fn validate_approve(
        &self,
        ctx: &WorkflowContextView,
        request: &DecisionRequest,
    ) -> Result<(), HandlerError> {
        self.check(ctx, request, VoteKind::Approve)
    }

    #[update(name = "approve")]
    pub fn approve_update(
        &mut self,
        ctx: &mut SyncWorkflowContext<Self>,
        request: DecisionRequest,
    ) -> Result<VoteResult, HandlerError> {
        self.vote(ctx, request, VoteKind::Approve)
    }

    #[update_validator(reject_update)]
    fn validate_reject(
        &self,
        ctx: &WorkflowContextView,
        request: &DecisionRequest,
    ) -> Result<(), HandlerError> {
        self.check(ctx, request, VoteKind::Reject)
    }

    #[update(name = "reject")]
    pub fn reject_update(
        &mut self,
        ctx: &mut SyncWorkflowContext<Self>,
        request: DecisionRequest,
    ) -> Result<VoteResult, HandlerError> {
        self.vote(ctx, request, VoteKind::Reject)
    }

    /// Same rules as the update; a refused signal is recorded as ignored.
    #[signal(name = "approve")]
    pub fn approve_signal(
        &mut self,
        ctx: &mut SyncWorkflowContext<Self>,
        request: DecisionRequest,
    ) {
        self.vote_by_signal(ctx, request, VoteKind::Approve);
    }

    #[signal(name = "reject")]
    pub fn reject_signal(&mut self, ctx: &mut SyncWorkflowContext<Self>, request: DecisionRequest) {
        self.vote_by_signal(ctx, request, VoteKind::Reject);
    }

    // ---- pushing back and handing on

    #[update_validator(request_changes_update)]
    fn validate_request_changes(
        &self,
        ctx: &WorkflowContextView,
        request: &DecisionRequest,
    ) -> Result<(), HandlerError> {
        self.validate(ctx, |status, trust| {
            gate::check_changes(status, request, trust)
        })
    }

    #[update(name = "request_changes")]
    pub fn request_changes_update(
        &mut self,
        ctx: &mut SyncWorkflowContext<Self>,
        request: DecisionRequest,
    ) -> Result<ChangesResult, HandlerError> {
        self.handle(ctx, |status, trust| {
            gate::request_changes(status, trust, request)
        })
        .map_err(Refusal::into_handler_error)
    }

    #[update_validator(delegate_update)]
    fn validate_delegate(
        &self,
        ctx: &WorkflowContextView,
        request: &DelegateRequest,
    ) -> Result<(), HandlerError> {
        self.validate(ctx, |status, trust| {
            gate::check_delegation(status, request, trust)
        })
    }

    #[update(name = "delegate")]
    pub fn delegate_update(
        &mut self,
        ctx: &mut SyncWorkflowContext<Self>,
        request: DelegateRequest,
    ) -> Result<DelegationResult, HandlerError> {
        self.handle(ctx, |status, trust| gate::delegate(status, trust, request))
            .map_err(Refusal::into_handler_error)
    }

    // ---- control

    #[signal(name = "pause")]
    pub fn pause(&mut self, _ctx: &mut SyncWorkflowContext<Self>) {
        self.status.paused = true;
        self.early.paused(true);
    }

    #[signal(name = "resume")]
    pub fn resume(&mut self, _ctx: &mut SyncWorkflowContext<Self>) {
        self.status.paused = false;
        self.early.paused(false);
    }

    #[signal(name = "stop")]
    pub fn stop(&mut self, _ctx: &mut SyncWorkflowContext<Self>) {
        self.status.stop_requested = true;
        self.early.stopped();
    }

    #[query(name = "status")]
    pub fn status(&self, _ctx: &WorkflowContextView) -> RunStatus {
        self.status.clone()
    }
}

/// The votes behind both messages of the contract, update and signal.
impl PipelineWorkflow {
    fn check(
        &self,
        ctx: &WorkflowContextView,
        request: &DecisionRequest,
        kind: VoteKind,
    ) -> Result<(), HandlerError> {
        self.validate(ctx, |status, trust| {
            gate::check_vote(status, request, kind, trust)
        })
    }

    /// A validator: `rules` against the status now, a refusal counted in
    /// the metrics. It has no workflow time, so a signature's age is
    /// checked against the worker's clock here (a validator never runs on
    /// replay, and what it refuses is never recorded); the handler checks
    /// it again against workflow time.
    fn validate<T>(
        &self,
        ctx: &WorkflowContextView,
        rules: impl FnOnce(&RunStatus, &Trust) -> Result<T, Refusal>,
    ) -> Result<(), HandlerError> {
        let now = Some(SystemTime::now());
        let trust = trust(
            &self.signing,
            &self.trusted,
            ctx.workflow_id(),
            (ctx.run_id(), &self.run_ids),
            now,
        );
        let checked = rules(&self.status, &trust);
        if let (Err(refusal), Some(metrics)) = (&checked, super::metrics::get()) {
            metrics.decision_refused(&self.status.pipeline, refusal.kind());
        }
        checked.map(drop).map_err(Refusal::into_handler_error)
    }

    /// A handler: `act` on the status, trusting what the open gate trusted,
    /// at workflow time.
    fn handle<T>(
        &mut self,
        ctx: &SyncWorkflowContext<Self>,
        act: impl FnOnce(&mut RunStatus, &Trust) -> Result<T, Refusal>,
    ) -> Result<T, Refusal> {
        let (workflow_id, run_id) = (ctx.workflow_id().to_string(), ctx.run_id().to_string());
        let now = ctx.workflow_time();
        let run = (run_id.as_str(), self.run_ids.as_slice());
        let trust = trust(&self.signing, &self.trusted, &workflow_id, run, now);
        act(&mut self.status, &trust)
    }

    fn vote(
        &mut self,
        ctx: &SyncWorkflowContext<Self>,
        request: DecisionRequest,
        kind: VoteKind,
    ) -> Result<VoteResult, HandlerError> {
        let request = as_recorded(ctx, request);
        let cast = self.handle(ctx, |status, trust| {
            gate::cast_vote(status, trust, request, kind)
        });
        if let (Ok(vote), Some(metrics)) = (&cast, super::metrics::get())
            && !ctx.is_replaying()
        {
            metrics.decision_recorded(&self.status.pipeline, vote.key.is_some());
        }
        cast.map_err(Refusal::into_handler_error)
    }

    /// A signal has no one to answer, so a refused one is noted in the
    /// memo (`orca_ignored`): `orca history` shows it as ignored, and why.
    /// The name and reason are cut short: anyone may send a signal, and a
    /// note past the memo's size limit would fail every workflow task.
    fn vote_by_signal(
        &mut self,
        ctx: &SyncWorkflowContext<Self>,
        request: DecisionRequest,
        kind: VoteKind,
    ) {
        // Kept for the note, which only a refused signal needs.
        let sent = request.clone();
        let request = as_recorded(ctx, request);
        let cast = self.handle(ctx, |status, trust| {
            gate::cast_vote(status, trust, request, kind)
        });
        let Err(refusal) = cast else {
            return;
        };
        // Runs recorded before this note existed replay without it.
        if ctx.patched(IGNORED_SIGNAL_PATCH) {
            let note = IgnoredSignal {
                signal: kind,
                by: clip(&sent.by, IGNORED_NOTE_LIMIT),
                refusal: refusal.kind(),
                reason: clip(&refusal.to_string(), IGNORED_NOTE_LIMIT),
                request_sha256: Some(sent.digest()),
            };
            let _ = ctx.upsert_memo([(MEMO_IGNORED, Some(MemoValue::new(note)))]);
        }
    }
}

/// The request as this run's engine reads it: with its fields, unless the
/// run was recorded by an engine that ignored them (`FORMS_PATCH`).
fn as_recorded(
    ctx: &SyncWorkflowContext<PipelineWorkflow>,
    mut request: DecisionRequest,
) -> DecisionRequest {
    if !request.fields.is_empty() && !ctx.patched(FORMS_PATCH) {
        request.fields.clear();
    }
    request
}

/// What a signature is checked against: this run (and the earlier runs of
/// its chain), the open gate's keys, `now`.
fn trust<'a>(
    signing: &SigningPolicy,
    trusted: &'a [AllowedSigner],
    workflow_id: &'a str,
    (run_id, earlier_runs): (&'a str, &'a [String]),
    now: Option<SystemTime>,
) -> Trust<'a> {
    Trust {
        workflow_id,
        run_id,
        earlier_runs,
        now,
        configured: signing.configured,
        signers: trusted,
        window: signing.window(),
    }
}
