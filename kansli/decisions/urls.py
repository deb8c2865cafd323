"""The decisions app's pages: the register of decisions under /<body>/beslut/, execution and
assignments under /<body>/uppfoljning/ (each list also a CSV file with ?format=csv)."""

from django.urls import include, path

from kansli.decisions.views import assignments, execution, register

app_name = "decisions"

urlpatterns = [
    path("<slug:body>/beslut/", register.decision_list, name="decision_list"),
    path("<slug:body>/beslut/nytt/", register.decision_create, name="decision_create"),
    path(
        "<slug:body>/beslut/att-anmala/", register.decisions_unreported, name="decisions_unreported"
    ),
    path("<slug:body>/beslut/<int:decision>/", register.decision_detail, name="decision_detail"),
    path(
        "<slug:body>/beslut/<int:decision>/underlag/",
        register.evidence_create,
        name="evidence_create",
    ),
    path(
        "<slug:body>/uppfoljning/",
        include(
            [
                path("verkstallighet/", execution.execution_list, name="execution_list"),
                path(
                    "verkstallighet/beslut/<int:decision>/",
                    execution.execution_decision,
                    name="execution_decision",
                ),
                path(
                    "verkstallighet/beslut/<int:decision>/ny-uppgift/",
                    execution.execution_task_create,
                    name="execution_task_create",
                ),
                path(
                    "verkstallighet/uppgift/<int:task>/status/",
                    execution.execution_task_status,
                    name="execution_task_status",
                ),
                path(
                    "verkstallighet/ar/<year:year>/",
                    execution.execution_year,
                    name="execution_year",
                ),
                path("uppdrag/", assignments.assignment_list, name="assignment_list"),
                path("uppdrag/nytt/", assignments.assignment_create, name="assignment_create"),
                path(
                    "uppdrag/<int:assignment>/",
                    assignments.assignment_detail,
                    name="assignment_detail",
                ),
                path(
                    "uppdrag/<int:assignment>/rapport/",
                    assignments.assignment_report_create,
                    name="assignment_report_create",
                ),
                path(
                    "uppdrag/<int:assignment>/rapportor/",
                    assignments.assignment_reporter,
                    name="assignment_reporter",
                ),
                path(
                    "uppdrag/<int:assignment>/avsluta/",
                    assignments.assignment_close,
                    name="assignment_close",
                ),
            ]
        ),
    ),
]
