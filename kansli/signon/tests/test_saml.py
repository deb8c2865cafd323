"""SAML 2.0 sign-in against a pysaml2 identity provider run by the tests as a process of its own
(saml_idp): the test plays the browser, carrying the signed request to the provider and the
provider's signed answer back to Kansli's assertion consumer."""

import base64
import datetime
import html
import re
from collections.abc import Iterator
from urllib.parse import urlencode, urlsplit

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from django.test.utils import override_settings

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Person
from kansli.signon.tests import saml_idp

ENTITY_ID = "https://kansli.example.se/saml2/metadata/"
MAIL = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress"
GROUPS = "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups"
MAPPING = f"""\
person:
  match: email
  claim: {MAIL}
groups_claim: {GROUPS}
create_users: true
bodies:
  vanersborg:
    kansli-registratorer: [registrar]
    kansli-sekreterare: [secretary, case_officer]
"""


@pytest.fixture
def anna(body: Body) -> Person:
    return organisation.person_create(
        actor=None, body=body, given_name="Anna", family_name="Berg", email="anna@vanersborg.se"
    )


@pytest.fixture(scope="module")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[saml_idp.Provider]:
    """The provider process, started once for the module (it takes seconds), with Kansli's key
    and certificate and the mapping file beside it."""
    folder = tmp_path_factory.mktemp("saml")
    saml_idp.certificate(folder, "kansli")
    (folder / "mapping.yaml").write_text(MAPPING, encoding="utf-8")
    with saml_idp.start(folder) as provider:
        yield provider


@pytest.fixture
def idp(provider: saml_idp.Provider, anna: Person) -> Iterator[saml_idp.Provider]:
    """Kansli configured as the provider's service provider, the two introduced to each other
    by their metadata files, and the provider's users."""
    folder = provider.folder
    provider.set_users(
        {
            "anna": {MAIL: [anna.email], GROUPS: ["kansli-sekreterare", "alla-anstallda"]},
            "olle": {MAIL: ["olle@vanersborg.se"], GROUPS: ["kansli-registratorer"]},
            "anna-utan-roll": {MAIL: [anna.email], GROUPS: ["alla-anstallda"]},
        }
    )
    with override_settings(
        KANSLI_SIGNON_MAPPING=str(folder / "mapping.yaml"),
        KANSLI_SAML_ENTITY_ID=ENTITY_ID,
        KANSLI_SAML_IDP_METADATA=str(provider.metadata),
        KANSLI_SAML_KEY_FILE=str(folder / "kansli.key"),
        KANSLI_SAML_CERT_FILE=str(folder / "kansli.crt"),
        AUTHENTICATION_BACKENDS=[
            "axes.backends.AxesStandaloneBackend",
            "django.contrib.auth.backends.ModelBackend",
            "kansli.signon.saml.Backend",
        ],
    ):
        metadata = Client().get("/saml2/metadata/")
        assert metadata.status_code == 200
        # Read by the provider at its first request.
        (folder / "sp.xml").write_bytes(metadata.content)
        yield provider


def answer_of(idp: saml_idp.Provider, client: Client, user: str, **forge: str) -> dict[str, str]:
    """The provider's signed answer (its form's fields) to the sign-in `client` starts, as
    `user` signs in at the provider."""
    start = client.get("/saml2/login/", {"next": "/"})
    assert start.status_code == 302
    status, _location, form = idp.visit(f"{start['Location']}&{urlencode({'user': user, **forge})}")
    assert status == 200
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', form))
    assert urlsplit(re.search(r'action="([^"]+)"', form)[1]).path == "/saml2/acs/"  # type: ignore[index]
    return {name: html.unescape(value) for name, value in fields.items()}


def users() -> int:
    return get_user_model().objects.count()


def test_metadata_describes_kansli_as_a_service_provider(idp: saml_idp.Provider) -> None:
    metadata = Client().get("/saml2/metadata/").content.decode()
    assert f'entityID="{ENTITY_ID}"' in metadata
    assert 'Location="http://testserver/saml2/acs/"' in metadata
    assert "X509Certificate" in metadata


def test_the_sign_in_page_offers_the_provider(client: Client, idp: saml_idp.Provider) -> None:
    page = client.get("/logga-in/", {"next": "/"}).content.decode()

    assert 'href="/saml2/login/?next=/"' in page


@pytest.mark.parametrize("path", ["metadata/", "login/", "acs/", "ls/"])
def test_saml_is_off_until_configured(client: Client, path: str) -> None:
    assert client.get(f"/saml2/{path}").status_code == 404


def test_a_user_signs_in_through_the_provider_and_gets_the_mapped_roles(
    client: Client, idp: saml_idp.Provider, anna: Person
) -> None:
    response = client.post("/saml2/acs/", answer_of(idp, client, "anna"))

    assert response.status_code == 302
    assert response["Location"] == "/"
    user = User.objects.get(person=anna)
    assert set(user.roles) == {Role.SECRETARY, Role.CASE_OFFICER}
    assert client.get("/").wsgi_request.user == user


def test_a_user_outside_the_mapping_is_refused_and_nothing_is_created(
    client: Client, idp: saml_idp.Provider, caplog: pytest.LogCaptureFixture
) -> None:
    before = users()

    response = client.post("/saml2/acs/", answer_of(idp, client, "olle"))

    assert response.status_code == 403
    assert "Kansli känner inte igen dig" in response.content.decode()
    assert "no persons of the mapped bodies match" in caplog.text
    assert users() == before


def test_a_person_without_a_mapped_group_is_refused(
    client: Client, idp: saml_idp.Provider, caplog: pytest.LogCaptureFixture
) -> None:
    response = client.post("/saml2/acs/", answer_of(idp, client, "anna-utan-roll"))

    assert response.status_code == 403
    assert "Din organisation har inte gett dig någon roll" in response.content.decode()
    assert "no mapped role" in caplog.text
    assert users() == 0


def refused_without_a_user(
    client: Client, answer: dict[str, str], caplog: pytest.LogCaptureFixture, reason: str
) -> None:
    before = users()
    response = client.post("/saml2/acs/", answer)

    assert response.status_code == 403
    assert "Inloggningen via organisationen kunde inte slutföras" in response.content.decode()
    assert re.search(rf"sign-on refused \(saml\): .*{reason}", caplog.text), caplog.text
    assert users() == before
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_an_assertion_for_another_audience_is_refused(
    client: Client, idp: saml_idp.Provider, caplog: pytest.LogCaptureFixture
) -> None:
    answer = answer_of(idp, client, "anna", forge="audience")

    refused_without_a_user(client, answer, caplog, "AudienceRestrictions")


def test_an_expired_assertion_is_refused(
    client: Client, idp: saml_idp.Provider, caplog: pytest.LogCaptureFixture
) -> None:
    answer = answer_of(idp, client, "anna")

    # The provider's assertions last five minutes; this one arrives an hour late.
    later = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(hours=1)
    with time_machine.travel(later, tick=False):
        refused_without_a_user(client, answer, caplog, "ResponseLifetimeExceed")


def test_an_assertion_altered_after_signing_is_refused(
    client: Client, idp: saml_idp.Provider, caplog: pytest.LogCaptureFixture
) -> None:
    answer = answer_of(idp, client, "anna")
    signed = base64.b64decode(answer["SAMLResponse"])
    assert signed.count(b"kansli-sekreterare") == 1
    answer["SAMLResponse"] = base64.b64encode(
        signed.replace(b"kansli-sekreterare", b"kansli-registratorer")
    ).decode()

    refused_without_a_user(client, answer, caplog, "SignatureError")


def test_a_replayed_answer_is_refused(
    client: Client, idp: saml_idp.Provider, caplog: pytest.LogCaptureFixture
) -> None:
    answer = answer_of(idp, client, "anna")
    assert client.post("/saml2/acs/", answer).status_code == 302
    client.logout()

    refused_without_a_user(client, answer, caplog, "UnsolicitedResponse")


def test_an_answer_replayed_into_another_browser_is_refused(
    client: Client, idp: saml_idp.Provider, caplog: pytest.LogCaptureFixture
) -> None:
    answer = answer_of(idp, client, "anna")
    other = Client()
    answer_of(idp, other, "anna-utan-roll")  # the other browser has a sign-in of its own under way

    refused_without_a_user(other, answer, caplog, "UnsolicitedResponse")


def signed_in(client: Client, idp: saml_idp.Provider) -> None:
    client.post("/saml2/acs/", answer_of(idp, client, "anna"))
    assert client.get("/").wsgi_request.user.is_authenticated


# Kansli's own "Logga ut" runs the same single logout as SAML's sign-out address.
@pytest.mark.parametrize("sign_out", ["/saml2/logout/", "/logga-ut/"])
def test_signing_out_ends_the_session_at_kansli_and_the_provider(
    client: Client, idp: saml_idp.Provider, sign_out: str
) -> None:
    signed_in(client, idp)

    to_provider = client.post(sign_out)
    assert to_provider.status_code == 302
    assert to_provider["Location"].startswith(f"{idp.url}/slo?")
    assert not client.get("/").wsgi_request.user.is_authenticated
    status, back, _page = idp.visit(to_provider["Location"])
    assert status == 302
    assert urlsplit(back).path == "/saml2/ls/"
    signed_out = client.get(f"/saml2/ls/?{urlsplit(back).query}")

    assert signed_out.status_code == 302
    assert signed_out["Location"] == "/logga-in/"
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_signing_out_of_a_session_whose_saml_cookie_is_gone_ends_it_at_kansli(
    client: Client, idp: saml_idp.Provider
) -> None:
    signed_in(client, idp)
    del client.cookies["kansli_saml"]

    signed_out = client.post("/logga-ut/")

    assert signed_out.status_code == 302
    assert signed_out["Location"] == "/logga-in/"
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_signing_out_of_a_password_session_does_not_go_to_the_provider(
    client: Client, idp: saml_idp.Provider, anna: Person
) -> None:
    user = user_create(actor=None, username="anna", password="ett-lokalt-lösenord", person=anna)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")

    signed_out = client.post("/logga-ut/")

    assert signed_out.status_code == 302
    assert signed_out["Location"] == "/logga-in/"
    assert not client.get("/").wsgi_request.user.is_authenticated
