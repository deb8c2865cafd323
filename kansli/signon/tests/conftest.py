"""A real OpenID Connect provider for the sign-on's tests (provider/, django-oauth-toolkit),
started once per test process on a free port of 127.0.0.1, and Kansli configured against it."""

import json
import os
import re
import secrets
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.test import Client

from kansli.audit import services as audit
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Person

CALLBACK = "http://testserver/oidc/callback/"
CLIENT_ID = "kansli"
PASSWORD = "provider-password"

MAPPING = """\
person:
  match: employee_number
  claim: employee_number
groups_claim: groups
create_users: {create_users}
bodies:
  vanersborg:
    KS-Registratorer: [registrar]
    KS-Handlaggare: [case_officer]
    Kansli-Admin: [administrator, registrar]
"""


def private_key_pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


@dataclass
class Provider:
    """The running provider: its endpoints (from its discovery document) and its people."""

    base: str
    secret: str
    discovery: dict[str, Any]
    people_file: Path

    def person(self, username: str, *, employee_number: str, groups: list[str]) -> None:
        """Add or change one of the provider's people (read at each sign-in)."""
        people = json.loads(self.people_file.read_text())
        people[username] = {
            "password": PASSWORD,
            "email": f"{username}@vanersborg.example",
            "employee_number": employee_number,
            "groups": groups,
        }
        self.people_file.write_text(json.dumps(people))

    def sign_in(self, authorize_url: str, username: str) -> str:
        """Sign in at the provider as a browser would, from Kansli's redirect to the provider
        to the provider's redirect back: the callback's path and query."""
        browser = requests.Session()
        url = authorize_url
        while not url.startswith(CALLBACK):
            response = browser.get(url, allow_redirects=False, timeout=30)
            if response.status_code == 200 and "csrfmiddlewaretoken" in response.text:
                token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
                assert token is not None
                response = browser.post(
                    response.url,
                    data={
                        "csrfmiddlewaretoken": token.group(1),
                        "username": username,
                        "password": PASSWORD,
                        "next": parse_qs(urlsplit(response.url).query)["next"][0],
                    },
                    allow_redirects=False,
                    timeout=30,
                )
            assert response.status_code == 302, response.text[:500]
            url = requests.compat.urljoin(response.url, response.headers["Location"])
        return url.removeprefix("http://testserver")


@pytest.fixture(scope="session")
def provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Provider]:
    folder = tmp_path_factory.mktemp("provider")
    people_file = folder / "people.json"
    people_file.write_text("{}")
    secret = secrets.token_urlsafe(24)
    env = {
        **os.environ,
        "PROVIDER_DATABASE": str(folder / "provider.sqlite3"),
        "PROVIDER_KEY": private_key_pem(),
        "PROVIDER_PEOPLE": str(people_file),
        "PROVIDER_CLIENT_ID": CLIENT_ID,
        "PROVIDER_CLIENT_SECRET": secret,
        "PROVIDER_REDIRECT_URI": CALLBACK,
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "kansli.signon.tests.provider.serve"],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        port = process.stdout.readline().strip()
        assert port, "the test provider did not start"
        base = f"http://127.0.0.1:{port}"
        discovery = requests.get(f"{base}/o/.well-known/openid-configuration", timeout=30).json()
        yield Provider(base, secret, discovery, people_file)
    finally:
        process.terminate()
        process.wait()


@pytest.fixture
def mapping(tmp_path: Path) -> Path:
    file = tmp_path / "signon.yaml"
    file.write_text(MAPPING.format(create_users="false"))
    return file


def configure(settings: Any, mapping: Path, discovery: dict[str, Any], secret: str) -> None:
    """Kansli's settings for a provider, as the environment would give them."""
    settings.KANSLI_SIGNON_MAPPING = str(mapping)
    settings.KANSLI_OIDC_PROVIDER_NAME = "Vänersborgs kommun"
    settings.KANSLI_OIDC_ISSUER = discovery["issuer"]
    settings.KANSLI_OIDC_END_SESSION_ENDPOINT = discovery.get("end_session_endpoint", "")
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = secret
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = discovery["authorization_endpoint"]
    settings.OIDC_OP_TOKEN_ENDPOINT = discovery["token_endpoint"]
    settings.OIDC_OP_JWKS_ENDPOINT = discovery["jwks_uri"]
    settings.OIDC_OP_USER_ENDPOINT = discovery.get("userinfo_endpoint", "")
    settings.OIDC_STORE_ID_TOKEN = True
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "kansli.signon.oidc.Backend",
    ]


@pytest.fixture
def oidc(settings: Any, provider: Provider, mapping: Path) -> Provider:
    """Kansli signing in through the test provider."""
    configure(settings, mapping, provider.discovery, provider.secret)
    return provider


@pytest.fixture
def anna(body: Body) -> Person:
    """A registrar of Vänersborg, known to the directory by her employee number."""
    person = organisation.person_create(
        actor=None, body=body, given_name="Anna", family_name="Andersson"
    )
    return audit.update(actor=None, instance=person, employee_number="1001")


def start(client: Client) -> str:
    """Kansli's sign-in button: the provider's authorization URL Kansli sends the browser to."""
    response = client.get("/oidc/authenticate/")
    assert response.status_code == 302
    return str(response["Location"])
