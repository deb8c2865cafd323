from django.urls import include, path

from kansli.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("", include("kansli.web.registry_urls")),
]
