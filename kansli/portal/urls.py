"""The public side's own pages: the portal of each body for the anonymous visitor."""

from django.urls import URLPattern

app_name = "portal"

urlpatterns: list[URLPattern] = []
