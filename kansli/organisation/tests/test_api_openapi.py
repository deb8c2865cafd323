from django.test import Client


def test_openapi_description_is_served_and_lists_the_paths(db: None) -> None:
    response = Client().get("/api/v1/openapi.json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    assert {
        "/api/v1/bodies",
        "/api/v1/bodies/{slug}",
        "/api/v1/bodies/{slug}/organizations",
        "/api/v1/bodies/{slug}/organizations/{org_slug}",
        "/api/v1/bodies/{slug}/persons",
        "/api/v1/bodies/{slug}/persons/{person_id}",
        "/api/v1/bodies/{slug}/positions",
        "/api/v1/bodies/{slug}/positions/{position_slug}",
        "/api/v1/bodies/{slug}/documents",
        "/api/v1/bodies/{slug}/documents/{doc_slug}",
        "/api/v1/bodies/{slug}/documents/{doc_slug}/sections/{key}",
    } <= set(paths)


def test_openapi_description_names_schemas_after_the_domain(db: None) -> None:
    schemas = Client().get("/api/v1/openapi.json").json()["components"]["schemas"]

    assert {"Body", "Organization", "Person", "Membership", "Position", "Appointment"} <= set(
        schemas
    )
    assert {"GoverningDocument", "Revision", "DocumentVersion", "Section"} <= set(schemas)


def test_every_operation_requires_a_bearer_token(db: None) -> None:
    description = Client().get("/api/v1/openapi.json").json()

    assert description["components"]["securitySchemes"]["TokenAuth"]["scheme"] == "bearer"
    operations = [op for path in description["paths"].values() for op in path.values()]
    assert all(op["security"] == [{"TokenAuth": []}] for op in operations)


def test_interactive_documentation_is_served(db: None) -> None:
    response = Client().get("/api/v1/docs")

    assert response.status_code == 200
    assert b"/api/v1/openapi.json" in response.content
