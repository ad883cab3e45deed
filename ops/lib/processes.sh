# Starting, watching and stopping the platform's .NET processes; sourced by run.sh and bench.sh.
# Each process runs in its own directory (so it finds its appsettings.json), logs to
# $LOGS/<name>.log, and is remembered in STARTED for stop_started.

STARTED=()
declare -A PID_OF

# The scripts poll HTTP endpoints with curl; a bare Debian may lack it.
if ! command -v curl >/dev/null; then
  echo "run: installing curl" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y curl >/dev/null \
    || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y curl >/dev/null; }
fi

# start_dotnet NAME DIR DLL: starts `dotnet DLL` in DIR in the background.
start_dotnet() {
  local name=$1 dir=$2 dll=$3
  (cd "$dir" && exec dotnet "$dll") >"$LOGS/$name.log" 2>&1 &
  PID_OF[$name]=$!
  STARTED+=("$name")
  echo "run: started $name (pid ${PID_OF[$name]}, log .data/logs/$name.log)"
}

fail_with_log() {
  echo "run: $1 failed; last lines of its log:" >&2
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

# wait_any_exit: returns when any started process exits (or a signal arrives).
wait_any_exit() {
  local pids=()
  for name in "${STARTED[@]}"; do pids+=("${PID_OF[$name]}"); done
  wait -n "${pids[@]}" || true
  for name in "${STARTED[@]}"; do
    kill -0 "${PID_OF[$name]}" 2>/dev/null || echo "run: $name exited; see .data/logs/$name.log" >&2
  done
}

# stop_started: stops the gateway first, then the silos (graceful, SIGTERM), killing what
# has not exited after 30 seconds.
stop_started() {
  local i name pid
  for ((i = ${#STARTED[@]} - 1; i >= 0; i--)); do
    name=${STARTED[$i]}
    pid=${PID_OF[$name]}
    kill -TERM "$pid" 2>/dev/null || continue
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null && echo "run: $name did not stop in time; killed" >&2
    wait "$pid" 2>/dev/null || true
  done
  STARTED=()
}
