#!/usr/bin/env bash
# Benchmark: the platform in Release on its own database (cooperation_bench) and ports, a pgbench
# baseline of single-row durable INSERTs on the same PostgreSQL at the same concurrency, then the
# load generator. The last line sums it up:
#   writes_per_s=… reads_per_s=… health_per_s=… p99_write_ms=… pgbench_tps=… write_ratio=… read_ratio=… …
#
#   ops/bench.sh [seconds] [clients]        (defaults: 20 s per scenario, 64 clients)
#
# Writes are partners' updates (SubmitUpdate: one reading, a new idempotency key each), measured
# twice: on pilots holding ~10 readings and on pilots holding 1,000 (the
# heavy set is filled on the first run and kept in the bench database).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DURATION=${1:-20}
CLIENTS=${2:-64}
DB=cooperation_bench
GRPC_PORT=5180
HTTP_PORT=5181
LOGS=$ROOT/.data/logs/bench
PREFIX=bench
mkdir -p "$LOGS"
source "$ROOT/ops/lib/platform.sh"

platform_db_up "$DB"
CONNECTION=$("$ROOT/ops/db.sh" url "$DB")

say "building (Release)"
dotnet build "$ROOT/Cooperation.sln" -c Release -v q -nologo -clp:ErrorsOnly >&2

export ConnectionStrings__Cooperation=$CONNECTION Orleans__ClusterId=cooperation-bench Orleans__ServiceId=cooperation-bench
Orleans__SiloPort=11211 Orleans__GatewayPort=30100 \
  start_dotnet silo "$ROOT/src/Silo/bin/Release/net10.0" Cooperation.Silo.dll
wait_for_log silo "Silo ready" 120
Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$GRPC_PORT \
Kestrel__Endpoints__Http__Url=http://127.0.0.1:$HTTP_PORT \
  start_dotnet gateway "$ROOT/src/Gateway/bin/Release/net10.0" Cooperation.Gateway.dll
wait_for_url gateway "http://127.0.0.1:$HTTP_PORT/healthz" 120

# An admin key for the load generator, made as the operators make the first one.
ADMIN_KEY=$(dotnet "$ROOT/src/Gateway/bin/Release/net10.0/Cooperation.Gateway.dll" credentials create \
  --organisation platform --role admin --label "benchmark $(date +%F)")

say "pgbench baseline, $CLIENTS clients, $DURATION s"
"$ROOT/ops/db.sh" psql "$DB" -q -v ON_ERROR_STOP=1 -f "$ROOT/ops/bench/pgbench-schema.sql" >/dev/null
PGBENCH=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/pgbench
PGBENCH_TPS=$("$PGBENCH" -n -h 127.0.0.1 -p "${COOPERATION_PG_PORT:-55432}" -U cooperation -c "$CLIENTS" -j 2 \
  -T "$DURATION" -f "$ROOT/ops/bench/pgbench-insert.sql" "$DB" 2>&1 | tee "$LOGS/pgbench.log" \
  | awk '/^tps = / { print $3 }')
[ -n "$PGBENCH_TPS" ] || { say "pgbench failed, see $LOGS/pgbench.log"; exit 1; }
echo "scenario=pgbench per_s=$PGBENCH_TPS"

say "load generator, $CLIENTS clients, $DURATION s per scenario"
dotnet "$ROOT/tests/Cooperation.LoadGenerator/bin/Release/net10.0/Cooperation.LoadGenerator.dll" \
  --target "http://127.0.0.1:$GRPC_PORT" --api-key "$ADMIN_KEY" --clients "$CLIENTS" --seconds "$DURATION" | tee "$LOGS/load.log"

# field SCENARIO KEY: a value from the load generator's output.
field() { awk -v s="scenario=$1" -v k="$2" '$1 == s { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) print kv[2] } }' "$LOGS/load.log"; }
WRITES=$(field writes-fresh per_s)
HEAVY=$(field writes-heavy per_s)
READS=$(field reads per_s)
HEALTH=$(field health per_s)
for figure in "$WRITES" "$HEAVY" "$READS" "$HEALTH"; do
  [ -n "$figure" ] && [ "$figure" != 0 ] || { say "the load generator did not report every scenario; see $LOGS/load.log"; exit 1; }
done
awk -v w="$WRITES" -v wh="$HEAVY" -v r="$READS" -v h="$HEALTH" -v p99="$(field writes-fresh p99_ms)" \
    -v p99h="$(field writes-heavy p99_ms)" -v pg="$PGBENCH_TPS" 'BEGIN {
  printf "writes_per_s=%.0f reads_per_s=%.0f health_per_s=%.0f p99_write_ms=%s pgbench_tps=%.0f write_ratio=%.2f read_ratio=%.2f writes_heavy_per_s=%.0f p99_write_heavy_ms=%s heavy_to_fresh=%.2f\n",
    w, r, h, p99, pg, w / pg, r / h, wh, p99h, wh / w }'
