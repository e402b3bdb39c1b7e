#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 in a temp dir as an unprivileged user, on a free port.
# Usage: source .ci/postgres.sh  → exports TEST_DATABASE_URL and PG_TMP; `pg_stop` stops it.
set -euo pipefail

PG_BIN=/usr/lib/postgresql/15/bin
[ -x "$PG_BIN/initdb" ] || PG_BIN=$(dirname "$(command -v initdb)")
PG_USER=banshipg
if [ "$(id -u)" = 0 ]; then
  id "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER"
  as_pg() { runuser -u "$PG_USER" -- "$@"; }
else
  PG_USER=$(id -un)
  as_pg() { "$@"; }
fi

PG_TMP=$(mktemp -d /tmp/banshi-pg.XXXXXX)
chown "$PG_USER" "$PG_TMP" 2>/dev/null || true
PG_PORT=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
as_pg "$PG_BIN/initdb" -D "$PG_TMP/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_TMP/initdb.log" 2>&1
as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w \
  -o "-p $PG_PORT -k $PG_TMP -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null
export PG_TMP
export TEST_DATABASE_URL="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
pg_stop() { as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$PG_TMP"; }
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on port $PG_PORT ($PG_TMP)"
