"""Every path that shows the registry, tried with a secret document: its masked parts and its
file reach no one without the right."""

import json
from collections.abc import Callable

from django.http.response import HttpResponseBase
from django.test import Client
from django.utils import timezone

from kansli.accounts.models import Role, User
from kansli.registry.models import Document

SECRETS = ("Förälder Föräldersson", "kränkande behandling", "Hemlig anmalan")


def responses(client: Client, document: Document) -> dict[str, bytes]:
    day = timezone.localtime(document.registered_at).date().isoformat()
    file = document.files.get()
    api = "/api/v1/bodies/vanersborg/registry"
    paths = {
        "postlista": f"/vanersborg/postlista/?datum={day}",
        "postlista vecka": f"/vanersborg/postlista/?datum={day}&period=vecka",
        "postlista inkommande": f"/vanersborg/postlista/?datum={day}&riktning=incoming",
        "csv": f"/vanersborg/postlista.csv?datum={day}",
        "json": f"/vanersborg/postlista.json?datum={day}",
        "fil": f"/vanersborg/diarium/filer/{file.pk}/",
        "api lista": f"{api}/list?start={day}",
        "api ärenden": f"{api}/cases",
        "api ärende": f"{api}/cases/{document.case_id}",
        "api handling": f"{api}/documents/{document.pk}",
        "api fil": f"{api}/documents/{document.pk}/files/{file.pk}",
    }
    return {name: _content(client.get(path)) for name, path in paths.items()}


def _content(response: HttpResponseBase) -> bytes:
    """The body as bytes, JSON with its letters unescaped so that a search finds them."""
    if response.streaming:
        return b"".join(response.streaming_content)
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(json.loads(response.content), ensure_ascii=False).encode()
    return response.content


def leaks(contents: dict[str, bytes]) -> list[str]:
    return [
        f"{name}: {secret}"
        for name, content in contents.items()
        for secret in SECRETS
        if secret.encode() in content
    ]


def test_the_anonymous_public_sees_no_secret_on_any_path(secret_letter: Document) -> None:
    contents = responses(Client(), secret_letter)

    assert leaks(contents) == []
    assert "KS 2026/00001-1" in contents["postlista"].decode()
    assert "KS 2026/00001-1" in contents["json"].decode()
    assert "[Sekretess enligt OSL 23 kap. 1 §]" in contents["csv"].decode("utf-8-sig")


def test_staff_without_the_right_see_no_secret_on_any_path(
    secret_letter: Document, staff: Callable[..., User], api_client: Callable[[User], Client]
) -> None:
    director = staff("dan", Role.DIRECTOR)
    client = api_client(director)
    client.force_login(director)

    contents = responses(client, secret_letter)

    assert leaks(contents) == []
    assert b"KS 2026/00001-1" in contents["api lista"]


def test_a_registrar_sees_everything_on_every_path(
    secret_letter: Document, staff: Callable[..., User], api_client: Callable[[User], Client]
) -> None:
    registrar = staff("rut", Role.REGISTRAR)
    client = api_client(registrar)
    client.force_login(registrar)

    contents = responses(client, secret_letter)

    assert sorted(name for name, content in contents.items() if SECRETS[0].encode() in content) == [
        "api handling",
        "api lista",
        "api ärende",
        "csv",
        "json",
        "postlista",
        "postlista inkommande",
        "postlista vecka",
    ]
    assert contents["fil"].startswith(b"%PDF") and contents["api fil"].startswith(b"%PDF")
