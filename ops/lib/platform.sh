# Starting, watching and stopping the platform (database and .NET processes); sourced by run.sh
# and bench.sh, which set ROOT, LOGS and PREFIX first. Each process runs in its own directory (so
# it finds its appsettings.json) and logs to $LOGS/<name>.log.

source "$ROOT/ops/lib/debian.sh"
command -v curl >/dev/null || install_packages curl   # used to poll health endpoints

STARTED=()
declare -A PID_OF DIR_OF COMMAND_OF ENV_OF STARTED_AT PAUSE_OF
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
start_dotnet() { start_process "$1" "$2" dotnet "$3"; }

# start_process NAME DIR COMMAND...: starts COMMAND in DIR in the background, logging to
# $LOGS/NAME.log. The command and the environment of the call (e.g. `VAR=value start_dotnet …`)
# are kept, so that `supervise` can start it again the same way.
start_process() {
  local name=$1
  DIR_OF[$name]=$2
  shift 2
  COMMAND_OF[$name]=$(printf '%q ' "$@")
  ENV_OF[$name]=$(export -p)
  STARTED+=("$name")
  : >"$LOGS/$name.log"
  launch "$name"
  say "started $name (pid ${PID_OF[$name]}, log ${LOGS#"$ROOT"/}/$name.log)"
}

# launch NAME: starts NAME as start_process recorded it, appending to its log.
launch() {
  local name=$1
  # shellcheck disable=SC2294 # the command was quoted with printf %q
  (eval "${ENV_OF[$name]}" 2>/dev/null || true; cd "${DIR_OF[$name]}" && eval "exec ${COMMAND_OF[$name]}") >>"$LOGS/$name.log" 2>&1 &
  PID_OF[$name]=$!
  STARTED_AT[$name]=$SECONDS
}

# start_silos COUNT CONFIG: silo-0 … silo-(COUNT-1) of the build CONFIG, silo i listening on
# SILO_PORT + i (silo-to-silo), SILO_GATEWAY_PORT + i (clients) and MANAGEMENT_PORT + 2 + i
# (/metrics and health; the gateway and web host take MANAGEMENT_PORT and + 1); returns once all
# have joined.
start_silos() {
  local i
  for ((i = 0; i < $1; i++)); do
    Orleans__SiloPort=$((SILO_PORT + i)) Orleans__GatewayPort=$((SILO_GATEWAY_PORT + i)) \
    Kestrel__Endpoints__Management__Url=http://127.0.0.1:$((MANAGEMENT_PORT + 2 + i)) \
      start_dotnet "silo-$i" "$ROOT/src/Silo/bin/$2/net10.0" Cooperation.Silo.dll
  done
  for ((i = 0; i < $1; i++)); do
    wait_for_log "silo-$i" "Silo ready" 120
  done
}

# start_mailbox PORT DIR: a loopback SMTP server (aiosmtpd) keeping every message it receives as
# a file in the Maildir DIR: where the platform's e-mail goes when run locally.
start_mailbox() {
  local port=$1 dir=$2
  require_report_tools
  mkdir -p "$dir/tmp" "$dir/new" "$dir/cur"   # a Maildir; aiosmtpd only creates it when the folder is missing
  start_process mailbox "$ROOT" /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$dir"
  say "mailbox: SMTP 127.0.0.1:$port, messages in ${dir#"$ROOT"/}/new"
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

# supervise [PID]: keeps the started processes running. One that exits (a silo killed, a host
# crashed) is logged and started again as it was first started, after a pause that doubles while
# it keeps dying within a minute of its start (1 s, 2 s, 4 s … 30 s); the others go on serving.
# Returns PID's exit status when PID (a process not started by start_process, e.g. a load run)
# exits; without PID it runs until a signal runs the trap (Ctrl-C stops everything).
supervise() {
  local until=${1:-} pids name exited status
  while true; do
    pids=(${until:+"$until"})
    for name in "${STARTED[@]}"; do pids+=("${PID_OF[$name]}"); done
    exited='' status=0
    wait -n -p exited "${pids[@]}" 2>/dev/null || status=$?   # (no "Killed" notice)
    [ -n "$exited" ] || continue
    [ "$exited" != "$until" ] || return "$status"
    for name in "${STARTED[@]}"; do
      if [ "${PID_OF[$name]}" = "$exited" ]; then restart "$name" "$status"; fi
    done
  done
}

# restart NAME STATUS: NAME exited with STATUS; starts it again (see supervise).
restart() {
  local name=$1 status=$2 pause=${PAUSE_OF[$1]:-0}
  if [ $((SECONDS - STARTED_AT[$name])) -ge 60 ]; then pause=1; else pause=$((pause == 0 ? 1 : pause * 2 > 30 ? 30 : pause * 2)); fi
  PAUSE_OF[$name]=$pause
  say "$name (pid ${PID_OF[$name]}) exited with status $status; starting it again in $pause s (log ${LOGS#"$ROOT"/}/$name.log)"
  echo "---- $(date -Is) exited with status $status; started again by ops/ in $pause s" >>"$LOGS/$name.log"
  sleep "$pause"
  launch "$name"
  say "restarted $name (pid ${PID_OF[$name]})"
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
    wait "$pid" 2>/dev/null || true   # (no "Killed" or "Aborted" notice)
  done
  STARTED=()
}
