"""Log records as JSON lines (LOG_FORMAT=json), one object per line, for a log collector.

Used by Django's LOGGING and by gunicorn's own loggers (gunicorn.conf.py), so that one
stream carries one format. Plain standard library, no Django import: gunicorn's master
process loads it before Django is set up.
"""

from __future__ import annotations

import datetime
import json
import logging

# gunicorn's access-log atoms worth their own field (see gunicorn's access_log_format);
# the status ("s") and duration ("D") become numbers below.
_ACCESS_FIELDS = {"h": "remote_addr", "m": "method", "U": "path", "B": "bytes"}


class JsonLinesFormatter(logging.Formatter):
    """time, level, logger and message, plus what Django and gunicorn attach to a record."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "process": record.process,
        }
        entry.update(_request_fields(record))
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def _request_fields(record: logging.LogRecord) -> dict:
    """The request a record is about: Django's ``request``/``status_code`` extras, or
    gunicorn's access-log atoms. Only method, path and status: no query strings, cookies
    or form data, which may hold personal data."""
    fields = {}
    status_code = getattr(record, "status_code", None)
    if status_code is not None:
        fields["status"] = status_code
    request = getattr(record, "request", None)
    if request is not None and hasattr(request, "method"):
        fields["method"] = request.method
        fields["path"] = getattr(request, "path", "")
    if record.name == "gunicorn.access" and isinstance(record.args, dict):
        atoms = record.args
        for atom, field in _ACCESS_FIELDS.items():
            if atoms.get(atom, "-") != "-":
                fields[field] = atoms[atom]
        if str(atoms.get("s", "")).isdigit():
            fields["status"] = int(atoms["s"])
        if str(atoms.get("D", "")).isdigit():
            fields["duration_ms"] = round(int(atoms["D"]) / 1000, 1)
    return fields
