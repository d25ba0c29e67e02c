#!/usr/bin/env bash
# Runs the benchmark of docs/benchmarks.md and rewrites its generated part. From anywhere:
#
#   bench/run.sh [--rows 1000000] [--runs 5] [--only load,pandas,figures,build] [--no-doc]
#   bench/run.sh --series [--rows 1000000] [--years 10] [--runs 5] [--no-doc]
#
# --series runs org.threatreport.bench.SeriesBenchmark instead: a table of many years (the codebook of
# src/it/report-series), loaded and aggregated as a report of 2017 does, beside bench/pandas_series.py.
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
# The plugin's class path as Maven runs it: its own libraries and those Maven provides (compile scope),
# not its tests'.
mvn -q ${MVN_ARGS:-} -pl report-maven-plugin test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/target/bench/classpath.txt" -DincludeScope=compile
module="$PWD/report-maven-plugin/target"
command="bench/run.sh${*:+ $*}"
main=org.threatreport.bench.Benchmarks
if [[ "${1:-}" == "--series" ]]; then
    main=org.threatreport.bench.SeriesBenchmark
    shift
fi
exec java -Xmx2g -cp "$module/test-classes:$module/classes:$(cat target/bench/classpath.txt)" \
    "$main" --command "$command" "$@"
