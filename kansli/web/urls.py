from django.urls import path

from kansli.web import progress_views, views

app_name = "web"

urlpatterns = [
    path("", views.home, name="home"),
    path("uppgifter/<uuid:run>/", progress_views.task_progress, name="task_progress"),
]
