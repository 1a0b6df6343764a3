//! `orca schedule apply FILE`: compare a file with the server, print the
//! plan, then create, update and (with --prune) delete to match it
//! (`ops::schedules`).

use super::*;
use crate::ops::schedules::{Action, PlanItem, apply as carry_out, plan, read_file};

pub(super) async fn apply(args: ApplyArgs, settings: Settings, printer: &Printer) -> Result<()> {
    let catalogue = load_warning(args.pipelines.pipelines.as_deref())?;
    let file = read_file(&args.file, &catalogue)?;
    let orca = Orca::connect(settings).await?;
    let plan = plan(&orca, &file, args.prune).await?;
    if printer.is_text() {
        print_plan(printer, &plan);
    }
    if !args.dry_run {
        let key = args.signing.key();
        let identity = orca.settings.identity.clone();
        let signer = key.as_ref().map(|key| (key, identity.as_str()));
        carry_out(&orca, &plan, signer).await?;
    }
    let counts = |action: Action| plan.iter().filter(|p| p.action == action).count();
    printer.emit(&json!({"dry_run": args.dry_run, "plan": plan}), |p| {
        p.line(&format!(
            "{}: {} to create, {} to update, {} unchanged, {} to delete",
            if args.dry_run {
                "plan (dry run, nothing changed)"
            } else {
                "applied"
            },
            counts(Action::Create),
            counts(Action::Update),
            counts(Action::Unchanged),
            counts(Action::Delete)
        ))
    });
    Ok(())
}

/// `+ create name (pipeline, spec)`, `~ update name` with each change.
fn print_plan(printer: &Printer, plan: &[PlanItem]) {
    for item in plan {
        let summary = match (&item.def, item.action) {
            (Some(d), Action::Create) => format!(" ({}, {})", d.pipeline, d.describe_spec()),
            _ => String::new(),
        };
        printer.line(&format!(
            "{} {} {}{summary}",
            item.action.sign(),
            item.action.as_str(),
            item.name
        ));
        for change in &item.changes {
            printer.line(&format!("    {change}"));
        }
    }
}
