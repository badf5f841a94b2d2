#!/usr/bin/env bash
# Restores a backup into an empty database: deploy/restore.sh FILE
#
# ConnectionStrings__Postgres names the target database, which must exist and be empty (create it
# with CREATE DATABASE; nothing is overwritten). Stop every silo and API node first, restore, point
# them at the database and start them. The restored cluster membership is cleared: the silos of the
# backup are gone, and new ones should not wait for them.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/pg-connection.sh"
file=${1:?usage: deploy/restore.sh FILE}
[[ -r $file ]] || { echo "restore: cannot read $file" >&2; exit 2; }
pg_connection_from_setting
psql=$(dirname "$(pg_tool pg_restore)")/psql
tables=$("$psql" -XAtc "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
if [[ $tables != 0 ]]; then
  echo "restore: database ${PGDATABASE:-?} has $tables tables; restore into an empty database (CREATE DATABASE ...)." >&2
  exit 2
fi
"$(pg_tool pg_restore)" --no-owner --no-privileges --exit-on-error --dbname="${PGDATABASE:?}" "$file"
"$psql" -Xq -v ON_ERROR_STOP=1 -c "DELETE FROM orleans_membership; DELETE FROM orleans_membership_version;"
echo "restore: $file into database $PGDATABASE on ${PGHOST:-?}; start the silos"
