"""The public records request pages' routes, joined to the registry's (namespace registry): the
public's under /<body>/allmanna-handlingar/, the registrar's and the delegate's under the
registry's /<body>/diarium/begaranden/."""

from django.urls import path

from kansli.registry import request_views as views

PUBLIC = "<slug:body>/allmanna-handlingar/"
STAFF = "<slug:body>/diarium/begaranden/"

patterns = [
    path(PUBLIC, views.records_request_create, name="records_request_create"),
    path(f"{PUBLIC}<str:key>/", views.records_request_follow, name="records_request_follow"),
    path(
        f"{PUBLIC}<str:key>/filer/<int:file>/",
        views.records_request_file,
        name="records_request_file",
    ),
    path(STAFF, views.records_request_queue, name="records_request_queue"),
    path(f"{STAFF}ny/", views.records_request_intake, name="records_request_intake"),
    path(f"{STAFF}<int:request_id>/", views.records_request_detail, name="records_request_detail"),
    path(
        f"{STAFF}<int:request_id>/provning/",
        views.records_request_assess,
        name="records_request_assess",
    ),
    path(
        f"{STAFF}<int:request_id>/svar/",
        views.records_request_answer,
        name="records_request_answer",
    ),
    path(
        f"{STAFF}<int:request_id>/begar-myndighetens-beslut/",
        views.records_request_review_ask,
        name="records_request_review_ask",
    ),
    path(
        f"{STAFF}<int:request_id>/myndighetens-beslut/",
        views.records_request_review_decide,
        name="records_request_review_decide",
    ),
]
