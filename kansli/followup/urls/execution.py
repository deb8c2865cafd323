"""The pages of execution and assignments, under /<body>/uppfoljning/. Each list is also a
CSV file with ?format=csv."""

from django.urls import path

from kansli.followup.views import execution as views

urlpatterns = [
    path("verkstallighet/", views.execution_list, name="execution_list"),
    path(
        "verkstallighet/beslut/<int:decision>/",
        views.execution_decision,
        name="execution_decision",
    ),
    path(
        "verkstallighet/beslut/<int:decision>/ny-uppgift/",
        views.execution_task_create,
        name="execution_task_create",
    ),
    path(
        "verkstallighet/uppgift/<int:task>/status/",
        views.execution_task_status,
        name="execution_task_status",
    ),
    path(
        "verkstallighet/sammantrade/<int:meeting>/",
        views.execution_meeting,
        name="execution_meeting",
    ),
    path("verkstallighet/ar/<year:year>/", views.execution_year, name="execution_year"),
    path("uppdrag/", views.assignment_list, name="assignment_list"),
    path("uppdrag/nytt/", views.assignment_create, name="assignment_create"),
    path("uppdrag/<int:assignment>/", views.assignment_detail, name="assignment_detail"),
    path(
        "uppdrag/<int:assignment>/rapport/",
        views.assignment_report_create,
        name="assignment_report_create",
    ),
    path(
        "uppdrag/<int:assignment>/rapportor/",
        views.assignment_reporter,
        name="assignment_reporter",
    ),
    path("uppdrag/<int:assignment>/avsluta/", views.assignment_close, name="assignment_close"),
    path(
        "uppdrag/rapport/<int:report>/dagordning/",
        views.assignment_report_agenda,
        name="assignment_report_agenda",
    ),
]
