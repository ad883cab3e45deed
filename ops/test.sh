#!/usr/bin/env bash
# Runs every test of the solution: brings up the local PostgreSQL (installing and initialising it
# if needed) with the schema applied, then `dotnet test`. Exit status is the tests' result.
# Extra arguments go to dotnet test, e.g. ops/test.sh --filter "FullyQualifiedName~Postgres".
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DB_WAS_RUNNING=false
"$ROOT/ops/db.sh" status >/dev/null 2>&1 && DB_WAS_RUNNING=true
"$ROOT/ops/db.sh" up

status=0
dotnet test "$ROOT/Cooperation.sln" -c Release "$@" || status=$?

$DB_WAS_RUNNING || "$ROOT/ops/db.sh" stop
exit $status
