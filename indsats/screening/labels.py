"""Danish names for the factors, references and measures, shared by pages and e-mails."""

from django.utils.translation import gettext_lazy as _

FACTOR_LABELS = {
    "F1": _("Intet politisk godkendt og offentligt beredskab"),
    "F2": _("Beredskabet er ikke revideret inden for fristen"),
    "F3": _("Kritik i pressen"),
    "F4": _("Ministeren har bedt om et tilbud til kommunen"),
    "F5": _("Mange underretninger om vold og seksuelle overgreb"),
    "F6": _("Få børnehussager"),
    "F7": _("Mange børnehussager og få underretninger"),
}

FACTOR_SHORT_LABELS = {
    "F1": _("Intet beredskab"),
    "F2": _("Beredskab for gammelt"),
    "F3": _("Pressekritik"),
    "F4": _("Ministeren"),
    "F5": _("Mange underretninger"),
    "F6": _("Få børnehussager"),
    "F7": _("Børnehus højt, underretninger lavt"),
}

REFERENCE_LABELS = {
    "region": _("regionen"),
    "country": _("hele landet"),
    "group": _("sammenligningsgruppen"),
}

MEASURE_LABELS = {
    "notification": _("Underretninger om vold og seksuelle overgreb pr. 1.000 børn"),
    "boernehus": _("Påbegyndte børnehussager pr. 1.000 børn"),
    "boernehus_vulnerable": _("Påbegyndte børnehussager pr. 1.000 sårbare børn"),
    "notifications_total": _("Alle underretninger pr. 1.000 børn"),
}
