#!/usr/bin/env bash
# Benchmark, in three parts, each on its own database and ports with the platform in Release:
#  1. API: ROUNDS rounds of a pgbench baseline of single-row durable INSERTs on the same
#     PostgreSQL at the same concurrency, then the load generator on a new set of fresh pilots
#     (partners' updates, pilot reads, gRPC health checks);
#  2. pages: ops/bench-pages.sh (signed-in pages against the JSON reads of the same data, 32 sessions);
#  3. reports: ops/bench-reports.sh (donor reports end to end on a running cluster).
# Each round prints its line and each part its medians over the rounds (one slow round of either
# side, common on a shared machine, does not decide a ratio); the last line sums them up:
#   summary write_ratio=… read_ratio=… page_ratio=… report_csv_s=… report_html_s=… report_pdf_s=… …
#
#   ops/bench.sh [seconds] [clients] [rounds]          all three (defaults: 20 s per scenario, 64 clients, 3 rounds)
#   ops/bench.sh --api [seconds] [clients] [rounds]    the API part only
#   ops/bench.sh --writes [seconds] [clients] [rounds] pgbench and the fresh writes only: write_ratio
#                                                      and what an update costs each process in CPU µs (below)
#   ops/bench.sh --pages [seconds] [clients] [rounds]  the page benchmark only (ops/bench-pages.sh)
#   ops/bench.sh --reports [rounds] [pilots] [kpis] [periods]  the report benchmark only (ops/bench-reports.sh)
#
# Every scenario line also gives the CPU time per call of each process (cpu_us_silo, _gateway,
# _worker, _postgres: the server and its backends, _loadgen, _total), read from /proc before and
# after the measured window. COOPERATION_BENCH_HOSTS=DIR runs the hosts built in another checkout
# DIR (e.g. a worktree of the base commit) with this checkout's load generator, for A/B runs.
#
# Writes are partners' updates (SubmitUpdate: one reading, a new idempotency key each), measured
# twice: on pilots holding ~10 readings and on pilots holding 1,000 (the
# heavy set is filled on the first run and kept in the bench database).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PARTS=all
SCENARIOS=all
case "${1:-}" in
  --pages) shift; exec "$ROOT/ops/bench-pages.sh" "$@" ;;
  --reports) shift; exec "$ROOT/ops/bench-reports.sh" "$@" ;;
  --api) shift; PARTS=api ;;
  --writes) shift; PARTS=api; SCENARIOS=writes-fresh ;;
esac
DURATION=${1:-20}
CLIENTS=${2:-64}
ROUNDS=${3:-3}
DB=cooperation_bench
# COOPERATION_BENCH_PORT_OFFSET moves every port of the bench (to run a second copy beside it).
OFFSET=${COOPERATION_BENCH_PORT_OFFSET:-0}
GRPC_PORT=$((5180 + OFFSET))
HTTP_PORT=$((5181 + OFFSET))
LOGS=$ROOT/.data/logs/bench
PREFIX=bench
mkdir -p "$LOGS"
source "$ROOT/ops/lib/platform.sh"
source "$ROOT/ops/lib/bench.sh"
HOSTS=${COOPERATION_BENCH_HOSTS:-$ROOT}

platform_db_up "$DB"
CONNECTION=$("$ROOT/ops/db.sh" url "$DB")

say "building (Release)"
dotnet build "$ROOT/Cooperation.sln" -c Release -v q -nologo -clp:ErrorsOnly >&2
[ "$HOSTS" = "$ROOT" ] || dotnet build "$HOSTS/Cooperation.sln" -c Release -v q -nologo -clp:ErrorsOnly >&2

export ConnectionStrings__Cooperation=$CONNECTION Orleans__ClusterId=cooperation-bench Orleans__ServiceId=cooperation-bench
Orleans__SiloPort=$((11211 + OFFSET)) Orleans__GatewayPort=$((30100 + OFFSET)) Kestrel__Endpoints__Management__Url=http://127.0.0.1:$((5186 + OFFSET)) \
  start_dotnet silo "$HOSTS/src/Silo/bin/Release/net10.0" Cooperation.Silo.dll
wait_for_log silo "Silo ready" 120
Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$GRPC_PORT \
Kestrel__Endpoints__Http__Url=http://127.0.0.1:$HTTP_PORT \
Kestrel__Endpoints__Management__Url=http://127.0.0.1:$((5184 + OFFSET)) \
  start_dotnet gateway "$HOSTS/src/Gateway/bin/Release/net10.0" Cooperation.Gateway.dll
wait_for_url gateway "http://127.0.0.1:$HTTP_PORT/healthz" 120
# The worker runs beside them as in production (its jobs' polling and the reactions' reads load the database too).
Kestrel__Endpoints__Http__Url=http://127.0.0.1:$((5183 + OFFSET)) \
  start_dotnet worker "$HOSTS/src/Worker/bin/Release/net10.0" Cooperation.Worker.dll
wait_for_url worker "http://127.0.0.1:$((5183 + OFFSET))/healthz" 120

# An admin key for the load generator, made as the operators make the first one.
ADMIN_KEY=$(dotnet "$HOSTS/src/Gateway/bin/Release/net10.0/Cooperation.Gateway.dll" credentials create \
  --organisation platform --role admin --label "benchmark $(date +%F)")

"$ROOT/ops/db.sh" psql "$DB" -q -v ON_ERROR_STOP=1 -f "$ROOT/ops/bench/pgbench-schema.sql" >/dev/null
PGBENCH=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/pgbench

POSTMASTER=$(head -n 1 "${COOPERATION_PG_STATE:-$ROOT/.data}/postgres/postmaster.pid")
CPU_OF="silo=${PID_OF[silo]},gateway=${PID_OF[gateway]},worker=${PID_OF[worker]},postgres=$POSTMASTER"

ROUND_LINES=()
for round in $(seq 1 "$ROUNDS"); do
  say "round $round/$ROUNDS: pgbench baseline, $CLIENTS clients, $DURATION s"
  PGBENCH_TPS=$("$PGBENCH" -n -h 127.0.0.1 -p "${COOPERATION_PG_PORT:-55432}" -U cooperation -c "$CLIENTS" -j 2 \
    -T "$DURATION" -f "$ROOT/ops/bench/pgbench-insert.sql" "$DB" 2>&1 | tee "$LOGS/pgbench-$round.log" \
    | awk '/^tps = / { print $3 }')
  [ -n "$PGBENCH_TPS" ] || { say "pgbench failed, see $LOGS/pgbench-$round.log"; exit 1; }
  echo "scenario=pgbench per_s=$PGBENCH_TPS"
  if [ "$SCENARIOS" = writes-fresh ]; then
    LOAD="$LOGS/load-$round.log"
    dotnet "$ROOT/bench/Cooperation.LoadGenerator/bin/Release/net10.0/Cooperation.LoadGenerator.dll" \
      --target "http://127.0.0.1:$GRPC_PORT" --api-key "$ADMIN_KEY" --clients "$CLIENTS" --seconds "$DURATION" \
      --scenarios writes-fresh --cpu-of "$CPU_OF" | tee "$LOAD"
    ROUND_LINES+=("$(awk -v pg="$PGBENCH_TPS" '$1 == "scenario=writes-fresh" {
      $1 = $2 = $3 = ""; split($4, w, "="); printf "write_ratio=%.2f pgbench_tps=%.0f%s\n", w[2] / pg, pg, $0 }' "$LOAD" | tr -s ' ')")
    echo "round=$round ${ROUND_LINES[-1]}"
    continue
  fi

  say "round $round/$ROUNDS: load generator, $CLIENTS clients, $DURATION s per scenario"
  LOAD="$LOGS/load-$round.log"
  dotnet "$ROOT/bench/Cooperation.LoadGenerator/bin/Release/net10.0/Cooperation.LoadGenerator.dll" \
    --target "http://127.0.0.1:$GRPC_PORT" --api-key "$ADMIN_KEY" --clients "$CLIENTS" --seconds "$DURATION" --cpu-of "$CPU_OF" | tee "$LOAD"
  for scenario in writes-fresh writes-heavy reads health; do
    figure=$(field "$LOAD" "$scenario" per_s)
    [ -n "$figure" ] && [ "$figure" != 0 ] || { say "the load generator did not report $scenario; see $LOAD"; exit 1; }
  done
  ROUND_LINES+=("$(awk -v w="$(field "$LOAD" writes-fresh per_s)" -v wh="$(field "$LOAD" writes-heavy per_s)" \
      -v r="$(field "$LOAD" reads per_s)" -v h="$(field "$LOAD" health per_s)" -v p99="$(field "$LOAD" writes-fresh p99_ms)" \
      -v p99h="$(field "$LOAD" writes-heavy p99_ms)" -v pg="$PGBENCH_TPS" -v cw="$(field "$LOAD" writes-fresh cpu_us_total)" \
      -v cr="$(field "$LOAD" reads cpu_us_total)" -v ch="$(field "$LOAD" health cpu_us_total)" 'BEGIN {
    printf "writes_per_s=%.0f reads_per_s=%.0f health_per_s=%.0f p99_write_ms=%.2f pgbench_tps=%.0f write_ratio=%.2f read_ratio=%.2f writes_heavy_per_s=%.0f p99_write_heavy_ms=%.2f heavy_to_fresh=%.2f cpu_write_us=%.0f cpu_read_us=%.0f cpu_health_us=%.0f\n",
      w, r, h, p99, pg, w / pg, r / h, wh, p99h, wh / w, cw, cr, ch }')")
  echo "round=$round ${ROUND_LINES[-1]}"
done

# The median of each figure over the rounds, in the same key=value form.
API_MEDIANS=$(printf '%s\n' "${ROUND_LINES[@]}" | medians)
echo "$API_MEDIANS"
[ "$PARTS" = all ] || exit 0

# The other parts start their own hosts: this part's leave the cores first.
stop_started
say "pages: ops/bench-pages.sh $DURATION 32 $ROUNDS"
"$ROOT/ops/bench-pages.sh" "$DURATION" 32 "$ROUNDS" | tee "$LOGS/pages.log"
say "reports: ops/bench-reports.sh $ROUNDS"
"$ROOT/ops/bench-reports.sh" "$ROUNDS" | tee "$LOGS/reports.log"
# Each part's medians without their "median_of=N", on one line.
echo "summary $(for line in "$API_MEDIANS" "$(tail -n 1 "$LOGS/pages.log")" "$(tail -n 1 "$LOGS/reports.log")"; do
  echo "${line#median_of=* }"; done | tr '\n' ' ' | sed 's/ $//')"
