//! The activities on their own, through the SDK's `ActivityEnvironment`:
//! no server, no worker, the activity code exactly as a worker runs it.

use std::collections::BTreeMap;

use serde_json::{Value, json};
use temporalio_sdk::{
    activities::ActivityError,
    testing::{ActivityEnvironment, ActivityEnvironmentError},
};

use super::*;
use crate::pipeline::Catalogue;

fn environment(allow_commands: bool) -> ActivityEnvironment {
    ActivityEnvironment::builder_with_default()
        .register_activities(PipelineActivities::new(
            Catalogue::builtins(),
            BTreeMap::new(),
            allow_commands,
            None,
        ))
        .build()
}

fn shell(line: &str) -> CommandRequest {
    CommandRequest {
        step: "c".into(),
        argv: Vec::new(),
        shell: Some(line.into()),
        env: BTreeMap::new(),
        cwd: None,
        stdin: None,
    }
}

/// The failure's type and whether it may be retried.
fn failure(result: Result<StepOutput, ActivityEnvironmentError>) -> (String, bool) {
    match result {
        Err(ActivityEnvironmentError::Activity(ActivityError::Application(app))) => (
            app.type_name().unwrap_or_default().to_string(),
            app.is_non_retryable(),
        ),
        other => panic!("not an application failure: {other:?}"),
    }
}

#[tokio::test]
async fn a_command_printing_json_gives_that_json_as_its_output() {
    let env = environment(true);
    let done = env
        .run(PipelineActivities::command, shell("echo '{\"n\": 2}'"))
        .await
        .unwrap();
    assert_eq!(done.output, json!({"n": 2}));
    assert_eq!(done.attempt, 1);
}

#[tokio::test]
async fn a_non_zero_exit_is_a_retryable_failure_typed_by_its_code() {
    let env = environment(true);
    let result = env.run(PipelineActivities::command, shell("exit 3")).await;
    assert_eq!(failure(result), ("exit:3".to_string(), false));
}

#[tokio::test]
async fn commands_are_refused_at_once_on_a_worker_that_does_not_run_them() {
    let env = environment(false);
    let result = env.run(PipelineActivities::command, shell("true")).await;
    assert_eq!(failure(result), ("CommandsDisabled".to_string(), true));
}

#[tokio::test]
async fn a_missing_program_is_final() {
    let env = environment(true);
    let mut request = shell("");
    request.shell = None;
    request.argv = vec!["/no/such/program".into()];
    let result = env.run(PipelineActivities::command, request).await;
    assert_eq!(failure(result), ("CommandNotFound".to_string(), true));
}

#[tokio::test]
async fn an_unknown_pipeline_is_final_and_lists_the_known_ones() {
    let env = environment(false);
    let request = ResolveRequest {
        pipeline: Value::String("nope".into()),
        input: Default::default(),
        signed: false,
    };
    match env.run(PipelineActivities::resolve, request).await {
        Err(ActivityEnvironmentError::Activity(ActivityError::Application(app))) => {
            assert_eq!(app.type_name(), Some(failure_type::UNKNOWN_PIPELINE));
            assert!(app.is_non_retryable());
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_built_in_resolves_with_its_defaults() {
    let env = environment(false);
    let request = ResolveRequest {
        pipeline: Value::String("long-running-task".into()),
        input: Default::default(),
        signed: false,
    };
    let resolved = env.run(PipelineActivities::resolve, request).await.unwrap();
    assert_eq!(resolved.spec.name, "long-running-task");
    assert_eq!(resolved.input["steps"], 10);
}
