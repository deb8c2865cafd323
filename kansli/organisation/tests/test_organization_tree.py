import datetime

from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization
from kansli.organisation.selectors import TreeNode, organization_tree
from kansli.organisation.tests.conftest import ONE_DAY

ESTABLISHED = datetime.date(2020, 1, 1)
DISSOLVED = datetime.date(2023, 12, 31)


def outline(nodes: list[TreeNode]) -> list[object]:
    return [(n.organization.short_name, outline(n.children)) for n in nodes]


def test_tree_puts_each_organization_under_its_parent(body: Body) -> None:
    def create(kind: str, short_name: str, parent: Organization | None = None) -> Organization:
        return organisation.organization_create(
            actor=None,
            body=body,
            kind=kind,
            slug=short_name.lower(),
            name=short_name,
            short_name=short_name,
            parent=parent,
        )

    council = create("council", "KF")
    board = create("executive_board", "KS", parent=council)
    create("department", "KSF", parent=board)
    create("subcommittee", "AU", parent=board)

    assert outline(organization_tree(body=body)) == [("KF", [("KS", [("AU", []), ("KSF", [])])])]


def test_dissolved_committee_leaves_the_tree_the_day_after_dissolution(
    body: Body, board: Organization
) -> None:
    committee = organisation.organization_create(
        actor=None,
        body=body,
        kind="committee",
        slug="mbn",
        name="Miljö- och byggnadsnämnden",
        short_name="MBN",
        established_on=ESTABLISHED,
    )
    organisation.organization_dissolve(actor=None, organization=committee, on=DISSOLVED)

    def roots_on(date: datetime.date) -> list[str]:
        return [n.organization.short_name for n in organization_tree(body=body, on=date)]

    assert roots_on(ESTABLISHED - ONE_DAY) == ["KS"]
    assert roots_on(ESTABLISHED) == ["KS", "MBN"]
    assert roots_on(DISSOLVED) == ["KS", "MBN"]
    assert roots_on(DISSOLVED + ONE_DAY) == ["KS"]
    assert [n.organization.short_name for n in organization_tree(body=body)] == ["KS", "MBN"]
