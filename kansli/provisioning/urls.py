"""SCIM 2.0 under /scim/v2/ (kansli/urls.py), with django-scim2's names (it reverses them).
The API key is the only sign-in (kansli.provisioning.auth), so the site's sign-in page is not
asked for. Bulk, /Me and searching across resource types are not offered: 501."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.urls import re_path
from django_scim import views as scim

from kansli.provisioning import views


def _view(view: Any, **initkwargs: Any) -> Callable[..., Any]:
    return login_not_required(view.as_view(**initkwargs))


app_name = "scim"
urlpatterns = [
    re_path(r"^$", _view(views.NotOffered), name="root"),
    re_path(r"^\.search$", _view(views.NotOffered), name="search"),
    re_path(r"^Users/\.search$", _view(views.UsersSearchView), name="users-search"),
    re_path(r"^Users(?:/(?P<uuid>[^/]+))?$", _view(views.UsersView), name="users"),
    re_path(r"^Groups/\.search$", _view(views.GroupsSearchView), name="groups-search"),
    re_path(r"^Groups(?:/(?P<uuid>[^/]+))?$", _view(views.GroupsView), name="groups"),
    re_path(r"^Me$", _view(views.NotOffered), name="me"),
    re_path(
        r"^ServiceProviderConfig$",
        _view(scim.ServiceProviderConfigView),
        name="service-provider-config",
    ),
    re_path(
        r"^ResourceTypes(?:/(?P<uuid>[^/]+))?$",
        _view(views.ResourceTypesView),
        name="resource-types",
    ),
    re_path(r"^Schemas(?:/(?P<uuid>[^/]+))?$", _view(views.SchemasView), name="schemas"),
    re_path(r"^Bulk$", _view(views.NotOffered), name="bulk"),
    re_path(r"^.*$", _view(views.NotFound), name="not-found"),
]
