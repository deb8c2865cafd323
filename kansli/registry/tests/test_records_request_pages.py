"""The public records request pages: anyone asks through the form, anonymously, and follows the
request by its link; a robot that fills in the hidden field saves nothing, and an address that
sends too many is told to wait. The registrar's queue shows each request's wait and warns when
it has waited longer than the body allows; only the body's registrar (and the delegate) sees
it."""

import datetime

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from kansli.accounts.models import User
from kansli.organisation.models import Body
from kansli.registry import services
from kansli.registry.models import PublicRecordsRequest
from kansli.registry.request_views import REQUESTS_PER_HOUR

FORM = "/vanersborg/allmanna-handlingar/"
QUEUE = "/vanersborg/diarium/begaranden/"


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    cache.clear()


def signed_in(username: str) -> Client:
    client = Client()
    client.force_login(User.objects.get(username=username))
    return client


def test_anyone_asks_anonymously_and_follows_the_request_by_its_link(
    client: Client, demo: dict[str, Body]
) -> None:
    response = client.post(FORM, {"handling": "Protokoll från KS 2026-01-14"}, follow=True)

    request = PublicRecordsRequest.objects.get()
    assert request.requester == ""
    assert request.channel == PublicRecordsRequest.Channel.WEB
    assert request.registered_by is None
    page = response.content.decode()
    assert "Din begäran är skickad." in page
    assert "Protokoll från KS 2026-01-14" in page
    key = response.redirect_chain[-1][0].rstrip("/").rsplit("/", 1)[1]
    assert request.follow_key_hash == PublicRecordsRequest.key_hash(key)
    assert key not in str(request.follow_key_hash)


def test_a_wrong_key_finds_no_request(client: Client, demo: dict[str, Body]) -> None:
    client.post(FORM, {"handling": "Protokoll"})

    assert client.get(f"{FORM}fel-nyckel/").status_code == 404


def test_a_robot_filling_in_the_hidden_field_saves_nothing(
    client: Client, demo: dict[str, Body]
) -> None:
    response = client.post(
        FORM, {"handling": "Köp billiga klockor", "webbplats": "http://spam.example"}
    )

    assert response.status_code == 302
    assert not PublicRecordsRequest.objects.exists()


def test_an_address_that_sends_too_many_is_told_to_wait(
    client: Client, demo: dict[str, Body]
) -> None:
    for number in range(REQUESTS_PER_HOUR):
        client.post(FORM, {"handling": f"Handling {number}"})

    response = client.post(FORM, {"handling": "En till"})

    assert response.status_code == 429
    assert "Försök igen om en timme" in response.content.decode()
    assert PublicRecordsRequest.objects.count() == REQUESTS_PER_HOUR


def test_an_empty_request_is_refused_in_swedish(client: Client, demo: dict[str, Body]) -> None:
    response = client.post(FORM, {"handling": "  "})

    assert response.status_code == 400
    assert "Detta fält måste fyllas i." in response.content.decode()
    assert not PublicRecordsRequest.objects.exists()


def test_the_queue_warns_of_a_request_that_waited_too_long(demo: dict[str, Body]) -> None:
    services.records_request_register(
        actor=None,
        body=demo["vanersborg"],
        subject="Delegationsbeslut i december",
        received_at=timezone.now() - datetime.timedelta(days=6),
        channel=PublicRecordsRequest.Channel.PHONE,
    )
    services.records_request_register(
        actor=None, body=demo["vanersborg"], subject="Dagens postlista"
    )

    page = signed_in("registrator").get(QUEUE).content.decode()

    assert "Delegationsbeslut i december" in page
    assert "(telefon)" in page
    assert page.count("Försenad: skulle ha hanterats senast") == 1


def test_the_registrar_takes_in_a_request_by_telephone(demo: dict[str, Body]) -> None:
    response = signed_in("registrator").post(
        f"{QUEUE}ny/", {"kanal": "phone", "handling": "Avtal med städfirma", "namn": "Eva Ek"}
    )

    request = PublicRecordsRequest.objects.get()
    assert response.status_code == 302
    assert (request.channel, request.requester) == ("phone", "Eva Ek")
    assert request.registered_by.username == "registrator"


@pytest.mark.parametrize("username", ["blekinge-registrator", "ledamot", "handlaggare"])
def test_the_queue_is_closed_to_all_but_the_bodys_registrar(
    demo: dict[str, Body], username: str
) -> None:
    services.records_request_register(
        actor=None, body=demo["vanersborg"], subject="Protokoll", requester="Eva Ek"
    )

    response = signed_in(username).get(QUEUE)

    assert response.status_code == 403
    assert "Eva Ek" not in response.content.decode()


def test_the_public_is_sent_to_sign_in_for_the_queue(client: Client, demo: dict[str, Body]) -> None:
    response = client.get(QUEUE)

    assert response.status_code == 302
    assert "/logga-in/" in response["Location"]
