from django.urls import path

from .views import applying, backoffice, deciding, enquiries, portal

app_name = "applications"
urlpatterns = [
    path("portal/", portal.portal, name="portal"),
    path("henvendelser/ny/<slug:slug>/", enquiries.enquiry_create, name="enquiry_create"),
    path("henvendelser/<int:pk>/", enquiries.enquiry_detail, name="enquiry_detail"),
    path("henvendelser/<int:pk>/fordel/", enquiries.enquiry_assign, name="enquiry_assign"),
    path("ansoeg/<slug:slug>/", applying.start, name="start"),
    path("ansoegninger/<int:pk>/", portal.detail, name="detail"),
    path("ansoegninger/<int:pk>/udfyld/", applying.edit, name="edit"),
    path("ansoegninger/<int:pk>/opsummering/", applying.review, name="review"),
    path("ansoegninger/<int:pk>/kvittering/", applying.receipt, name="receipt"),
    path("ansoegninger/<int:pk>/traek-tilbage/", applying.withdraw, name="withdraw"),
    path("ansoegninger/<int:pk>/dokumenter/<slug:kind>/", portal.upload, name="upload"),
    path("dokumenter/<int:version_pk>/", portal.download, name="download"),
    path("sagsbehandling/", backoffice.inbox, name="inbox"),
    path("sagsbehandling/ansoegninger/<int:pk>/", backoffice.case, name="case"),
    path("sagsbehandling/ansoegninger/<int:pk>/fordel/", backoffice.assign, name="assign"),
    path("sagsbehandling/ansoegninger/<int:pk>/vurdering/", backoffice.assess, name="assess"),
    path("sagsbehandling/ansoegninger/<int:pk>/afgoerelse/", deciding.decide, name="decide"),
    path("sagsbehandling/ansoegninger/<int:pk>/undtagelse/", deciding.override, name="override"),
    path(
        "sagsbehandling/afgoerelser/<int:decision_pk>/brev/",
        deciding.correct_letter,
        name="correct_letter",
    ),
    path(
        "sagsbehandling/afgoerelser/<int:decision_pk>/genoptag/",
        backoffice.reopen,
        name="reopen",
    ),
]
