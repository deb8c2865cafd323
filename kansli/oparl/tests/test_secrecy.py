"""Nothing secret reaches OParl: a secret case, a secret document, its file and a secret agenda
item never appear in any list; proceedings before approval stay hidden; masked fields stay
masked (a private person's name too); a secret object fetched by its id answers as OParl's
deleted object."""

import pytest
from django.test import Client
from django.utils import timezone

from kansli.oparl.tests.conftest import PUBLIC_FILE_TEXT, OParlWorld
from kansli.oparl.tests.test_objects import read_all
from kansli.registry import services as registry
from kansli.registry.models import Document
from kansli.tests.crawl import Marker

pytestmark = pytest.mark.django_db

PRIVATE_PERSON = "Greta Privatsson"
DELETED_KEYS = {"id", "type", "created", "modified", "deleted"}


def test_secret_cases_documents_files_and_items_never_appear(
    client: Client, world: OParlWorld
) -> None:
    planted = world.planted
    registry.document_register(
        actor=None,
        case=planted.public_case,
        direction=Document.Direction.INCOMING,
        date=timezone.localdate(),
        description="Synpunkt på kulturbudgeten",
        counterpart=PRIVATE_PERSON,
        counterpart_is_private_person=True,
    )
    text = "\n".join(read_all(client).texts)

    assert PRIVATE_PERSON not in text
    assert "Synpunkt på kulturbudgeten" in text

    for marker in Marker:
        assert marker.value not in text, marker.name
    for document in planted.documents:
        assert f'"number": "{document.number}"' not in text
    for case in (planted.secret_case, planted.blekinge_case):
        assert f"/oparl/v1/paper/{case.pk}/" not in text
    assert f"/oparl/v1/paper/{planted.public_case.pk}/" in text
    assert f"/file/{world.public_file.pk}/" in text

    for url in (
        f"/oparl/v1/paper/{planted.secret_case.pk}/",
        f"/oparl/v1/paper/{planted.blekinge_case.pk}/",
        f"/oparl/v1/file/{planted.documents[2].files.get().pk}/",
        *(f"/oparl/v1/agenda-item/{item.pk}/" for item in planted.secret_case.agenda_items.all()),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert set(response.json()) == DELETED_KEYS, url
        assert response.json()["deleted"] is True
    assert client.get("/oparl/v1/paper/999999/").status_code == 404
    assert client.get("/oparl/v1/file/999999/").status_code == 404


def test_only_files_the_public_may_have_are_downloaded(client: Client, world: OParlWorld) -> None:
    public = client.get(f"/oparl/v1/file/{world.public_file.pk}/download/")
    secret = world.planted.documents[2].files.get()

    assert public.status_code == 200
    assert public["Content-Type"] == "application/pdf"
    assert client.get(f"/oparl/v1/file/{secret.pk}/download/").status_code == 404
    assert PUBLIC_FILE_TEXT  # the file's text is the one registered (conftest)
