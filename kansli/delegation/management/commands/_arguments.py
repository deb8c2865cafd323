"""Reading the arguments the delegation commands share, with Swedish messages for bad input."""

import datetime
from decimal import Decimal, InvalidOperation

from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.organisation.commands import bad_input


def date_or_today(text: str | None) -> datetime.date:
    if text is None:
        return timezone.localdate()
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise bad_input(
            _("Ogiltigt datum %(text)s: ange det som ÅÅÅÅ-MM-DD.") % {"text": text}
        ) from None


def amount_or_none(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        amount = Decimal(text.replace(" ", "").replace("\u00a0", ""))
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite() or amount < 0:
        raise bad_input(
            _("Ogiltigt belopp %(text)s: ange kronor, t.ex. 250000 eller 1500.50.") % {"text": text}
        )
    return amount


def whole_number(text: str | None, what: str) -> int | None:
    if text is None:
        return None
    if not text.isdigit():
        raise bad_input(
            _("Ogiltigt %(what)s %(text)s: ange ett heltal.") % {"what": what, "text": text}
        )
    return int(text)
