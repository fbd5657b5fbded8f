"""The public catalogue under gunicorn, in requests per second against /healthz's (#11, C13).

Not a test: it prints figures and never fails on them. One gunicorn (bench/server.py,
production mode, the bench database) answers, in turn, /healthz (one query, no template:
the most a request can be served at), then the catalogue (/forloeb/, anonymous, Danish),
then both again; each round is a fixed number of seconds of keep-alive requests from a few
client threads (http.client). The figure is the catalogue's requests per second divided by
/healthz's, over both rounds — target: at least 0.6. The client runs on the same cores as
the server, which lowers both rates alike, not their ratio.

    .venv/bin/python bench/throughput.py [--seconds 8] [--threads 8]
"""

from __future__ import annotations

import argparse
import http.client
import threading
import time

import benchdb
from server import PROXY_HEADERS, gunicorn

TARGET_RATIO = 0.6
CATALOGUE = "/forloeb/"
HEALTHZ = "/healthz"


def hammer(port: int, path: str, seconds: float, threads: int) -> tuple[float, int]:
    """(requests per second, failed requests) of ``threads`` keep-alive clients on ``path``."""
    done, failed = [0] * threads, [0] * threads
    start = threading.Barrier(threads + 1)
    stop_at = [0.0]

    def client(index: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        start.wait()
        while time.perf_counter() < stop_at[0]:
            try:
                connection.request("GET", path, headers=PROXY_HEADERS)
                response = connection.getresponse()
                response.read()
                if response.status == 200:
                    done[index] += 1
                else:
                    failed[index] += 1
            except (OSError, http.client.HTTPException):
                failed[index] += 1
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.close()

    workers = [threading.Thread(target=client, args=(n,)) for n in range(threads)]
    for worker in workers:
        worker.start()
    stop_at[0] = time.perf_counter() + seconds
    started = time.perf_counter()
    start.wait()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    return sum(done) / elapsed, sum(failed)


def measure(database_url: str, seconds: float, threads: int) -> dict:
    rates: dict[str, list[float]] = {HEALTHZ: [], CATALOGUE: []}
    failures = 0
    with gunicorn(database_url, log=lambda line: print(f"throughput: {line}")) as port:
        for path in (HEALTHZ, CATALOGUE):  # warm-up: workers, templates, the page cache
            hammer(port, path, 1, threads)
        for _round in range(2):
            for path in (HEALTHZ, CATALOGUE):
                rate, failed = hammer(port, path, seconds, threads)
                rates[path].append(rate)
                failures += failed
    healthz = sum(rates[HEALTHZ]) / len(rates[HEALTHZ])
    catalogue = sum(rates[CATALOGUE]) / len(rates[CATALOGUE])
    return {"healthz": healthz, "catalogue": catalogue, "failures": failures}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=8)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument(
        "--applications",
        type=int,
        default=2_000,
        help="data to generate when the bench database is empty (the catalogue does not "
        "depend on it)",
    )
    args = parser.parse_args()
    url = benchdb.setup()
    from indsats.applications.models import Application

    if not Application.objects.exists():
        from generate import generate

        generate(args.applications, out=lambda line: print(f"throughput: {line}"))
    print(f"throughput: {benchdb.describe(url)}, {args.threads} client threads")
    result = measure(url, args.seconds, args.threads)
    ratio = result["catalogue"] / result["healthz"]
    verdict = "met" if ratio >= TARGET_RATIO else "missed"
    print(
        f"RATIO throughput/catalogue_vs_healthz: {ratio:.2f} (catalogue "
        f"{result['catalogue']:.0f} req/s / healthz {result['healthz']:.0f} req/s; target >= "
        f"{TARGET_RATIO:g}, {verdict}); {result['failures']} failed requests"
    )


if __name__ == "__main__":
    main()
