"""English versions of the catalogue's texts (C11), written for Indsats from the Danish
texts of 0002_offers, and the theme-day topics of O4.2 as data.

A text is filled only where its Danish original is still the one 0002 published and the
English field is empty: a text staff have changed since is left for them to translate
(the edit page marks it).
"""

from importlib import import_module

from django.db import migrations

SEEDED = import_module("indsats.catalogue.migrations.0002_offers").OFFERS

THEME_DAY_TOPICS = {
    "O4": (
        "Lovgivning, definitioner og omfang\n"
        "Tvivl og dilemmaer ved mistanke\n"
        "Tegn og reaktioner samt samtalen med barnet\n"
        "Børns seksualitet og bekymrende seksuel adfærd",
        "Legislation, definitions and extent\n"
        "Doubts and dilemmas when abuse is suspected\n"
        "Signs and reactions, and talking with the child\n"
        "Children's sexuality and worrying sexual behaviour",
    ),
}

ENGLISH = {
    "O1": {
        "name": "Theme programme on abuse of children",
        "summary": (
            "A short programme for municipalities on one well-defined topic within abuse of "
            "children and young people: up to 25 hours of sparring, advice or teaching over "
            "3–4 days."
        ),
        "content": (
            "You choose a specific topic or problem that matters in your municipality. Socialstyrelsen "
            "provides sparring, advice or teaching – at most 25 hours in all, spread "
            "over three to four days.\n\n"
            "It might be sparring while you revise your preparedness plan, a course for "
            "case workers on talking with children, or a theme day for a staff group made "
            "up of several professions."
        ),
        "target_group": (
            "Every municipality in Denmark can apply. The decision to apply is made at "
            "senior management level."
        ),
        "practical": (
            "The programme is free of charge, and new programmes start all the time. The "
            "municipality sets aside the staff hours the programme needs."
        ),
        "steps": [
            (
                "You send an enquiry",
                "Tell us briefly what you are thinking of working on. The enquiry is sent "
                "here in Indsats.",
            ),
            (
                "Initial meeting",
                "We talk about your challenges and wishes, and about which kind of programme "
                "suits you best.",
            ),
            (
                "You decide and apply",
                "After the meeting the municipality decides whether to apply and for what, "
                "and sends the application with a reference to the enquiry.",
            ),
        ],
        "rules": {
            "chef_level_decision": (
                "The decision to apply has been made at senior management level in the "
                "municipality."
            ),
            "staff_resources": "The municipality sets aside the staff the programme needs.",
            "motivation": "The reasons for the programme are relevant and fully described.",
            "delimited_topic": "The topic is well defined and lies within abuse of children.",
            "management_backing": (
                "Management supports the programme and has set aside resources to take part."
            ),
            "no_earlier_help": (
                "The municipality has not had help from Socialstyrelsen before with preventing, "
                "detecting and handling violence and sexual abuse."
            ),
        },
    },
    "O2": {
        "name": "Development programme on preparedness against abuse",
        "summary": (
            "A programme tailored to the municipality, in which the municipality and Socialstyrelsen "
            "together set specific goals for strengthening its work against abuse."
        ),
        "content": (
            "The programme builds on your own needs and room for development. It is a "
            "partnership: you and Socialstyrelsen write the specific goals together, and the "
            "scope is agreed when the programme starts.\n\n"
            "Every municipality must have a written preparedness plan for preventing, "
            "detecting early and handling cases of abuse of children and young people. "
            "Staff must know the plan, use it and keep it up to date – and that is where "
            "the programme can help."
        ),
        "target_group": (
            "Municipalities that want to strengthen their preparedness and practice, and "
            "that can set aside time, resources and management support."
        ),
        "practical": (
            "The programme itself is free of charge. The municipality pays for such things "
            "as rooms and catering for the meetings."
        ),
        "expected_results": (
            "Better insight into your own practice and into the ways of developing it\n"
            "Better knowledge and use of the guidelines for detection, prevention and "
            "handling\n"
            "A general rise in knowledge about abuse"
        ),
        "steps": [
            (
                "You apply",
                "Describe your needs, the goals you have in mind and the resources you can "
                "set aside.",
            ),
            ("Decision", "Socialstyrelsen assesses the application and replies."),
            ("Goals and scope", "Together we agree on the specific goals and the scope."),
            ("Activities", "The programme's activities are carried out as agreed."),
            ("Follow-up", "We follow up on the goals and the expected results."),
        ],
        "rules": {
            "time_and_resources": "The municipality can set aside the time and resources needed.",
            "management_backing": "Management supports the programme.",
            "pays_premises": (
                "The municipality pays its own costs of rooms, catering and the like."
            ),
        },
    },
    "O3": {
        "name": "Flexible advisory programme",
        "summary": (
            "A free advisory programme of 8–12 months, planned around the municipality's own "
            "development needs."
        ),
        "content": (
            "The programme is shaped by your needs and may deal with, for example, "
            "detection, working across professions or psychological violence. It may also "
            "focus on one part of the services for children and young people: day care, "
            "school or the authority's case work.\n\n"
            "The advice has a strategic aim: lasting improvements for the children who are "
            "at risk of or exposed to abuse – and for the staff and managers who work with "
            "them."
        ),
        "target_group": (
            "Municipalities that want to strengthen their work against violence and sexual "
            "abuse of children and young people."
        ),
        "practical": (
            "Free of charge. Lasts about 8–12 months, and new programmes start all the time. "
            "The programme is given by SISO, Socialstyrelsen's knowledge centre for social work on "
            "violence and sexual abuse of children."
        ),
        "steps": [
            ("You apply", "Choose themes and areas, and describe your development needs."),
            ("Decision", "Socialstyrelsen assesses the application and replies."),
            (
                "Plan for the programme",
                "Together we draw up a plan for 8–12 months with themes, areas and goals.",
            ),
            ("Activities", "The advice is given according to the plan."),
            ("Evaluation", "Together we look at what the programme has changed."),
        ],
        "rules": {
            "duration": "The programme is planned to last between 8 and 12 months.",
            "development_needs": (
                "The application describes the municipality's development needs in this area."
            ),
        },
    },
    "O4": {
        "name": "Training programme for residential institutions and care homes",
        "summary": (
            "Two connected theme days at the site and support in writing the site's own "
            "policy against abuse."
        ),
        "content": (
            "The programme consists of two theme days in a row at the placement site and "
            "help with writing a policy for preventing, detecting early and properly "
            "handling cases of abuse of children and young people. At the start and at the "
            "end we interview a group of staff in a focus group, so that what was learnt "
            "becomes practice.\n\n"
            "The theme days cover the legal framework, definitions and how common violence "
            "and sexual abuse are; doubts and dilemmas when abuse is suspected; signs and "
            "reactions and talking with the child; and children's sexuality and worrying "
            "sexual behaviour."
        ),
        "target_group": (
            "Residential institutions and care homes. A site with fewer than 25 employees "
            "must join one or more other sites: each site sends its own application, and "
            "the sites share the initial meeting."
        ),
        "practical": (
            "Free of charge. The site provides rooms, catering and audio-visual equipment "
            "for the theme days and takes care of the practical planning. There may be a "
            "waiting time."
        ),
        "steps": [
            ("Interest", "The site is considering a training programme."),
            (
                "Questions to the project leader",
                "If you have questions, you can write to the project leader here in Indsats.",
            ),
            (
                "Working group",
                "The site sets up a working group with at least one member of management and "
                "two to three staff representatives.",
            ),
            ("Application", "The site fills in and sends the application."),
            (
                "Initial meeting",
                "We meet management and the working group about the site's target group, "
                "experience and expectations, the writing of the policy and the practical "
                "arrangements.",
            ),
            (
                "Collaboration agreement",
                "Socialstyrelsen writes a collaboration agreement with what we agreed at the meeting.",
            ),
            ("Two theme days", "Two connected theme days at the site."),
            ("Draft policy", "The site sends its draft policy."),
            (
                "Closing meeting",
                "Socialstyrelsen gives sparring, among other things on the draft policy.",
            ),
            ("Final policy", "The site sends its final policy."),
        ],
        "rules": {
            "management_decision": "Management has decided on the programme and supports it.",
            "staff_resources": (
                "Staff time has been set aside for the whole programme: the theme days, the "
                "draft and final policy, and the initial and closing meetings."
            ),
            "all_staff": "The aim is that all the site's employees take part in the programme.",
            "working_group": (
                "There is a working group with at least one management representative and "
                "two to three staff representatives."
            ),
            "small_site_partner": (
                "A site with fewer than 25 employees gets a programme once it has joined "
                "forces with one or more other sites."
            ),
            "first_come_first_served": (
                "Sites that meet the conditions get a programme in the order the "
                "applications arrive, as far as capacity allows."
            ),
        },
    },
    "O5": {
        "name": "When Socialstyrelsen gets in touch itself",
        "summary": (
            "Socialstyrelsen may contact a municipality itself and offer consultancy when several "
            "things suggest that the municipality finds it hard to prevent, detect or handle "
            "abuse of children."
        ),
        "content": (
            "The assessment is always an overall, professional one. Indsats helps gather the "
            "information and explain it, but it is Socialstyrelsen's staff who decide whether a "
            "municipality is contacted."
        ),
        "target_group": "Municipalities. There is no need to apply for this help.",
        "practical": (
            "The figures are compared as numbers per 1,000 children aged 0–17 with the "
            "region, the whole country and comparable municipalities."
        ),
        "steps": [
            ("Screening", "Socialstyrelsen looks at the factors listed below."),
            ("Decision", "Staff decide to make contact, keep an eye on it, or do nothing."),
            ("Contact", "Socialstyrelsen contacts the municipality."),
            ("Meeting and offer", "We meet and agree which help makes sense."),
        ],
        "rules": {
            "no_plan": (
                "The municipality has no preparedness plan that is politically approved and "
                "publicly available."
            ),
            "plan_not_revised": (
                "The preparedness plan has not been revised, approved and published within "
                "the last four years."
            ),
            "press_criticism": (
                "The municipality's handling of abuse cases has been criticised in the press."
            ),
            "ministerial_request": (
                "The minister has asked Socialstyrelsen to offer the municipality sparring or "
                "consultancy."
            ),
            "many_notifications": (
                "There are many notifications of violence and sexual abuse compared with the "
                "region, the country or comparable municipalities."
            ),
            "few_boernehus_cases": (
                "There are few children's house (børnehus) cases compared with the same "
                "groups, possibly in relation to the share of vulnerable children."
            ),
            "many_cases_few_notifications": (
                "There are relatively many children's house (børnehus) cases and at the same "
                "time relatively few notifications."
            ),
        },
    },
}

OFFER_FIELDS = ("name", "summary", "content", "target_group", "practical", "expected_results")


def _fill(record, field: str, seeded_danish: str, english: str) -> bool:
    """Set ``<field>_en`` if it is empty and the Danish text is still the seeded one."""
    if getattr(record, f"{field}_en") or getattr(record, field) != seeded_danish:
        return False
    setattr(record, f"{field}_en", english)
    return True


def fill(apps, schema_editor):
    Offer = apps.get_model("catalogue", "Offer")
    for seeded in SEEDED:
        offer = Offer.objects.filter(code=seeded["code"]).first()
        if offer is None:
            continue
        english = ENGLISH[seeded["code"]]
        for field in OFFER_FIELDS:
            if field in english:
                _fill(offer, field, seeded.get(field, ""), english[field])
        if seeded["code"] in THEME_DAY_TOPICS and not offer.theme_day_topics:
            offer.theme_day_topics, offer.theme_day_topics_en = THEME_DAY_TOPICS[seeded["code"]]
        offer.save()
        steps = {step.number: step for step in offer.steps.all()}
        for number, ((_actor, title, text), (title_en, text_en)) in enumerate(
            zip(seeded["steps"], english["steps"], strict=True), start=1
        ):
            step = steps.get(number)
            if step is not None:
                changed = _fill(step, "title", title, title_en)
                changed = _fill(step, "text", text, text_en) or changed
                if changed:
                    step.save()
        rules = {rule.key: rule for rule in offer.rules.all()}
        for _kind, _requirement, key, text in seeded["rules"]:
            rule = rules.get(key)
            if rule is not None and _fill(rule, "text", text, english["rules"][key]):
                rule.save()


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0003_english_texts")]
    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
