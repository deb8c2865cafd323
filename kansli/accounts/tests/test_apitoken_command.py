from collections.abc import Callable
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from kansli.accounts.models import ApiToken, User
from kansli.organisation.models import Body


def apitoken(*args: str) -> str:
    out = StringIO()
    call_command("apitoken", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def get_bodies(key: str) -> int:
    return Client(headers={"authorization": f"Bearer {key}"}).get("/api/v1/bodies").status_code


def test_created_key_opens_the_api_and_revoking_it_closes_it(
    body: Body, make_user: Callable[..., User]
) -> None:
    make_user("alice")

    key = apitoken("create", "alice", "--name", "rapporter").strip()
    assert get_bodies(key) == 200

    apitoken("revoke", key[:8])
    assert get_bodies(key) == 401


def test_list_shows_the_users_tokens_by_prefix_never_the_key(
    make_user: Callable[..., User],
) -> None:
    make_user("alice")
    key = apitoken("create", "alice", "--name", "rapporter").strip()

    listing = apitoken("list", "alice")

    assert key[:8] in listing
    assert "rapporter" in listing
    assert key not in listing


def test_list_shows_a_revoked_token_as_revoked(make_user: Callable[..., User]) -> None:
    make_user("alice")
    key = apitoken("create", "alice", "--name", "rapporter").strip()
    apitoken("revoke", key[:8])

    assert "återkallad" in apitoken("list", "alice")


def test_create_for_unknown_user_fails_in_swedish(db: None) -> None:
    with pytest.raises(CommandError, match="Det finns ingen användare bob"):
        apitoken("create", "bob", "--name", "rapporter")


def test_revoke_of_unknown_prefix_fails_in_swedish(db: None) -> None:
    with pytest.raises(CommandError, match="Ingen giltig API-nyckel börjar med abcdefgh"):
        apitoken("revoke", "abcdefgh")


def test_no_key_begins_with_a_dash_that_the_command_line_would_read_as_an_option(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drawn = iter(["-begins-with-a-dash", "a-key-to-revoke-by-its-start"])
    monkeypatch.setattr("kansli.accounts.models.secrets.token_urlsafe", lambda _: next(drawn))

    assert ApiToken.new_key() == "a-key-to-revoke-by-its-start"


def test_a_scim_key_is_for_the_directory_alone_and_listed_as_such(
    body: Body, make_user: Callable[..., User]
) -> None:
    make_user("katalogen")

    key = apitoken("create", "katalogen", "--name", "Katalogen", "--scim").strip()

    assert ApiToken.objects.get(prefix=key[:8]).scope == ApiToken.Scope.PROVISIONING
    assert get_bodies(key) == 401
    assert "katalogens provisionering (SCIM)" in apitoken("list", "katalogen")
