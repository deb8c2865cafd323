"""A SAML 2.0 identity provider for the tests: pysaml2's own `saml2.server.Server` behind a small
WSGI app (`server.py`), run as a process of its own on 127.0.0.1, and the keys, certificates and
users it needs.

`start(folder, users)` runs it: the provider writes its metadata to `folder / "idp.xml"` and
reads the service provider's from `folder / "sp.xml"` when the first request comes (so that the
test may fetch Kansli's metadata after it knows the provider's). Its users are `users.json` in
the folder, read at each sign-in: `{"anna": {"mail": ["anna@example.se"], ...}}`.
"""

import contextlib
import datetime
import http.client
import json
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID


def certificate(folder: Path, name: str) -> tuple[Path, Path]:
    """A new RSA key and a self-signed certificate for it, as PEM files `<name>.key` and
    `<name>.crt` in the folder; valid for years on either side of today, since the suite may
    move its clock ahead while xmlsec1 reads the real one."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(tz=datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=3 * 365))
        .not_valid_after(now + datetime.timedelta(days=3 * 365))
        .sign(key, hashes.SHA256())
    )
    key_file, cert_file = folder / f"{name}.key", folder / f"{name}.crt"
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return key_file, cert_file


@dataclass(frozen=True)
class Provider:
    """A running test identity provider."""

    url: str
    folder: Path

    @property
    def metadata(self) -> Path:
        return self.folder / "idp.xml"

    def visit(self, url: str) -> tuple[int, str, str]:
        """A browser's GET of one of the provider's pages, without following a redirect:
        the status, the Location and the page."""
        address = urlsplit(url)
        connection = http.client.HTTPConnection(address.netloc)
        try:
            connection.request("GET", f"{address.path}?{address.query}")
            response = connection.getresponse()
            return response.status, response.getheader("Location", ""), response.read().decode()
        finally:
            connection.close()

    def set_users(self, users: Mapping[str, Mapping[str, Sequence[str]]]) -> None:
        (self.folder / "users.json").write_text(json.dumps(users), encoding="utf-8")


@contextlib.contextmanager
def start(folder: Path) -> Iterator[Provider]:
    """The provider running on a free port of 127.0.0.1, with its key and certificate made in
    the folder; stopped on leaving. Its clock is started at this process's (which the suite may
    have moved ahead), so that the assertions it issues are fresh to Kansli."""
    certificate(folder, "idp")
    (folder / "users.json").write_text("{}", encoding="utf-8")
    command = [sys.executable, str(Path(__file__).with_name("server.py")), str(folder)]
    with subprocess.Popen(  # noqa: S603 (the test's own script, no shell)
        [*command, repr(time.time())], stdout=subprocess.PIPE, text=True
    ) as process:
        try:
            assert process.stdout is not None
            url = process.stdout.readline().strip()
            assert url, f"the test identity provider did not start (exit {process.wait()})"
            yield Provider(url=url, folder=folder)
        finally:
            process.terminate()
