//! `orca worker`: start-up failures. (Shutdown is in reliability_shutdown.rs.)

use std::time::Duration;

use crate::common::*;

#[test]
fn a_worker_without_a_server_is_exit_6() {
    let env = Env::new();
    let done = env
        .orca(["worker", "--address", &format!("127.0.0.1:{}", free_port())])
        .run_within(Duration::from_secs(15));
    assert_eq!(done.code, 6, "{done}");
    done.stderr_has("error: cannot reach Temporal");
}
