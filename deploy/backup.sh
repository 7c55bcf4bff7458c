#!/usr/bin/env bash
# A full backup of Participation: the database (pg_dump, custom format) and the uploaded files (Storage__Root), in one
# timestamped folder with their checksums. Restored by restore.sh; see deploy/BACKUP.md (schedule, retention,
# point-in-time recovery).
#
#   deploy/backup.sh [--env-file FILE] [--database CONNECTION] [--storage DIR] [--out DIR]
#
#   --env-file  the API's EnvironmentFile (e.g. /etc/participation/participation.env): its ConnectionStrings__Participation
#               (or DATABASE_URL) and Storage__Root are used unless given below
#   --database  the API's connection setting: an Npgsql string (Host=…;Port=…;Username=…;Password=…;Database=…) or a
#               postgres:// URL; default: $ConnectionStrings__Participation, else $DATABASE_URL
#   --storage   the uploads folder; default: $Storage__Root, else /var/lib/participation/uploads
#   --out       where the backup folder is made; default: $BACKUP_DIR, else /var/backups/participation
#
# Writes OUT/participation-YYYYMMDDTHHMMSSZ/ (first as a .partial folder, renamed when complete):
#   database.dump   pg_dump --format=custom (compressed; pg_restore reads it, also one table at a time)
#   storage.tar.gz  the uploads folder's content
#   manifest.txt    when, the server's version, the last migration applied, the sizes
#   SHA256SUMS      the checksums of the three files above (restore.sh checks them first)
# and prints the folder's path. The database is dumped first, then the files: a file added after the dump is only
# an orphan in the backup, never missing (the API writes a file before committing the row that names it).
# Needs pg_dump no older than the server (PG_BIN, else the newest /usr/lib/postgresql/*/bin).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/pg-common.sh"

conn="" storage="" out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --env-file) load_env_file "$2"; shift 2 ;;
    --database) conn=$2; shift 2 ;;
    --storage) storage=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "error: unknown argument $1 (--help)" >&2; exit 2 ;;
  esac
done
conn=${conn:-${ConnectionStrings__Participation:-${DATABASE_URL:-}}}
storage=${storage:-${Storage__Root:-/var/lib/participation/uploads}}
out=${out:-${BACKUP_DIR:-/var/backups/participation}}
[ -n "$conn" ] || { echo "error: no database: --database, ConnectionStrings__Participation or DATABASE_URL" >&2; exit 2; }
[ -d "$storage" ] || { echo "error: the uploads folder $storage does not exist" >&2; exit 2; }

use_connection "$conn"
bin=$(pg_bin)
stamp=$(date -u +%Y%m%dT%H%M%SZ)
target="$out/participation-$stamp"
work="$target.partial"
umask 077
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

echo "backup: dumping the database" >&2
"$bin/pg_dump" --format=custom --compress=6 --no-password --file="$work/database.dump" "$(db_arg)"
echo "backup: archiving the uploads in $storage" >&2
tar -C "$storage" -czf "$work/storage.tar.gz" .

{
  echo "created: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "server: $("$bin/psql" -X -qAt --no-password -c 'SHOW server_version' "$(db_arg)")"
  echo "pg_dump: $("$bin/pg_dump" --version)"
  echo "last migration: $("$bin/psql" -X -qAt --no-password \
    -c 'SELECT scriptname FROM schemaversions ORDER BY schemaversionsid DESC LIMIT 1' "$(db_arg)" 2>/dev/null || echo unknown)"
  echo "files: $(tar -tzf "$work/storage.tar.gz" | grep -vc '/$' || true)"
  echo "database.dump: $(stat -c %s "$work/database.dump") bytes"
  echo "storage.tar.gz: $(stat -c %s "$work/storage.tar.gz") bytes"
} > "$work/manifest.txt"
(cd "$work" && sha256sum database.dump storage.tar.gz manifest.txt > SHA256SUMS)

mv "$work" "$target"
trap - EXIT
echo "backup: done" >&2
echo "$target"
