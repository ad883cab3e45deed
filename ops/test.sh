#!/usr/bin/env bash
# Runs every test of the solution: brings up the local PostgreSQL (installing and initialising it
# if needed) with the schema applied, then `dotnet test`. Exit status is the tests' result.
# Extra arguments go to dotnet test, e.g. ops/test.sh --filter "FullyQualifiedName~Postgres".
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/ops/lib/debian.sh"
require_report_tools
DB_WAS_RUNNING=true
"$ROOT/ops/db.sh" status >/dev/null 2>&1 || DB_WAS_RUNNING=false
stop_db() { trap - EXIT INT TERM; $DB_WAS_RUNNING || "$ROOT/ops/db.sh" stop; }
trap stop_db EXIT
trap 'stop_db; exit 130' INT TERM

"$ROOT/ops/db.sh" up
# Throw-away databases of earlier test runs that were interrupted.
"$ROOT/ops/db.sh" prune-tests

dotnet test "$ROOT/Cooperation.sln" -c Release "$@"
