# Shared helpers for .ci/*.sh (sourced).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm_config_fund=false npm_config_audit=false

say() { printf '\033[1;34m==> %s\033[0m\n' "$*" >&2; }

apt_install() {
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  say "installing $* (Debian packages)"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >&2
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

ensure_chromium() {
  command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || apt_install chromium
}
