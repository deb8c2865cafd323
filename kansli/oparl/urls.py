"""OParl 1.1 under /oparl/v1/: the public data of every body, for every OParl client."""

from django.urls import URLPattern, path

from kansli.oparl import views

app_name = "oparl"

LISTS = {
    "organization": "organizations",
    "person": "persons",
    "membership": "memberships",
    "meeting": "meetings",
    "agendaitem": "agenda-items",
    "consultation": "consultations",
    "paper": "papers",
    "file": "files",
}

urlpatterns: list[URLPattern] = [
    path("", views.system, name="system"),
    path("bodies/", views.body_list, name="body_list"),
    path("body/<slug:body>/", views.body, name="body"),
    *[
        path(f"body/<slug:body>/{segment}/", views.object_list(kind), name=f"{kind}_list")
        for kind, segment in LISTS.items()
    ],
    path("body/<slug:body>/locations/", views.location_list, name="location_list"),
    path(
        "body/<slug:body>/legislative-terms/",
        views.legislativeterm_list,
        name="legislativeterm_list",
    ),
    path(
        "body/<slug:body>/legislative-term/<int:election>/",
        views.legislativeterm,
        name="legislativeterm",
    ),
    path("organization/<int:pk>/", views.organization, name="organization"),
    path("person/<int:pk>/", views.person, name="person"),
    path("membership/<int:pk>/", views.membership, name="membership"),
    path("meeting/<int:pk>/", views.meeting, name="meeting"),
    path("agenda-item/<int:pk>/", views.agendaitem, name="agendaitem"),
    path("consultation/<int:pk>/", views.consultation, name="consultation"),
    path("paper/<int:pk>/", views.paper, name="paper"),
    path("file/<int:pk>/", views.file, name="file"),
    path("file/<int:pk>/download/", views.file_download, name="file_download"),
    path("location/<int:pk>/", views.location, name="location"),
]
