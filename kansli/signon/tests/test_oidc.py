"""Signing in through a real OpenID Connect provider (conftest.provider): the mapped roles, the
start page, signing out, a changed group at the next sign-in, and who is refused."""

from pathlib import Path

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY
from django.test import Client

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.audit.models import Event
from kansli.organisation.models import Person
from kansli.signon.tests.conftest import MAPPING, Provider, start


def account(person: Person) -> User:
    return user_create(actor=None, username="anna", password="ett-lokalt-lösenord", person=person)


def test_sso_is_off_until_configured(client: Client) -> None:
    assert client.get("/oidc/authenticate/").status_code == 404
    assert client.get("/oidc/callback/?code=x&state=y").status_code == 404
    assert "Logga in via" not in client.get("/logga-in/").content.decode()


def test_the_sign_in_page_offers_the_organisation_when_configured(
    client: Client, oidc: Provider
) -> None:
    assert "Logga in via Vänersborgs kommun" in client.get("/logga-in/").content.decode()


def test_a_mapped_user_signs_in_with_the_mapped_roles_and_lands_on_my_work(
    client: Client, oidc: Provider, anna: Person
) -> None:
    user = account(anna)
    oidc.person("anna", employee_number="1001", groups=["KS-Registratorer", "Okänd grupp"])

    response = client.get(oidc.sign_in(start(client), "anna"))

    assert response.status_code == 302
    page = client.get(response["Location"], follow=True).content.decode()
    assert "Mitt arbete" in page
    user.refresh_from_db()
    assert user.roles == [Role.REGISTRAR]
    assert not user.has_usable_password()
    assert client.session[BACKEND_SESSION_KEY] == "kansli.signon.oidc.Backend"
    assert Event.objects.filter(action="user.sign_in", object_id=str(user.pk)).exists()


def test_signing_out_ends_the_session_and_a_changed_group_takes_effect_at_the_next_sign_in(
    client: Client, oidc: Provider, anna: Person
) -> None:
    user = account(anna)
    oidc.person("anna", employee_number="1001", groups=["Kansli-Admin"])
    client.get(oidc.sign_in(start(client), "anna"))
    user.refresh_from_db()
    assert sorted(user.roles) == [Role.ADMINISTRATOR, Role.REGISTRAR]
    assert user.is_staff

    signed_out = client.post("/logga-ut/")

    assert SESSION_KEY not in client.session
    # The provider's session ends too: the browser goes to its end session endpoint.
    assert signed_out["Location"].startswith(oidc.discovery["end_session_endpoint"] + "?")
    assert "id_token_hint=" in signed_out["Location"]

    oidc.person("anna", employee_number="1001", groups=["KS-Handlaggare"])
    client.get(oidc.sign_in(start(client), "anna"))
    user.refresh_from_db()
    assert user.roles == [Role.CASE_OFFICER]
    assert not user.is_staff
    assert client.session[SESSION_KEY] == str(user.pk)


def test_a_user_outside_the_mapping_is_refused_and_nothing_is_created(
    client: Client, oidc: Provider, anna: Person, caplog: pytest.LogCaptureFixture
) -> None:
    oidc.person("bertil", employee_number="9999", groups=["KS-Registratorer"])
    users = User.objects.count()

    response = client.get(oidc.sign_in(start(client), "bertil"))

    assert response.status_code == 403
    assert "Kansli känner inte igen dig" in response.content.decode()
    assert User.objects.count() == users
    assert SESSION_KEY not in client.session
    assert "sign-on refused (oidc): no persons of the mapped bodies" in caplog.text


def test_a_person_without_an_account_is_refused_unless_the_mapping_allows_creating_it(
    client: Client, oidc: Provider, anna: Person, mapping: Path, caplog: pytest.LogCaptureFixture
) -> None:
    oidc.person("anna", employee_number="1001", groups=["KS-Handlaggare"])

    refused = client.get(oidc.sign_in(start(client), "anna"))

    assert refused.status_code == 403
    assert "Du har inget konto i Kansli" in refused.content.decode()
    assert not User.objects.filter(person=anna).exists()
    assert "create_users is off" in caplog.text

    mapping.write_text(MAPPING.format(create_users="true"))
    client.get(oidc.sign_in(start(client), "anna"))

    created = User.objects.get(person=anna)
    assert created.roles == [Role.CASE_OFFICER]
    assert not created.has_usable_password()
    assert client.session[SESSION_KEY] == str(created.pk)


def test_a_user_whose_groups_give_no_role_is_refused(
    client: Client, oidc: Provider, anna: Person, caplog: pytest.LogCaptureFixture
) -> None:
    user = account(anna)
    oidc.person("anna", employee_number="1001", groups=["Fritidsgården"])

    response = client.get(oidc.sign_in(start(client), "anna"))

    assert response.status_code == 403
    assert "inte gett dig någon roll" in response.content.decode()
    assert "no mapped role" in caplog.text
    assert user.has_usable_password()


def test_a_deactivated_user_is_refused(
    client: Client, oidc: Provider, anna: Person, caplog: pytest.LogCaptureFixture
) -> None:
    user = account(anna)
    User.objects.filter(pk=user.pk).update(is_active=False)
    oidc.person("anna", employee_number="1001", groups=["KS-Registratorer"])

    response = client.get(oidc.sign_in(start(client), "anna"))

    assert response.status_code == 403
    assert "avstängt" in response.content.decode()
    assert "is inactive" in caplog.text
    assert SESSION_KEY not in client.session


def test_a_replayed_answer_is_refused(
    client: Client, oidc: Provider, anna: Person, caplog: pytest.LogCaptureFixture
) -> None:
    account(anna)
    oidc.person("anna", employee_number="1001", groups=["KS-Registratorer"])
    callback = oidc.sign_in(start(client), "anna")
    client.get(callback)

    # The same answer again in the same browser: its state was used up.
    again = client.get(callback)
    assert again.status_code == 403
    assert "state not found" in caplog.text
    client.post("/logga-ut/")

    # The code, stolen, with a state of the thief's own: the provider refuses the used code.
    thief = Client()
    state = start(thief).split("state=")[1].split("&")[0]
    code = callback.split("code=")[1].split("&")[0]
    stolen = thief.get(f"/oidc/callback/?code={code}&state={state}")
    assert stolen.status_code == 403
    assert "the token endpoint refused the code: HTTP 400 invalid_grant" in caplog.text
    assert SESSION_KEY not in thief.session
