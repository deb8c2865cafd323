"""The public side's own pages: the portal of each body for the anonymous visitor. The start
page of every body is the shell's `/` (`kansli.web.views.home`), which serves the portal's
start page to the public."""

from django.urls import path

from kansli.portal import views

app_name = "portal"

urlpatterns = [
    path("<slug:body>/", views.body_portal, name="body"),
    path("<slug:body>/sok/", views.search, name="search"),
    path("<slug:body>/protokoll/", views.minutes, name="minutes"),
    path("<slug:body>/gallande-styrdokument/", views.documents, name="documents"),
    path("<slug:body>/fortroendevalda/", views.organisation, name="organisation"),
]
