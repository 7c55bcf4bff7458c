#!/usr/bin/env bash
# `make sdk`: the SDK packages built from the contract, into .local/sdk/ (SDK_DIR moves it), both versioned like the
# contract (info.version of openapi.json, i.e. OpenApiSetup.ContractVersion):
#   participation-client-X.Y.Z.tgz   npm package @participation/client (contracts/typescript): ESM + type declarations
#                                    compiled by tsc, for Node 20+ and browsers; also copied as participation-client.tgz,
#                                    the name the Node sample installs
#   Participation.Client.X.Y.Z.nupkg NuGet package (contracts/dotnet/Participation.Client, dotnet pack, Release)
# Publishing them (npm publish FILE, dotnet nuget push FILE) is a release step: see docs/integrators.md, "Versioning".
source "$(dirname "$0")/lib.sh"
out=${SDK_DIR:-$ROOT/.local/sdk}
rm -rf "$out"; mkdir -p "$out"

version=$(node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).info.version)' "$ROOT/openapi.json")
package=$(node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).version)' "$ROOT/contracts/typescript/package.json")
if [ "$package" != "$version" ]; then
  echo "contracts/typescript/package.json is version $package, the contract $version: run 'make contracts'." >&2
  exit 1
fi

say "npm package @participation/client $version"
ensure_npm_deps contracts/typescript
(cd "$ROOT/contracts/typescript" && rm -rf dist && npm run --silent build && npm pack --silent --pack-destination "$out" >/dev/null)
cp "$out/participation-client-$version.tgz" "$out/participation-client.tgz"

say "NuGet package Participation.Client $version"
dotnet pack "$ROOT/contracts/dotnet/Participation.Client" -c Release -o "$out" --verbosity quiet -nologo -clp:ErrorsOnly >/dev/null

for f in "participation-client-$version.tgz" "Participation.Client.$version.nupkg"; do
  [ -f "$out/$f" ] || { echo "$f was not built" >&2; exit 1; }
done
echo "SDK $version in ${out#"$ROOT/"}/: participation-client-$version.tgz, Participation.Client.$version.nupkg"
