"""OParl 1.1 under /oparl/v1/: the public data of every body, for every OParl client."""

from django.urls import URLPattern

app_name = "oparl"

urlpatterns: list[URLPattern] = []
