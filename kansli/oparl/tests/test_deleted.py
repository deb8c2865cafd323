"""A File removed by a disposal (gallring: `registry/disposal._remove_content`, through
`audit.delete`) keeps answering at its id as OParl's deleted object, and leaves the lists."""

from typing import Any

import pytest
from django.test import Client

from kansli.audit import services as audit
from kansli.oparl.tests.conftest import _board, _called_meeting_with_file
from kansli.organisation.models import Body

pytestmark = pytest.mark.django_db


def test_a_disposed_file_answers_as_deleted_and_leaves_the_lists(
    client: Client, demo: dict[str, Body]
) -> None:
    _meeting, file = _called_meeting_with_file(_board(demo["vanersborg"]))
    url = f"/oparl/v1/file/{file.pk}/"
    before: dict[str, Any] = client.get(url).json()
    assert before["fileName"] == "forstudie.pdf"

    audit.delete(actor=None, instance=file)

    after = client.get(url).json()
    assert after["deleted"] is True
    assert set(after) == {"id", "type", "created", "modified", "deleted"}
    assert after["id"] == before["id"]
    assert after["created"] == before["created"]
    assert after["modified"] > before["modified"]
    listed = client.get("/oparl/v1/body/vanersborg/files/").json()["data"]
    assert before["id"] not in [row["id"] for row in listed]
    assert client.get(f"{url}download/").status_code == 404
