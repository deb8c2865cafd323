"""The appointments API: the engine's requirements before a head is appointed."""

from django.test import Client

from kansli.followup.tests.api_keys import bearer
from kansli.organisation.models import Body


def test_the_engines_requirements_answer_through_the_api(
    client: Client, demo: dict[str, Body]
) -> None:
    base = "/api/v1/bodies/vanersborg/followup"
    headers = bearer("ledamot")
    types = client.get(f"{base}/appointment-types", **headers).json()
    assert {"anstallning-forvaltningschef", "entledigande-stabschef"} <= {t["code"] for t in types}
    requirements = client.get(
        f"{base}/appointment-requirements",
        {
            "decision_type": "anstallning-forvaltningschef",
            "position": "forvaltningschef-socialforvaltningen",
        },
        **headers,
    ).json()
    assert requirements[0]["before"] == [
        "Samråd med presidiet i socialnämnden",
        "Samråd med personal- och förhandlingsutskottet",
    ]
    assert requirements[0]["after"] == ["Anmälan till kommunstyrelsen"]
