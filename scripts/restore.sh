#!/usr/bin/env bash
# Restores a backup of scripts/backup.sh into an EMPTY database (a fresh one: nothing of Spareflow's in it), in one
# transaction: all or nothing. Stop every Spareflow node first; start them after it finished — the job executor then
# fires the timers that fell due meanwhile and the outbox sends the mails still pending.
# Usage: scripts/restore.sh file
# Which database: see scripts/pg-connection.sh (SPAREFLOW_DB_URL/_USER/_PASSWORD, or the embedded one on 5439).
set -euo pipefail
file="${1:?usage: scripts/restore.sh file (a backup of scripts/backup.sh)}"
[ -r "$file" ] || { echo "Cannot read the backup $file" >&2; exit 2; }
. "$(dirname "$0")/pg-connection.sh"

tables="$(psql -qtAX -c "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")"
if [ "$tables" != "0" ]; then
  echo "$PGDATABASE on $PGHOST:$PGPORT already holds $tables tables; restore into an empty database" >&2
  echo "(create one, or drop and recreate this one, and point SPAREFLOW_DB_URL at it)." >&2
  exit 3
fi
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$PGDATABASE" "$file"
# fresh planner statistics for the restored tables (pg_restore brings none); the catalogues are the server's own
psql -qtAX -v ON_ERROR_STOP=1 -c "SET client_min_messages = error" -c "ANALYZE" >/dev/null
echo "Restored $file into $PGDATABASE on $PGHOST:$PGPORT"
