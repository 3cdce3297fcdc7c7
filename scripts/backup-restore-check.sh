#!/usr/bin/env bash
# CI check of scripts/backup.sh and scripts/restore.sh with cases in flight (loopback only, a few minutes):
#  1. the service (default profile) on a fresh embedded data folder with demo data, its SMTP server unreachable so
#     mails stay in the outbox; a case is accepted through the API and waits at remote diagnosis, with its timers;
#  2. backup.sh while it runs; the service and its embedded postmaster are stopped;
#  3. a fresh PostgreSQL 15 (scripts/local-postgres.sh in a temporary folder) and restore.sh into its empty database;
#  4. the service (postgres profile, with an embedded mail server) on the restored database: the pending mails are
#     sent, the case's diagnosis-limit timer is moved to the past and fires (a breach), the case is finished and
#     closed, and the engine has no incident.
# Usage: scripts/backup-restore-check.sh [jar]   (default: the jar of `mvn package` in target/); as root on Debian.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="${1:-$(ls "$root"/target/spareflow-*.jar | grep -v '\.original$' | head -1)}"
[ -f "$jar" ] || { echo "No service jar; run mvn package first" >&2; exit 2; }

# a start takes ~30 s on an idle machine; give a busy CI machine room
start_seconds="${SPAREFLOW_CHECK_START_SECONDS:-600}"
work="$(mktemp -d)"
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  # the embedded postmaster outlives a JVM that died hard: stop it by the pid in its data folder
  if [ -f "$work/a/pgdata/postmaster.pid" ]; then kill "$(head -1 "$work/a/pgdata/postmaster.pid")" 2>/dev/null || true; fi
  SPAREFLOW_PG_DIR="$work/pg" SPAREFLOW_PG_PORT="${pg_port:-0}" "$root/scripts/local-postgres.sh" stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap "exit 143" TERM INT

# a random loopback port nobody listens on
free_port() {
  local port
  while port=$((20000 + RANDOM % 40000)); (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do :; done
  echo "$port"
}
fail() { echo "backup-restore-check: $*" >&2; for log in "$work"/*.log; do echo "--- $log" >&2; tail -40 "$log" >&2; done; exit 1; }
# waits up to $1 seconds for the command after it to succeed
await() {
  local seconds="$1"; shift
  for _ in $(seq "$seconds"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  return 1
}
api() { curl -sf -u "$1:demo" "${@:3}" "$base$2"; }
healthy() { curl -sf "$base/actuator/health" | grep -q '"UP"'; }
case_json() { api supervisor "/api/cases/$number"; }
task_of() { api "$1" /api/tasks | jq -r --arg n "$number" --arg k "$2" '.[] | select(.caseNumber == $n and .taskKey == $k) | .id'; }
has_task() { [ -n "$(task_of "$1" "$2")" ]; }
complete() { api "$1" "/api/tasks/$2/complete" -X POST -H 'Content-Type: application/json' -d "$3" >/dev/null; }

# 1. the service on a fresh embedded database, mail unreachable
http_a="$(free_port)"; pg_a="$(free_port)"; closed_smtp="$(free_port)"
base="http://127.0.0.1:$http_a"
mkdir -p "$work/a"
(cd "$work/a" && exec java -Xmx1g -XX:TieredStopAtLevel=1 -jar "$jar" --server.port="$http_a" --server.address=127.0.0.1 \
  --spareflow.embedded-postgres.port="$pg_a" --spareflow.embedded-postgres.data-directory=pgdata \
  --spareflow.embedded-mail.enabled=false --spareflow.mail.imap.enabled=false --management.health.mail.enabled=false \
  --spring.mail.host=127.0.0.1 --spring.mail.port="$closed_smtp" --spareflow.mail.retry-initial=PT1S \
  >"$work/a.log" 2>&1) &
pids+=($!)
await "$start_seconds" healthy || fail "the service did not start on a fresh embedded database"
number="$(api supervisor '/api/cases?state=REPORTED' | jq -r '[.[].number] | sort | .[0]')"
[ -n "$number" ] && [ "$number" != null ] || fail "no demo case waits for acceptance"
complete agent "$(task_of agent Task_AcceptCase)" '{}' || fail "could not accept $number"
await 30 has_task agent Task_RemoteDiagnosis || fail "$number does not wait at remote diagnosis"
pending="$(api supervisor "/api/cases/$number/mails" | jq '[.[] | select(.status == "PENDING")] | length')"
[ "$pending" -gt 0 ] || fail "expected mails of $number pending in the outbox before the backup"
echo "In flight: $number at remote diagnosis, $pending of its mails pending"

# 2. backup while it runs, then stop it
SPAREFLOW_EMBEDDED_PG_PORT="$pg_a" "$root/scripts/backup.sh" "$work/spareflow.dump"
kill "${pids[0]}"; wait "${pids[0]}" 2>/dev/null || true; pids=()
if [ -f "$work/a/pgdata/postmaster.pid" ]; then
  postmaster="$(head -1 "$work/a/pgdata/postmaster.pid")"
  kill "$postmaster" 2>/dev/null || true
  await 30 bash -c "! kill -0 $postmaster" || fail "the embedded postmaster $postmaster did not stop"
fi

# 3. a fresh database, and the restore
pg_port="$(free_port)"
SPAREFLOW_PG_DIR="$work/pg" SPAREFLOW_PG_PORT="$pg_port" "$root/scripts/local-postgres.sh" start >/dev/null
export SPAREFLOW_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/spareflow" SPAREFLOW_DB_USER=spareflow SPAREFLOW_DB_PASSWORD=spareflow
"$root/scripts/restore.sh" "$work/spareflow.dump"
if "$root/scripts/restore.sh" "$work/spareflow.dump" 2>/dev/null; then fail "restore.sh restored over a database in use"; fi

# 4. the service on the restored database
http_b="$(free_port)"; smtp_b="$(free_port)"; imap_b="$(free_port)"
base="http://127.0.0.1:$http_b"
java -Xmx1g -XX:TieredStopAtLevel=1 -jar "$jar" --spring.profiles.active=postgres --server.port="$http_b" --server.address=127.0.0.1 \
  --spareflow.embedded-mail.enabled=true --spareflow.embedded-mail.smtp-port="$smtp_b" \
  --spareflow.embedded-mail.imap-port="$imap_b" >"$work/b.log" 2>&1 &
pids+=($!)
await "$start_seconds" healthy || fail "the service did not start on the restored database"
all_sent() { [ "$(api supervisor "/api/cases/$number/mails" | jq '[.[] | select(.status != "SENT")] | length')" = 0 ]; }
await 60 all_sent || fail "the mails pending at the backup were not sent after the restore"

instance="$(api admin "/engine-rest/process-instance?businessKey=$number&processDefinitionKey=rma-case" | jq -r '.[0].id')"
timer="$(api admin "/engine-rest/job?processInstanceId=$instance&activityId=Timer_DiagnosisLimit" | jq -r '.[0].id')"
[ -n "$timer" ] && [ "$timer" != null ] || fail "the restored case has no diagnosis-limit timer"
api admin "/engine-rest/job/$timer/duedate" -X PUT -H 'Content-Type: application/json' \
  -d '{"duedate": "2020-01-01T00:00:00.000+0000"}' >/dev/null
breached() { case_json | jq -e '[.breaches[]? | select(.step == "REMOTE_DIAGNOSIS")] | length == 1'; }
await 60 breached || fail "the diagnosis-limit timer did not fire after the restore"

complete agent "$(task_of agent Task_RemoteDiagnosis)" '{"diagnosisOutcome": "RESOLVED_REMOTELY", "note": "reset after restore"}' \
  || fail "could not finish the remote diagnosis of $number"
await 30 has_task agent Task_CloseCase || fail "$number does not wait to be closed"
complete agent "$(task_of agent Task_CloseCase)" '{"resolution": "fixed by remote reset"}' || fail "could not close $number"
closed() { case_json | jq -e '.state == "CLOSED"'; }
await 30 closed || fail "$number did not close"
[ "$(api admin /engine-rest/incident/count | jq .count)" = 0 ] || fail "the engine has incidents after the restore"
echo "backup-restore-check: $number restored, its pending mails sent, its timer fired, closed; no incident"
