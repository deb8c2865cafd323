"""The appointment page, under /<body>/uppfoljning/."""

from django.urls import path

from kansli.followup.views import appointments as views

urlpatterns = [
    path("tillsattningar/", views.appointment_requirements, name="appointment_requirements"),
]
