"""Nobody writes in a body's registry but its registrars and secretaries (and a case officer in
a case of their own), nobody but its registrars handles public records requests, and only the
body's staff read its cases and documents: every registry service, page and API operation
refuses the wrong user. The postlista is open to everyone."""

from typing import Any

from django.utils import timezone

from kansli.accounts.models import User
from kansli.organisation.models import Organization, Person
from kansli.registry import services
from kansli.registry.models import Case, Document, PublicRecordsRequest, RetentionRule
from kansli.registry.services import Registration
from kansli.registry.tests.samples import pdf_bytes, upload
from kansli.tests.refusals import (
    ADMINISTRATOR,
    ANONYMOUS,
    HANDLAGGARE,
    LEDAMOT,
    OTHER_BODY,
    OUTSIDERS,
    Demo,
    RouteCase,
    ServiceCase,
)

# The registry's settings are for the registrar and the administrator of the body: Vänersborg's
# administrator may, Region Blekinge's may not.
OTHER_ADMINISTRATOR = "blekinge-admin"
NOT_SETTING = (OTHER_BODY, OTHER_ADMINISTRATOR, LEDAMOT, HANDLAGGARE, ANONYMOUS)
# The registration page is offered to case officers, who register in cases of their own.
NOT_REGISTERING = (OTHER_BODY, LEDAMOT, ADMINISTRATOR, ANONYMOUS)


def _board(demo: Demo) -> Organization:
    return Organization.objects.get(body=demo["vanersborg"], kind=Organization.Kind.EXECUTIVE_BOARD)


def _case(demo: Demo) -> Case:
    """A case of Vänersborg's board with no case officer."""
    return services.case_open(actor=None, organization=_board(demo), title="Medborgarförslag")


def _letter(demo: Demo, **secrecy: Any) -> Document:
    return services.document_register(
        actor=None,
        case=_case(demo),
        direction=Document.Direction.INCOMING,
        date=timezone.localdate(),
        counterpart="Anna Andersson",
        description="Förslag om en ny lekplats",
        files=[upload("forslag.pdf", pdf_bytes("Lekplats"))],
        **secrecy,
    )


def _secret_letter(demo: Demo) -> Document:
    """A letter whose file only a registrar of Vänersborg may fetch."""
    return _letter(
        demo,
        secrecy_reference="OSL 26 kap. 1 §",
        secrecy_reason="Uppgifter om enskilds personliga förhållanden",
        counterpart_masked=True,
    )


def _request(demo: Demo) -> PublicRecordsRequest:
    return services.records_request_register(
        actor=None, body=demo["vanersborg"], subject="Protokoll", requester="Eva Ek"
    )


def _refused_request(demo: Demo, *, review: bool = False) -> PublicRecordsRequest:
    """A request the registrar refused; with `review`, its requester asked for the authority's
    decision."""
    request = services.records_request_answer(
        actor=None,
        request=_request(demo),
        outcome=PublicRecordsRequest.Outcome.REFUSED,
        refusal_ground="OSL 26 kap. 1 §",
    )
    if review:
        return services.records_request_review_ask(actor=None, request=request)
    return request


def _registrar_person() -> Person:
    """Vänersborg's registrar, an official to hand a case to."""
    person = User.objects.get(username="registrator").person
    assert person is not None
    return person


def _case_of(demo: Demo) -> dict[str, Any]:
    return {"body": "vanersborg", "case": _case(demo).pk}


def _closed_case(demo: Demo) -> Case:
    return services.case_close(actor=None, case=_case(demo))


def _setting(demo: Demo) -> dict[str, Any]:
    return {"organization": _board(demo), "year": timezone.localdate().year, "format": "{number}"}


def _registration(demo: Demo) -> dict[str, Any]:
    return {
        "case": _case(demo),
        "direction": Document.Direction.INCOMING,
        "date": timezone.localdate(),
        "counterpart": "Anna Andersson",
        "description": "Förslag om en ny lekplats",
    }


SERVICES: list[ServiceCase] = [
    ServiceCase(services.number_series_set_format, _setting, NOT_SETTING),
    ServiceCase(
        services.retention_rule_create,
        lambda demo: {
            "body": demo["vanersborg"],
            "name": "Synpunkter",
            "action": RetentionRule.Action.DISPOSE,
            "dispose_after_years": 2,
        },
        NOT_SETTING,
    ),
    ServiceCase(
        services.case_open, lambda demo: {"organization": _board(demo), "title": "Nytt ärende"}
    ),
    ServiceCase(services.case_close, lambda demo: {"case": _case(demo)}),
    ServiceCase(services.case_reopen, lambda demo: {"case": _closed_case(demo)}),
    ServiceCase(services.case_edit, lambda demo: {"case": _case(demo), "title": "Nytt"}),
    ServiceCase(
        services.case_reassign,
        lambda demo: {"case": _case(demo), "case_officer": _registrar_person()},
    ),
    ServiceCase(
        services.case_secrecy_set,
        lambda demo: {"case": _case(demo), "secrecy_reference": "OSL 26 kap. 1 §"},
    ),
    ServiceCase(
        services.document_secrecy_set,
        lambda demo: {
            "document": _letter(demo),
            "secrecy_reference": "OSL 26 kap. 1 §",
            "description_masked": True,
        },
    ),
    ServiceCase(services.document_register, _registration),
    ServiceCase(
        services.documents_register,
        lambda demo: {"registrations": [Registration(**_registration(demo))]},
    ),
    ServiceCase(
        services.file_attach,
        lambda demo: {"document": _letter(demo), "upload": upload("svar.pdf", pdf_bytes("Svar"))},
    ),
    ServiceCase(
        services.records_request_register,
        lambda demo: {"body": demo["vanersborg"], "subject": "Protokoll", "requester": "Eva Ek"},
    ),
    ServiceCase(
        services.records_request_assess,
        lambda demo: {"request": _request(demo), "assessment": "Inget hemligt."},
    ),
    ServiceCase(
        services.records_request_answer,
        lambda demo: {
            "request": _request(demo),
            "outcome": PublicRecordsRequest.Outcome.RELEASED,
        },
    ),
    # Without the key of the request's link: only Vänersborg's registrar asks on its behalf.
    ServiceCase(
        services.records_request_review_ask, lambda demo: {"request": _refused_request(demo)}
    ),
    # Only the delegate of the order (Vänersborg's kommundirektör), none of the personas.
    ServiceCase(
        services.records_request_review_decide,
        lambda demo: {
            "request": _refused_request(demo, review=True),
            "outcome": PublicRecordsRequest.Outcome.RELEASED,
        },
    ),
    ServiceCase(
        services.records_request_settings_set,
        lambda demo: {"body": demo["vanersborg"], "working_days": 2},
        NOT_SETTING,
    ),
]


def _body(demo: Demo) -> dict[str, Any]:
    return {"body": "vanersborg"}


def _slug(demo: Demo) -> dict[str, Any]:
    return {"slug": "vanersborg"}


def _new_letter(demo: Demo) -> dict[str, Any]:
    """The registration form: a letter in a new case of the board, with no case officer."""
    return {
        "avsandare": "Anna Andersson",
        "beskrivning": "Förslag om en ny lekplats",
        "riktning": Document.Direction.INCOMING,
        "datum": timezone.localdate().isoformat(),
        "organisation": _board(demo).pk,
    }


def _secret_file(demo: Demo) -> tuple[Document, int]:
    letter = _secret_letter(demo)
    return letter, letter.files.get().pk


def _api_secret_file(demo: Demo) -> dict[str, Any]:
    letter, file = _secret_file(demo)
    return {"slug": "vanersborg", "document_id": letter.pk, "file_id": file}


def _api_request(demo: Demo) -> dict[str, Any]:
    return {"slug": "vanersborg", "request_id": _request(demo).pk}


def _api_refused(demo: Demo) -> dict[str, Any]:
    return {"slug": "vanersborg", "request_id": _refused_request(demo).pk}


def _api_review(demo: Demo) -> dict[str, Any]:
    return {"slug": "vanersborg", "request_id": _refused_request(demo, review=True).pk}


def _page_request(demo: Demo) -> dict[str, Any]:
    return {"body": "vanersborg", "request_id": _request(demo).pk}


def _page_refused(demo: Demo) -> dict[str, Any]:
    return {"body": "vanersborg", "request_id": _refused_request(demo).pk}


def _page_review(demo: Demo) -> dict[str, Any]:
    return {"body": "vanersborg", "request_id": _refused_request(demo, review=True).pk}


API = "/api/v1/bodies/{slug}"
REQUESTS = f"{API}/records-requests"

ROUTES: list[RouteCase] = [
    RouteCase("registry:case_list", _body, refused=OUTSIDERS),
    RouteCase("registry:document_create", _body, refused=NOT_REGISTERING),
    RouteCase("registry:document_create", _body, data=_new_letter),
    RouteCase("registry:case_open", _body, refused=NOT_REGISTERING),
    RouteCase(
        "registry:case_open",
        _body,
        data=lambda demo: {"arendemening": "Nytt ärende", "organisation": _board(demo).pk},
    ),
    RouteCase("registry:case_manage", _case_of, refused=OUTSIDERS),
    RouteCase("registry:case_edit", _case_of, data=lambda demo: {"arendemening": "Nytt"}),
    RouteCase(
        "registry:case_reassign",
        _case_of,
        data=lambda demo: {"handlaggare": _registrar_person().pk},
    ),
    RouteCase("registry:case_close", _case_of, data=lambda demo: {"anteckning": "Klart."}),
    RouteCase(
        "registry:case_reopen",
        lambda demo: {"body": "vanersborg", "case": _closed_case(demo).pk},
        data=lambda demo: {},
    ),
    RouteCase(
        "registry:case_secrecy", _case_of, data=lambda demo: {"sekretess": "OSL 26 kap. 1 §"}
    ),
    RouteCase(
        "registry:document_secrecy",
        lambda demo: {"body": "vanersborg", "document_id": _letter(demo).pk},
        data=lambda demo: {"sekretess": "OSL 26 kap. 1 §"},
    ),
    RouteCase("registry:disposal", _body),
    RouteCase(
        "registry:file_download",
        lambda demo: {"body": "vanersborg", "file": _secret_file(demo)[1]},
    ),
    RouteCase(f"GET {API}/registry/cases", _slug, refused=OUTSIDERS),
    RouteCase(
        f"GET {API}/registry/cases/{{case_id}}",
        lambda demo: {"slug": "vanersborg", "case_id": _case(demo).pk},
        refused=OUTSIDERS,
    ),
    RouteCase(
        f"GET {API}/registry/documents/{{document_id}}",
        lambda demo: {"slug": "vanersborg", "document_id": _letter(demo).pk},
        refused=OUTSIDERS,
    ),
    RouteCase(f"GET {API}/registry/documents/{{document_id}}/files/{{file_id}}", _api_secret_file),
    # The postlista through the API: any key's holder reads it, masked as the public page.
    RouteCase(f"GET {API}/registry/list", _slug, refused=(ANONYMOUS,)),
    # The registry's API for systems (issue 14, item 4).
    RouteCase(f"GET {API}/registry/documents", _slug, refused=OUTSIDERS),
    RouteCase(
        f"POST {API}/registry/cases",
        _slug,
        data=lambda demo: {"organization": _board(demo).slug, "title": "Medborgarförslag"},
    ),
    # The form is read only after the caller's right to register is checked: none is sent.
    RouteCase(
        f"POST {API}/registry/cases/{{case_id}}/documents",
        lambda demo: {"slug": "vanersborg", "case_id": _case(demo).pk},
    ),
    RouteCase(f"GET {REQUESTS}", _slug),
    RouteCase(f"GET {REQUESTS}/{{request_id}}", _api_request),
    RouteCase(f"POST {REQUESTS}", _slug, data=lambda demo: {"subject": "Protokoll"}),
    RouteCase(
        f"POST {REQUESTS}/{{request_id}}/assessment",
        _api_request,
        data=lambda demo: {"assessment": "Inget hemligt."},
    ),
    RouteCase(
        f"POST {REQUESTS}/{{request_id}}/answer",
        _api_request,
        data=lambda demo: {"outcome": "released"},
    ),
    RouteCase(f"POST {REQUESTS}/{{request_id}}/review-request", _api_refused, data=lambda demo: {}),
    RouteCase(
        f"POST {REQUESTS}/{{request_id}}/authority-decision",
        _api_review,
        data=lambda demo: {"outcome": "released"},
    ),
    RouteCase("registry:records_request_queue", _body),
    RouteCase("registry:records_request_intake", _body),
    RouteCase(
        "registry:records_request_intake",
        _body,
        data=lambda demo: {"kanal": "phone", "handling": "Protokoll"},
    ),
    RouteCase("registry:records_request_detail", _page_request),
    RouteCase(
        "registry:records_request_assess",
        _page_request,
        data=lambda demo: {"bedomning": "Inget hemligt."},
    ),
    RouteCase(
        "registry:records_request_answer", _page_request, data=lambda demo: {"svar": "released"}
    ),
    RouteCase("registry:records_request_review_ask", _page_refused, data=lambda demo: {}),
    RouteCase(
        "registry:records_request_review_decide",
        _page_review,
        data=lambda demo: {"svar": "released"},
    ),
]

_POSTLISTA = (
    "the public registry list (postlista, OSL 5 kap 2 §): every entry, with what secrecy "
    "hides masked by the visibility function for anyone who may not see it, and no files"
)
_RECORDS_REQUEST = (
    "a public records request: anyone may ask, anonymously (TF 2 kap. 1 och 18 §§); the page "
    "of a request is found only by the secret key of its link, which only its hash is kept of"
)
PUBLIC: dict[str, str] = {
    "registry:registry_rss": "the postlista as RSS, read as the anonymous public",
    "registry:registry_atom": "the postlista as Atom, read as the anonymous public",
    "registry:records_request_create": _RECORDS_REQUEST + ": the form, rate-limited by address",
    "registry:records_request_follow": _RECORDS_REQUEST + ": the requester's page",
    "registry:records_request_file": _RECORDS_REQUEST + ": only what was released to it",
    "registry:disposal_record": (
        "the record of a disposal (gallring): what went, by number and date, under the "
        "gallringsbeslut that is itself public; a secret title reads as its secrecy ground"
    ),
    "registry:registry_list": _POSTLISTA,
    "registry:registry_list_csv": _POSTLISTA + ", as CSV",
    "registry:registry_list_json": _POSTLISTA + ", as JSON",
}
