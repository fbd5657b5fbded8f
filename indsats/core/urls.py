from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.front, name="front"),
    path("overblik/", views.dashboard, name="dashboard"),
    path("tilgaengelighedserklaering/", views.accessibility_statement, name="accessibility"),
    path("healthz", views.healthz, name="healthz"),
]
