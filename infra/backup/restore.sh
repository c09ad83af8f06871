#!/usr/bin/env bash
# Restores a backup made by backup.sh into an EMPTY database, then rebuilds every read model from the restored
# events and checks the stored chains (audit verify-store). Start the api and worker on it afterwards.
#
#   infra/backup/restore.sh <file> <DATABASE_URL of an empty database>
#
# Needs the built CLI (npm ci builds it) and the same PRIVACY_MASTER_KEY as the backed-up deployment.
set -euo pipefail
if [ "$#" -ne 2 ]; then echo "usage: $0 <file> <DATABASE_URL>" >&2; exit 2; fi
file="$1" url="$2"
root="$(cd "$(dirname "$0")/../.." && pwd)"
tables="$(psql "$url" -Atc "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")"
if [ "$tables" != "0" ]; then echo "refusing to restore: the target database is not empty ($tables tables)" >&2; exit 1; fi
pg_restore --no-owner --no-privileges --exit-on-error --dbname="$url" "$file"
echo "restored $file"
DATABASE_URL="$url" node "$root/dist/apps/cli/src/main.js" projections rebuild all
DATABASE_URL="$url" node "$root/dist/apps/cli/src/main.js" audit verify-store
