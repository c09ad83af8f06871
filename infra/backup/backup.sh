#!/usr/bin/env bash
# Backup of Casebook's PostgreSQL database: everything that is a record — the events (es_events), the global audit
# chain, the people's wrapped data keys (privacy_keys), subscription checkpoints, idempotency records, migrations —
# and none of what is derived: the read models (schemas rm_*) and case snapshots are rebuilt from the events after a
# restore, so a backup can never bring back a read model that disagrees with its events.
#
#   infra/backup/backup.sh <DATABASE_URL> <file>
#
# Keep beside it, separately and encrypted: PRIVACY_MASTER_KEY (without it no personal text opens) and the audit
# signing key (AUDIT_SIGNING_KEY, or $DATA_DIR/audit-signing-key.pem). README, "Backup and restore".
set -euo pipefail
if [ "$#" -ne 2 ]; then echo "usage: $0 <DATABASE_URL> <file>" >&2; exit 2; fi
url="$1" file="$2"
pg_dump --format=custom --no-owner --no-privileges \
  --exclude-schema='rm_*' \
  --exclude-table-data=projection_versions \
  --exclude-table-data=projection_checkpoints \
  --exclude-table-data=case_snapshots \
  --file="$file" "$url"
echo "backup written to $file ($(wc -c < "$file") bytes)"
