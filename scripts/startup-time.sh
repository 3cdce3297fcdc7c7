#!/usr/bin/env bash
# Time from `java -jar` to /actuator/health UP on the default profile (embedded PostgreSQL, mail, demo data).
# Usage: scripts/startup-time.sh <data-dir> [extra java options...]
#   An empty or absent <data-dir> is a cold start (initdb, migrations, demo data); an existing one a warm start.
# Ports are taken from free ones so a run does not collide with another service on this host. Prints one line:
#   startup <cold|warm> <seconds to UP> (JVM CPU <seconds>) load <1-min load average at start> <at end>
set -euo pipefail
cd "$(dirname "$0")/.."
data=$1; shift
jar=${JAR:-target/spareflow-0.1.0-SNAPSHOT.jar}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
http=$(free_port); pg=$(free_port); smtp=$(free_port); imap=$(free_port)
kind=warm; [ -d "$data/pgdata" ] || kind=cold
mkdir -p "$data"
load_start=$(cut -d' ' -f1 /proc/loadavg)
start=$(date +%s.%N)
java "$@" -jar "$jar" --server.port="$http" --spareflow.embedded-postgres.port="$pg" \
  --spareflow.embedded-postgres.data-directory="$data/pgdata" --spareflow.embedded-mail.smtp-port="$smtp" \
  --spareflow.embedded-mail.imap-port="$imap" >"$data/log-$kind.txt" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
until curl -s "http://127.0.0.1:$http/actuator/health" 2>/dev/null | tee -a "$data/health-$kind.txt" | grep -q '"status":"UP"'; do echo " $(date +%T.%N)" >>"$data/health-$kind.txt"
  kill -0 $pid 2>/dev/null || { echo "service died, see $data/log-$kind.txt" >&2; exit 1; }
  sleep 0.2
done
end=$(date +%s.%N)
# CPU time the JVM used up to UP (user + system, all its threads), next to the wall time: on a shared machine the
# wall time depends on the other processes, the CPU time much less.
cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' /proc/$pid/stat)
printf 'startup %s %.1f s (JVM CPU %s s) load %s %s\n' "$kind" "$(echo "$end - $start" | bc)" "$cpu" "$load_start" "$(cut -d' ' -f1 /proc/loadavg)"
