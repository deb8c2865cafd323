"""An API key for a demo user, as the Authorization header a test client sends."""

from kansli.accounts.models import User
from kansli.accounts.services import token_create


def bearer(username: str) -> dict[str, str]:
    _token, key = token_create(actor=None, user=User.objects.get(username=username), name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}
