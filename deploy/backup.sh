#!/usr/bin/env bash
# Backs up the platform's database: deploy/backup.sh [FILE]
#
# Reads ConnectionStrings__Postgres (the silos' setting) and writes a pg_dump custom-format archive
# (compressed; everything: grain state, event log, stays, Orleans' tables) to FILE, by default
# backups/actors-<UTC time>.dump. The dump is a consistent snapshot taken while the platform runs.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/pg-connection.sh"
pg_connection_from_setting
file=${1:-backups/actors-$(date -u +%Y%m%dT%H%M%SZ).dump}
mkdir -p "$(dirname "$file")"
"$(pg_tool pg_dump)" --format=custom --no-owner --no-privileges --file="$file"
echo "backup: $file ($(du -h "$file" | cut -f1)) of database ${PGDATABASE:-?} on ${PGHOST:-?}"
