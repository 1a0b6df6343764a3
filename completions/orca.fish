# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_orca_global_optspecs
    string join \n address= n/namespace= task-queue= profile= config-file= env-file= tls tls-cert-path= tls-key-path= tls-ca-path= tls-server-name= identity= connect-timeout= o/output= color= h/help V/version
end

function __fish_orca_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_orca_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_orca_using_subcommand
    set -l cmd (__fish_orca_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c orca -n "__fish_orca_needs_command" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_needs_command" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_needs_command" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_needs_command" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_needs_command" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_needs_command" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_needs_command" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_needs_command" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_needs_command" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_needs_command" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_needs_command" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_needs_command" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_needs_command" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_needs_command" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_needs_command" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_needs_command" -s V -l version -d 'Print version'
complete -c orca -n "__fish_orca_needs_command" -f -a "dev" -d 'Run a local Temporal dev server and a worker in one process'
complete -c orca -n "__fish_orca_needs_command" -f -a "worker" -d 'Run a worker that executes pipelines from the task queue'
complete -c orca -n "__fish_orca_needs_command" -f -a "start" -d 'Start a pipeline run'
complete -c orca -n "__fish_orca_needs_command" -f -a "approve" -d 'Approve a run that is waiting at an approval gate'
complete -c orca -n "__fish_orca_needs_command" -f -a "reject" -d 'Reject a run that is waiting at an approval gate'
complete -c orca -n "__fish_orca_needs_command" -f -a "request-changes" -d 'Send a run back to an earlier step with feedback on what to change'
complete -c orca -n "__fish_orca_needs_command" -f -a "delegate" -d 'Hand your decision at a gate to someone else, for this opening of the gate'
complete -c orca -n "__fish_orca_needs_command" -f -a "status" -d 'Show where a run is: phase, steps, approval'
complete -c orca -n "__fish_orca_needs_command" -f -a "watch" -d 'Follow a run live until it ends; exits with its outcome (0/3/4)'
complete -c orca -n "__fish_orca_needs_command" -f -a "wait" -d 'Wait for a run\'s approval or end; exit 0/3/4, or 8 on --timeout'
complete -c orca -n "__fish_orca_needs_command" -f -a "list" -d 'List recent runs; --awaiting-approval shows every gate waiting'
complete -c orca -n "__fish_orca_needs_command" -f -a "inbox" -d 'The gates you (or --as NAME) may decide right now'
complete -c orca -n "__fish_orca_needs_command" -f -a "history" -d 'A run\'s timeline: steps, attempts, approvals, signals, outcome'
complete -c orca -n "__fish_orca_needs_command" -f -a "verify" -d 'Re-check a run\'s signed decisions and requester from its history (exit 4 if any fail)'
complete -c orca -n "__fish_orca_needs_command" -f -a "replay" -d 'Check that this build replays a recorded run exactly (before rolling out workers)'
complete -c orca -n "__fish_orca_needs_command" -f -a "pause" -d 'Pause a run: no new step starts until `orca resume`'
complete -c orca -n "__fish_orca_needs_command" -f -a "resume" -d 'Resume a paused run'
complete -c orca -n "__fish_orca_needs_command" -f -a "stop" -d 'Stop a run after its current step; it ends with outcome `stopped`'
complete -c orca -n "__fish_orca_needs_command" -f -a "cancel" -d 'Cancel a run (Temporal cancellation: running steps are cancelled)'
complete -c orca -n "__fish_orca_needs_command" -f -a "terminate" -d 'Terminate a run at once (asks first on a terminal)'
complete -c orca -n "__fish_orca_needs_command" -f -a "schedule" -d 'Start pipelines on a schedule: every N seconds, daily times, cron'
complete -c orca -n "__fish_orca_needs_command" -f -a "pipelines" -d 'List and show the pipelines this binary knows'
complete -c orca -n "__fish_orca_needs_command" -f -a "doctor" -d 'Check the setup: settings, server, TLS, namespace, workers, stuck runs, clock'
complete -c orca -n "__fish_orca_needs_command" -f -a "completions" -d 'Print shell completions (bash, zsh, fish, powershell, elvish)'
complete -c orca -n "__fish_orca_needs_command" -f -a "man" -d 'Print the man page (roff)'
complete -c orca -n "__fish_orca_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orca -n "__fish_orca_using_subcommand dev" -l port -d 'gRPC port of the dev server' -r
complete -c orca -n "__fish_orca_using_subcommand dev" -l ui-port -d 'Port of the Temporal web UI' -r
complete -c orca -n "__fish_orca_using_subcommand dev" -l db -d 'Database file that keeps runs across restarts [default: <data dir>/orca/dev.db, e.g. ~/.local/share/orca/dev.db]' -r -F
complete -c orca -n "__fish_orca_using_subcommand dev" -l max-concurrent-workflows -d 'Workflow tasks processed at once' -r
complete -c orca -n "__fish_orca_using_subcommand dev" -l max-concurrent-activities -d 'Activities (step executions) run at once' -r
complete -c orca -n "__fish_orca_using_subcommand dev" -l workflow-pollers -d 'Polls for workflow tasks kept open at once (at least 2)' -r
complete -c orca -n "__fish_orca_using_subcommand dev" -l activity-pollers -d 'Polls for activity tasks (steps) kept open at once' -r
complete -c orca -n "__fish_orca_using_subcommand dev" -l max-cached-runs -d 'Runs kept in memory between their tasks (more: less replaying from history)' -r
complete -c orca -n "__fish_orca_using_subcommand dev" -l shutdown-grace -d 'On SIGINT/SIGTERM, let running steps finish for this long before cancelling them' -r
complete -c orca -n "__fish_orca_using_subcommand dev" -l log-format -d 'Log format on stderr (level from RUST_LOG, default info)' -r -f -a "text\t''
json\t''"
complete -c orca -n "__fish_orca_using_subcommand dev" -l pipelines -d 'The *.toml pipelines of this directory, besides the built-ins (as a worker started with the same flag knows them)' -r -F
complete -c orca -n "__fish_orca_using_subcommand dev" -l default-step-timeout -d 'Timeout of each attempt of command, http and agent steps that set none [default: 10m]' -r
complete -c orca -n "__fish_orca_using_subcommand dev" -l metrics-address -d 'Serve Prometheus metrics (the SDK\'s and orca\'s) at http://HOST:PORT/metrics' -r
complete -c orca -n "__fish_orca_using_subcommand dev" -l approvers-file -d 'Approver groups for gates (`group:NAME`): a TOML file with a [groups] table' -r -F
complete -c orca -n "__fish_orca_using_subcommand dev" -l continue-as-new-after -d 'A run continues as new (same workflow ID, history starting afresh) once its history has this many events [default: 10000]' -r
complete -c orca -n "__fish_orca_using_subcommand dev" -l allowed-signers -d 'Keys that may sign decisions and starts, in git\'s allowed_signers format (README "Verified approvals"); read again each time a gate opens' -r -F
complete -c orca -n "__fish_orca_using_subcommand dev" -l signature-window -d 'How far a signature\'s time may be from the run\'s clock, either way' -r
complete -c orca -n "__fish_orca_using_subcommand dev" -l inline-pipelines -d 'Whether a start may send its own pipeline spec; with `deny` only built-ins and --pipelines DIR run, so a requester cannot write the rules of their own gate' -r -f -a "allow\t''
deny\t''"
complete -c orca -n "__fish_orca_using_subcommand dev" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand dev" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand dev" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand dev" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand dev" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand dev" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand dev" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand dev" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand dev" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand dev" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand dev" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand dev" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand dev" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand dev" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand dev" -l headless -d 'Do not start the web UI'
complete -c orca -n "__fish_orca_using_subcommand dev" -l ephemeral -d 'Keep everything in memory: runs are gone when the server stops'
complete -c orca -n "__fish_orca_using_subcommand dev" -l allow-commands -d 'Run `command` steps (off by default: a pipeline can then run any program as this user)'
complete -c orca -n "__fish_orca_using_subcommand dev" -l require-signed-approvals -d 'Every gate takes only signed decisions (needs --allowed-signers)'
complete -c orca -n "__fish_orca_using_subcommand dev" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand dev" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand worker" -l max-concurrent-workflows -d 'Workflow tasks processed at once' -r
complete -c orca -n "__fish_orca_using_subcommand worker" -l max-concurrent-activities -d 'Activities (step executions) run at once' -r
complete -c orca -n "__fish_orca_using_subcommand worker" -l workflow-pollers -d 'Polls for workflow tasks kept open at once (at least 2)' -r
complete -c orca -n "__fish_orca_using_subcommand worker" -l activity-pollers -d 'Polls for activity tasks (steps) kept open at once' -r
complete -c orca -n "__fish_orca_using_subcommand worker" -l max-cached-runs -d 'Runs kept in memory between their tasks (more: less replaying from history)' -r
complete -c orca -n "__fish_orca_using_subcommand worker" -l shutdown-grace -d 'On SIGINT/SIGTERM, let running steps finish for this long before cancelling them' -r
complete -c orca -n "__fish_orca_using_subcommand worker" -l log-format -d 'Log format on stderr (level from RUST_LOG, default info)' -r -f -a "text\t''
json\t''"
complete -c orca -n "__fish_orca_using_subcommand worker" -l pipelines -d 'The *.toml pipelines of this directory, besides the built-ins (as a worker started with the same flag knows them)' -r -F
complete -c orca -n "__fish_orca_using_subcommand worker" -l default-step-timeout -d 'Timeout of each attempt of command, http and agent steps that set none [default: 10m]' -r
complete -c orca -n "__fish_orca_using_subcommand worker" -l metrics-address -d 'Serve Prometheus metrics (the SDK\'s and orca\'s) at http://HOST:PORT/metrics' -r
complete -c orca -n "__fish_orca_using_subcommand worker" -l approvers-file -d 'Approver groups for gates (`group:NAME`): a TOML file with a [groups] table' -r -F
complete -c orca -n "__fish_orca_using_subcommand worker" -l continue-as-new-after -d 'A run continues as new (same workflow ID, history starting afresh) once its history has this many events [default: 10000]' -r
complete -c orca -n "__fish_orca_using_subcommand worker" -l allowed-signers -d 'Keys that may sign decisions and starts, in git\'s allowed_signers format (README "Verified approvals"); read again each time a gate opens' -r -F
complete -c orca -n "__fish_orca_using_subcommand worker" -l signature-window -d 'How far a signature\'s time may be from the run\'s clock, either way' -r
complete -c orca -n "__fish_orca_using_subcommand worker" -l inline-pipelines -d 'Whether a start may send its own pipeline spec; with `deny` only built-ins and --pipelines DIR run, so a requester cannot write the rules of their own gate' -r -f -a "allow\t''
deny\t''"
complete -c orca -n "__fish_orca_using_subcommand worker" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand worker" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand worker" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand worker" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand worker" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand worker" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand worker" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand worker" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand worker" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand worker" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand worker" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand worker" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand worker" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand worker" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand worker" -l allow-commands -d 'Run `command` steps (off by default: a pipeline can then run any program as this user)'
complete -c orca -n "__fish_orca_using_subcommand worker" -l require-signed-approvals -d 'Every gate takes only signed decisions (needs --allowed-signers)'
complete -c orca -n "__fish_orca_using_subcommand worker" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand worker" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand start" -s i -l input -d 'An input as NAME=VALUE (a string); repeatable' -r
complete -c orca -n "__fish_orca_using_subcommand start" -l input-json -d 'Inputs as a JSON object, for typed values: \'{"count": 3}\'; @FILE reads it from a file, - from stdin' -r
complete -c orca -n "__fish_orca_using_subcommand start" -l id -d 'Workflow ID of the run [default: PIPELINE-<random>]' -r
complete -c orca -n "__fish_orca_using_subcommand start" -l id-reuse -d 'With --id: whether an ID whose run has finished may start another run (`temporal workflow start --id-reuse-policy`\'s names, its spelling accepted too); by default it is refused (exit 7)' -r -f -a "allow-duplicate\t'Start another run under an ID whose run has finished, however it ended'
allow-duplicate-failed-only\t'Only when the finished run did not complete (failed, cancelled, terminated, timed out)'
reject-duplicate\t'Never: an ID that was used is refused (exit 7)'
terminate-if-running\t'As allow-duplicate, and a run of the ID still going is terminated first'"
complete -c orca -n "__fish_orca_using_subcommand start" -l timeout -d 'With --wait or --follow: stop waiting after this long (exit 8, the run goes on)' -r
complete -c orca -n "__fish_orca_using_subcommand start" -l execution-timeout -d 'The run fails (exit 4) if it has not ended after this long [default: no limit]' -r
complete -c orca -n "__fish_orca_using_subcommand start" -l pipelines -d 'The *.toml pipelines of this directory, besides the built-ins (as a worker started with the same flag knows them)' -r -F
complete -c orca -n "__fish_orca_using_subcommand start" -l signing-key -d 'Sign with this SSH key: a key file (private, or public with the private half in ssh-agent) or `key::ssh-ed25519 AAAA…` held by ssh-agent [default: git\'s user.signingkey when gpg.format = ssh]' -r
complete -c orca -n "__fish_orca_using_subcommand start" -l type -d 'Start a workflow that is not orca\'s, by type (a migration from another worker); its arguments come from --args-json' -r
complete -c orca -n "__fish_orca_using_subcommand start" -l args-json -d 'With --type: one workflow argument as JSON; repeatable' -r
complete -c orca -n "__fish_orca_using_subcommand start" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand start" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand start" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand start" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand start" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand start" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand start" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand start" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand start" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand start" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand start" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand start" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand start" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand start" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand start" -l wait -d 'Wait for the run to end; exit 0 completed, 3 rejected/denied/stopped, 4 failed'
complete -c orca -n "__fish_orca_using_subcommand start" -l follow -d 'Follow the run live (as `orca watch`) and exit with its outcome'
complete -c orca -n "__fish_orca_using_subcommand start" -l no-sign -d 'Do not sign, even when git has a signing key'
complete -c orca -n "__fish_orca_using_subcommand start" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand start" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand approve" -l as -d 'Decide as NAME [default: --identity, else the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand approve" -l pipeline -d 'Only runs of this pipeline (the picker, --all)' -r
complete -c orca -n "__fish_orca_using_subcommand approve" -l query -d 'Only runs also matching this visibility query (the picker, --all)' -r
complete -c orca -n "__fish_orca_using_subcommand approve" -l signing-key -d 'Sign with this SSH key: a key file (private, or public with the private half in ssh-agent) or `key::ssh-ed25519 AAAA…` held by ssh-agent [default: git\'s user.signingkey when gpg.format = ssh]' -r
complete -c orca -n "__fish_orca_using_subcommand approve" -l field -d 'A field of the gate\'s form (reject: its rejection form) as NAME=VALUE, typed as the gate declares it (a list: comma-separated); repeatable. On a terminal, the fields not given are asked for (not with --yes)' -r
complete -c orca -n "__fish_orca_using_subcommand approve" -l fields-json -d 'The form as a JSON object, sent as given: \'{"replicas": 5}\'; @FILE reads it from a file, - from stdin' -r
complete -c orca -n "__fish_orca_using_subcommand approve" -l signal -d 'Not an orca run: send this signal instead (payload from --payload-json)' -r
complete -c orca -n "__fish_orca_using_subcommand approve" -l update -d 'Not an orca run: execute this update instead and print its result' -r
complete -c orca -n "__fish_orca_using_subcommand approve" -l payload-json -d 'JSON payload for --signal / --update' -r
complete -c orca -n "__fish_orca_using_subcommand approve" -s c -l comment -d 'Why, recorded with the decision' -r
complete -c orca -n "__fish_orca_using_subcommand approve" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand approve" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand approve" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand approve" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand approve" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand approve" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand approve" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand approve" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand approve" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand approve" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand approve" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand approve" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand approve" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand approve" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand approve" -l no-sign -d 'Do not sign, even when git has a signing key'
complete -c orca -n "__fish_orca_using_subcommand approve" -l all -d 'Decide every run awaiting approval that matches the filters'
complete -c orca -n "__fish_orca_using_subcommand approve" -s y -l yes -d 'Do not ask: no confirmation (needed for --all when not on a terminal), no questions for the gate\'s form'
complete -c orca -n "__fish_orca_using_subcommand approve" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand approve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand reject" -l as -d 'Decide as NAME [default: --identity, else the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand reject" -l pipeline -d 'Only runs of this pipeline (the picker, --all)' -r
complete -c orca -n "__fish_orca_using_subcommand reject" -l query -d 'Only runs also matching this visibility query (the picker, --all)' -r
complete -c orca -n "__fish_orca_using_subcommand reject" -l signing-key -d 'Sign with this SSH key: a key file (private, or public with the private half in ssh-agent) or `key::ssh-ed25519 AAAA…` held by ssh-agent [default: git\'s user.signingkey when gpg.format = ssh]' -r
complete -c orca -n "__fish_orca_using_subcommand reject" -l field -d 'A field of the gate\'s form (reject: its rejection form) as NAME=VALUE, typed as the gate declares it (a list: comma-separated); repeatable. On a terminal, the fields not given are asked for (not with --yes)' -r
complete -c orca -n "__fish_orca_using_subcommand reject" -l fields-json -d 'The form as a JSON object, sent as given: \'{"replicas": 5}\'; @FILE reads it from a file, - from stdin' -r
complete -c orca -n "__fish_orca_using_subcommand reject" -l signal -d 'Not an orca run: send this signal instead (payload from --payload-json)' -r
complete -c orca -n "__fish_orca_using_subcommand reject" -l update -d 'Not an orca run: execute this update instead and print its result' -r
complete -c orca -n "__fish_orca_using_subcommand reject" -l payload-json -d 'JSON payload for --signal / --update' -r
complete -c orca -n "__fish_orca_using_subcommand reject" -s r -l reason -d 'Why, recorded with the decision [asked for on a terminal]' -r
complete -c orca -n "__fish_orca_using_subcommand reject" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand reject" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand reject" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand reject" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand reject" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand reject" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand reject" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand reject" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand reject" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand reject" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand reject" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand reject" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand reject" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand reject" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand reject" -l no-sign -d 'Do not sign, even when git has a signing key'
complete -c orca -n "__fish_orca_using_subcommand reject" -l all -d 'Decide every run awaiting approval that matches the filters'
complete -c orca -n "__fish_orca_using_subcommand reject" -s y -l yes -d 'Do not ask: no confirmation (needed for --all when not on a terminal), no questions for the gate\'s form'
complete -c orca -n "__fish_orca_using_subcommand reject" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand reject" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand request-changes" -l as -d 'Decide as NAME [default: --identity, else the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand request-changes" -l pipeline -d 'Only runs of this pipeline (the picker, --all)' -r
complete -c orca -n "__fish_orca_using_subcommand request-changes" -l query -d 'Only runs also matching this visibility query (the picker, --all)' -r
complete -c orca -n "__fish_orca_using_subcommand request-changes" -l signing-key -d 'Sign with this SSH key: a key file (private, or public with the private half in ssh-agent) or `key::ssh-ed25519 AAAA…` held by ssh-agent [default: git\'s user.signingkey when gpg.format = ssh]' -r
complete -c orca -n "__fish_orca_using_subcommand request-changes" -s c -l comment -d 'What to change: the feedback the steps that run again read as `steps.GATE.output.feedback` [asked for on a terminal]' -r
complete -c orca -n "__fish_orca_using_subcommand request-changes" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand request-changes" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand request-changes" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand request-changes" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand request-changes" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand request-changes" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand request-changes" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand request-changes" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand request-changes" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand request-changes" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand request-changes" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand request-changes" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand request-changes" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand request-changes" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand request-changes" -l no-sign -d 'Do not sign, even when git has a signing key'
complete -c orca -n "__fish_orca_using_subcommand request-changes" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand request-changes" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand delegate" -l as -d 'Decide as NAME [default: --identity, else the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand delegate" -l pipeline -d 'Only runs of this pipeline (the picker, --all)' -r
complete -c orca -n "__fish_orca_using_subcommand delegate" -l query -d 'Only runs also matching this visibility query (the picker, --all)' -r
complete -c orca -n "__fish_orca_using_subcommand delegate" -l signing-key -d 'Sign with this SSH key: a key file (private, or public with the private half in ssh-agent) or `key::ssh-ed25519 AAAA…` held by ssh-agent [default: git\'s user.signingkey when gpg.format = ssh]' -r
complete -c orca -n "__fish_orca_using_subcommand delegate" -l to -d 'Who decides in your place, at this opening of the gate only' -r
complete -c orca -n "__fish_orca_using_subcommand delegate" -s c -l comment -d 'Why, recorded with the delegation' -r
complete -c orca -n "__fish_orca_using_subcommand delegate" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand delegate" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand delegate" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand delegate" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand delegate" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand delegate" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand delegate" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand delegate" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand delegate" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand delegate" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand delegate" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand delegate" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand delegate" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand delegate" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand delegate" -l no-sign -d 'Do not sign, even when git has a signing key'
complete -c orca -n "__fish_orca_using_subcommand delegate" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand delegate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand status" -l run-id -d 'An earlier run of the ID (one started again under it): its run ID, from `orca list -o json` or `start -o json` (`run_id`). A run that continued as new shows where its chain ended [default: the ID\'s latest run]' -r
complete -c orca -n "__fish_orca_using_subcommand status" -l pipeline -d 'Without an ID: offer only runs of this pipeline' -r
complete -c orca -n "__fish_orca_using_subcommand status" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand status" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand status" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand status" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand status" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand status" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand status" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand status" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand status" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand status" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand status" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand status" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand status" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand status" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand status" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand watch" -l pipeline -d 'Without an ID: offer only runs of this pipeline' -r
complete -c orca -n "__fish_orca_using_subcommand watch" -l timeout -d 'Stop watching after this long (exit 8; the run goes on)' -r
complete -c orca -n "__fish_orca_using_subcommand watch" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand watch" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand watch" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand watch" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand watch" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand watch" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand watch" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand watch" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand watch" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand watch" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand watch" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand watch" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand watch" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand watch" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand watch" -l outputs -d 'At the end, list each step\'s output below the outcome (as JSON; -o json has them anyway)'
complete -c orca -n "__fish_orca_using_subcommand watch" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand watch" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand wait" -l for -d 'What to wait for: the gate\'s decision, or the end of the run' -r -f -a "approval\t'The current (or next) approval gate is decided'
completion\t'The run ends'"
complete -c orca -n "__fish_orca_using_subcommand wait" -l timeout -d 'Give up after this long (exit 8; the run goes on)' -r
complete -c orca -n "__fish_orca_using_subcommand wait" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand wait" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand wait" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand wait" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand wait" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand wait" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand wait" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand wait" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand wait" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand wait" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand wait" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand wait" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand wait" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand wait" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand wait" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand wait" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand list" -l pipeline -d 'Only runs of this pipeline' -r
complete -c orca -n "__fish_orca_using_subcommand list" -l schedule -d 'Only runs started by this schedule' -r
complete -c orca -n "__fish_orca_using_subcommand list" -l phase -d 'Only runs in this orca phase' -r -f -a "running\t''
awaiting_approval\t''
paused\t''
completed\t''
rejected\t''
denied\t''
stopped\t''
failed\t''"
complete -c orca -n "__fish_orca_using_subcommand list" -l status -d 'Only runs with this Temporal status' -r -f -a "running\t''
completed\t''
failed\t''
cancelled\t''
terminated\t''
timed-out\t''
continued-as-new\t''"
complete -c orca -n "__fish_orca_using_subcommand list" -l query -d 'Also match this raw visibility query, e.g. "StartTime > \'2026-01-01T00:00:00Z\'"; one that names a WorkflowType lists runs that are not orca\'s too' -r
complete -c orca -n "__fish_orca_using_subcommand list" -l limit -d 'At most this many runs, newest first (0: all)' -r
complete -c orca -n "__fish_orca_using_subcommand list" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand list" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand list" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand list" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand list" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand list" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand list" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand list" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand list" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand list" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand list" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand list" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand list" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand list" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand list" -l awaiting-approval -d 'Only runs waiting at an approval gate (the inbox)'
complete -c orca -n "__fish_orca_using_subcommand list" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand inbox" -l as -d 'Whose inbox [default: --identity, else the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand inbox" -l limit -d 'At most this many gates (0: all)' -r
complete -c orca -n "__fish_orca_using_subcommand inbox" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand inbox" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand inbox" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand inbox" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand inbox" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand inbox" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand inbox" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand inbox" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand inbox" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand inbox" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand inbox" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand inbox" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand inbox" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand inbox" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand inbox" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand inbox" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand history" -l run-id -d 'An earlier run of the ID (one started again under it): its run ID, from `orca list -o json` or `start -o json` (`run_id`). Any run of a chain that continued as new shows the whole chain [default: the ID\'s latest run]' -r
complete -c orca -n "__fish_orca_using_subcommand history" -l pipeline -d 'Without an ID: offer only runs of this pipeline' -r
complete -c orca -n "__fish_orca_using_subcommand history" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand history" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand history" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand history" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand history" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand history" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand history" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand history" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand history" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand history" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand history" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand history" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand history" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand history" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand history" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand history" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand verify" -l allowed-signers -d 'The keys you trust, in git\'s allowed_signers format' -r -F
complete -c orca -n "__fish_orca_using_subcommand verify" -l signature-window -d 'How far a signature\'s time may be from when the server took the decision' -r
complete -c orca -n "__fish_orca_using_subcommand verify" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand verify" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand verify" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand verify" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand verify" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand verify" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand verify" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand verify" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand verify" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand verify" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand verify" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand verify" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand verify" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand verify" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand verify" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand replay" -l id -d 'Fetch the history of this run from the server' -r
complete -c orca -n "__fish_orca_using_subcommand replay" -l save -d 'Also write the history (orca\'s JSON form) to this file' -r -F
complete -c orca -n "__fish_orca_using_subcommand replay" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand replay" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand replay" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand replay" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand replay" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand replay" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand replay" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand replay" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand replay" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand replay" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand replay" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand replay" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand replay" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand replay" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand replay" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand replay" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand pause" -l pipeline -d 'Without an ID: offer only runs of this pipeline' -r
complete -c orca -n "__fish_orca_using_subcommand pause" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand pause" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand pause" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand pause" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand pause" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand pause" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand pause" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand pause" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand pause" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand pause" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand pause" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand pause" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand pause" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand pause" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand pause" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand pause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand resume" -l pipeline -d 'Without an ID: offer only runs of this pipeline' -r
complete -c orca -n "__fish_orca_using_subcommand resume" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand resume" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand resume" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand resume" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand resume" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand resume" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand resume" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand resume" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand resume" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand resume" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand resume" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand resume" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand resume" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand resume" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand resume" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand resume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand stop" -l pipeline -d 'Without an ID: offer only runs of this pipeline' -r
complete -c orca -n "__fish_orca_using_subcommand stop" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand stop" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand stop" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand stop" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand stop" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand stop" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand stop" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand stop" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand stop" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand stop" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand stop" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand stop" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand stop" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand stop" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand stop" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand stop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand cancel" -l pipeline -d 'Without an ID: offer only runs of this pipeline' -r
complete -c orca -n "__fish_orca_using_subcommand cancel" -l reason -d 'Why, recorded in the history' -r
complete -c orca -n "__fish_orca_using_subcommand cancel" -l wait -d 'How long to wait for the run to wind down and report its end' -r
complete -c orca -n "__fish_orca_using_subcommand cancel" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand cancel" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand cancel" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand cancel" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand cancel" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand cancel" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand cancel" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand cancel" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand cancel" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand cancel" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand cancel" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand cancel" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand cancel" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand cancel" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand cancel" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand cancel" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand terminate" -l pipeline -d 'Without an ID: offer only runs of this pipeline' -r
complete -c orca -n "__fish_orca_using_subcommand terminate" -l reason -d 'Why, recorded in the history' -r
complete -c orca -n "__fish_orca_using_subcommand terminate" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand terminate" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand terminate" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand terminate" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand terminate" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand terminate" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand terminate" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand terminate" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand terminate" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand terminate" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand terminate" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand terminate" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand terminate" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand terminate" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand terminate" -s y -l yes -d 'Do not ask for confirmation (needed when not on a terminal)'
complete -c orca -n "__fish_orca_using_subcommand terminate" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand terminate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -f -a "create" -d 'Create a schedule that starts PIPELINE (exactly one of --every, --cron, --at)'
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -f -a "list" -d 'List schedules: spec in words, paused, next run, last result, skips'
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -f -a "describe" -d 'Show a schedule: spec, state, next 5 runs, recent runs and their outcomes'
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -f -a "pause" -d 'Pause a schedule: no new runs start until unpaused'
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -f -a "unpause" -d 'Unpause a schedule'
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -f -a "trigger" -d 'Start one run now'
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -f -a "update" -d 'Change a schedule (any create flag; the others keep their values)'
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -f -a "delete" -d 'Delete a schedule (its runs are kept); asks first on a terminal'
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -f -a "backfill" -d 'Start the runs a schedule would have started between two times'
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -f -a "apply" -d 'Make the server\'s schedules match a file: plan, then apply'
complete -c orca -n "__fish_orca_using_subcommand schedule; and not __fish_seen_subcommand_from create list describe pause unpause trigger update delete backfill apply help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l every -d 'Every this long: 15s, 5m, 1h' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l offset -d 'With --every: shift each firing by this much' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l cron -d 'A cron expression (5 fields, evaluated by the server); repeatable' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l at -d 'Daily at these times: HH:MM[,HH:MM…]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l tz -d 'Time zone of --cron and --at (IANA name) [default: UTC]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l overlap -d 'When a run is due while the last one still runs [default: skip]' -r -f -a "skip\t''
buffer-one\t''
buffer-all\t''
cancel-other\t''
terminate-other\t''
allow-all\t''"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l catchup-window -d 'After an outage, start missed runs that are at most this late' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l note -d 'A note shown in describe' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l workflow-id-prefix -d 'Workflow IDs of the runs start with this [default: the schedule name]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l execution-timeout -d 'The run fails (exit 4) if it has not ended after this long [default: no limit]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -s i -l input -d 'An input as NAME=VALUE (a string); repeatable' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l input-json -d 'Inputs as a JSON object, for typed values: \'{"count": 3}\'; @FILE reads it from a file, - from stdin' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l pipelines -d 'The *.toml pipelines of this directory, besides the built-ins (as a worker started with the same flag knows them)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l signing-key -d 'Sign with this SSH key: a key file (private, or public with the private half in ssh-agent) or `key::ssh-ed25519 AAAA…` held by ssh-agent [default: git\'s user.signingkey when gpg.format = ssh]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l pause-on-failure -d 'Pause the schedule when a run fails'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l paused -d 'Create it paused'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l no-sign -d 'Do not sign, even when git has a signing key'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l trigger-now -d 'Also start one run right away'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from create" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from list" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from list" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from list" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from list" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from list" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from list" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from list" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from list" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from list" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from list" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from list" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from list" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from describe" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from describe" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from describe" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l note -d 'Why (shown in describe)' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from pause" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from pause" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from pause" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from pause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from unpause" -l note -d 'Why (shown in describe)' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from unpause" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from unpause" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from unpause" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from unpause" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from unpause" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from unpause" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from unpause" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from unpause" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from unpause" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from unpause" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from unpause" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from unpause" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from unpause" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from unpause" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from unpause" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from unpause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from trigger" -l overlap -d 'What to do if a run of this schedule is still going [default: allow-all]' -r -f -a "skip\t''
buffer-one\t''
buffer-all\t''
cancel-other\t''
terminate-other\t''
allow-all\t''"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from trigger" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from trigger" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from trigger" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from trigger" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from trigger" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from trigger" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from trigger" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from trigger" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from trigger" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from trigger" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from trigger" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from trigger" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from trigger" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from trigger" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from trigger" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from trigger" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l pipeline -d 'Start this pipeline instead' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l every -d 'Every this long: 15s, 5m, 1h' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l offset -d 'With --every: shift each firing by this much' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l cron -d 'A cron expression (5 fields, evaluated by the server); repeatable' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l at -d 'Daily at these times: HH:MM[,HH:MM…]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l tz -d 'Time zone of --cron and --at (IANA name) [default: UTC]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l overlap -d 'When a run is due while the last one still runs [default: skip]' -r -f -a "skip\t''
buffer-one\t''
buffer-all\t''
cancel-other\t''
terminate-other\t''
allow-all\t''"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l catchup-window -d 'After an outage, start missed runs that are at most this late' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l note -d 'A note shown in describe' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l workflow-id-prefix -d 'Workflow IDs of the runs start with this [default: the schedule name]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l execution-timeout -d 'The run fails (exit 4) if it has not ended after this long [default: no limit]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -s i -l input -d 'An input as NAME=VALUE (a string); repeatable' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l input-json -d 'Inputs as a JSON object, for typed values: \'{"count": 3}\'; @FILE reads it from a file, - from stdin' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l pipelines -d 'The *.toml pipelines of this directory, besides the built-ins (as a worker started with the same flag knows them)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l signing-key -d 'Sign with this SSH key: a key file (private, or public with the private half in ssh-agent) or `key::ssh-ed25519 AAAA…` held by ssh-agent [default: git\'s user.signingkey when gpg.format = ssh]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l pause-on-failure -d 'Pause the schedule when a run fails'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l paused -d 'Create it paused'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l no-sign -d 'Do not sign, even when git has a signing key'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l active -d 'Unpause it (the opposite of --paused)'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l no-pause-on-failure -d 'Stop pausing it when a run fails'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from update" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from delete" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from delete" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask (needed when not on a terminal)'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from delete" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from backfill" -l start -d 'Start of the range (RFC 3339, e.g. 2026-11-20T00:00:00Z)' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from backfill" -l end -d 'End of the range (RFC 3339)' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from backfill" -l overlap -r -f -a "skip\t''
buffer-one\t''
buffer-all\t''
cancel-other\t''
terminate-other\t''
allow-all\t''"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from backfill" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from backfill" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from backfill" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from backfill" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from backfill" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from backfill" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from backfill" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from backfill" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from backfill" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from backfill" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from backfill" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from backfill" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from backfill" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from backfill" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from backfill" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from backfill" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from apply" -l pipelines -d 'The *.toml pipelines of this directory, besides the built-ins (as a worker started with the same flag knows them)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from apply" -l signing-key -d 'Sign with this SSH key: a key file (private, or public with the private half in ssh-agent) or `key::ssh-ed25519 AAAA…` held by ssh-agent [default: git\'s user.signingkey when gpg.format = ssh]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from apply" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from apply" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from apply" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from apply" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from apply" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from apply" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from apply" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from apply" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from apply" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from apply" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from apply" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from apply" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from apply" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from apply" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from apply" -l dry-run -d 'Print the plan only; change nothing'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from apply" -l prune -d 'Also delete orca-made schedules that the file does not list'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from apply" -l no-sign -d 'Do not sign, even when git has a signing key'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from apply" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from apply" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "create" -d 'Create a schedule that starts PIPELINE (exactly one of --every, --cron, --at)'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "list" -d 'List schedules: spec in words, paused, next run, last result, skips'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "describe" -d 'Show a schedule: spec, state, next 5 runs, recent runs and their outcomes'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "pause" -d 'Pause a schedule: no new runs start until unpaused'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "unpause" -d 'Unpause a schedule'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "trigger" -d 'Start one run now'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "update" -d 'Change a schedule (any create flag; the others keep their values)'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete a schedule (its runs are kept); asks first on a terminal'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "backfill" -d 'Start the runs a schedule would have started between two times'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "apply" -d 'Make the server\'s schedules match a file: plan, then apply'
complete -c orca -n "__fish_orca_using_subcommand schedule; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orca -n "__fish_orca_using_subcommand pipelines; and not __fish_seen_subcommand_from list show validate help" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and not __fish_seen_subcommand_from list show validate help" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and not __fish_seen_subcommand_from list show validate help" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and not __fish_seen_subcommand_from list show validate help" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and not __fish_seen_subcommand_from list show validate help" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand pipelines; and not __fish_seen_subcommand_from list show validate help" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand pipelines; and not __fish_seen_subcommand_from list show validate help" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand pipelines; and not __fish_seen_subcommand_from list show validate help" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand pipelines; and not __fish_seen_subcommand_from list show validate help" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand pipelines; and not __fish_seen_subcommand_from list show validate help" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and not __fish_seen_subcommand_from list show validate help" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and not __fish_seen_subcommand_from list show validate help" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and not __fish_seen_subcommand_from list show validate help" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand pipelines; and not __fish_seen_subcommand_from list show validate help" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand pipelines; and not __fish_seen_subcommand_from list show validate help" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand pipelines; and not __fish_seen_subcommand_from list show validate help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand pipelines; and not __fish_seen_subcommand_from list show validate help" -f -a "list" -d 'List built-in pipelines (and those in --pipelines DIR)'
complete -c orca -n "__fish_orca_using_subcommand pipelines; and not __fish_seen_subcommand_from list show validate help" -f -a "show" -d 'Print a pipeline\'s TOML (a built-in name or a file)'
complete -c orca -n "__fish_orca_using_subcommand pipelines; and not __fish_seen_subcommand_from list show validate help" -f -a "validate" -d 'Check pipeline files; exit 2 naming the first problem of each bad file'
complete -c orca -n "__fish_orca_using_subcommand pipelines; and not __fish_seen_subcommand_from list show validate help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from list" -l pipelines -d 'The *.toml pipelines of this directory, besides the built-ins (as a worker started with the same flag knows them)' -r -F
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from list" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from list" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from list" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from list" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from list" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from list" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from list" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from list" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from list" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from list" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from list" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from list" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from list" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from list" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from show" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from show" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from show" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from show" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from show" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from show" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from show" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from show" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from show" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from show" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from show" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from show" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from show" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from show" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from show" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from validate" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from validate" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from validate" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from validate" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from validate" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from validate" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from validate" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from validate" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from validate" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from validate" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from validate" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from validate" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from validate" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from validate" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from validate" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from validate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from help" -f -a "list" -d 'List built-in pipelines (and those in --pipelines DIR)'
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print a pipeline\'s TOML (a built-in name or a file)'
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from help" -f -a "validate" -d 'Check pipeline files; exit 2 naming the first problem of each bad file'
complete -c orca -n "__fish_orca_using_subcommand pipelines; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orca -n "__fish_orca_using_subcommand doctor" -l run -d 'Explain one run instead: where it waits and why (a person, a worker, a timer, paused), its attempts and last failure' -r
complete -c orca -n "__fish_orca_using_subcommand doctor" -l allowed-signers -d 'An allowed signers file to check (git\'s allowed_signers format)' -r -F
complete -c orca -n "__fish_orca_using_subcommand doctor" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand doctor" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand doctor" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand doctor" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand doctor" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand doctor" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand doctor" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand doctor" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand doctor" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand doctor" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand doctor" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand doctor" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand doctor" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand doctor" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand doctor" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand doctor" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand completions" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand completions" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand completions" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand completions" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand completions" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand completions" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand completions" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand completions" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand completions" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand completions" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand completions" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand completions" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand completions" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand completions" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand completions" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand man" -l address -d 'Temporal frontend address, HOST:PORT [default: localhost:7233]' -r
complete -c orca -n "__fish_orca_using_subcommand man" -s n -l namespace -d 'Temporal namespace [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand man" -l task-queue -d 'Task queue of orca workers' -r
complete -c orca -n "__fish_orca_using_subcommand man" -l profile -d 'Profile of the temporal.toml config file [default: default]' -r
complete -c orca -n "__fish_orca_using_subcommand man" -l config-file -d 'Path of the temporal.toml config file [default: ~/.config/temporalio/temporal.toml]' -r -F
complete -c orca -n "__fish_orca_using_subcommand man" -l env-file -d 'Read variables from FILE (NAME=VALUE lines) as if set in the environment; a variable already set there wins. No .env is read unless named here' -r -F
complete -c orca -n "__fish_orca_using_subcommand man" -l tls-cert-path -d 'Client certificate for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand man" -l tls-key-path -d 'Client private key for mTLS (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand man" -l tls-ca-path -d 'CA certificate that signed the server\'s certificate (PEM)' -r -F
complete -c orca -n "__fish_orca_using_subcommand man" -l tls-server-name -d 'Server name to verify the server\'s certificate against' -r
complete -c orca -n "__fish_orca_using_subcommand man" -l identity -d 'Who you are: recorded as requester and approver, sent as client identity [default: the OS user]' -r
complete -c orca -n "__fish_orca_using_subcommand man" -l connect-timeout -d 'Give up connecting to Temporal after this long' -r
complete -c orca -n "__fish_orca_using_subcommand man" -s o -l output -d 'Output format' -r -f -a "text\t'Tables and sentences for people'
json\t'One JSON document, stable field names'
jsonl\t'One JSON object per line'"
complete -c orca -n "__fish_orca_using_subcommand man" -l color -d 'When to use colour (NO_COLOR is honoured in `auto`)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c orca -n "__fish_orca_using_subcommand man" -l tls -d 'Use TLS (implied by an API key or any other TLS option)'
complete -c orca -n "__fish_orca_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "dev" -d 'Run a local Temporal dev server and a worker in one process'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "worker" -d 'Run a worker that executes pipelines from the task queue'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "start" -d 'Start a pipeline run'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "approve" -d 'Approve a run that is waiting at an approval gate'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "reject" -d 'Reject a run that is waiting at an approval gate'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "request-changes" -d 'Send a run back to an earlier step with feedback on what to change'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "delegate" -d 'Hand your decision at a gate to someone else, for this opening of the gate'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "status" -d 'Show where a run is: phase, steps, approval'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "watch" -d 'Follow a run live until it ends; exits with its outcome (0/3/4)'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "wait" -d 'Wait for a run\'s approval or end; exit 0/3/4, or 8 on --timeout'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "list" -d 'List recent runs; --awaiting-approval shows every gate waiting'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "inbox" -d 'The gates you (or --as NAME) may decide right now'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "history" -d 'A run\'s timeline: steps, attempts, approvals, signals, outcome'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "verify" -d 'Re-check a run\'s signed decisions and requester from its history (exit 4 if any fail)'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "replay" -d 'Check that this build replays a recorded run exactly (before rolling out workers)'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "pause" -d 'Pause a run: no new step starts until `orca resume`'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "resume" -d 'Resume a paused run'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "stop" -d 'Stop a run after its current step; it ends with outcome `stopped`'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "cancel" -d 'Cancel a run (Temporal cancellation: running steps are cancelled)'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "terminate" -d 'Terminate a run at once (asks first on a terminal)'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "schedule" -d 'Start pipelines on a schedule: every N seconds, daily times, cron'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "pipelines" -d 'List and show the pipelines this binary knows'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "doctor" -d 'Check the setup: settings, server, TLS, namespace, workers, stuck runs, clock'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "completions" -d 'Print shell completions (bash, zsh, fish, powershell, elvish)'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "man" -d 'Print the man page (roff)'
complete -c orca -n "__fish_orca_using_subcommand help; and not __fish_seen_subcommand_from dev worker start approve reject request-changes delegate status watch wait list inbox history verify replay pause resume stop cancel terminate schedule pipelines doctor completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c orca -n "__fish_orca_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "create" -d 'Create a schedule that starts PIPELINE (exactly one of --every, --cron, --at)'
complete -c orca -n "__fish_orca_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "list" -d 'List schedules: spec in words, paused, next run, last result, skips'
complete -c orca -n "__fish_orca_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "describe" -d 'Show a schedule: spec, state, next 5 runs, recent runs and their outcomes'
complete -c orca -n "__fish_orca_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "pause" -d 'Pause a schedule: no new runs start until unpaused'
complete -c orca -n "__fish_orca_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "unpause" -d 'Unpause a schedule'
complete -c orca -n "__fish_orca_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "trigger" -d 'Start one run now'
complete -c orca -n "__fish_orca_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "update" -d 'Change a schedule (any create flag; the others keep their values)'
complete -c orca -n "__fish_orca_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "delete" -d 'Delete a schedule (its runs are kept); asks first on a terminal'
complete -c orca -n "__fish_orca_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "backfill" -d 'Start the runs a schedule would have started between two times'
complete -c orca -n "__fish_orca_using_subcommand help; and __fish_seen_subcommand_from schedule" -f -a "apply" -d 'Make the server\'s schedules match a file: plan, then apply'
complete -c orca -n "__fish_orca_using_subcommand help; and __fish_seen_subcommand_from pipelines" -f -a "list" -d 'List built-in pipelines (and those in --pipelines DIR)'
complete -c orca -n "__fish_orca_using_subcommand help; and __fish_seen_subcommand_from pipelines" -f -a "show" -d 'Print a pipeline\'s TOML (a built-in name or a file)'
complete -c orca -n "__fish_orca_using_subcommand help; and __fish_seen_subcommand_from pipelines" -f -a "validate" -d 'Check pipeline files; exit 2 naming the first problem of each bad file'
