from django.urls import path

from . import contact_views, export_views, views

app_name = "organisations"
urlpatterns = [
    path("min/", views.mine, name="mine"),
    path("kommuner/", views.municipalities, name="municipalities"),
    path("kommuner/<str:code>/kontakter/", contact_views.contact_list, name="contacts"),
    path("kommuner/<str:code>/kontakter/ny/", contact_views.contact_create, name="contact_create"),
    path("kontakter/<int:pk>/", contact_views.contact_edit, name="contact_edit"),
    path("kontakter/<int:pk>/fjern/", contact_views.contact_delete, name="contact_delete"),
    path("anbringelsessteder/", views.placement_sites, name="placement_sites"),
    path("anbringelsessteder/ny/", views.placement_site_create, name="placement_site_create"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/rediger/", views.placement_site_edit, name="placement_site_edit"),
    path("<int:pk>/dataudtraek/", export_views.data_export, name="data_export"),
]
