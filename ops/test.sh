#!/usr/bin/env bash
# Runs the tests; exit status is the tests' result.
#   ops/test.sh          every test of the solution: brings up the local PostgreSQL (installing and
#                        initialising it if needed) with the schema applied, then `dotnet test`.
#   ops/test.sh --fast   the fast lane alone (tests/Cooperation.Tests.Fast: domain, grain and journal
#                        tests on the in-memory journal), without PostgreSQL.
# Other arguments go to dotnet test, e.g. ops/test.sh --filter "FullyQualifiedName~Postgres".
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$ROOT/ops/lib/debian.sh"

FAST=false
ARGS=()
for arg in "$@"; do
  if [ "$arg" = --fast ]; then FAST=true; else ARGS+=("$arg"); fi
done

# The report tests (both lanes) read PDFs back and set text in the reports' fonts.
require_report_tools

if $FAST; then
  exec dotnet test "$ROOT/tests/Cooperation.Tests.Fast/Cooperation.Tests.Fast.csproj" -c Release ${ARGS[@]+"${ARGS[@]}"}
fi

DB_WAS_RUNNING=true
"$ROOT/ops/db.sh" status >/dev/null 2>&1 || DB_WAS_RUNNING=false
stop_db() { trap - EXIT INT TERM; $DB_WAS_RUNNING || "$ROOT/ops/db.sh" stop; }
trap stop_db EXIT
trap 'stop_db; exit 130' INT TERM

"$ROOT/ops/db.sh" up
# The browser tests drive Debian's Chromium.
require_browser
# Throw-away databases of earlier test runs that were interrupted.
"$ROOT/ops/db.sh" prune-tests

dotnet test "$ROOT/Cooperation.sln" -c Release ${ARGS[@]+"${ARGS[@]}"}
