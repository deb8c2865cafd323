"""SCIM 2.0 under /scim/v2/ (kansli/urls.py), with django-scim2's names (it reverses them).
The API key is the only sign-in (kansli.provisioning.auth), so the site's sign-in page is not
asked for. Searching by POST (.search), bulk and /Me are not offered: 501."""

from collections.abc import Callable
from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.urls import re_path
from django_scim import views as scim

from kansli.provisioning.views import GroupsView, ResourceTypesView, SchemasView, UsersView

app_name = "scim"


def _view(view: Any, **initkwargs: Any) -> Callable[..., Any]:
    return login_not_required(view.as_view(**initkwargs))


def _not_offered() -> Callable[..., Any]:
    return _view(scim.SCIMView, implemented=False)


urlpatterns = [
    re_path(r"^$", _not_offered(), name="root"),
    re_path(r"^\.search$", _not_offered(), name="search"),
    re_path(r"^Users/\.search$", _not_offered(), name="users-search"),
    re_path(r"^Users(?:/(?P<uuid>[^/]+))?$", _view(UsersView), name="users"),
    re_path(r"^Groups/\.search$", _not_offered(), name="groups-search"),
    re_path(r"^Groups(?:/(?P<uuid>[^/]+))?$", _view(GroupsView), name="groups"),
    re_path(r"^Me$", _not_offered(), name="me"),
    re_path(
        r"^ServiceProviderConfig$",
        _view(scim.ServiceProviderConfigView),
        name="service-provider-config",
    ),
    re_path(
        r"^ResourceTypes(?:/(?P<uuid>[^/]+))?$", _view(ResourceTypesView), name="resource-types"
    ),
    re_path(r"^Schemas(?:/(?P<uuid>[^/]+))?$", _view(SchemasView), name="schemas"),
    re_path(r"^Bulk$", _not_offered(), name="bulk"),
]
