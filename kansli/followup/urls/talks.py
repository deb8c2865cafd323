"""The talks page, under /<body>/uppfoljning/."""

from django.urls import path

from kansli.followup.views import talks as views

urlpatterns = [
    path("samtal/", views.talk_list, name="talk_list"),
]
