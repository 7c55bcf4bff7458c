#!/usr/bin/env bash
# Restores a backup made by backup.sh into an EMPTY database and an empty uploads folder (see deploy/BACKUP.md).
#
#   deploy/restore.sh --from BACKUP_FOLDER [--env-file FILE] [--database CONNECTION] [--storage DIR] [--force]
#
#   --from      the folder backup.sh printed (participation-YYYYMMDDTHHMMSSZ)
#   --env-file, --database, --storage   the target, as for backup.sh (the database must exist: createdb it first,
#               owned by the API's role, and connect as that role: the restored objects become its own; the
#               privileges of the API's runtime role participation_app are restored with them, the role created first
#               when the cluster lacks it)
#   --force     restore although the target database has tables (they are dropped first: pg_restore --clean) or the
#               uploads folder has files (they are removed first). Without it, a non-empty target is refused
#               (exit code 3) and nothing is touched.
#
# The checksums (SHA256SUMS) are checked before anything is written (exit code 4 on a mismatch). The database is
# restored in one transaction (all or nothing), then the files. Stop the API instances first (systemctl stop
# participation.target), start them after: the restored database is at the backup's migration, and the migration
# unit brings it up to the release installed.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/pg-common.sh"

from="" conn="" storage="" force=""
while [ $# -gt 0 ]; do
  case "$1" in
    --from) from=$2; shift 2 ;;
    --env-file) load_env_file "$2"; shift 2 ;;
    --database) conn=$2; shift 2 ;;
    --storage) storage=$2; shift 2 ;;
    --force) force=1; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown argument $1 (--help)" >&2; exit 2 ;;
  esac
done
conn=${conn:-${ConnectionStrings__Participation:-${DATABASE_URL:-}}}
storage=${storage:-${Storage__Root:-/var/lib/participation/uploads}}
[ -n "$from" ] && [ -d "$from" ] || { echo "error: --from: no backup folder ${from:-given}" >&2; exit 2; }
[ -n "$conn" ] || { echo "error: no database: --database, ConnectionStrings__Participation or DATABASE_URL" >&2; exit 2; }
for f in database.dump storage.tar.gz SHA256SUMS; do
  [ -f "$from/$f" ] || { echo "error: $from has no $f: not a backup made by backup.sh" >&2; exit 2; }
done

echo "restore: checking the checksums" >&2
(cd "$from" && sha256sum --quiet -c SHA256SUMS) || { echo "error: $from is damaged (checksums differ); nothing restored" >&2; exit 4; }

use_connection "$conn"
bin=$(pg_bin)
relations=$("$bin/psql" -X -qAt --no-password -v ON_ERROR_STOP=1 -c "
  SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
    AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'" "$(db_arg)")
files=0
[ -d "$storage" ] && files=$(find "$storage" -mindepth 1 | head -n 1 | wc -l)
if [ -z "$force" ] && { [ "$relations" -gt 0 ] || [ "$files" -gt 0 ]; }; then
  echo "error: the target is not empty ($relations relations in the database, $( [ "$files" -gt 0 ] && echo "files" || echo "no files") in $storage);" \
    "restore into an empty database and folder, or pass --force to replace what is there. Nothing was changed." >&2
  exit 3
fi

# The API's role (migration 0040) is the cluster's, not the database's: a new cluster gets it here, so that the grants
# the backup holds for it are restored with the tables (row-level security needs them: the API connects as that role).
"$bin/psql" -X -q --no-password -v ON_ERROR_STOP=1 -c "
  DO \$\$ BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'participation_app') THEN
      CREATE ROLE participation_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
    END IF;
  END \$\$" "$(db_arg)"

echo "restore: restoring the database (one transaction)" >&2
clean=()
[ "$relations" -gt 0 ] && clean=(--clean --if-exists)
"$bin/pg_restore" --no-password --exit-on-error --single-transaction --no-owner "${clean[@]}" \
  --dbname="$(db_arg)" "$from/database.dump"

echo "restore: restoring the uploads into $storage" >&2
mkdir -p "$storage"
[ "$files" -gt 0 ] && find "$storage" -mindepth 1 -delete
tar -C "$storage" -xzf "$from/storage.tar.gz"
echo "restore: done ($(grep -E '^(created|last migration):' "$from/manifest.txt" | tr '\n' ' '))" >&2
