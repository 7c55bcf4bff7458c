#!/usr/bin/env bash
# `make test`: every test against real services, on a throwaway PostgreSQL cluster.
#   1. .NET (xunit, WebApplicationFactory + real PostgreSQL, real SMTP server)
#   2. contract: openapi.json (checked by a .NET test) and the generated clients are up to date
#   3. web unit tests (vitest)
#   4. browser end-to-end (Playwright in Debian's Chromium against the real API and database)
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

ensure_dotnet_deps
ensure_node_deps
ensure_chromium

# Sum of the numbers in the lines matching a pattern (colour codes removed); 0 when none.
count() { sed 's/\x1b\[[0-9;]*m//g' "$2" | grep -oE "$1" | grep -oE '[0-9]+' | awk '{s+=$1} END {print s+0}' || true; }

say "starting a throwaway PostgreSQL cluster"
trap '"$ROOT/.ci/pg.sh" stop test' EXIT
SERVER=$("$ROOT/.ci/pg.sh" start test --fresh)
logs="$ROOT/.local/test-logs"; rm -rf "$logs"; mkdir -p "$logs"

say "building"
dotnet build Participation.sln --verbosity quiet -nologo -clp:ErrorsOnly

say ".NET tests"
TEST_DATABASE_URL="$SERVER" dotnet test Participation.sln --no-build --verbosity quiet -nologo 2>&1 | tee "$logs/dotnet.log"
dotnet_passed=$(count 'Passed: +[0-9]+' "$logs/dotnet.log")

say "contract: generated clients match openapi.json"
"$ROOT/.ci/contracts.sh" check

say "web unit tests"
(cd web-client && npm run --silent typecheck && NO_COLOR=1 npx vitest run 2>&1) | tee "$logs/vitest.log"
vitest_passed=$(count '^ *Tests +[0-9]+ passed' "$logs/vitest.log")

say "browser end-to-end tests"
E2E_DATABASE_URL=$("$ROOT/.ci/pg.sh" createdb test participation_e2e)
MAIL_DIR="$ROOT/.local/e2e-mail"; rm -rf "$MAIL_DIR"; mkdir -p "$MAIL_DIR"
(cd web-client && NO_COLOR=1 E2E_DATABASE_URL="$E2E_DATABASE_URL" MAIL_DIR="$MAIL_DIR" npx playwright test 2>&1) | tee "$logs/e2e.log"
e2e_passed=$(count '^ *[0-9]+ passed' "$logs/e2e.log")

total=$(( ${dotnet_passed:-0} + ${vitest_passed:-0} + ${e2e_passed:-0} ))
echo
echo "dotnet ${dotnet_passed:-0} · vitest ${vitest_passed:-0} · e2e ${e2e_passed:-0}"
echo "tests: $total passed, 0 failed"
