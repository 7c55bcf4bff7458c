#!/usr/bin/env bash
# `make run-cluster`: as `make run` (a local PostgreSQL, migrated, the demo city seeded) but with TWO API instances
# (:5081 and :5082) behind nginx (.ci/cluster.sh), which also serves the built web app, on one loopback port (:8080).
# Both instances share the database: tokens, rate limits and background work hold across them. Ctrl-C stops everything.
#
#   .ci/run-cluster.sh --check CMD [ARG...]   the same, without a person: on a throwaway database (a fresh cluster
#       `cluster-check`, or the database given in DATABASE_URL / ConnectionStrings__Participation), on ports of its
#       own (nginx :8095, instances :5095 and :5096), files under .local/cluster-check/; once everything answers, runs
#       CMD with CLUSTER_URL set to nginx's address, stops everything (also when CMD or a start fails) and exits with
#       CMD's code. `make test` runs the browser check web-client/e2e/cluster/ this way (.ci/test.sh), with SKIP_DEPS=1
#       (the .NET and npm packages are restored already) and WEB_BUILT=1 (web-client/dist is the production build its
#       browser tests just served: not built again).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

check=()
if [ "${1:-}" = "--check" ]; then
  shift
  [ $# -gt 0 ] || { echo "usage: run-cluster.sh --check CMD [ARG...]" >&2; exit 2; }
  check=("$@")
fi

if [ "${SKIP_DEPS:-}" != 1 ]; then
  ensure_dotnet_deps
  ensure_node_deps
fi
"$ROOT/.ci/cluster.sh" ensure-nginx

if [ ${#check[@]} -eq 0 ]; then
  PROXY_PORT=${PROXY_PORT:-8080}
  API_PORTS=(${API_PORT_A:-5081} ${API_PORT_B:-5082})
  OUT="$ROOT/.local" PG_CLUSTER=demo
else
  PROXY_PORT=${PROXY_PORT:-8095}
  API_PORTS=(${API_PORT_A:-5095} ${API_PORT_B:-5096})
  OUT="$ROOT/.local/cluster-check" PG_CLUSTER=cluster-check
fi
PROXY_SOURCE=${PROXY_SOURCE:-127.0.0.2}
CLUSTER_DIR="$OUT/cluster"
MAIL_DIR="$OUT/mail"
export PROXY_SOURCE

port_busy() { (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$PROXY_PORT" "${API_PORTS[@]}"; do
  if port_busy "$port"; then
    echo "Port $port is already in use. Stop what uses it, or choose others: PROXY_PORT=... API_PORT_A=... API_PORT_B=..." >&2
    exit 1
  fi
done
[ ${#check[@]} -eq 0 ] || rm -rf "$OUT" # the previous check's logs and files
mkdir -p "$CLUSTER_DIR" "$MAIL_DIR"

pids=()
external_db="${DATABASE_URL:-}${ConnectionStrings__Participation:-}"
cleanup() {
  trap - EXIT INT TERM
  "$ROOT/.ci/cluster.sh" stop-proxy "$CLUSTER_DIR" || true
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "$external_db" ] || env -u ConnectionStrings__Participation -u DATABASE_URL "$ROOT/.ci/pg.sh" stop "$PG_CLUSTER"
}
trap cleanup EXIT INT TERM

export Email__PickupDirectory="$MAIL_DIR" Email__AppBaseUrl="http://localhost:$PROXY_PORT"
# X-Forwarded-For/-Proto are honoured from the proxy's address only (nginx connects from it).
export Http__KnownProxies__0="$PROXY_SOURCE"
if [ ${#check[@]} -eq 0 ]; then start_demo_database; else start_demo_database "$PG_CLUSTER" --fresh; fi

if [ "${WEB_BUILT:-}" = 1 ] && [ -f web-client/dist/index.html ]; then
  say "serving the web app already built (web-client/dist)"
else
  say "building the web app"
  (cd web-client && npm run --silent build) > "$OUT/web-build.log" 2>&1 || { tail -n 40 "$OUT/web-build.log"; exit 1; }
fi

names=(a b)
for i in 0 1; do
  port=${API_PORTS[$i]} name=api-${names[$i]}
  say "starting the API instance $name on 127.0.0.1:$port"
  Cluster__InstanceName=$name setsid dotnet run --project api/Participation.Api --no-build --no-launch-profile \
    --urls "http://127.0.0.1:$port" > "$OUT/$name.log" 2>&1 &
  pids+=($!)
done
for i in 0 1; do
  port=${API_PORTS[$i]} name=api-${names[$i]} pid=${pids[$i]}
  for _ in $(seq 1 120); do
    kill -0 "$pid" 2>/dev/null || { tail -n 40 "$OUT/$name.log"; exit 1; }
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    sleep 1
  done
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { tail -n 40 "$OUT/$name.log"; exit 1; }
done

say "starting nginx on http://localhost:$PROXY_PORT"
"$ROOT/.ci/cluster.sh" nginx-config "$CLUSTER_DIR" "$PROXY_PORT" web-client/dist \
  "127.0.0.1:${API_PORTS[0]}" "127.0.0.1:${API_PORTS[1]}" >/dev/null
"$ROOT/.ci/cluster.sh" start-proxy "$CLUSTER_DIR" >/dev/null

if [ ${#check[@]} -gt 0 ]; then
  say "running ${check[*]} against http://127.0.0.1:$PROXY_PORT"
  status=0
  CLUSTER_URL="http://127.0.0.1:$PROXY_PORT" "${check[@]}" || status=$?
  [ "$status" -eq 0 ] || say "failed (exit $status); logs: ${OUT#"$ROOT/"}/api-a.log, api-b.log, cluster/access.log"
  exit "$status"
fi

cat <<TXT

  Participation is running on two API instances behind nginx.

    Web app        http://localhost:$PROXY_PORT
    API            http://localhost:$PROXY_PORT/api/v1   (Swagger UI: http://localhost:$PROXY_PORT/swagger)
    Instances      api-a 127.0.0.1:${API_PORTS[0]}, api-b 127.0.0.1:${API_PORTS[1]} (each answer names its own: X-Instance)
    E-mails        written as .eml files to $MAIL_DIR
    Logs           .local/api-a.log, .local/api-b.log, .local/cluster/access.log (which instance answered)

  Demo logins (password for all: Demo-password-2026)
TXT
dotnet run --project api/Participation.DemoSeed --no-build -- --list 2>/dev/null || true
printf '\n  Press Ctrl-C to stop.\n\n'
wait -n "${pids[@]}"
