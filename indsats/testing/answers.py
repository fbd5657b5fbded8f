"""Complete, valid answers per offer, as a browser would post them; tests vary one thing."""

import datetime

from django.utils import timezone


def _today(days=0) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def o1(**changes) -> dict:
    answers = {
        "topic": "Børnesamtaler for myndighedsrådgivere",
        "delivery_forms": ["teaching", "sparring"],
        "participants": "12 rådgivere i myndighedsafdelingen",
        "motivation": "Vi vil styrke samtalerne med børn, når der er mistanke om overgreb.",
        "decision_by_name": "Birte Demo Chefsen",
        "decision_by_title": "Børne- og familiechef",
        "decision_date": _today(-3),
        "decided_at_chef_level": "on",
        "staff_resources": "Hver rådgiver får 25 timer til forløbet.",
        "management_backing": "Afdelingslederen deltager i alle dage.",
        "planned_hours": "20",
        "earlier_help": "no",
        "earlier_help_details": "",
    }
    return _apply(answers, changes)


def o2(**changes) -> dict:
    answers = {
        "needs": "Beredskabet er ikke kendt ude i dagtilbuddene.",
        "development_potential": "Et netværk af nøglepersoner i hvert distrikt.",
        "proposed_goals": "Alle ledere kender beredskabet\nNøglepersoner i hvert distrikt",
        "resources": "En projektleder på halv tid i et år.",
        "management_backing": "on",
        "accepts_own_costs": "on",
    }
    return _apply(answers, changes)


def o3(**changes) -> dict:
    answers = {
        "themes": ["detection", "psychological_violence"],
        "themes_other": "",
        "areas": ["school"],
        "areas_other": "",
        "development_needs": "Lærerne er usikre på, hvornår de skal underrette.",
        "desired_start": _today(30),
        "duration_months": "10",
    }
    return _apply(answers, changes)


def o4(**changes) -> dict:
    answers = {
        "employee_count": "40",
        "management_representatives": "Mette Demo, forstander",
        "staff_representatives": "Ali Demo, pædagog\nLine Demo, pædagog",
        "management_decision": "on",
        "decision_date": _today(-1),
        "staff_resources": "on",
        "all_staff_take_part": "on",
        "expectations": "",
        "partners": [],
    }
    return _apply(answers, changes)


def _apply(answers: dict, changes: dict) -> dict:
    for key, value in changes.items():
        if value is None:
            answers.pop(key, None)
        else:
            answers[key] = value
    return answers
