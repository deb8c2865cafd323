"""The director's yearly report to the board ("Direktörens redovisning till styrelsen"): the
duty dashboard of the year's last day (or of today, for the year under way), with each duty's
attestations of the year, as a PDF made once per version (`kansli.generated`)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kansli import generated, pdf
from kansli.followup.duties import DutyLine, duty_lines
from kansli.followup.models import Attestation
from kansli.organisation.models import Body

# The first year a report may be asked for: none speaks of a year before Kansli.
FIRST_REPORT_YEAR = 2000


@dataclass(frozen=True)
class Report:
    title: str
    filename: str
    data: bytes


@dataclass(frozen=True)
class Tally:
    """The dashboard's summary: its red lines, and its attestations due within 30 days."""

    missing: int
    due: int

    @property
    def text(self) -> str:
        """ "3 brister, 2 attesteringar förfaller inom 30 dagar"."""
        missing = ngettext("%(count)d brist", "%(count)d brister", self.missing) % {
            "count": self.missing
        }
        due = ngettext(
            "%(count)d attestering förfaller inom 30 dagar",
            "%(count)d attesteringar förfaller inom 30 dagar",
            self.due,
        ) % {"count": self.due}
        return f"{missing}, {due}"


def tally(lines: list[DutyLine]) -> Tally:
    return Tally(
        missing=sum(line.state == "missing" for line in lines),
        due=sum(line.state == "due" for line in lines),
    )


def report_day(year: int) -> datetime.date:
    """The day the year's report speaks of: its last day, or today in the year under way."""
    return min(timezone.localdate(), datetime.date(year, 12, 31))


def report_title(year: int) -> str:
    return _("Direktörens redovisning till styrelsen %(year)d") % {"year": year}


def _context(body: Body, year: int) -> dict[str, Any]:
    on = report_day(year)
    lines = duty_lines(body=body, on=on)
    attested: defaultdict[str, list[Attestation]] = defaultdict(list)
    for attestation in Attestation.objects.filter(
        body=body, attested_on__year=year, attested_on__lte=on
    ).select_related("document", "recorded_by"):
        attested[attestation.duty_key].append(attestation)
    return {
        "body": body,
        "year": year,
        "on": on,
        "title": report_title(year),
        "rows": [(line, attested.get(line.key, [])) for line in lines],
        "tally": tally(lines),
    }


def yearly_report_stored(*, body: Body, year: int) -> generated.Stored:
    """The report stored under the version of its HTML, which holds everything it shows."""
    with translation.override("sv"):
        html = render_to_string("followup/dashboard/report_pdf.html", _context(body, year))
    return generated.stored(
        f"followup/{body.pk}",
        f"redovisning-{year}",
        generated.digest(html),
        lambda: (pdf.write(pdf.render(html)), True),
    )


def report_filename(body: Body, year: int) -> str:
    return f"direktorens-redovisning-{body.slug}-{year}.pdf"


def yearly_report(*, body: Body, year: int) -> Report:
    with translation.override("sv"):
        title = report_title(year)
    return Report(
        title=title,
        filename=report_filename(body, year),
        data=yearly_report_stored(body=body, year=year).read(),
    )
