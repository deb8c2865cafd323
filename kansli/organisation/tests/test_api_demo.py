from django.test import Client

from kansli.accounts.models import User
from kansli.accounts.services import token_create
from kansli.organisation.models import Body

# A registrar of each body reads its persons; organizations and positions anyone reads.
STAFF = {"vanersborg": "registrator", "blekinge": "blekinge-registrator"}


def staff_client(slug: str) -> Client:
    _token, key = token_create(actor=None, user=User.objects.get(username=STAFF[slug]), name="t")
    return Client(headers={"authorization": f"Bearer {key}"})


def test_every_organization_person_and_position_of_the_demo_reads_through_the_api(
    demo: dict[str, Body],
) -> None:
    urls = [
        (body.slug, f"/api/v1/bodies/{body.slug}/{collection}/{key}")
        for body in demo.values()
        for collection, keys in [
            ("organizations", body.organizations.values_list("slug", flat=True)),
            ("persons", body.persons.values_list("pk", flat=True)),
            ("positions", body.positions.values_list("slug", flat=True)),
        ]
        for key in keys
    ]
    clients = {slug: staff_client(slug) for slug in demo}

    assert len(urls) > 100
    assert {url: clients[slug].get(url).status_code for slug, url in urls} == dict.fromkeys(
        (url for _slug, url in urls), 200
    )
