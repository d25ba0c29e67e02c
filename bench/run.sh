#!/usr/bin/env bash
# Runs the benchmark of docs/benchmarks.md and rewrites its generated part. From anywhere:
#
#   bench/run.sh [--rows 1000000] [--runs 5] [--only load,pandas,figures,build] [--no-doc]
#
# Compiles the plugin and its tests (the benchmark lives in src/test/java/org/threatreport/bench,
# named so that Surefire never runs it), writes the test classpath, then starts
# org.threatreport.bench.Benchmarks, which generates target/bench/data/incidents.csv and starts one
# fresh JVM or Python process per cold run. Needs /usr/bin/python3 with pandas for the comparison
# (Debian: apt-get install -y python3-pandas); without it the pandas columns stay empty.
# MVN_ARGS adds Maven options, e.g. MVN_ARGS=-o for offline.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
mvn -q ${MVN_ARGS:-} -pl report-maven-plugin test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/target/bench/classpath.txt" -DincludeScope=runtime
module="$PWD/report-maven-plugin/target"
exec java -Xmx2g -cp "$module/test-classes:$module/classes:$(cat target/bench/classpath.txt)" \
    org.threatreport.bench.Benchmarks --command "bench/run.sh${*:+ $*}" "$@"
