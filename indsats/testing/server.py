"""The production server (scripts/serve.sh: gunicorn in production mode) run by a test.

``serving(tmp_path)`` starts it on a free port of 127.0.0.1 with its own SQLite file,
media and static folders under ``tmp_path``, waits until /healthz answers and stops the
server again (its whole process group, which this test started) when the block ends.
``serving_on_the_suites_database(tmp_path)`` does the same on the kind of database the
suite runs on: that SQLite file, or a scratch PostgreSQL database beside the test database.
"""

from __future__ import annotations

import http.client
import os
import secrets
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import dj_database_url
import psycopg
from psycopg import sql

PROJECT_DIR = Path(__file__).resolve().parents[2]

# Settings of the test process that must not leak into the server.
_NOT_INHERITED = {
    "DATABASE_URL",
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "INDSATS_MODE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
    "DJANGO_SETTINGS_MODULE",
    "CACHE_URL",
    "LOG_FORMAT",
}


@dataclass
class RunningServer:
    host: str
    port: int
    database_url: str
    environ: dict
    log_path: Path

    def request(self, method: str, path: str, headers=None, body=None):
        """(status, headers, body) of one request, as if through the TLS proxy."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=60)
        try:
            connection.request(
                method,
                path,
                body=body,
                headers={"Host": self.host, "X-Forwarded-Proto": "https", **(headers or {})},
            )
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_environ(tmp_path: Path, **overrides) -> dict:
    """The environment of a production server whose every file lives under ``tmp_path``."""
    environ = {key: value for key, value in os.environ.items() if key not in _NOT_INHERITED}
    environ.update(
        {
            "SECRET_KEY": secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": "https://indsats.example",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'indsats.sqlite3'}",
            "MEDIA_ROOT": str(tmp_path / "media"),
            "STATIC_ROOT": str(tmp_path / "static"),
            "EMAIL_BACKEND": "locmem",
            "PORT": str(free_port()),
            # The machine is shared: two processes of two threads are enough for a test.
            "WEB_CONCURRENCY": "2",
            "GUNICORN_THREADS": "2",
            **overrides,
        }
    )
    return environ


@contextmanager
def serving(tmp_path: Path, startup_seconds: float = 180, **overrides) -> Iterator[RunningServer]:
    environ = server_environ(tmp_path, **overrides)
    log_path = tmp_path / "serve.log"
    with log_path.open("wb") as log:
        process = subprocess.Popen(  # noqa: S603 - our own script, fixed arguments
            [str(PROJECT_DIR / "scripts" / "serve.sh")],
            cwd=PROJECT_DIR,
            env=environ,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stopped as a whole below
        )
    server = RunningServer(
        "127.0.0.1", int(environ["PORT"]), environ["DATABASE_URL"], environ, log_path
    )
    try:
        _wait_until_healthy(server, process, startup_seconds)
        yield server
    finally:
        _stop(process)


def _wait_until_healthy(server: RunningServer, process: subprocess.Popen, seconds: float):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"serve.sh stopped with {process.returncode}:\n{server.log()}")
        try:
            status, _headers, _body = server.request("GET", "/healthz")
        except OSError:
            status = None
        if status == 200:
            return
        time.sleep(0.5)
    raise RuntimeError(f"serve.sh did not answer /healthz in {seconds} s:\n{server.log()}")


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)  # gunicorn's graceful stop, workers included
    try:
        process.wait(timeout=40)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


@contextmanager
def scratch_postgresql_database(suffix: str) -> Iterator[str]:
    """A new, empty PostgreSQL database beside the suite's, dropped afterwards; its URL."""
    settings = dj_database_url.parse(os.environ["DATABASE_URL"])
    name = f"{settings['NAME']}_{suffix}"[:63]  # PostgreSQL's longest name
    server = {
        "host": settings["HOST"] or "127.0.0.1",
        "port": settings["PORT"] or 5432,
        "user": settings["USER"] or "postgres",
        "password": settings["PASSWORD"] or None,
    }
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(drop)
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        credentials = quote(server["user"])
        if server["password"]:
            credentials += ":" + quote(server["password"])
        yield f"postgres://{credentials}@{server['host']}:{server['port']}/{name}"
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(drop)


def suite_runs_on_postgresql() -> bool:
    return os.environ.get("DATABASE_URL", "").startswith("postgres")


@contextmanager
def serving_on_the_suites_database(tmp_path: Path, **overrides) -> Iterator[RunningServer]:
    """``serving`` on a SQLite file when the suite runs on SQLite, and on a scratch
    PostgreSQL database when it runs on PostgreSQL, so each run proves its own database."""
    if not suite_runs_on_postgresql():
        with serving(tmp_path, **overrides) as server:
            yield server
        return
    # One name per xdist worker (gw0, gw1, ...), as the test databases are named.
    suffix = f"served_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}"
    with (
        scratch_postgresql_database(suffix) as database_url,
        serving(tmp_path, DATABASE_URL=database_url, **overrides) as server,
    ):
        yield server
