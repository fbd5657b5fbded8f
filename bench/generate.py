"""Bench data (#11, C13): applications, programmes, tasks and ten years of statistics.

Bulk inserts from a fixed seed, so every run makes the same data. The scale is the number
of applications; enquiries and programmes are a tenth of it each, with three tasks per
programme: ``--applications 20000`` makes the issue's 20,000 applications and 2,000
programmes. Running it again with a larger number adds the missing rows only (row ``i`` is
the same whatever the scale), so 2,000 and then 20,000 compare the same first 2,000.

The statistics are the demo's synthetic ones (``screening.demo``) for ten years instead of
five, for all 98 municipalities, with plans, comparison groups and a screening run. Every
person and place is made up.

    .venv/bin/python bench/generate.py --applications 20000 [--fresh]

Uses the bench database (bench/benchdb.py): PostgreSQL ``indsats_bench`` when
DATABASE_URL is set, else a temporary SQLite file.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import timedelta

SEED = 20261128
DEFAULT_APPLICATIONS = 20_000
PLACEMENT_SITES = 300
STAFF = 12
STATISTICS_YEARS = 10
BENCH_PASSWORD = "bench-Indsats-2026"  # noqa: S105 - made-up users of a throwaway database
BUSIEST = "751"  # Aarhus Kommune gets the most applications: the busiest portal
BATCH = 2_000
# Status of an application by share: about 23 % open (submitted or on the waiting list),
# as the issue measured (4,514 open of 20,000).
STATUS_SHARES = [
    ("draft", 10),
    ("submitted", 19),
    ("waiting_list", 4),
    ("granted", 40),
    ("rejected", 20),
    ("withdrawn", 7),
]


def _status(rng: random.Random) -> str:
    roll = rng.randrange(100)
    for status, share in STATUS_SHARES:
        if roll < share:
            return status
        roll -= share
    return STATUS_SHARES[-1][0]


def _zipf_weights(n: int) -> list[float]:
    return [1 / (rank + 1) for rank in range(n)]


def _people():
    """Staff and one applicant per organisation (made once), all with BENCH_PASSWORD."""
    from django.contrib.auth.hashers import make_password

    from indsats.accounts.models import Role, User
    from indsats.organisations.models import (
        Municipality,
        Organisation,
        OrganisationKind,
        SiteType,
    )

    if User.objects.filter(email__endswith="@bench.test").exists():
        return
    rng = random.Random(SEED)  # noqa: S311 - made-up data, not secrets
    municipalities = list(Municipality.objects.order_by("code"))
    Organisation.objects.bulk_create(
        Organisation(
            kind=OrganisationKind.PLACEMENT_SITE,
            name=f"Opholdsstedet Bænkebo {number:03d}",
            site_type=SiteType.OPHOLDSSTED if number % 3 else SiteType.DOEGNINSTITUTION,
            cvr="23456788",
            municipality=rng.choice(municipalities),
            address=f"Bænkevej {number + 1}",
            postcode="8000",
            city="Aarhus C",
            employee_count=rng.randint(6, 80),
        )
        for number in range(PLACEMENT_SITES)
    )
    password = make_password(BENCH_PASSWORD)  # one hash for all: bulk, not 400 hashings
    board = Organisation.objects.get(kind=OrganisationKind.BOARD)
    staff_roles = [Role.CASE_OFFICER, Role.CONSULTANT, Role.PROJECT_LEADER, Role.MANAGER]
    users = [
        User(
            email=f"medarbejder{number:02d}@bench.test",
            full_name=f"Bænk Medarbejder {number:02d}",
            role=staff_roles[number % len(staff_roles)],
            organisation=board,
            password=password,
        )
        for number in range(STAFF)
    ]
    applicants = Organisation.objects.exclude(kind=OrganisationKind.BOARD).order_by("pk")
    users += [
        User(
            email=f"ansoeger{organisation.pk}@bench.test",
            full_name=f"Bænk Ansøger {organisation.pk}",
            role=Role.APPLICANT,
            organisation=organisation,
            password=password,
        )
        for organisation in applicants
    ]
    User.objects.bulk_create(users, batch_size=BATCH)


def _organisations_by_weight():
    """(municipality organisations, placement sites), the busiest first in each."""
    from indsats.organisations.models import Organisation, OrganisationKind

    municipal = list(
        Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY).order_by(
            "municipality__code"
        )
    )
    municipal.sort(key=lambda o: o.municipality.code != BUSIEST)  # the busiest first
    sites = list(
        Organisation.objects.filter(
            kind=OrganisationKind.PLACEMENT_SITE, name__startswith="Opholdsstedet Bænkebo"
        ).order_by("pk")
    )
    return municipal, sites


def _applications(count: int) -> int:
    from django.utils import timezone

    from indsats.accounts.models import Role, User
    from indsats.applications.models import Application
    from indsats.catalogue.models import Offer
    from indsats.testing import answers

    existing = Application.objects.filter(created_by__email__endswith="@bench.test").count()
    if existing >= count:
        return 0
    offers = {
        offer.code: offer for offer in Offer.objects.filter(code__in=["O1", "O2", "O3", "O4"])
    }
    made_answers = {"O1": answers.o1(), "O2": answers.o2(), "O3": answers.o3(), "O4": answers.o4()}
    municipal, sites = _organisations_by_weight()
    municipal_weights, site_weights = _zipf_weights(len(municipal)), _zipf_weights(len(sites))
    applicant_of = {
        user.organisation_id: user
        for user in User.objects.filter(role=Role.APPLICANT, email__endswith="@bench.test")
    }
    officers = list(User.objects.filter(email__startswith="medarbejder", role=Role.CASE_OFFICER))
    now = timezone.now()
    rows = []
    for number in range(existing, count):
        rng = random.Random(SEED * 1_000_003 + number)  # noqa: S311 - made-up data
        code = rng.choice(["O1", "O2", "O3", "O4"])
        if code == "O4":
            organisation = rng.choices(sites, weights=site_weights)[0]
        else:
            organisation = rng.choices(municipal, weights=municipal_weights)[0]
        status = _status(rng)
        submitted_at = now - timedelta(days=rng.uniform(1, 7 * 365))
        rows.append(
            Application(
                offer=offers[code],
                organisation=organisation,
                created_by=applicant_of[organisation.pk],
                status=status,
                # "-B" marks bench rows; five digits never meet next_reference's four.
                reference=None
                if status == "draft"
                else f"{offers[code].reference_prefix}-B{submitted_at.year}-{number:05d}",
                submitted_at=None if status == "draft" else submitted_at,
                case_officer=rng.choice(officers) if officers and rng.random() < 0.7 else None,
                asks_board_to_find_partners=code == "O4" and rng.random() < 0.1,
                answers=made_answers[code],
            )
        )
        if len(rows) >= BATCH:
            Application.objects.bulk_create(rows)
            rows = []
    Application.objects.bulk_create(rows)
    return count - existing


def _enquiries_and_programmes(count: int) -> None:
    from django.utils import timezone

    from indsats.accounts.models import Role, User
    from indsats.applications.models import Enquiry
    from indsats.catalogue.models import Offer
    from indsats.programmes.models import Programme, Task
    from indsats.programmes.workflow import workflow_for

    wanted = count // 10
    offers = {
        offer.code: offer for offer in Offer.objects.filter(code__in=["O1", "O2", "O3", "O4"])
    }
    municipal, sites = _organisations_by_weight()
    applicant_of = {
        user.organisation_id: user
        for user in User.objects.filter(role=Role.APPLICANT, email__endswith="@bench.test")
    }
    staff = list(User.objects.filter(email__startswith="medarbejder").order_by("email"))
    now = timezone.now()

    have = Enquiry.objects.filter(subject__startswith="Bænkespørgsmål").count()
    Enquiry.objects.bulk_create(
        [
            Enquiry(
                offer=offers["O1"],
                organisation=(organisation := municipal[number % len(municipal)]),
                subject=f"Bænkespørgsmål {number:05d}",
                message="Et opdigtet spørgsmål til benchmarken.",
                contact_name="Bænk Kontakt",
                contact_email="kontakt@bench.test",
                status="received" if number % 4 == 0 else "answered",
                created_by=applicant_of[organisation.pk],
                created_at=now - timedelta(hours=number),
            )
            for number in range(have, wanted)
        ],
        batch_size=BATCH,
    )

    have = Programme.objects.filter(reference__startswith="BF-").count()
    programmes = []
    for number in range(have, wanted):
        rng = random.Random(SEED * 7 + number)  # noqa: S311 - made-up data
        code = rng.choice(["O1", "O2", "O3", "O4"])
        organisation = rng.choice(sites if code == "O4" else municipal)
        programmes.append(
            Programme(
                offer=offers[code],
                reference=f"BF-{number:05d}",
                title=f"Bænkeforløb {number:05d} for {organisation.name}",
                organisation=organisation,
                current_step=workflow_for(code).first.key,
                status="active" if rng.random() < 0.4 else "closed",
            )
        )
    programmes = Programme.objects.bulk_create(programmes, batch_size=BATCH)
    through = Programme.consultants.through
    through.objects.bulk_create(
        [
            through(programme_id=programme.pk, user_id=staff[(programme.pk + k) % len(staff)].pk)
            for programme in programmes
            for k in range(2)
        ],
        batch_size=BATCH,
    )
    today = timezone.localdate()
    Task.objects.bulk_create(
        [
            Task(
                programme=programme,
                title=f"Opgave {k + 1} i {programme.reference}",
                due_on=today + timedelta(days=(programme.pk * 7 + k * 13) % 120 - 30),
                assignee=staff[(programme.pk + k) % len(staff)],
                created_by=staff[0],
            )
            for programme in programmes
            for k in range(3)
        ],
        batch_size=BATCH,
    )


def _statistics() -> None:
    """Ten years of the demo's synthetic statistics, plans, groups and a screening run."""
    from indsats.screening import demo
    from indsats.screening.models import StatisticValue

    if StatisticValue.objects.exists():
        return
    demo.YEARS_BACK = STATISTICS_YEARS
    demo.load_synthetic_statistics()


def generate(applications: int = DEFAULT_APPLICATIONS, *, out=print) -> None:
    """Make the bench database hold the first ``applications`` rows of the fixed data."""
    from django.db import connection, transaction

    started = time.perf_counter()
    with transaction.atomic():
        _people()
        added = _applications(applications)
        _enquiries_and_programmes(applications)
        _statistics()
    # Planner statistics and PostgreSQL's visibility map, as a database in use has them
    # (autovacuum would get there a little later).
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    out(
        f"generate: {added} applications added (now {applications}), "
        f"{time.perf_counter() - started:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=DEFAULT_APPLICATIONS)
    parser.add_argument("--fresh", action="store_true", help="empty the bench database first")
    args = parser.parse_args()
    if args.applications < 1:
        parser.error("--applications must be at least 1")
    import benchdb

    url = benchdb.setup(fresh=args.fresh)
    print(f"generate: {benchdb.describe(url)}")
    generate(args.applications)


if __name__ == "__main__":
    main()
