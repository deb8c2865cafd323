"""Only the body's registrars see the export and download the package: a secretary, a case
officer, an elected member, another body's registrar and the anonymous public are refused,
and a refused export writes nothing to the event log."""

import io
from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse

from kansli.accounts.models import Role, User
from kansli.archive.services import archive_export
from kansli.archive.tests.conftest import World, unpack
from kansli.audit.models import Event
from kansli.organisation.models import Body


def _pages(world: World) -> tuple[str, str, dict[str, str]]:
    day = {"avslutade_fore": world.closed_before.isoformat()}
    return (
        reverse("archive:export", args=["vanersborg"]),
        reverse("archive:export_download", args=["vanersborg"]),
        day,
    )


def test_the_registrar_sees_the_cases_and_downloads_the_package(
    client: Client, world: World, registrar: User
) -> None:
    page, download, day = _pages(world)
    client.force_login(registrar)
    events = Event.objects.count()

    listed = client.get(page, day)
    response = client.post(download, day)

    assert listed.status_code == 200
    text = listed.content.decode()
    assert world.plain_case.number in text
    assert "Kränkande behandling i skolan" in text
    assert "OSL 23 kap. 1 §" in text
    assert "Avslutat i går" not in text
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    package = unpack(b"".join(response.streaming_content))
    assert "METS.xml" in package.files
    event = Event.objects.order_by("seq").last()
    assert Event.objects.count() == events + 1
    assert event.action == "body.archive_export"
    assert event.actor == registrar


@pytest.mark.parametrize(
    ("username", "roles", "other_body"),
    [
        ("sekreterare", (Role.SECRETARY,), False),
        ("handlaggare", (Role.CASE_OFFICER,), False),
        ("ledamot", (Role.ELECTED_MEMBER,), False),
        ("administrator", (Role.ADMINISTRATOR,), False),
        ("blekinge", (Role.REGISTRAR,), True),
    ],
)
def test_others_are_refused(
    client: Client,
    world: World,
    person_with: Callable[..., User],
    username: str,
    roles: tuple[Role, ...],
    other_body: bool,
) -> None:
    user = person_with(
        username, *roles, of=world.other_case.organization.body if other_body else None
    )
    page, download, day = _pages(world)
    client.force_login(user)
    events = Event.objects.count()

    listed = client.get(page, day)
    response = client.post(download, day)

    assert listed.status_code == 403
    assert response.status_code == 403
    assert "Kränkande behandling" not in listed.content.decode()
    assert Event.objects.count() == events
    with pytest.raises(PermissionDenied, match="Bara registratorer hos Vänersborgs kommun"):
        archive_export(
            actor=user,
            body=world.secret_case.organization.body,
            closed_before=world.closed_before,
            out=io.BytesIO(),
        )


def test_the_anonymous_public_is_sent_to_sign_in(client: Client, world: World, body: Body) -> None:
    page, download, day = _pages(world)

    listed = client.get(page, day)
    response = client.post(download, day)

    assert listed.status_code == 302
    assert response.status_code in (302, 403)
    assert b"PK" not in response.content[:2]
