#!/usr/bin/env bash
# The platform's local PostgreSQL: data under <repo>/.data/postgres (git-ignored), listening on
# 127.0.0.1 only, run by a non-root user. Every command is idempotent.
#
#   ops/db.sh up [DB]        install if missing, init, start, create role + database, apply the schema
#   ops/db.sh start | stop | status
#   ops/db.sh migrate [DB]   apply ops/sql/*.sql not yet recorded in schema_migration
#   ops/db.sh drop DB        drop a database (tests use throw-away ones)
#   ops/db.sh prune-tests    drop test databases whose test process has ended
#   ops/db.sh psql [DB] [psql args...]
#   ops/db.sh url [DB]       print the Npgsql connection string
#   ops/db.sh backup [FILE] [DB]               pg_dump of DB in custom format (default FILE:
#                                              .data/backups/DB-<UTC time>.dump), taken while the platform runs
#   ops/db.sh restore FILE [DB] [--replace]    pg_restore of FILE into DB (created; refused if it holds
#                                              tables, unless --replace: dropped first), then migrated
#
# Environment: COOPERATION_PG_PORT (default 55432), COOPERATION_DB (default database "cooperation"),
# COOPERATION_PG_STATE (default <repo>/.data: where the cluster, its log and lock live; tests that
# stop PostgreSQL run a throw-away cluster of their own there).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PORT=${COOPERATION_PG_PORT:-55432}
STATE=${COOPERATION_PG_STATE:-$ROOT/.data}
DATA=$STATE/postgres
LOG=$STATE/postgres.log
ROLE=cooperation
DEFAULT_DB=${COOPERATION_DB:-cooperation}

# Messages are best-effort: a stop after Ctrl-C may find stdout gone (e.g. piped into tee) and must
# still stop the server.
say() { echo "db: $*" >&2 2>/dev/null || true; }
source "$ROOT/ops/lib/debian.sh"

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

install_postgres() {
  [ -n "$(pg_bin)" ] && return
  say "PostgreSQL is not installed"
  # Only the binaries: no system-wide cluster on port 5432 next to ours.
  install_packages postgresql-common
  local conf=/etc/postgresql-common/createcluster.conf
  if grep -qE '^#?[[:space:]]*create_main_cluster' "$conf"; then
    sed -i -E 's/^#?[[:space:]]*create_main_cluster.*/create_main_cluster = false/' "$conf"
  else
    echo "create_main_cluster = false" >>"$conf"
  fi
  install_packages postgresql
  [ -n "$(pg_bin)" ] || { say "installing postgresql gave no server binaries"; exit 1; }
}

# PostgreSQL refuses to run as root: as root, run it as the 'postgres' system user.
RUN_AS=()
[ "$(id -u)" -eq 0 ] && RUN_AS=(runuser -u postgres --)
ensure_server_user() {
  if [ ${#RUN_AS[@]} -gt 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /usr/sbin/nologin postgres
  elif [ -e "$DATA" ] && [ ! -O "$DATA" ]; then
    say "$DATA belongs to $(stat -c %U "$DATA") (set up as root); run the ops scripts as root"
    exit 1
  fi
}
as_pg() { "${RUN_AS[@]}" "$@"; }

# The server user must be able to reach the data folder; a clone inside a private directory
# (mktemp -d is 0700) would hide it. Grant traversal (not listing) on the ancestors that lack it.
open_path() {
  [ ${#RUN_AS[@]} -eq 0 ] && return
  local dir=$STATE
  while [ "$dir" != "/" ]; do
    if ! as_pg test -x "$dir" 2>/dev/null; then
      say "granting traversal of $dir to the postgres user (chmod o+x)"
      chmod o+x "$dir"
    fi
    dir=$(dirname "$dir")
  done
}

init_cluster() {
  [ -f "$DATA/PG_VERSION" ] && return
  say "initialising a new cluster in $DATA"
  mkdir -p "$DATA"
  [ ${#RUN_AS[@]} -gt 0 ] && chown -R postgres: "$STATE"
  chmod 700 "$DATA"
  open_path
  as_pg "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  # Loopback only with trust authentication: a development database, never exposed.
  # Durability stays on (fsync, synchronous_commit): an acknowledged write is on disk.
  cat >>"$DATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 300
shared_buffers = 512MB
max_wal_size = 4GB
checkpoint_timeout = 15min
CONF
}

is_running() { [ -f "$DATA/PG_VERSION" ] && as_pg "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

start() {
  # Test fixtures start in parallel: one installs and starts, the others wait and find it running.
  mkdir -p "$STATE"
  exec 8>"$STATE/start.lock"
  flock 8
  install_postgres
  ensure_server_user
  BIN=$(pg_bin)
  init_cluster
  open_path
  if is_running; then flock -u 8; return; fi
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    say "port $PORT is taken by another server (another checkout's PostgreSQL?): stop it or set COOPERATION_PG_PORT"
    exit 1
  fi
  say "starting PostgreSQL on 127.0.0.1:$PORT"
  [ ${#RUN_AS[@]} -gt 0 ] && chown postgres: "$STATE" && touch "$LOG" && chown postgres: "$LOG"
  as_pg "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -o "-p $PORT" -w -t 60 start >/dev/null 8>&- \
    || { say "PostgreSQL did not start; see $LOG"; tail -n 20 "$LOG" >&2; exit 1; }
  flock -u 8
}

stop() {
  BIN=$(pg_bin) || return 0
  if is_running; then
    say "stopping PostgreSQL"
    as_pg "$BIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
  fi
}

# sql_in DB ARGS...: psql as the server's superuser; admin_sql: in the maintenance database.
sql_in() { local db=$1; shift; "$BIN/psql" -X -q -h 127.0.0.1 -p "$PORT" -U postgres -d "$db" -v ON_ERROR_STOP=1 -tA "$@"; }
admin_sql() { sql_in postgres "$@"; }

ensure_database() {
  local db=$1
  admin_sql -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ROLE') THEN CREATE ROLE $ROLE LOGIN; END IF; END \$\$;"
  if [ -z "$(admin_sql -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    say "creating database $db"
    admin_sql -c "CREATE DATABASE \"$db\" OWNER $ROLE"
  fi
}

migrate() {
  local db=$1 file version name sum applied
  local psql=(env PGOPTIONS="-c client_min_messages=warning" "$BIN/psql" -X -q -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$db" -v ON_ERROR_STOP=1)
  "${psql[@]}" -c "CREATE TABLE IF NOT EXISTS schema_migration (
      version int PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())"
  for file in "$ROOT"/ops/sql/[0-9]*.sql; do
    name=$(basename "$file" .sql)
    version=$((10#${name%%_*}))
    sum=$(sha256sum "$file" | cut -c1-16)
    applied=$("${psql[@]}" -tA -c "SELECT checksum FROM schema_migration WHERE version = $version")
    [ "$applied" = "$sum" ] && continue
    # Files are re-runnable, so one changed since it was applied is simply applied again.
    if [ -n "$applied" ]; then say "re-applying $name to $db (changed since applied)"; else say "applying $name to $db"; fi
    # One transaction per file: a failing file leaves nothing behind.
    "${psql[@]}" -1 -f "$file" \
      -c "INSERT INTO schema_migration (version, name, checksum) VALUES ($version, '$name', '$sum')
          ON CONFLICT (version) DO UPDATE SET name = excluded.name, checksum = excluded.checksum, applied_at = now()"
  done
}

url() { echo "Host=127.0.0.1;Port=$PORT;Database=$1;Username=$ROLE"; }

# Test databases are named cooperation_test_<pid>_<suffix> after the test process.
prune_tests() {
  local db pid
  for db in $(admin_sql -c "SELECT datname FROM pg_database WHERE datname LIKE 'cooperation_test_%'"); do
    pid=$(echo "$db" | cut -d_ -f3)
    if ! kill -0 "$pid" 2>/dev/null; then
      say "dropping $db (its test run has ended)"
      admin_sql -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
    fi
  done
}
# What a database holds: tables, journal events, KPI readings.
contents() {
  local tables events=0 readings=0
  tables=$(sql_in "$1" -c "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
  [ -n "$(sql_in "$1" -c "SELECT to_regclass('entity_event')")" ] && events=$(sql_in "$1" -c "SELECT count(*) FROM entity_event")
  [ -n "$(sql_in "$1" -c "SELECT to_regclass('kpi_reading')")" ] && readings=$(sql_in "$1" -c "SELECT count(*) FROM kpi_reading")
  echo "$tables tables, $events journal events, $readings KPI readings"
}

database_exists() { [ -n "$(admin_sql -c "SELECT 1 FROM pg_database WHERE datname = '$1'")" ]; }

# A consistent snapshot (pg_dump's single transaction) while the platform keeps running.
backup() {
  local file=${1:-} db=${2:-$DEFAULT_DB}
  database_exists "$db" || { say "there is no database $db"; exit 1; }
  [ -n "$file" ] || file=$STATE/backups/$db-$(date -u +%Y%m%dT%H%M%SZ).dump
  [ -e "$file" ] && { say "$file exists: give another file name"; exit 1; }
  mkdir -p "$(dirname "$file")"
  # Written aside and renamed: a file under the final name is a whole backup.
  "$BIN/pg_dump" -h 127.0.0.1 -p "$PORT" -U postgres --format=custom --file="$file.partial" "$db" \
    || { rm -f "$file.partial"; say "pg_dump of $db failed"; exit 1; }
  mv "$file.partial" "$file"
  say "backed up $db ($(contents "$db")) to $file ($(du -h "$file" | cut -f1))"
  echo "$file"
}

# Into a new (or empty) database; the platform's role owns what is restored, whoever owned it where
# the dump was taken. What the processes of the dumped platform held is let go: their silos'
# membership rows, Hangfire's servers and locks (jobs they had fetched are queued again).
restore() {
  local file=$1 db=$2 replace=$3 tables
  [ -f "$file" ] || { say "no backup file $file"; exit 1; }
  "$BIN/pg_restore" --list "$file" >/dev/null 2>&1 || { say "$file is not a pg_dump custom-format backup"; exit 1; }
  admin_sql -c "DO \$\$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ROLE') THEN CREATE ROLE $ROLE LOGIN; END IF; END \$\$;"
  if database_exists "$db"; then
    tables=$(sql_in "$db" -c "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
    if [ "$tables" -gt 0 ]; then
      if ! $replace; then
        say "database $db is not empty ($(contents "$db")): restore into a new database, or add --replace to drop it first"
        exit 1
      fi
      say "dropping database $db ($(contents "$db")), as --replace asks"
      admin_sql -c "DROP DATABASE \"$db\" WITH (FORCE)"
    fi
  fi
  database_exists "$db" || admin_sql -c "CREATE DATABASE \"$db\" OWNER $ROLE"
  "$BIN/pg_restore" -h 127.0.0.1 -p "$PORT" -U postgres --dbname="$db" --no-owner --role="$ROLE" --exit-on-error "$file" \
    || { say "pg_restore of $file into $db failed; $db is left as it stopped"; exit 1; }
  local silos
  silos=$(sql_in "$db" -c "WITH gone AS (DELETE FROM OrleansMembershipTable RETURNING 1) SELECT count(*) FROM gone")
  sql_in "$db" -c "DO \$\$ BEGIN IF to_regclass('hangfire.server') IS NOT NULL THEN
      DELETE FROM hangfire.server; DELETE FROM hangfire.lock; UPDATE hangfire.jobqueue SET fetchedat = NULL WHERE fetchedat IS NOT NULL;
    END IF; END \$\$;"
  say "restored $file into $db: $(contents "$db"); let go of $silos silo row(s) of the cluster it was taken from and of Hangfire's servers and locks"
  migrate "$db"
  say "ready: $(url "$db")"
}

cmd=${1:-status}
shift || true
case "$cmd" in
  up)
    db=${1:-$DEFAULT_DB}
    start
    ensure_database "$db"
    migrate "$db"
    say "ready: $(url "$db")"
    ;;
  start) start ;;
  stop) stop ;;
  status)
    BIN=$(pg_bin) || { echo "not installed"; exit 3; }
    if is_running; then echo "running on 127.0.0.1:$PORT ($DATA)"; else echo "stopped ($DATA)"; exit 3; fi
    ;;
  migrate) start; db=${1:-$DEFAULT_DB}; ensure_database "$db"; migrate "$db" ;;
  drop)
    [ -n "${1:-}" ] || { say "usage: ops/db.sh drop DB"; exit 2; }
    start
    admin_sql -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)"
    ;;
  prune-tests) start; prune_tests ;;
  psql) start; db=${1:-$DEFAULT_DB}; shift || true; exec "$BIN/psql" -X -h 127.0.0.1 -p "$PORT" -U "$ROLE" -d "$db" "$@" ;;
  url) url "${1:-$DEFAULT_DB}" ;;
  backup) start; backup "${1:-}" "${2:-}" ;;
  restore)
    replace=false
    args=()
    for arg in "$@"; do
      if [ "$arg" = --replace ]; then replace=true; else args+=("$arg"); fi
    done
    [ ${#args[@]} -ge 1 ] && [ ${#args[@]} -le 2 ] || { say "usage: ops/db.sh restore FILE [DB] [--replace]"; exit 2; }
    start
    restore "${args[0]}" "${args[1]:-$DEFAULT_DB}" "$replace"
    ;;
  *) say "unknown command '$cmd' (up, start, stop, status, migrate, drop, prune-tests, psql, url, backup, restore)"; exit 2 ;;
esac
