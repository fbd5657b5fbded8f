"""Load test (#11, C13): 50 simulated users for 60 seconds against gunicorn.

Not a test: it prints figures and never fails on them. On the bench database (generated
to 20,000 applications if it holds fewer; PostgreSQL ``indsats_bench`` when DATABASE_URL
is set, as the issue asks), it makes a session for each simulated person, starts gunicorn
in production mode on 127.0.0.1 (bench/server.py), and runs locust headless and bounded
(bench/locustfile.py: applicants browsing and saving their drafts, staff using the inbox,
case pages and the screening). It prints requests per second, p50/p95/p99 per page and
the number of errors. Targets: 0 errors, p95 under 300 ms on every page.

    .venv/bin/python bench/load.py [--users 50] [--seconds 60] [--applications 20000]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import secrets
import subprocess
import tempfile
from pathlib import Path

import benchdb
from server import ROOT, gunicorn

TARGET_P95_MS = 300
PLACEHOLDER = 987654321


def _url(name: str, *args) -> str:
    from django.urls import reverse

    return reverse(name, args=args).replace(str(PLACEHOLDER), "{}")


def prepare(users: int) -> dict:
    """Sessions and the keys the simulated users visit, from the bench data."""
    from indsats.accounts.models import Role, User
    from indsats.applications.models import Application
    from indsats.catalogue.models import Offer
    from indsats.organisations.models import Municipality
    from indsats.testing import answers

    # The session a completed sign-in leaves, for staff with the second factor confirmed
    # (C12): the same helper as the browser tests', so the bench follows the sign-in.
    from indsats.testing.world import signed_in_session

    answer_for = {"O1": answers.o1, "O2": answers.o2, "O3": answers.o3, "O4": answers.o4}
    applicants = []
    drafts = (
        Application.objects.filter(status="draft", created_by__email__endswith="@bench.test")
        .select_related("offer")
        .order_by("organisation_id", "pk")
    )
    seen = set()
    for draft in drafts:
        if draft.organisation_id in seen:
            continue  # one draft per organisation: no two simulated people edit one draft
        seen.add(draft.organisation_id)
        person = User.objects.get(organisation_id=draft.organisation_id, role=Role.APPLICANT)
        applicants.append(
            {
                "session": signed_in_session(person),
                "draft": draft.pk,
                "answers": answer_for[draft.offer.code](),
                "applications": list(
                    Application.objects.filter(organisation_id=draft.organisation_id)
                    .exclude(status="draft")
                    .values_list("pk", flat=True)[:20]
                ),
            }
        )
        if len(applicants) >= users:
            break
    staff = [
        {"session": signed_in_session(person)}
        for person in User.objects.filter(email__endswith="@bench.test").exclude(
            role=Role.APPLICANT
        )
        for _copy in range(max(1, users // 10))
    ]
    return {
        "applicants": applicants,
        "staff": staff,
        "cases": list(
            Application.objects.filter(status__in=["submitted", "waiting_list", "granted"])
            .order_by("pk")
            .values_list("pk", flat=True)[:500]
        ),
        "offers": list(Offer.objects.published().values_list("slug", flat=True)),
        "municipalities": list(
            Municipality.objects.order_by("code").values_list("code", flat=True)
        ),
        "urls": {
            "portal": _url("applications:portal"),
            "catalogue": _url("catalogue:offer_list"),
            "offer": _url("catalogue:offer_detail", "x").replace("/x/", "/{}/"),
            "application": _url("applications:detail", PLACEHOLDER),
            "draft": _url("applications:edit", PLACEHOLDER),
            "inbox": _url("applications:inbox"),
            "case": _url("applications:case", PLACEHOLDER),
            "programmes": _url("programmes:list"),
            "tasks": _url("programmes:tasks"),
            "screening": _url("screening:list"),
            "municipality": _url("screening:municipality", "x").replace("/x/", "/{}/"),
        },
    }


def report(stats_csv: Path, failures_csv: Path) -> list[str]:
    if not stats_csv.exists():
        return ["LOAD: locust wrote no figures (see its error above)"]
    rows = list(csv.DictReader(stats_csv.open(encoding="utf-8")))
    lines = [
        f"{'page':<24} {'requests':>8} {'errors':>6} {'req/s':>6} {'p50':>5} {'p95':>5} {'p99':>5}"
    ]
    total = None
    for row in rows:
        if row["Name"] == "Aggregated":
            total = row
            continue
        lines.append(
            f"{row['Name']:<24} {row['Request Count']:>8} {row['Failure Count']:>6} "
            f"{float(row['Requests/s']):6.1f} {row['50%']:>5} {row['95%']:>5} {row['99%']:>5}"
        )
    if total:
        slow = [
            row["Name"]
            for row in rows
            if row["Name"] != "Aggregated" and float(row["95%"]) >= TARGET_P95_MS
        ]
        lines.append(
            f"{'all pages':<24} {total['Request Count']:>8} {total['Failure Count']:>6} "
            f"{float(total['Requests/s']):6.1f} {total['50%']:>5} {total['95%']:>5} "
            f"{total['99%']:>5}   (ms)"
        )
        lines.append(
            f"LOAD: {float(total['Requests/s']):.1f} req/s, p95 {total['95%']} ms over all pages, "
            f"{total['Failure Count']} errors (targets: 0 errors, p95 < {TARGET_P95_MS} ms on "
            f"every page; above it: {', '.join(slow) or 'none'})"
        )
    for row in csv.DictReader(failures_csv.open(encoding="utf-8")) if failures_csv.exists() else []:
        lines.append(f"  error: {row['Name']}: {row['Error']} ({row['Occurrences']}×)")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--applications", type=int, default=20_000)
    args = parser.parse_args()
    if args.users < 1 or args.seconds < 1:
        parser.error("--users and --seconds must be at least 1")
    # One secret key for this process and gunicorn: the sessions made here are signed with it.
    os.environ["SECRET_KEY"] = secrets.token_urlsafe(60)
    url = benchdb.setup()
    from indsats.applications.models import Application

    if Application.objects.filter(created_by__email__endswith="@bench.test").count() < (
        args.applications
    ):
        from generate import generate

        generate(args.applications, out=lambda line: print(f"load: {line}"))
    print(f"load: {benchdb.describe(url)}, {args.users} users for {args.seconds} s")
    with tempfile.TemporaryDirectory(prefix="indsats-load-") as folder:
        data_file = Path(folder) / "data.json"
        data_file.write_text(json.dumps(prepare(args.users)), encoding="utf-8")
        prefix = Path(folder) / "stats"
        locust_log = Path(folder) / "locust.log"
        with (
            gunicorn(url, log=lambda line: print(f"load: {line}")) as port,
            locust_log.open("w") as locust_errors,
        ):
            subprocess.run(  # noqa: S603 - our own locust with fixed arguments
                [
                    str(ROOT / ".venv" / "bin" / "locust"),
                    "-f",
                    str(ROOT / "bench" / "locustfile.py"),
                    "--headless",
                    "--users",
                    str(args.users),
                    "--spawn-rate",
                    "10",
                    "--run-time",
                    f"{args.seconds}s",
                    "--stop-timeout",
                    "10",
                    "--host",
                    f"http://127.0.0.1:{port}",
                    "--csv",
                    str(prefix),
                    "--only-summary",
                    "--loglevel",
                    "WARNING",
                ],
                cwd=ROOT,
                env={**os.environ, "LOAD_DATA": str(data_file)},
                check=False,  # locust exits 1 when any request failed: reported below
                timeout=args.seconds + 120,
                stdout=subprocess.DEVNULL,
                stderr=locust_errors,
            )
        if not Path(f"{prefix}_stats.csv").exists():
            print(locust_log.read_text(errors="replace")[-3000:])
        for line in report(Path(f"{prefix}_stats.csv"), Path(f"{prefix}_failures.csv")):
            print(line)


if __name__ == "__main__":
    main()
