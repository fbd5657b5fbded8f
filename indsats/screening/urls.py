from django.urls import path

from .views import manage, municipality, records, screening

app_name = "screening"
urlpatterns = [
    path("", screening.screening_list, name="list"),
    path("koer/", screening.run, name="run"),
    path("koersler/<int:pk>.csv", screening.download, {"file_format": "csv"}, name="download_csv"),
    path(
        "koersler/<int:pk>.json", screening.download, {"file_format": "json"}, name="download_json"
    ),
    path("kommuner/<str:code>/", municipality.detail, name="municipality"),
    path("kommuner/<str:code>/beredskab/", records.plan_edit, name="plan_edit"),
    path("kommuner/<str:code>/presse/ny/", records.press_create, name="press_create"),
    path("kommuner/<str:code>/minister/ny/", records.ministerial_create, name="ministerial_create"),
    path("kommuner/<str:code>/sammenligningsgruppe/", records.group_edit, name="group_edit"),
    path("presse/<int:pk>/", records.press_edit, name="press_edit"),
    path("minister/<int:pk>/", records.ministerial_edit, name="ministerial_edit"),
    path("indstillinger/", manage.settings_edit, name="settings"),
    path("indstillinger/aarsagskoder/", manage.reason_codes, name="reason_codes"),
    path("import/", manage.upload, name="upload"),
]
