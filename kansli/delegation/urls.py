"""The delegation pages: who may decide what, and the delegation order."""

from django.urls import path

from kansli.delegation import draft_views, views

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
    path(
        "<slug:body>/delegation/ordning/<int:order>/utkast/",
        draft_views.order_draft_create,
        name="order_draft_create",
    ),
    path(
        "<slug:body>/delegation/utkast/ladda-upp/",
        draft_views.order_draft_upload,
        name="order_draft_upload",
    ),
    path("<slug:body>/delegation/utkast/<int:draft>/", draft_views.order_draft, name="order_draft"),
    path(
        "<slug:body>/delegation/utkast/<int:draft>/fil/",
        draft_views.order_draft_file,
        name="order_draft_file",
    ),
    path(
        "<slug:body>/delegation/utkast/<int:draft>/regel/ny/",
        draft_views.order_draft_rule,
        name="order_draft_rule_new",
    ),
    path(
        "<slug:body>/delegation/utkast/<int:draft>/regel/<str:rule>/",
        draft_views.order_draft_rule,
        name="order_draft_rule",
    ),
    path(
        "<slug:body>/delegation/utkast/<int:draft>/regel/<str:rule>/ta-bort/",
        draft_views.order_draft_rule_remove,
        name="order_draft_rule_remove",
    ),
]
