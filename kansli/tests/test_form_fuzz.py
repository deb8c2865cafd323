"""A fuzz of every page's query string and form (issue 11, item 3): hypothesis over the URL conf
(the admin's and the API's aside: Django's own admin, and schemathesis in test_api_fuzz.py).
Each page is first fetched with real ids as each user and anonymously; those it lets in are the
ones who then GET it with random query strings and POST random forms to it, made of the names
of the fields its pages show, with hostile values: dates out of range, huge and negative
numbers, NUL, very long and non-ASCII text, files no parser can read. Path parameters take
real ids and hostile values (a PDF's only hostile ones: rendering one takes seconds, and the
probe renders each once). No answer is a server error.

Bounded and repeatable: a fixed number of examples per page, derandomized."""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern
from hypothesis import given
from hypothesis import strategies as st
from pytest_django.fixtures import Settings

from kansli.accounts.models import User
from kansli.organisation.models import Body
from kansli.registry.tests.samples import encrypted_pdf_bytes, nested_eml_bytes, pdf_bytes
from kansli.tests.fuzzing import (
    ANONYMOUS,
    HOSTILE,
    USERNAMES,
    bounded,
    plant_world,
    real_values,
)

pytestmark = pytest.mark.slow

EXAMPLES = 3
CALLERS = (*USERNAMES, ANONYMOUS)
PARAMETER = re.compile(r"<(?:\w+:)?(\w+)>")

# What a field is given besides random text.
HOSTILE_VALUES = (
    "",
    "9999-12-31",
    "0001-01-01",
    "2026-02-30",
    "9999-12-31T23:59",
    "0001-01-01T00:00",
    "99999999999999999999",
    "-99999999999999999999",
    "-1",
    "1e309",
    "NaN",
    "\x00",
    "a\x00b",
    "x" * 5000,
    "Ärende ∑ 😀",
    '=HYPERLINK("http://x")',
    "on",
)
FILES = (
    ("brev.pdf", pdf_bytes("Brev")),
    ("last.pdf", encrypted_pdf_bytes("Hemligt", user_password="lösen")),
    ("trasig.pdf", b"%PDF-1.4\ntrasig"),
    ("djup.eml", nested_eml_bytes(3000)),
    ("tom.pdf", b""),
    ("bild.png", b"\x89PNG\r\n\x1a\n"),
)


@dataclass(frozen=True)
class Route:
    template: str  # "<slug:body>/beslut/<int:decision>/"

    @property
    def parameters(self) -> list[str]:
        return PARAMETER.findall(self.template)

    @property
    def renders_pdf(self) -> bool:
        return self.template.endswith((".pdf", "/pdf/"))

    def url(self, values: dict[str, str]) -> str:
        return "/" + PARAMETER.sub(lambda m: quote(values[m[1]], safe=""), self.template)


def routes(patterns: list, prefix: str = "") -> Iterator[Route]:
    """Every page of the URL conf: its path with the parameters' converters."""
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(("admin/", "api/")) or not isinstance(pattern.pattern, RoutePattern):
            continue
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield Route(route)


ROUTES = sorted(set(routes(get_resolver().url_patterns)), key=lambda route: route.template)


class Fields(HTMLParser):
    """The names of a page's form fields, and which of them take a file."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.files: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        name = attributes.get("name")
        if tag in {"input", "select", "textarea", "button"} and name:
            self.names.add(name)
            if attributes.get("type") == "file":
                self.files.add(name)


def client_of(caller: str) -> Client:
    client = Client()
    if caller != ANONYMOUS:
        client.force_login(User.objects.get(username=caller))
    return client


@dataclass
class Page:
    """What the probe learnt of a route: who gets in, and the fields it shows them."""

    callers: tuple[str, ...]
    fields: Fields


@pytest.fixture
def world(demo: dict[str, Body], settings: Settings, tmp_path: Path) -> dict[str, list[str]]:
    settings.MEDIA_ROOT = tmp_path / "media"
    plant_world()
    return real_values()


def probe(route: Route, values: dict[str, list[str]]) -> Page:
    """GET the route with the first real value of each parameter as every caller (a hostile
    one where the world has none)."""
    url = route.url({name: (values.get(name) or HOSTILE)[0] for name in route.parameters})
    fields, admitted = Fields(), []
    # A PDF takes seconds to render and its view reads nothing but its path: once, as the public.
    for caller in (ANONYMOUS,) if route.renders_pdf else CALLERS:
        response = client_of(caller).get(url)
        assert response.status_code < 500, f"{caller} GET {url}: {response.status_code}"
        if response.status_code == 200:
            admitted.append(caller)
            if response.get("Content-Type", "").startswith("text/html"):
                fields.feed(response.content.decode())
    return Page(tuple(admitted) or CALLERS, fields)


def path_values(route: Route, values: dict[str, list[str]]) -> st.SearchStrategy[dict[str, str]]:
    """Real values of every parameter three times in four, else each real or hostile."""

    def of(name: str, *, hostile: bool) -> st.SearchStrategy[str]:
        real = [st.sampled_from(values[name])] if values.get(name) else []
        return st.one_of(*real, st.sampled_from(HOSTILE)) if hostile or not real else real[0]

    return st.sampled_from([False, False, False, True]).flatmap(
        lambda hostile: st.fixed_dictionaries(
            {name: of(name, hostile=hostile) for name in route.parameters}
        )
    )


TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=30)
VALUE = st.one_of(st.sampled_from(HOSTILE_VALUES), TEXT, st.integers().map(str))


def form_data(page: Page, every_name: list[str]) -> st.SearchStrategy[dict[str, object]]:
    """Some of the page's fields (or made-up names), each a hostile value or a bad file. A page
    that shows no form of its own (one that only takes the POST of a form shown elsewhere) gets
    the names of every page's fields."""
    names = sorted(page.fields.names - {"csrfmiddlewaretoken"}) or every_name
    files = st.sampled_from(FILES).map(lambda file: SimpleUploadedFile(*file))
    return st.dictionaries(st.one_of(st.sampled_from(names), TEXT), VALUE, max_size=8).flatmap(
        lambda data: st.fixed_dictionaries({name: files for name in sorted(page.fields.files)}).map(
            lambda uploads: {**data, **uploads}
        )
    )


def fuzz(route: Route, page: Page, values: dict[str, list[str]], every_name: list[str]) -> None:
    @given(
        caller=st.sampled_from(page.callers),
        path=path_values(route, values),
        query=form_data(page, every_name),
        post=form_data(page, every_name),
    )
    @bounded(EXAMPLES)
    def requests(
        caller: str, path: dict[str, str], query: dict[str, object], post: dict[str, object]
    ) -> None:
        client, url = client_of(caller), route.url(path)
        query = {name: value for name, value in query.items() if isinstance(value, str)}
        answered = client.get(url, query)
        assert answered.status_code < 500, f"{caller} GET {url} {query}"
        answered = client.post(url, post)
        assert answered.status_code < 500, f"{caller} POST {url} {post}"

    requests()


def test_no_page_answers_random_input_with_a_server_error(
    world: dict[str, list[str]], subtests: pytest.Subtests
) -> None:
    # Each page from the same world: what a page's forms wrote, or a database error that failed
    # it, is rolled back before the next.
    pages: dict[Route, Page] = {}
    for route in ROUTES:
        with subtests.test(f"probe {route.template}"), transaction.atomic():
            pages[route] = probe(route, world)
    every_name = sorted(set().union(*(page.fields.names for page in pages.values())))
    for route, page in pages.items():
        with subtests.test(route.template), transaction.atomic():
            fuzz(route, page, {} if route.renders_pdf else world, every_name)
