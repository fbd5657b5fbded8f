"""The plain-Danish reasons of an allocation plan (C5), citing the criteria of the offers.

Pure: no ORM, no request. ``Texts`` translates every sentence once per plan (in the active
language) and formats the per-application parts with ``%`` only, so that explaining 10,000
applications costs little more than ranking them. Reasons never show internal keys: each
condition and criterion has a label here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime
from decimal import Decimal

from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# The requirement each condition comes from, as the seeds number them (../shared/SPEC.md).
CONDITION_REQUIREMENT = {
    "chef_decision": "O1.3",
    "resources": "O1.3",
    "time_and_resources": "O2.3",
    "management_backing": "O2.3",
    "pays_premises": "O2.2",
    "duration": "O3.1",
    "development_needs": "O3.3",
    "management_decision": "O4.5",
    "staff_resources": "O4.5",
}
OFFER_REQUIREMENTS = {
    "O1": ("O1.3",),
    "O2": ("O2.2", "O2.3"),
    "O3": ("O3.1", "O3.3"),
    "O4": ("O4.5",),
}
CRITERION_LETTER = {"motivation": "a", "delimited": "b", "backing": "c", "no_prior_help": "d"}


def condition_labels() -> dict[str, str]:
    """Each condition as a short noun phrase, in the active language."""
    return {
        "chef_decision": _("beslutning på chefniveau"),
        "resources": _("afsatte personaleressourcer"),
        "time_and_resources": _("afsat tid og ressourcer"),
        "management_backing": _("ledelsens opbakning"),
        "pays_premises": _("kommunen betaler selv lokaler, forplejning og lignende"),
        "duration": _("tid til et fleksibelt forløb på 8–12 måneder"),
        "development_needs": _("udgangspunkt i kommunens udviklingsbehov"),
        "management_decision": _("ledelsesbeslutning med opbakning"),
        "staff_resources": _("personaleressourcer til hele forløbet"),
    }


def criterion_labels() -> dict[str, str]:
    """Each O1.4 criterion with its letter, in the active language."""
    return {
        "motivation": _("(a) motivationen er relevant og fyldestgørende beskrevet"),
        "delimited": _("(b) emnet er afgrænset inden for overgreb mod børn"),
        "backing": _("(c) ledelsen bakker op med afsatte ressourcer"),
        "no_prior_help": _(
            "(d) Socialstyrelsen har ikke tidligere hjulpet kommunen med forebyggelse, "
            "opsporing og håndtering af vold og seksuelle overgreb mod børn"
        ),
    }


def join(items: Sequence[str]) -> str:
    """ "a", "a og b", "a, b og c" (with the active language's "and")."""
    if len(items) <= 1:
        return "".join(items)
    return _("%(first)s og %(last)s") % {"first": ", ".join(items[:-1]), "last": items[-1]}


class Texts:
    """The sentences of one plan, translated once; methods fill in the numbers."""

    def __init__(
        self,
        offer: str,
        required: Sequence[str],
        capacity: int,
        hours_per_programme,
        threshold: int,
    ):
        self.offer = offer
        self.capacity = capacity
        self.threshold = threshold
        self.conditions = condition_labels()
        self.criteria = criterion_labels()
        self._criteria_cache: dict[tuple, str] = {}
        self._refused_cache: dict[tuple, str] = {}
        self._lone_small_cache: dict[int, str] = {}
        self._zone = timezone.get_current_timezone()
        self._months = {number: str(name) for number, name in MONTHS.items()}
        self._date = _("%(day)s. %(month)s %(year)s")
        self._time = _("%(hour)02d.%(minute)02d")
        self._when = _("%(date)s kl. %(time)s")
        # Many applications share a day, and every one shares a time of day with others:
        # formatting each only once is what keeps 10,000 reasons cheap.
        self._dates: dict[int, str] = {}
        self._times: dict[int, str] = {}
        self.eligible = self._eligible(offer, required)
        self._refused = _(
            "Afvist: opfylder ikke betingelserne i %(requirement)s – ikke opfyldt: %(unmet)s."
        )
        self.refused_member = _(
            "Stedet tages ud af det fælles forløb på grund af sine egne betingelser; de øvrige "
            "steder i gruppen fortsætter uden det (O4.4)."
        )
        self._waiting = _("Nr. %(number)s af %(count)s på ventelisten: %(why)s")
        self._granted = ngettext(
            "Tildelt: nr. %(position)s i køen, inden for kapaciteten på %(capacity)s forløb "
            "i perioden.",
            "Tildelt: nr. %(position)s i køen, inden for kapaciteten på %(capacity)s forløb "
            "i perioden.",
            capacity,
        )
        no_capacity = _("der er ingen ledige forløb i perioden.")
        capacity_used = ngettext(
            "kapaciteten på %(capacity)s forløb er brugt af ansøgninger, der står før.",
            "kapaciteten på %(capacity)s forløb er brugt af ansøgninger, der står før.",
            capacity,
        ) % {"capacity": capacity}
        # Why a unit waits when it is not a small site alone or short of consultant hours.
        self.capacity_full = no_capacity if capacity == 0 else capacity_used
        hours = "" if hours_per_programme is None else _hours(hours_per_programme)
        self.hours_short = _(
            "der er ledige forløb, men ingen konsulent har %(hours)s timer ledigt i perioden "
            "til et forløb mere."
        ) % {"hours": hours}
        self._lone_small = _(
            "stedet har %(employees)s ansatte, færre end %(threshold)s, og har ingen partner. "
            "Efter O4.4 og O4.6 tildeles et forløb først, når et samarbejde med et eller flere "
            "andre steder er på plads. Ansøgningen beholder sin plads i køen og tages ind, så "
            "snart samarbejdet er dannet; indtil da kan ansøgninger, der står senere, få et "
            "forløb."
        )
        self._first_come = _(
            "Først til mølle efter O4.6: placeret efter, hvornår ansøgningen blev komplet "
            "(%(when)s)."
        )
        self._joint = _(
            "Fælles forløb for %(count)s steder (O4.4): ét forløb, placeret efter det tidligst "
            "komplette steds ansøgning (%(when)s)."
        )
        self._manager_rank = _("Placeret efter lederens prioritering som nr. %(rank)s.")
        self._unranked = _(
            "Ikke prioriteret af lederen: står efter de prioriterede ansøgninger, i den "
            "rækkefølge de blev komplet (%(when)s)."
        )
        self._o1_tie = _(
            "Ved lige mange point går den ansøgning først, der blev komplet først, og derefter "
            "referencenummeret (O1.4); denne blev komplet %(when)s."
        )
        # The sentences with a moment take its date and time directly: one formatting each.
        for name in ("_first_come", "_joint", "_unranked", "_o1_tie"):
            setattr(self, name, getattr(self, name).replace("%(when)s", self._when))
        self._weighted = _("Vægtede point: %(score)s af %(maximum)s.")
        self._moved = _(
            "Flyttet af lederen fra nr. %(source)s til nr. %(target)s. Begrundelse: %(reason)s"
        )
        self._placed = _(
            "Nr. %(ranked)s efter kriterierne; nr. %(final)s efter lederens prioritering."
        )
        self._shifted = _(
            "Nr. %(ranked)s efter kriterierne; nr. %(final)s efter at lederen har flyttet "
            "en anden ansøgning."
        )

    def _eligible(self, offer: str, required: Sequence[str]) -> str:
        labels = [self.conditions[name] for name in required]
        if offer == "O4":
            text = _("Opfylder minimumsbetingelserne i O4.5 (%(conditions)s).")
        else:
            text = _("Opfylder betingelserne i %(requirement)s (%(conditions)s).")
        return text % {"requirement": join(OFFER_REQUIREMENTS[offer]), "conditions": join(labels)}

    def when(self, moment: datetime) -> str:
        """The moment in the active language and time zone: "1. februar 2027 kl. 09.00"."""
        return self._when % self._when_parts(moment)

    def _when_parts(self, moment: datetime) -> dict[str, str]:
        """The date and the time of day of the moment, for a template with the moment."""
        local = moment.astimezone(self._zone)
        day = local.toordinal()
        date_text = self._dates.get(day)
        if date_text is None:
            date_text = self._date % {
                "day": local.day,
                "month": self._months[local.month],
                "year": local.year,
            }
            self._dates[day] = date_text
        minute = local.hour * 60 + local.minute
        time_text = self._times.get(minute)
        if time_text is None:
            time_text = self._time % {"hour": local.hour, "minute": local.minute}
            self._times[minute] = time_text
        return {"date": date_text, "time": time_text}

    def refused(self, unmet: Sequence[str]) -> str:
        """Why an application is refused, naming the unmet conditions (cached per set)."""
        key = tuple(unmet)
        text = self._refused_cache.get(key)
        if text is None:
            requirements = sorted({CONDITION_REQUIREMENT[name] for name in unmet})
            text = self._refused % {
                "requirement": join(requirements),
                "unmet": join([self.conditions[name] for name in unmet]),
            }
            self._refused_cache[key] = text
        return text

    def criteria_met(self, met: tuple[bool, ...], names, score, maximum, weighted) -> str:
        """The O1.4 sentence for one combination of criteria met (cached: 16 of them)."""
        key = (met, score)
        text = self._criteria_cache.get(key)
        if text is None:
            yes = [self.criteria[name] for name, ok in zip(names, met, strict=True) if ok]
            no = [self.criteria[name] for name, ok in zip(names, met, strict=True) if not ok]
            text = ngettext(
                "Prioriteret efter O1.4: %(met)s af %(total)s kriterier opfyldt",
                "Prioriteret efter O1.4: %(met)s af %(total)s kriterier opfyldt",
                len(names),
            ) % {"met": len(yes), "total": len(names)}
            if yes:
                text += " – " + ", ".join(yes)
            if no:
                text += _("; ikke opfyldt: %(criteria)s") % {"criteria": ", ".join(no)}
            text += "."
            if weighted:
                text += " " + self._weighted % {"score": score, "maximum": maximum}
            self._criteria_cache[key] = text
        return text

    def o1_tie(self, moment: datetime) -> str:
        return self._o1_tie % self._when_parts(moment)

    def first_come(self, moment: datetime) -> str:
        return self._first_come % self._when_parts(moment)

    def joint(self, count: int, moment: datetime) -> str:
        return self._joint % {"count": count, **self._when_parts(moment)}

    def partners_out(self, count: int) -> str:
        # Rare (a group with a refused member), so translated here rather than up front.
        return ngettext(
            "%(count)s af de andre steder i gruppen opfylder ikke betingelserne og er taget ud "
            "af det fælles forløb (O4.4).",
            "%(count)s af de andre steder i gruppen opfylder ikke betingelserne og er taget ud "
            "af det fælles forløb (O4.4).",
            count,
        ) % {"count": count}

    def manager_rank(self, rank: int | None, moment: datetime) -> str:
        if rank is None:
            return self._unranked % self._when_parts(moment)
        return self._manager_rank % {"rank": rank}

    def moved(self, source: int, target: int, reason: str) -> str:
        return self._moved % {"source": source, "target": target, "reason": reason}

    def placed(self, ranked: int, final: int) -> str:
        """Where a unit the manager moved stands, as its applicant reads it: without the
        manager's reason, which is internal (C5)."""
        return self._placed % {"ranked": ranked, "final": final}

    def shifted(self, ranked: int, final: int) -> str:
        return self._shifted % {"ranked": ranked, "final": final}

    def granted(self, position: int) -> str:
        return self._granted % {"position": position, "capacity": self.capacity}

    def waiting(self, number: int, count: int, why: str) -> str:
        return self._waiting % {"number": number, "count": count, "why": why}

    def lone_small(self, employees: int) -> str:
        """Why a small site alone waits (O4.4, O4.6); made once per number of employees."""
        text = self._lone_small_cache.get(employees)
        if text is None:
            text = self._lone_small % {"employees": employees, "threshold": self.threshold}
            self._lone_small_cache[employees] = text
        return text


def _hours(value) -> str:
    """Hours in the active language's number format: "12,5" in Danish."""
    value = Decimal(str(value))
    if value == value.to_integral_value():
        return number_format(value.quantize(Decimal(1)), 0)
    return number_format(value.normalize(), None)


def weights_are_default(weights: Mapping[str, int]) -> bool:
    return all(weight == 1 for weight in weights.values())


# Applicants read the reasons without the requirement ids (O1.3, O4.6 …), which are the
# Board's own references; staff see them on the plan. Ordered: most specific first.
_ID = r"O[1-5]\.\d(?:\s[a-d](?=\)))?"  # "O1.4 d)" names a criterion
_IDS = rf"{_ID}(?:\s*(?:,|og|and|–)\s*{_ID})*"
_APPLICANT_WORDING = (
    (re.compile(rf"(^|(?<=[.!?] ))Efter {_IDS} "), r"\1Derfor "),
    (re.compile(rf"(^|(?<=[.!?] ))Under {_IDS} "), r"\1So "),
    (re.compile(rf"\s*\({_IDS}\)"), ""),
    (re.compile(rf"\s+(?:efter|under|by|i|in|jf\.)\s+{_IDS}"), ""),
    (re.compile(rf"\s*{_IDS}"), ""),
)


def for_applicant(text: str) -> str:
    """The reason as the applicant reads it: the same words, without requirement ids."""
    for pattern, replacement in _APPLICANT_WORDING:
        text = pattern.sub(replacement, text)
    return text
