#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 cluster for tests on a loopback port and prints the connection string.
# Installs Debian `postgresql` if missing. Idempotent: a running cluster is reused.
# Usage: eval "$(scripts/start-postgres.sh)"   -> exports MOA_TEST_PG
# Env: MOA_PG_PORT (default 55432), MOA_PG_DIR (default ${TMPDIR:-/tmp}/moa-pg-<uid>).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port="${MOA_PG_PORT:-55432}"
dir="${MOA_PG_DIR:-${TMPDIR:-/tmp}/moa-pg-$(id -u)}"
"$here/ensure-deps.sh" postgresql >&2
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$bin/initdb" ] || { echo "start-postgres: PostgreSQL binaries not found under /usr/lib/postgresql" >&2; exit 1; }
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
mkdir -p "$dir"
[ "$(id -u)" -eq 0 ] && chown postgres:postgres "$dir"
if [ ! -f "$dir/data/PG_VERSION" ]; then
  as_pg "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
fi
if ! as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >&2 \
    || { cat "$dir/server.log" >&2; exit 1; }
fi
psql_do() { as_pg "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtAc "$1"; }
[ "$(psql_do "SELECT 1 FROM pg_roles WHERE rolname='moa'")" = "1" ] || psql_do "CREATE ROLE moa LOGIN PASSWORD 'moa' CREATEDB"
# The tests drop their databases WITH (FORCE): an autovacuum worker still on one can only be stopped by a member of
# pg_signal_backend (without it the drop fails now and then with "must be a member of the role whose process is being
# terminated").
[ "$(psql_do "SELECT 1 FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE r.rolname = 'pg_signal_backend' AND u.rolname = 'moa'")" = "1" ] \
  || psql_do "GRANT pg_signal_backend TO moa"
[ "$(psql_do "SELECT 1 FROM pg_database WHERE datname='moa_test'")" = "1" ] || psql_do "CREATE DATABASE moa_test OWNER moa"
echo "export MOA_TEST_PG='Host=127.0.0.1;Port=$port;Username=moa;Password=moa;Database=moa_test'"
