#!/usr/bin/env bash
# A throwaway local PostgreSQL cluster for `make run` and `make test` (no Docker needed).
#
#   .ci/pg.sh start NAME [--fresh]       start (creating if needed) cluster NAME; prints its connection string
#   .ci/pg.sh stop NAME [--immediate]    stop cluster NAME (--immediate: at once, as a crash would: no checkpoint)
#   .ci/pg.sh createdb NAME DB [--fresh] create database DB in cluster NAME if missing (--fresh: drop it first);
#                                        prints its connection string (the API's `create-database` command does it,
#                                        built first)
#   .ci/pg.sh standby NAME [--fresh]     a streaming-replication standby of cluster NAME (started first if needed):
#                                        cluster NAME-standby, made with pg_basebackup -R -X stream from the running
#                                        primary, hot standby on a free port; prints its connection string. Idempotent
#                                        (rebuilt when NAME was re-created); stop it with `pg.sh stop NAME-standby`
#   .ci/pg.sh clean                      stop every local cluster and delete them (`make clean`); fails, deleting
#                                        nothing, when one cannot be stopped
#
# When DATABASE_URL or ConnectionStrings__Participation is set, that server is used instead: `start` prints it and
# touches nothing, `stop` does nothing, and `createdb` creates the database there (the role needs CREATEDB) and prints
# that database's connection string (an Npgsql string). Either form works, read by the API like its own setting: a
# postgres://user:password@host:port/db URL or an Npgsql `Host=…;Port=…;Username=…;Password=…;Database=…` string.
# `clean` ignores them (local clusters only).
# Installs Debian's `postgresql` package when no server binaries are found. Runs the server as the
# `postgres` user when invoked as root. Clusters live under .local/pg/NAME (git-ignored; when root and the
# postgres user cannot reach that folder, under /tmp/participation-pg-<hash of the checkout path>/NAME).
# PG_OPTIONS adds server options at start (e.g. "-c shared_buffers=1GB", used by .ci/bench.sh).
set -euo pipefail

source "$(dirname "$0")/lib.sh"
cmd=${1:?usage: pg.sh start|stop|standby|createdb NAME | pg.sh clean}
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

as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Where the clusters live (see the header): the checkout's folder, or the /tmp fallback when root and the postgres
# user cannot reach the checkout.
checkout_base() { echo "$ROOT/.local/pg"; }
fallback_base() { echo "${TMPDIR:-/tmp}/participation-pg-$(echo "$ROOT" | md5sum | cut -c1-8)"; }
cluster_base() {
  local base; base=$(checkout_base)
  if [ "$(id -u)" -eq 0 ]; then
    mkdir -p "$base"
    runuser -u postgres -- test -x "$base" 2>/dev/null || base=$(fallback_base)
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

# The database system identifier of the cluster in DIR (a standby's equals its primary's).
system_id() { as_pg "$bin/pg_controldata" -D "$1/data" 2>/dev/null | sed -n 's/^Database system identifier: *//p'; }

# Starts the cluster in DIR on its recorded port, or on the first free one from 54330 (a standby: hot standby, its
# queries reported to the primary so that vacuum there does not cancel them; as many connections as its primary PRIMARY
# allows, which a hot standby requires).
start_standby() {
  local dir=$1 primary=$2 port conns
  port=$( [ -f "$dir/port" ] && cat "$dir/port" || echo 54330 )
  while ! port_free "$port"; do port=$((port + 1)); done
  echo "$port" > "$dir/port"
  conns=$(psql_c "$primary" -c "SHOW max_connections")
  as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 120 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=$conns -c hot_standby=on -c hot_standby_feedback=on" \
    start >/dev/null
  log "standby $(basename "$dir") listening on 127.0.0.1:$port"
}

# The external server (DATABASE_URL / ConnectionStrings__Participation, the API's precedence), or nothing.
external() { echo "${ConnectionStrings__Participation:-${DATABASE_URL:-}}"; }

# The API's operator command "$@" on the database of connection string $1. The API is built first (seconds when it is
# up to date): a binary older than the command would take it for the web server's arguments and serve.
api_command() {
  local server=$1 out; shift
  out=$(dotnet build "$ROOT/api/Participation.Api" -v q -nologo -clp:ErrorsOnly 2>&1) || { echo "$out" >&2; exit 1; }
  (cd "$ROOT/api/Participation.Api" && ConnectionStrings__Participation="$server" Logging__LogLevel__Default=Warning \
    dotnet "$ROOT/api/Participation.Api/bin/Debug/net10.0/Participation.Api.dll" "$@")
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
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=${PG_FSYNC:-on} -c max_connections=${PG_MAX_CONNECTIONS:-200} ${PG_OPTIONS:-}" start >/dev/null
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
    if [ "${3:-}" = "--immediate" ] && [ -f "$(cluster_dir)/data/PG_VERSION" ]; then
      as_pg "$bin/pg_ctl" -D "$(cluster_dir)/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    fi
    stop_cluster "$(cluster_dir)"
    ;;
  standby)
    if [ -n "$(external)" ]; then log "an external server is configured: make its standby there"; exit 2; fi
    bin=$(find_bin)
    primary=$(cluster_dir)
    "$0" start "$name" >/dev/null
    dir="$primary-standby"
    if [ "${3:-}" = "--fresh" ] || { [ -f "$dir/data/PG_VERSION" ] && [ "$(system_id "$dir")" != "$(system_id "$primary")" ]; }; then
      stop_cluster "$dir" || as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
      rm -rf "$dir"
    fi
    mkdir -p "$dir"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      # initdb's pg_hba.conf lets 127.0.0.1 replicate (trust); add the line when an older cluster lacks it.
      if ! grep -Eq '^host[[:space:]]+replication[[:space:]]+all[[:space:]]+127\.0\.0\.1/32' "$primary/data/pg_hba.conf"; then
        echo "host replication all 127.0.0.1/32 trust" | as_pg tee -a "$primary/data/pg_hba.conf" >/dev/null
        psql_c "$primary" -c "SELECT pg_reload_conf()" >/dev/null
      fi
      log "copying cluster $name into $dir (pg_basebackup)"
      rm -rf "$dir/data"
      as_pg "$bin/pg_basebackup" -h 127.0.0.1 -p "$(cat "$primary/port")" -U postgres -D "$dir/data" -R -X stream -c fast
    fi
    if as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      log "standby $name-standby already running on port $(cat "$dir/port")"
    else
      start_standby "$dir" "$primary"
    fi
    conn_string "$dir"
    ;;
  createdb)
    db=${3:?database name}
    server=$(external)
    [ -n "$server" ] || server=$(conn_string "$(cluster_dir)")
    api_command "$server" create-database --name "$db" ${4:+"$4"}
    ;;
  clean)
    # Both places a cluster may live (the checkout's .local/pg, and the /tmp fallback used as root).
    bases=("$(checkout_base)" "$(fallback_base)")
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
