"""Crisis pages, under /<body>/uppfoljning/."""

from django.urls import path

from kansli.followup.views import crisis as views

urlpatterns = [
    path("kris/", views.crisis_list, name="crisis_list"),
    path("kris/beslut-att-anmala/", views.crisis_decisions, name="crisis_decisions"),
    path("kris/<int:event>/", views.crisis_detail, name="crisis_detail"),
    path("sakerhetsskydd/", views.security_classes, name="security_classes"),
]
