#!/usr/bin/env bash
# Two Spareflow nodes on one PostgreSQL and one mail server, all on this machine and on loopback only.
#   scripts/cluster.sh start   run them until Ctrl-C (nodes on 127.0.0.1:18081 and :18082)
#   scripts/cluster.sh check   drive cases, scans and 40 status mails through both nodes with one-minute limits, then
#                              check: every timer fired once, every mail answered once, no ERROR lines (exit 1 if not)
#   scripts/cluster.sh timers  timers due at the same instant beside a backlog, first on node a alone, then on both
#                              (docs/performance.md, "Timers due at the same moment"); TIMERS_OPEN (100000), TIMERS_DUE
#                              (10000); writes target/cluster/timers.md
# Needs only Java and Maven (PostgreSQL and the mail server are the embedded ones of the test classpath). Builds the
# jar if it is missing. Environment: CLUSTER_BASE_PORT (18080: nodes +1/+2, PostgreSQL +10, SMTP +25, IMAP +43),
# CLUSTER_TIMEOUT (seconds, 900). Logs in target/cluster/. See docs/operations.md, "Several nodes on one database".
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-check}"
case "$mode" in start|check|timers) ;; *) echo "usage: $0 start|check|timers" >&2; exit 2 ;; esac

jar=$(ls target/spareflow-*.jar 2>/dev/null | grep -v -e '-plain' -e '\.original' | head -1 || true)
if [ -z "$jar" ] || [ ! -d target/test-classes/io/spareflow/cluster ]; then
  mvn -q -B -DskipTests package
  jar=$(ls target/spareflow-*.jar | grep -v -e '-plain' -e '\.original' | head -1)
fi
mkdir -p target/cluster
rm -f target/cluster/*.log target/cluster/*.out
mvn -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/cluster/classpath.txt >/dev/null

run=(java -Dcluster.jar="$jar" -Dcluster.dir=target/cluster -Dcluster.base-port="${CLUSTER_BASE_PORT:-18080}"
     -Dtimers.open="${TIMERS_OPEN:-100000}" -Dtimers.due="${TIMERS_DUE:-10000}"
     -cp "target/test-classes:target/classes:$(cat target/cluster/classpath.txt)" io.spareflow.cluster.ClusterRun "$mode")
if [ "$mode" != start ]; then
  timeout --kill-after=30 "${CLUSTER_TIMEOUT:-900}" "${run[@]}"
else
  exec "${run[@]}"
fi
