from django.urls import path

from kansli.web import views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
]
