#!/usr/bin/env bash
# A throwaway local PostgreSQL cluster for `make run` and `make test` (no Docker needed).
#
#   .ci/pg.sh start NAME [--fresh]       start (creating if needed) cluster NAME; prints its connection string
#   .ci/pg.sh stop NAME                  stop cluster NAME
#   .ci/pg.sh createdb NAME DB [--fresh] create database DB in cluster NAME if missing (--fresh: drop it first);
#                                        prints its connection string
#   .ci/pg.sh clean                      stop every local cluster and delete them (`make clean`); fails, deleting
#                                        nothing, when one cannot be stopped
#
# When DATABASE_URL or ConnectionStrings__Participation is set, that server is used instead: `start` prints it and
# touches nothing, `stop` does nothing, and `createdb` creates the database there (the role needs CREATEDB) and prints
# the same connection string with that database. Either form works: a postgres://user:password@host:port/db URL or
# an Npgsql `Host=…;Port=…;Username=…;Password=…;Database=…` string. `clean` ignores them (local clusters only).
# Installs Debian's `postgresql` package when no server binaries are found. Runs the server as the
# `postgres` user when invoked as root. Clusters live under .local/pg/NAME (git-ignored; when root and the
# postgres user cannot reach that folder, under /tmp/participation-pg-<hash of the checkout path>/NAME).
# PG_OPTIONS adds server options at start (e.g. "-c shared_buffers=1GB", used by .ci/bench.sh).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/.ci/lib.sh"
cmd=${1:?usage: pg.sh start|stop|createdb NAME | pg.sh clean}
[ "$cmd" = clean ] || name=${2:?cluster name}

log() { echo "[pg] $*" >&2; }

# The server's bin folder (initdb, pg_ctl, psql); installs the server when absent.
find_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$d" ] || [ ! -x "$d/initdb" ]; then
    log "PostgreSQL server not found: installing Debian's postgresql package"
    apt_install postgresql
    d=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$d"
}

# psql for an external server: the one on the PATH, a server's, or Debian's client package.
find_psql() {
  local p
  p=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$p" ]; then
    log "psql not found: installing Debian's postgresql-client package"
    apt_install postgresql-client
    p=$(command -v psql)
  fi
  echo "$p"
}

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Where the clusters live (see the header).
cluster_base() {
  local base="$root/.local/pg"
  if [ "$(id -u)" -eq 0 ]; then
    mkdir -p "$base"
    # the postgres user must be able to reach the folder; fall back to /tmp when it cannot
    if ! runuser -u postgres -- test -x "$base" 2>/dev/null; then
      base="${TMPDIR:-/tmp}/participation-pg-$(echo "$root" | md5sum | cut -c1-8)"
    fi
  fi
  echo "$base"
}

cluster_dir() { echo "$(cluster_base)/$name"; }

port_free() { ! (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

conn_string() {
  local dir=$1 db=${2:-participation}
  echo "Host=127.0.0.1;Port=$(cat "$dir/port");Username=postgres;Database=$db"
}

psql_c() {
  local dir=$1; shift
  as_pg "$bin/psql" -h 127.0.0.1 -p "$(cat "$dir/port")" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

# Stops the cluster in DIR and waits until it is down (fast, then immediate); fails when it is still running.
stop_cluster() {
  local dir=$1
  [ -f "$dir/data/PG_VERSION" ] || return 0
  as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1 || return 0
  as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 \
    || as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  if as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    log "cluster $(basename "$dir") in $dir is still running"
    return 1
  fi
  log "cluster $(basename "$dir") stopped"
}

# --- the external server (DATABASE_URL / ConnectionStrings__Participation) -------------------------------------

external() { echo "${ConnectionStrings__Participation:-${DATABASE_URL:-}}"; }

# The external server's connection string with database DB instead of its own.
external_with_db() {
  local server=$1 db=$2
  if [[ "$server" =~ ^(postgres(ql)?://[^/?]*)(/[^?]*)?(\?.*)?$ ]]; then
    echo "${BASH_REMATCH[1]}/$db${BASH_REMATCH[4]}"
  else
    local pairs=() pair key
    IFS=';' read -ra parts <<< "$server"
    for pair in "${parts[@]}"; do
      key=$(echo "${pair%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')
      [ -z "$key" ] || [ "$key" = database ] || [ "$key" = db ] || pairs+=("$pair")
    done
    pairs+=("Database=$db")
    (IFS=';'; echo "${pairs[*]}")
  fi
}

# Runs psql on the external server's own database with the given arguments. A URL goes to psql as it is; an Npgsql
# string becomes libpq's environment variables (the password never on a command line).
external_psql() {
  local server=$1; shift
  local psql; psql=$(find_psql)
  if [[ "$server" =~ ^postgres(ql)?:// ]]; then
    "$psql" "$server" -v ON_ERROR_STOP=1 -qAt "$@"
    return
  fi
  local env=() pair key value
  IFS=';' read -ra parts <<< "$server"
  for pair in "${parts[@]}"; do
    [[ "$pair" == *=* ]] || continue
    key=$(echo "${pair%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]'); value=${pair#*=}
    case "$key" in
      host|server) env+=("PGHOST=$value") ;;
      port) env+=("PGPORT=$value") ;;
      username|userid|user|uid) env+=("PGUSER=$value") ;;
      password|pwd) env+=("PGPASSWORD=$value") ;;
      database|db) env+=("PGDATABASE=$value") ;;
      sslmode) env+=("PGSSLMODE=$(echo "$value" | tr '[:upper:]' '[:lower:]')") ;;
    esac
  done
  env "${env[@]}" "$psql" -v ON_ERROR_STOP=1 -qAt "$@"
}

external_createdb() {
  local server=$1 db=$2 fresh=$3
  [[ "$db" =~ ^[A-Za-z0-9_]+$ ]] || { log "database name must be letters, digits and _: $db"; exit 2; }
  if [ "$fresh" = --fresh ]; then external_psql "$server" -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"; fi
  if [ -z "$(external_psql "$server" -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    external_psql "$server" -c "CREATE DATABASE \"$db\""
    log "database $db created on the server of DATABASE_URL / ConnectionStrings__Participation"
  fi
  external_with_db "$server" "$db"
}

case "$cmd" in
  start)
    if [ -n "$(external)" ]; then external; exit 0; fi
    bin=$(find_bin)
    dir=$(cluster_dir)
    if [ "${3:-}" = "--fresh" ] && [ -d "$dir" ]; then
      as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
      rm -rf "$dir"
    fi
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      log "creating cluster $name in $dir"
      as_pg "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    if as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      log "cluster $name already running on port $(cat "$dir/port")"
    else
      port=${PG_PORT:-}
      if [ -z "$port" ]; then
        port=$( [ -f "$dir/port" ] && cat "$dir/port" || echo 54320 )
        while ! port_free "$port"; do port=$((port + 1)); done
      fi
      echo "$port" > "$dir/port"
      as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=${PG_FSYNC:-on} -c max_connections=200 ${PG_OPTIONS:-}" start >/dev/null
      log "cluster $name listening on 127.0.0.1:$port"
    fi
    if [ -z "$(psql_c "$dir" -c "SELECT 1 FROM pg_database WHERE datname = 'participation'")" ]; then
      psql_c "$dir" -c "CREATE DATABASE participation"
    fi
    conn_string "$dir"
    ;;
  stop)
    [ -n "$(external)" ] && exit 0
    bin=$(find_bin)
    stop_cluster "$(cluster_dir)"
    ;;
  createdb)
    db=${3:?database name}
    if [ -n "$(external)" ]; then external_createdb "$(external)" "$db" "${4:-}"; exit 0; fi
    bin=$(find_bin); dir=$(cluster_dir)
    if [ "${4:-}" = --fresh ]; then psql_c "$dir" -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"; fi
    if [ -z "$(psql_c "$dir" -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
      psql_c "$dir" -c "CREATE DATABASE \"$db\""
    fi
    conn_string "$dir" "$db"
    ;;
  clean)
    # Both places a cluster may live (the checkout's .local/pg, and the /tmp fallback used as root).
    bases=("$root/.local/pg" "${TMPDIR:-/tmp}/participation-pg-$(echo "$root" | md5sum | cut -c1-8)")
    dirs=()
    for base in "${bases[@]}"; do
      for data in "$base"/*/data; do if [ -f "$data/PG_VERSION" ]; then dirs+=("${data%/data}"); fi; done
    done
    if [ ${#dirs[@]} -gt 0 ]; then
      bin=$(find_bin)
      failed=0
      for dir in "${dirs[@]}"; do stop_cluster "$dir" || failed=1; done
      if [ "$failed" -ne 0 ]; then log "not deleting the clusters: stop the ones above first"; exit 1; fi
    fi
    rm -rf "${bases[@]}"
    ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
