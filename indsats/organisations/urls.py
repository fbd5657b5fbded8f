from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("min/", views.mine, name="mine"),
    path("kommuner/", views.municipalities, name="municipalities"),
    path("anbringelsessteder/", views.placement_sites, name="placement_sites"),
    path("anbringelsessteder/ny/", views.placement_site_create, name="placement_site_create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/rediger/", views.placement_site_edit, name="placement_site_edit"),
]
