#!/usr/bin/env bash
# Runs the scaling benchmark of docs/benchmarks.md ("What a report costs as it grows") and rewrites
# its generated part. From anywhere:
#
#   bench/scale.sh [--runs 5] [--axes incidents,chapters,figures,flagship] [--rows 1000,10000,100000,1000000]
#                  [--chapters 10,100,1000] [--figures 10,100,500] [--edits 15] [--pdf-chapters 100] [--no-doc]
#
# Needs the plugin installed in the local Maven repository (`mvn install` from the repository root,
# the README's first command): every generated project is built with a real `mvn -q site:report`.
# Compiles the plugin and its tests (the benchmark lives in src/test/java/org/threatreport/bench, named
# so that Surefire never runs it), writes the test classpath, then starts
# org.threatreport.bench.ScaleBenchmark, which generates the report projects under
# target/scale/projects/ and starts one fresh JVM per cold run. Peers, each optional: Hugo (Debian:
# apt-get install -y hugo) for the chapters axis, pandas (apt-get install -y python3-pandas) for
# the incidents axis; without them their columns stay empty.
# MVN_ARGS adds Maven options to every mvn command, e.g. MVN_ARGS=-o for offline.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/scale
# The plugin's class path as Maven runs it: its own libraries and those Maven provides (compile scope),
# not its tests'.
mvn -q ${MVN_ARGS:-} -pl report-maven-plugin test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/target/scale/classpath.txt" -DincludeScope=compile
module="$PWD/report-maven-plugin/target"
exec java -Xmx2g -cp "$module/test-classes:$module/classes:$(cat target/scale/classpath.txt)" \
    org.threatreport.bench.ScaleBenchmark --mvn-args "${MVN_ARGS:-}" --command "bench/scale.sh${*:+ $*}" "$@"
