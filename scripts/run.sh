#!/usr/bin/env bash
# Runs the service, the README's first command: embedded PostgreSQL, embedded mail server, demo data on
# http://localhost:8080. Arguments go to the service (e.g. --server.port=8081, --spring.profiles.active=postgres);
# JAVA_OPTS to its JVM.
#   1. Builds the jar (mvn package, without the tests) when it is missing or older than the sources.
#   2. Extracts it into target/run/ (a plain jar beside its lib/, Spring Boot's way to class-data sharing): Java 17
#      archives classes from plain jars on the class path, not from the boot jar's nested ones, and writes no archive
#      once a class came from a directory such as target/classes (why `mvn spring-boot:run` cannot have one).
#   3. Starts it C1-only, as `mvn spring-boot:run` does (the start-up is too short for C2's code to pay off; a node in
#      production starts with `java -jar` and keeps C2, docs/operations.md), with the class-data archive of this
#      build and this JDK (classes mapped already parsed and verified). Without a usable one, this run records it
#      when the service stops (Ctrl-C), and the next start uses it. A start that fails still writes the classes it
#      loaded: a valid archive, only less complete; rm -rf target/run records anew.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/spareflow-0.1.0-SNAPSHOT.jar
dir=target/run
app=$dir/app/$(basename "$jar")
archive=$dir/app.jsa

if [ ! -f "$jar" ] || [ -n "$(find pom.xml src/main processes labels -newer "$jar" -print -quit)" ]; then
  echo "run.sh: building $jar (mvn package without the tests)"
  mvn -q -B package -DskipTests -Dmaven.test.skip=true # skipTests: nor the tests' tools (scripts/test-tools.sh)
  touch "$jar" # the build may leave an up-to-date jar as it was: it is now as new as the sources
fi
if [ ! -f "$app" ] || [ "$jar" -nt "$app" ]; then
  rm -rf "$dir"
  java -Djarmode=tools -jar "$jar" extract --destination "$dir/app" >/dev/null
fi

# The JVM itself decides whether an archive fits (this JDK build, these jars, their sizes and times): -Xshare:on makes
# a misfit an error, where the service's own launch would warn once and start without it, never recording a new one.
# A truncated archive (a recording JVM killed while writing) crashes even a JVM in the default -Xshare:auto: here only
# the check's, with its crash report and core dump turned off.
if [ -f "$archive" ] && java -Xshare:on -XX:SharedArchiveFile="$archive" -XX:ErrorFile=/dev/null -XX:-CreateCoredumpOnCrash \
    -cp "$app" -version >/dev/null 2>&1; then
  cds=(-XX:SharedArchiveFile="$archive")
else
  echo "run.sh: no class-data archive for this build and JDK yet; this run records $archive when the service stops" \
    "(stopping it takes longer, this once)"
  rm -f "$archive"
  # the JVM names each class it leaves out (old bytecode, optional dependencies absent): hundreds of lines, none a fault
  cds=(-XX:ArchiveClassesAtExit="$archive" -Xlog:cds*=error)
fi
# shellcheck disable=SC2086 # JAVA_OPTS holds several options
exec java -XX:TieredStopAtLevel=1 "${cds[@]}" ${JAVA_OPTS:-} -jar "$app" "$@"
