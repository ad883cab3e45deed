#!/usr/bin/env bash
# API keys for the platform run by ops/run.sh: the operators' command line, acting as the
# platform itself (this is how the first admin key is made). Needs the platform running.
#
#   ops/credentials.sh create --organisation ID --role admin|city-office|partner-agency|donor --label TEXT
#   ops/credentials.sh list --organisation ID
#   ops/credentials.sh revoke --credential ID --reason TEXT
#
# "platform" is the organisation of the platform's own admins. `create` prints the key on
# standard output, once; the platform keeps only a hash of its secret.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DB=${COOPERATION_DB:-cooperation}
CONFIG=Debug
[ -f "$ROOT/src/Gateway/bin/$CONFIG/net10.0/Cooperation.Gateway.dll" ] || CONFIG=Release
DLL=$ROOT/src/Gateway/bin/$CONFIG/net10.0/Cooperation.Gateway.dll
if [ ! -f "$DLL" ]; then
  CONFIG=Debug
  DLL=$ROOT/src/Gateway/bin/$CONFIG/net10.0/Cooperation.Gateway.dll
  dotnet build "$ROOT/src/Gateway" -c "$CONFIG" -v q -nologo -clp:ErrorsOnly >&2
fi
"$ROOT/ops/db.sh" status >/dev/null 2>&1 || { echo "credentials: the platform is not running (start it with ops/run.sh)" >&2; exit 1; }
export ConnectionStrings__Cooperation
ConnectionStrings__Cooperation=$("$ROOT/ops/db.sh" url "$DB")
exec dotnet "$DLL" credentials "$@"
