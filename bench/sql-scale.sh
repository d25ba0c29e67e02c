#!/usr/bin/env bash
# The flagship's aggregations and its whole build on 10^6..10^8 generated incidents that stay where they
# lie: Parquet read by DuckDB (against the same SQL straight over DuckDB's JDBC, the floor) and, up to
# PG_MAX rows, a throw-away PostgreSQL. One JVM per measurement; the build's JVM gets HEAP (512m).
#   bench/sql-scale.sh [rows...]    # default: 1000000 10000000 100000000; MVN_ARGS=-o for Maven offline
#   RUNS=3 PG_MAX=10000000 HEAP=512m
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000000 10000000 100000000)
runs=${RUNS:-3}
mkdir -p target/bench
mvn -q ${MVN_ARGS:-} -pl report-maven-plugin test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/target/bench/classpath.txt" -DincludeScope=test
module="$PWD/report-maven-plugin/target"
cp="$module/test-classes:$module/classes:$(cat target/bench/classpath.txt)"
for rows in "${sizes[@]}"; do
  java -Xmx2g -cp "$cp" org.threatreport.bench.SqlScaleBenchmark prepare . "$rows"
  java -Xmx${HEAP:-512m} -cp "$cp" org.threatreport.bench.SqlScaleBenchmark aggregate . "$rows" "$runs"
  java -Xmx${HEAP:-512m} -cp "$cp" org.threatreport.bench.SqlScaleBenchmark floor . "$rows" "$runs"
  java -Xmx${HEAP:-512m} -cp "$cp" org.threatreport.bench.SqlScaleBenchmark build . "$rows"
  if [ "$rows" -le "${PG_MAX:-10000000}" ]; then
    java -Xmx${HEAP:-512m} -cp "$cp" org.threatreport.bench.SqlScaleBenchmark postgres . "$rows" "$runs"
  fi
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
