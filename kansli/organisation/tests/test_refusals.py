"""The organisation of a body is changed by its administrator (its appointments also by its
director), a new body only by an operator or the system: every organisation service refuses the
wrong user. Who sits where and who holds which post is public information, read by every
signed-in user and API key of any body; a person's page is for the staff of the person's body.
"""

import datetime
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied

from kansli.accounts.models import User
from kansli.organisation import services
from kansli.organisation.models import Appointment, Membership, Organization, Person, Position
from kansli.tests.refusals import (
    ANONYMOUS,
    HANDLAGGARE,
    LEDAMOT,
    OTHER_BODY,
    OUTSIDERS,
    PERSONAS,
    Demo,
    RouteCase,
    ServiceCase,
)

OTHER_ADMINISTRATOR = "blekinge-admin"
# Vänersborg's administrator may; everyone else is refused, Region Blekinge's administrator too.
NOT_ADMINISTERING = (OTHER_BODY, OTHER_ADMINISTRATOR, LEDAMOT, HANDLAGGARE, ANONYMOUS)
API = "/api/v1/bodies/{slug}"
START = datetime.date(2027, 1, 1)


def _board(demo: Demo) -> Organization:
    return Organization.objects.get(body=demo["vanersborg"], kind=Organization.Kind.EXECUTIVE_BOARD)


def _body(demo: Demo) -> dict[str, Any]:
    return {"body": demo["vanersborg"]}


def _person(demo: Demo) -> Person:
    return services.person_create(
        actor=None, body=demo["vanersborg"], given_name="Nina", family_name="Ny"
    )


def _post(demo: Demo) -> Position:
    return services.position_create(
        actor=None,
        body=demo["vanersborg"],
        organization=_board(demo),
        slug="utredare",
        title="Utredare",
    )


def _seat(demo: Demo) -> dict[str, Any]:
    return {
        "person": _person(demo),
        "organization": _board(demo),
        "role": Membership.Role.SUBSTITUTE,
        "start": START,
    }


def _appointment(demo: Demo) -> dict[str, Any]:
    return {"person": _person(demo), "position": _post(demo), "start": START}


def _held_seat(demo: Demo) -> dict[str, Any]:
    seat = services.membership_create(actor=None, **_seat(demo))
    return {"membership": seat, "end": START + datetime.timedelta(days=30)}


def _held_post(demo: Demo) -> dict[str, Any]:
    held: Appointment = services.appointment_create(actor=None, **_appointment(demo))
    return {"appointment": held, "end": START + datetime.timedelta(days=30)}


SERVICES: list[ServiceCase] = [
    ServiceCase(
        services.body_create,
        lambda demo: {"slug": "trollhattan", "name": "Trollhättans stad", "kind": "municipality"},
        (*PERSONAS, OTHER_ADMINISTRATOR),
    ),
    ServiceCase(
        services.organization_create,
        lambda demo: (
            _body(demo) | {"kind": "committee", "slug": "kulturnamnden", "name": "Kulturnämnden"}
        ),
        NOT_ADMINISTERING,
    ),
    ServiceCase(
        services.organization_dissolve,
        lambda demo: {"organization": _board(demo), "on": START},
        NOT_ADMINISTERING,
    ),
    ServiceCase(
        services.person_create,
        lambda demo: _body(demo) | {"given_name": "Nina", "family_name": "Ny"},
        NOT_ADMINISTERING,
    ),
    ServiceCase(services.membership_create, _seat, NOT_ADMINISTERING),
    ServiceCase(services.membership_end, _held_seat, NOT_ADMINISTERING),
    ServiceCase(
        services.position_create,
        lambda demo: (
            _body(demo) | {"organization": _board(demo), "slug": "utredare", "title": "Utredare"}
        ),
        NOT_ADMINISTERING,
    ),
    ServiceCase(services.appointment_create, _appointment, NOT_ADMINISTERING),
    ServiceCase(services.appointment_end, _held_post, NOT_ADMINISTERING),
]


def _slug(demo: Demo) -> dict[str, Any]:
    return {"slug": "vanersborg"}


def _someone(demo: Demo) -> int:
    return demo["vanersborg"].persons.first().pk


# Public information: every signed-in user, of any body, reads it; the public signs in first.
PUBLIC_READ = (ANONYMOUS,)

ROUTES: list[RouteCase] = [
    RouteCase(
        "organisation:organization_tree", lambda demo: {"body": "vanersborg"}, refused=PUBLIC_READ
    ),
    RouteCase(
        "organisation:organization_detail",
        lambda demo: {"body": "vanersborg", "organization": "ks"},
        refused=PUBLIC_READ,
    ),
    RouteCase(
        "organisation:person_detail",
        lambda demo: {"body": "vanersborg", "person": _someone(demo)},
        refused=OUTSIDERS,
    ),
    RouteCase("GET /api/v1/bodies", refused=PUBLIC_READ),
    RouteCase(f"GET {API}", _slug, refused=PUBLIC_READ),
    RouteCase(f"GET {API}/organizations", _slug, refused=PUBLIC_READ),
    RouteCase(
        f"GET {API}/organizations/{{org_slug}}",
        lambda demo: {"slug": "vanersborg", "org_slug": "ks"},
        refused=PUBLIC_READ,
    ),
    RouteCase(f"GET {API}/positions", _slug, refused=PUBLIC_READ),
    RouteCase(
        f"GET {API}/positions/{{position_slug}}",
        lambda demo: {
            "slug": "vanersborg",
            "position_slug": demo["vanersborg"].positions.first().slug,
        },
        refused=PUBLIC_READ,
    ),
    RouteCase(f"GET {API}/persons", _slug, refused=OUTSIDERS),
    RouteCase(
        f"GET {API}/persons/{{person_id}}",
        lambda demo: {"slug": "vanersborg", "person_id": _someone(demo)},
        refused=OUTSIDERS,
    ),
]


def test_the_bodys_administrator_changes_its_organisation(demo: Demo) -> None:
    person = services.person_create(
        actor=User.objects.get(username="admin"),
        body=demo["vanersborg"],
        given_name="Nina",
        family_name="Ny",
    )

    assert person.body == demo["vanersborg"]


def test_the_director_records_an_appointment_in_its_body(demo: Demo) -> None:
    appointment = services.appointment_create(
        actor=User.objects.get(username="direktor"), **_appointment(demo)
    )

    assert appointment.position.body == demo["vanersborg"]


def test_the_administrator_does_not_appoint_itself_to_a_post(demo: Demo) -> None:
    administrator = User.objects.get(username="admin")
    arguments = _appointment(demo) | {"person": administrator.person}

    with pytest.raises(PermissionDenied, match="dina egna uppdrag och befattningar"):
        services.appointment_create(actor=administrator, **arguments)
