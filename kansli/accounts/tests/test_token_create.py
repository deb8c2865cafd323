from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError

from kansli.accounts.models import ApiToken, User
from kansli.accounts.services import token_create
from kansli.audit.models import Event


def test_only_the_digest_of_the_new_key_is_stored(make_user: Callable[..., User]) -> None:
    token, key = token_create(actor=None, user=make_user("alice"), name="rapporter")

    stored = ApiToken.objects.get(pk=token.pk)
    assert stored.digest == ApiToken.digest_of(key)
    assert stored.prefix == key[:8]
    assert key not in {stored.digest, stored.name}


def test_each_token_gets_its_own_key(make_user: Callable[..., User]) -> None:
    alice = make_user("alice")

    _first, first_key = token_create(actor=None, user=alice, name="ett")
    _second, second_key = token_create(actor=None, user=alice, name="två")

    assert first_key != second_key


def test_token_creation_is_audited_without_the_key(make_user: Callable[..., User]) -> None:
    alice = make_user("alice")

    token, key = token_create(actor=alice, user=alice, name="rapporter")

    event = Event.objects.get(action="apitoken.create")
    assert event.actor == alice
    assert event.object_id == str(token.pk)
    assert key not in str(event.after)


def test_token_needs_a_name(make_user: Callable[..., User]) -> None:
    with pytest.raises(ValidationError):
        token_create(actor=None, user=make_user("alice"), name="")
    assert not ApiToken.objects.exists()
