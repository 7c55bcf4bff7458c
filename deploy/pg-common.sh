# Shared by backup.sh and restore.sh (sourced): PostgreSQL's client programs and the connection the API reads.

# The newest server's programs (pg_dump must not be older than the server): PG_BIN, else Debian's
# /usr/lib/postgresql/*/bin, else the PATH.
pg_bin() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$d" ] && [ -x "$d/pg_dump" ]; then echo "$d"; else dirname "$(command -v pg_dump)"; fi
}

# Reads KEY=VALUE lines of a systemd EnvironmentFile (no shell evaluation: values may hold ; and spaces).
load_env_file() {
  local line key value
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in ''|'#'*) continue ;; esac
    key=${line%%=*}; value=${line#*=}
    value=${value#\"}; value=${value%\"}
    case "$key" in
      ConnectionStrings__Participation|DATABASE_URL|Storage__Root) export "$key=$value" ;;
    esac
  done < "$1"
}

# Exports PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE (and PGSSLMODE) from the API's connection setting: an Npgsql
# `Host=…;Port=…;Username=…;Password=…;Database=…` string or a postgres://user:password@host:port/db URL.
use_connection() {
  local conn=$1 part key value
  unset PGHOST PGPORT PGUSER PGPASSWORD PGDATABASE PGSSLMODE
  case "$conn" in
    postgres://*|postgresql://*) export PGDATABASE="$conn"; return ;;
  esac
  IFS=';' read -ra parts <<<"$conn"
  for part in "${parts[@]}"; do
    [ -n "${part// /}" ] || continue
    key=$(echo "${part%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]'); value=${part#*=}
    case "$key" in
      host|server) export PGHOST="$value" ;;
      port) export PGPORT="$value" ;;
      username|userid|user|uid) export PGUSER="$value" ;;
      password|pwd) export PGPASSWORD="$value" ;;
      database|db) export PGDATABASE="$value" ;;
      sslmode) export PGSSLMODE=$(echo "$value" | tr '[:upper:]' '[:lower:]') ;;
    esac
  done
  [ -n "${PGDATABASE:-}" ] || { echo "error: no database in the connection string" >&2; exit 2; }
}

# The psql, pg_dump or pg_restore argument naming the database: the URL, or the name with PG* variables set.
db_arg() { echo "$PGDATABASE"; }
