#!/usr/bin/env bash
# A consistent backup of Spareflow while it runs: pg_dump -Fc of its whole database — cases, scans, the mail outbox,
# Flyway's history and the engine's ACT_* tables (process instances, timers, history) in one snapshot.
# Usage: scripts/backup.sh [file]    (default: spareflow-<UTC time>.dump in the current folder)
# Which database: see scripts/pg-connection.sh (SPAREFLOW_DB_URL/_USER/_PASSWORD, or the embedded one on 5439).
set -euo pipefail
. "$(dirname "$0")/pg-connection.sh"

file="${1:-spareflow-$(date -u +%Y%m%dT%H%M%SZ).dump}"
pg_dump --format=custom --no-owner --no-privileges --file="$file.partial" || { rm -f "$file.partial"; exit 1; }
mv "$file.partial" "$file"
echo "Backed up $PGDATABASE on $PGHOST:$PGPORT to $file ($(du -h "$file" | cut -f1))"
