"""Settings come from the environment; a bad value stops the start with a clear message."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from hypothesis import given
from hypothesis import strategies as st

from indsats.env import Env

PROJECT_DIR = Path(__file__).resolve().parents[3]


def _manage(*args, **env_overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DATABASE_URL",
            "SECRET_KEY",
            "DEBUG",
            "ALLOWED_HOSTS",
            "INDSATS_MODE",
            "DJANGO_ALLOW_ASYNC_UNSAFE",  # set for the browser tests; production never has it
        }
    }
    env.update(env_overrides)
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _production(**overrides):
    return {
        "INDSATS_MODE": "production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "indsats.example",
        "SITE_URL": "https://indsats.example",
        **overrides,
    }


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DEBUG": "maybe"}, "DEBUG='maybe' is not a yes/no value"),
        ({"INDSATS_MODE": "staging"}, "INDSATS_MODE='staging' must be one of"),
        ({"DATABASE_URL": "mysql://root@localhost/indsats"}, "must point to SQLite or PostgreSQL"),
        ({"DATABASE_URL": "nonsense://x"}, "DATABASE_URL is not a usable database address"),
        ({"EMAIL_PORT": "twenty-five"}, "EMAIL_PORT='twenty-five' is not a whole number"),
        (_production(SECRET_KEY=""), "SECRET_KEY must be set"),
        (_production(SECRET_KEY="short"), "SECRET_KEY must be at least 50 characters"),
        (_production(ALLOWED_HOSTS=""), "ALLOWED_HOSTS must name the host"),
        (_production(DEBUG="1"), "DEBUG must be off in production"),
        (_production(SITE_URL="http://indsats.example"), "SITE_URL must be the service"),
    ],
)
def test_it_refuses_to_start_on_a_bad_setting(env, message):
    result = _manage("check", **env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_it_passes_djangos_deployment_checks_in_production_mode():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **_production())
    assert result.returncode == 0, result.stderr + result.stdout


def test_it_reads_a_secret_from_a_file(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("from-a-file\n", encoding="utf-8")
    assert Env({"SECRET_KEY_FILE": str(secret)}).str("SECRET_KEY") == "from-a-file"


def test_it_refuses_a_secret_given_both_ways(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("x", encoding="utf-8")
    with pytest.raises(ImproperlyConfigured, match="either SECRET_KEY or SECRET_KEY_FILE"):
        Env({"SECRET_KEY": "y", "SECRET_KEY_FILE": str(secret)}).str("SECRET_KEY")


def test_it_names_a_secret_file_that_cannot_be_read(tmp_path):
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY_FILE points to"):
        Env({"SECRET_KEY_FILE": str(tmp_path / "missing")}).str("SECRET_KEY")


def test_it_splits_lists_on_commas_and_ignores_blanks():
    assert Env({"ALLOWED_HOSTS": "a.dk, b.dk,,"}).list("ALLOWED_HOSTS", []) == ["a.dk", "b.dk"]


def test_it_enforces_a_minimum_on_numbers():
    with pytest.raises(ImproperlyConfigured, match="must be at least 1"):
        Env({"EMAIL_PORT": "0"}).int("EMAIL_PORT", 25, minimum=1)


@given(st.sampled_from(["1", "true", "YES", "On", " yes "]))
def test_it_reads_every_spelling_of_yes(value):
    assert Env({"DEBUG": value}).bool("DEBUG", default=False) is True


@given(
    st.text().filter(
        lambda v: v.strip().lower() not in {"1", "true", "yes", "on", "0", "false", "no", "off", ""}
    )
)
def test_it_refuses_anything_that_is_not_yes_or_no(value):
    with pytest.raises(ImproperlyConfigured):
        Env({"DEBUG": value}).bool("DEBUG", default=False)
