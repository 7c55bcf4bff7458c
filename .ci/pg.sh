#!/usr/bin/env bash
# A throwaway local PostgreSQL cluster for `make run` and `make test` (no Docker needed).
#
#   .ci/pg.sh start NAME [--fresh]   start (creating if needed) cluster NAME; prints its connection string
#   .ci/pg.sh stop NAME              stop cluster NAME
#   .ci/pg.sh createdb NAME DB       create database DB in cluster NAME if missing
#
# When DATABASE_URL or ConnectionStrings__Participation is set, `start` prints it and touches nothing.
# Installs Debian's `postgresql` package when no server binaries are found. Runs the server as the
# `postgres` user when invoked as root. Clusters live under .local/pg/NAME (git-ignored).
# PG_OPTIONS adds server options at start (e.g. "-c shared_buffers=1GB", used by .ci/bench.sh).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cmd=${1:?usage: pg.sh start|stop|createdb NAME}
name=${2:?cluster name}

log() { echo "[pg] $*" >&2; }

find_bin() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$d" ] || [ ! -x "$d/initdb" ]; then
    log "PostgreSQL server not found: installing Debian's postgresql package"
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
    d=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  fi
  echo "$d"
}

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cluster_dir() {
  local base="$root/.local/pg"
  if [ "$(id -u)" -eq 0 ]; then
    mkdir -p "$base"
    # the postgres user must be able to reach the folder; fall back to /tmp when it cannot
    if ! runuser -u postgres -- test -x "$base" 2>/dev/null; then
      base="${TMPDIR:-/tmp}/participation-pg-$(echo "$root" | md5sum | cut -c1-8)"
    fi
  fi
  echo "$base/$name"
}

port_free() { ! (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

conn_string() {
  local dir=$1 db=${2:-participation}
  echo "Host=127.0.0.1;Port=$(cat "$dir/port");Username=postgres;Database=$db"
}

psql_c() {
  local dir=$1; shift
  as_pg "$bin/psql" -h 127.0.0.1 -p "$(cat "$dir/port")" -U postgres -d postgres -v ON_ERROR_STOP=1 -qAt "$@"
}

case "$cmd" in
  start)
    if [ -n "${DATABASE_URL:-}" ]; then echo "$DATABASE_URL"; exit 0; fi
    if [ -n "${ConnectionStrings__Participation:-}" ]; then echo "$ConnectionStrings__Participation"; exit 0; fi
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
    [ -n "${DATABASE_URL:-}${ConnectionStrings__Participation:-}" ] && exit 0
    bin=$(find_bin); dir=$(cluster_dir)
    if [ -f "$dir/data/PG_VERSION" ]; then
      as_pg "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 && log "cluster $name stopped" || true
    fi
    ;;
  createdb)
    db=${3:?database name}
    bin=$(find_bin); dir=$(cluster_dir)
    if [ -z "$(psql_c "$dir" -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
      psql_c "$dir" -c "CREATE DATABASE \"$db\""
    fi
    conn_string "$dir" "$db"
    ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
