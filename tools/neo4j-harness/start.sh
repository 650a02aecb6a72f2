#!/usr/bin/env bash
# Start an in-process Neo4j 5.26 LTS test server (Bolt only, 127.0.0.1, no auth) in the background.
#
#   eval "$(tools/neo4j-harness/start.sh)"     # sets NEO4J_URI=bolt://127.0.0.1:PORT
#   tools/neo4j-harness/stop.sh
#
# Builds target/neo4j-harness-launcher.jar (+ target/lib/) with Maven when it is missing or older than
# pom.xml / the sources; with a jar present no Maven call is made (works offline).
# Idempotent: if the server recorded in the run dir is alive, prints its export line again.
# Only the `export ...` line goes to stdout; progress and errors go to stderr.
#
# Environment (all optional):
#   NEO4J_HARNESS_RUN_DIR        run dir for pid/uri/log/store    (default: tools/neo4j-harness/run)
#   NEO4J_HARNESS_START_TIMEOUT  seconds to wait for Bolt          (default: 180)
#   NEO4J_HARNESS_HEAP           -Xmx value                        (default: 1g)
#   NEO4J_HARNESS_PORT           fixed Bolt port                   (default: 0 = a free port)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
RUN_DIR="${NEO4J_HARNESS_RUN_DIR:-$HERE/run}"
JAR="$HERE/target/neo4j-harness-launcher.jar"
TIMEOUT="${NEO4J_HARNESS_START_TIMEOUT:-180}"
HEAP="${NEO4J_HARNESS_HEAP:-1g}"
PORT="${NEO4J_HARNESS_PORT:-0}"

PID_FILE="$RUN_DIR/neo4j.pid"
URI_FILE="$RUN_DIR/bolt-uri"
OUT_LOG="$RUN_DIR/launcher.out"
LOG="$RUN_DIR/neo4j.log"
DATA_DIR="$RUN_DIR/data"

say() { printf '[neo4j-harness] %s\n' "$*" >&2; }
die() {
    say "ERROR: $*"
    if [[ -s "$LOG" ]]; then
        say "last 40 lines of $LOG:"
        tail -n 40 "$LOG" >&2
    fi
    exit 1
}

# True if PID is alive and is our launcher (guards against a recycled pid).
is_ours() {
    local pid="$1"
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'neo4j-harness-launcher\.jar'
}

command -v java >/dev/null 2>&1 || die "java not found on PATH (need a JDK/JRE 17 or newer)"
java_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
java_major="${java_major#1.}"
[[ "$java_major" =~ ^[0-9]+$ && "$java_major" -ge 17 ]] ||
    die "Java 17 or newer is required (found java.specification.version='${java_major:-?}')"

mkdir -p "$RUN_DIR"
# Serialise concurrent start/stop calls.
exec 9>"$RUN_DIR/.lock"
flock -w "$((TIMEOUT + 600))" 9 || die "could not lock $RUN_DIR/.lock"

if [[ -f "$PID_FILE" ]]; then
    old_pid="$(cat "$PID_FILE" 2>/dev/null || true)"
    if is_ours "$old_pid" && [[ -s "$URI_FILE" ]]; then
        say "already running (pid $old_pid)"
        printf 'export NEO4J_URI=%s\n' "$(head -n 1 "$URI_FILE")"
        exit 0
    fi
    say "removing stale pid file (pid ${old_pid:-?} is not running)"
    rm -f "$PID_FILE" "$URI_FILE"
fi

needs_build=0
if [[ ! -f "$JAR" || ! -d "$HERE/target/lib" ]]; then
    needs_build=1
elif [[ "$HERE/pom.xml" -nt "$JAR" ]] ||
    [[ -n "$(find "$HERE/src" -newer "$JAR" -type f -print -quit 2>/dev/null)" ]]; then
    if command -v mvn >/dev/null 2>&1; then
        needs_build=1
    else
        say "sources are newer than $JAR but mvn is missing; using the existing jar"
    fi
fi
if [[ "$needs_build" == 1 ]]; then
    command -v mvn >/dev/null 2>&1 || die "$JAR is missing and mvn (Maven 3.8+) is not on PATH"
    say "building launcher with Maven (first build downloads ~150 MB into ~/.m2) ..."
    build_log="$RUN_DIR/build.log"
    if ! (cd "$HERE" && mvn -q -B package -DskipTests) >"$build_log" 2>&1; then
        say "Maven build failed; last 40 lines of $build_log:"
        tail -n 40 "$build_log" >&2
        exit 1
    fi
    [[ -f "$JAR" ]] || die "Maven finished but $JAR was not produced"
fi

rm -rf "$DATA_DIR"
: >"$OUT_LOG"
: >"$LOG"
say "starting Neo4j (log: $LOG)"
start_s=$SECONDS
nohup java "-Xmx$HEAP" \
    --add-opens=java.base/java.nio=ALL-UNNAMED \
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    --add-opens=java.base/java.io=ALL-UNNAMED \
    -jar "$JAR" "$URI_FILE" --workdir "$DATA_DIR" --port "$PORT" --no-stdin \
    </dev/null >"$OUT_LOG" 2>"$LOG" 9>&- &
pid=$!
echo "$pid" >"$PID_FILE"

uri=""
while :; do
    line="$(grep -m 1 '^BOLT_URI=' "$OUT_LOG" 2>/dev/null || true)"
    if [[ -n "$line" ]]; then
        uri="${line#BOLT_URI=}"
        break
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
        rc=0
        wait "$pid" 2>/dev/null || rc=$?
        rm -f "$PID_FILE"
        die "launcher exited (status $rc) before Bolt was ready"
    fi
    if ((SECONDS - start_s >= TIMEOUT)); then
        kill -TERM "$pid" 2>/dev/null || true
        sleep 2
        kill -KILL "$pid" 2>/dev/null || true
        rm -f "$PID_FILE"
        die "Bolt not ready after ${TIMEOUT}s (killed pid $pid)"
    fi
    sleep 0.2
done

printf '%s\n' "$uri" >"$URI_FILE"
say "ready in $((SECONDS - start_s))s: $uri (pid $pid)"
printf 'export NEO4J_URI=%s\n' "$uri"
