from django.urls import path

from . import portal_views, views

app_name = "allocation"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("ny-periode/", views.capacity_create, name="capacity_create"),
    path("konsulenter/<str:period>/", views.consultant_hours, name="consultants"),
    path("partnere/", portal_views.partner_suggestions, name="partners"),
    path("partnere/foreslaa/", portal_views.propose_partners, name="propose_partners"),
    path("<str:code>/<str:period>/", views.plan, name="plan"),
    path("<str:code>/<str:period>/kapacitet/", views.capacity_edit, name="capacity"),
    path("<str:code>/<str:period>/flyt/", views.move, name="move"),
    path(
        "<str:code>/<str:period>/flyt/<int:move_pk>/fortryd/",
        views.cancel_move,
        name="cancel_move",
    ),
    path("<str:code>/<str:period>/bekraeft/", views.confirm, name="confirm"),
    path(
        "ansoegninger/<int:pk>/samarbejde/",
        portal_views.accept_partnership,
        name="accept_partnership",
    ),
]
