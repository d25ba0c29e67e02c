#!/usr/bin/env bash
# The flagship's chapter-2 aggregations on generated incidents, in memory and by DuckDB over Parquet,
# against the same SQL run directly in DuckDB (the floor): wall time and peak heap, one JVM per way.
#   bench/sql.sh [rows] [runs]     # defaults: 1000000 rows, 3 runs; MVN_ARGS=-o for Maven offline
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
runs=${2:-3}
mkdir -p target/bench
mvn -q ${MVN_ARGS:-} -pl report-maven-plugin test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/target/bench/classpath.txt" -DincludeScope=test
module="$PWD/report-maven-plugin/target"
cp="$module/test-classes:$module/classes:$(cat target/bench/classpath.txt)"
java -Xmx2g -cp "$cp" org.threatreport.bench.SqlBenchmark prepare . "$rows"
for mode in memory parquet floor; do
  java -Xmx${HEAP:-2g} -cp "$cp" org.threatreport.bench.SqlBenchmark "$mode" . "$runs"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
