#!/usr/bin/env bash
# Regenerate the NSwag clients from openapi.json (`make contracts`), or check they are up to date (`check`).
source "$(dirname "$0")/lib.sh"
cd "$ROOT/contracts"
export DOTNET_ROLL_FORWARD=Major   # NSwag's console runs on the installed .NET
if [ "${1:-}" = "check" ]; then
  out=$(mktemp -d)
  mkdir -p "$out/typescript" "$out/dotnet/Participation.Client"
  dotnet nswag run nswag.json /variables:OutDir="$out" >/dev/null
  if ! diff -u typescript/participation-client.ts "$out/typescript/participation-client.ts" >/dev/null \
     || ! diff -u dotnet/Participation.Client/ParticipationClient.g.cs "$out/dotnet/Participation.Client/ParticipationClient.g.cs" >/dev/null; then
    echo "The generated clients are stale: run 'make contracts' and commit contracts/." >&2
    diff -u typescript/participation-client.ts "$out/typescript/participation-client.ts" | head -40 >&2 || true
    rm -rf "$out"; exit 1
  fi
  rm -rf "$out"
  echo "contracts up to date"
else
  dotnet nswag run nswag.json >/dev/null
  echo "regenerated contracts/typescript and contracts/dotnet from openapi.json"
fi
