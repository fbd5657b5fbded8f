"""gunicorn's settings for Indsats in production (scripts/serve.sh, `make serve`; C13).

gunicorn sits behind a TLS-terminating proxy (see "Drift" in README.md). Values come from
the environment, parsed as strictly as the Django settings; a command-line option or
GUNICORN_CMD_ARGS still overrides any of them.
"""

from __future__ import annotations

import os

from indsats.env import Env

env = Env()

wsgi_app = "indsats.wsgi:application"

# Only the proxy should reach gunicorn: Django trusts X-Forwarded-Proto (see
# SECURE_PROXY_SSL_HEADER), so a client talking to gunicorn directly could claim HTTPS.
# LISTEN_ADDRESS=0.0.0.0 when the proxy is on another host or in another container.
bind = f"{env.str('LISTEN_ADDRESS', default='127.0.0.1')}:{env.int('PORT', 8000, minimum=1)}"

# Processes for the CPU (template rendering) — gunicorn's advice, two per core plus one —
# counting the cores this process may use (a container's CPU set), not the machine's.
_cores = len(os.sched_getaffinity(0))
workers = env.int("WEB_CONCURRENCY", default=2 * _cores + 1, minimum=1)

# Threads for the waiting: most of a request is spent waiting on the database (and on
# SMTP or a PDF while those still run in the request); the GIL is released while waiting,
# so four threads per process serve more requests with far less memory than four times
# the processes. Each thread holds its own database connection: plan PostgreSQL's
# max_connections for hosts × WEB_CONCURRENCY × GUNICORN_THREADS (+ workers and psql).
threads = env.int("GUNICORN_THREADS", default=4, minimum=1)
worker_class = "gthread" if threads > 1 else "sync"

# A request that takes longer than this is cut off and its worker restarted; nothing the
# service does in a request should take more than a few seconds (SQLite's busy timeout is 20).
timeout = env.int("GUNICORN_TIMEOUT", default=30, minimum=1)
# On a restart (SIGHUP, SIGTERM) requests under way get this long to finish.
graceful_timeout = 30
# Longer than the proxy's idle timeout for upstream connections (nginx 60 s), so that
# gunicorn never closes a connection the proxy is just about to reuse.
keepalive = 75
# A fresh process now and then keeps slow memory growth (any library's) from piling up;
# the jitter stops all workers from restarting at once.
max_requests = 1000
max_requests_jitter = 100
# The heartbeat files live in memory, so a slow disk cannot make gunicorn kill workers.
_memory_dir = "/dev/shm"  # noqa: S108 - gunicorn's own files, not shared data
if os.path.isdir(_memory_dir):
    worker_tmp_dir = _memory_dir

# Which proxies may set X-Forwarded-Proto/-For for gunicorn itself: gunicorn reads the
# FORWARDED_ALLOW_IPS environment variable (default 127.0.0.1,::1, a proxy on this host);
# set it to the proxy's address when the proxy runs elsewhere. Not set here, so that the
# variable keeps working.

# Access log to stdout, errors to stderr, as the process manager or container collects
# them. The path without the query string, which may hold a search for a person's name.
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s %({x-forwarded-for}i)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
loglevel = env.choice("LOG_LEVEL", ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"), "INFO")

if env.choice("LOG_FORMAT", ("text", "json"), "text") == "json":
    _json_stream = {
        "class": "logging.StreamHandler",
        "formatter": "json",
        "stream": "ext://sys.stdout",
    }
    # gunicorn's loggers go to their own handlers only (not the root's too).
    logconfig_dict = {
        "formatters": {"json": {"()": "indsats.core.logging.JsonLinesFormatter"}},
        "handlers": {"console": _json_stream, "error_console": _json_stream},
        "loggers": {
            "gunicorn.error": {
                "level": loglevel,
                "handlers": ["error_console"],
                "propagate": False,
            },
            "gunicorn.access": {"level": "INFO", "handlers": ["console"], "propagate": False},
        },
    }
