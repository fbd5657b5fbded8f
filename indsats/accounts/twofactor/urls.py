from django.urls import path

from . import views

app_name = "twofactor"
urlpatterns = [
    path("", views.security, name="security"),
    path("kode/", views.verify, name="verify"),
    path("opsaet/", views.enrol, name="enrol"),
    path("skift-app/", views.replace_confirm, name="replace"),
    path("skift-app/ny/", views.replace_app, name="replace_app"),
    path("reservekoder/", views.recovery_codes, name="recovery_codes"),
    path("reservekoder/nye/", views.new_codes, name="new_codes"),
    path("nulstil/<int:pk>/", views.reset, name="reset"),
]
