"""A real Neo4j 5.26 LTS server for tests.

Resolution order (:func:`neo4j_uri`):

1. ``NEO4J_URI`` is set: use that server, with ``NEO4J_USERNAME`` / ``NEO4J_PASSWORD`` (basic auth when
   a password is given) and ``NEO4J_DATABASE`` (``None`` means the server's default database).
   ``eval "$(tools/neo4j-harness/start.sh)"`` sets it.
2. Java 17+ is on ``PATH`` and ``tools/neo4j-harness/target/neo4j-harness-launcher.jar`` exists (or
   ``mvn`` can build it): start the launcher as a child process (Bolt on 127.0.0.1, a free port, no
   auth) and stop it at the end of the session. The child also stops by itself if this process dies,
   because it exits when its stdin closes.
3. Otherwise Neo4j is unavailable: :class:`Neo4jUnavailable` carries the reason. The ``neo4j_server``
   fixture turns it into a skip, or into a failure when ``CI`` is true.

Use it from a test module (or from ``tests/conftest.py``)::

    from tests.neo4j_harness import neo4j_server  # noqa: F401

    def test_x(neo4j_server):
        with neo4j.GraphDatabase.driver(neo4j_server, auth=neo4j_server.auth) as driver:
            driver.execute_query("RETURN 1", database_=neo4j_server.database)

The fixture yields a :class:`Neo4jURI`: a ``str`` (the Bolt URI) that also carries ``auth`` and
``database``.
"""

from __future__ import annotations

import atexit
import os
import queue
import re
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO

import pytest

ROOT = Path(__file__).resolve().parents[1]
HARNESS_DIR = ROOT / "tools" / "neo4j-harness"
JAR = HARNESS_DIR / "target" / "neo4j-harness-launcher.jar"

#: Same flags as tools/neo4j-harness/start.sh.
JAVA_FLAGS = (
    "-Xmx1g",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
)
START_TIMEOUT_S = float(os.environ.get("NEO4J_HARNESS_START_TIMEOUT", "180"))
BUILD_TIMEOUT_S = 1200.0
STOP_TIMEOUT_S = 30.0

SKIP_REASON = "Neo4j tests need Java 17 + Maven, or NEO4J_URI; run tools/neo4j-harness/start.sh"


class Neo4jUnavailable(RuntimeError):
    """No Neo4j server could be found or started; the message says why."""


class Neo4jURI(str):
    """A Bolt URI that also carries the credentials and database to use with it.

    >>> u = Neo4jURI("bolt://127.0.0.1:7687")
    >>> u == "bolt://127.0.0.1:7687", u.auth, u.database
    (True, None, None)
    """

    auth: tuple[str, str] | None
    database: str | None

    def __new__(cls, uri: str, auth: tuple[str, str] | None = None, database: str | None = None) -> Neo4jURI:
        self = super().__new__(cls, uri)
        self.auth = auth
        self.database = database
        return self


def in_ci() -> bool:
    """True when running under CI (``CI`` set to a true value such as ``true`` or ``1``)."""
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes", "on"}


def uri_from_env() -> Neo4jURI | None:
    """The server named by ``NEO4J_URI`` (+ ``NEO4J_USERNAME``/``PASSWORD``/``DATABASE``), if any."""
    uri = os.environ.get("NEO4J_URI", "").strip()
    if not uri:
        return None
    password = os.environ.get("NEO4J_PASSWORD")
    auth = (os.environ.get("NEO4J_USERNAME") or "neo4j", password) if password else None
    database = os.environ.get("NEO4J_DATABASE") or None
    return Neo4jURI(uri, auth=auth, database=database)


def java_major_version(java: str) -> int | None:
    """The major version of ``java``, or None if it cannot be run."""
    try:
        proc = subprocess.run(
            [java, "-XshowSettings:properties", "-version"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    m = re.search(r"java\.specification\.version = (?:1\.)?(\d+)", proc.stderr + proc.stdout)
    return int(m.group(1)) if m else None


def _jar_ready() -> bool:
    return JAR.is_file() and (JAR.parent / "lib").is_dir()


def build_launcher() -> None:
    """Build the launcher jar with Maven (a cold build downloads ~150 MB into ~/.m2)."""
    mvn = shutil.which("mvn")
    if mvn is None:
        raise Neo4jUnavailable(f"{SKIP_REASON} ({JAR.relative_to(ROOT)} is missing and mvn is not on PATH)")
    try:
        proc = subprocess.run(
            [mvn, "-q", "-B", "package", "-DskipTests"],
            cwd=HARNESS_DIR,
            capture_output=True,
            text=True,
            timeout=BUILD_TIMEOUT_S,
            check=False,
        )
    except subprocess.TimeoutExpired as e:
        raise Neo4jUnavailable(f"Maven build of the Neo4j launcher timed out after {e.timeout:.0f}s") from e
    if proc.returncode != 0 or not _jar_ready():
        tail = "\n".join((proc.stdout + proc.stderr).splitlines()[-40:])
        raise Neo4jUnavailable(f"Maven build of the Neo4j launcher failed (exit {proc.returncode}):\n{tail}")


def _tail(path: Path, n: int = 40) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-n:])
    except OSError:
        return "(no log)"


def _pump_lines(stream: IO[str], q: queue.Queue[str | None]) -> None:
    for line in stream:
        q.put(line)
    q.put(None)


class Launcher:
    """The launcher jar running as a child process."""

    def __init__(self, java: str, timeout: float = START_TIMEOUT_S) -> None:
        self.workdir = Path(tempfile.mkdtemp(prefix="mecfs-kg-neo4j-"))
        self.log_path = self.workdir / "neo4j.log"
        self._log = self.log_path.open("w")
        started = time.monotonic()
        self.proc = subprocess.Popen(
            [java, *JAVA_FLAGS, "-jar", str(JAR), "--workdir", str(self.workdir / "data")],
            stdin=subprocess.PIPE,  # the launcher exits when this closes (or when we die)
            stdout=subprocess.PIPE,
            stderr=self._log,
            text=True,
            cwd=self.workdir,
        )
        assert self.proc.stdout is not None
        lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=_pump_lines, args=(self.proc.stdout, lines), daemon=True).start()
        uri = None
        while uri is None:
            left = timeout - (time.monotonic() - started)
            try:
                line = lines.get(timeout=max(left, 0.01))
            except queue.Empty:
                self.stop()
                raise Neo4jUnavailable(
                    f"Neo4j launcher gave no BOLT_URI within {timeout:.0f}s; log tail:\n{_tail(self.log_path)}"
                ) from None
            if line is None:
                rc = self.proc.wait()
                self.stop()
                raise Neo4jUnavailable(
                    f"Neo4j launcher exited (status {rc}) before Bolt was ready; log tail:\n{_tail(self.log_path)}"
                )
            if line.startswith("BOLT_URI="):
                uri = line.strip().removeprefix("BOLT_URI=")
        self.uri = Neo4jURI(uri)
        self.startup_s = time.monotonic() - started

    def stop(self) -> None:
        """Stop the server (close stdin, then SIGTERM, then SIGKILL) and delete its files."""
        proc = self.proc
        if proc.poll() is None:
            try:
                if proc.stdin is not None:
                    proc.stdin.close()
                proc.wait(timeout=STOP_TIMEOUT_S)
            except (OSError, subprocess.TimeoutExpired):
                proc.terminate()
                try:
                    proc.wait(timeout=STOP_TIMEOUT_S)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
        self._log.close()
        shutil.rmtree(self.workdir, ignore_errors=True)


_launched: Launcher | None = None
_lock = threading.Lock()


def start_local_server() -> Neo4jURI:
    """Start (once per process) the launcher jar, building it first if needed."""
    global _launched
    with _lock:
        if _launched is not None and _launched.proc.poll() is None:
            return _launched.uri
        java = shutil.which("java")
        if java is None:
            raise Neo4jUnavailable(f"{SKIP_REASON} (java not found on PATH)")
        major = java_major_version(java)
        if major is None or major < 17:
            raise Neo4jUnavailable(f"{SKIP_REASON} (java on PATH is version {major}, need 17+)")
        if not _jar_ready():
            build_launcher()
        _launched = Launcher(java)
        atexit.register(stop_local_server)
        return _launched.uri


def stop_local_server() -> None:
    """Stop the server started by :func:`start_local_server`, if any (idempotent)."""
    global _launched
    with _lock:
        if _launched is not None:
            _launched.stop()
            _launched = None


def neo4j_uri() -> Neo4jURI:
    """The Neo4j to test against: ``NEO4J_URI`` or a freshly started local server.

    Raises :class:`Neo4jUnavailable` (message = the reason) when neither is possible.
    """
    return uri_from_env() or start_local_server()


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[Neo4jURI]:
    """Session-wide Neo4j Bolt URI (a :class:`Neo4jURI`). Skips without Java/Maven; fails under CI."""
    try:
        uri = neo4j_uri()
    except Neo4jUnavailable as e:
        if in_ci():
            pytest.fail(f"Neo4j unavailable under CI: {e}", pytrace=False)
        pytest.skip(str(e))
    try:
        yield uri
    finally:
        stop_local_server()
