"""Appointing and dismissing heads: the engine's requirements first, then the decision, then
the post's appointment."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client

from kansli.accounts.models import User
from kansli.decisions import services as decision_services
from kansli.decisions.models import Decision
from kansli.followup.selectors import appointments as selectors
from kansli.followup.services import appointments as services
from kansli.organisation import services as organisation
from kansli.organisation.models import Appointment, Body, Person, Position

DECIDED = datetime.date(2026, 11, 20)


@pytest.fixture
def vanersborg(demo: dict[str, Body]) -> Body:
    return demo["vanersborg"]


@pytest.fixture
def sara(vanersborg: Body) -> Person:
    return organisation.person_create(
        actor=None, body=vanersborg, given_name="Sara", family_name="Lind"
    )


def _post(body: Body, slug: str) -> Position:
    return body.positions.get(slug=slug)


def _before(body: Body, decision_type: str, position: Position) -> list[tuple[str, str, str]]:
    [answer] = selectors.appointment_requirements(
        body=body, decision_type=decision_type, position=position, on=DECIDED
    )
    return [
        (s.requirement.kind, s.requirement.party.key, s.requirement.party.name)
        for s in answer.before
    ]


def test_a_department_heads_appointment_requires_the_presidium_and_pfu(vanersborg: Body) -> None:
    post = _post(vanersborg, "forvaltningschef-socialforvaltningen")
    before = _before(vanersborg, "anstallning-forvaltningschef", post)
    assert [(kind, name) for kind, _key, name in before] == [
        ("consultation", "presidiet i socialnämnden"),
        ("consultation", "personal- och förhandlingsutskottet"),
    ]
    [answer] = selectors.appointment_requirements(
        body=vanersborg, decision_type="anstallning-forvaltningschef", position=post, on=DECIDED
    )
    assert answer.rule.number == "5.2.2 a"
    assert [r.party.name for r in answer.after] == ["kommunstyrelsen"]


def test_the_engine_names_each_appointments_requirements(vanersborg: Body) -> None:
    chief = _post(vanersborg, "stabschef-ekonomistaben")
    assert [k for k, _key, _name in _before(vanersborg, "entledigande-stabschef", chief)] == [
        "consultation"
    ]
    deputy = _post(vanersborg, "bitradande-kommundirektor")
    [answer] = selectors.appointment_requirements(
        body=vanersborg,
        decision_type="utse-bitradande-kommundirektor",
        position=deputy,
        on=DECIDED,
    )
    assert [(s.requirement.kind, s.requirement.party.name) for s in answer.before] == [
        ("approval", "kommunstyrelsens presidium")
    ]
    assert answer.conditions == ["tjänsten är placerad i lägst säkerhetsskyddsklass 2"]
    ceo = _post(vanersborg, "vd-vanersborgs-bostads-ab")
    assert len(_before(vanersborg, "bereda-anstallning-vd", ceo)) == 2


def test_an_appointment_without_its_consultations_is_refused_and_nothing_saved(
    vanersborg: Body, sara: Person
) -> None:
    post = _post(vanersborg, "forvaltningschef-socialforvaltningen")
    with pytest.raises(ValidationError, match="Kvar före beslutet"):
        services.appointment_decide(
            actor=User.objects.get(username="direktor"),
            body=vanersborg,
            decision_type="anstallning-forvaltningschef",
            position=post,
            person=sara,
            decided_on=DECIDED,
            effective_on=datetime.date(2027, 1, 1),
        )
    assert not Decision.objects.exists()
    assert not Appointment.objects.filter(person=sara).exists()


def test_with_its_consultations_on_record_the_appointment_is_decided_and_recorded(
    vanersborg: Body, sara: Person
) -> None:
    post = _post(vanersborg, "forvaltningschef-socialforvaltningen")
    before = _before(vanersborg, "anstallning-forvaltningschef", post)
    decision, appointment = services.appointment_decide(
        actor=User.objects.get(username="direktor"),
        body=vanersborg,
        decision_type="anstallning-forvaltningschef",
        position=post,
        person=sara,
        decided_on=DECIDED,
        effective_on=datetime.date(2027, 1, 1),
        evidence=[(kind, key, datetime.date(2026, 11, 10), "") for kind, key, _name in before],
    )
    assert decision.status == Decision.Status.RECORDED
    assert decision.source_section == "5.2.2"
    assert decision.report_to.slug == "ks"
    assert (appointment.person, appointment.position) == (sara, post)
    assert appointment.start == datetime.date(2027, 1, 1)


def test_a_deputy_director_is_appointed_once_the_security_class_is_asserted(
    vanersborg: Body, sara: Person
) -> None:
    deputy = _post(vanersborg, "bitradande-kommundirektor")
    before = _before(vanersborg, "utse-bitradande-kommundirektor", deputy)
    decide = {
        "actor": User.objects.get(username="direktor"),
        "body": vanersborg,
        "decision_type": "utse-bitradande-kommundirektor",
        "position": deputy,
        "person": sara,
        "decided_on": DECIDED,
        "effective_on": datetime.date(2027, 1, 1),
        "evidence": [(kind, key, datetime.date(2026, 11, 10), "") for kind, key, _name in before],
    }
    with pytest.raises(ValidationError, match="säkerhetsskyddsklass 2"):
        services.appointment_decide(**decide)
    assert not Decision.objects.exists()

    decision, appointment = services.appointment_decide(
        **decide, conditions=["sakerhetsskyddsklass-2"]
    )

    assert decision.status == Decision.Status.RECORDED
    assert decision.conditions == ["sakerhetsskyddsklass-2"]
    assert decision.source_section == "3.8"
    assert (appointment.person, appointment.position) == (sara, deputy)


def test_a_dismissal_ends_the_heads_appointment(vanersborg: Body) -> None:
    chief = _post(vanersborg, "stabschef-ekonomistaben")
    pia = Appointment.objects.get(position=chief).person
    before = _before(vanersborg, "entledigande-stabschef", chief)
    _decision, appointment = services.appointment_decide(
        actor=User.objects.get(username="direktor"),
        body=vanersborg,
        decision_type="entledigande-stabschef",
        position=chief,
        person=pia,
        decided_on=DECIDED,
        effective_on=datetime.date(2027, 2, 28),
        evidence=[(kind, key, DECIDED, "") for kind, key, _name in before],
    )
    assert appointment.end == datetime.date(2027, 2, 28)


def test_the_requirements_page_shows_what_the_engine_requires(
    client: Client, vanersborg: Body
) -> None:
    client.force_login(User.objects.get(username="ledamot"))
    post = _post(vanersborg, "forvaltningschef-socialforvaltningen")
    response = client.get(
        "/vanersborg/uppfoljning/tillsattningar/",
        {"beslutstyp": "anstallning-forvaltningschef", "befattning": post.pk},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Samråd med personal- och förhandlingsutskottet" in page
    assert "Anmälan till kommunstyrelsen" in page
    assert "5.2.2" in page
    assert 'name="decided_on"' in page  # whoever has a person may try; the engine decides


def test_the_director_decides_an_appointment_on_the_page(
    client: Client, vanersborg: Body, sara: Person
) -> None:
    client.force_login(User.objects.get(username="direktor"))
    post = _post(vanersborg, "forvaltningschef-socialforvaltningen")
    before = _before(vanersborg, "anstallning-forvaltningschef", post)
    url = (
        "/vanersborg/uppfoljning/tillsattningar/"
        f"?beslutstyp=anstallning-forvaltningschef&befattning={post.pk}"
    )
    data = {"person": sara.pk, "decided_on": DECIDED, "effective_on": "2027-01-01"}
    refused = client.post(url, data)
    assert refused.status_code == 400  # the form again, with what is still missing
    assert "Kvar före beslutet" in refused.content.decode()
    for kind, key, _name in before:
        data[f"krav:{kind}:{key}"] = "2026-11-10"
    response = client.post(url, data)
    decision = Decision.objects.get()
    assert response["Location"] == f"/vanersborg/beslut/{decision.pk}/"
    assert Appointment.objects.filter(person=sara, position=post).exists()


def test_a_draft_keeps_its_asserted_conditions_when_its_approval_is_added(
    vanersborg: Body,
) -> None:
    director = User.objects.get(username="direktor")
    draft = decision_services.decision_record(
        actor=director,
        body=vanersborg,
        decision_type="utse-bitradande-kommundirektor",
        decided_by=director.person,
        capacity=_post(vanersborg, "kommundirektor"),
        concerning=None,
        amount=None,
        decided_on=DECIDED,
        title="Utse biträdande kommundirektör",
        conditions=["sakerhetsskyddsklass-2"],
    )
    assert draft.is_draft
    [(kind, key, _name)] = _before(
        vanersborg, "utse-bitradande-kommundirektor", _post(vanersborg, "bitradande-kommundirektor")
    )

    recorded = decision_services.evidence_add(
        actor=director, decision=draft, kind=kind, party=key, date=datetime.date(2026, 11, 10)
    )

    assert recorded.status == Decision.Status.RECORDED
