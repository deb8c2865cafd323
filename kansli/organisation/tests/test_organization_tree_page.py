from django.test import Client

from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization


def test_the_tree_nests_organizations_under_their_parents_with_their_kind(
    signed_in: Client, board: Organization, department: Organization
) -> None:
    organisation.organization_create(
        actor=None, body=board.body, kind="unit", slug="kansli", name="Kansliet", parent=department
    )

    response = signed_in.get("/vanersborg/organisation/")

    text = " ".join(response.text.split())
    assert (
        '<a href="/vanersborg/organisation/ks/">Kommunstyrelsen</a>'
        ' <span class="tag">styrelse</span> <ul> <li>'
        ' <a href="/vanersborg/organisation/kommunstyrelseforvaltningen/">'
        "Kommunstyrelseförvaltningen</a>"
        ' <span class="tag">förvaltning</span> <ul> <li>'
        ' <a href="/vanersborg/organisation/kansli/">Kansliet</a> <span class="tag">enhet</span>'
    ) in text


def test_an_unknown_body_is_not_found(signed_in: Client, body: Body) -> None:
    assert signed_in.get("/lund/organisation/").status_code == 404
