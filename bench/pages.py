"""Server time of four pages against the raw SQL for the same rows (#11, C13).

Not a test: it prints figures and never fails on them. For each page — the staff inbox,
the screening list, a municipality's screening page (Aarhus) and the busiest applicant
portal — it measures, in-process with Django's test Client (no network, DEBUG off):

- the page's server time: the median of several GETs after two warm-up GETs;
- the time of the raw SQL that fetches what the page shows (the same rows, columns and
  counts, written by hand against the same tables, no ORM), the median of as many runs;
- their ratio (target: at most 3), and the number of queries the page makes, at 2,000
  and at 20,000 applications (target: equal — a list that costs a query per row grows).

    .venv/bin/python bench/pages.py [--small 2000] [--large 20000] [--repeat 15]

The data come from bench/generate.py (the database is emptied first).
"""

# ruff: noqa: S608 - the SQL names only our own tables (from the models); values are parameters
from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import dataclass

import benchdb

TARGET_RATIO = 3.0


@dataclass
class Measured:
    page: str
    applications: int
    page_ms: float
    sql_ms: float
    queries: int
    bytes: int

    @property
    def ratio(self) -> float:
        return self.page_ms / self.sql_ms if self.sql_ms else float("inf")


def _table(model) -> str:
    return model._meta.db_table


def _raw_sql(page: str, context: dict) -> list[tuple[str, list]]:
    """The statements that fetch what ``page`` shows, each with its parameters."""
    from indsats.accounts.models import User
    from indsats.applications.models import Application, Enquiry
    from indsats.catalogue.models import Offer
    from indsats.organisations.models import Municipality, Organisation, Region
    from indsats.programmes.models import Programme
    from indsats.screening.models import (
        ComparisonGroup,
        PreparednessPlan,
        ScreeningDecision,
        ScreeningRun,
        StatisticValue,
    )

    app, enq, off, org = _table(Application), _table(Enquiry), _table(Offer), _table(Organisation)
    mun, reg, usr = _table(Municipality), _table(Region), _table(User)
    if page == "inbox":
        return [
            (
                f"SELECT a.id, a.reference, a.status, a.submitted_at, "
                f"a.asks_board_to_find_partners, a.group_id, o.name, g.name, r.name, "
                f"u.full_name, u.email FROM {app} a JOIN {off} o ON o.id = a.offer_id "
                f"JOIN {org} g ON g.id = a.organisation_id "
                f"LEFT JOIN {mun} m ON m.id = g.municipality_id "
                f"LEFT JOIN {reg} r ON r.id = m.region_id "
                f"LEFT JOIN {usr} u ON u.id = a.case_officer_id "
                f"WHERE a.status IN ('submitted', 'waiting_list') "
                f"ORDER BY a.submitted_at, a.id LIMIT 50",
                [],
            ),
            # The counts per status; the number of open ones shown is their sum.
            (f"SELECT status, COUNT(*) FROM {app} WHERE status <> 'draft' GROUP BY status", []),
            (
                f"SELECT e.id, e.subject, e.status, e.created_at, o.name, g.name FROM {enq} e "
                f"JOIN {off} o ON o.id = e.offer_id JOIN {org} g ON g.id = e.organisation_id "
                f"WHERE e.status = 'received' ORDER BY e.created_at, e.id LIMIT 50",
                [],
            ),
            (f"SELECT COUNT(*) FROM {enq} WHERE status = 'received'", []),
        ]
    if page == "busiest portal":
        organisation = context["organisation"]
        return [
            (
                f"SELECT a.id, a.reference, a.status, a.submitted_at, a.group_id, o.name "
                f"FROM {app} a JOIN {off} o ON o.id = a.offer_id WHERE a.organisation_id = %s "
                f"ORDER BY a.created_at DESC, a.id DESC LIMIT 50",
                [organisation],
            ),
            (f"SELECT COUNT(*) FROM {app} WHERE organisation_id = %s", [organisation]),
            (
                f"SELECT e.id, e.subject, e.status, e.created_at, o.name FROM {enq} e "
                f"JOIN {off} o ON o.id = e.offer_id WHERE e.organisation_id = %s "
                f"ORDER BY e.created_at DESC, e.id DESC LIMIT 50",
                [organisation],
            ),
            (f"SELECT COUNT(*) FROM {enq} WHERE organisation_id = %s", [organisation]),
            (
                f"SELECT id, title, status FROM {_table(Programme)} WHERE organisation_id = %s",
                [organisation],
            ),
        ]
    run_table = _table(ScreeningRun)
    latest_run = (
        f"SELECT id, year, created_at, synthetic, results FROM {run_table} "
        f"ORDER BY created_at DESC, id DESC LIMIT 1"
    )
    decisions = (
        f"SELECT municipality_id, decision, decided_at FROM {_table(ScreeningDecision)} "
        f"ORDER BY decided_at DESC, id DESC"
    )
    if page == "screening list":
        return [(latest_run, []), (decisions, [])]
    municipality = context["municipality"]
    group = _table(ComparisonGroup)
    return [
        (latest_run, []),
        (
            f"SELECT measure, year, period, reason, value FROM {_table(StatisticValue)} "
            f"WHERE municipality_id = %s ORDER BY measure, period, reason",
            [municipality],
        ),
        (f"SELECT * FROM {_table(PreparednessPlan)} WHERE municipality_id = %s", [municipality]),
        (
            f"SELECT m.code, m.name FROM {group} g "
            f"JOIN {group}_members gm ON gm.comparisongroup_id = g.id "
            f"JOIN {mun} m ON m.id = gm.municipality_id WHERE g.municipality_id = %s",
            [municipality],
        ),
    ]


def _pages() -> list[tuple[str, str, object, dict]]:
    """(name, url, user, context for the raw SQL) of the four pages."""
    from django.db.models import Count
    from django.urls import reverse

    from indsats.accounts.models import Role, User
    from indsats.applications.models import Application
    from indsats.organisations.models import Municipality

    staff = User.objects.filter(email__endswith="@bench.test", role=Role.CASE_OFFICER).first()
    busiest = (
        Application.objects.values("organisation")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()["organisation"]
    )
    applicant = User.objects.filter(organisation_id=busiest, role=Role.APPLICANT).first()
    aarhus = Municipality.objects.get(code="751")
    return [
        ("inbox", reverse("applications:inbox"), staff, {}),
        ("screening list", reverse("screening:list"), staff, {}),
        (
            "municipality page",
            reverse("screening:municipality", args=[aarhus.code]),
            staff,
            {"municipality": aarhus.pk},
        ),
        ("busiest portal", reverse("applications:portal"), applicant, {"organisation": busiest}),
    ]


def _median_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def measure(applications: int, repeat: int) -> list[Measured]:
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from indsats.testing.world import signed_in_session

    results = []
    for name, url, user, context in _pages():
        client = Client(HTTP_HOST="127.0.0.1")
        # Signed in as a person is, for staff with the second factor confirmed (C12).
        client.cookies[settings.SESSION_COOKIE_NAME] = signed_in_session(user)
        for _ in range(2):  # warm-up: templates compiled, connection open
            response = client.get(url)
            assert response.status_code == 200, (name, response.status_code)
        with CaptureQueriesContext(connection) as captured:
            size = len(client.get(url).content)
        queries = len(captured)  # now: the next request empties Django's query log
        page_ms = _median_ms(lambda url=url, client=client: client.get(url), repeat)
        statements = _raw_sql(name, context)

        def run_sql(statements=statements):
            with connection.cursor() as cursor:
                for sql, params in statements:
                    cursor.execute(sql, params)
                    cursor.fetchall()

        run_sql()
        sql_ms = _median_ms(run_sql, repeat)
        results.append(Measured(name, applications, page_ms, sql_ms, queries, size))
    return results


def report(small: list[Measured], large: list[Measured]) -> list[str]:
    lines = [
        f"{'page':<18} {'ms':>7} {'SQL ms':>7} {'ratio':>6} {'KB':>6} "
        f"{'queries at ' + str(small[0].applications):>18} {'at ' + str(large[0].applications):>9}"
    ]
    for few, many in zip(small, large, strict=True):
        lines.append(
            f"{many.page:<18} {many.page_ms:7.1f} {many.sql_ms:7.2f} {many.ratio:6.1f} "
            f"{many.bytes / 1024:6.0f} {few.queries:>18} {many.queries:>9}"
        )
    for few, many in zip(small, large, strict=True):
        verdict = "met" if many.ratio <= TARGET_RATIO else "missed"
        same = "equal" if few.queries == many.queries else "NOT equal"
        lines.append(
            f"RATIO pages/{many.page.replace(' ', '_')}: {many.ratio:.1f} "
            f"(page {many.page_ms:.1f} ms / SQL {many.sql_ms:.2f} ms; target <= {TARGET_RATIO:g}, "
            f"{verdict}); queries {few.queries} at {few.applications} and {many.queries} at "
            f"{many.applications} ({same})"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=2_000)
    parser.add_argument("--large", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    if not 1 <= args.small < args.large:
        parser.error("need 1 <= --small < --large")
    url = benchdb.setup(fresh=True)
    print(f"pages: {benchdb.describe(url)}")
    from generate import generate

    generate(args.small, out=lambda line: print(f"pages: {line}"))
    small = measure(args.small, args.repeat)
    generate(args.large, out=lambda line: print(f"pages: {line}"))
    large = measure(args.large, args.repeat)
    for line in report(small, large):
        print(line)


if __name__ == "__main__":
    main()
