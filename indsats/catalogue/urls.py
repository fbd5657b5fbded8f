from django.urls import path

from . import views

app_name = "catalogue"
urlpatterns = [
    path("", views.offer_list, name="offer_list"),
    path("<slug:slug>/", views.offer_detail, name="offer_detail"),
    path("<slug:slug>/rediger/", views.offer_edit, name="offer_edit"),
]
