#!/usr/bin/env bash
# Page benchmark: the platform in Release on its own database (cooperation_pagebench) and ports,
# with the demo data loaded (silo, gateway, web host), then ROUNDS rounds of the load generator's
# pages mode: CLIENTS signed-in sessions of the demo person HP_DOFA (Hai Phong's foreign-affairs
# office) reading the partnership page and the hp-compost pilot page in turn, and, for the same
# duration and concurrency, as many clients with the same organisation's API key reading the JSON
# routes for the same data. Each round prints its line; the last line holds the medians:
#   median_of=N pages_per_s=… json_per_s=… page_ratio=… page_p95_ms=… page_server_p95_ms=… …
#
#   ops/bench-pages.sh [seconds] [clients] [rounds]   (defaults: 20 s per scenario, 32 sessions, 3 rounds)
#   ops/bench.sh --pages [seconds] [clients] [rounds] (the same)
# Unmeasured passes warm the platform up first, until the pages' rate settles.
#
# page_ratio = pages/s ÷ JSON reads/s (a partnership read is its two calls, one after the other);
# page_server_p95_ms is the web host's own time (Server-Timing) of the pages, the session check
# included; page_handler_p95_ms the part the page handlers took (their grain calls). The worker is
# not started: nothing is written while the pages are read.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DURATION=${1:-20}
CLIENTS=${2:-32}
ROUNDS=${3:-3}
DB=cooperation_pagebench
# COOPERATION_BENCH_PORT_OFFSET moves every port of the bench (to run a second copy beside it).
OFFSET=${COOPERATION_BENCH_PORT_OFFSET:-0}
GRPC_PORT=$((5190 + OFFSET))
HTTP_PORT=$((5191 + OFFSET))
WEB_PORT=$((5192 + OFFSET))
DATA=$ROOT/.data/pagebench
LOGS=$ROOT/.data/logs/pagebench
PREFIX=bench-pages
mkdir -p "$LOGS" "$DATA"
source "$ROOT/ops/lib/platform.sh"
source "$ROOT/ops/lib/bench.sh"

platform_db_up "$DB"
CONNECTION=$("$ROOT/ops/db.sh" url "$DB")

say "building (Release): silo, gateway, web host, load generator"
for project in src/Silo src/Gateway src/Web bench/Cooperation.LoadGenerator; do
  dotnet build "$ROOT/$project" -c Release -v q -nologo -clp:ErrorsOnly >&2
done

export ConnectionStrings__Cooperation=$CONNECTION Orleans__ClusterId=cooperation-pagebench Orleans__ServiceId=cooperation-pagebench
Orleans__SiloPort=$((11221 + OFFSET)) Orleans__GatewayPort=$((30110 + OFFSET)) Kestrel__Endpoints__Management__Url=http://127.0.0.1:$((5195 + OFFSET)) \
  start_dotnet silo "$ROOT/src/Silo/bin/Release/net10.0" Cooperation.Silo.dll
wait_for_log silo "Silo ready" 120
Demo__Load=true Demo__KeysFile=$DATA/demo-keys.env Demo__UsersFile=$DATA/demo-users.env \
Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$GRPC_PORT \
Kestrel__Endpoints__Http__Url=http://127.0.0.1:$HTTP_PORT \
Kestrel__Endpoints__Management__Url=http://127.0.0.1:$((5193 + OFFSET)) \
  start_dotnet gateway "$ROOT/src/Gateway/bin/Release/net10.0" Cooperation.Gateway.dll
wait_for_url gateway "http://127.0.0.1:$HTTP_PORT/healthz" 120
say "loading the demo data"
wait_for_log gateway "Demo data loaded" 300
# Every round signs in CLIENTS sessions of one person from one address within seconds, more than
# the account forms' rate limits allow people (30 forms per client, 10 attempts per address a
# minute): this web host lets the bench through. The Server-Timing header gives the pages' server time.
Web__ServerTiming=true Web__FormsPerClientPerMinute=100000 Web__AttemptsPerAddressPerMinute=100000 \
Kestrel__Endpoints__Http__Url=http://127.0.0.1:$WEB_PORT \
Kestrel__Endpoints__Management__Url=http://127.0.0.1:$((5194 + OFFSET)) \
  start_dotnet web "$ROOT/src/Web/bin/Release/net10.0" Cooperation.Web.dll
wait_for_url web "http://127.0.0.1:$WEB_PORT/healthz" 120

GENERATOR=(dotnet "$ROOT/bench/Cooperation.LoadGenerator/bin/Release/net10.0/Cooperation.LoadGenerator.dll" --mode pages
  --web "http://127.0.0.1:$WEB_PORT" --http "http://127.0.0.1:$HTTP_PORT"
  --users-file "$DATA/demo-users.env" --keys-file "$DATA/demo-keys.env" --person HP_DOFA --clients "$CLIENTS")
# A running server is warm: unmeasured passes first (10 s of each scenario) until the pages' rate
# settles (within 15 % of the pass before; at most 8 passes). On 2 busy cores the tiered JIT can
# take minutes to optimise the hot paths; the rounds should measure pages, not the JIT.
previous=0
for pass in $(seq 1 8); do
  "${GENERATOR[@]}" --seconds 10 >"$LOGS/warm-up.log" 2>&1 || { say "a warm-up pass failed; see $LOGS/warm-up.log"; exit 1; }
  rate=$(field "$LOGS/warm-up.log" pages per_s)
  say "warm-up pass $pass: pages ${rate}/s, JSON reads $(field "$LOGS/warm-up.log" json-reads per_s)/s"
  awk -v r="$rate" -v p="$previous" 'BEGIN { exit !(p > 0 && r < p * 1.15 && r > p * 0.85) }' && break
  previous=$rate
done

ROUND_LINES=()
for round in $(seq 1 "$ROUNDS"); do
  say "round $round/$ROUNDS: pages and JSON reads, $CLIENTS sessions, $DURATION s each"
  LOAD="$LOGS/load-$round.log"
  if ! "${GENERATOR[@]}" --seconds "$DURATION" | tee "$LOAD"; then
    say "the load generator failed (an answer that was not the page or JSON asked for, or no sign-in); see $LOAD and $LOGS/web.log"
    exit 1
  fi
  for figure in pages:per_s pages:server_p95_ms json-reads:per_s; do
    value=$(field "$LOAD" "${figure%%:*}" "${figure#*:}")
    [[ "$value" =~ ^[0-9.]+$ ]] && [ "$value" != 0 ] || { say "the load generator did not report $figure; see $LOAD"; exit 1; }
  done
  # The ratio from the counts (the same measured seconds on both sides), not from the rounded rates.
  ROUND_LINES+=("$(awk -v p="$(field "$LOAD" pages per_s)" -v j="$(field "$LOAD" json-reads per_s)" \
      -v pn="$(field "$LOAD" pages requests)" -v jn="$(field "$LOAD" json-reads requests)" \
      -v pp95="$(field "$LOAD" pages p95_ms)" -v ps95="$(field "$LOAD" pages server_p95_ms)" \
      -v ph95="$(field "$LOAD" pages handler_p95_ms)" -v jp95="$(field "$LOAD" json-reads p95_ms)" \
      -v pa="$(field "$LOAD" page-partnership server_p95_ms)" -v pi="$(field "$LOAD" page-pilot server_p95_ms)" 'BEGIN {
    printf "pages_per_s=%.0f json_per_s=%.0f page_ratio=%.2f page_p95_ms=%.2f page_server_p95_ms=%.2f page_handler_p95_ms=%.2f json_p95_ms=%.2f partnership_server_p95_ms=%.2f pilot_server_p95_ms=%.2f\n",
      p, j, pn / jn, pp95, ps95, ph95, jp95, pa, pi }')")
  echo "round=$round ${ROUND_LINES[-1]}"
done

printf '%s\n' "${ROUND_LINES[@]}" | medians
