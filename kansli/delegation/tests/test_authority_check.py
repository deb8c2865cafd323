"""The selector the decision register calls: questions about the demo bodies, answered from the
orders in the database."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from kansli.delegation.selectors import authority_check
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization, Person, Position

pytestmark = pytest.mark.django_db
DAY = datetime.date(2025, 3, 12)


def post(body: Body, slug: str) -> Position:
    return Position.objects.get(body=body, slug=slug)


def org(body: Body, slug: str) -> Organization:
    return Organization.objects.get(body=body, slug=slug)


def test_organisational_change_in_another_department_awaits_pfus_approval(demo):
    vanersborg = demo["vanersborg"]

    verdict = authority_check(
        body=vanersborg,
        decision_type="organisationsforandring",
        on=DAY,
        position=post(vanersborg, "kommundirektor"),
        concerning=org(vanersborg, "socialforvaltningen"),
    )

    assert verdict.outcome == "requirements_pending"
    assert verdict.as_dict()["requirements"] == [
        {
            "kind": "approval",
            "when": "before",
            "party": {
                "kind": "organization",
                "slug": "pfu",
                "name": "personal- och förhandlingsutskottet",
                "relation": None,
            },
            "optional": False,
            "at_next_meeting": False,
            "satisfied": False,
            "waived": False,
        }
    ]
    assert (
        "Beslutet kräver godkännande av personal- och förhandlingsutskottet "
        "(Kommundirektörsinstruktion 5.2.3)." in verdict.reasons
    )


def test_the_director_as_a_person_is_allowed_once_pfu_has_approved(demo):
    vanersborg = demo["vanersborg"]
    director = Person.objects.get(body=vanersborg, given_name="Katarina", family_name="Holmgren")

    verdict = authority_check(
        body=vanersborg,
        decision_type="organisationsforandring",
        on=DAY,
        person=director,
        concerning=org(vanersborg, "socialforvaltningen"),
        done=[("approval", "pfu")],
    )

    assert verdict.outcome == "allowed"
    assert [(b.document, b.section) for b in verdict.basis] == [
        ("Kommundirektörsinstruktion", "5.2.3")
    ]
    assert [r.party.slug for r in verdict.reporting] == ["ks"]


def test_hiring_a_department_head_consults_the_committees_presidium_found_through_the_head(demo):
    vanersborg = demo["vanersborg"]

    verdict = authority_check(
        body=vanersborg,
        decision_type="anstallning-forvaltningschef",
        on=DAY,
        position=post(vanersborg, "kommundirektor"),
        concerning=org(vanersborg, "socialforvaltningen"),
    )

    parties = {status.requirement.party.key for status in verdict.requirements}
    assert "socialnamnden-presidium" in parties
    assert verdict.outcome == "requirements_pending"


def test_a_handlaggare_is_denied_with_the_rule_that_names_who_decides(demo):
    vanersborg = demo["vanersborg"]

    verdict = authority_check(
        body=vanersborg,
        decision_type="anstallning-stabschef",
        on=DAY,
        position=post(vanersborg, "handlaggare"),
        concerning=org(vanersborg, "ekonomistaben"),
    )

    assert verdict.outcome == "denied"
    assert any("Kommundirektörsinstruktion 5.1.1" in reason for reason in verdict.reasons)


def test_an_acting_appointment_made_after_a_check_is_seen_by_the_next_one(demo):
    vanersborg = demo["vanersborg"]
    oscar = Person.objects.get(body=vanersborg, given_name="Oscar", family_name="Malmberg")
    question = {
        "body": vanersborg,
        "decision_type": "utse-attestansvariga",
        "on": DAY,
        "person": oscar,
        "concerning": org(vanersborg, "ekonomistaben"),
    }
    assert authority_check(**question).outcome == "denied"

    organisation.appointment_create(
        actor=None,
        person=oscar,
        position=post(vanersborg, "kommundirektor"),
        start=DAY,
        end=DAY,
        acting=True,
    )

    verdict = authority_check(**question)
    assert verdict.outcome == "allowed"
    assert f"Oscar Malmberg är t.f. kommundirektör den {DAY}." in verdict.reasons


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ({"decision_type": "finns-inte"}, "Okänd beslutstyp ”finns-inte”"),
        ({"position": None}, "Ange exakt en beslutsfattare"),
        ({"done": [("godkant", "pfu")]}, "Okänt uppfyllt krav godkant:pfu"),
    ],
)
def test_a_question_that_cannot_be_asked_is_refused_in_swedish(demo, question, message):
    vanersborg = demo["vanersborg"]
    asked = {
        "body": vanersborg,
        "decision_type": "organisationsforandring",
        "on": DAY,
        "position": post(vanersborg, "kommundirektor"),
        **question,
    }

    with pytest.raises(ValidationError, match=message):
        authority_check(**asked)


def test_an_actor_of_another_body_is_refused(demo):
    with pytest.raises(ValidationError, match="hör inte till Vänersborgs kommun"):
        authority_check(
            body=demo["vanersborg"],
            decision_type="organisationsforandring",
            on=DAY,
            position=post(demo["blekinge"], "regiondirektor"),
        )
