from django.urls import path

from kansli.registry import views

app_name = "registry"

urlpatterns = [
    path("<slug:body>/postlista/", views.registry_list, name="registry_list"),
    path("<slug:body>/postlista.csv", views.registry_list_csv, name="registry_list_csv"),
    path("<slug:body>/postlista.json", views.registry_list_json, name="registry_list_json"),
    path("<slug:body>/diarium/filer/<int:file>/", views.file_download, name="file_download"),
]
