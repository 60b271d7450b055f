#!/usr/bin/env bash
# Measures README command 1: seconds from launch until all three services answer readiness, and the
# memory (PSS, i.e. RSS with shared pages split fairly) of the running stack (the JVM plus the embedded PostgreSQL processes).
# Usage: bench/local-stack.sh   (uses a scratch STEVENS_HOME; the jar must be built: ./stevens-local builds it)
set -euo pipefail
cd "$(dirname "$0")/.."
export STEVENS_HOME="${STEVENS_HOME:-$(mktemp -d)}"
export STEVENS_KAFKA_PORT="${STEVENS_KAFKA_PORT:-29092}" STEVENS_POSTGRES_PORT="${STEVENS_POSTGRES_PORT:-25432}"
mkdir -p "$STEVENS_HOME"
log="$STEVENS_HOME/launcher.log"
start=$(date +%s.%N)
./stevens-local > "$log" 2>&1 &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
for port in 8081 8082 8083; do
  until curl -fsS "localhost:$port/actuator/health/readiness" > /dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { echo "launcher exited; see $log"; exit 1; }
    sleep 0.2
  done
done
ready=$(date +%s.%N)
java_pid=$(pgrep -f stevens-local-exec.jar | head -1)
# PSS (proportional set size) so PostgreSQL's shared buffers are not counted once per backend
pss() { awk '/^Pss:/ {s+=$2} END {print s+0}' "/proc/$1/smaps_rollup" 2>/dev/null || echo 0; }
jvm_kb=$(pss "$java_pid")
pg_kb=0
for p in $(pgrep -f "$STEVENS_HOME/postgres"); do pg_kb=$((pg_kb + $(pss "$p"))); done
printf 'ready_seconds=%.1f jvm_pss_mb=%d postgres_pss_mb=%d total_pss_mb=%d\n' \
  "$(echo "$ready - $start" | bc)" $((jvm_kb / 1024)) $((pg_kb / 1024)) $(((jvm_kb + pg_kb) / 1024))
# Ctrl-C must stop everything: the JVM and every PostgreSQL process
trap - EXIT
kill -TERM $pid   # background jobs ignore SIGINT; TERM runs the same shutdown hooks as Ctrl-C
stop_start=$(date +%s.%N)
wait $pid || true
printf 'stop_seconds=%.1f stray_processes=%d\n' "$(echo "$(date +%s.%N) - $stop_start" | bc)" \
  "$(pgrep -fc "$STEVENS_HOME" || true)"
