#!/usr/bin/env bash
# briefing-service benchmark: 10,000 households due in the same minute, composed and delivered to a
# stub Telegram server, then compose p99 for a household with 10,000 memories. Not a test.
# Usage (from the repository root): bench/briefing-bench.sh [-Dhouseholds=10000 -Dmemories=10000]
set -euo pipefail
cd "$(dirname "$0")/.."
# builds the module and what it needs (and installs them, so the classpath below is current)
./mvnw -q -B -pl briefing-service -am install -DskipTests -Dspotless.check.skip=true
./mvnw -q -B -pl briefing-service dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/briefing-bench.classpath
exec java -Xmx2g -Dstevens.tests.embedded=true "$@" \
    -cp "briefing-service/target/test-classes:briefing-service/target/classes:$(cat briefing-service/target/briefing-bench.classpath)" \
    dev.stevens.briefing.bench.BriefingBenchmark
