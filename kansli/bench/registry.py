"""How the registry holds up at scale: a synthetic body with many documents, and what a user
waits for in it (docs/benchmarks.md).

    kansli bench seed --documents 1000000   # fill (or top up) the synthetic body "bench"
    kansli bench registry                   # registrations/s, search p50/p95, case-list times

`seed` writes in bulk, past the audited services: COPY on PostgreSQL, bulk inserts on SQLite.
Its rows are fiction and the event log does not record them. `registry` then measures the real
paths: registration through `document_register` (audited) and the search index, the search
that the web page and the API use, and the case-list page rendered by its view.
"""

from __future__ import annotations

import bisect
import datetime
import itertools
import random
import statistics
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from operator import attrgetter
from typing import Any, TypeVar

from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.test import RequestFactory, override_settings
from django.utils import timezone
from django.utils.translation import gettext as _

from kansli.accounts.models import Role, User
from kansli.accounts.services import user_create
from kansli.legal_time import is_weekday_for_deadlines
from kansli.organisation import services as organisation
from kansli.organisation.models import Body, Organization, Person
from kansli.registry import services as registry
from kansli.registry.models import Case, Document, File, NumberSeries
from kansli.registry.services import Registration
from kansli.registry.views import case_list
from kansli.search.backends import VECTOR_INDEX, VECTOR_INDEX_SQL, backend, tsvector
from kansli.search.models import SearchEntry
from kansli.search.selectors import SearchFilters, search

M = TypeVar("M", bound=models.Model)

BODY = "bench"
DOCUMENTS_PER_CASE = 4
CHUNK = 25_000
FIRST_YEAR = 2017
# A case's documents come in over a few months: each after the one before by up to this many
# working days.
DOCUMENT_GAP = 25
# Today is under way: it gets this share of an ordinary day's documents.
TODAY_SHARE = 0.05

ORGANS = (
    ("kf", Organization.Kind.COUNCIL, "Fullmäktige", "KF"),
    ("ks", Organization.Kind.EXECUTIVE_BOARD, "Styrelsen", "KS"),
    ("bun", Organization.Kind.COMMITTEE, "Barn- och utbildningsnämnden", "BUN"),
    ("sn", Organization.Kind.COMMITTEE, "Socialnämnden", "SN"),
    ("sbn", Organization.Kind.COMMITTEE, "Samhällsbyggnadsnämnden", "SBN"),
    ("kfn", Organization.Kind.COMMITTEE, "Kultur- och fritidsnämnden", "KFN"),
)

# Words of a municipal registry, each in a few of its forms; compounds made from them widen
# the vocabulary as Swedish does.
_WORDS = """
beslut beslutet besluten yttrande yttrandet yttranden remiss remissen remisser budget budgeten
förslag förslaget förslagen instruktion instruktionen ansökan ansökningar avtal avtalet avtalen
upphandling upphandlingen detaljplan detaljplanen bygglov bygglovet skola skolan skolor förskola
förskolan förskolor äldreboende äldreboendet bostad bostäder bostaden vägen vägar gata gatan
parkering parkeringen taxa taxan taxor avgift avgiften avgifter bidrag bidraget bidragen
föreningen föreningar idrottshall idrottshallen bibliotek biblioteket simhall simhallen
medborgarförslag motion motionen interpellation revision revisionen granskning granskningen
årsredovisning årsredovisningen delårsrapport uppföljning uppföljningen internkontroll
riktlinje riktlinjer riktlinjen policy policyn plan planen strategi strategin handlingsplan
reglemente reglementet delegationsordning arbetsmiljö arbetsmiljön personal personalen lön
lönen rekrytering anställning anställningen organisation organisationen förvaltning
förvaltningen nämnd nämnden nämnder styrelse styrelsen fullmäktige kommun kommunen region
regionen länsstyrelsen skolinspektionen socialstyrelsen trafikverket vatten avlopp
vattenverket reningsverk energi elnät fjärrvärme klimat klimatet miljö miljön tillsyn
tillsynen inspektion livsmedel serveringstillstånd alkohol tobak brandskydd räddningstjänst
krisberedskap säkerhet kameraövervakning skadestånd överklagande överklagandet dom domen
förvaltningsrätten kammarrätten ersättning ersättningen hyra hyran lokal lokaler lokalen
fastighet fastigheten fastigheter markanvändning exploatering exploateringsavtal arrende
servitut köp försäljning försäljningen investering investeringen investeringar lån borgen
ränta finansiering kollektivtrafik skolskjuts färdtjänst bistånd försörjningsstöd
ensamkommande familjehem placering placeringen barnomsorg fritidshem elevhälsa
kulturstöd evenemang turism näringsliv företag företagen etablering
"""
STEMS = _WORDS.split()

DESCRIPTIONS = (
    "Yttrande över {a}",
    "Remiss om {a} och {b}",
    "Förslag till {a}",
    "Ansökan om {a}",
    "Beslut om {a}",
    "Överklagande av {a}",
    "Skrivelse angående {a} i {b}",
    "Svar på {a}",
    "Avtal om {a}",
    "Protokollsutdrag, {a}",
)
TITLES = (
    "{a} {year}",
    "{a} och {b}",
    "Översyn av {a}",
    "Medborgarförslag om {a}",
    "Motion om {a}",
    "Upphandling av {a}",
)


@dataclass(frozen=True)
class SeedResult:
    documents: int
    cases: int
    seconds: float

    def __str__(self) -> str:
        return (
            f"{self.documents:,} handlingar i {self.cases:,} ärenden på {self.seconds:.0f} s "
            f"({self.documents / max(self.seconds, 1e-9):,.0f} handlingar/s)"
        )


class Words:
    """Random words with a long tail: a few very common, most rare, as in real text."""

    def __init__(self, rng: random.Random) -> None:
        compounds = [a + b for a in STEMS[:80] for b in STEMS[80:200] if len(a + b) < 22]
        self.vocabulary = STEMS + compounds
        rng.shuffle(self.vocabulary)
        self.cumulative = list(
            itertools.accumulate(1 / rank for rank in range(1, len(self.vocabulary) + 1))
        )
        self.rng = rng

    def some(self, k: int) -> list[str]:
        return self.rng.choices(self.vocabulary, cum_weights=self.cumulative, k=k)

    def sentence(self, pattern: str, year: int) -> str:
        a, b = self.some(2)
        return pattern.format(a=a, b=b, year=year).capitalize()


class Calendar:
    """The registry's working days from 1 January of FIRST_YEAR to today, each with a weight:
    registrations come on vardagar only, busier in recent years and on some days (a board's
    mailing, the end of a term), and today has only the few of its first hours."""

    def __init__(self, rng: random.Random, today: datetime.date) -> None:
        first = datetime.date(FIRST_YEAR, 1, 1)
        every = (first + datetime.timedelta(days=n) for n in range((today - first).days + 1))
        self.days = [day for day in every if is_weekday_for_deadlines(day)]
        span = max(1, len(self.days) - 1)
        weights = []
        for n, day in enumerate(self.days):
            # Twice the documents at the end of the span as at its start; one day in twenty
            # three times an ordinary day.
            weight = (1 + n / span) * (3 if rng.random() < 0.05 else 1) * rng.uniform(0.5, 1.5)
            weights.append(weight * TODAY_SHARE if day == today else weight)
        self.cumulative = list(itertools.accumulate(weights))
        self.rng = rng

    def some_day(self) -> int:
        """The index of a day drawn by the days' weights."""
        point = self.rng.random() * self.cumulative[-1]
        return min(bisect.bisect_right(self.cumulative, point), len(self.days) - 1)

    def case_days(self, count: int) -> list[int]:
        """The days (indexes) of a case's documents, at most `count`: the first drawn by the
        days' weights, each next one up to DOCUMENT_GAP working days after the one before. A
        case opened lately has fewer: its later documents have not come yet."""
        days = [self.some_day()]
        today = len(self.days) - 1
        while len(days) < count:
            day = days[-1] + self.rng.randint(0, DOCUMENT_GAP)
            if day > today or (day == today and self.rng.random() > TODAY_SHARE):
                break
            days.append(day)
        return days

    def registered_at(self, index: int, now: datetime.datetime) -> datetime.datetime:
        """A moment in the office hours (08-17 local) of the day at `index`, never after
        `now`."""
        day = self.days[index]
        opening = timezone.make_aware(datetime.datetime.combine(day, datetime.time(8)))
        moment = opening + datetime.timedelta(seconds=self.rng.randrange(9 * 3600))
        return min(moment, now)


def bench_body(
    slug: str = BODY, name: str = "Syntetiska kommunen", officers: int = 20
) -> tuple[Body, list[Organization], list[Person]]:
    """A synthetic body with its organs and officers, made through the services once."""
    body = Body.objects.filter(slug=slug).first() or organisation.body_create(
        actor=None, slug=slug, name=name, kind=Body.Kind.MUNICIPALITY
    )
    organs = []
    for organ_slug, kind, organ_name, short in ORGANS:
        organs.append(
            body.organizations.filter(slug=organ_slug).first()
            or organisation.organization_create(
                actor=None, body=body, kind=kind, slug=organ_slug, name=organ_name, short_name=short
            )
        )
    people = list(body.persons.order_by("pk")[:officers])
    for n in range(len(people), officers):
        people.append(
            organisation.person_create(
                actor=None, body=body, given_name=f"Handläggare{n}", family_name="Bänk"
            )
        )
    return body, organs, people


def _next_id(model: type[models.Model]) -> int:
    return (model._default_manager.aggregate(top=models.Max("pk"))["top"] or 0) + 1


# Columns whose Python value psycopg writes as it is, without Django preparing it.
_PLAIN = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "BigIntegerField",
        "BooleanField",
        "CharField",
        "DateField",
        "DateTimeField",
        "ForeignKey",
        "IntegerField",
        "OneToOneField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "SmallIntegerField",
        "TextField",
    }
)


def _load(model: type[M], rows: list[M]) -> None:
    """Write the rows as they are, ids included: COPY on PostgreSQL, bulk inserts elsewhere."""
    if connection.vendor != "postgresql":
        model._default_manager.bulk_create(rows, batch_size=2_000)
        return
    fields = model._meta.concrete_fields
    # A concrete field is one with a column: the condition leaves none out.
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields if f.column)
    table = connection.ops.quote_name(model._meta.db_table)

    def value(field: models.Field[Any, Any]) -> Callable[[M], object]:
        # pre_save gives what a save would write: the value, or now for an auto_now field.
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return lambda row: field.get_db_prep_save(field.pre_save(row, True), connection)
        if field.get_internal_type() in _PLAIN:
            return attrgetter(field.attname)
        return lambda row: field.get_db_prep_save(getattr(row, field.attname), connection)

    values = [value(f) for f in fields]
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row([get(row) for get in values])


def _search_index(*, create: bool) -> None:
    """Drop the full-text index of the search entries before a big load, and make it again
    after: one build is faster than a million updates."""
    with connection.cursor() as cursor:
        if create:
            # One sort in memory rather than many runs on disk; the setting ends with the
            # session.
            cursor.execute("SET maintenance_work_mem = '1GB'")
            cursor.execute(VECTOR_INDEX_SQL)
        else:
            cursor.execute(f"DROP INDEX IF EXISTS {VECTOR_INDEX}")


def _unaudited() -> None:
    """Let this transaction's COPY past the tables' triggers on PostgreSQL: the audit's
    deferred trigger would write each fictional row to audit_rowchange (a million rows that
    `kansli audit verify` would then report) and the foreign keys' checks would look up each
    row's case, document and person again; the seeder makes the ids itself. Only a superuser
    may; anyone else seeds with the triggers, more slowly."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        row = cursor.fetchone()
        if row and row[0]:
            cursor.execute("SET LOCAL session_replication_role = replica")


def seed(
    *,
    documents: int,
    rng_seed: int = 0,
    progress: Callable[[str], None] = print,
    made: tuple[Body, list[Organization], list[Person]] | None = None,
    analyze: bool = True,
) -> SeedResult:
    """Top the synthetic body (`made`, or the bench body) up to `documents` documents, about
    four to a case, spread over the working days since 2017 and the body's organs; a fifth with
    a PDF's text to search. `analyze` refreshes PostgreSQL's statistics after."""
    started = time.perf_counter()
    body, organs, officers = made or bench_body()
    have = Document.objects.filter(case__organization__body=body).count()
    wanted = max(0, documents - have)
    rng = random.Random(rng_seed + have)  # noqa: S311 - synthetic data, not security
    words = Words(rng)
    calendar = Calendar(rng, timezone.localdate())
    big = wanted > 100_000 and connection.vendor == "postgresql"
    if big:
        _search_index(create=False)
    made_cases = 0
    series: dict[tuple[int, int], NumberSeries] = {}
    for chunk_start in range(0, wanted, CHUNK):
        size = min(CHUNK, wanted - chunk_start)
        with transaction.atomic():
            _unaudited()
            made_cases += _seed_chunk(body, organs, officers, words, calendar, series, size)
        progress(f"{have + chunk_start + size:,} / {documents:,}")
    with transaction.atomic():
        for one in series.values():
            one.save(update_fields=["next_number"])
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(
                no_style(), [Case, Document, File, NumberSeries]
            ):
                cursor.execute(sql)
    if big:
        _search_index(create=True)
    if analyze and connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return SeedResult(wanted, made_cases, time.perf_counter() - started)


def _seed_chunk(
    body: Body,
    organs: list[Organization],
    officers: list[Person],
    words: Words,
    calendar: Calendar,
    series: dict[tuple[int, int], NumberSeries],
    size: int,
) -> int:
    rng = words.rng
    case_id, document_id, file_id = _next_id(Case), _next_id(Document), _next_id(File)
    now = timezone.now()
    cases: list[Case] = []
    documents: list[Document] = []
    files: list[File] = []
    entries: list[SearchEntry] = []
    while len(documents) < size:
        # The case is opened on the day of its first document, which comes before the others.
        days = calendar.case_days(
            min(size - len(documents), rng.randint(1, 2 * DOCUMENTS_PER_CASE - 1))
        )
        opened = calendar.days[days[0]]
        year = opened.year
        organ = rng.choice(organs)
        key = (organ.pk, year)
        if key not in series:
            series[key], _ = NumberSeries.objects.get_or_create(
                organization=organ,
                year=year,
                defaults={"format": f"{organ.short_name} {{year}}/{{number:05d}}"},
            )
        number_series = series[key]
        sequence = number_series.next_number
        number_series.next_number += 1
        title = words.sentence(rng.choice(TITLES), year)
        case = Case(
            id=case_id,
            organization=organ,
            series=number_series,
            sequence=sequence,
            number=number_series.number(sequence),
            title=title,
            case_officer=rng.choice(officers),
            classification=f"{rng.randint(1, 9)}.{rng.randint(1, 9)}",
            opened_on=opened,
            next_document_number=len(days) + 1,
        )
        cases.append(case)
        for n, day in enumerate(days, start=1):
            direction = rng.choice(Document.Direction.values)
            description = words.sentence(rng.choice(DESCRIPTIONS), year)
            document = Document(
                id=document_id,
                case=case,
                sequence=n,
                number=f"{case.number}-{n}",
                direction=direction,
                date=calendar.days[day],
                registered_at=calendar.registered_at(day, now),
                counterpart="" if direction == "drawn_up" else f"Avsändare {rng.randrange(5000)}",
                description=description,
                case_officer=case.case_officer,
                classification=case.classification,
            )
            documents.append(document)
            open_text = "\n".join(filter(None, (title, document.counterpart, description)))
            text = open_text
            if rng.random() < 0.2:
                extracted = " ".join(words.some(rng.randint(40, 120)))
                files.append(
                    File(
                        id=file_id,
                        document=document,
                        storage_name=f"bench/{file_id}.pdf",
                        original_name=f"{document.number}.pdf",
                        content_type="application/pdf",
                        size=len(extracted) * 2,
                        sha256=f"{file_id:064x}",
                        extracted_text=extracted,
                        uploaded_at=now,
                    )
                )
                file_id += 1
                text = f"{text}\n{extracted}"
            # The search entry of a public document, as `search.index` makes it.
            entries.append(
                SearchEntry(
                    document_id=document_id,
                    body_id=body.pk,
                    organization_id=organ.pk,
                    year=year,
                    date=document.date,
                    direction=direction,
                    classification=document.classification,
                    text=text,
                    open_text=open_text,
                    restricted=False,
                )
            )
            document_id += 1
        case_id += 1
    _load(Case, cases)
    _load(Document, documents)
    _load(File, files)
    if connection.vendor == "postgresql":
        # As the backend saves an entry, but in one COPY rather than an upsert.
        for entry in entries:
            entry.vector = tsvector(entry.text)
            entry.open_vector = tsvector(entry.open_text)
        _load(SearchEntry, entries)
    else:
        backend().save(entries)
    return len(cases)


OTHER_OFFICERS = 5


def other_slug(n: int) -> str:
    return f"{BODY}-{n:03d}"


def seed_bodies(
    *, bodies: int, documents_per_body: int, progress: Callable[[str], None] = print
) -> int:
    """Top the installation up to `bodies` synthetic bodies besides the bench body, each with
    its organs, officers and `documents_per_body` documents; the number made."""
    made = 0
    for n in range(1, bodies + 1):
        slug = other_slug(n)
        if Body.objects.filter(slug=slug).exists():
            continue
        seed(
            documents=documents_per_body,
            rng_seed=n,
            progress=lambda _line: None,
            made=bench_body(slug, f"Syntetiska kommun {n}", OTHER_OFFICERS),
            analyze=False,
        )
        made += 1
        if n % 25 == 0:
            progress(f"{n} / {bodies}")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return made


@dataclass(frozen=True)
class Timing:
    label: str
    samples: list[float]  # seconds

    def __str__(self) -> str:
        ms = sorted(s * 1000 for s in self.samples)
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        return (
            f"{self.label}: p50 {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms "
            f"({len(ms)} mätningar)"
        )


def timed(label: str, runs: Iterable[Callable[[], object]]) -> Timing:
    samples = []
    for run in runs:
        started = time.perf_counter()
        run()
        samples.append(time.perf_counter() - started)
    return Timing(label, samples)


def bench_user(body: Body, username: str, role: Role | None = None) -> User:
    """A user of the bench body with the role, made on first use for an officer who has no
    user yet."""
    user = User.objects.filter(username=username).first()
    if user is None:
        user = user_create(
            actor=None,
            username=username,
            password=None,
            roles=[role] if role else [],
            person=body.persons.filter(user=None).order_by("pk").first(),
        )
    return user


def _registrations(*, body: Body, count: int, rng: random.Random) -> list[Registration]:
    """`count` incoming letters to the body's most recent open cases."""
    cases = list(
        Case.objects.filter(organization__body=body, status="open")
        .select_related("organization")
        .order_by("-pk")[:200]
    )
    words = Words(rng)
    return [
        Registration(
            case=rng.choice(cases),
            direction=Document.Direction.INCOMING,
            date=timezone.localdate(),
            counterpart=f"Avsändare {rng.randrange(5000)}",
            description=words.sentence(rng.choice(DESCRIPTIONS), 2026),
        )
        for _n in range(count)
    ]


def registrations_one_at_a_time(*, body: Body, user: User, count: int, rng: random.Random) -> float:
    """Documents registered per second through the audited service, one transaction each (as
    the registrar's page registers), each with its event and search entry."""
    rows = _registrations(body=body, count=count, rng=rng)
    started = time.perf_counter()
    for row in rows:
        registry.document_register(actor=user, **vars(row))
    return count / (time.perf_counter() - started)


def registrations_batched(
    *, body: Body, user: User, count: int, batch: int, rng: random.Random
) -> float:
    """Documents registered per second through the audited batch service, `batch` to a
    transaction (as an import registers), each with its event and search entry."""
    rows = _registrations(body=body, count=count, rng=rng)
    started = time.perf_counter()
    for first in range(0, count, batch):
        registry.documents_register(actor=user, registrations=rows[first : first + batch])
    return count / (time.perf_counter() - started)


def two_word_queries(*, body: Body, count: int, rng: random.Random) -> Iterator[str]:
    """Two words from the description of a random document: queries that find something."""
    top = Document.objects.filter(case__organization__body=body).aggregate(m=models.Max("pk"))
    while count:
        document = (
            Document.objects.filter(pk__gte=rng.randrange(top["m"] or 1))
            .values_list("description", flat=True)
            .first()
        )
        found = [w for w in (document or "").split() if len(w) > 3]
        if len(found) >= 2:
            count -= 1
            yield " ".join(rng.sample(found, 2))


# Pairs of words that a tenth of the bench's documents share (a description template's own
# words): the slowest searches, measured with each filter too.
COMMON_PAIRS = ("Skrivelse angående", "angående Skrivelse")


FilterMaker = Callable[[random.Random], SearchFilters]


def filter_kinds(body: Body) -> list[tuple[str, FilterMaker]]:
    """Each of the search's filters, named, with a random value: organ, year, a date range of
    a year, direction (kind of document), classification, and secret or not."""
    organs = list(body.organizations.all())
    last = timezone.localdate().year

    def year_range(rng: random.Random) -> SearchFilters:
        start = datetime.date(rng.randint(FIRST_YEAR, last), 1, 1) + datetime.timedelta(
            days=rng.randrange(365)
        )
        return SearchFilters(
            body=body, date_from=start, date_to=start + datetime.timedelta(days=365)
        )

    return [
        ("organ", lambda rng: SearchFilters(body=body, organization=rng.choice(organs))),
        ("år", lambda rng: SearchFilters(body=body, year=rng.randint(FIRST_YEAR, last))),
        ("datum", year_range),
        (
            "riktning",
            lambda rng: SearchFilters(body=body, direction=rng.choice(Document.Direction.values)),
        ),
        (
            "klassificering",
            lambda rng: SearchFilters(body=body, classification=f"{rng.randint(1, 9)}"),
        ),
        ("sekretess", lambda rng: SearchFilters(body=body, secret=rng.random() < 0.5)),
    ]


def filter_mix(*, body: Body, rng: random.Random) -> Iterator[SearchFilters]:
    """Each of the search's filters in turn (`filter_kinds`), with a random value."""
    kinds = filter_kinds(body)
    while True:
        for _name, make in kinds:
            yield make(rng)


@dataclass(frozen=True)
class RegistryResult:
    documents: int
    registrations_per_second: float
    batch: int
    batched_registrations_per_second: float
    search: Timing
    filtered_search: Timing
    common_search: Timing
    first_page: Timing
    deep_page: Timing
    # Per filter: two-word queries, and the common pairs, with that filter alone.
    per_filter: tuple[Timing, ...] = ()

    def __str__(self) -> str:
        return "\n".join(
            [
                f"Handlingar i diariet: {self.documents:,}",
                f"Registrering en i taget (document_register med händelselogg och sökindex): "
                f"{self.registrations_per_second:,.0f} handlingar/s",
                f"Registrering {self.batch} i taget (documents_register med händelselogg och "
                f"sökindex): {self.batched_registrations_per_second:,.0f} handlingar/s",
                str(self.search),
                str(self.filtered_search),
                str(self.common_search),
                *map(str, self.per_filter),
                str(self.first_page),
                str(self.deep_page),
            ]
        )


def bench_registry(
    *,
    registrations_count: int = 1_000,
    batch: int = 500,
    searches: int = 200,
    pages: int = 50,
    rng_seed: int = 0,
) -> RegistryResult:
    """Registration rates (one at a time, and in batches), search latency for two-word
    queries, and case-list page time."""
    rng = random.Random(rng_seed)  # noqa: S311 - synthetic data, not security
    body = Body.objects.get(slug=BODY)
    # Searches and pages as a case officer (staff, not seeing through secrecy); registrations
    # as a registrar, who may register.
    user = bench_user(body, "bank-handlaggare")
    registrar = bench_user(body, "bank-registrator", Role.REGISTRAR)
    documents = Document.objects.filter(case__organization__body=body).count()
    queries = list(two_word_queries(body=body, count=searches, rng=rng))
    filters = SearchFilters(body=body)
    search_timing = timed(
        "Sökning, två ord",
        [partial(search, user=user, query=q, filters=filters) for q in queries],
    )
    mix = filter_mix(body=body, rng=rng)
    filtered = timed(
        "Sökning, två ord med ett filter (organ, år, datum, riktning, klassificering, "
        "sekretess i tur)",
        [partial(search, user=user, query=q, filters=next(mix)) for q in queries],
    )
    common = timed(
        "Sökning, vanligt ordpar utan och med varje filter",
        [
            partial(search, user=user, query=pair, filters=each)
            for pair in COMMON_PAIRS
            for each in [filters, *(next(mix) for _n in range(searches // 2))]
        ],
    )
    per_filter = []
    for name, make in filter_kinds(body):
        per_filter.append(
            timed(
                f"Sökning, två ord, filter {name}",
                [
                    partial(search, user=user, query=q, filters=make(rng))
                    for q in queries[: max(1, searches // 2)]
                ],
            )
        )
        per_filter.append(
            timed(
                f"Sökning, vanligt ordpar, filter {name}",
                [
                    partial(search, user=user, query=pair, filters=make(rng))
                    for pair in COMMON_PAIRS
                    for _n in range(max(1, searches // 4))
                ],
            )
        )
    factory = RequestFactory()
    case_ids = Case.objects.filter(organization__body=body).order_by("pk")
    deep_after = case_ids.values_list("pk", flat=True)[case_ids.count() // 2]

    def page(after: int | None) -> Callable[[], object]:
        def render() -> object:
            request = factory.get(f"/{BODY}/diarium/", {"efter": after} if after else {})
            request.user = user
            return case_list(request, body=BODY).content

        return render

    first = timed("Ärendelistan, första sidan", [page(None)] * pages)
    deep = timed("Ärendelistan, en sida mitt i", [page(deep_after)] * pages)
    # A server runs without DEBUG, whose log of every query would be measured too.
    with override_settings(DEBUG=False):
        single = registrations_one_at_a_time(
            body=body, user=registrar, count=registrations_count, rng=rng
        )
        batched = registrations_batched(
            body=body, user=registrar, count=registrations_count, batch=batch, rng=rng
        )
    return RegistryResult(
        documents,
        single,
        batch,
        batched,
        search_timing,
        filtered,
        common,
        first,
        deep,
        tuple(per_filter),
    )


def add_registry_commands(sub: Any) -> None:
    """`kansli bench seed` and `kansli bench registry`, as subcommands of `kansli bench`."""
    seeding = sub.add_parser("seed", help=_("Bygg den syntetiska kommunen med N handlingar."))
    seeding.add_argument("--documents", type=int, required=True, help=_("Antal handlingar."))
    seeding.add_argument("--bodies", type=int, default=0, help=_("Antal andra kommuner att bygga."))
    seeding.add_argument(
        "--documents-per-body",
        type=int,
        default=1_000,
        help=_("Antal handlingar i varje annan kommun."),
    )
    measuring = sub.add_parser(
        "registry", help=_("Registreringar/s, sökning p50/p95 och ärendelistans svarstid.")
    )
    measuring.add_argument(
        "--registrations", type=int, default=1_000, help=_("Antal registreringar att mäta.")
    )
    measuring.add_argument(
        "--batch", type=int, default=500, help=_("Registreringar per omgång i batchmätningen.")
    )
    measuring.add_argument("--searches", type=int, default=200, help=_("Antal sökningar."))
    measuring.add_argument("--pages", type=int, default=50, help=_("Antal sidvisningar."))


def handle_registry_command(stdout: Any, options: dict[str, Any]) -> bool:
    """Run `seed` or `registry` if that is the subcommand; False for any other."""
    if options["subcommand"] == "seed":
        result = seed(documents=options["documents"], progress=stdout.write)
        stdout.write(str(result))
        if options["bodies"]:
            made = seed_bodies(
                bodies=options["bodies"],
                documents_per_body=options["documents_per_body"],
                progress=stdout.write,
            )
            stdout.write(_("%(made)d andra kommuner byggda.") % {"made": made})
        return True
    if options["subcommand"] == "registry":
        stdout.write(
            str(
                bench_registry(
                    registrations_count=options["registrations"],
                    batch=options["batch"],
                    searches=options["searches"],
                    pages=options["pages"],
                )
            )
        )
        return True
    return False
