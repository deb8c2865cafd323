"""Reading users' API tokens."""

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from kansli.accounts.models import ApiToken, User


def token_for_key(*, key: str) -> ApiToken | None:
    """The token a bearer key opens: not revoked, and its user still active."""
    return (
        ApiToken.objects.select_related("user")
        .filter(digest=ApiToken.digest_of(key), revoked_at__isnull=True, user__is_active=True)
        .first()
    )


def tokens_of(*, user: User) -> QuerySet[ApiToken]:
    """The user's tokens, newest first, revoked ones included."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")


def token_with_prefix(*, prefix: str) -> ApiToken:
    """The one token that is not revoked and whose key begins with `prefix`."""
    tokens = list(ApiToken.objects.filter(prefix=prefix, revoked_at__isnull=True)[:2])
    if not tokens:
        raise ValidationError(
            _("Ingen giltig API-nyckel börjar med %(prefix)s.") % {"prefix": prefix}
        )
    if len(tokens) > 1:
        raise ValidationError(
            _(
                "Flera giltiga API-nycklar börjar med %(prefix)s; "
                "återkalla rätt nyckel i administrationen."
            )
            % {"prefix": prefix}
        )
    return tokens[0]
