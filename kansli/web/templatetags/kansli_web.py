"""Template helpers of the web interface: the main navigation, the reading of section text, and
numbers and amounts as Swedes write them."""

import datetime
import re
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import ngettext

from kansli.archive.policy import may_export
from kansli.charts import swedish_number
from kansli.followup.policy import may_read_duties
from kansli.meetings.policy import has_seat
from kansli.organisation.policy import own_bodies
from kansli.registry.policy import may_handle_records_requests

register = template.Library()

_AREAS = {
    "organization_tree": "organisation",
    "organization_detail": "organisation",
    "person_detail": "organisation",
    "document_list": "documents",
    "document_detail": "documents",
    "who_decides": "who_decides",
    "my_powers": "my_powers",
    "delegation_order_list": "delegation_orders",
    "delegation_order_detail": "delegation_orders",
    "decision_list": "decisions",
    "decision_create": "decisions",
    "decisions_unreported": "decisions",
    "decision_detail": "decisions",
    "evidence_create": "decisions",
    "case_list": "registry",
    "document_create": "registry",
    "registry_search": "registry",
    "my_cases": "registry",
    "case_detail": "registry",
    "report_edit": "registry",
    "status_update": "registry",
    "statement_create": "registry",
    "public_calendar": "meetings",
    "meeting_plan": "meetings",
    "meeting_detail": "meetings",
    "meeting_session": "meetings",
    "posting_board": "meetings",
    "records_request_queue": "records_requests",
    "records_request_intake": "records_requests",
    "records_request_detail": "records_requests",
    "export": "archive",
    "my_meetings": "my_meetings",
    "my_calendar": "my_meetings",
    "duty_dashboard": "followup",
    "agenda_basis": "followup",
}
_BULLET = re.compile(r"^[-•–]\s+")


@register.inclusion_tag("web/includes/main_navigation.html", takes_context=True)
def main_navigation(context: template.Context) -> dict[str, Any]:
    """The user's own body (every body for an operator) with its areas; the area the visitor
    is in is marked current."""
    request = context["request"]
    match = request.resolver_match
    url_name = match.url_name if match else None
    bodies = own_bodies(request.user)
    return {
        "bodies": bodies,
        "path": request.path,
        "home": url_name == "home",
        "current_body": match.kwargs.get("body") if match else None,
        "current_area": _AREAS.get(url_name or ""),
        "follows_up": [body.slug for body in bodies if may_read_duties(request.user, body)],
        "seated": [body.slug for body in bodies if has_seat(request.user, body)],
        "handles_requests": [
            body.slug for body in bodies if may_handle_records_requests(request.user, body)
        ],
        "archives": [body.slug for body in bodies if may_export(request.user, body)],
    }


@register.filter
def heading_level(level: int, top: int = 2) -> int:
    """The HTML heading level for a section level: level 1 under the page's h1, at most h6."""
    return min(top + level - 1, 6)


@register.filter
def section_text(text: str) -> SafeString:
    """Plain section text as HTML: blank lines end paragraphs, lines marked "- " form lists."""
    blocks: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        stripped = line.strip()
        kind = "ul" if _BULLET.match(stripped) else "p"
        if not stripped:
            if blocks and blocks[-1][0] == "p":
                blocks.append(("", []))
        elif blocks and blocks[-1][0] == kind:
            blocks[-1][1].append(_BULLET.sub("", stripped))
        else:
            blocks.append((kind, [_BULLET.sub("", stripped)]))
    html = []
    for kind, lines in blocks:
        if kind == "ul":
            html.append(format_html("<ul>{}</ul>", format_html_join("", "<li>{}</li>", zip(lines))))
        elif kind == "p":
            html.append(format_html("<p>{}</p>", " ".join(lines)))
    return format_html_join("\n", "{}", zip(html))


@register.filter
def duration(value: datetime.timedelta) -> str:
    """A cool-off time in Swedish words: "1 timme", "30 minuter"."""
    minutes = int(value.total_seconds() // 60)
    if minutes % 60 == 0:
        hours = minutes // 60
        return ngettext("%(count)d timme", "%(count)d timmar", hours) % {"count": hours}
    return ngettext("%(count)d minut", "%(count)d minuter", minutes) % {"count": minutes}


def _decimal(value: object) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        return None


@register.filter
def tal(value: object) -> str:
    """A number as Swedes write it, "44 000 000" or "1 234,50"; "" for no number. Only for
    people: CSV and the API keep machine-readable numbers."""
    number = _decimal(value)
    return "" if number is None else swedish_number(number)


@register.filter
def kronor(value: object) -> str:
    """An amount in Swedish kronor, "44 000 000 kr" (no-break spaces); "" for no amount, so
    that `|default:` can name what its absence means."""
    number = _decimal(value)
    return "" if number is None else f"{swedish_number(number)}\u00a0kr"
