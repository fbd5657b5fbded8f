"""The screening core for 98 municipalities × 10 years of synthetic data (#11, C7, C13).

Not a test: prints the time of the core (``rules.screen``, one call per year) as the best
of several runs, the time of the plain reference implementation that the property test
compares it with, and their ratio. Target: under 100 ms for the ten years.

    .venv/bin/python bench/screening.py [--repeat N] [--wall]

Times are this process's CPU time (``time.process_time``), so that other work on a shared
machine does not count; ``--wall`` measures wall-clock time instead. The core and the
reference must give the same results first (as strings: what a run saves), or it stops.

The data are made up (fixed seed): 98 municipalities in five regions of Danish sizes,
children, notifications and børnehus cases with some figures missing and some zero, a
share of vulnerable children, a comparison group of the six nearest by size (some groups
list the municipality itself, as published groups sometimes do), plans, press dates and
ministerial requests.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "indsats.settings")

import django  # noqa: E402

django.setup()

from indsats.screening.parameters import Parameters  # noqa: E402
from indsats.screening.rules import MunicipalityInput, Plan, screen  # noqa: E402
from indsats.screening.snapshot import result_to_dict  # noqa: E402
from indsats.screening.tests import reference_core  # noqa: E402

MUNICIPALITIES = 98
YEARS = range(2015, 2025)
REGION_SIZES = {"1081": 11, "1082": 19, "1083": 22, "1084": 29, "1085": 17}  # sums to 98
SEED = 20261128
TARGET_MS = 100


def _maybe(rng: random.Random, value, missing: float = 0.04):
    return None if rng.random() < missing else value


def synthetic_years(seed: int = SEED) -> list[tuple[Parameters, list[MunicipalityInput]]]:
    """Per year: the parameters and the 98 municipalities' inputs."""
    rng = random.Random(seed)  # noqa: S311  (made-up figures, not secrets)
    regions = [code for code, size in REGION_SIZES.items() for _ in range(size)]
    codes = [f"{101 + index * 7}" for index in range(MUNICIPALITIES)]
    size = {code: int(rng.lognormvariate(9.2, 0.7)) + 500 for code in codes}
    groups = {}
    for code in codes:
        nearest = sorted(codes, key=lambda other: (abs(size[other] - size[code]), other))
        members = nearest[:7] if rng.random() < 0.3 else nearest[1:7]  # some list themselves
        groups[code] = None if rng.random() < 0.05 else tuple(sorted(members))
    plans = {
        code: None
        if rng.random() < 0.05
        else Plan(
            date(2014, 1, 1) + timedelta(days=rng.randrange(3000)),
            _maybe(rng, date(2019, 1, 1) + timedelta(days=rng.randrange(2000)), 0.4),
            rng.random() < 0.9,
        )
        for code in codes
    }
    years = []
    for year in YEARS:
        as_of = date(year + 1, 6, 30)
        inputs = []
        for code, region in zip(codes, regions, strict=True):
            children = int(size[code] * rng.uniform(0.95, 1.05))
            share = Decimal(rng.randrange(200, 1500)) / 10000  # 2–15 %, as imported (0–1)
            inputs.append(
                MunicipalityInput(
                    code=code,
                    name=f"Kommune {code}",
                    region_code=region,
                    region_name=f"Region {region}",
                    children=_maybe(rng, children, 0.02),
                    notifications=_maybe(rng, int(children * rng.uniform(0, 0.012))),
                    boernehus_cases=_maybe(rng, int(children * rng.uniform(0, 0.002))),
                    vulnerable_share=_maybe(rng, share, 0.1),
                    plan=plans[code],
                    press_dates=tuple(
                        as_of - timedelta(days=rng.randrange(1500))
                        for _ in range(rng.choice((0, 0, 0, 1, 2)))
                    ),
                    open_ministerial_requests=("MIN-1",) if rng.random() < 0.03 else (),
                    comparison_group=groups[code],
                )
            )
        years.append((Parameters(year=year, as_of=as_of), inputs))
    return years


def best_ms(core, years, repeat: int, clock=time.process_time) -> float:
    """The fastest of ``repeat`` runs of ``core`` over all the years, in milliseconds."""
    best = float("inf")
    for _ in range(repeat):
        start = clock()
        for parameters, inputs in years:
            core(inputs, parameters)
        best = min(best, clock() - start)
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs to take the best of")
    parser.add_argument(
        "--wall", action="store_true", help="wall-clock time instead of this process's CPU time"
    )
    args = parser.parse_args()
    clock = time.perf_counter if args.wall else time.process_time
    years = synthetic_years()
    for parameters, inputs in years:  # the times are only worth printing if results agree
        new = [result_to_dict(r, parameters) for r in screen(inputs, parameters)]
        old = [result_to_dict(r, parameters) for r in reference_core.screen(inputs, parameters)]
        if new != old:
            sys.exit(f"the core and the reference disagree for {parameters.year}")
    core_ms = best_ms(screen, years, args.repeat, clock)
    reference_ms = best_ms(reference_core.screen, years, max(1, args.repeat // 2), clock)
    label = f"screening core, {MUNICIPALITIES} × {len(years)} years"
    print(
        f"{label}: {core_ms:.1f} ms (target < {TARGET_MS} ms); "
        f"reference: {reference_ms:.0f} ms; ratio {core_ms / reference_ms:.2f}"
    )


if __name__ == "__main__":
    main()
