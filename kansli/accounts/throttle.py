"""Sign-in throttling with two limits, where django-axes compares every count with one.

A username is locked at one address after AXES_FAILURE_LIMIT failures: combined with the
address, so that nobody can lock a colleague out from behind the same proxy by guessing their
password. An address is locked for every username after AXES_ADDRESS_FAILURE_LIMIT failures
(higher), so that it cannot try a few passwords on each of many usernames. Both count within
the cool-off time. AXES_LOCKOUT_PARAMETERS names the two counts in this order.
"""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_failure_limit
from django.conf import settings
from django.db.models import QuerySet, Sum
from django.http import HttpRequest


def _failures(attempts: QuerySet) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class UsernameAndAddressHandler(AxesDatabaseHandler):
    def get_failures(self, request: HttpRequest, credentials: dict | None = None) -> int:
        """The failures that count against AXES_FAILURE_LIMIT: the username's at this address,
        or the whole limit once the address has reached its own across usernames."""
        username_at_address, address = self.get_user_attempts(request, credentials)
        if _failures(address) >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            return get_failure_limit(request, credentials)
        return _failures(username_at_address)

    def reset_user_attempts(self, request: HttpRequest, credentials: dict | None = None) -> int:
        """A successful sign-in clears the username's failures at this address only: signing
        in to an account of one's own must not let an address start its count over."""
        username_at_address, _address = self.filter_user_attempts(request, credentials)
        count, _ = username_at_address.delete()
        return count


def address_behind_proxy(request: HttpRequest) -> str | None:
    """The client's address as the TLS proxy saw it: the last one in X-Forwarded-For, the one
    the proxy added (those before it are whatever the client sent)."""
    forwarded = [
        address.strip()
        for address in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if address.strip()
    ]
    return forwarded[-1] if forwarded else request.META.get("REMOTE_ADDR")
