"""The five offers as first published in Indsats, written for the catalogue from the
Board's public pages (the dates are those pages' dates). Staff edit them from here on."""

import datetime

from django.db import migrations

A, B, BOTH = "applicant", "board", "both"

OFFERS = [
    {
        "code": "O1",
        "slug": "temaforloeb",
        "reference_prefix": "TF",
        "name": "Temaforløb om overgreb mod børn",
        "applicant_kind": "municipality",
        "order": 1,
        "valid_from": datetime.date(2020, 11, 12),
        "hour_cap": 25,
        "min_days": 3,
        "max_days": 4,
        "requires_enquiry": True,
        "summary": (
            "Et kort forløb for kommuner om ét afgrænset emne inden for overgreb mod børn og "
            "unge: op til 25 timers sparring, rådgivning eller undervisning over 3–4 dage."
        ),
        "content": (
            "I vælger et konkret emne eller en problemstilling, som fylder i jeres kommune. "
            "Socialstyrelsen leverer sparring, rådgivning eller undervisning – i alt højst 25 "
            "timer fordelt over tre til fire dage.\n\n"
            "Det kan fx være sparring, mens I reviderer jeres beredskab, et kursus i samtaler "
            "med børn for rådgivere i myndighedsfunktionen eller en temadag for en "
            "personalegruppe med flere faggrupper."
        ),
        "target_group": (
            "Alle landets kommuner kan søge. Beslutningen om at søge træffes på chefniveau."
        ),
        "practical": (
            "Forløbet er gratis, og der startes nye forløb løbende. Kommunen sætter de "
            "medarbejdertimer af, som forløbet kræver."
        ),
        "steps": [
            (
                A,
                "I skriver en henvendelse",
                "Fortæl kort, hvad I overvejer at arbejde med. Henvendelsen sendes her i Indsats.",
            ),
            (
                BOTH,
                "Indledende møde",
                "Vi taler om jeres udfordringer og ønsker, og om hvilken slags forløb der passer "
                "bedst til jer.",
            ),
            (
                A,
                "I beslutter jer og ansøger",
                "Efter mødet beslutter kommunen, om og hvad den vil søge, og sender ansøgningen "
                "med henvisning til henvendelsen.",
            ),
        ],
        "rules": [
            (
                "condition",
                "O1.3",
                "chef_level_decision",
                "Beslutningen om at søge er truffet på chefniveau i kommunen.",
            ),
            (
                "condition",
                "O1.3",
                "staff_resources",
                "Kommunen sætter de nødvendige medarbejderressourcer af til forløbet.",
            ),
            (
                "criterion",
                "O1.4",
                "motivation",
                "Motivationen for forløbet er relevant og fyldestgørende beskrevet.",
            ),
            (
                "criterion",
                "O1.4",
                "delimited_topic",
                "Emnet er afgrænset og ligger inden for overgreb mod børn.",
            ),
            (
                "criterion",
                "O1.4",
                "management_backing",
                "Ledelsen bakker op og har sat ressourcer af til at deltage.",
            ),
            (
                "criterion",
                "O1.4",
                "no_earlier_help",
                "Kommunen har ikke før fået bistand fra Socialstyrelsen til forebyggelse, "
                "opsporing og håndtering af vold og seksuelle overgreb.",
            ),
        ],
    },
    {
        "code": "O2",
        "slug": "udviklingsforloeb",
        "reference_prefix": "UF",
        "name": "Udviklingsforløb om beredskabet mod overgreb",
        "applicant_kind": "municipality",
        "order": 2,
        "valid_from": datetime.date(2016, 1, 28),
        "summary": (
            "Et individuelt forløb, hvor kommunen og Socialstyrelsen sammen sætter konkrete "
            "mål for at styrke kommunens arbejde mod overgreb."
        ),
        "content": (
            "Forløbet bygger på jeres egne behov og udviklingsmuligheder. Det er et "
            "partnerskab: I og Socialstyrelsen formulerer de konkrete mål i fællesskab, og "
            "omfanget aftales, når forløbet går i gang.\n\n"
            "Alle kommuner skal have et skriftligt beredskab for forebyggelse, tidlig "
            "opsporing og håndtering af sager om overgreb mod børn og unge. Beredskabet skal "
            "være kendt af medarbejderne, blive brugt og holdes ajour – og det er her, "
            "forløbet kan hjælpe."
        ),
        "target_group": (
            "Kommuner, der vil styrke deres beredskab og praksis, og som kan afsætte tid, "
            "ressourcer og ledelsesopbakning."
        ),
        "practical": (
            "Selve forløbet er gratis. Kommunen betaler selv for fx lokaler og forplejning "
            "ved møderne."
        ),
        "expected_results": (
            "Bedre indsigt i egen praksis og i mulighederne for at udvikle den\n"
            "Større kendskab til og brug af retningslinjerne for opsporing, forebyggelse og "
            "håndtering\n"
            "Et generelt løft i viden om overgreb"
        ),
        "steps": [
            (
                A,
                "I ansøger",
                "Beskriv jeres behov, jeres bud på mål og de ressourcer, I kan sætte af.",
            ),
            (B, "Afgørelse", "Socialstyrelsen vurderer ansøgningen og giver svar."),
            (BOTH, "Mål og omfang", "Vi aftaler de konkrete mål og forløbets omfang sammen."),
            (BOTH, "Aktiviteter", "Forløbets aktiviteter gennemføres som aftalt."),
            (BOTH, "Opfølgning", "Vi følger op på målene og de forventede resultater."),
        ],
        "rules": [
            (
                "condition",
                "O2.3",
                "time_and_resources",
                "Kommunen kan afsætte den nødvendige tid og de nødvendige ressourcer.",
            ),
            ("condition", "O2.3", "management_backing", "Ledelsen bakker op om forløbet."),
            (
                "condition",
                "O2.2",
                "pays_premises",
                "Kommunen afholder selv udgifter til lokaler, forplejning og lignende.",
            ),
        ],
    },
    {
        "code": "O3",
        "slug": "fleksibelt-raadgivningsforloeb",
        "reference_prefix": "FR",
        "name": "Fleksibelt rådgivningsforløb",
        "applicant_kind": "municipality",
        "order": 3,
        "valid_from": datetime.date(2021, 2, 9),
        "min_months": 8,
        "max_months": 12,
        "summary": (
            "Et gratis rådgivningsforløb på 8–12 måneder, der tilrettelægges efter kommunens "
            "egne udviklingsbehov."
        ),
        "content": (
            "Forløbet formes efter jeres behov og kan handle om fx opsporing, tværfagligt "
            "samarbejde eller psykisk vold. Det kan også rette sig mod en bestemt del af "
            "børne- og ungeområdet: dagtilbud, skole eller myndighed.\n\n"
            "Rådgivningen har et strategisk sigte: varige forbedringer for de børn, der er i "
            "risiko for eller udsættes for overgreb – og for de medarbejdere og ledere, der "
            "arbejder med dem."
        ),
        "target_group": (
            "Kommuner, der vil styrke indsatsen mod vold og seksuelle overgreb mod børn og unge."
        ),
        "practical": (
            "Gratis. Varer omkring 8–12 måneder, og nye forløb starter løbende. Forløbet "
            "gives af SISO, Socialstyrelsens videnscenter for sociale indsatser ved vold og "
            "seksuelle overgreb mod børn."
        ),
        "steps": [
            (A, "I ansøger", "Vælg temaer og områder, og beskriv jeres udviklingsbehov."),
            (B, "Afgørelse", "Socialstyrelsen vurderer ansøgningen og giver svar."),
            (
                BOTH,
                "Plan for forløbet",
                "Sammen lægger vi en plan for 8–12 måneder med temaer, områder og mål.",
            ),
            (BOTH, "Aktiviteter", "Rådgivningen gennemføres efter planen."),
            (BOTH, "Evaluering", "Vi ser sammen på, hvad forløbet har flyttet."),
        ],
        "rules": [
            (
                "condition",
                "O3.1",
                "duration",
                "Forløbet planlægges til at vare mellem 8 og 12 måneder.",
            ),
            (
                "condition",
                "O3.3",
                "development_needs",
                "Ansøgningen beskriver kommunens udviklingsbehov på området.",
            ),
        ],
    },
    {
        "code": "O4",
        "slug": "opkvalificeringsforloeb",
        "reference_prefix": "OK",
        "name": "Opkvalificeringsforløb for døgninstitutioner og opholdssteder",
        "applicant_kind": "placement_site",
        "order": 4,
        "valid_from": datetime.date(2018, 5, 3),
        "small_site_threshold": 25,
        "summary": (
            "To sammenhængende temadage på stedet og støtte til at skrive stedets egen "
            "politik mod overgreb."
        ),
        "content": (
            "Forløbet består af to temadage i træk på anbringelsesstedet og hjælp til at "
            "skrive en politik for forebyggelse, tidlig opsporing og kvalificeret håndtering "
            "af sager om overgreb mod børn og unge. Ved start og afslutning interviewer vi en "
            "gruppe medarbejdere i et fokusgruppeinterview, så det lærte bliver til praksis.\n\n"
            "Temadagene kommer omkring de juridiske rammer, definitioner og hvor udbredt vold "
            "og seksuelle overgreb er; tvivl og dilemmaer, når der er mistanke; tegn og "
            "reaktioner og samtalen med barnet; og børns seksualitet og bekymrende seksuel "
            "adfærd."
        ),
        "target_group": (
            "Døgninstitutioner og opholdssteder. Har stedet færre end 25 ansatte, skal det gå "
            "sammen med et eller flere andre steder: hvert sted sender sin egen ansøgning, og "
            "stederne deler det indledende møde."
        ),
        "practical": (
            "Gratis. Stedet stiller lokale, forplejning og AV-udstyr til rådighed på "
            "temadagene og står for den praktiske planlægning. Der kan være ventetid."
        ),
        "steps": [
            (A, "Interesse", "Stedet overvejer et opkvalificeringsforløb."),
            (
                A,
                "Spørgsmål til projektlederen",
                "Har I spørgsmål, kan I skrive til projektlederen her i Indsats.",
            ),
            (
                A,
                "Arbejdsgruppe",
                "Stedet nedsætter en arbejdsgruppe med mindst én fra ledelsen og to til tre "
                "medarbejderrepræsentanter.",
            ),
            (A, "Ansøgning", "Stedet udfylder og sender ansøgningen."),
            (
                BOTH,
                "Indledende møde",
                "Vi mødes med ledelsen og arbejdsgruppen om stedets målgruppe, erfaringer og "
                "forventninger, skrivningen af politikken og de praktiske aftaler.",
            ),
            (
                B,
                "Samarbejdsaftale",
                "Socialstyrelsen skriver en samarbejdsaftale med det, vi aftalte på mødet.",
            ),
            (BOTH, "To temadage", "To sammenhængende temadage på stedet."),
            (A, "Udkast til politik", "Stedet sender sit udkast til politik."),
            (
                BOTH,
                "Afsluttende møde",
                "Socialstyrelsen giver sparring, bl.a. på udkastet til politik.",
            ),
            (A, "Endelig politik", "Stedet sender den endelige politik."),
        ],
        "rules": [
            (
                "condition",
                "O4.5",
                "management_decision",
                "Ledelsen har besluttet forløbet og bakker op om det.",
            ),
            (
                "condition",
                "O4.5",
                "staff_resources",
                "Der er sat personaleressourcer af til hele forløbet: temadagene, udkast og "
                "endelig politik samt det indledende og det afsluttende møde.",
            ),
            (
                "condition",
                "O4.5",
                "all_staff",
                "Målet er, at alle stedets ansatte deltager i forløbet.",
            ),
            (
                "condition",
                "O4.3",
                "working_group",
                "Der er en arbejdsgruppe med mindst én ledelsesrepræsentant og to til tre "
                "medarbejderrepræsentanter.",
            ),
            (
                "condition",
                "O4.4",
                "small_site_partner",
                "Et sted med færre end 25 ansatte får et forløb, når det har indgået samarbejde "
                "med et eller flere andre steder.",
            ),
            (
                "criterion",
                "O4.6",
                "first_come_first_served",
                "Steder, der opfylder betingelserne, får forløb i den rækkefølge, ansøgningerne "
                "kommer ind, så langt kapaciteten rækker.",
            ),
        ],
    },
    {
        "code": "O5",
        "slug": "konsulentbistand-paa-initiativ",
        "reference_prefix": "",
        "name": "Når Socialstyrelsen selv tager kontakt",
        "applicant_kind": "none",
        "order": 5,
        "valid_from": datetime.date(2017, 1, 12),
        "is_open": False,
        "summary": (
            "Socialstyrelsen kan selv kontakte en kommune og tilbyde konsulentbistand, når "
            "flere forhold tyder på, at kommunen har svært ved at forebygge, opspore eller "
            "håndtere overgreb mod børn."
        ),
        "content": (
            "Vurderingen er altid en samlet, faglig vurdering. Indsats hjælper med at samle "
            "oplysningerne og forklare dem, men det er Socialstyrelsens medarbejdere, der "
            "beslutter, om en kommune skal kontaktes."
        ),
        "target_group": "Kommuner. Der skal ikke søges om denne bistand.",
        "practical": (
            "Tallene sammenlignes som antal pr. 1.000 børn i alderen 0–17 år med "
            "regionen, hele landet og sammenlignelige kommuner."
        ),
        "steps": [
            (B, "Screening", "Socialstyrelsen ser på de forhold, der er nævnt nedenfor."),
            (B, "Beslutning", "Medarbejderne beslutter at kontakte, holde øje eller lade være."),
            (B, "Kontakt", "Socialstyrelsen kontakter kommunen."),
            (BOTH, "Møde og tilbud", "Vi mødes og aftaler, hvilken bistand der giver mening."),
        ],
        "rules": [
            (
                "criterion",
                "F1",
                "no_plan",
                "Kommunen har ikke et politisk godkendt og offentligt tilgængeligt beredskab.",
            ),
            (
                "criterion",
                "F2",
                "plan_not_revised",
                "Beredskabet er ikke revideret, godkendt og offentliggjort inden for de seneste "
                "fire år.",
            ),
            (
                "criterion",
                "F3",
                "press_criticism",
                "Kommunens håndtering af overgrebssager er blevet kritiseret i pressen.",
            ),
            (
                "criterion",
                "F4",
                "ministerial_request",
                "Ministeren har bedt Socialstyrelsen tilbyde kommunen sparring eller "
                "konsulentbistand.",
            ),
            (
                "criterion",
                "F5",
                "many_notifications",
                "Der er mange underretninger om vold og seksuelle overgreb sammenlignet med "
                "regionen, landet eller sammenlignelige kommuner.",
            ),
            (
                "criterion",
                "F6",
                "few_boernehus_cases",
                "Der er få børnehussager sammenlignet med de samme grupper, eventuelt set i "
                "forhold til andelen af sårbare børn.",
            ),
            (
                "criterion",
                "F7",
                "many_cases_few_notifications",
                "Der er forholdsvis mange børnehussager og samtidig forholdsvis få underretninger.",
            ),
        ],
    },
]


def load(apps, schema_editor):
    Offer = apps.get_model("catalogue", "Offer")
    OfferStep = apps.get_model("catalogue", "OfferStep")
    OfferCondition = apps.get_model("catalogue", "OfferCondition")
    for data in OFFERS:
        data = dict(data)
        steps = data.pop("steps")
        rules = data.pop("rules")
        offer, created = Offer.objects.get_or_create(code=data["code"], defaults=data)
        if not created:
            continue
        for number, (actor, title, text) in enumerate(steps, start=1):
            OfferStep.objects.create(
                offer=offer, number=number, actor=actor, title=title, text=text
            )
        for order, (kind, requirement, key, text) in enumerate(rules, start=1):
            OfferCondition.objects.create(
                offer=offer, kind=kind, requirement=requirement, key=key, text=text, order=order
            )


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
