"""gunicorn in production mode on 127.0.0.1 for the benchmarks (#11, C13).

Starts ``gunicorn --config gunicorn.conf.py`` (the ops settings: workers from the cores,
gthread) with production settings against the bench database, after ``collectstatic``
(into a temporary folder) and ``createcachetable``; waits until /healthz answers. The
requests must carry ``X-Forwarded-Proto: https``, as the TLS proxy in front would send.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import secrets
import subprocess
import tempfile
import time
from pathlib import Path

from benchdb import ROOT  # first: it puts the project on the path

from indsats.testing.server import free_port

PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "Host": "127.0.0.1"}
STATIC_ROOT = Path(tempfile.gettempdir()) / "indsats-bench" / "static"  # kept between runs


def production_environment(database_url: str, port: int, static_root: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        {
            "INDSATS_MODE": "production",
            "DEBUG": "off",
            # The caller's key if it has one (sessions it made must stay valid), else a new one.
            "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(60),
            "ALLOWED_HOSTS": "127.0.0.1",
            "SITE_URL": "https://indsats.bench.test",
            "DATABASE_URL": database_url,
            "STATIC_ROOT": static_root,
            "PORT": str(port),
            "LOG_LEVEL": "WARNING",
            "EMAIL_BACKEND": "locmem",
        }
    )
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return env


def wait_until_healthy(port: int, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz", headers=PROXY_HEADERS)
            if connection.getresponse().status == 200:
                return
        time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer /healthz on port {port} within {seconds} s")


def _static_is_current() -> bool:
    """Whether the collected files are newer than every source of them (collectstatic
    compresses every file again, half a minute of CPU that the figures need not wait for)."""
    manifest = STATIC_ROOT / "staticfiles.json"
    if not manifest.exists():
        return False
    sources = [ROOT / "package-lock.json", *(ROOT / "indsats").rglob("static/**/*")]
    newest = max(path.stat().st_mtime for path in sources if path.is_file())
    return manifest.stat().st_mtime > newest


@contextlib.contextmanager
def gunicorn(database_url: str, *, workers: int | None = None, log=print):
    """Yield the port of a running gunicorn; stop it (and only it) afterwards."""
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="indsats-bench-") as folder:
        env = production_environment(database_url, port, str(STATIC_ROOT))
        if workers:
            env["WEB_CONCURRENCY"] = str(workers)
        commands = [["createcachetable"]]
        if not _static_is_current():
            commands.insert(0, ["collectstatic", "--no-input", "--clear"])
        for command in commands:
            subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
                [str(PYTHON), "manage.py", *command, "--verbosity", "0"],
                cwd=ROOT,
                env=env,
                check=True,
            )
        error_log = Path(folder) / "gunicorn.log"
        with error_log.open("w") as errors:
            process = subprocess.Popen(  # noqa: S603 - our own gunicorn and config
                [str(GUNICORN), "--config", "gunicorn.conf.py", "--access-logfile", "/dev/null"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=errors,
            )
            try:
                wait_until_healthy(port)
                log(f"gunicorn: pid {process.pid} on 127.0.0.1:{port} (production mode)")
                yield port
            finally:
                process.terminate()
                try:
                    process.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        problems = [
            line
            for line in error_log.read_text(errors="replace").splitlines()
            if "Traceback" in line or " ERROR " in line
        ]
        if problems:
            log(f"gunicorn: {len(problems)} error lines in its log, e.g. {problems[0]}")
