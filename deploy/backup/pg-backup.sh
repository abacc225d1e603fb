#!/usr/bin/env bash
# A PostgreSQL dump of the shop's database in pg_dump's custom format (compressed, restorable table by table
# with pg_restore), named with a UTC timestamp, written atomically; dumps older than RETENTION_DAYS are deleted.
#
#   set -a; . /etc/escott-storefront/env; set +a; deploy/backup/pg-backup.sh      (or shop-backup.timer)
#
# Environment: DATABASE_URL (postgresql://…, as the shop uses it; PGBACKUP_URL overrides it, e.g. to dump
# from a replica or as another role), BACKUP_DIR (default /var/backups/escott-storefront), RETENTION_DAYS
# (default 14; 0 = keep everything), PG_DUMP (default pg_dump; its major version must be ≥ the server's).
#
# NOT in the dump: APP_ENCRYPTION_KEY (and NEXTAUTH_SECRET). Sealed values in the database (gateway
# passwords, AES key/IV, saved-card member ids, ProcessPass) cannot be opened without the key: back the
# environment file up separately (a password manager or a separate secret store), never beside the dumps.
#
# Restore (into an empty database; stop the instances first when restoring over the live one):
#   createdb -O shop escott_shop_restored
#   pg_restore --no-owner --role=shop -d postgresql://shop:…@127.0.0.1:5432/escott_shop_restored FILE.dump
# then point DATABASE_URL at it (or rename the databases), keep the APP_ENCRYPTION_KEY that was in force when
# the dump was taken, and start the instances. `pg_restore -l FILE.dump` lists a dump's contents.
set -euo pipefail
umask 077

url=${PGBACKUP_URL:-${DATABASE_URL:-}}
case "$url" in
  postgres://* | postgresql://*) ;;
  *) echo "pg-backup: DATABASE_URL (or PGBACKUP_URL) must be a postgresql:// URL" >&2; exit 2 ;;
esac
dir=${BACKUP_DIR:-/var/backups/escott-storefront}
days=${RETENTION_DAYS:-14}
pg_dump=${PG_DUMP:-pg_dump}
[[ "$days" =~ ^[0-9]+$ ]] || { echo "pg-backup: RETENTION_DAYS must be a number of days" >&2; exit 2; }

mkdir -p "$dir"
db=$(node -e 'console.log(decodeURIComponent(new URL(process.argv[1]).pathname.slice(1)) || "db")' "$url" 2>/dev/null || echo db)
name="$db-$(date -u +%Y%m%dT%H%M%SZ).dump"
tmp="$dir/.$name.partial"
trap 'rm -f "$tmp"' EXIT

"$pg_dump" --format=custom --compress=6 --no-password --file="$tmp" --dbname="$url"
# A dump that pg_restore cannot read is no backup.
pg_restore --list "$tmp" >/dev/null
mv "$tmp" "$dir/$name"
trap - EXIT
echo "pg-backup: $dir/$name ($(du -h "$dir/$name" | cut -f1))"

if [ "$days" -gt 0 ]; then
  find "$dir" -maxdepth 1 -type f -name "$db-*.dump" -mtime "+$((days - 1))" -print -delete | sed 's/^/pg-backup: removed /'
fi
