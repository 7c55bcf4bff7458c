#!/usr/bin/env bash
# `make bench`: benchmark the hot endpoints next to bare baselines (README "Benchmarks"). Not part of `make test`.
#   1. a throwaway PostgreSQL cluster "bench", tuned for the data set (BENCH_PG_OPTIONS overrides the tuning)
#   2. the API and the bench client built in Release; migrations run by the API's own `migrate` command
#   3. the seeder: a fixed, deterministic data set (set-based SQL), with its timings
#   4. the API in Release on a free port with Bench__Enabled=true (maps the /bench baselines), no background
#      jobs (the seeder computed the trending scores), rate limits out of the way, logging at Warning
#   5. the scenarios; results in bench/results/latest.md and latest.json (quick mode: bench/results/quick/)
#   6. the reporting part (issue 15): a second database in the same cluster seeded with a whole city's history
#      (500,000 users, 1,000,000 ideas; bench/Participation.Bench/ReportingSeeder.cs): dashboards and briefing previews
#      timed with their statements per call (API without background jobs), then with its jobs: all officials' quarterly
#      briefings produced by the briefing job, and exports of growing size with the API's memory sampled (results in
#      reporting.md and reporting.json)
#   7. the cluster part (issue 18): a streaming standby of the bench cluster (.ci/pg.sh standby), one API instance alone,
#      then two behind nginx (.ci/cluster.sh) reading the public lists from the standby; the real endpoints on each,
#      and the scaling factor (cluster.md and cluster.json)
# BENCH_QUICK=1: small data set and 3 s runs, for development. BENCH_SECONDS, BENCH_WARMUP, BENCH_CONNECTIONS and
# BENCH_ONLY (scenario name fragments, separated by "|") tune the runs; BENCH_STATEMENTS (3) how many statements each run lists; BENCH_KEEP=1 keeps the cluster of the previous run (no reseeding). BENCH_PART=hot, cities, cluster or reporting runs one
# part only; BENCH_CITIES (300) is the number of small cities of the cities part.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

quick=()
out="$ROOT/bench/results"
if [ -n "${BENCH_QUICK:-}" ] && [ "${BENCH_QUICK}" != 0 ]; then quick=(--quick); out="$ROOT/bench/results/quick"; fi
# The whole data set (about 3.5 GB with indexes in full mode, with the million-idea project) fits in shared_buffers:
# reads never wait on the disk.
# Checkpoints spread out so the seeding's bulk writes do not trigger them every few seconds. Durability is the default
# (fsync, synchronous_commit on): a write is acknowledged after its commit is flushed, as in production.
export PG_OPTIONS=${BENCH_PG_OPTIONS:-"-c shared_buffers=4GB -c effective_cache_size=12GB -c work_mem=16MB -c maintenance_work_mem=512MB -c max_wal_size=8GB -c checkpoint_timeout=30min -c random_page_cost=1.1 -c jit=off -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on"}

api_pid=""
cluster_pids=()
cleanup() {
  trap - EXIT INT TERM
  if [ -n "$api_pid" ]; then kill -TERM "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; fi
  for p in "${cluster_pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  [ -d "$ROOT/.local/bench-proxy" ] && "$ROOT/.ci/cluster.sh" stop-proxy "$ROOT/.local/bench-proxy" || true
  "$ROOT/.ci/pg.sh" stop bench-standby >/dev/null 2>&1 || true
  "$ROOT/.ci/pg.sh" stop bench
}
trap cleanup EXIT INT TERM

ensure_dotnet_deps
say "building the API's bench host and the bench client (Release)"
dotnet build bench/Participation.Bench.Host -c Release --verbosity quiet -nologo -clp:ErrorsOnly
dotnet build bench/Participation.Bench -c Release --verbosity quiet -nologo -clp:ErrorsOnly
# The API as it runs (its own ApiHost), with the /bench baselines mapped beside it: see bench/Participation.Bench.Host.
api_dll="$ROOT/bench/Participation.Bench.Host/bin/Release/net10.0/Participation.Bench.Host.dll"
bench_dll="$ROOT/bench/Participation.Bench/bin/Release/net10.0/Participation.Bench.dll"

say "starting a throwaway PostgreSQL cluster (bench): $PG_OPTIONS"
fresh=(--fresh)
[ "${BENCH_KEEP:-0}" != 0 ] && fresh=() # the data set seeded by an earlier run stays (the seeder finds it and does nothing)
server=$("$ROOT/.ci/pg.sh" start bench "${fresh[@]}")
key="bench-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
mkdir -p "$ROOT/.local"

part=${BENCH_PART:-all}
free_port() { local p=$1; while (echo > "/dev/tcp/127.0.0.1/$p") 2>/dev/null; do p=$((p + 1)); done; echo "$p"; }
wait_ready() { # PID PORT LOG
  for _ in $(seq 1 120); do
    kill -0 "$1" 2>/dev/null || { tail -n 40 "$3"; exit 1; }
    curl -fs "http://127.0.0.1:$2/health/ready" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "the API did not become ready"; exit 1
}
stop_api() { if [ -n "$api_pid" ]; then kill -TERM "$api_pid" 2>/dev/null || true; wait "$api_pid" 2>/dev/null || true; api_pid=""; fi; }
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
[ -n "$(git status --porcelain 2>/dev/null | grep -v '^?? bench/results' | grep -v ' bench/results/' || true)" ] && commit="$commit (with uncommitted changes)"

seed_hot() {
say "migrating"
started=$(date +%s)
ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Participation="$server" Auth__SigningKey="$key" Logging__LogLevel__Default=Warning \
  dotnet "$api_dll" migrate
echo "[seed] migrations                                                   $(( $(date +%s) - started )) s"

say "seeding the bench data set"
dotnet "$bench_dll" seed --db "$server" "${quick[@]}"
}
# The API as the hot part runs it (no background jobs, rate limits out of the way); extra settings as arguments.
api_env() {
  # No configuration reload: its file watcher covers the working folder (the checkout), where the bench cluster's data
  # changes all the time, and cost the API about 6 % of its CPU in a profile.
  echo DOTNET_hostBuilder__reloadConfigOnChange=false \
    ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Participation="$server" Auth__SigningKey="$key" \
    Jobs__Enabled=false Email__SenderEnabled=false Invitations__RemindersEnabled=false Database__MigrateOnStartup=false \
    RateLimits__WritePermits=1000000000 RateLimits__AuthPermits=1000000000 RateLimits__FlagPermits=1000000000 \
    Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning \
    Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics=Warning \
    Email__PickupDirectory="$ROOT/.local/bench-mail" Storage__Root="$ROOT/.local/bench-uploads"
}
seeded=""

if [ "$part" = all ] || [ "$part" = hot ]; then
seed_hot; seeded=1
port=$(free_port 5190)
say "starting the API (Release) on http://127.0.0.1:$port with the /bench baselines"
# shellcheck disable=SC2046 # api_env's words are the settings
env $(api_env) dotnet "$api_dll" --urls "http://127.0.0.1:$port" > "$ROOT/.local/bench-api.log" 2>&1 &
api_pid=$!
wait_ready "$api_pid" "$port" "$ROOT/.local/bench-api.log"

say "running the scenarios"
extra=()
[ -n "${BENCH_SECONDS:-}" ] && extra+=(--seconds "$BENCH_SECONDS")
[ -n "${BENCH_WARMUP:-}" ] && extra+=(--warmup "$BENCH_WARMUP")
[ -n "${BENCH_CONNECTIONS:-}" ] && extra+=(--connections "$BENCH_CONNECTIONS")
[ -n "${BENCH_ONLY:-}" ] && extra+=(--only "$BENCH_ONLY")
BENCH_COMMIT="$commit" BENCH_PG_SETTINGS="$PG_OPTIONS" \
  dotnet "$bench_dll" run --url "http://127.0.0.1:$port" --db "$server" --key "$key" --out "$out" --api-pid "$api_pid" "${quick[@]}" "${extra[@]}"
say "results written to ${out#"$ROOT/"}/latest.md and latest.json"
stop_api
fi

if [ "$part" = all ] || [ "$part" = cities ]; then
# Issue 19: the large city alone, then beside BENCH_CITIES (300) small cities in the same database (cities.md).
[ -n "$seeded" ] || seed_hot
seeded=1
port=$(free_port 5190)
say "cities: the API (Release) on http://127.0.0.1:$port, the large city alone then beside ${BENCH_CITIES:-300} small ones"
# shellcheck disable=SC2046 # api_env's words are the settings
env $(api_env) dotnet "$api_dll" --urls "http://127.0.0.1:$port" > "$ROOT/.local/bench-cities-api.log" 2>&1 &
api_pid=$!
wait_ready "$api_pid" "$port" "$ROOT/.local/bench-cities-api.log"
extra=(--count "${BENCH_CITIES:-300}")
[ -n "${BENCH_SECONDS:-}" ] && extra+=(--seconds "$BENCH_SECONDS")
[ -n "${BENCH_WARMUP:-}" ] && extra+=(--warmup "$BENCH_WARMUP")
[ -n "${BENCH_CONNECTIONS:-}" ] && extra+=(--connections "$BENCH_CONNECTIONS")
BENCH_COMMIT="$commit" dotnet "$bench_dll" cities --url "http://127.0.0.1:$port" --db "$server" --key "$key" --out "$out" \
  "${quick[@]}" "${extra[@]}"
say "results written to ${out#"$ROOT/"}/cities.md and cities.json"
stop_api
fi

if [ "$part" = all ] || [ "$part" = cluster ]; then
# Issue 18: one instance, then two behind nginx with a streaming standby for the stale-tolerant reads (same data set).
[ -n "$seeded" ] || seed_hot
say "cluster: a streaming standby of the bench cluster, nginx, three API instances (one alone, two behind the proxy)"
standby=$("$ROOT/.ci/pg.sh" standby bench)
standby_port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<< "$standby")
"$ROOT/.ci/cluster.sh" ensure-nginx
start_instance() { # NAME PORT [SETTING...]
  local name=$1 p=$2; shift 2
  # shellcheck disable=SC2046 # api_env's words are the settings
  env $(api_env) "$@" dotnet "$api_dll" --urls "http://127.0.0.1:$p" > "$ROOT/.local/bench-$name.log" 2>&1 &
  cluster_pids+=("$!")
  wait_ready "$!" "$p" "$ROOT/.local/bench-$name.log"
}
one=$(free_port 5201); start_instance one "$one"
a=$(free_port $((one + 1))); start_instance cluster-a "$a" Cluster__InstanceName=bench-a Http__KnownProxies__0=127.0.0.2 \
  Database__ReplicaHosts="127.0.0.1:$standby_port"
b=$(free_port $((a + 1))); start_instance cluster-b "$b" Cluster__InstanceName=bench-b Http__KnownProxies__0=127.0.0.2 \
  Database__ReplicaHosts="127.0.0.1:$standby_port"
mkdir -p "$ROOT/.local/bench-web" && echo '<!doctype html><title>bench</title>' > "$ROOT/.local/bench-web/index.html"
proxy_port=$(free_port 8090)
"$ROOT/.ci/cluster.sh" nginx-config "$ROOT/.local/bench-proxy" "$proxy_port" "$ROOT/.local/bench-web" "127.0.0.1:$a" "127.0.0.1:$b"
"$ROOT/.ci/cluster.sh" start-proxy "$ROOT/.local/bench-proxy"
extra=()
[ -n "${BENCH_SECONDS:-}" ] && extra+=(--seconds "$BENCH_SECONDS")
[ -n "${BENCH_WARMUP:-}" ] && extra+=(--warmup "$BENCH_WARMUP")
[ -n "${BENCH_CONNECTIONS:-}" ] && extra+=(--connections "$BENCH_CONNECTIONS")
BENCH_COMMIT="$commit" dotnet "$bench_dll" cluster --url "http://127.0.0.1:$one" --proxy "http://127.0.0.1:$proxy_port" --db "$server" \
  --standby "$standby" --key "$key" --out "$out" "${quick[@]}" "${extra[@]}"
"$ROOT/.ci/cluster.sh" stop-proxy "$ROOT/.local/bench-proxy"
for p in "${cluster_pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
cluster_pids=()
"$ROOT/.ci/pg.sh" stop bench-standby
say "results written to ${out#"$ROOT/"}/cluster.md and cluster.json"
fi

if [ "$part" = all ] || [ "$part" = reporting ]; then
say "reporting: a second database with a whole city's history"
reporting=$("$ROOT/.ci/pg.sh" createdb bench participation_reporting)
started=$(date +%s)
ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Participation="$reporting" Auth__SigningKey="$key" Logging__LogLevel__Default=Warning \
  dotnet "$api_dll" migrate
echo "[report-seed] migrations                                            $(( $(date +%s) - started )) s"
dotnet "$bench_dll" seed-reporting --db "$reporting" "${quick[@]}"
# Twice: without background jobs for the timed calls (their polling would count in the statements per call), then with
# them for the officials' briefings and the exports, which the jobs produce.
start_reporting_api() { # JOBS_ENABLED
  port=$(free_port 5190)
  say "starting the API (Release) on http://127.0.0.1:$port over the reporting data set (background jobs: $1)"
  env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Participation="$reporting" Auth__SigningKey="$key" \
    Jobs__Enabled="$1" Email__SenderEnabled=false Invitations__RemindersEnabled=false Database__MigrateOnStartup=false \
    RateLimits__WritePermits=1000000000 RateLimits__AuthPermits=1000000000 \
    Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning \
    Email__PickupDirectory="$ROOT/.local/bench-mail" Storage__Root="$ROOT/.local/bench-reporting-files" \
    dotnet "$api_dll" --urls "http://127.0.0.1:$port" > "$ROOT/.local/bench-reporting-api.log" 2>&1 &
  api_pid=$!
  wait_ready "$api_pid" "$port" "$ROOT/.local/bench-reporting-api.log"
}
rm -rf "$ROOT/.local/bench-reporting-files"
start_reporting_api false
BENCH_COMMIT="$commit" dotnet "$bench_dll" reporting --step timed --url "http://127.0.0.1:$port" --db "$reporting" --key "$key" \
  --out "$out" "${quick[@]}"
stop_api
start_reporting_api true
BENCH_COMMIT="$commit" dotnet "$bench_dll" reporting --step jobs --url "http://127.0.0.1:$port" --db "$reporting" --key "$key" \
  --out "$out" --api-pid "$api_pid" "${quick[@]}"
stop_api
say "results written to ${out#"$ROOT/"}/reporting.md and reporting.json"
fi
