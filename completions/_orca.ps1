
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'orca' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'orca'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'orca' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('dev', 'dev', [CompletionResultType]::ParameterValue, 'Run a local Temporal dev server and a worker in one process')
            [CompletionResult]::new('worker', 'worker', [CompletionResultType]::ParameterValue, 'Run a worker that executes pipelines from the task queue')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a pipeline run')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve a run that is waiting at an approval gate')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject a run that is waiting at an approval gate')
            [CompletionResult]::new('request-changes', 'request-changes', [CompletionResultType]::ParameterValue, 'Send a run back to an earlier step with feedback on what to change')
            [CompletionResult]::new('delegate', 'delegate', [CompletionResultType]::ParameterValue, 'Hand your decision at a gate to someone else, for this opening of the gate')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show where a run is: phase, steps, approval')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Follow a run live until it ends; exits with its outcome (0/3/4)')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait for a run''s approval or end; exit 0/3/4, or 8 on --timeout')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List recent runs; --awaiting-approval shows every gate waiting')
            [CompletionResult]::new('inbox', 'inbox', [CompletionResultType]::ParameterValue, 'The gates you (or --as NAME) may decide right now')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'A run''s timeline: steps, attempts, approvals, signals, outcome')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Re-check a run''s signed decisions and requester from its history (exit 4 if any fail)')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Check that this build replays a recorded run exactly (before rolling out workers)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause a run: no new step starts until `orca resume`')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a paused run')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a run after its current step; it ends with outcome `stopped`')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a run (Temporal cancellation: running steps are cancelled)')
            [CompletionResult]::new('terminate', 'terminate', [CompletionResultType]::ParameterValue, 'Terminate a run at once (asks first on a terminal)')
            [CompletionResult]::new('schedule', 'schedule', [CompletionResultType]::ParameterValue, 'Start pipelines on a schedule: every N seconds, daily times, cron')
            [CompletionResult]::new('pipelines', 'pipelines', [CompletionResultType]::ParameterValue, 'List and show the pipelines this binary knows')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the setup: settings, server, TLS, namespace, workers, stuck runs, clock')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orca;dev' {
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'gRPC port of the dev server')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'Port of the Temporal web UI')
            [CompletionResult]::new('--db', '--db', [CompletionResultType]::ParameterName, 'Database file that keeps runs across restarts [default: <data dir>/orca/dev.db, e.g. ~/.local/share/orca/dev.db]')
            [CompletionResult]::new('--max-concurrent-workflows', '--max-concurrent-workflows', [CompletionResultType]::ParameterName, 'Workflow tasks processed at once')
            [CompletionResult]::new('--max-concurrent-activities', '--max-concurrent-activities', [CompletionResultType]::ParameterName, 'Activities (step executions) run at once')
            [CompletionResult]::new('--workflow-pollers', '--workflow-pollers', [CompletionResultType]::ParameterName, 'Polls for workflow tasks kept open at once (at least 2)')
            [CompletionResult]::new('--activity-pollers', '--activity-pollers', [CompletionResultType]::ParameterName, 'Polls for activity tasks (steps) kept open at once')
            [CompletionResult]::new('--max-cached-runs', '--max-cached-runs', [CompletionResultType]::ParameterName, 'Runs kept in memory between their tasks (more: less replaying from history)')
            [CompletionResult]::new('--shutdown-grace', '--shutdown-grace', [CompletionResultType]::ParameterName, 'On SIGINT/SIGTERM, let running steps finish for this long before cancelling them')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr (level from RUST_LOG, default info)')
            [CompletionResult]::new('--pipelines', '--pipelines', [CompletionResultType]::ParameterName, 'The *.toml pipelines of this directory, besides the built-ins (as a worker started with the same flag knows them)')
            [CompletionResult]::new('--default-step-timeout', '--default-step-timeout', [CompletionResultType]::ParameterName, 'Timeout of each attempt of command, http and agent steps that set none [default: 10m]')
            [CompletionResult]::new('--metrics-address', '--metrics-address', [CompletionResultType]::ParameterName, 'Serve Prometheus metrics (the SDK''s and orca''s) at http://HOST:PORT/metrics')
            [CompletionResult]::new('--approvers-file', '--approvers-file', [CompletionResultType]::ParameterName, 'Approver groups for gates (`group:NAME`): a TOML file with a [groups] table')
            [CompletionResult]::new('--continue-as-new-after', '--continue-as-new-after', [CompletionResultType]::ParameterName, 'A run continues as new (same workflow ID, history starting afresh) once its history has this many events [default: 10000]')
            [CompletionResult]::new('--allowed-signers', '--allowed-signers', [CompletionResultType]::ParameterName, 'Keys that may sign decisions and starts, in git''s allowed_signers format (README "Verified approvals"); read again each time a gate opens')
            [CompletionResult]::new('--signature-window', '--signature-window', [CompletionResultType]::ParameterName, 'How far a signature''s time may be from the run''s clock, either way')
            [CompletionResult]::new('--inline-pipelines', '--inline-pipelines', [CompletionResultType]::ParameterName, 'Whether a start may send its own pipeline spec; with `deny` only built-ins and --pipelines DIR run, so a requester cannot write the rules of their own gate')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--headless', '--headless', [CompletionResultType]::ParameterName, 'Do not start the web UI')
            [CompletionResult]::new('--ephemeral', '--ephemeral', [CompletionResultType]::ParameterName, 'Keep everything in memory: runs are gone when the server stops')
            [CompletionResult]::new('--allow-commands', '--allow-commands', [CompletionResultType]::ParameterName, 'Run `command` steps (off by default: a pipeline can then run any program as this user)')
            [CompletionResult]::new('--require-signed-approvals', '--require-signed-approvals', [CompletionResultType]::ParameterName, 'Every gate takes only signed decisions (needs --allowed-signers)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;worker' {
            [CompletionResult]::new('--max-concurrent-workflows', '--max-concurrent-workflows', [CompletionResultType]::ParameterName, 'Workflow tasks processed at once')
            [CompletionResult]::new('--max-concurrent-activities', '--max-concurrent-activities', [CompletionResultType]::ParameterName, 'Activities (step executions) run at once')
            [CompletionResult]::new('--workflow-pollers', '--workflow-pollers', [CompletionResultType]::ParameterName, 'Polls for workflow tasks kept open at once (at least 2)')
            [CompletionResult]::new('--activity-pollers', '--activity-pollers', [CompletionResultType]::ParameterName, 'Polls for activity tasks (steps) kept open at once')
            [CompletionResult]::new('--max-cached-runs', '--max-cached-runs', [CompletionResultType]::ParameterName, 'Runs kept in memory between their tasks (more: less replaying from history)')
            [CompletionResult]::new('--shutdown-grace', '--shutdown-grace', [CompletionResultType]::ParameterName, 'On SIGINT/SIGTERM, let running steps finish for this long before cancelling them')
            [CompletionResult]::new('--log-format', '--log-format', [CompletionResultType]::ParameterName, 'Log format on stderr (level from RUST_LOG, default info)')
            [CompletionResult]::new('--pipelines', '--pipelines', [CompletionResultType]::ParameterName, 'The *.toml pipelines of this directory, besides the built-ins (as a worker started with the same flag knows them)')
            [CompletionResult]::new('--default-step-timeout', '--default-step-timeout', [CompletionResultType]::ParameterName, 'Timeout of each attempt of command, http and agent steps that set none [default: 10m]')
            [CompletionResult]::new('--metrics-address', '--metrics-address', [CompletionResultType]::ParameterName, 'Serve Prometheus metrics (the SDK''s and orca''s) at http://HOST:PORT/metrics')
            [CompletionResult]::new('--approvers-file', '--approvers-file', [CompletionResultType]::ParameterName, 'Approver groups for gates (`group:NAME`): a TOML file with a [groups] table')
            [CompletionResult]::new('--continue-as-new-after', '--continue-as-new-after', [CompletionResultType]::ParameterName, 'A run continues as new (same workflow ID, history starting afresh) once its history has this many events [default: 10000]')
            [CompletionResult]::new('--allowed-signers', '--allowed-signers', [CompletionResultType]::ParameterName, 'Keys that may sign decisions and starts, in git''s allowed_signers format (README "Verified approvals"); read again each time a gate opens')
            [CompletionResult]::new('--signature-window', '--signature-window', [CompletionResultType]::ParameterName, 'How far a signature''s time may be from the run''s clock, either way')
            [CompletionResult]::new('--inline-pipelines', '--inline-pipelines', [CompletionResultType]::ParameterName, 'Whether a start may send its own pipeline spec; with `deny` only built-ins and --pipelines DIR run, so a requester cannot write the rules of their own gate')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--allow-commands', '--allow-commands', [CompletionResultType]::ParameterName, 'Run `command` steps (off by default: a pipeline can then run any program as this user)')
            [CompletionResult]::new('--require-signed-approvals', '--require-signed-approvals', [CompletionResultType]::ParameterName, 'Every gate takes only signed decisions (needs --allowed-signers)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;start' {
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'An input as NAME=VALUE (a string); repeatable')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'An input as NAME=VALUE (a string); repeatable')
            [CompletionResult]::new('--input-json', '--input-json', [CompletionResultType]::ParameterName, 'Inputs as a JSON object, for typed values: ''{"count": 3}''; @FILE reads it from a file, - from stdin')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Workflow ID of the run [default: PIPELINE-<random>]')
            [CompletionResult]::new('--id-reuse', '--id-reuse', [CompletionResultType]::ParameterName, 'With --id: whether an ID whose run has finished may start another run (`temporal workflow start --id-reuse-policy`''s names, its spelling accepted too); by default it is refused (exit 7)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'With --wait or --follow: stop waiting after this long (exit 8, the run goes on)')
            [CompletionResult]::new('--execution-timeout', '--execution-timeout', [CompletionResultType]::ParameterName, 'The run fails (exit 4) if it has not ended after this long [default: no limit]')
            [CompletionResult]::new('--pipelines', '--pipelines', [CompletionResultType]::ParameterName, 'The *.toml pipelines of this directory, besides the built-ins (as a worker started with the same flag knows them)')
            [CompletionResult]::new('--signing-key', '--signing-key', [CompletionResultType]::ParameterName, 'Sign with this SSH key: a key file (private, or public with the private half in ssh-agent) or `key::ssh-ed25519 AAAA…` held by ssh-agent [default: git''s user.signingkey when gpg.format = ssh]')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Start a workflow that is not orca''s, by type (a migration from another worker); its arguments come from --args-json')
            [CompletionResult]::new('--args-json', '--args-json', [CompletionResultType]::ParameterName, 'With --type: one workflow argument as JSON; repeatable')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Wait for the run to end; exit 0 completed, 3 rejected/denied/stopped, 4 failed')
            [CompletionResult]::new('--follow', '--follow', [CompletionResultType]::ParameterName, 'Follow the run live (as `orca watch`) and exit with its outcome')
            [CompletionResult]::new('--no-sign', '--no-sign', [CompletionResultType]::ParameterName, 'Do not sign, even when git has a signing key')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;approve' {
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Decide as NAME [default: --identity, else the OS user]')
            [CompletionResult]::new('--pipeline', '--pipeline', [CompletionResultType]::ParameterName, 'Only runs of this pipeline (the picker, --all)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Only runs also matching this visibility query (the picker, --all)')
            [CompletionResult]::new('--signing-key', '--signing-key', [CompletionResultType]::ParameterName, 'Sign with this SSH key: a key file (private, or public with the private half in ssh-agent) or `key::ssh-ed25519 AAAA…` held by ssh-agent [default: git''s user.signingkey when gpg.format = ssh]')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'A field of the gate''s form (reject: its rejection form) as NAME=VALUE, typed as the gate declares it (a list: comma-separated); repeatable. On a terminal, the fields not given are asked for (not with --yes)')
            [CompletionResult]::new('--fields-json', '--fields-json', [CompletionResultType]::ParameterName, 'The form as a JSON object, sent as given: ''{"replicas": 5}''; @FILE reads it from a file, - from stdin')
            [CompletionResult]::new('--signal', '--signal', [CompletionResultType]::ParameterName, 'Not an orca run: send this signal instead (payload from --payload-json)')
            [CompletionResult]::new('--update', '--update', [CompletionResultType]::ParameterName, 'Not an orca run: execute this update instead and print its result')
            [CompletionResult]::new('--payload-json', '--payload-json', [CompletionResultType]::ParameterName, 'JSON payload for --signal / --update')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Why, recorded with the decision')
            [CompletionResult]::new('--comment', '--comment', [CompletionResultType]::ParameterName, 'Why, recorded with the decision')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--no-sign', '--no-sign', [CompletionResultType]::ParameterName, 'Do not sign, even when git has a signing key')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Decide every run awaiting approval that matches the filters')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask: no confirmation (needed for --all when not on a terminal), no questions for the gate''s form')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask: no confirmation (needed for --all when not on a terminal), no questions for the gate''s form')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;reject' {
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Decide as NAME [default: --identity, else the OS user]')
            [CompletionResult]::new('--pipeline', '--pipeline', [CompletionResultType]::ParameterName, 'Only runs of this pipeline (the picker, --all)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Only runs also matching this visibility query (the picker, --all)')
            [CompletionResult]::new('--signing-key', '--signing-key', [CompletionResultType]::ParameterName, 'Sign with this SSH key: a key file (private, or public with the private half in ssh-agent) or `key::ssh-ed25519 AAAA…` held by ssh-agent [default: git''s user.signingkey when gpg.format = ssh]')
            [CompletionResult]::new('--field', '--field', [CompletionResultType]::ParameterName, 'A field of the gate''s form (reject: its rejection form) as NAME=VALUE, typed as the gate declares it (a list: comma-separated); repeatable. On a terminal, the fields not given are asked for (not with --yes)')
            [CompletionResult]::new('--fields-json', '--fields-json', [CompletionResultType]::ParameterName, 'The form as a JSON object, sent as given: ''{"replicas": 5}''; @FILE reads it from a file, - from stdin')
            [CompletionResult]::new('--signal', '--signal', [CompletionResultType]::ParameterName, 'Not an orca run: send this signal instead (payload from --payload-json)')
            [CompletionResult]::new('--update', '--update', [CompletionResultType]::ParameterName, 'Not an orca run: execute this update instead and print its result')
            [CompletionResult]::new('--payload-json', '--payload-json', [CompletionResultType]::ParameterName, 'JSON payload for --signal / --update')
            [CompletionResult]::new('-r', '-r', [CompletionResultType]::ParameterName, 'Why, recorded with the decision [asked for on a terminal]')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, recorded with the decision [asked for on a terminal]')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--no-sign', '--no-sign', [CompletionResultType]::ParameterName, 'Do not sign, even when git has a signing key')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Decide every run awaiting approval that matches the filters')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask: no confirmation (needed for --all when not on a terminal), no questions for the gate''s form')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask: no confirmation (needed for --all when not on a terminal), no questions for the gate''s form')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;request-changes' {
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Decide as NAME [default: --identity, else the OS user]')
            [CompletionResult]::new('--pipeline', '--pipeline', [CompletionResultType]::ParameterName, 'Only runs of this pipeline (the picker, --all)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Only runs also matching this visibility query (the picker, --all)')
            [CompletionResult]::new('--signing-key', '--signing-key', [CompletionResultType]::ParameterName, 'Sign with this SSH key: a key file (private, or public with the private half in ssh-agent) or `key::ssh-ed25519 AAAA…` held by ssh-agent [default: git''s user.signingkey when gpg.format = ssh]')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'What to change: the feedback the steps that run again read as `steps.GATE.output.feedback` [asked for on a terminal]')
            [CompletionResult]::new('--comment', '--comment', [CompletionResultType]::ParameterName, 'What to change: the feedback the steps that run again read as `steps.GATE.output.feedback` [asked for on a terminal]')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--no-sign', '--no-sign', [CompletionResultType]::ParameterName, 'Do not sign, even when git has a signing key')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;delegate' {
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Decide as NAME [default: --identity, else the OS user]')
            [CompletionResult]::new('--pipeline', '--pipeline', [CompletionResultType]::ParameterName, 'Only runs of this pipeline (the picker, --all)')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Only runs also matching this visibility query (the picker, --all)')
            [CompletionResult]::new('--signing-key', '--signing-key', [CompletionResultType]::ParameterName, 'Sign with this SSH key: a key file (private, or public with the private half in ssh-agent) or `key::ssh-ed25519 AAAA…` held by ssh-agent [default: git''s user.signingkey when gpg.format = ssh]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Who decides in your place, at this opening of the gate only')
            [CompletionResult]::new('-c', '-c', [CompletionResultType]::ParameterName, 'Why, recorded with the delegation')
            [CompletionResult]::new('--comment', '--comment', [CompletionResultType]::ParameterName, 'Why, recorded with the delegation')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--no-sign', '--no-sign', [CompletionResultType]::ParameterName, 'Do not sign, even when git has a signing key')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;status' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'An earlier run of the ID (one started again under it): its run ID, from `orca list -o json` or `start -o json` (`run_id`). A run that continued as new shows where its chain ended [default: the ID''s latest run]')
            [CompletionResult]::new('--pipeline', '--pipeline', [CompletionResultType]::ParameterName, 'Without an ID: offer only runs of this pipeline')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;watch' {
            [CompletionResult]::new('--pipeline', '--pipeline', [CompletionResultType]::ParameterName, 'Without an ID: offer only runs of this pipeline')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop watching after this long (exit 8; the run goes on)')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--outputs', '--outputs', [CompletionResultType]::ParameterName, 'At the end, list each step''s output below the outcome (as JSON; -o json has them anyway)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;wait' {
            [CompletionResult]::new('--for', '--for', [CompletionResultType]::ParameterName, 'What to wait for: the gate''s decision, or the end of the run')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up after this long (exit 8; the run goes on)')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;list' {
            [CompletionResult]::new('--pipeline', '--pipeline', [CompletionResultType]::ParameterName, 'Only runs of this pipeline')
            [CompletionResult]::new('--schedule', '--schedule', [CompletionResultType]::ParameterName, 'Only runs started by this schedule')
            [CompletionResult]::new('--phase', '--phase', [CompletionResultType]::ParameterName, 'Only runs in this orca phase')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only runs with this Temporal status')
            [CompletionResult]::new('--query', '--query', [CompletionResultType]::ParameterName, 'Also match this raw visibility query, e.g. "StartTime > ''2026-01-01T00:00:00Z''"; one that names a WorkflowType lists runs that are not orca''s too')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many runs, newest first (0: all)')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--awaiting-approval', '--awaiting-approval', [CompletionResultType]::ParameterName, 'Only runs waiting at an approval gate (the inbox)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;inbox' {
            [CompletionResult]::new('--as', '--as', [CompletionResultType]::ParameterName, 'Whose inbox [default: --identity, else the OS user]')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'At most this many gates (0: all)')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;history' {
            [CompletionResult]::new('--run-id', '--run-id', [CompletionResultType]::ParameterName, 'An earlier run of the ID (one started again under it): its run ID, from `orca list -o json` or `start -o json` (`run_id`). Any run of a chain that continued as new shows the whole chain [default: the ID''s latest run]')
            [CompletionResult]::new('--pipeline', '--pipeline', [CompletionResultType]::ParameterName, 'Without an ID: offer only runs of this pipeline')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;verify' {
            [CompletionResult]::new('--allowed-signers', '--allowed-signers', [CompletionResultType]::ParameterName, 'The keys you trust, in git''s allowed_signers format')
            [CompletionResult]::new('--signature-window', '--signature-window', [CompletionResultType]::ParameterName, 'How far a signature''s time may be from when the server took the decision')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;replay' {
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'Fetch the history of this run from the server')
            [CompletionResult]::new('--save', '--save', [CompletionResultType]::ParameterName, 'Also write the history (orca''s JSON form) to this file')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;pause' {
            [CompletionResult]::new('--pipeline', '--pipeline', [CompletionResultType]::ParameterName, 'Without an ID: offer only runs of this pipeline')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;resume' {
            [CompletionResult]::new('--pipeline', '--pipeline', [CompletionResultType]::ParameterName, 'Without an ID: offer only runs of this pipeline')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;stop' {
            [CompletionResult]::new('--pipeline', '--pipeline', [CompletionResultType]::ParameterName, 'Without an ID: offer only runs of this pipeline')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;cancel' {
            [CompletionResult]::new('--pipeline', '--pipeline', [CompletionResultType]::ParameterName, 'Without an ID: offer only runs of this pipeline')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, recorded in the history')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'How long to wait for the run to wind down and report its end')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;terminate' {
            [CompletionResult]::new('--pipeline', '--pipeline', [CompletionResultType]::ParameterName, 'Without an ID: offer only runs of this pipeline')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why, recorded in the history')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (needed when not on a terminal)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;schedule' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a schedule that starts PIPELINE (exactly one of --every, --cron, --at)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List schedules: spec in words, paused, next run, last result, skips')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a schedule: spec, state, next 5 runs, recent runs and their outcomes')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause a schedule: no new runs start until unpaused')
            [CompletionResult]::new('unpause', 'unpause', [CompletionResultType]::ParameterValue, 'Unpause a schedule')
            [CompletionResult]::new('trigger', 'trigger', [CompletionResultType]::ParameterValue, 'Start one run now')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a schedule (any create flag; the others keep their values)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a schedule (its runs are kept); asks first on a terminal')
            [CompletionResult]::new('backfill', 'backfill', [CompletionResultType]::ParameterValue, 'Start the runs a schedule would have started between two times')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the server''s schedules match a file: plan, then apply')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orca;schedule;create' {
            [CompletionResult]::new('--every', '--every', [CompletionResultType]::ParameterName, 'Every this long: 15s, 5m, 1h')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'With --every: shift each firing by this much')
            [CompletionResult]::new('--cron', '--cron', [CompletionResultType]::ParameterName, 'A cron expression (5 fields, evaluated by the server); repeatable')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Daily at these times: HH:MM[,HH:MM…]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Time zone of --cron and --at (IANA name) [default: UTC]')
            [CompletionResult]::new('--overlap', '--overlap', [CompletionResultType]::ParameterName, 'When a run is due while the last one still runs [default: skip]')
            [CompletionResult]::new('--catchup-window', '--catchup-window', [CompletionResultType]::ParameterName, 'After an outage, start missed runs that are at most this late')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note shown in describe')
            [CompletionResult]::new('--workflow-id-prefix', '--workflow-id-prefix', [CompletionResultType]::ParameterName, 'Workflow IDs of the runs start with this [default: the schedule name]')
            [CompletionResult]::new('--execution-timeout', '--execution-timeout', [CompletionResultType]::ParameterName, 'The run fails (exit 4) if it has not ended after this long [default: no limit]')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'An input as NAME=VALUE (a string); repeatable')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'An input as NAME=VALUE (a string); repeatable')
            [CompletionResult]::new('--input-json', '--input-json', [CompletionResultType]::ParameterName, 'Inputs as a JSON object, for typed values: ''{"count": 3}''; @FILE reads it from a file, - from stdin')
            [CompletionResult]::new('--pipelines', '--pipelines', [CompletionResultType]::ParameterName, 'The *.toml pipelines of this directory, besides the built-ins (as a worker started with the same flag knows them)')
            [CompletionResult]::new('--signing-key', '--signing-key', [CompletionResultType]::ParameterName, 'Sign with this SSH key: a key file (private, or public with the private half in ssh-agent) or `key::ssh-ed25519 AAAA…` held by ssh-agent [default: git''s user.signingkey when gpg.format = ssh]')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--pause-on-failure', '--pause-on-failure', [CompletionResultType]::ParameterName, 'Pause the schedule when a run fails')
            [CompletionResult]::new('--paused', '--paused', [CompletionResultType]::ParameterName, 'Create it paused')
            [CompletionResult]::new('--no-sign', '--no-sign', [CompletionResultType]::ParameterName, 'Do not sign, even when git has a signing key')
            [CompletionResult]::new('--trigger-now', '--trigger-now', [CompletionResultType]::ParameterName, 'Also start one run right away')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;schedule;list' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;schedule;describe' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;schedule;pause' {
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'Why (shown in describe)')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;schedule;unpause' {
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'Why (shown in describe)')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;schedule;trigger' {
            [CompletionResult]::new('--overlap', '--overlap', [CompletionResultType]::ParameterName, 'What to do if a run of this schedule is still going [default: allow-all]')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;schedule;update' {
            [CompletionResult]::new('--pipeline', '--pipeline', [CompletionResultType]::ParameterName, 'Start this pipeline instead')
            [CompletionResult]::new('--every', '--every', [CompletionResultType]::ParameterName, 'Every this long: 15s, 5m, 1h')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'With --every: shift each firing by this much')
            [CompletionResult]::new('--cron', '--cron', [CompletionResultType]::ParameterName, 'A cron expression (5 fields, evaluated by the server); repeatable')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Daily at these times: HH:MM[,HH:MM…]')
            [CompletionResult]::new('--tz', '--tz', [CompletionResultType]::ParameterName, 'Time zone of --cron and --at (IANA name) [default: UTC]')
            [CompletionResult]::new('--overlap', '--overlap', [CompletionResultType]::ParameterName, 'When a run is due while the last one still runs [default: skip]')
            [CompletionResult]::new('--catchup-window', '--catchup-window', [CompletionResultType]::ParameterName, 'After an outage, start missed runs that are at most this late')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note shown in describe')
            [CompletionResult]::new('--workflow-id-prefix', '--workflow-id-prefix', [CompletionResultType]::ParameterName, 'Workflow IDs of the runs start with this [default: the schedule name]')
            [CompletionResult]::new('--execution-timeout', '--execution-timeout', [CompletionResultType]::ParameterName, 'The run fails (exit 4) if it has not ended after this long [default: no limit]')
            [CompletionResult]::new('-i', '-i', [CompletionResultType]::ParameterName, 'An input as NAME=VALUE (a string); repeatable')
            [CompletionResult]::new('--input', '--input', [CompletionResultType]::ParameterName, 'An input as NAME=VALUE (a string); repeatable')
            [CompletionResult]::new('--input-json', '--input-json', [CompletionResultType]::ParameterName, 'Inputs as a JSON object, for typed values: ''{"count": 3}''; @FILE reads it from a file, - from stdin')
            [CompletionResult]::new('--pipelines', '--pipelines', [CompletionResultType]::ParameterName, 'The *.toml pipelines of this directory, besides the built-ins (as a worker started with the same flag knows them)')
            [CompletionResult]::new('--signing-key', '--signing-key', [CompletionResultType]::ParameterName, 'Sign with this SSH key: a key file (private, or public with the private half in ssh-agent) or `key::ssh-ed25519 AAAA…` held by ssh-agent [default: git''s user.signingkey when gpg.format = ssh]')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--pause-on-failure', '--pause-on-failure', [CompletionResultType]::ParameterName, 'Pause the schedule when a run fails')
            [CompletionResult]::new('--paused', '--paused', [CompletionResultType]::ParameterName, 'Create it paused')
            [CompletionResult]::new('--no-sign', '--no-sign', [CompletionResultType]::ParameterName, 'Do not sign, even when git has a signing key')
            [CompletionResult]::new('--active', '--active', [CompletionResultType]::ParameterName, 'Unpause it (the opposite of --paused)')
            [CompletionResult]::new('--no-pause-on-failure', '--no-pause-on-failure', [CompletionResultType]::ParameterName, 'Stop pausing it when a run fails')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;schedule;delete' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask (needed when not on a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask (needed when not on a terminal)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;schedule;backfill' {
            [CompletionResult]::new('--start', '--start', [CompletionResultType]::ParameterName, 'Start of the range (RFC 3339, e.g. 2026-11-20T00:00:00Z)')
            [CompletionResult]::new('--end', '--end', [CompletionResultType]::ParameterName, 'End of the range (RFC 3339)')
            [CompletionResult]::new('--overlap', '--overlap', [CompletionResultType]::ParameterName, 'overlap')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;schedule;apply' {
            [CompletionResult]::new('--pipelines', '--pipelines', [CompletionResultType]::ParameterName, 'The *.toml pipelines of this directory, besides the built-ins (as a worker started with the same flag knows them)')
            [CompletionResult]::new('--signing-key', '--signing-key', [CompletionResultType]::ParameterName, 'Sign with this SSH key: a key file (private, or public with the private half in ssh-agent) or `key::ssh-ed25519 AAAA…` held by ssh-agent [default: git''s user.signingkey when gpg.format = ssh]')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the plan only; change nothing')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Also delete orca-made schedules that the file does not list')
            [CompletionResult]::new('--no-sign', '--no-sign', [CompletionResultType]::ParameterName, 'Do not sign, even when git has a signing key')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;schedule;help' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a schedule that starts PIPELINE (exactly one of --every, --cron, --at)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List schedules: spec in words, paused, next run, last result, skips')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a schedule: spec, state, next 5 runs, recent runs and their outcomes')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause a schedule: no new runs start until unpaused')
            [CompletionResult]::new('unpause', 'unpause', [CompletionResultType]::ParameterValue, 'Unpause a schedule')
            [CompletionResult]::new('trigger', 'trigger', [CompletionResultType]::ParameterValue, 'Start one run now')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a schedule (any create flag; the others keep their values)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a schedule (its runs are kept); asks first on a terminal')
            [CompletionResult]::new('backfill', 'backfill', [CompletionResultType]::ParameterValue, 'Start the runs a schedule would have started between two times')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the server''s schedules match a file: plan, then apply')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orca;schedule;help;create' {
            break
        }
        'orca;schedule;help;list' {
            break
        }
        'orca;schedule;help;describe' {
            break
        }
        'orca;schedule;help;pause' {
            break
        }
        'orca;schedule;help;unpause' {
            break
        }
        'orca;schedule;help;trigger' {
            break
        }
        'orca;schedule;help;update' {
            break
        }
        'orca;schedule;help;delete' {
            break
        }
        'orca;schedule;help;backfill' {
            break
        }
        'orca;schedule;help;apply' {
            break
        }
        'orca;schedule;help;help' {
            break
        }
        'orca;pipelines' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List built-in pipelines (and those in --pipelines DIR)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a pipeline''s TOML (a built-in name or a file)')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check pipeline files; exit 2 naming the first problem of each bad file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orca;pipelines;list' {
            [CompletionResult]::new('--pipelines', '--pipelines', [CompletionResultType]::ParameterName, 'The *.toml pipelines of this directory, besides the built-ins (as a worker started with the same flag knows them)')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;pipelines;show' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;pipelines;validate' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;pipelines;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List built-in pipelines (and those in --pipelines DIR)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a pipeline''s TOML (a built-in name or a file)')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check pipeline files; exit 2 naming the first problem of each bad file')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orca;pipelines;help;list' {
            break
        }
        'orca;pipelines;help;show' {
            break
        }
        'orca;pipelines;help;validate' {
            break
        }
        'orca;pipelines;help;help' {
            break
        }
        'orca;doctor' {
            [CompletionResult]::new('--run', '--run', [CompletionResultType]::ParameterName, 'Explain one run instead: where it waits and why (a person, a worker, a timer, paused), its attempts and last failure')
            [CompletionResult]::new('--allowed-signers', '--allowed-signers', [CompletionResultType]::ParameterName, 'An allowed signers file to check (git''s allowed_signers format)')
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;completions' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;man' {
            [CompletionResult]::new('--address', '--address', [CompletionResultType]::ParameterName, 'Temporal frontend address, HOST:PORT [default: localhost:7233]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--namespace', '--namespace', [CompletionResultType]::ParameterName, 'Temporal namespace [default: default]')
            [CompletionResult]::new('--task-queue', '--task-queue', [CompletionResultType]::ParameterName, 'Task queue of orca workers')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile of the temporal.toml config file [default: default]')
            [CompletionResult]::new('--config-file', '--config-file', [CompletionResultType]::ParameterName, 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]')
            [CompletionResult]::new('--env-file', '--env-file', [CompletionResultType]::ParameterName, 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here')
            [CompletionResult]::new('--tls-cert-path', '--tls-cert-path', [CompletionResultType]::ParameterName, 'Client certificate for mTLS (PEM)')
            [CompletionResult]::new('--tls-key-path', '--tls-key-path', [CompletionResultType]::ParameterName, 'Client private key for mTLS (PEM)')
            [CompletionResult]::new('--tls-ca-path', '--tls-ca-path', [CompletionResultType]::ParameterName, 'CA certificate that signed the server''s certificate (PEM)')
            [CompletionResult]::new('--tls-server-name', '--tls-server-name', [CompletionResultType]::ParameterName, 'Server name to verify the server''s certificate against')
            [CompletionResult]::new('--identity', '--identity', [CompletionResultType]::ParameterName, 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Give up connecting to Temporal after this long')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use colour (NO_COLOR is honoured in `auto`)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Use TLS (implied by an API key or any other TLS option)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'orca;help' {
            [CompletionResult]::new('dev', 'dev', [CompletionResultType]::ParameterValue, 'Run a local Temporal dev server and a worker in one process')
            [CompletionResult]::new('worker', 'worker', [CompletionResultType]::ParameterValue, 'Run a worker that executes pipelines from the task queue')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start a pipeline run')
            [CompletionResult]::new('approve', 'approve', [CompletionResultType]::ParameterValue, 'Approve a run that is waiting at an approval gate')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject a run that is waiting at an approval gate')
            [CompletionResult]::new('request-changes', 'request-changes', [CompletionResultType]::ParameterValue, 'Send a run back to an earlier step with feedback on what to change')
            [CompletionResult]::new('delegate', 'delegate', [CompletionResultType]::ParameterValue, 'Hand your decision at a gate to someone else, for this opening of the gate')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'Show where a run is: phase, steps, approval')
            [CompletionResult]::new('watch', 'watch', [CompletionResultType]::ParameterValue, 'Follow a run live until it ends; exits with its outcome (0/3/4)')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait for a run''s approval or end; exit 0/3/4, or 8 on --timeout')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List recent runs; --awaiting-approval shows every gate waiting')
            [CompletionResult]::new('inbox', 'inbox', [CompletionResultType]::ParameterValue, 'The gates you (or --as NAME) may decide right now')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'A run''s timeline: steps, attempts, approvals, signals, outcome')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Re-check a run''s signed decisions and requester from its history (exit 4 if any fail)')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Check that this build replays a recorded run exactly (before rolling out workers)')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause a run: no new step starts until `orca resume`')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Resume a paused run')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a run after its current step; it ends with outcome `stopped`')
            [CompletionResult]::new('cancel', 'cancel', [CompletionResultType]::ParameterValue, 'Cancel a run (Temporal cancellation: running steps are cancelled)')
            [CompletionResult]::new('terminate', 'terminate', [CompletionResultType]::ParameterValue, 'Terminate a run at once (asks first on a terminal)')
            [CompletionResult]::new('schedule', 'schedule', [CompletionResultType]::ParameterValue, 'Start pipelines on a schedule: every N seconds, daily times, cron')
            [CompletionResult]::new('pipelines', 'pipelines', [CompletionResultType]::ParameterValue, 'List and show the pipelines this binary knows')
            [CompletionResult]::new('doctor', 'doctor', [CompletionResultType]::ParameterValue, 'Check the setup: settings, server, TLS, namespace, workers, stuck runs, clock')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print shell completions (bash, zsh, fish, powershell, elvish)')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page (roff)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'orca;help;dev' {
            break
        }
        'orca;help;worker' {
            break
        }
        'orca;help;start' {
            break
        }
        'orca;help;approve' {
            break
        }
        'orca;help;reject' {
            break
        }
        'orca;help;request-changes' {
            break
        }
        'orca;help;delegate' {
            break
        }
        'orca;help;status' {
            break
        }
        'orca;help;watch' {
            break
        }
        'orca;help;wait' {
            break
        }
        'orca;help;list' {
            break
        }
        'orca;help;inbox' {
            break
        }
        'orca;help;history' {
            break
        }
        'orca;help;verify' {
            break
        }
        'orca;help;replay' {
            break
        }
        'orca;help;pause' {
            break
        }
        'orca;help;resume' {
            break
        }
        'orca;help;stop' {
            break
        }
        'orca;help;cancel' {
            break
        }
        'orca;help;terminate' {
            break
        }
        'orca;help;schedule' {
            [CompletionResult]::new('create', 'create', [CompletionResultType]::ParameterValue, 'Create a schedule that starts PIPELINE (exactly one of --every, --cron, --at)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List schedules: spec in words, paused, next run, last result, skips')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Show a schedule: spec, state, next 5 runs, recent runs and their outcomes')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Pause a schedule: no new runs start until unpaused')
            [CompletionResult]::new('unpause', 'unpause', [CompletionResultType]::ParameterValue, 'Unpause a schedule')
            [CompletionResult]::new('trigger', 'trigger', [CompletionResultType]::ParameterValue, 'Start one run now')
            [CompletionResult]::new('update', 'update', [CompletionResultType]::ParameterValue, 'Change a schedule (any create flag; the others keep their values)')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete a schedule (its runs are kept); asks first on a terminal')
            [CompletionResult]::new('backfill', 'backfill', [CompletionResultType]::ParameterValue, 'Start the runs a schedule would have started between two times')
            [CompletionResult]::new('apply', 'apply', [CompletionResultType]::ParameterValue, 'Make the server''s schedules match a file: plan, then apply')
            break
        }
        'orca;help;schedule;create' {
            break
        }
        'orca;help;schedule;list' {
            break
        }
        'orca;help;schedule;describe' {
            break
        }
        'orca;help;schedule;pause' {
            break
        }
        'orca;help;schedule;unpause' {
            break
        }
        'orca;help;schedule;trigger' {
            break
        }
        'orca;help;schedule;update' {
            break
        }
        'orca;help;schedule;delete' {
            break
        }
        'orca;help;schedule;backfill' {
            break
        }
        'orca;help;schedule;apply' {
            break
        }
        'orca;help;pipelines' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List built-in pipelines (and those in --pipelines DIR)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print a pipeline''s TOML (a built-in name or a file)')
            [CompletionResult]::new('validate', 'validate', [CompletionResultType]::ParameterValue, 'Check pipeline files; exit 2 naming the first problem of each bad file')
            break
        }
        'orca;help;pipelines;list' {
            break
        }
        'orca;help;pipelines;show' {
            break
        }
        'orca;help;pipelines;validate' {
            break
        }
        'orca;help;doctor' {
            break
        }
        'orca;help;completions' {
            break
        }
        'orca;help;man' {
            break
        }
        'orca;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
