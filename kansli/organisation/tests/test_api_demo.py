from kansli.accounts.tests.api_client import api_client
from kansli.organisation.models import Body


def test_every_organization_person_and_position_of_the_demo_reads_through_the_api(
    demo: dict[str, Body],
) -> None:
    urls = [
        f"/api/v1/bodies/{body.slug}/{collection}/{key}"
        for body in demo.values()
        for collection, keys in [
            ("organizations", body.organizations.values_list("slug", flat=True)),
            ("persons", body.persons.values_list("pk", flat=True)),
            ("positions", body.positions.values_list("slug", flat=True)),
        ]
        for key in keys
    ]
    api = api_client()

    assert len(urls) > 100
    assert {url: api.get(url).status_code for url in urls} == dict.fromkeys(urls, 200)
