#!/usr/bin/env bash
# End to end (issue 7): the whole stack in one JVM (three services, embedded KRaft broker, embedded
# PostgreSQL) driven with single POST /api/v1/imports at 100/s, 1,000/s and rising rates until it no
# longer keeps up; latency is POST start → memory on memory-service's changelog (after commit).
# Also the PSS/RSS of the JVM and of the PostgreSQL processes under load.
# Usage: bench/end-to-end.sh [seconds-per-phase=20] [client-threads=48] [one-jvm|per-service]
#   per-service: each service in its own process from its exec jar, with its own memory figures
#   (builds and installs the modules first)
set -euo pipefail
cd "$(dirname "$0")/.."
# builds the module and what it needs (and installs them, so the classpath below is current)
./mvnw -q -B -pl end-to-end-tests -am install -DskipTests -Dspotless.check.skip=true
cp_file=end-to-end-tests/target/bench.classpath
./mvnw -q -B -pl end-to-end-tests dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$(pwd)/$cp_file" > /dev/null
# the JVM flags of stevens-local, so the memory figures compare with the idle stack's
exec java -XX:+UseSerialGC -Xss512k -XX:MaxRAMPercentage=25 \
  -cp "end-to-end-tests/target/test-classes:$(cat "$cp_file")" \
  dev.stevens.e2e.bench.EndToEndBenchmark "$@"
