"""Forged and bad ID tokens are refused with a logged reason and no user created, one test each.

A forger's provider (a small HTTP server in the test process) answers Kansli's code exchange
with the token the test crafts, and publishes its key; the mapping allows creating users, so an
accepted token would create one."""

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth import SESSION_KEY
from django.test import Client

from kansli.accounts.models import User
from kansli.organisation.models import Person
from kansli.signon.tests.conftest import CLIENT_ID, MAPPING, configure

KID = "forger-key"


@dataclass
class Forger:
    """The provider's endpoints, its signing key, and the token its next exchange answers."""

    base: str
    key: rsa.RSAPrivateKey = field(default_factory=lambda: rsa.generate_private_key(65537, 2048))
    id_token: str = ""

    @property
    def discovery(self) -> dict[str, str]:
        return {
            "issuer": self.base,
            "authorization_endpoint": f"{self.base}/authorize",
            "token_endpoint": f"{self.base}/token",
            "jwks_uri": f"{self.base}/jwks",
        }

    def jwks(self) -> dict[str, Any]:
        public = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {"keys": [{**public, "kid": KID, "alg": "RS256", "use": "sig"}]}

    def sign(self, nonce: str, *, key: rsa.RSAPrivateKey | None = None, **claims: Any) -> None:
        """The next token: a valid one for anna, but for the claims given."""
        now = int(time.time())
        payload = {
            "iss": self.base,
            "aud": CLIENT_ID,
            "sub": "anna",
            "iat": now,
            "exp": now + 300,
            "nonce": nonce,
            "employee_number": "1001",
            "groups": ["KS-Registratorer"],
            **claims,
        }
        self.id_token = jwt.encode(
            payload, key or self.key, algorithm="RS256", headers={"kid": KID}
        )


@pytest.fixture
def forger() -> Iterator[Forger]:
    class Handler(BaseHTTPRequestHandler):
        def answer(self, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            self.answer(provider.jwks())

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers["Content-Length"]))
            self.answer(
                {"id_token": provider.id_token, "access_token": "a", "token_type": "Bearer"}
            )

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    provider = Forger(f"http://127.0.0.1:{server.server_port}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield provider
    server.shutdown()
    server.server_close()


@pytest.fixture
def forged(settings: Any, forger: Forger, tmp_path: Path, anna: Person) -> Forger:
    """Kansli configured against the forger, allowed to create anna's account."""
    mapping = tmp_path / "signon.yaml"
    mapping.write_text(MAPPING.format(create_users="true"))
    configure(settings, mapping, forger.discovery, "forger-secret")
    settings.OIDC_OP_USER_ENDPOINT = ""
    return forger


def begin(client: Client) -> tuple[str, str]:
    """Start a sign-in: the state and nonce Kansli sent the provider."""
    query = parse_qs(urlsplit(client.get("/oidc/authenticate/")["Location"]).query)
    return query["state"][0], query["nonce"][0]


def assert_refused(
    client: Client, state: str, caplog: pytest.LogCaptureFixture, reason: str
) -> None:
    response = client.get(f"/oidc/callback/?code=forged&state={state}")
    assert response.status_code == 403
    assert "Inloggningen via organisationen kunde inte slutföras" in response.content.decode()
    assert not User.objects.exists()
    assert SESSION_KEY not in client.session
    assert f"sign-on refused (oidc): the ID token was refused: {reason}" in caplog.text


def test_a_rightly_signed_token_is_accepted(client: Client, forged: Forger) -> None:
    state, nonce = begin(client)
    forged.sign(nonce)

    client.get(f"/oidc/callback/?code=right&state={state}")

    assert client.session[SESSION_KEY] == str(User.objects.get(username="vanersborg-1001").pk)


def test_a_token_for_another_audience_is_refused(
    client: Client, forged: Forger, caplog: pytest.LogCaptureFixture
) -> None:
    state, nonce = begin(client)
    forged.sign(nonce, aud="another-application")
    assert_refused(client, state, caplog, "InvalidAudienceError")


def test_an_expired_token_is_refused(
    client: Client, forged: Forger, caplog: pytest.LogCaptureFixture
) -> None:
    state, nonce = begin(client)
    now = int(time.time())
    forged.sign(nonce, iat=now - 7200, exp=now - 3600)
    assert_refused(client, state, caplog, "ExpiredSignatureError")


def test_a_token_with_a_bad_signature_is_refused(
    client: Client, forged: Forger, caplog: pytest.LogCaptureFixture
) -> None:
    state, nonce = begin(client)
    forged.sign(nonce, key=rsa.generate_private_key(65537, 2048))
    assert_refused(client, state, caplog, "InvalidSignatureError")


def test_a_token_from_another_issuer_is_refused(
    client: Client, forged: Forger, caplog: pytest.LogCaptureFixture
) -> None:
    state, nonce = begin(client)
    forged.sign(nonce, iss="https://login.elsewhere.example/")
    assert_refused(client, state, caplog, "InvalidIssuerError")


def test_a_token_for_another_sign_in_is_refused(
    client: Client, forged: Forger, caplog: pytest.LogCaptureFixture
) -> None:
    state, _nonce = begin(client)
    forged.sign("the nonce of someone else's sign-in")
    assert_refused(client, state, caplog, "JWT Nonce verification failed")
