"""django-scim2's views, with ids that are Kansli's numbers (any other id is a SCIM 404) and
the discovery lists counted as RFC 7644 (3.4.2) wants every list response to be."""

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django_scim import exceptions, views


class NumericIds:
    kwargs: dict[str, Any]

    def get_object(self) -> Any:
        uuid = str(self.kwargs.get("uuid") or "")
        if not uuid.isdigit():
            raise exceptions.NotFoundError(uuid)
        return super().get_object()  # type: ignore[misc]


class CountedList:
    def get(
        self, request: HttpRequest, uuid: str | None = None, *args: Any, **kwargs: Any
    ) -> HttpResponse:
        response: HttpResponse = super().get(request, uuid, *args, **kwargs)  # type: ignore[misc]
        if uuid is None and response.status_code == 200:
            listed = json.loads(response.content)
            count = len(listed["Resources"])
            listed.update({"totalResults": count, "itemsPerPage": count, "startIndex": 1})
            response.content = json.dumps(listed).encode()
        return response


class UsersView(NumericIds, views.UsersView):
    pass


class GroupsView(NumericIds, views.GroupsView):
    pass


class ResourceTypesView(CountedList, views.ResourceTypesView):
    pass


class SchemasView(CountedList, views.SchemasView):
    pass
