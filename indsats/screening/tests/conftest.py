import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
# UND3's description in the shape Statbank's tableinfo gives (variables with id, text and
# values of {id, text}); written for the tests, not a verbatim recording.
TABLEINFO = DATA / "und3_tableinfo_2024.json"


@pytest.fixture
def recorded():
    """The bytes of a recorded sample file under tests/data, in the sources' own format."""

    def read(name: str) -> bytes:
        return (DATA / name).read_bytes()

    return read


@pytest.fixture
def add_statistics(db):
    """Save figures for ``year``: {code: (children, notifications, børnehus cases)}.

    Notifications are stored as UND3 would have them: all under the first reason code that
    counts that year, with 0 under the other counting codes and 50 under a code that does
    not count. Children go under the year's first quarter (FOLK1A).
    """
    from decimal import Decimal

    from indsats.organisations.models import Municipality
    from indsats.screening.importers.base import Figure, save_figures
    from indsats.screening.models import Measure, SourceKind
    from indsats.screening.parameters import (
        DEFAULT_REASON_CODES,
        parse_reason_periods,
        reason_codes_for,
    )

    def add(year: int, figures: dict, synthetic: bool = False):
        codes = sorted(reason_codes_for(parse_reason_periods(DEFAULT_REASON_CODES), year))
        rows = {kind: [] for kind in (SourceKind.FOLK1A, SourceKind.UND3, SourceKind.BOERNEHUS)}
        for code, (children, notifications, cases) in figures.items():
            municipality = Municipality.objects.get(code=code)

            def figure(measure, value, period=str(year), reason="", municipality=municipality):
                number = None if value is None else Decimal(value)
                return Figure(measure, municipality, year, period, reason, number, 2)

            rows[SourceKind.FOLK1A].append(figure(Measure.CHILDREN, children, f"{year}K1"))
            for index, reason in enumerate(codes):
                count = notifications if index == 0 else 0
                rows[SourceKind.UND3].append(
                    figure(Measure.NOTIFICATIONS_BY_REASON, count, reason=reason)
                )
            rows[SourceKind.UND3].append(figure(Measure.NOTIFICATIONS_BY_REASON, 50, reason="1"))
            rows[SourceKind.BOERNEHUS].append(figure(Measure.BOERNEHUS, cases))
        for kind, items in rows.items():
            save_figures(
                kind=kind,
                origin=f"test {kind} {year}",
                data=f"{kind}{year}{figures}",
                figures=items,
                rows_read=len(items),
                synthetic=synthetic,
            )

    return add


class _Statbank(BaseHTTPRequestHandler):
    """Answers POST /v1/tableinfo for UND3 with the recorded description; anything else
    with the errors Statbank gives. Each request body is kept on the server."""

    def do_POST(self):  # noqa: N802 - the name http.server calls
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])) or b"{}")
        self.server.requests.append((self.path, body))
        if self.server.broken:
            self._answer(500, b'{"errorTypeCode": "Internal", "message": "Intern fejl"}')
        elif self.path == "/v1/tableinfo" and body.get("table") == "UND3":
            self._answer(200, TABLEINFO.read_bytes())
        elif self.path == "/v1/data" and body.get("table") == "UND3":
            self._answer(200, (DATA / "und3_2023.csv").read_bytes(), "text/csv")
        else:
            self._answer(400, b'{"message": "Tabellen findes ikke"}')

    def _answer(self, status: int, payload: bytes, kind: str = "application/json"):
        self.send_response(status)
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):  # keep the test output quiet
        pass


@pytest.fixture
def statbank(settings):
    """A Statbank on 127.0.0.1 for the test, at ``settings.STATBANK_API_URL``; its
    ``requests`` are (path, JSON body) as received, ``broken = True`` makes it answer 500."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Statbank)
    server.requests, server.broken = [], False
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.STATBANK_API_URL = f"http://127.0.0.1:{server.server_address[1]}/v1"
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def nothing_listening(settings):
    """An address on 127.0.0.1 where no server listens (the port was just freed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.STATBANK_API_URL = f"http://127.0.0.1:{port}/v1"
