#!/usr/bin/env bash
# Time from launch to /actuator/health UP on the default profile (embedded PostgreSQL, mail, demo data).
# Usage: scripts/startup-time.sh <data-dir> [extra java options...]
#   An empty or absent <data-dir> is a cold start (initdb, migrations, demo data); an existing one a warm start.
#   LAUNCH=jar (default): java -jar $JAR (target/spareflow-0.1.0-SNAPSHOT.jar); with CDS=1 the extracted jar and the
#     class-data archive that scripts/cds.sh made.
#   LAUNCH=script: scripts/run.sh, as the README starts the service (extra java options through JAVA_OPTS; the first
#     run of a build records the class-data archive when it is stopped, the next ones use it).
#   LAUNCH=run: mvn -o spring-boot:run (the time includes Maven's own start).
# Ports are taken from free ones so a run does not collide with another service on this host. Prints one line:
#   startup <cold|warm> <seconds to UP> (JVM CPU <seconds>) load <1-min load average at start> <at end>
#   and under LAUNCH=run: maven <seconds until it launched the service JVM> (CPU <Maven's JVM CPU by then>)
# The JVM CPU is the service JVM's own (user + system of all its threads, from /proc; under LAUNCH=run Maven's JVM
# is not counted).
set -euo pipefail
cd "$(dirname "$0")/.."
data=$1; shift
launch=${LAUNCH:-jar}
jar=${JAR:-target/spareflow-0.1.0-SNAPSHOT.jar}
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
http=$(free_port); pg=$(free_port); smtp=$(free_port); imap=$(free_port)
kind=warm; [ -d "$data/pgdata" ] || kind=cold
mkdir -p "$data"
data=$(cd "$data" && pwd)
args=(--server.port="$http" --spareflow.embedded-postgres.port="$pg" --spareflow.embedded-postgres.data-directory="$data/pgdata"
  --spareflow.embedded-mail.smtp-port="$smtp" --spareflow.embedded-mail.imap-port="$imap")
load_start=$(cut -d' ' -f1 /proc/loadavg)
start=$(date +%s.%N)
case $launch in
  jar)
    if [ "${CDS:-0}" = 1 ]; then launcher=($(scripts/cds.sh --options)); else launcher=(-jar "$jar"); fi
    java "$@" "${launcher[@]}" "${args[@]}" >"$data/log-$kind.txt" 2>&1 & ;;
  script)
    JAVA_OPTS="$*" scripts/run.sh "${args[@]}" >"$data/log-$kind.txt" 2>&1 & ;;
  run)
    mvn -q -o spring-boot:run -Dspring-boot.run.arguments="${args[*]}" ${1:+-Dspring-boot.run.jvmArguments="$*"} \
      >"$data/log-$kind.txt" 2>&1 & ;;
  *) echo "LAUNCH is jar, script or run" >&2; exit 2 ;;
esac
pid=$!
# the service's JVM: the launched one, or under LAUNCH=run Maven's child (which outlives Maven when Maven is killed)
jvm() { if [ "$launch" = run ]; then pgrep -P $pid java || true; else echo $pid; fi; }
stop() {
  if [ "$launch" = run ]; then local j; j=$(jvm); [ -n "$j" ] && kill $j 2>/dev/null && while kill -0 $j 2>/dev/null; do sleep 0.2; done; fi
  kill $pid 2>/dev/null; wait $pid 2>/dev/null || true
}
trap stop EXIT
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' /proc/$1/stat; }
maven=""
until curl -s "http://127.0.0.1:$http/actuator/health" 2>/dev/null | tee -a "$data/health-$kind.txt" | grep -q '"status":"UP"'; do echo " $(date +%T.%N)" >>"$data/health-$kind.txt"
  kill -0 $pid 2>/dev/null || { echo "service died, see $data/log-$kind.txt" >&2; exit 1; }
  if [ "$launch" = run ] && [ -z "$maven" ] && [ -n "$(jvm)" ]; then
    maven=$(printf ' maven %.1f s (CPU %s s)' "$(echo "$(date +%s.%N) - $start" | bc)" "$(cpu_of $pid)")
  fi
  sleep 0.2
done
end=$(date +%s.%N)
# CPU time the JVM used up to UP (user + system, all its threads), next to the wall time: on a shared machine the
# wall time depends on the other processes, the CPU time much less.
cpu=$(cpu_of "$(jvm)")
printf 'startup %s %.1f s (JVM CPU %s s) load %s %s%s\n' "$kind" "$(echo "$end - $start" | bc)" "$cpu" "$load_start" "$(cut -d' ' -f1 /proc/loadavg)" "$maven"
