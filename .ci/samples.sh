#!/usr/bin/env bash
# The sample integrations (contracts/samples/) against a running API, through the packages `make sdk` builds:
#   1. builds the SDK (.ci/sdk.sh) into .local/sdk/
#   2. starts the API (built binary, Development settings) on a free port from 5090 on, with its own database
#      participation_samples on the `test` cluster (.ci/pg.sh; DATABASE_URL / ConnectionStrings__Participation: that
#      server), migrated and filled with the demo city by api/Participation.DemoSeed (projects over several pages)
#   3. creates an API client for the samples (projects:read, ideas:read, ideas:feedback, webhooks:manage) through the API,
#      as the demo city's admin would in the staff area, and passes its credentials as PARTICIPATION_CLIENT_ID / _SECRET
#      (the samples' webhook receivers listen on loopback over http: the API allows 127.0.0.0/8 and http here only)
#   4. runs the Node sample (npm install of the tarball) and the .NET sample (restore of the NuGet package from the
#      SDK folder), each against the API
#   5. stops the API (and the cluster, when this script started it)
# Prints `samples: N passed, M failed` last and exits 1 when a sample failed. SAMPLES_SKIP_SDK=1 reuses .local/sdk.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
logs="$ROOT/.local/samples"; rm -rf "$logs"; mkdir -p "$logs"

api_pid=""
started_cluster=""
passed=0
failed=0
finish() {
  local code=$?
  trap - EXIT
  if [ -n "$api_pid" ] && kill -0 "$api_pid" 2>/dev/null; then
    kill "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
  fi
  [ -z "$started_cluster" ] || "$ROOT/.ci/pg.sh" stop test >/dev/null 2>&1 || true
  echo "samples: $passed passed, $failed failed"
  [ "$code" -eq 0 ] && [ "$failed" -eq 0 ] || exit 1
}
trap finish EXIT

port_free() { ! (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

[ "${SAMPLES_SKIP_SDK:-}" = "1" ] || "$ROOT/.ci/sdk.sh"

say "starting the API on its own database"
"$ROOT/.ci/pg.sh" start test >/dev/null 2>"$logs/pg.log" || { cat "$logs/pg.log" >&2; exit 1; }
# Stopped at the end only when this script started it (`make test` starts it before and stops it after).
grep -q "listening on" "$logs/pg.log" && started_cluster=1
dotnet build api/Participation.DemoSeed --verbosity quiet -nologo -clp:ErrorsOnly >/dev/null   # and the API it references
database=$("$ROOT/.ci/pg.sh" createdb test participation_samples --fresh)
(cd api/Participation.DemoSeed && ConnectionStrings__Participation="$database" Logging__LogLevel__Default=Warning \
  dotnet bin/Debug/net10.0/Participation.DemoSeed.dll) >"$logs/seed.log" 2>&1 \
  || { cat "$logs/seed.log" >&2; echo "seeding participation_samples failed" >&2; exit 1; }
port=${SAMPLES_API_PORT:-5090}
while ! port_free "$port"; do port=$((port + 1)); done
url="http://127.0.0.1:$port"
(cd api/Participation.Api && exec env ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Participation="$database" \
  Database__MigrateOnStartup=false Email__PickupDirectory="$logs/mail" Logging__LogLevel__Default=Warning \
  Webhooks__AllowedNetworks__0=127.0.0.0/8 Webhooks__AllowInsecureHttp=true Webhooks__PollSeconds=1 \
  dotnet bin/Debug/net10.0/Participation.Api.dll --urls "$url") >"$logs/api.log" 2>&1 &
api_pid=$!
ready() { node -e 'fetch(process.argv[1]).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$url/health/ready"; }
# A limit, not a wait: start-up takes seconds idle, a minute or more when the two cores are busy.
for _ in $(seq 1 300); do
  ready && break
  kill -0 "$api_pid" 2>/dev/null || { cat "$logs/api.log" >&2; echo "the API stopped during start-up" >&2; exit 1; }
  sleep 1
done
ready || { echo "the API did not get ready at $url" >&2; exit 1; }
say "API ready at $url"

# The samples' API client, made by the demo city's admin (api/Participation.DemoSeed: DemoSeed.Password) through the API;
# its secret is in the creation's answer only.
credentials=$(node - "$url" <<'JS'
const [url] = process.argv.slice(2);
const post = async (path, body, token) => {
  const headers = { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) };
  const response = await fetch(url + path, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
};
const { accessToken } = await post('/api/v1/auth/login', { email: 'admin@demo.participation.test', password: 'Demo-password-2026' });
const scopes = ['projects:read', 'ideas:read', 'ideas:feedback', 'webhooks:manage'];
const created = await post('/api/v1/api-clients', { name: 'Sample integrations', scopes, rateLimitPerMinute: 600 }, accessToken);
console.log(`${created.clientId} ${created.clientSecret}`);
JS
) || { echo "creating the samples' API client failed" >&2; exit 1; }
read -r client_id client_secret <<<"$credentials"
export PARTICIPATION_CLIENT_ID="$client_id" PARTICIPATION_CLIENT_SECRET="$client_secret"

run_sample() {
  local name=$1; shift
  say "$name sample"
  if "$@" 2>&1 | tee "$logs/$name.log"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "  $name sample failed (log: ${logs#"$ROOT/"}/$name.log)"; fi
}

# Each sample installs the package just built, as an integrator would: npm from the tarball, NuGet from the folder.
node_sample() {
  cd "$ROOT/contracts/samples/node" && rm -rf node_modules \
    && npm install --no-audit --no-fund --loglevel=error >/dev/null \
    && PARTICIPATION_API_URL="$url" node sample.mjs
}

dotnet_sample() {
  cd "$ROOT/contracts/samples/dotnet" && rm -rf obj/packages \
    && dotnet build --verbosity quiet -nologo -clp:ErrorsOnly >/dev/null \
    && PARTICIPATION_API_URL="$url" dotnet run --no-build
}

run_sample node node_sample
run_sample dotnet dotnet_sample
