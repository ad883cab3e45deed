# Starting, watching and stopping the platform (database and .NET processes); sourced by run.sh
# and bench.sh, which set ROOT, LOGS and PREFIX first. Each process runs in its own directory (so
# it finds its appsettings.json) and logs to $LOGS/<name>.log.

source "$ROOT/ops/lib/debian.sh"
command -v curl >/dev/null || install_packages curl   # used to poll health endpoints

STARTED=()
declare -A PID_OF
DB_WAS_RUNNING=true

# Best-effort, like db.sh's: stopping must not fail because the terminal or pipe is gone.
say() { echo "$PREFIX: $*" >&2 2>/dev/null || true; }

# platform_db_up DB: the database up with the schema applied; stopped again by platform_stop
# if it was not running before.
platform_db_up() {
  "$ROOT/ops/db.sh" status >/dev/null 2>&1 || DB_WAS_RUNNING=false
  "$ROOT/ops/db.sh" up "$1"
}

# platform_stop: the .NET processes (newest first, gracefully), then the database if we started it.
platform_stop() {
  # Ctrl-C also reaches a pipe reader such as tee: keep stopping even if stdout is gone.
  trap '' PIPE INT TERM
  trap - EXIT
  stop_started
  $DB_WAS_RUNNING || "$ROOT/ops/db.sh" stop
}

# Stop everything on Ctrl-C, kill or any exit; install before starting anything.
trap 'say "stopping..."; platform_stop; say "stopped"; exit 130' INT TERM
trap platform_stop EXIT

# start_dotnet NAME DIR DLL: starts `dotnet DLL` in DIR in the background.
start_dotnet() {
  local name=$1 dir=$2 dll=$3
  (cd "$dir" && exec dotnet "$dll") >"$LOGS/$name.log" 2>&1 &
  PID_OF[$name]=$!
  STARTED+=("$name")
  say "started $name (pid ${PID_OF[$name]}, log ${LOGS#"$ROOT"/}/$name.log)"
}

# start_mailbox PORT DIR: a loopback SMTP server (aiosmtpd) keeping every message it receives as
# a file in the Maildir DIR: where the platform's e-mail goes when run locally.
start_mailbox() {
  local port=$1 dir=$2
  require_report_tools
  mkdir -p "$dir/tmp" "$dir/new" "$dir/cur"   # a Maildir; aiosmtpd only creates it when the folder is missing
  /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$dir" >"$LOGS/mailbox.log" 2>&1 &
  PID_OF[mailbox]=$!
  STARTED+=(mailbox)
  say "started mailbox (SMTP 127.0.0.1:$port, messages in ${dir#"$ROOT"/}/new)"
}

fail_with_log() {
  say "$1 failed; last lines of its log:"
  tail -n 30 "$LOGS/$1.log" >&2
  exit 1
}

# wait_for_log NAME TEXT SECONDS: waits until the process logs TEXT.
wait_for_log() {
  local name=$1 text=$2 deadline=$((SECONDS + $3))
  until grep -q "$text" "$LOGS/$name.log" 2>/dev/null; do
    kill -0 "${PID_OF[$name]}" 2>/dev/null || fail_with_log "$name"
    [ $SECONDS -lt "$deadline" ] || fail_with_log "$name (timed out)"
    sleep 0.5
  done
}

# wait_for_url NAME URL SECONDS: waits until URL answers 2xx.
wait_for_url() {
  local name=$1 url=$2 deadline=$((SECONDS + $3))
  until curl -sf -o /dev/null "$url"; do
    kill -0 "${PID_OF[$name]}" 2>/dev/null || fail_with_log "$name"
    [ $SECONDS -lt "$deadline" ] || fail_with_log "$name (timed out)"
    sleep 0.5
  done
}

# wait_any_exit: returns when any started process exits (a signal runs the trap instead);
# that is a failure: the platform is meant to run until stopped.
wait_any_exit() {
  local pids=() name
  for name in "${STARTED[@]}"; do pids+=("${PID_OF[$name]}"); done
  wait -n "${pids[@]}" || true
  for name in "${STARTED[@]}"; do
    kill -0 "${PID_OF[$name]}" 2>/dev/null || say "$name exited; see ${LOGS#"$ROOT"/}/$name.log"
  done
  exit 1
}

# stop_started: stops the processes newest first (the gateway before the silos) with SIGTERM,
# killing what has not exited after 30 seconds.
stop_started() {
  local i name pid
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    name=${STARTED[$i]}
    pid=${PID_OF[$name]}
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null && say "$name did not stop in time; killed"
    wait "$pid" 2>/dev/null || true
  done
  STARTED=()
}
