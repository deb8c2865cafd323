"""The authority's decision on a refused request (OSL 6 kap. 3 §): the requester asks for it by
the link to their request, and only the delegate the delegation order names makes it, with a
besvärshänvisning to kammarrätten. Vänersborg's order gives it to the kommundirektör (5.1.5)."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from kansli.accounts.models import User
from kansli.audit.models import Event
from kansli.organisation.models import Body, Organization
from kansli.registry import services
from kansli.registry.models import Document, PublicRecordsRequest
from kansli.registry.services import Submission
from kansli.registry.tests.samples import pdf_bytes, upload

REFUSED = PublicRecordsRequest.Outcome.REFUSED


@pytest.fixture
def refused(demo: dict[str, Body]) -> Submission:
    """An anonymous request from the public form for a letter of Vänersborg's board, refused by
    the registrar."""
    board = Organization.objects.get(body=demo["vanersborg"], slug="ks")
    case = services.case_open(actor=None, organization=board, title="Tillsyn av skola")
    letter = services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=timezone.localdate(),
        counterpart="Skolinspektionen",
        description="Anmälan om elev",
        files=[upload("anmalan.pdf", pdf_bytes("Anmalan om eleven"))],
    )
    submission = services.records_request_submit(
        actor=AnonymousUser(), body=demo["vanersborg"], subject=letter.number
    )
    request = submission.request
    services.records_request_assess(
        actor=None, request=request, assessment="Uppgifter om elev.", documents=[letter]
    )
    services.records_request_answer(
        actor=User.objects.get(username="registrator"),
        request=request,
        outcome=REFUSED,
        refusal_ground="OSL 23 kap. 1 §",
    )
    return submission


def test_the_requester_asks_and_the_director_decides_with_a_besvarshanvisning(
    refused: Submission,
) -> None:
    services.records_request_review_ask(
        actor=AnonymousUser(), request=refused.request, follow_key=refused.follow_key
    )
    director = User.objects.get(username="direktor")

    decided = services.records_request_review_decide(
        actor=director,
        request=PublicRecordsRequest.objects.get(pk=refused.request.pk),
        outcome=REFUSED,
        refusal_ground="OSL 23 kap. 1 §",
        decision_text="Uppgifterna rör en enskild elevs personliga förhållanden.",
    )

    assert decided.status == PublicRecordsRequest.Status.REVIEWED
    assert decided.reviewed_by == director.person
    assert decided.review_basis.startswith("Kommundirektörsinstruktion, punkt 5.1.5")
    assert decided.appeal_information.startswith(
        "Du kan överklaga beslutet hos kammarrätten (6 kap. 7 och 8 §§ offentlighets- och "
        "sekretesslagen). Skicka överklagandet till Vänersborgs kommun"
    )
    case = decided.documents.get().case
    assert case.documents.order_by("sequence").last().description == (
        "Myndighetens beslut om allmän handling: avslag (OSL 23 kap. 1 §), med besvärshänvisning"
    )
    logged = Event.objects.filter(
        object_type="registry.publicrecordsrequest", object_id=str(decided.pk)
    ).values_list("actor__username", flat=True)
    assert list(logged.order_by("seq"))[-2:] == [None, "direktor"]


def test_a_release_by_the_authority_carries_no_besvarshanvisning(refused: Submission) -> None:
    services.records_request_review_ask(
        actor=User.objects.get(username="registrator"), request=refused.request
    )

    decided = services.records_request_review_decide(
        actor=User.objects.get(username="direktor"),
        request=PublicRecordsRequest.objects.get(pk=refused.request.pk),
        outcome=PublicRecordsRequest.Outcome.RELEASED,
    )

    assert decided.appeal_information == ""


@pytest.mark.parametrize(
    "username", ["registrator", "ledamot", "blekinge-direktor", "blekinge-registrator"]
)
def test_nobody_but_the_delegate_makes_the_authoritys_decision(
    refused: Submission, username: str
) -> None:
    services.records_request_review_ask(
        actor=AnonymousUser(), request=refused.request, follow_key=refused.follow_key
    )
    events = Event.objects.count()

    with pytest.raises(PermissionDenied, match="delegation att fatta myndighetens beslut"):
        services.records_request_review_decide(
            actor=User.objects.get(username=username),
            request=PublicRecordsRequest.objects.get(pk=refused.request.pk),
            outcome=REFUSED,
            refusal_ground="OSL 23 kap. 1 §",
        )

    assert Event.objects.count() == events


def test_only_the_link_of_the_request_or_its_registrar_asks_for_the_decision(
    refused: Submission,
) -> None:
    for actor in (AnonymousUser(), User.objects.get(username="blekinge-registrator")):
        with pytest.raises(PermissionDenied, match="Bara den som begärde handlingen"):
            services.records_request_review_ask(
                actor=actor, request=refused.request, follow_key="en-annan-nyckel"
            )


def test_the_decision_waits_for_the_requester_to_ask(refused: Submission) -> None:
    with pytest.raises(ValidationError, match="Ingen har begärt myndighetens beslut"):
        services.records_request_review_decide(
            actor=User.objects.get(username="direktor"),
            request=refused.request,
            outcome=REFUSED,
            refusal_ground="OSL 23 kap. 1 §",
        )
