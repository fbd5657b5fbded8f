"""Routes for delivering a programme (C6); included by ``urls.py`` in the programmes
namespace. Every route takes the programme's pk first."""

from django.urls import path

from .views import corrections, delivery

urlpatterns = [
    path("<int:pk>/moeder/ny/", delivery.meeting_add, name="meeting_add"),
    path("<int:pk>/moeder/<int:meeting_pk>/", delivery.meeting_edit, name="meeting_edit"),
    path("<int:pk>/temadage/ny/", delivery.theme_day_add, name="theme_day_add"),
    path("<int:pk>/temadage/<int:day_pk>/holdt/", delivery.theme_day_held, name="theme_day_held"),
    path("<int:pk>/fokusgrupper/<str:phase>/", delivery.focus_group, name="focus_group"),
    path("<int:pk>/timer/ny/", delivery.hours_add, name="hours_add"),
    path("<int:pk>/timer/loft/", delivery.hour_cap, name="hour_cap"),
    path("<int:pk>/maal/nyt/", delivery.goal_add, name="goal_add"),
    path("<int:pk>/maal/<int:goal_pk>/", delivery.goal_edit, name="goal_edit"),
    path("<int:pk>/opgaver/ny/", delivery.task_add, name="task_add"),
    path("<int:pk>/opgaver/<int:task_pk>/udfoert/", delivery.task_done, name="task_done"),
    path("<int:pk>/noter/", delivery.record_edit, name="record_edit"),
    path("<int:pk>/konsulenter/", delivery.consultants, name="consultants"),
    # Corrections and cancellations, with history (#9)
    path("<int:pk>/temadage/<int:day_pk>/", corrections.theme_day_edit, name="theme_day_edit"),
    path("<int:pk>/timer/<int:entry_pk>/", corrections.hours_edit, name="hours_edit"),
    path("<int:pk>/opgaver/<int:task_pk>/", corrections.task_edit, name="task_edit"),
    *(
        path(
            f"<int:pk>/{segment}/<int:record_pk>/{verb}/",
            corrections.cancel,
            {"kind": kind},
            name=f"{kind}_cancel",
        )
        for kind, segment, verb in (
            ("meeting", "moeder", "aflys"),
            ("theme_day", "temadage", "aflys"),
            ("hour_entry", "timer", "slet"),
            ("focus_group", "fokusgrupper", "slet"),
            ("goal", "maal", "slet"),
            ("task", "opgaver", "slet"),
        )
    ),
]
