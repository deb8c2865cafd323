from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from kansli.audit.models import Event
from kansli.demo.registry import load_registry_demo
from kansli.organisation.models import Body
from kansli.registry.models import Case, Document, PublicRecordsRequest
from kansli.registry.visibility import document_view


def test_the_demo_numbers_vanersborgs_cases_from_ks_00051(demo: dict[str, Body]) -> None:
    load_registry_demo()

    year = timezone.localdate().year
    case = Case.objects.get(number=f"KS {year}/00051")
    assert case.title == "Revidering av kommundirektörsinstruktion"
    assert [d.number for d in case.documents.all()] == [f"KS {year}/00051-1", f"KS {year}/00051-2"]
    assert Case.objects.filter(organization__body=demo["blekinge"], number=f"{year}/00051").exists()


def test_the_demo_secret_analysis_is_masked_for_the_public(demo: dict[str, Body]) -> None:
    load_registry_demo()

    secret = Document.objects.get(description="Säkerhetsskyddsanalys, kommunhuset")
    view = document_view(AnonymousUser(), secret)

    assert view.description == "[Sekretess enligt OSL 18 kap. 8 §]"


def test_each_demo_body_has_a_waiting_records_request(demo: dict[str, Body]) -> None:
    load_registry_demo()

    assert PublicRecordsRequest.objects.filter(status="received").count() == 2


def test_loading_the_demo_registry_twice_writes_nothing_the_second_time(
    demo: dict[str, Body],
) -> None:
    load_registry_demo()
    events = Event.objects.count()

    load_registry_demo()

    assert Event.objects.count() == events
