"""A case is in one process of its body's plan: opened in it, classified later, its code the
case's classification; a class of another body or a process group is refused; the
registration page offers the processes and the case list shows the class."""

from collections.abc import Callable

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from kansli.accounts.models import Role, User
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization
from kansli.registry.models import Case, PlanClass
from kansli.registry.plans import case_classify
from kansli.registry.services import case_open
from kansli.registry.tests.plans import process, shipped_plan


@pytest.fixture
def plan(body: Body) -> None:
    shipped_plan(body)


@pytest.mark.usefixtures("plan")
def test_a_case_opened_in_a_process_takes_its_code(body: Body, board: Organization) -> None:
    case = case_open(
        actor=None, organization=board, title="Laddplatser", plan_class=process(body, "3.4.1")
    )
    assert case.plan_class == process(body, "3.4.1")
    assert case.classification == "3.4.1"


@pytest.mark.usefixtures("plan")
def test_a_case_is_classified_later(
    body: Body, board: Organization, staff: Callable[..., User]
) -> None:
    case = case_open(actor=None, organization=board, title="Förfrågan om taxor")
    case = case_classify(
        actor=staff("rut", Role.REGISTRAR), case=case, plan_class=process(body, "2.1.1")
    )
    assert Case.objects.get(pk=case.pk).classification == "2.1.1"


@pytest.mark.usefixtures("plan")
def test_only_a_process_of_the_own_plan_classifies(body: Body, board: Organization) -> None:
    group = PlanClass.objects.get(plan__body=body, code="2.1")
    with pytest.raises(ValidationError, match="Välj en process"):
        case_open(actor=None, organization=board, title="Förfrågan", plan_class=group)
    other = organisation.body_create(
        actor=None, slug="blekinge", name="Region Blekinge", kind=Body.Kind.REGION
    )
    shipped_plan(other, "blekinge")
    with pytest.raises(ValidationError, match="annan kommuns eller regions plan"):
        case_open(
            actor=None, organization=board, title="Förfrågan", plan_class=process(other, "2.1.1")
        )
    assert not Case.objects.exists()


@pytest.mark.usefixtures("plan")
def test_the_wrong_users_may_not_classify(
    body: Body, board: Organization, staff: Callable[..., User], other_registrar: User
) -> None:
    case = case_open(actor=None, organization=board, title="Förfrågan om taxor")
    for user in (staff("ledamot", Role.ELECTED_MEMBER), other_registrar):
        with pytest.raises(PermissionDenied):
            case_classify(actor=user, case=case, plan_class=process(body, "2.1.1"))
    assert Case.objects.get(pk=case.pk).plan_class is None


@pytest.mark.usefixtures("plan")
def test_the_registration_page_opens_the_case_in_its_class_and_the_list_shows_it(
    body: Body, board: Organization, staff: Callable[..., User], client: Client
) -> None:
    client.force_login(staff("rut", Role.REGISTRAR))
    url = reverse("registry:document_create", args=[body.slug])
    page = client.get(url)
    assert "2.1.1 Besvara förfrågningar och lämna information" in page.content.decode()
    response = client.post(
        url,
        {
            "avsandare": "Företaget AB",
            "beskrivning": "Fråga om taxan för bygglov",
            "organisation": board.pk,
            "klass": process(body, "2.1.1").pk,
            "riktning": "incoming",
            "datum": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 302, response.content.decode()
    case = Case.objects.get()
    assert case.plan_class == process(body, "2.1.1")
    listed = client.get(reverse("registry:case_list", args=[body.slug])).content.decode()
    assert "2.1.1 Besvara förfrågningar och lämna information" in listed
