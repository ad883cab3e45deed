#!/usr/bin/env bash
# Runs the platform on this machine: PostgreSQL (data in .data/), schema, silo(s), gateway, web
# application, worker (reports, notices, deliveries, reactions to events) and demo data. Ctrl-C
# stops everything it started.
#
#   ops/run.sh [--silos N] [--release] [--no-demo]
#
# Ports (override with environment variables): gRPC 5080 (COOPERATION_GRPC_PORT), HTTP/JSON 5081
# (COOPERATION_HTTP_PORT), web application 5082 (COOPERATION_WEB_PORT), worker health 5083
# (COOPERATION_WORKER_PORT; also its /metrics), PostgreSQL 55432 (COOPERATION_PG_PORT); silo i listens
# on 11111+i (silo-to-silo, COOPERATION_SILO_PORT) and 30000+i (gateway, COOPERATION_SILO_GATEWAY_PORT);
# management endpoints (/metrics, health) from 5084 (COOPERATION_MANAGEMENT_PORT): gateway, web, then
# silo i at +2+i; SMTP mailbox 2525 (COOPERATION_SMTP_PORT). Logs go to .data/logs/; mail the
# platform sends lands in .data/mailbox/new (ops/mailbox.sh lists it).
#
# It supervises what it started: a silo, the gateway, the web application, the worker or the
# mailbox that dies is logged and started again (the others keep serving); PostgreSQL is not
# watched.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PREFIX=run
SILOS=1
CONFIG=Debug
DEMO=true
usage() { echo "usage: ops/run.sh [--silos N] [--release] [--no-demo]" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) [[ "${2:-}" =~ ^[1-9][0-9]?$ ]] || usage; SILOS=$2; shift 2 ;;
    --release) CONFIG=Release; shift ;;
    --no-demo) DEMO=false; shift ;;
    *) usage ;;
  esac
done
GRPC_PORT=${COOPERATION_GRPC_PORT:-5080}
HTTP_PORT=${COOPERATION_HTTP_PORT:-5081}
WEB_PORT=${COOPERATION_WEB_PORT:-5082}
WORKER_PORT=${COOPERATION_WORKER_PORT:-5083}
SMTP_PORT=${COOPERATION_SMTP_PORT:-2525}
SILO_PORT=${COOPERATION_SILO_PORT:-11111}
SILO_GATEWAY_PORT=${COOPERATION_SILO_GATEWAY_PORT:-30000}
MANAGEMENT_PORT=${COOPERATION_MANAGEMENT_PORT:-5084}
LOGS=$ROOT/.data/logs
mkdir -p "$LOGS"
source "$ROOT/ops/lib/platform.sh"

platform_db_up "${COOPERATION_DB:-cooperation}"
export ConnectionStrings__Cooperation
ConnectionStrings__Cooperation=$("$ROOT/ops/db.sh" url "${COOPERATION_DB:-cooperation}")

start_mailbox "$SMTP_PORT" "$ROOT/.data/mailbox"

say "building ($CONFIG)"
dotnet build "$ROOT/Cooperation.sln" -c "$CONFIG" -v q -nologo -clp:ErrorsOnly

start_silos "$SILOS" "$CONFIG"

Demo__Load=$DEMO Demo__KeysFile=$ROOT/.data/demo-keys.env Demo__UsersFile=$ROOT/.data/demo-users.env \
Reports__PublicBaseUrl=http://127.0.0.1:$HTTP_PORT \
Kestrel__Endpoints__Grpc__Url=http://127.0.0.1:$GRPC_PORT \
Kestrel__Endpoints__Http__Url=http://127.0.0.1:$HTTP_PORT \
Kestrel__Endpoints__Management__Url=http://127.0.0.1:$MANAGEMENT_PORT \
  start_dotnet gateway "$ROOT/src/Gateway/bin/$CONFIG/net10.0" Cooperation.Gateway.dll
wait_for_url gateway "http://127.0.0.1:$HTTP_PORT/healthz" 180

# The web application people sign in to: an Orleans client like the gateway, mailing invitations
# and password resets through the same SMTP settings as the worker. More may run behind a load
# balancer: they share their cookie keys through the cluster.
Web__PublicBaseUrl=http://127.0.0.1:$WEB_PORT \
Reports__Smtp__Host=127.0.0.1 Reports__Smtp__Port=$SMTP_PORT \
Kestrel__Endpoints__Http__Url=http://127.0.0.1:$WEB_PORT \
Kestrel__Endpoints__Management__Url=http://127.0.0.1:$((MANAGEMENT_PORT + 1)) \
  start_dotnet web "$ROOT/src/Web/bin/$CONFIG/net10.0" Cooperation.Web.dll
wait_for_url web "http://127.0.0.1:$WEB_PORT/healthz" 180

# The background work, apart from the edge: jobs (reports, digests, notices) and the reactions to
# committed events. More workers may run; they share the jobs and take turns reacting.
Reports__Smtp__Host=127.0.0.1 Reports__Smtp__Port=$SMTP_PORT Reports__PublicBaseUrl=http://127.0.0.1:$HTTP_PORT \
Kestrel__Endpoints__Http__Url=http://127.0.0.1:$WORKER_PORT \
  start_dotnet worker "$ROOT/src/Worker/bin/$CONFIG/net10.0" Cooperation.Worker.dll
wait_for_url worker "http://127.0.0.1:$WORKER_PORT/healthz" 180
if $DEMO; then
  say "loading the demo data (seed scenario)"
  wait_for_log gateway "Demo data loaded" 300
fi

cat <<INFO

Cooperation is running ($SILOS silo(s), logs in .data/logs/):
  gRPC (HTTP/2, h2c):  127.0.0.1:$GRPC_PORT   reflection on, e.g. grpcurl -plaintext 127.0.0.1:$GRPC_PORT list
  HTTP/JSON:           http://127.0.0.1:$HTTP_PORT
  Web (people):        http://127.0.0.1:$WEB_PORT
  Worker (jobs):       http://127.0.0.1:$WORKER_PORT/health/ready
  PostgreSQL:          $ConnectionStrings__Cooperation
  Jobs dashboard:      http://127.0.0.1:$HTTP_PORT/hangfire   (user: anything, password: an admin API key)
  Orleans dashboard:   http://127.0.0.1:$HTTP_PORT/orleans/   (the same)
  Metrics:             http://127.0.0.1:$MANAGEMENT_PORT/metrics (gateway), :$((MANAGEMENT_PORT + 1)) (web), :$((MANAGEMENT_PORT + 2)).. (silos), :$WORKER_PORT (worker)
  Mailbox (SMTP $SMTP_PORT):  ops/mailbox.sh lists what the platform mailed; files in .data/mailbox/new

INFO
if $DEMO; then
  echo "Open http://127.0.0.1:$WEB_PORT and sign in with a line of .data/demo-users.env, e.g. Hai Phong's office:"
  grep -E '^HP_DOFA_(EMAIL|PASSWORD)=' "$ROOT/.data/demo-users.env" 2>/dev/null | sed 's/^/  /' || true
  echo
fi
if $DEMO; then
  # Last month has started in every time zone, so the reading is never refused as a future period.
  cat <<INFO
Try (demo data; every call needs an API key, the demo ones are in .data/demo-keys.env):
  source .data/demo-keys.env
  curl -s -H "x-api-key: \$HP_DOFA_KEY" http://127.0.0.1:$HTTP_PORT/v1/partnerships/haiphong-kitakyushu/progress
  curl -s -H "x-api-key: \$KITAKYUSHU_KEY" http://127.0.0.1:$HTTP_PORT/v1/pilots/hp-compost
  curl -s -X POST -H "x-api-key: \$KITAKYUSHU_KEY" http://127.0.0.1:$HTTP_PORT/v1/pilots/hp-compost/readings \\
       -H 'content-type: application/json' \\
       -d '{"readings":[{"kpiCode":"compost-produced","period":"$(date -d "$(date +%Y-%m-15) -1 month" +%Y-%m)","value":70}]}'

INFO
else
  echo "No demo data. Make an admin key with ops/credentials.sh (see README.md), then \"Build your own\"."
  echo
fi
echo "A process that dies is started again (see .data/logs/). Ctrl-C stops everything."

supervise
