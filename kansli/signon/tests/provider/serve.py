"""Start the test provider: `python -m kansli.signon.tests.provider.serve`, with PROVIDER_DATABASE,
PROVIDER_KEY, PROVIDER_PEOPLE, PROVIDER_CLIENT_ID, PROVIDER_CLIENT_SECRET and
PROVIDER_REDIRECT_URI in the environment. It migrates its database, registers Kansli as a
confidential client, listens on a free port of 127.0.0.1 and prints the port, then serves.
It keeps the test's clock: KANSLI_TEST_CLOCK_DAYS moves it as conftest.py moves the suite's."""

import datetime
import os
import sys
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import django
import time_machine


class Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main() -> None:
    days = int(os.environ.get("KANSLI_TEST_CLOCK_DAYS", "0"))
    if days:
        now = datetime.datetime.now(tz=datetime.UTC)
        time_machine.travel(now + datetime.timedelta(days=days), tick=True).start()
    os.environ["DJANGO_SETTINGS_MODULE"] = "kansli.signon.tests.provider.settings"
    django.setup()
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from oauth2_provider.models import Application

    call_command("migrate", verbosity=0)
    Application.objects.create(
        name="Kansli",
        client_id=os.environ["PROVIDER_CLIENT_ID"],
        client_secret=os.environ["PROVIDER_CLIENT_SECRET"],
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=os.environ["PROVIDER_REDIRECT_URI"],
        post_logout_redirect_uris=os.environ["PROVIDER_REDIRECT_URI"],
        algorithm=Application.RS256_ALGORITHM,
        skip_authorization=True,
    )
    server = make_server(
        "127.0.0.1", 0, get_wsgi_application(), server_class=Server, handler_class=QuietHandler
    )
    sys.stdout.write(f"{server.server_port}\n")
    sys.stdout.flush()
    server.serve_forever()


if __name__ == "__main__":
    main()
