#!/usr/bin/env bash
# Ingest speed (issue 4): 1 KB import events over HTTP batches into Kafka (acks=all) vs Kafka's own
# producer on the same in-process KRaft broker in the same run; then single-event POSTs at 1, 16 and
# 64 concurrent clients (throughput, p50, p99). Client, service and broker share this machine.
# Usage: bench/ingest-throughput.sh   (offline; builds ingest-service's test classes first)
set -euo pipefail
cd "$(dirname "$0")/.."
# builds the module and what it needs (and installs them, so the classpath below is current)
./mvnw -q -B -pl ingest-service -am install -DskipTests -Dspotless.check.skip=true
cp_file=ingest-service/target/bench.classpath
./mvnw -q -B -pl ingest-service dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$(pwd)/$cp_file" > /dev/null
exec java -Xmx1g -cp "ingest-service/target/test-classes:ingest-service/target/classes:$(cat "$cp_file")" \
  dev.stevens.ingest.bench.IngestBenchmark
