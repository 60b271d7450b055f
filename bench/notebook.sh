#!/usr/bin/env bash
# Notebook benchmark (issue 3): import apply rate vs raw JDBC batch insert, query latency with
# 1,000,000 memories across 1,000 households, write latency at 10k and 1M memories.
# Runs memory-service's NotebookBench main (test classpath) against an embedded PostgreSQL.
# Usage: bench/notebook.sh   (builds and installs the modules it needs first)
set -euo pipefail
cd "$(dirname "$0")/.."
# builds the module and what it needs (and installs them, so the classpath below is current)
./mvnw -q -B -pl memory-service -am install -DskipTests -Dspotless.check.skip=true
./mvnw -q -B -pl memory-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath > /dev/null
cp="memory-service/target/test-classes:memory-service/target/classes:$(cat memory-service/target/bench.classpath)"
exec java -Xmx1g -cp "$cp" dev.stevens.memory.bench.NotebookBench
