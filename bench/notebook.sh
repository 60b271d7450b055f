#!/usr/bin/env bash
# Notebook benchmark (issue 3): import apply rate vs raw JDBC batch insert, query latency with
# 1,000,000 memories across 1,000 households, write latency at 10k and 1M memories.
# Runs memory-service's NotebookBench main (test classpath) against an embedded PostgreSQL.
# Usage: bench/notebook.sh   (offline; needs the shared modules installed in ~/.m2)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o -pl memory-service test-compile -Dspotless.check.skip=true
./mvnw -q -B -o -pl memory-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath > /dev/null
cp="memory-service/target/test-classes:memory-service/target/classes:$(cat memory-service/target/bench.classpath)"
exec java -Xmx1g -cp "$cp" dev.stevens.memory.bench.NotebookBench
