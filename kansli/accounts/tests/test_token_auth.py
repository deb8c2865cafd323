import datetime
from collections.abc import Callable

from django.test import Client
from django.utils import timezone

from kansli.accounts.models import ApiToken, User
from kansli.accounts.services import token_create, token_revoke
from kansli.audit.services import update
from kansli.organisation.models import Body


def bearer(key: str) -> Client:
    return Client(headers={"authorization": f"Bearer {key}"})


def test_request_without_token_is_refused_with_401(body: Body) -> None:
    response = Client().get("/api/v1/bodies")

    assert response.status_code == 401
    assert response.json()["detail"] == "En giltig API-nyckel krävs."
    assert response["WWW-Authenticate"] == "Bearer"


def test_request_with_unknown_key_is_refused(body: Body) -> None:
    assert bearer("inte-en-nyckel").get("/api/v1/bodies").status_code == 401


def test_valid_key_is_accepted_and_its_use_noted(
    body: Body, make_user: Callable[..., User]
) -> None:
    token, key = token_create(actor=None, user=make_user("alice"), name="rapporter")

    response = bearer(key).get("/api/v1/bodies")

    assert response.status_code == 200
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_revoked_key_is_refused(body: Body, make_user: Callable[..., User]) -> None:
    token, key = token_create(actor=None, user=make_user("alice"), name="rapporter")
    token_revoke(actor=None, token=token)

    assert bearer(key).get("/api/v1/bodies").status_code == 401


def test_a_provisioning_key_does_not_open_the_api(
    body: Body, make_user: Callable[..., User]
) -> None:
    _token, key = token_create(
        actor=None, user=make_user("alice"), name="Katalogen", scope=ApiToken.Scope.PROVISIONING
    )

    assert bearer(key).get("/api/v1/bodies").status_code == 401


def test_key_of_inactive_user_is_refused(body: Body, make_user: Callable[..., User]) -> None:
    alice = make_user("alice")
    _token, key = token_create(actor=None, user=alice, name="rapporter")
    update(actor=None, instance=alice, is_active=False)

    assert bearer(key).get("/api/v1/bodies").status_code == 401


def test_key_in_another_scheme_is_refused(body: Body, make_user: Callable[..., User]) -> None:
    _token, key = token_create(actor=None, user=make_user("alice"), name="rapporter")

    response = Client(headers={"authorization": f"Token {key}"}).get("/api/v1/bodies")

    assert response.status_code == 401
    assert not ApiToken.objects.exclude(last_used_at=None).exists()


def test_use_is_noted_at_most_once_a_minute(body: Body, make_user: Callable[..., User]) -> None:
    token, key = token_create(actor=None, user=make_user("alice"), name="rapporter")
    half_a_minute_ago = timezone.now() - datetime.timedelta(seconds=30)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=half_a_minute_ago)

    bearer(key).get("/api/v1/bodies")

    token.refresh_from_db()
    assert token.last_used_at == half_a_minute_ago
