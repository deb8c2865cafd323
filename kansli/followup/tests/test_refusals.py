"""The wrong user is refused in the director's follow-up (kansli/tests/refusals.py): every
service of the follow-up but execution and assignments, every page and API operation of it.

The keepers (the director and the secretaries) write; the body's officials and elected members
read; the duty dashboard is the keepers' and the board's; the administrator role has none of it.
The rows each case needs are made by the system (actor None), or by the director where the
follow-up writes in a person's own name."""

import datetime
from decimal import Decimal
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kansli.accounts.models import User
from kansli.followup.models import (
    BudgetInitiative,
    CertificationRight,
    CrisisEvent,
    ReportTemplate,
    SupervisionReport,
    Talk,
)
from kansli.followup.services import (
    appointments,
    attestations,
    certification,
    crisis,
    documents,
    economy,
    initiatives,
    supervision,
    talks,
)
from kansli.governance.models import GoverningDocument
from kansli.meetings import services as meetings
from kansli.meetings.models import Meeting
from kansli.organisation.models import Body, Organization, Person, Position
from kansli.registry import services as registry
from kansli.registry.models import Case, Document
from kansli.tests.refusals import (
    ADMINISTRATOR,
    ANONYMOUS,
    HANDLAGGARE,
    OTHER_BODY,
    OUTSIDERS,
    Demo,
    RouteCase,
    ServiceCase,
)

# Read by the body's officials and elected members: refused to outsiders and the administrator.
READERS_ONLY = (*OUTSIDERS, ADMINISTRATOR)
# The duty dashboard: the keepers and the board; not a case officer nor the administrator.
DASHBOARD_REFUSED = (*OUTSIDERS, HANDLAGGARE, ADMINISTRATOR)
# Appointments are tried by the delegation engine for whoever of the body decides in their own
# name (test_a_case_officer_s_appointment_is_tried_by_the_engine); outsiders and the
# administrator are refused before it.
NOT_OF_THE_BODY = (OTHER_BODY, ADMINISTRATOR, ANONYMOUS)

LEDGER = "organisation;år;månad;belopp\nbarn-och-utbildningsnamnden;{year};1;100 000\n"


def _today() -> datetime.date:
    return timezone.localdate()


def _vanersborg(demo: Demo) -> Body:
    return demo["vanersborg"]


def _org(demo: Demo, slug: str) -> Organization:
    return Organization.objects.get(body=_vanersborg(demo), slug=slug)


def _director(demo: Demo) -> User:
    return User.objects.get(username="direktor")


def _ledger(demo: Demo) -> str:
    return LEDGER.format(year=_today().year)


def _board_meeting(demo: Demo) -> Meeting:
    return meetings.meeting_schedule(
        actor=None,
        organization=_org(demo, "ks"),
        starts_at=timezone.now() - datetime.timedelta(days=1),
    )


def _initiative(demo: Demo) -> BudgetInitiative:
    """A deviation past the threshold, its initiative open before the board."""
    body = _vanersborg(demo)
    economy.budget_import(actor=None, body=body, text=_ledger(demo))
    economy.threshold_set(actor=None, body=body, percent=Decimal(5))
    imported = economy.outcomes_import(
        actor=None, body=body, text=_ledger(demo).replace("100 000", "200 000"), source="f.csv"
    )
    return imported.initiatives[0]


def _template(demo: Demo) -> ReportTemplate:
    return supervision.report_template_create(
        actor=None,
        body=_vanersborg(demo),
        name="Delårsrapport",
        organization_kind=Organization.Kind.COMPANY,
        interval_months=6,
        due_days=30,
        contents="Ekonomi och verksamhet",
    )


def _report(demo: Demo) -> SupervisionReport:
    reports = supervision.supervision_reports_create(
        actor=None, template=_template(demo), year=_today().year
    )
    return reports[0]


def _event(demo: Demo) -> CrisisEvent:
    return crisis.crisis_event_open(
        actor=_director(demo),
        body=_vanersborg(demo),
        title="Vattenläcka",
        started_at=timezone.now() - datetime.timedelta(hours=2),
    )


def _committee_event(demo: Demo) -> CrisisEvent:
    event = _event(demo)
    return crisis.crisis_leadership_decide(
        actor=_director(demo),
        event=event,
        leadership=CrisisEvent.Leadership.COMMITTEE,
        decided_at=timezone.now() - datetime.timedelta(hours=1),
    )


def _manager(demo: Demo) -> Person:
    """The head of the economy staff, who holds no login of the demo."""
    post = Position.objects.get(body=_vanersborg(demo), slug="stabschef-ekonomistaben")
    return post.appointments.order_by("start").last().person


def _talk(demo: Demo) -> Talk:
    return Talk.objects.create(
        body=_vanersborg(demo),
        kind=Talk.Kind.SALARY,
        held_by=_director(demo).person,
        held_with=_manager(demo),
        due_on=datetime.date(_today().year, 12, 31),
        source_section="5.1.4",
    )


def _right(demo: Demo) -> CertificationRight:
    return certification.certification_right_appoint(
        actor=None,
        person=_manager(demo),
        organization=_org(demo, "ekonomistaben"),
        start=_today() - datetime.timedelta(days=30),
    )


def _document(demo: Demo) -> GoverningDocument:
    return GoverningDocument.objects.filter(body=_vanersborg(demo)).order_by("pk").first()


def _appointment(demo: Demo) -> dict[str, Any]:
    body = _vanersborg(demo)
    return {
        "body": body,
        "decision_type": "anstallning-forvaltningschef",
        "position": Position.objects.get(body=body, slug="forvaltningschef-socialforvaltningen"),
        "person": _manager(demo),
        "decided_on": _today(),
        "effective_on": _today() + datetime.timedelta(days=30),
    }


ATTESTED_DUTY = "kdi-d-3.4-a"


def _board_case(demo: Demo) -> Case:
    return registry.case_open(actor=None, organization=_org(demo, "ks"), title="Redovisning")


def _registered(demo: Demo) -> Document:
    return registry.document_register(
        actor=None,
        case=_board_case(demo),
        direction=Document.Direction.DRAWN_UP,
        date=_today(),
        description="Minnesanteckningar",
    )


def _attestation(demo: Demo) -> dict[str, Any]:
    return {
        "body": _vanersborg(demo),
        "duty_key": ATTESTED_DUTY,
        "attested_on": _today(),
        "note": "Genomgånget",
        "document": _registered(demo),
    }


SERVICES: list[ServiceCase] = [
    ServiceCase(attestations.attestation_record, _attestation),
    ServiceCase(
        attestations.attester_name,
        lambda demo: {
            "body": _vanersborg(demo),
            "duty_key": ATTESTED_DUTY,
            "person": _manager(demo),
        },
    ),
    ServiceCase(
        attestations.yearly_report_register,
        lambda demo: {"case": _board_case(demo), "year": _today().year},
    ),
    ServiceCase(
        economy.budget_import, lambda demo: {"body": _vanersborg(demo), "text": _ledger(demo)}
    ),
    ServiceCase(
        economy.budget_set,
        lambda demo: {
            "organization": _org(demo, "barn-och-utbildningsnamnden"),
            "year": _today().year,
            "month": 1,
            "amount": Decimal(100),
        },
    ),
    ServiceCase(
        economy.outcomes_import,
        lambda demo: {"body": _vanersborg(demo), "text": _ledger(demo), "source": "f.csv"},
    ),
    ServiceCase(
        economy.ledger_import_start,
        lambda demo: {"body": _vanersborg(demo), "text": _ledger(demo), "source": "f.csv"},
    ),
    ServiceCase(
        economy.threshold_set, lambda demo: {"body": _vanersborg(demo), "percent": Decimal(5)}
    ),
    ServiceCase(economy.deviations_check, lambda demo: {"body": _vanersborg(demo), "on": _today()}),
    ServiceCase(
        economy.budget_initiative_deal_with,
        lambda demo: {
            "initiative": _initiative(demo),
            "meeting": _board_meeting(demo),
            "minute_number": 12,
        },
    ),
    ServiceCase(
        initiatives.board_case_open,
        lambda demo: {"body": _vanersborg(demo), "title": "Initiativ", "on": _today()},
    ),
    ServiceCase(
        supervision.report_template_create,
        lambda demo: {
            "body": _vanersborg(demo),
            "name": "Delårsrapport",
            "organization_kind": Organization.Kind.COMPANY,
            "interval_months": 6,
            "due_days": 30,
            "contents": "Ekonomi",
        },
    ),
    ServiceCase(
        supervision.supervision_reports_create,
        lambda demo: {"template": _template(demo), "year": _today().year},
    ),
    ServiceCase(
        supervision.supervision_report_file,
        lambda demo: {"report": _report(demo), "filed_on": _today()},
    ),
    ServiceCase(
        supervision.supervision_initiative_take,
        lambda demo: {
            "organization": _org(demo, "vanersborgs-energi-ab"),
            "reason": "Förlust två år i rad",
            "taken_on": _today(),
        },
    ),
    ServiceCase(
        crisis.crisis_event_open,
        lambda demo: {
            "body": _vanersborg(demo),
            "title": "Storm",
            "started_at": timezone.now(),
        },
    ),
    ServiceCase(
        crisis.crisis_leadership_decide,
        lambda demo: {
            "event": _event(demo),
            "leadership": CrisisEvent.Leadership.DIRECTOR,
            "decided_at": timezone.now(),
        },
    ),
    ServiceCase(
        crisis.crisis_log_append,
        lambda demo: {"event": _event(demo), "kind": "measure", "text": "Nödvatten"},
    ),
    ServiceCase(
        crisis.crisis_event_close,
        lambda demo: {"event": _event(demo), "ended_at": timezone.now()},
    ),
    ServiceCase(
        crisis.crisis_decision_record,
        lambda demo: {
            "event": _committee_event(demo),
            "decided_on": _today(),
            "title": "Simhallen stängs",
            "minutes": "Krisledningsnämnden",
            "minute_number": 1,
        },
    ),
    ServiceCase(
        crisis.crisis_decisions_report,
        lambda demo: {
            "body": _vanersborg(demo),
            "decisions": [],
            "reported_on": _today(),
            "reported_in": "KF § 1",
        },
    ),
    ServiceCase(talks.talks_schedule, lambda demo: {"body": _vanersborg(demo), "on": _today()}),
    ServiceCase(talks.talk_record, lambda demo: {"talk": _talk(demo), "held_on": _today()}),
    ServiceCase(
        certification.certification_right_appoint,
        lambda demo: {
            "person": _manager(demo),
            "organization": _org(demo, "ekonomistaben"),
            "start": _today(),
        },
    ),
    ServiceCase(
        certification.certification_right_end,
        lambda demo: {"right": _right(demo), "end": _today()},
    ),
    ServiceCase(
        certification.payment_certify,
        lambda demo: {
            "certifier": _right(demo).person,
            "organization": _org(demo, "ekonomistaben"),
            "amount": Decimal(1000),
            "payee_name": "Leverantör AB",
            "reference": "V-1",
            "certified_on": _today(),
        },
    ),
    ServiceCase(documents.document_acknowledge, lambda demo: {"document": _document(demo)}),
    ServiceCase(appointments.appointment_decide, _appointment, refused=NOT_OF_THE_BODY),
]


def _slug(demo: Demo) -> dict[str, Any]:
    return {"body": "vanersborg"}


def _api(demo: Demo, **more: Any) -> dict[str, Any]:
    return {"slug": "vanersborg", **more}


def _page(route: str, refused: tuple[str, ...] = READERS_ONLY) -> RouteCase:
    return RouteCase(f"followup:{route}", _slug, refused=refused)


ROUTES: list[RouteCase] = [
    *(
        _page(route, DASHBOARD_REFUSED)
        for route in ("duty_dashboard", "duty_dashboard_csv", "agenda_basis", "agenda_basis_csv")
    ),
    RouteCase(
        "followup:duty_report_pdf",
        lambda demo: {"body": "vanersborg", "year": _today().year},
        refused=DASHBOARD_REFUSED,
    ),
    RouteCase(
        "followup:duty_attestations",
        lambda demo: {"body": "vanersborg", "duty": ATTESTED_DUTY},
        refused=DASHBOARD_REFUSED,
    ),
    RouteCase(
        "followup:duty_attestations",
        lambda demo: {"body": "vanersborg", "duty": ATTESTED_DUTY},
        data=lambda demo: {
            "action": "attest",
            "attested_on": _today().isoformat(),
            "note": "Genomgånget",
            "document": _registered(demo).number,
        },
    ),
    RouteCase(
        "followup:duty_report_register",
        _slug,
        data=lambda demo: {"year": str(_today().year), "case": _board_case(demo).number},
    ),
    *(
        _page(route)
        for route in (
            "economy",
            "economy_csv",
            "budget_initiatives_csv",
            "certification",
            "certification_rights_csv",
            "certifications_csv",
            "supervision",
            "supervision_reports_csv",
            "supervision_initiatives_csv",
            "crisis_list",
            "crisis_decisions",
            "security_classes",
            "talk_list",
            "document_list",
            "appointment_requirements",
        )
    ),
    RouteCase(
        "followup:crisis_detail",
        lambda demo: {"body": "vanersborg", "event": _event(demo).pk},
        refused=READERS_ONLY,
    ),
    RouteCase(
        "followup:document_acknowledgements",
        lambda demo: {"body": "vanersborg", "document": _document(demo).slug},
        refused=READERS_ONLY,
    ),
    RouteCase(
        "followup:crisis_list",
        _slug,
        data=lambda demo: {"title": "Storm", "started_at": "2026-11-02T06:30"},
    ),
    RouteCase(
        "followup:crisis_detail",
        lambda demo: {"body": "vanersborg", "event": _event(demo).pk},
        data=lambda demo: {"action": "log", "log-kind": "measure", "log-text": "Nödvatten"},
    ),
    RouteCase(
        "followup:crisis_decisions",
        _slug,
        data=lambda demo: {"reported_on": _today().isoformat(), "reported_in": "KF § 1"},
    ),
    RouteCase("followup:talk_list", _slug, data=lambda demo: {"action": "schedule"}),
    RouteCase(
        "followup:document_acknowledgements",
        lambda demo: {"body": "vanersborg", "document": _document(demo).slug},
        data=lambda demo: {},
    ),
    RouteCase(
        "followup:economy_import",
        _slug,
        data=lambda demo: {
            "slag": "utfall",
            "fil": SimpleUploadedFile("utfall.csv", _ledger(demo).encode()),
        },
    ),
    RouteCase(
        "followup:economy_threshold", _slug, data=lambda demo: {"procent": "5", "belopp": ""}
    ),
    RouteCase(
        "followup:budget_initiative_dealt_with",
        _slug,
        data=lambda demo: {
            "initiativ": _initiative(demo).pk,
            "sammantrade": _board_meeting(demo).pk,
            "paragraf": "12",
        },
    ),
    RouteCase(
        "followup:certification_right_appoint",
        _slug,
        data=lambda demo: {
            "utse-attestant": _manager(demo).pk,
            "utse-organisation": _org(demo, "ekonomistaben").pk,
            "utse-fran": _today().isoformat(),
        },
    ),
    RouteCase(
        "followup:certification_right_end",
        _slug,
        data=lambda demo: {
            "avsluta-attestratt": _right(demo).pk,
            "avsluta-till": _today().isoformat(),
        },
    ),
    RouteCase(
        "followup:report_template_create",
        _slug,
        data=lambda demo: {
            "namn": "Delårsrapport",
            "slag": Organization.Kind.COMPANY,
            "intervall": "6",
            "dagar": "30",
            "innehall": "Ekonomi",
        },
    ),
    RouteCase(
        "followup:supervision_reports_create",
        _slug,
        data=lambda demo: {"begar-mall": _template(demo).pk, "begar-ar": str(_today().year)},
    ),
    RouteCase(
        "followup:supervision_report_file",
        _slug,
        data=lambda demo: {"rapport": _report(demo).pk, "lamnad": _today().isoformat()},
    ),
    RouteCase(
        "followup:supervision_initiative_take",
        _slug,
        data=lambda demo: {
            "organisation": _org(demo, "vanersborgs-energi-ab").pk,
            "anledning": "Förlust två år i rad",
            "datum": _today().isoformat(),
        },
    ),
    RouteCase("GET /api/v1/bodies/{slug}/followup/duties", _api, refused=DASHBOARD_REFUSED),
    *(
        RouteCase(f"GET /api/v1/bodies/{{slug}}/followup/{path}", _api, refused=READERS_ONLY)
        for path in (
            "economy",
            "budget-initiatives",
            "certification-rights",
            "certifications",
            "supervision-reports",
            "supervision-initiatives",
            "crisis-events",
            "crisis-decisions/unreported",
            "security-classes",
            "talks",
            "documents",
            "appointment-types",
        )
    ),
    RouteCase(
        "GET /api/v1/bodies/{slug}/followup/certification-check",
        _api,
        data=lambda demo: {
            "person_id": _manager(demo).pk,
            "organization": "ekonomistaben",
            "amount": "1000",
        },
        refused=READERS_ONLY,
    ),
    RouteCase(
        "GET /api/v1/bodies/{slug}/followup/appointment-requirements",
        _api,
        data=lambda demo: {
            "decision_type": "anstallning-forvaltningschef",
            "position": "forvaltningschef-socialforvaltningen",
        },
        refused=READERS_ONLY,
    ),
    RouteCase(
        "GET /api/v1/bodies/{slug}/followup/crisis-events/{event_id}",
        lambda demo: _api(demo, event_id=_event(demo).pk),
        refused=READERS_ONLY,
    ),
    RouteCase(
        "GET /api/v1/bodies/{slug}/followup/documents/{document}/acknowledgements",
        lambda demo: _api(demo, document=_document(demo).slug),
        refused=READERS_ONLY,
    ),
    RouteCase(
        "POST /api/v1/bodies/{slug}/followup/outcomes",
        _api,
        data=lambda demo: {"csv": _ledger(demo), "source": "f.csv"},
    ),
    RouteCase(
        "POST /api/v1/bodies/{slug}/followup/crisis-events/{event_id}/log",
        lambda demo: _api(demo, event_id=_event(demo).pk),
        data=lambda demo: {"kind": "measure", "text": "Nödvatten"},
    ),
    RouteCase(
        "POST /api/v1/bodies/{slug}/followup/documents/{document}/acknowledgements",
        lambda demo: _api(demo, document=_document(demo).slug),
        data=lambda demo: {},
    ),
    RouteCase(
        "POST /api/v1/bodies/{slug}/followup/supervision-reports/{report_id}/filing",
        lambda demo: _api(demo, report_id=_report(demo).pk),
        data=lambda demo: {"summary": "Lämnad"},
    ),
    RouteCase(
        "POST /api/v1/bodies/{slug}/followup/talks/{talk_id}/held",
        lambda demo: _api(demo, talk_id=_talk(demo).pk),
        data=lambda demo: {"held_on": _today().isoformat()},
    ),
]

PUBLIC: dict[str, str] = {}
