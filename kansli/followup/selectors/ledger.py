"""Reading a ledger file: the budget or the outcome per organization and month, as a CSV file
the economy's imports take (`services.economy.budget_import`, `outcomes_import`). Nothing is
written here; a file with a wrong line is refused whole, every wrong line named."""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kansli.organisation.models import Body, Organization

COLUMNS = ("organisation", "år", "månad", "belopp")
# A file with more wrong lines than this names the first ones only.
ERRORS_SHOWN = 20


@dataclass(frozen=True)
class LedgerRow:
    """One line of an imported file: an organization's amount for a month."""

    line: int
    organization: Organization
    year: int
    month: int
    amount: Decimal


def _amount(text: str) -> Decimal:
    """An amount as Swedish spreadsheets write it: "-1 234 567,50" or "1234567.50"."""
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if not cleaned.isascii():
        raise InvalidOperation
    value = Decimal(cleaned)
    # The ledger's columns hold 14 digits before the decimal comma (max_digits 16, 2 after).
    if not value.is_finite() or abs(value) >= 10**14:
        raise InvalidOperation
    return value.quantize(Decimal("0.01"))


def _row(fields: list[str], line: int, organizations: dict[str, Organization]) -> LedgerRow:
    if len(fields) != len(COLUMNS):
        raise ValidationError(
            _("Rad %(line)d: raden ska ha fyra fält (organisation, år, månad, belopp).")
            % {"line": line}
        )
    slug, year, month, amount = (field.strip() for field in fields)
    organization = organizations.get(slug)
    if organization is None:
        raise ValidationError(
            _("Rad %(line)d: det finns ingen organisation med kortnamnet ”%(slug)s”.")
            % {"line": line, "slug": slug}
        )
    if not (year.isascii() and year.isdigit()) or not 2000 <= int(year) <= 2100:
        raise ValidationError(
            _("Rad %(line)d: året ”%(year)s” är inget år.") % {"line": line, "year": year}
        )
    if not (month.isascii() and month.isdigit()) or not 1 <= int(month) <= 12:
        raise ValidationError(
            _("Rad %(line)d: månaden ”%(month)s” ska vara ett tal från 1 till 12.")
            % {"line": line, "month": month}
        )
    try:
        value = _amount(amount)
    except InvalidOperation:
        raise ValidationError(
            _("Rad %(line)d: beloppet ”%(amount)s” är inget tal.")
            % {"line": line, "amount": amount}
        ) from None
    return LedgerRow(line, organization, int(year), int(month), value)


def ledger_read(*, body: Body, text: str) -> list[LedgerRow]:
    """The rows of a CSV file with the columns organisation (the organization's short name),
    år, månad, belopp, separated by semicolons or commas. Every wrong line is named; a file
    with any is refused whole."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or not lines[0].strip():
        raise ValidationError(_("Filen är tom."))
    delimiter = ";" if ";" in lines[0] else ","
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)
    header = [field.strip().lower() for field in next(reader)]
    if tuple(header) != COLUMNS:
        raise ValidationError(
            _("Rad 1: kolumnerna ska vara %(columns)s.") % {"columns": ", ".join(COLUMNS)}
        )
    organizations = {row.slug: row for row in Organization.objects.filter(body=body)}
    rows: list[LedgerRow] = []
    errors: list[ValidationError] = []
    seen: dict[tuple[int, int, int], int] = {}
    for line, fields in enumerate(reader, start=2):
        if not any(field.strip() for field in fields):
            continue
        try:
            row = _row(fields, line, organizations)
        except ValidationError as error:
            errors.append(error)
            continue
        key = (row.organization.pk, row.year, row.month)
        if key in seen:
            errors.append(
                ValidationError(
                    _(
                        "Rad %(line)d: %(organization)s %(year)d-%(month)02d "
                        "står redan på rad %(first)d."
                    )
                    % {
                        "line": line,
                        "organization": row.organization.slug,
                        "year": row.year,
                        "month": row.month,
                        "first": seen[key],
                    }
                )
            )
            continue
        seen[key] = line
        rows.append(row)
    if errors:
        raise ValidationError(errors[:ERRORS_SHOWN])
    if not rows:
        raise ValidationError(_("Filen har inga rader under rubrikraden."))
    return rows
