from collections.abc import Callable

import pytest
from django.core.exceptions import ValidationError

from kansli.accounts.models import User
from kansli.accounts.services import token_create, token_revoke
from kansli.audit.models import Event


def test_revoking_marks_the_token_and_is_audited(make_user: Callable[..., User]) -> None:
    alice = make_user("alice")
    token, _key = token_create(actor=None, user=alice, name="rapporter")

    token_revoke(actor=alice, token=token)

    token.refresh_from_db()
    assert token.revoked_at is not None
    event = Event.objects.get(action="apitoken.update")
    assert event.actor == alice
    assert event.before["revoked_at"] is None
    assert event.after["revoked_at"] is not None


def test_a_revoked_token_cannot_be_revoked_again(make_user: Callable[..., User]) -> None:
    token, _key = token_create(actor=None, user=make_user("alice"), name="rapporter")
    token_revoke(actor=None, token=token)

    with pytest.raises(ValidationError, match="redan återkallad"):
        token_revoke(actor=None, token=token)
