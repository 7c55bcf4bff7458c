#!/usr/bin/env bash
# `make run`: install what is missing, start a local PostgreSQL (data kept between runs), migrate,
# seed the demo city, run the API on :5080 and the web client on :5173. Ctrl-C stops everything.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_dotnet_deps
ensure_node_deps

API_PORT=${API_PORT:-5080}
WEB_PORT=${WEB_PORT:-5173}
MAIL_DIR="$ROOT/.local/mail"
mkdir -p "$MAIL_DIR"

port_busy() { (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in "$API_PORT" "$WEB_PORT"; do
  if port_busy "$port"; then
    echo "Port $port is already in use (another 'make run'?). Stop it, or choose others: API_PORT=... WEB_PORT=... make run" >&2
    exit 1
  fi
done

# Each server runs in its own process group, so stopping it stops its children too (npx → vite).
pids=()
# A database given in the environment is someone else's to stop; the demo cluster we start is ours (the
# connection string exported below must not make pg.sh believe the database is external).
external_db="${DATABASE_URL:-}${ConnectionStrings__Participation:-}"
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [ -n "$external_db" ] || env -u ConnectionStrings__Participation -u DATABASE_URL "$ROOT/.ci/pg.sh" stop demo
}
trap cleanup EXIT INT TERM

export Email__PickupDirectory="$MAIL_DIR" Email__AppBaseUrl="http://localhost:$WEB_PORT"
start_demo_database

say "starting the API on http://localhost:$API_PORT"
setsid dotnet run --project api/Participation.Api --no-build --no-launch-profile --urls "http://localhost:$API_PORT" > "$ROOT/.local/api.log" 2>&1 &
api_pid=$!
pids+=("$api_pid")
for _ in $(seq 1 60); do
  kill -0 "$api_pid" 2>/dev/null || { tail -n 40 "$ROOT/.local/api.log"; exit 1; }
  curl -fs "http://localhost:$API_PORT/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
curl -fs "http://localhost:$API_PORT/health/ready" >/dev/null || { tail -n 40 "$ROOT/.local/api.log"; exit 1; }

say "starting the web client on http://localhost:$WEB_PORT"
(cd web-client && API_URL="http://localhost:$API_PORT" exec setsid npx vite --port "$WEB_PORT" --strictPort --host localhost) > "$ROOT/.local/web.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  curl -fs "http://localhost:$WEB_PORT/" >/dev/null 2>&1 && break
  sleep 1
done

cat <<TXT

  Participation is running.

    Web app        http://localhost:$WEB_PORT
    API            http://localhost:$API_PORT/api/v1   (Swagger UI: http://localhost:$API_PORT/swagger)
    E-mails        written as .eml files to $MAIL_DIR
    Logs           .local/api.log, .local/web.log

  Demo logins (password for all: Demo-password-2026)
TXT
dotnet run --project api/Participation.DemoSeed --no-build -- --list 2>/dev/null || true
printf '\n  Press Ctrl-C to stop.\n\n'
wait -n "${pids[@]}"
