#!/usr/bin/env bash
# Regenerates the library-derived calendar files in src/main/resources/data/calendars/generated and their index generated.csv
# (country,year,provisional,source) for the years given, e.g. tools/calendars/generate.sh 2026 2027.
# Build time only: the service reads the files and never runs a generator. Official announcements (sources.csv)
# are written by hand and are not touched.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../../src/main/resources/data/calendars/generated"
mkdir -p "$out"
years=("$@")
[ ${#years[@]} -gt 0 ] || { echo "usage: $0 YEAR..." >&2; exit 2; }

mvn -B -q -f "$here/pom.xml" dependency:build-classpath -Dmdep.outputFile="$here/target/classpath.txt"
version=$(sed -n "s:.*<jollyday.version>\(.*\)</jollyday.version>.*:\1:p" "$here/pom.xml")
npm install --prefix "$here" --no-audit --no-fund --silent

index=$(mktemp)
java -cp "$(cat "$here/target/classpath.txt")" "$here/JollydayCalendars.java" "$here/countries.csv" "$out" "$version" "${years[@]}" \
  | grep -v '^SLF4J' >> "$index"
node "$here/date-holidays-calendars.mjs" "$here/countries.csv" "$out" "${years[@]}" >> "$index"
{ echo "country,year,provisional,source"; sort "$index"; } > "$out/generated.csv"
rm -f "$index"
echo "wrote $(($(wc -l < "$out/generated.csv") - 1)) calendar years to $out"
