#!/usr/bin/env bash
# Class-data sharing for `java -jar` (Spring Boot's documented CDS training run, on Java 17's dynamic archives):
#   scripts/cds.sh           extracts the built jar into target/cds/app/ and records the classes a start loads into
#                            target/cds/app.jsa (a training run: the default profile on free ports and a data
#                            directory of its own, stopped by -Dspring.context.exit=onRefresh once the context stands)
#   scripts/cds.sh --options prints the java options that start the extracted jar with that archive
# Start with: java $(scripts/cds.sh --options) [--server.port=…]. The archive is re-recorded when the jar is newer.
# It is safe: a JVM whose archive does not match (another JDK, another class path) warns and starts without it.
# It does not apply to `mvn spring-boot:run`: Java 17 writes no archive once a class came from a directory on the class
# path (target/classes). scripts/run.sh (the README's run command) starts an extracted jar with an archive it records
# by itself, C1-only, for development.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${JAR:-target/spareflow-0.1.0-SNAPSHOT.jar}
dir=target/cds
app=$dir/app/$(basename "$jar")
archive=$dir/app.jsa
if [ "${1:-}" = --options ]; then
  printf -- '-XX:SharedArchiveFile=%s -jar %s\n' "$archive" "$app"
  exit 0
fi
[ -f "$jar" ] || { echo "no $jar: run mvn package first" >&2; exit 1; }
if [ -f "$archive" ] && [ "$archive" -nt "$jar" ]; then
  echo "$archive is up to date"; exit 0
fi
rm -rf "$dir/app" "$archive"
java -Djarmode=tools -jar "$jar" extract --destination "$dir/app" >/dev/null
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
java -XX:ArchiveClassesAtExit="$archive" -Dspring.context.exit=onRefresh -jar "$app" \
  --server.port="$(free_port)" --spareflow.embedded-postgres.port="$(free_port)" \
  --spareflow.embedded-postgres.data-directory="$dir/training-pgdata" \
  --spareflow.embedded-mail.smtp-port="$(free_port)" --spareflow.embedded-mail.imap-port="$(free_port)" \
  >"$dir/training.log" 2>&1 || true
# the JVM exits at the refresh without closing the embedded PostgreSQL: stop it (fast shutdown) by its pid
pidfile=$dir/training-pgdata/postmaster.pid
if [ -f "$pidfile" ]; then
  postmaster=$(head -1 "$pidfile"); kill -INT "$postmaster" 2>/dev/null || true
  while kill -0 "$postmaster" 2>/dev/null; do sleep 0.2; done
fi
[ -f "$archive" ] || { echo "the training run wrote no archive, see $dir/training.log" >&2; exit 1; }
echo "$archive: $(du -h "$archive" | cut -f1), for java $(scripts/cds.sh --options)"
