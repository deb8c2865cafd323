"""The production smoke run (issue 16, "Done when"), `make smoke`.

`make serve` on PostgreSQL (DATABASE_URL, an empty database) and Redis (REDIS_URL) under
production settings: keys generated, DEBUG unset, plain HTTP on 127.0.0.1 (no TLS redirect, no
secure cookies), e-mail written as files into a temporary folder, the mail outbox. Then, through
HTTP alone: the demo's secretary signs in, opens a case, schedules a board meeting, builds its
agenda and sends the notice (kallelse) through the confirmation page's form; the task worker's
e-mails must reach the outbox, one to each recipient the page named, and /readyz must answer
200. Last, the server and the worker are stopped and no process of theirs may be left.

Every wait has its bound; any failure ends the run with one line saying what failed (and the
tail of the server's log), exit code 1. Only the standard library: urllib and http.cookiejar.
"""

import datetime
import email
import email.utils
import html
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[2]
KANSLI = ROOT / ".venv" / "bin" / "kansli"
BODY = "vanersborg"
SECRETARY = "sekreterare"
DEMO_PASSWORD = "kansli-demo"  # kansli/demo/services.py: the demo's, for the demo only
BOARD = "Kommunstyrelsen"
STOCKHOLM = ZoneInfo("Europe/Stockholm")
# Bounds, in seconds: the first start installs nothing new but collects the static files and
# migrates an empty database; the demo writes two bodies through the services.
START_TIMEOUT = 900
DEMO_TIMEOUT = 900
REQUEST_TIMEOUT = 120
OUTBOX_TIMEOUT = 600
STOP_TIMEOUT = 90


class SmokeError(Exception):
    """What failed, in one line."""


def say(message: str) -> None:
    print(f"smoke: {message}", flush=True)


def wait_until(condition: Callable[[], bool], seconds: float, failure: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SmokeError(f"{failure} within {seconds:.0f} s")
        time.sleep(1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def production_environment(var_dir: Path) -> dict[str, str]:
    """This environment with production's settings for plain HTTP on 127.0.0.1."""
    environment = {name: value for name, value in os.environ.items() if name != "DEBUG"}
    environment.update(
        SECRET_KEY=secrets.token_urlsafe(50),
        KANSLI_AUDIT_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SESSION_COOKIE_SECURE="0",
        CSRF_COOKIE_SECURE="0",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        KANSLI_VAR_DIR=str(var_dir),
    )
    return environment


class Forms(HTMLParser):
    """The forms of a page: each one's action and its fields as a browser would submit them
    untouched (hidden and filled inputs, checked boxes, the selected options), with the
    options' labels of each select."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[dict] = []
        self._select: str | None = None
        self._option: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.forms.append({"action": attributes.get("action", ""), "fields": {}, "options": {}})
        if not self.forms or ("name" not in attributes and tag != "option"):
            return
        form = self.forms[-1]
        if tag == "input":
            kind = attributes.get("type", "text")
            if kind in {"submit", "button", "reset", "file"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attributes:
                return
            form["fields"][attributes["name"]] = attributes.get("value", "on")
        elif tag == "select":
            self._select = attributes["name"]
            form["options"][self._select] = {}
        elif tag == "option" and self._select is not None:
            self._option = attributes.get("value", "")
            if "selected" in attributes or self._select not in form["fields"]:
                form["fields"][self._select] = self._option
        elif tag == "textarea":
            self._textarea = attributes["name"]
            form["fields"][self._textarea] = ""

    def handle_data(self, data: str) -> None:
        if self._option is not None and self._select is not None:
            options = self.forms[-1]["options"][self._select]
            options[self._option] = options.get(self._option, "") + data.strip()
        elif self._textarea is not None:
            self.forms[-1]["fields"][self._textarea] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._select = None
        elif tag == "option":
            self._option = None
        elif tag == "textarea":
            self._textarea = None


class Page:
    def __init__(self, status: int, url: str, text: str) -> None:
        self.status, self.url, self.text = status, url, text

    def form(self, *, action_ends: str = "", field: str = "") -> dict:
        """The first form whose action ends so, or which has the field."""
        parser = Forms()
        parser.feed(self.text)
        for form in parser.forms:
            if action_ends and form["action"].endswith(action_ends):
                return form
            if field and field in form["fields"]:
                return form
        raise SmokeError(f"{self.url} has no form ending {action_ends!r} or with {field!r}")


class Browser:
    """A visitor with cookies, following redirects like a browser."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def open(self, path: str, fields: dict[str, str] | None = None, referer: str = "") -> Page:
        url = urllib.parse.urljoin(self.base, path)
        data = urllib.parse.urlencode(fields).encode() if fields is not None else None
        # Only http://127.0.0.1:<port>, the server this run started.
        request = urllib.request.Request(url, data=data, headers={"Referer": referer or url})  # noqa: S310
        try:
            with self.opener.open(request, timeout=REQUEST_TIMEOUT) as response:
                return Page(response.status, response.url, response.read().decode())
        except urllib.error.HTTPError as error:
            return Page(error.code, url, error.read().decode(errors="replace"))
        except OSError as error:
            raise SmokeError(f"{url}: {error}") from error

    def get(self, path: str, expect: int = 200) -> Page:
        page = self.open(path)
        if page.status != expect:
            raise SmokeError(f"GET {path} answered {page.status}, not {expect}")
        return page

    def submit(self, page: Page, form: dict, **values: str) -> Page:
        """Post the form as it stands on the page, with the values filled in; the page after
        the redirect must answer 200."""
        action = urllib.parse.urljoin(page.url, form["action"] or page.url)
        answer = self.open(action, {**form["fields"], **values}, referer=page.url)
        if answer.status != 200:
            raise SmokeError(f"POST {action} answered {answer.status}")
        return answer

    def status(self, path: str) -> int:
        try:
            return self.open(path).status
        except SmokeError:
            return 0


def outbox_recipients(outbox: Path) -> list[str]:
    """The addressee of every message the file-based backend wrote (several to a file, each
    after a line of dashes)."""
    recipients = []
    for path in sorted(outbox.glob("*.log")) if outbox.is_dir() else []:
        for text in re.split(r"^-{79}$", path.read_text(errors="replace"), flags=re.MULTILINE):
            if text.strip():
                message = email.message_from_string(text.strip())
                recipients.append(email.utils.parseaddr(message["To"])[1])
    return recipients


def sign_in(browser: Browser) -> None:
    page = browser.get("/logga-in/")
    form = page.form(field="username")
    after = browser.submit(page, form, username=SECRETARY, password=DEMO_PASSWORD)
    if "/logga-in/" in after.url:
        raise SmokeError(f"the demo's {SECRETARY} could not sign in")
    say(f"signed in as {SECRETARY}")


def open_a_case(browser: Browser) -> None:
    cases = browser.get(f"/{BODY}/diarium/")
    found = re.search(rf'href="(/{BODY}/diarium/arenden/\d+/)"', cases.text)
    if found is None:
        raise SmokeError(f"the case list of {BODY} links no case")
    browser.get(found.group(1))
    say(f"opened the case {found.group(1)}")


def schedule_a_meeting(browser: Browser) -> str:
    """A board meeting five weeks ahead; the path of its page."""
    day = datetime.datetime.now(tz=STOCKHOLM).date() + datetime.timedelta(days=35)
    plan = browser.get(f"/{BODY}/sammantraden/plan/")
    options = plan.form(field="organisation")["options"]["organisation"]
    board = next((value for value, label in options.items() if BOARD in label), None)
    if board is None:
        raise SmokeError(f"the meeting plan offers no {BOARD}")
    query = urllib.parse.urlencode({"organisation": board, "ar": day.year})
    plan = browser.get(f"/{BODY}/sammantraden/plan/?{query}")
    meeting = browser.submit(
        plan,
        plan.form(field="borjar"),
        borjar=f"{day:%Y-%m-%d}T13:00",
        slutar=f"{day:%Y-%m-%d}T16:00",
        plats="Sessionssalen",
    )
    if not re.search(r"/sammantraden/\d+/hantera/$", meeting.url):
        raise SmokeError(f"scheduling the meeting led to {meeting.url}, not its page")
    say(f"scheduled a meeting of {BOARD} on {day}: {meeting.url}")
    agenda = browser.submit(meeting, meeting.form(action_ends="/atgard/dagordning/"))
    say(f"built its agenda: {agenda.url}")
    return urllib.parse.urlparse(meeting.url).path


def send_the_notice(browser: Browser, meeting: str) -> set[str]:
    """Send the notice through the confirmation page; the addresses it named."""
    confirm = browser.get(meeting.replace("/hantera/", "/bekrafta/kallelse/"))
    named = set(re.findall(r"&lt;([^&\s]+@[^&\s]+)&gt;", confirm.text))
    if not named:
        raise SmokeError("the notice's confirmation page names no recipient")
    sent = browser.submit(confirm, confirm.form(action_ends="/atgard/kallelse/"))
    if not sent.url.endswith("/hantera/"):
        raise SmokeError(f"sending the notice led to {sent.url}, not the meeting's page")
    say(f"sent the notice to {len(named)} recipients")
    return {html.unescape(address) for address in named}


def stop(server: subprocess.Popen) -> None:
    """Stop `make serve`'s whole process group; fail if anything of it is left."""

    def group_gone() -> bool:
        server.poll()  # make itself, reaped once it has ended: a zombie still counts in its group
        try:
            os.killpg(server.pid, 0)
        except ProcessLookupError:
            return True
        return False

    if group_gone():
        return
    os.killpg(server.pid, signal.SIGTERM)
    try:
        wait_until(group_gone, STOP_TIMEOUT, "the server and the worker did not stop")
    except SmokeError:
        os.killpg(server.pid, signal.SIGKILL)
        raise
    say("stopped the server and the worker: no process left")


def smoke(folder: Path) -> None:
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SmokeError("set DATABASE_URL to an empty PostgreSQL database")
    if not os.environ.get("REDIS_URL"):
        raise SmokeError("set REDIS_URL to Redis (redis://127.0.0.1:6379/0)")
    environment = production_environment(folder / "var")
    outbox = folder / "var" / "mail"
    port = free_port()
    log = folder / "serve.log"
    say(f"make serve on 127.0.0.1:{port} (log {log})")
    with log.open("w") as output:
        server = subprocess.Popen(  # noqa: S603
            ["make", "--no-print-directory", "serve", f"PORT={port}"],  # noqa: S607
            cwd=ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        browser = Browser(f"http://127.0.0.1:{port}")

        def serving() -> bool:
            if server.poll() is not None:
                raise SmokeError(f"make serve ended with {server.returncode}")
            return browser.status("/healthz") == 200

        wait_until(serving, START_TIMEOUT, "/healthz did not answer 200")
        say("/healthz answers 200")
        subprocess.run(  # noqa: S603
            [KANSLI, "loaddemo"],
            env=environment,
            check=True,
            timeout=DEMO_TIMEOUT,
            stdout=subprocess.DEVNULL,
        )
        say("loaded the demo")
        sign_in(browser)
        open_a_case(browser)
        recipients = send_the_notice(browser, schedule_a_meeting(browser))
        wait_until(
            lambda: set(outbox_recipients(outbox)) >= recipients,
            OUTBOX_TIMEOUT,
            f"the notice did not reach all {len(recipients)} recipients in the outbox",
        )
        say(f"the outbox holds the notice to each of the {len(recipients)} recipients")
        ready = browser.status("/readyz")
        if ready != 200:
            raise SmokeError(f"/readyz answered {ready}, not 200")
        say("/readyz answers 200")
    except (SmokeError, subprocess.SubprocessError) as failure:
        print(log.read_text(errors="replace")[-6000:], file=sys.stderr)
        raise SmokeError(str(failure)) from failure
    finally:
        stop(server)


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="kansli-smoke-") as folder:
        try:
            smoke(Path(folder))
        except SmokeError as failure:
            print(f"smoke: FAILED: {failure}", file=sys.stderr)
            return 1
    say("passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
