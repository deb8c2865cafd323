"""The organisation's pages: the tree, an organization on a date, a person."""

from django.urls import path

from kansli.organisation import views

app_name = "organisation"

urlpatterns = [
    path("<slug:body>/organisation/", views.organization_tree, name="organization_tree"),
    path(
        "<slug:body>/organisation/<slug:organization>/",
        views.organization_detail,
        name="organization_detail",
    ),
    path("<slug:body>/personer/<int:person>/", views.person_detail, name="person_detail"),
]
