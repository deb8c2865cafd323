"""django-scim2's views as Kansli serves them: ids that are Kansli's numbers (any other id is a
SCIM 404), `attributes` and `excludedAttributes` honoured, the discovery lists counted as
RFC 7644 (3.4.2) wants every list to be, and every refusal a SCIM error."""

import json
from typing import Any

from django.contrib.auth.models import Group
from django.http import HttpRequest, HttpResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django_scim import constants, exceptions, views

from kansli.accounts.models import User

# Returned whatever the client asks to leave out (RFC 7643 7: "returned": "always").
ALWAYS = {"id", "schemas", "meta"}


def _selected(resource: dict[str, Any], request: HttpRequest) -> dict[str, Any]:
    """The resource with only the attributes asked for, or without those left out."""
    asked = {name.strip().lower() for name in request.GET.get("attributes", "").split(",")}
    left_out = {
        name.strip().lower() for name in request.GET.get("excludedAttributes", "").split(",")
    }
    asked.discard("")
    left_out.discard("")

    def kept(name: str) -> bool:
        if name in ALWAYS:
            return True
        if asked:
            return name.lower() in asked
        return name.lower() not in left_out

    return {name: value for name, value in resource.items() if kept(name)}


def _rewritten(response: HttpResponse, request: HttpRequest) -> HttpResponse:
    if response.status_code not in {200, 201}:
        return response
    document = json.loads(response.content)
    if "Resources" in document:
        document["Resources"] = [_selected(item, request) for item in document["Resources"]]
    else:
        document = _selected(document, request)
    response.content = json.dumps(document).encode()
    return response


class Kansli:
    """Kansli's ids, attribute selection and errors, over any django-scim2 view."""

    kwargs: dict[str, Any]

    def get_object(self) -> Any:
        uuid = str(self.kwargs.get("uuid") or "")
        if not uuid.isdigit():
            raise exceptions.NotFoundError(uuid)
        return super().get_object()  # type: ignore[misc]

    # The client is a directory with a key, not a browser (django-scim2's own dispatch is too).
    @method_decorator(csrf_exempt)
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response: HttpResponse = super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        return _rewritten(response, request)

    def status_501(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        error = exceptions.SCIMException(_("Kansli erbjuder inte detta."), status=501)
        return HttpResponse(
            json.dumps(error.to_dict()), content_type=constants.SCIM_CONTENT_TYPE, status=501
        )


class UsersView(Kansli, views.UsersView):
    pass


class GroupsView(Kansli, views.GroupsView):
    pass


class UsersSearchView(Kansli, views.UserSearchView):
    """POST /Users/.search, read through the same scope as the users' list."""

    @property
    def model_cls(self) -> type[User]:
        return User


class GroupsSearchView(Kansli, views.GroupSearchView):
    @property
    def model_cls(self) -> type[Group]:
        return Group


class NotOffered(Kansli, views.SCIMView):
    implemented = False


class NotFound(Kansli, views.SCIMView):
    """Any other path under /scim/v2/: a SCIM 404."""

    http_method_names = ["get", "post", "put", "patch", "delete"]

    @method_decorator(csrf_exempt)
    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        error = exceptions.NotFoundError(request.path)
        return HttpResponse(
            json.dumps(error.to_dict()), content_type=constants.SCIM_CONTENT_TYPE, status=404
        )


class CountedList(Kansli):
    def get(
        self, request: HttpRequest, uuid: str | None = None, *args: Any, **kwargs: Any
    ) -> HttpResponse:
        response: HttpResponse = super().get(request, uuid, *args, **kwargs)  # type: ignore[misc]
        if response.status_code == 404:
            raise exceptions.NotFoundError(uuid)
        if uuid is None:
            listed = json.loads(response.content)
            count = len(listed["Resources"])
            listed.update({"totalResults": count, "itemsPerPage": count, "startIndex": 1})
            response.content = json.dumps(listed).encode()
        return response


class ResourceTypesView(CountedList, views.ResourceTypesView):
    pass


class SchemasView(CountedList, views.SchemasView):
    pass
