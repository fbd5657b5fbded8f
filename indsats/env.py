"""Strict reading of settings from the environment.

Every value is parsed once at start-up; a value that cannot be parsed raises
ImproperlyConfigured naming the variable, so a bad deploy fails loudly instead of
running with a silent default. A secret may come from ``NAME_FILE`` (a path whose
contents are the value), as container secrets are usually mounted.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


class Env:
    def __init__(self, environ: Mapping[str, str] | None = None):
        self.environ = os.environ if environ is None else environ

    def raw(self, name: str) -> str | None:
        """The value of ``name``, or the contents of the file named by ``name_FILE``."""
        file_name = self.environ.get(f"{name}_FILE")
        if file_name:
            if name in self.environ:
                raise ImproperlyConfigured(f"Set either {name} or {name}_FILE, not both.")
            try:
                return Path(file_name).read_text(encoding="utf-8").strip()
            except OSError as exc:
                raise ImproperlyConfigured(
                    f"{name}_FILE points to {file_name!r}, which cannot be read: {exc.strerror}."
                ) from exc
        return self.environ.get(name)

    def str(self, name: str, default: str | None = None) -> str | None:
        value = self.raw(name)
        return default if value is None else value

    def required(self, name: str, why: str) -> str:
        value = self.raw(name)
        if not value:
            raise ImproperlyConfigured(f"{name} must be set: {why}")
        return value

    def bool(self, name: str, default: bool) -> bool:
        value = self.raw(name)
        if value is None:
            return default
        lowered = value.strip().lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
        raise ImproperlyConfigured(
            f"{name}={value!r} is not a yes/no value; use one of 1/0, true/false, yes/no, on/off."
        )

    def int(self, name: str, default: int, minimum: int | None = None) -> int:
        value = self.raw(name)
        if value is None or value == "":
            return default
        try:
            number = int(value)
        except ValueError:
            raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None
        if minimum is not None and number < minimum:
            raise ImproperlyConfigured(f"{name}={number} must be at least {minimum}.")
        return number

    def list(self, name: str, default: list[str]) -> list[str]:
        value = self.raw(name)
        if value is None:
            return list(default)
        return [item.strip() for item in value.split(",") if item.strip()]

    def choice(self, name: str, choices: tuple[str, ...], default: str) -> str:
        value = self.raw(name)
        if value is None or value == "":
            return default
        if value not in choices:
            raise ImproperlyConfigured(f"{name}={value!r} must be one of: {', '.join(choices)}.")
        return value


def parse_cache_url(name: str, url: str) -> dict:
    """Django's CACHES entry for ``url``: ``locmem://`` (one cache per process) or
    ``db://`` / ``db://TABLE`` (a table in the service's own database, shared by every
    worker and host; created by ``manage.py createcachetable``)."""
    scheme, separator, rest = url.partition("://")
    if not separator:
        raise ImproperlyConfigured(
            f"{name}={url!r} is not a cache address like locmem:// or db://."
        )
    if scheme == "locmem":
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    if scheme == "db":
        table = rest.strip("/") or "indsats_cache"
        if not re.fullmatch(r"[A-Za-z0-9_]+", table):
            raise ImproperlyConfigured(f"{name}={url!r}: the table name may hold only a-z, 0-9, _.")
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": table}
    raise ImproperlyConfigured(f"{name}={url!r} must start with locmem:// or db://.")
