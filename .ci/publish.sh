#!/usr/bin/env bash
# `make publish`: what a server runs, built once, into .local/publish/:
#   api/   the API, Release, self-contained for linux-x64 (no .NET runtime needed on the server): run
#          `./Participation.Api` (the web server) or `./Participation.Api migrate` (the operator commands, see
#          api/Participation.Api/Cli); appsettings.Development.json is left out (a development signing key)
#   web/   the web app's production build (npm run build): hashed files under assets/, index.html; every text file
#          of 1 KB or more also gzipped beside it (name.gz, for nginx's gzip_static); source maps left out
#   deploy/ the systemd units, nginx site, backup and restore scripts and documents (a copy of deploy/)
#   VERSION, and participation-VERSION-linux-x64.tar.gz holding the three folders and VERSION.
# VERSION is PUBLISH_VERSION when set, else the contract's version and the commit (e.g. 1.14.0+de9b65e, "-dirty" when
# the work tree has changes). PUBLISH_RID picks another runtime (e.g. linux-arm64); PUBLISH_FRAMEWORK_DEPENDENT=1
# publishes for a server with the ASP.NET Core 10 runtime installed instead (smaller, `dotnet Participation.Api.dll`).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

out="$ROOT/.local/publish"
rid=${PUBLISH_RID:-linux-x64}
contract=$(grep -oE 'ContractVersion = "[^"]+"' api/Participation.Api/Infrastructure/OpenApi/OpenApiSetup.cs | cut -d'"' -f2)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain 2>/dev/null | grep -q . && echo "-dirty" || true)
version=${PUBLISH_VERSION:-${contract:-0.0.0}+$commit$dirty}

rm -rf "$out"; mkdir -p "$out"

if [ "${PUBLISH_FRAMEWORK_DEPENDENT:-}" = "1" ]; then
  say "publishing the API (Release, framework-dependent, $rid)"
  mode=(--self-contained false)
else
  say "publishing the API (Release, self-contained, $rid)"
  mode=(--self-contained true)
fi
dotnet publish api/Participation.Api -c Release -r "$rid" "${mode[@]}" -o "$out/api" \
  -p:InformationalVersion="$version" -v q -nologo -clp:ErrorsOnly
rm -f "$out/api/appsettings.Development.json"

say "building the web app (npm run build)"
ensure_node_deps
(cd web-client && npm run --silent build >/dev/null)
cp -r web-client/dist "$out/web"
find "$out/web" -name '*.map' -delete
# Pre-compressed copies for gzip_static (nginx sends name.gz to clients that accept gzip, without compressing again).
find "$out/web" -type f \( -name '*.js' -o -name '*.css' -o -name '*.html' -o -name '*.svg' -o -name '*.json' -o -name '*.txt' \) \
  -size +1k -exec gzip -9 -k -n {} \;

cp -r deploy "$out/deploy"
echo "$version" > "$out/VERSION"

tarball="participation-${version//+/_}-$rid.tar.gz"
say "packing $tarball"
tar -C "$out" -czf "$out/$tarball" api web deploy VERSION
echo "published $version: ${out#"$ROOT/"}/api, ${out#"$ROOT/"}/web, ${out#"$ROOT/"}/$tarball ($(du -h "$out/$tarball" | cut -f1))"
