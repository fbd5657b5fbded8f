from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.index, name="index"),
    path("<slug:key>/", views.report, name="report"),
    path("<slug:key>/excel/", views.report_excel, name="excel"),
    path("<slug:key>/csv/<slug:table>/", views.report_csv, name="csv"),
]
