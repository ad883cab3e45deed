#!/usr/bin/env bash
# Resilience check: a silo killed under load loses nothing acknowledged and doubles nothing.
#
#   ops/chaos.sh [--silos N] [--seconds S] [--clients C] [--pilots P] [--restart-postgres]
#                [--database DB] [--no-build] [--debug]
#
# 1. Starts N silos (3) and a gateway in Release, supervised as ops/run.sh does, on their own
#    database (cooperation_chaos) and ports: gRPC 5280 (COOPERATION_GRPC_PORT), HTTP 5281
#    (COOPERATION_HTTP_PORT), silos 11311+i (COOPERATION_SILO_PORT) and 30300+i
#    (COOPERATION_SILO_GATEWAY_PORT); PostgreSQL is the local one (COOPERATION_PG_PORT).
# 2. The load generator's chaos mode sends partners' updates (the bench's writes: one reading,
#    each under its own idempotency key) from C clients (32) for S seconds (30) over P pilots (200).
# 3. A third of the way in, one silo picked at random is killed with SIGKILL; the supervisor
#    starts it again. With --restart-postgres, PostgreSQL is also stopped and started two thirds in
#    (it is the server of COOPERATION_PG_PORT: every database on it goes down for a moment).
# 4. After the load, every update that failed is sent again under its key until acknowledged.
# 5. Counts in PostgreSQL what became of the keys and prints, last, one line:
#      result acknowledged=… stored=… lost=… doubled=… unresolved=… recovery_s=… …
#    acknowledged: updates answered OK (first try or retry); stored: of those, the ones whose key
#    is in entity_event; lost: acknowledged and not stored; doubled: keys stored more than once;
#    unresolved: failed and never acknowledged by the retries (60 s); recovery_s: the longest gap
#    in successful writes, seen by a partner: the longest time one client (one update in flight)
#    went from an acknowledged write to its next one, with failed or stuck tries in between
#    (recovery_from_s: when it began, seconds from the load's start, beside killed_at_s);
#    cluster_gap_s: the longest time no client had a write acknowledged; slowest_answer_s: the
#    longest a single try waited for its answer, success or failure.
# Exit status 1 when anything was lost, doubled or left unresolved.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SILOS=3
SECONDS_OF_LOAD=30
CLIENTS=32
PILOTS=200
RESTART_POSTGRES=false
DB=cooperation_chaos
BUILD=true
CONFIG=Release
usage() { echo "usage: ops/chaos.sh [--silos N] [--seconds S] [--clients C] [--pilots P] [--restart-postgres] [--database DB] [--no-build] [--debug]" >&2; exit 2; }
number() { [[ "${1:-}" =~ ^[1-9][0-9]*$ ]] || usage; }
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) number "${2:-}"; [ "$2" -ge 2 ] || usage; SILOS=$2; shift 2 ;;
    --seconds) number "${2:-}"; [ "$2" -ge 6 ] || usage; SECONDS_OF_LOAD=$2; shift 2 ;;
    --clients) number "${2:-}"; CLIENTS=$2; shift 2 ;;
    --pilots) number "${2:-}"; PILOTS=$2; shift 2 ;;
    --restart-postgres) RESTART_POSTGRES=true; shift ;;
    --database) [[ "${2:-}" =~ ^[a-z_][a-z0-9_]*$ ]] || usage; DB=$2; shift 2 ;;
    --no-build) BUILD=false; shift ;;
    --debug) CONFIG=Debug; shift ;;
    *) usage ;;
  esac
done
GRPC_PORT=${COOPERATION_GRPC_PORT:-5280}
HTTP_PORT=${COOPERATION_HTTP_PORT:-5281}
SILO_PORT=${COOPERATION_SILO_PORT:-11311}
SILO_GATEWAY_PORT=${COOPERATION_SILO_GATEWAY_PORT:-30300}
MANAGEMENT_PORT=${COOPERATION_MANAGEMENT_PORT:-5284}   # gateway; silo i at + 2 + i
LOGS=$ROOT/.data/logs/$DB
PREFIX=chaos
mkdir -p "$LOGS"
source "$ROOT/ops/lib/platform.sh"
BIN=bin/$CONFIG/net10.0

platform_db_up "$DB"
export ConnectionStrings__Cooperation Orleans__ClusterId=$DB Orleans__ServiceId=$DB
ConnectionStrings__Cooperation=$("$ROOT/ops/db.sh" url "$DB")
if $BUILD; then
  say "building ($CONFIG)"
  dotnet build "$ROOT/Cooperation.sln" -c "$CONFIG" -v q -nologo -clp:ErrorsOnly >&2
fi

start_silos "$SILOS" "$CONFIG"
Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$GRPC_PORT Kestrel__Endpoints__Http__Url=http://127.0.0.1:$HTTP_PORT \
Kestrel__Endpoints__Management__Url=http://127.0.0.1:$MANAGEMENT_PORT \
  start_dotnet gateway "$ROOT/src/Gateway/$BIN" Cooperation.Gateway.dll
wait_for_url gateway "http://127.0.0.1:$HTTP_PORT/healthz" 120
ADMIN_KEY=$(dotnet "$ROOT/src/Gateway/$BIN/Cooperation.Gateway.dll" credentials create \
  --organisation platform --role admin --label "chaos $(date +%F)")

LEDGER=$LOGS/ledger.tsv
rm -f "$LEDGER"
: >"$LOGS/load.log"   # so that the wait below never finds an earlier run's start
say "load: $CLIENTS clients for $SECONDS_OF_LOAD s over $PILOTS pilots (log ${LOGS#"$ROOT"/}/load.log)"
dotnet "$ROOT/bench/Cooperation.LoadGenerator/bin/$CONFIG/net10.0/Cooperation.LoadGenerator.dll" --mode chaos \
  --target "http://127.0.0.1:$GRPC_PORT" --api-key "$ADMIN_KEY" --clients "$CLIENTS" --seconds "$SECONDS_OF_LOAD" \
  --pilots "$PILOTS" --fresh-readings 0 --ledger-file "$LEDGER" >"$LOGS/load.out" 2>"$LOGS/load.log" &
LOAD_PID=$!
until grep -q "Load started" "$LOGS/load.log" 2>/dev/null; do
  kill -0 "$LOAD_PID" 2>/dev/null || { say "the load generator failed:"; tail -n 30 "$LOGS/load.log" >&2; exit 1; }
  sleep 0.1
done

# The blows, timed from the load's start, in a background job of their own.
VICTIM=silo-$((RANDOM % SILOS))
KILL_AT=$(awk -v s="$SECONDS_OF_LOAD" 'BEGIN { printf "%.1f", s / 3 }')
(
  sleep "$KILL_AT"
  say "killing $VICTIM (pid ${PID_OF[$VICTIM]}) with SIGKILL at ${KILL_AT} s"
  kill -KILL "${PID_OF[$VICTIM]}"
  if $RESTART_POSTGRES; then
    sleep "$KILL_AT"
    say "restarting PostgreSQL at about $(awk -v s="$KILL_AT" 'BEGIN { print 2 * s }') s"
    "$ROOT/ops/db.sh" stop && "$ROOT/ops/db.sh" start
  fi
) &
BLOWS_PID=$!

LOAD_STATUS=0
supervise "$LOAD_PID" || LOAD_STATUS=$?
wait "$BLOWS_PID" || true
cat "$LOGS/load.out"
grep -q "exited with status" "$LOGS/$VICTIM.log" || { say "$VICTIM was never killed"; exit 1; }
[ -s "$LEDGER" ] || { say "the load generator wrote no ledger (status $LOAD_STATUS); see ${LOGS#"$ROOT"/}/load.log"; exit 1; }

# What became of every key sent, from entity_event (a partner's update is one pilot event).
COUNTS=$("$ROOT/ops/db.sh" psql "$DB" -q -v ON_ERROR_STOP=1 -At -F ' ' <<SQL
CREATE TEMP TABLE sent (key text PRIMARY KEY, outcome text NOT NULL);
\copy sent FROM '$LEDGER'
CREATE TEMP TABLE stored AS
  SELECT idempotency_key AS key, count(*) AS n FROM entity_event
  WHERE entity_type = 'pilot' AND idempotency_key IN (SELECT key FROM sent) GROUP BY 1;
SELECT (SELECT count(*) FROM sent WHERE outcome = 'acknowledged'),
       (SELECT count(*) FROM sent JOIN stored USING (key) WHERE outcome = 'acknowledged'),
       (SELECT count(*) FROM sent LEFT JOIN stored USING (key) WHERE outcome = 'acknowledged' AND stored.key IS NULL),
       (SELECT count(*) FROM stored WHERE n > 1),
       (SELECT count(*) FROM sent WHERE outcome = 'unresolved');
SQL
)
read -r ACKNOWLEDGED STORED LOST DOUBLED UNRESOLVED <<<"$COUNTS"
CHAOS=$(grep '^chaos ' "$LOGS/load.out")
value() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$CHAOS"; }
echo "result acknowledged=$ACKNOWLEDGED stored=$STORED lost=$LOST doubled=$DOUBLED unresolved=$UNRESOLVED" \
  "recovery_s=$(value recovery_s) recovery_from_s=$(value recovery_from_s) killed=$VICTIM killed_at_s=$KILL_AT" \
  "cluster_gap_s=$(value cluster_gap_s) slowest_answer_s=$(value slowest_answer_s) failed_first_try=$(value failed)" \
  "failures=$(value failures) postgres_restarted=$RESTART_POSTGRES"
[ "$LOST" = 0 ] && [ "$DOUBLED" = 0 ] && [ "$UNRESOLVED" = 0 ]
