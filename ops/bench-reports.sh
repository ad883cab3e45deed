#!/usr/bin/env bash
# Donor report benchmark, end to end: the platform in Release on its own database
# (cooperation_reportbench) and ports (a silo; the gateway loads the demo data), then ROUNDS rounds
# of reports made as the worker's report job makes them — the latest revision asked of the archive,
# the figures gathered from the grains, the file rendered, the next revision archived (delivery
# left out) — for each format (CSV, HTML, PDF) over a portfolio of 1,000 pilots × 10 KPIs × 24
# monthly periods (240,000 approved figures, loaded through the grains on the first run and kept in
# the bench database), and the demo partnership's report (moej/monthly: PDF, HTML and CSV, Japanese).
# The reports run in the benchmark process (bench/Cooperation.ReportBenchmark, mode "endtoend"), an
# Orleans client of the cluster running the job's own code, as the worker is; report_peak_mb is its
# peak resident memory (VmHWM, reset before each format; the largest of the three). An unmeasured
# round warms up first. Each round prints its line; the last line holds the medians:
#   median_of=N report_csv_s=… report_html_s=… report_pdf_s=… pdf_to_csv=… report_peak_mb=… demo_report_s=…
#
#   ops/bench-reports.sh [rounds] [pilots] [kpis] [periods]   (defaults: 3 rounds, 1000 × 10 × 24)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ROUNDS=${1:-3}
PILOTS=${2:-1000}
KPIS=${3:-10}
PERIODS=${4:-24}
DB=cooperation_reportbench
# COOPERATION_BENCH_PORT_OFFSET moves every port of the bench (to run a second copy beside it).
OFFSET=${COOPERATION_BENCH_PORT_OFFSET:-0}
DATA=$ROOT/.data/reportbench
LOGS=$ROOT/.data/logs/reportbench
PREFIX=bench-reports
mkdir -p "$LOGS" "$DATA"
source "$ROOT/ops/lib/platform.sh"
source "$ROOT/ops/lib/bench.sh"

platform_db_up "$DB"
CONNECTION=$("$ROOT/ops/db.sh" url "$DB")

say "building (Release): silo, gateway, report benchmark"
for project in src/Silo src/Gateway bench/Cooperation.ReportBenchmark; do
  dotnet build "$ROOT/$project" -c Release -v q -nologo -clp:ErrorsOnly >&2
done

export ConnectionStrings__Cooperation=$CONNECTION Orleans__ClusterId=cooperation-reportbench Orleans__ServiceId=cooperation-reportbench
Orleans__SiloPort=$((11231 + OFFSET)) Orleans__GatewayPort=$((30120 + OFFSET)) Kestrel__Endpoints__Management__Url=http://127.0.0.1:$((5205 + OFFSET)) \
  start_dotnet silo "$ROOT/src/Silo/bin/Release/net10.0" Cooperation.Silo.dll
wait_for_log silo "Silo ready" 120
Demo__Load=true Demo__KeysFile=$DATA/demo-keys.env Demo__UsersFile=$DATA/demo-users.env \
Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$((5200 + OFFSET)) \
Kestrel__Endpoints__Http__Url=http://127.0.0.1:$((5201 + OFFSET)) \
Kestrel__Endpoints__Management__Url=http://127.0.0.1:$((5203 + OFFSET)) \
  start_dotnet gateway "$ROOT/src/Gateway/bin/Release/net10.0" Cooperation.Gateway.dll
wait_for_url gateway "http://127.0.0.1:$((5201 + OFFSET))/healthz" 120
say "loading the demo data"
wait_for_log gateway "Demo data loaded" 300

say "$ROUNDS rounds (and a warm-up) of reports over $PILOTS pilots × $KPIS KPIs × $PERIODS periods and the demo's; the first run loads the portfolio (minutes)"
RUN="$LOGS/rounds.log"
if ! (cd "$ROOT/bench/Cooperation.ReportBenchmark/bin/Release/net10.0" && \
      dotnet Cooperation.ReportBenchmark.dll endtoend "$ROUNDS" "$PILOTS" "$KPIS" "$PERIODS" --demo) | tee "$RUN"; then
  say "the report benchmark failed; see $RUN and $LOGS/silo.log"
  exit 1
fi
grep '^round=' "$RUN" | cut -d' ' -f2- | medians
