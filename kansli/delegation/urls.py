"""The delegation pages: who may decide what, and the delegation order."""

from django.urls import path

from kansli.delegation import views

app_name = "delegation"

urlpatterns = [
    path("<slug:body>/delegation/vem-far-besluta/", views.who_decides, name="who_decides"),
    path("<slug:body>/delegation/mina-befogenheter/", views.my_powers, name="my_powers"),
    path("<slug:body>/delegation/ordning/", views.order_list, name="delegation_order_list"),
    path(
        "<slug:body>/delegation/ordning/<int:order>/",
        views.order_detail,
        name="delegation_order_detail",
    ),
    path(
        "<slug:body>/delegation/ordning/<int:order>/pdf/",
        views.order_pdf,
        name="delegation_order_pdf",
    ),
]
