#!/usr/bin/env bash
# The flagship's chapter-2 aggregations on generated incidents in a distributed Trino (a coordinator and a
# worker started on this machine from the test dependency io.trino:trino-server), the rows as the Parquet
# file bench/sql.sh writes: our SQL checks and executor against the same SQL run directly over Trino's JDBC.
#   bench/trino.sh [rows] [runs] [heap per node]   # defaults: 10000000 rows, 3 runs, 3g; MVN_ARGS=-o offline
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-10000000}
runs=${2:-3}
heap=${3:-3g}
mkdir -p target/bench
mvn -q ${MVN_ARGS:-} -pl report-maven-plugin test-compile dependency:build-classpath \
    -Dmdep.outputFile="$PWD/target/bench/classpath.txt" -DincludeScope=test
module="$PWD/report-maven-plugin/target"
# the server tarball is a test dependency: its path is on the list, the rest is the class path
tarball=$(tr ':' '\n' < target/bench/classpath.txt | grep 'trino-server-.*\.tar\.gz$')
cp="$module/test-classes:$module/classes:$(tr ':' '\n' < target/bench/classpath.txt | grep -v '\.tar\.gz$' | paste -sd:)"
java -Xmx2g -cp "$cp" org.threatreport.bench.SqlBenchmark prepare . "$rows"
java -Xmx1g -Dtrino.server.tarball="$tarball" -cp "$cp" org.threatreport.bench.TrinoBenchmark . "$runs" "$heap"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
