"""The test identity provider's process: `python server.py <folder> <now>`.

pysaml2's `Server` answers HTTP-Redirect authentication and logout requests on a free port of
127.0.0.1. It prints its base URL on the first line of its output once its metadata is in
`<folder>/idp.xml`. The user who signs in is the request's `user` parameter (the test plays the
person at the provider's sign-in page), with the attributes `<folder>/users.json` gives them.
`forge=audience` issues the assertion for another service provider, as a forger would.
"""

import json
import sys
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs
from wsgiref.simple_server import WSGIRequestHandler, make_server

import time_machine
from saml2 import BINDING_HTTP_POST, BINDING_HTTP_REDIRECT
from saml2.assertion import Policy
from saml2.config import IdPConfig
from saml2.metadata import entity_descriptor
from saml2.saml import NAME_FORMAT_URI, NAMEID_FORMAT_PERSISTENT, Conditions, NameID
from saml2.server import Server
from saml2.xmldsig import DIGEST_SHA256, SIG_RSA_SHA256

ELSEWHERE = "https://elsewhere.example/saml2/metadata/"
POLICY = {"default": {"lifetime": {"minutes": 5}, "name_form": NAME_FORMAT_URI}}


class ForAnotherAudience(Policy):
    """The assertion's audience is another service provider, its answer still sent here."""

    def conditions(self, sp_entity_id: str) -> Conditions:
        return super().conditions(ELSEWHERE)


def settings(folder: Path, url: str, *, with_sp: bool) -> IdPConfig:
    config = IdPConfig()
    config.load(
        {
            "entityid": f"{url}/metadata",
            "service": {
                "idp": {
                    "endpoints": {
                        "single_sign_on_service": [(f"{url}/sso", BINDING_HTTP_REDIRECT)],
                        "single_logout_service": [(f"{url}/slo", BINDING_HTTP_REDIRECT)],
                    },
                    "policy": POLICY,
                    "name_id_format": [NAMEID_FORMAT_PERSISTENT],
                    "want_authn_requests_signed": True,
                    "signing_algorithm": SIG_RSA_SHA256,
                    "digest_algorithm": DIGEST_SHA256,
                }
            },
            "key_file": str(folder / "idp.key"),
            "cert_file": str(folder / "idp.crt"),
            "metadata": {"local": [str(folder / "sp.xml")]} if with_sp else {},
        }
    )
    return config


class Provider:
    def __init__(self, folder: Path, url: str) -> None:
        self.folder = folder
        self.url = url

    @cache  # noqa: B019 (one provider for the process's life)
    def server(self) -> Server:
        # Made at the first request: the service provider's metadata is there by then.
        return Server(config=settings(self.folder, self.url, with_sp=True))

    def __call__(self, environ: dict[str, Any], start_response: Any) -> list[bytes]:
        query = {name: values[0] for name, values in parse_qs(environ["QUERY_STRING"]).items()}
        if environ["PATH_INFO"] == "/sso":
            status, headers, body = self.sign_in(query)
        elif environ["PATH_INFO"] == "/slo":
            status, headers, body = self.sign_out(query)
        else:
            status, headers, body = "404 Not Found", [], ""
        start_response(status, headers)
        return [body.encode()]

    def sign_in(self, query: dict[str, str]) -> tuple[str, list[tuple[str, str]], str]:
        server = self.server()
        request = server.parse_authn_request(
            query["SAMLRequest"],
            BINDING_HTTP_REDIRECT,
            relay_state=query.get("RelayState"),
            sigalg=query.get("SigAlg"),
            signature=query.get("Signature"),
        )
        arguments = server.response_args(request.message, [BINDING_HTTP_POST])
        users = json.loads((self.folder / "users.json").read_text(encoding="utf-8"))
        user = query["user"]
        if query.get("forge") == "audience":
            arguments["release_policy"] = ForAnotherAudience(POLICY, server.metadata)
        response = server.create_authn_response(
            users[user],
            userid=user,
            name_id=NameID(format=NAMEID_FORMAT_PERSISTENT, text=user),
            authn={"class_ref": "urn:oasis:names:tc:SAML:2.0:ac:classes:Password"},
            sign_assertion=True,
            sign_response=True,
            **arguments,
        )
        http = server.apply_binding(
            BINDING_HTTP_POST,
            str(response),
            arguments["destination"],
            query.get("RelayState", ""),
            response=True,
        )
        return "200 OK", [("Content-Type", "text/html")], http["data"]

    def sign_out(self, query: dict[str, str]) -> tuple[str, list[tuple[str, str]], str]:
        server = self.server()
        request = server.parse_logout_request(
            query["SAMLRequest"],
            BINDING_HTTP_REDIRECT,
            relay_state=query.get("RelayState"),
            sigalg=query.get("SigAlg"),
            signature=query.get("Signature"),
        )
        response = server.create_logout_response(request.message, [BINDING_HTTP_REDIRECT])
        http = server.apply_binding(
            BINDING_HTTP_REDIRECT,
            str(response),
            response.destination,
            query.get("RelayState", ""),
            response=True,
            sign=True,
            sigalg=SIG_RSA_SHA256,
        )
        return "302 Found", http["headers"], ""


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def main(folder: Path, now: float) -> None:
    time_machine.travel(now, tick=True).start()
    provider = Provider(folder, "")
    with make_server("127.0.0.1", 0, provider, handler_class=QuietHandler) as httpd:
        provider.url = f"http://127.0.0.1:{httpd.server_port}"
        metadata = entity_descriptor(settings(folder, provider.url, with_sp=False))
        (folder / "idp.xml").write_text(str(metadata), encoding="utf-8")
        print(provider.url, flush=True)
        httpd.serve_forever()


if __name__ == "__main__":
    main(Path(sys.argv[1]), float(sys.argv[2]))
