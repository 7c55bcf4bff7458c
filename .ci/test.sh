#!/usr/bin/env bash
# `make test`: every test against real services, on a throwaway PostgreSQL cluster.
#   1. .NET (xunit, WebApplicationFactory + real PostgreSQL, real SMTP server)
#   2. contract: openapi.json (checked by a .NET test) and the generated clients are up to date; the compatibility gate
#      (openapi.json against the released contract, contracts/released/openapi.json) and its own tests (node --test)
#   3. .NET formatting (CSharpier, `dotnet format style`); web unit tests (vitest), the web client's type check, lint
#      (ESLint) and formatting (Prettier)
#   4. browser end-to-end (Playwright in Debian's Chromium against the real API and database), then the first load's
#      budget over that production build (web-client/scripts/bundle-budget.mjs)
#   5. `make run-cluster` in the browser: .ci/run-cluster.sh --check starts two API instances behind nginx serving the
#      built web app on a throwaway database with the demo city (ports of its own), runs web-client/e2e/cluster/ through
#      nginx, and stops everything, also on failure
#   6. sample integrations: the SDK packages built (`make sdk`), then a Node and a .NET program using them against the
#      running API (.ci/samples.sh)
# Every stage runs even when an earlier one failed; the totals are always printed, and the exit code is 1 when
# anything failed. With DATABASE_URL or ConnectionStrings__Participation set, that server is used instead of a
# local cluster (the role needs CREATEDB: .NET tests create participation_tests_*, the browser tests participation_e2e).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

logs="$ROOT/.local/test-logs"; rm -rf "$logs"; mkdir -p "$logs"

# A log without colour codes; the sum of the numbers in the parts of stdin matching a pattern (0 when none).
strip() { sed 's/\x1b\[[0-9;]*m//g' "$@" 2>/dev/null || true; }
sum() { { grep -oE "$1" || true; } | { grep -oE '[0-9]+' || true; } | awk '{s+=$1} END {print s+0}'; }

declare -A passed failed
stages=(dotnet contract vitest e2e cluster samples)
for s in "${stages[@]}"; do passed[$s]=0; failed[$s]=0; done
broken=()   # stages (or checks) that failed without a failing test to show for it

# A stage that failed with no failed test counted (a crash, a build error) counts as one.
stage_failed() {
  local stage=$1 label=$2
  [ "${failed[$stage]}" -gt 0 ] || broken+=("$label")
}

# The counts of a Playwright run (stage $1, its log $logs/$1.log, $2 1 when it passed); a failed run counts at least once.
playwright_counts() {
  local stage=$1 ok=$2 label=$3
  passed[$stage]=$(strip "$logs/$stage.log" | sum '^ *[0-9]+ passed')
  failed[$stage]=$(strip "$logs/$stage.log" | sum '^ *[0-9]+ (failed|interrupted)')
  [ "$ok" -eq 1 ] || stage_failed "$stage" "$label (see ${logs#"$ROOT/"}/$stage.log)"
}

# The failed tests by name with the first lines of their error (a CI log often shows only the end of the output).
failures() {
  {
    # .NET: the first lines of the message, then the lines that say why a response was outside the contract (the errors
    # the API logged: exception, SQL state, trace id), whatever came between them (e.g. a response's headers).
    strip "$logs/dotnet.log" | awk '/^ +Failed [A-Za-z_]/ { print; n = 4; m = 8; on = 1; next }
      /^ +Stack Trace:/ { on = 0 }
      on && n > 0 && !/^ +Error Message:/ && NF > 0 { print "  " $0; n--; next }
      on && m > 0 && /Errors the API logged|Exception|SqlState|SQLSTATE|\[Error |outside|do not match/ { print "  " $0; m-- }' || true
    strip "$logs/vitest.log" | grep -E '^ *(FAIL|×) ' || true
    # Each failed browser test with its error, the locator it waited for and the spec line it stopped at.
    strip "$logs/e2e.log" "$logs/cluster.log" | awk '/^ +[0-9]+\) \[/ { print; n = 6; next }
      n > 0 && /Error:|Locator:|Expected|Received|at .*\.spec\.ts:[0-9]+/ { print "  " $0; n--; if ($0 ~ /at .*\.spec\.ts/) n = 0 }' || true
    strip "$logs/contract.log" | grep -E '^not ok ' || true
    strip "$logs/samples.log" | grep -E '^  [a-z]+ sample failed' || true
  } | head -n 60 | sed 's/^ */    /'
}

# Prints the totals; fails when anything failed.
report() {
  local total_passed=0 total_failed=${#broken[@]}
  for s in "${stages[@]}"; do total_passed=$((total_passed + passed[$s])); total_failed=$((total_failed + failed[$s])); done
  echo
  echo "dotnet ${passed[dotnet]} · contract ${passed[contract]} · vitest ${passed[vitest]} · e2e ${passed[e2e]} · cluster ${passed[cluster]} ·" \
    "samples ${passed[samples]}"
  echo "tests: $total_passed passed, $total_failed failed"
  if [ "$total_failed" -gt 0 ]; then
    for s in "${stages[@]}"; do [ "${failed[$s]}" -eq 0 ] || echo "  $s: ${failed[$s]} failed (log: ${logs#"$ROOT/"}/$s.log)"; done
    failures
    for b in "${broken[@]}"; do echo "  failed: $b"; done
  fi
  [ "$total_failed" -eq 0 ]
}

finish() {
  local code=$?
  trap - EXIT
  "$ROOT/.ci/pg.sh" stop test || true
  [ "$code" -eq 0 ] || [ "${#broken[@]}" -gt 0 ] || broken+=("make test stopped early (exit code $code)")
  if report; then exit 0; fi
  exit 1
}
trap finish EXIT

ensure_dotnet_deps
ensure_node_deps
ensure_chromium
ensure_systemd_analyze

say "starting a throwaway PostgreSQL cluster"
# Throwaway data: commits are not flushed to disk (fsync, synchronous_commit and full-page writes off), which the
# tests' thousands of small transactions would otherwise wait for. Benchmarks (.ci/bench.sh) keep them on. 500 connections:
# the test projects run at once, the API tests in four parallel collections, each with an API whose pool may open up to
# 100 (a burst of fifty parallel requests opens fifty); at 200 the server refused some ("too many clients").
SERVER=$(PG_MAX_CONNECTIONS=500 PG_FSYNC=off PG_OPTIONS="-c synchronous_commit=off -c full_page_writes=off ${PG_OPTIONS:-}" "$ROOT/.ci/pg.sh" start test --fresh)

say "building"
if ! dotnet build Participation.sln --verbosity quiet -nologo -clp:ErrorsOnly; then
  broken+=("the .NET build (nothing else can run)")
  exit 1
fi

say ".NET tests"
TEST_DATABASE_URL="$SERVER" dotnet test Participation.sln --no-build --verbosity minimal -nologo 2>&1 | tee "$logs/dotnet.log" \
  && dotnet_ok=1 || dotnet_ok=0
passed[dotnet]=$(strip "$logs/dotnet.log" | sum 'Passed: +[0-9]+')
failed[dotnet]=$(strip "$logs/dotnet.log" | sum 'Failed: +[0-9]+')
[ "$dotnet_ok" -eq 1 ] || stage_failed dotnet ".NET tests (see ${logs#"$ROOT/"}/dotnet.log)"

say "contract: generated clients match openapi.json"
"$ROOT/.ci/contracts.sh" check || broken+=("contract check: the generated clients differ from openapi.json (make contracts)")

say "contract: compatible with the released contract (or a new major), and the gate's own tests"
"$ROOT/.ci/contracts.sh" compat 2>&1 | tee "$logs/contract-compat.log" \
  || broken+=("contract compatibility: a breaking change without a new major (see ${logs#"$ROOT/"}/contract-compat.log)")
"$ROOT/.ci/contracts.sh" compat-test 2>&1 | tee "$logs/contract.log" >/dev/null && contract_ok=1 || contract_ok=0
passed[contract]=$(strip "$logs/contract.log" | sum '^# pass [0-9]+')
failed[contract]=$(strip "$logs/contract.log" | sum '^# fail [0-9]+')
echo "compatibility gate tests passed: ${passed[contract]}, failed: ${failed[contract]}"
[ "$contract_ok" -eq 1 ] || stage_failed contract "the compatibility gate's tests (see ${logs#"$ROOT/"}/contract.log)"

say ".NET formatting: CSharpier (layout), dotnet format (style: usings, namespaces), no line over 140 characters"
{ dotnet csharpier check . && dotnet format style Participation.sln --verify-no-changes --severity warn --no-restore \
  && "$ROOT/.ci/line-length.sh"; } 2>&1 \
  | tee "$logs/dotnet-format.log" || broken+=(".NET formatting (see ${logs#"$ROOT/"}/dotnet-format.log; make format)")

say "web unit tests"
if (cd web-client && npm run --silent typecheck) 2>&1 | tee "$logs/typecheck.log"; then
  (cd web-client && NO_COLOR=1 npx vitest run 2>&1) | tee "$logs/vitest.log" && vitest_ok=1 || vitest_ok=0
  tests_line=$(strip "$logs/vitest.log" | grep -E '^ *Tests +[0-9]' || true)
  passed[vitest]=$(echo "$tests_line" | sum '[0-9]+ passed')
  failed[vitest]=$(echo "$tests_line" | sum '[0-9]+ failed')
  [ "$vitest_ok" -eq 1 ] || stage_failed vitest "web unit tests (see ${logs#"$ROOT/"}/vitest.log)"
else
  broken+=("web client type check (see ${logs#"$ROOT/"}/typecheck.log; vitest not run)")
fi
(cd web-client && npm run --silent lint) 2>&1 | tee "$logs/lint.log" \
  || broken+=("web client lint (see ${logs#"$ROOT/"}/lint.log; make lint)")
(cd web-client && npm run --silent format:check) 2>&1 | tee "$logs/format.log" \
  || broken+=("web client formatting (see ${logs#"$ROOT/"}/format.log; make format)")

say "browser end-to-end tests"
if E2E_DATABASE_URL=$("$ROOT/.ci/pg.sh" createdb test participation_e2e --fresh); then
  MAIL_DIR="$ROOT/.local/e2e-mail"; rm -rf "$MAIL_DIR"; mkdir -p "$MAIL_DIR"
  (cd web-client && NO_COLOR=1 E2E_DATABASE_URL="$E2E_DATABASE_URL" MAIL_DIR="$MAIL_DIR" npx playwright test 2>&1) | tee "$logs/e2e.log" \
    && e2e_ok=1 || e2e_ok=0
  playwright_counts e2e "$e2e_ok" "browser end-to-end tests"
else
  broken+=("creating the end-to-end database (browser tests not run)")
fi

say "first load: the home page's JavaScript, gzipped, against its budget (the build the browser tests served)"
(cd web-client && { [ -f dist/.vite/manifest.json ] || npx vite build --logLevel warn; } && node scripts/bundle-budget.mjs) 2>&1 \
  | tee "$logs/budget.log" || broken+=("bundle budget: the home page's first load is over its budget (see ${logs#"$ROOT/"}/budget.log)")

say "make run-cluster in the browser: two API instances behind nginx, a throwaway demo database (.ci/run-cluster.sh --check)"
if CLUSTER_DATABASE_URL=$("$ROOT/.ci/pg.sh" createdb test participation_cluster --fresh); then
  ConnectionStrings__Participation="$CLUSTER_DATABASE_URL" SKIP_DEPS=1 WEB_BUILT=1 "$ROOT/.ci/run-cluster.sh" --check \
    bash -c 'cd web-client && NO_COLOR=1 npx playwright test -c playwright.cluster.config.ts' 2>&1 | tee "$logs/cluster.log" \
    && cluster_ok=1 || cluster_ok=0
  playwright_counts cluster "$cluster_ok" "make run-cluster in the browser"
else
  broken+=("creating the run-cluster check's database (its browser test not run)")
fi

say "sample integrations: the SDK packages against the running API"
"$ROOT/.ci/samples.sh" 2>&1 | tee "$logs/samples.log" && samples_ok=1 || samples_ok=0
samples_line=$(strip "$logs/samples.log" | grep -E '^samples: [0-9]+ passed' | tail -n 1 || true)
passed[samples]=$(echo "$samples_line" | sum '[0-9]+ passed')
failed[samples]=$(echo "$samples_line" | sum '[0-9]+ failed')
[ "$samples_ok" -eq 1 ] || stage_failed samples "sample integrations (see ${logs#"$ROOT/"}/samples.log)"
