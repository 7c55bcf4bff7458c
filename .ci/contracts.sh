#!/usr/bin/env bash
# The contract's generated clients and its compatibility gate.
#   .ci/contracts.sh           regenerate the NSwag clients from openapi.json (`make contracts`), and give the npm
#                              package (contracts/typescript/package.json) the contract's version (info.version)
#   .ci/contracts.sh check     fail when the clients or that version differ from what openapi.json gives
#   .ci/contracts.sh compat    fail when openapi.json breaks the last released contract (contracts/released/openapi.json)
#                              without a new major (`make contracts-compat`; contracts/compat/compat.mjs)
#   .ci/contracts.sh compat-test   the gate's own tests (node --test, TAP)
#   .ci/contracts.sh release   make openapi.json the released contract (`make contracts-release`): the gate's checks, and
#                              a changed contract needs a new version
source "$(dirname "$0")/lib.sh"
cd "$ROOT/contracts"
export DOTNET_ROLL_FORWARD=Major   # NSwag's console runs on the installed .NET

# info.version of openapi.json, which the SDK packages take.
contract_version() { node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).info.version)' "$ROOT/openapi.json"; }
package_version() { node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).version)' "$ROOT/contracts/typescript/package.json"; }

# The .NET client reads enums with Participation.Client.WireEnumConverter<T> (ParticipationClient.Json.cs), which tolerates
# a value added later to an extensible enum, instead of NSwag's JsonStringEnumConverter<T>, which throws on it.
tolerant_enums() { sed -i 's/System\.Text\.Json\.Serialization\.JsonStringEnumConverter</Participation.Client.WireEnumConverter</g' "$1"; }

case "${1:-generate}" in
  generate)
    dotnet nswag run nswag.json >/dev/null
    tolerant_enums dotnet/Participation.Client/ParticipationClient.g.cs
    (cd typescript && npm pkg set version="$(contract_version)")
    echo "regenerated contracts/typescript and contracts/dotnet from openapi.json (version $(contract_version))"
    ;;
  check)
    out=$(mktemp -d)
    mkdir -p "$out/typescript" "$out/dotnet/Participation.Client"
    dotnet nswag run nswag.json /variables:OutDir="$out" >/dev/null
    tolerant_enums "$out/dotnet/Participation.Client/ParticipationClient.g.cs"
    if ! diff -u typescript/participation-client.ts "$out/typescript/participation-client.ts" >/dev/null \
       || ! diff -u dotnet/Participation.Client/ParticipationClient.g.cs "$out/dotnet/Participation.Client/ParticipationClient.g.cs" >/dev/null; then
      echo "The generated clients are stale: run 'make contracts' and commit contracts/." >&2
      diff -u typescript/participation-client.ts "$out/typescript/participation-client.ts" | head -40 >&2 || true
      rm -rf "$out"; exit 1
    fi
    rm -rf "$out"
    if [ "$(package_version)" != "$(contract_version)" ]; then
      echo "contracts/typescript/package.json is version $(package_version), the contract $(contract_version): run 'make contracts'." >&2
      exit 1
    fi
    echo "contracts up to date"
    ;;
  compat)
    ensure_npm_deps contracts/compat
    node compat/compat.mjs check
    ;;
  compat-test)
    ensure_npm_deps contracts/compat
    cd compat && node --test --test-reporter=tap
    ;;
  release)
    ensure_npm_deps contracts/compat
    node compat/compat.mjs release
    ;;
  *) echo "usage: .ci/contracts.sh [check|compat|compat-test|release]" >&2; exit 2 ;;
esac
