#!/usr/bin/env bash
# Checks the nginx site of deploy/nginx/ (run by the operations tests, Deployment/NginxSiteTests):
#   1. `nginx -t` on the site as shipped, in a configuration of its own under a temporary folder: a self-signed
#      certificate made now with openssl, the certificate, web root and snippet paths substituted
#   2. the site served for real on free loopback ports (HTTP and HTTPS substituted for 80/443), with a tiny web root
#      (index.html, a hashed asset and its .gz) and an upstream nobody listens on; curl checks the SPA fallback of
#      /fr/…, the caching of /assets/ and index.html, gzip_static, HTTP/2, the web app's security headers, and that
#      the proxied /embed/ and /api/ answers carry no X-Frame-Options or CSP added by nginx
# nginx is stopped before the script ends, failed or not. Installs Debian's nginx (and curl) when missing, and stops
# the server the package starts.
# Prints `nginx-check: N passed, M failed` last.
source "$(dirname "$0")/lib.sh"
if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  apt_install nginx
  # Debian's package starts its default server where it can: stop that one (this check starts its own, on free ports).
  if [ -s /run/nginx.pid ] && kill -0 "$(cat /run/nginx.pid)" 2>/dev/null; then
    { command -v systemctl >/dev/null 2>&1 && systemctl stop nginx 2>/dev/null; } || /usr/sbin/nginx -s quit || true
  fi
fi
command -v curl >/dev/null 2>&1 || apt_install curl
export PATH="$PATH:/usr/sbin"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/participation-nginx.XXXXXX")
chmod 755 "$tmp"   # run as root, nginx's worker is www-data (or nobody): it reads the web root
pid=""
passed=0
failed=0
finish() {
  local code=$?
  trap - EXIT
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true   # the master, in the foreground of its own (daemon off): it stops its worker
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
  echo "nginx-check: $passed passed, $failed failed"
  [ "$code" -eq 0 ] && [ "$failed" -eq 0 ] || exit 1
}
trap finish EXIT

check() {
  local what=$1; shift
  if "$@"; then passed=$((passed + 1)); echo "  ok: $what"; else failed=$((failed + 1)); echo "  FAILED: $what" >&2; fi
}

port_free() { ! (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$((20000 + RANDOM % 20000)); while ! port_free "$p"; do p=$((p + 1)); done; echo "$p"; }

say "self-signed certificate for the check"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=participation.example.org" \
  -keyout "$tmp/privkey.pem" -out "$tmp/fullchain.pem" >/dev/null 2>&1
mkdir -p "$tmp/snippets" "$tmp/web/assets" "$tmp/logs" "$tmp/acme"
cp "$ROOT/deploy/nginx/participation-proxy.conf" "$ROOT/deploy/nginx/participation-web-headers.conf" "$tmp/snippets/"
mime=/etc/nginx/mime.types

# The site with the paths of this check; PORTS=1 also moves 80/443 and the upstream to free loopback ports.
site() {
  sed -e "s|/etc/letsencrypt/live/participation.example.org/|$tmp/|g" \
      -e "s|/opt/participation/web|$tmp/web|g" -e "s|/var/www/acme|$tmp/acme|g" \
      "$ROOT/deploy/nginx/participation.conf" \
    | if [ "${PORTS:-}" = 1 ]; then
        sed -e "s|listen 80;|listen 127.0.0.1:$http;|; s|listen \[::\]:80;||" \
            -e "s|listen 443 ssl http2;|listen 127.0.0.1:$https ssl http2;|; s|listen \[::\]:443 ssl http2;||" \
            -e "s|server 127.0.0.1:5001 |server 127.0.0.1:$dead1 |; s|server 127.0.0.1:5002 |server 127.0.0.1:$dead2 |"
      else cat; fi > "$tmp/site.conf"
  cat > "$tmp/nginx.conf" <<CONF
worker_processes 1;
pid $tmp/nginx.pid;
error_log $tmp/logs/error.log warn;
events { worker_connections 64; }
http {
  include $mime;
  default_type application/octet-stream;
  access_log $tmp/logs/access.log;
  client_body_temp_path $tmp/body; proxy_temp_path $tmp/proxy; fastcgi_temp_path $tmp/fastcgi;
  uwsgi_temp_path $tmp/uwsgi; scgi_temp_path $tmp/scgi;
  include $tmp/site.conf;
}
CONF
}

say "nginx -t on deploy/nginx/participation.conf"
site
check "nginx -t accepts the site" nginx -t -q -c "$tmp/nginx.conf" -p "$tmp/"

say "serving the site on loopback ports"
http=$(free_port); https=$(free_port); dead1=$(free_port); dead2=$(free_port)
PORTS=1 site
printf '<!doctype html><html lang="fr"><head><title>Participation</title></head><body><div id="root"></div></body></html>\n' \
  > "$tmp/web/index.html"
head -c 4096 /dev/zero | tr '\0' 'a' | sed 's/^/const a = "/; s/$/";/' > "$tmp/web/assets/index-AbCd1234.js"
gzip -9 -k -n "$tmp/web/assets/index-AbCd1234.js"
nginx -c "$tmp/nginx.conf" -p "$tmp/" -g 'daemon off;' &
pid=$!
for _ in $(seq 1 300); do ! port_free "$https" && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done

base="https://participation.example.org:$https"
fetch() { curl -sk --resolve "participation.example.org:$https:127.0.0.1" -o "$tmp/body.out" -D "$tmp/headers.out" "$@"; }
has() { grep -qi "^$1" "$tmp/headers.out"; }
hasnt() { ! grep -qi "^$1" "$tmp/headers.out"; }

fetch --http2 "$base/fr/projects/parc-du-centre"
check "/fr/… answers index.html over HTTP/2" grep -q '^HTTP/2 200' "$tmp/headers.out"
check "/fr/… is index.html" grep -q 'id="root"' "$tmp/body.out"
check "/fr/… is not cached (no-cache)" has 'cache-control: no-cache'
check "/fr/… carries the web app's CSP" has "content-security-policy: default-src 'self'; script-src 'self'"
check "/fr/… carries X-Frame-Options DENY, nosniff, HSTS" \
  bash -c "grep -qi '^x-frame-options: DENY' '$tmp/headers.out' && grep -qi '^x-content-type-options: nosniff' '$tmp/headers.out' \
    && grep -qi '^strict-transport-security: max-age=' '$tmp/headers.out'"
fetch "$base/nl/"
check "/nl/ answers index.html" grep -q 'id="root"' "$tmp/body.out"
fetch "$base/index.html"
check "index.html is not cached" has 'cache-control: no-cache'

fetch -H 'Accept-Encoding: gzip' "$base/assets/index-AbCd1234.js"
check "a hashed asset is cached for a year, immutable" has 'cache-control: public, max-age=31536000, immutable'
check "a hashed asset comes pre-compressed (gzip_static)" has 'content-encoding: gzip'
check "the pre-compressed file is the one on disk" cmp -s "$tmp/body.out" "$tmp/web/assets/index-AbCd1234.js.gz"
fetch "$base/assets/missing-XyZ.js"
check "a missing asset is a 404, not index.html" grep -q '^HTTP/[0-9.]* 404' "$tmp/headers.out"

fetch "$base/embed/widgets/00000000-0000-0000-0000-000000000000"
check "/embed/ goes to the API upstream (none here: 502)" grep -q '^HTTP/[0-9.]* 502' "$tmp/headers.out"
check "/embed/ gets no X-Frame-Options or CSP from nginx (the widget page sends its own)" \
  bash -c "! grep -qiE '^(x-frame-options|content-security-policy):' '$tmp/headers.out'"
fetch "$base/api/v1/projects"
check "/api/ goes to the API upstream (none here: 502)" grep -q '^HTTP/[0-9.]* 502' "$tmp/headers.out"

curl -s -o /dev/null -D "$tmp/headers.out" "http://127.0.0.1:$http/fr/"
check "HTTP moves to HTTPS" bash -c "grep -q '^HTTP/1.1 301' '$tmp/headers.out' && grep -qi '^location: https://' '$tmp/headers.out'"
[ "$failed" -eq 0 ] || { echo "error log:" >&2; cat "$tmp/logs/error.log" >&2; }
