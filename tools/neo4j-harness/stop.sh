#!/usr/bin/env bash
# Stop the Neo4j test server started by start.sh (uses the pid file in the run dir).
# Idempotent: a missing pid file or a dead process is not an error.
#   NEO4J_HARNESS_RUN_DIR  run dir (default: tools/neo4j-harness/run)
#   NEO4J_HARNESS_STOP_TIMEOUT  seconds to wait after SIGTERM before SIGKILL (default: 30)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN_DIR="${NEO4J_HARNESS_RUN_DIR:-$HERE/run}"
TIMEOUT="${NEO4J_HARNESS_STOP_TIMEOUT:-30}"
PID_FILE="$RUN_DIR/neo4j.pid"
URI_FILE="$RUN_DIR/bolt-uri"
LOG="$RUN_DIR/neo4j.log"

say() { printf '[neo4j-harness] %s\n' "$*" >&2; }

# Alive and not a zombie (an exited child of a slow reaper still answers kill -0).
alive() {
    local state
    kill -0 "$1" 2>/dev/null || return 1
    state="$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null || true)"
    [[ -n "$state" && "$state" != Z ]]
}

is_ours() {
    local pid="$1"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    alive "$pid" || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'neo4j-harness-launcher\.jar'
}

if [[ ! -f "$PID_FILE" ]]; then
    say "not running (no $PID_FILE)"
    exit 0
fi

mkdir -p "$RUN_DIR"
exec 9>"$RUN_DIR/.lock"
flock -w 300 9 || { say "ERROR: could not lock $RUN_DIR/.lock"; exit 1; }

pid="$(cat "$PID_FILE" 2>/dev/null || true)"
if ! is_ours "$pid"; then
    say "not running (stale pid ${pid:-?}); cleaning up"
    rm -f "$PID_FILE" "$URI_FILE"
    exit 0
fi

say "stopping pid $pid"
kill -TERM "$pid"
waited=0
while alive "$pid"; do
    if ((waited >= TIMEOUT * 5)); then
        say "still alive after ${TIMEOUT}s; sending SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
        sleep 0.5
        break
    fi
    sleep 0.2
    waited=$((waited + 1))
done
if alive "$pid"; then
    say "ERROR: pid $pid survived SIGKILL"
    [[ -s "$LOG" ]] && tail -n 20 "$LOG" >&2
    exit 1
fi
# Best effort: give PID 1 a moment to reap the exited process so `pgrep java` comes back empty.
for _ in $(seq 1 25); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
done
rm -f "$PID_FILE" "$URI_FILE"
rm -rf "$RUN_DIR/data"
say "stopped"
