"""A case without a route of its own cites its body's instruction, not another body's (every
Vänersborg case cited Blekinge's "Instruktion till landstingsdirektör")."""

from django.utils import timezone

from kansli.governance.models import GoverningDocument
from kansli.governance.selectors import instruction_in_force
from kansli.organisation.models import Body, Organization
from kansli.preparation.selectors import case_readiness
from kansli.registry import services as registry


def test_a_case_without_a_route_cites_its_own_bodys_instruction(demo: dict[str, Body]) -> None:
    vanersborg = demo["vanersborg"]
    board = Organization.objects.get(body=vanersborg, slug="ks")
    case = registry.case_open(actor=None, organization=board, title="Ny taxa för bygglov")
    instruction = GoverningDocument.objects.get(
        body=vanersborg, kind=GoverningDocument.Kind.INSTRUCTION
    )

    missing = case_readiness(case=case).missing

    assert [m.key for m in missing] == ["report", "clause", "rapporteur"]
    assert all(f"({instruction.name})" in m.message for m in missing)
    assert not any("landstingsdirektör" in m.message for m in missing)


def test_an_instruction_no_longer_in_force_is_not_cited(demo: dict[str, Body]) -> None:
    vanersborg = demo["vanersborg"]
    today = timezone.localdate()
    GoverningDocument.objects.filter(
        body=vanersborg, kind=GoverningDocument.Kind.INSTRUCTION
    ).update(valid_until=today.replace(year=today.year - 1))

    assert instruction_in_force(body=vanersborg, on=today) is None
