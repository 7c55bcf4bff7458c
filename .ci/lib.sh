# Shared helpers for .ci/*.sh (sourced).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_config_fund=false npm_config_audit=false

say() { printf '\033[1;34m==> %s\033[0m\n' "$*" >&2; }

# apt-get that waits (up to APT_LOCK_WAIT seconds, 600 by default) for another apt or dpkg process to let go of its
# lock instead of failing at once. `-o DPkg::Lock::Timeout` makes dpkg's lock wait; `apt-get update` ignores that
# option for the package lists' lock, so it is tried again while that lock is what stopped it.
apt_get() {
  local sudo="" wait=${APT_LOCK_WAIT:-600} out told=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  local deadline=$((SECONDS + wait))
  out=$(mktemp)
  while :; do
    if DEBIAN_FRONTEND=noninteractive $sudo apt-get -o "DPkg::Lock::Timeout=$wait" "$@" >"$out" 2>&1; then
      cat "$out" >&2; rm -f "$out"; return 0
    fi
    if grep -q 'Could not get lock' "$out" && [ "$SECONDS" -lt "$deadline" ]; then
      [ -n "$told" ] || say "waiting for another apt process: $(grep -m1 'Could not get lock' "$out" | sed 's/^E: //')"
      told=1
      sleep 5
      continue
    fi
    cat "$out" >&2; rm -f "$out"; return 1
  done
}

apt_install() {
  say "installing $* (Debian packages)"
  apt_get update -qq
  apt_get install -y -qq "$@"
}

ensure_dotnet_deps() {
  say "restoring .NET packages and tools"
  (cd "$ROOT" && dotnet tool restore >/dev/null && dotnet restore Participation.sln --verbosity quiet)
}

ensure_node_deps() {
  if [ ! -d "$ROOT/web-client/node_modules" ] || [ "$ROOT/web-client/package-lock.json" -nt "$ROOT/web-client/node_modules/.package-lock.json" ] || [ "${CI:-}" = "true" ]; then
    say "installing web-client packages (npm ci)"
    (cd "$ROOT/web-client" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

# npm ci in a package folder of the repository (contracts/compat, contracts/typescript, contracts/samples/node) when its
# node_modules is missing or older than its lock file.
ensure_npm_deps() {
  local dir="$ROOT/$1"
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ] || [ "${CI:-}" = "true" ]; then
    say "installing $1 packages (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

ensure_chromium() {
  command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || apt_install chromium
}

# systemd-analyze, with which an operations test verifies the shipped systemd units (deploy/systemd/): Debian's systemd
# package (only its tools are used; nothing is started).
ensure_systemd_analyze() {
  command -v systemd-analyze >/dev/null 2>&1 || [ -x /usr/bin/systemd-analyze ] || apt_install systemd
}

# `make run` and `make run-cluster`: start the local demo PostgreSQL (cluster `demo`, data kept between runs; or the
# cluster named by $1, --fresh as $2 to recreate it) or use the server given in DATABASE_URL /
# ConnectionStrings__Participation, export its connection string as
# ConnectionStrings__Participation (and ASPNETCORE_ENVIRONMENT, Development unless set), build the demo seed (the API
# with it), migrate and seed the demo city. Call it in the script's own shell, not a subshell: it exports.
start_demo_database() {
  say "starting PostgreSQL"
  export ConnectionStrings__Participation
  ConnectionStrings__Participation=$("$ROOT/.ci/pg.sh" start "${1:-demo}" ${2:+"$2"})
  export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}

  say "building, migrating and seeding the demo city"
  (cd "$ROOT" && dotnet build api/Participation.DemoSeed --verbosity quiet -nologo -clp:ErrorsOnly) # builds the API too
  (cd "$ROOT" && dotnet run --project api/Participation.DemoSeed --no-build)
}
