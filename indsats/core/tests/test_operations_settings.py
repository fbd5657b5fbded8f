"""Operations settings (C13): the cache address, JSON log lines, SQLite under concurrency."""

import json
import logging
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import RequestFactory

from indsats.core.logging import JsonLinesFormatter
from indsats.core.tests.test_settings import _manage
from indsats.env import parse_cache_url


@pytest.mark.parametrize(
    ("url", "backend", "location"),
    [
        ("locmem://", "django.core.cache.backends.locmem.LocMemCache", None),
        ("db://", "django.core.cache.backends.db.DatabaseCache", "indsats_cache"),
        ("db://page_cache", "django.core.cache.backends.db.DatabaseCache", "page_cache"),
    ],
)
def test_it_reads_a_cache_address(url, backend, location):
    cache = parse_cache_url("CACHE_URL", url)
    assert cache["BACKEND"] == backend
    assert cache.get("LOCATION") == location


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("redis://cache:6379/0", "must start with locmem:// or db://"),
        ("memory", "is not a cache address"),
        ("db://cache; drop table", "the table name may hold only"),
    ],
)
def test_it_refuses_a_cache_address_it_cannot_use(url, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        parse_cache_url("CACHE_URL", url)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"LOG_FORMAT": "xml"}, "LOG_FORMAT='xml' must be one of: text, json"),
        ({"LOG_LEVEL": "loud"}, "LOG_LEVEL='loud' must be one of"),
        ({"CACHE_URL": "memcached://x"}, "CACHE_URL='memcached://x' must start with"),
        ({"DATABASE_CONN_MAX_AGE": "-1"}, "DATABASE_CONN_MAX_AGE=-1 must be at least 0"),
    ],
)
def test_it_refuses_to_start_on_a_bad_operations_setting(env, message):
    if "DATABASE_CONN_MAX_AGE" in env:
        env["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/indsats"
    result = _manage("check", **env)
    assert result.returncode != 0
    assert message in result.stderr


def _record(name="indsats", message="Ansøgning %s sendt", args=("TF-2027-0001",), **extra):
    record = logging.LogRecord(name, logging.WARNING, __file__, 1, message, args, None)
    record.__dict__.update(extra)
    return record


def test_it_writes_a_log_record_as_one_json_line():
    line = JsonLinesFormatter().format(_record())
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "indsats"
    assert entry["message"] == "Ansøgning TF-2027-0001 sendt"
    assert entry["time"].endswith("+00:00")


def test_it_names_the_request_of_a_django_error_without_its_query_string():
    request = RequestFactory().get("/sagsbehandling/?q=Jens+Hansen")
    try:
        raise ValueError("kan ikke læse svaret")
    except ValueError:
        record = _record("django.request", "Server Error: %s", (request.path,))
        record.exc_info = sys.exc_info()
    record.request, record.status_code = request, 500
    entry = json.loads(JsonLinesFormatter().format(record))
    assert entry["method"] == "GET"
    assert entry["path"] == "/sagsbehandling/"
    assert entry["status"] == 500
    assert "ValueError: kan ikke læse svaret" in entry["exception"]
    assert "Jens" not in json.dumps(entry)


def test_it_gives_gunicorns_access_log_its_own_fields():
    atoms = {"h": "10.0.0.7", "m": "GET", "U": "/forloeb/", "s": "200", "B": 5120, "D": 8300}
    record = _record("gunicorn.access", '%(h)s "%(m)s %(U)s" %(s)s', ())
    record.args = atoms
    entry = json.loads(JsonLinesFormatter().format(record))
    assert entry["message"] == '10.0.0.7 "GET /forloeb/" 200'
    assert entry["path"] == "/forloeb/"
    assert entry["status"] == 200
    assert entry["duration_ms"] == 8.3
    assert entry["remote_addr"] == "10.0.0.7"


@pytest.mark.django_db
def test_it_runs_sqlite_with_immediate_transactions_and_a_busy_timeout():
    if connection.vendor != "sqlite":
        assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True
        assert connection.settings_dict["CONN_MAX_AGE"] > 0
        return
    assert connection.transaction_mode == "IMMEDIATE"
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA busy_timeout")
        assert cursor.fetchone()[0] == 20_000
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == 1  # NORMAL
