from kansli.accounts.tests.api_client import api_client
from kansli.organisation.models import Body


def test_a_named_section_of_blekinges_instruction_is_found_by_its_key(
    demo: dict[str, Body],
) -> None:
    response = api_client().get(
        "/api/v1/bodies/blekinge/documents/instruktion-landstingsdirektor/sections/arbetsgivaransvar"
    )

    assert response.status_code == 200
    section = response.json()
    assert (section["key"], section["number"], section["heading"]) == (
        "arbetsgivaransvar",
        "",
        "Arbetsgivaransvar",
    )
    assert section["text"]
