"""Every duty of the director evidenced: each duty of both demo instructions (and of an order
imported for a body no data file names) has a selector or an attestation rule; the director,
or whom the director names, attests a duty done outside Kansli with a date, a note and a
registered document, and its line turns green; the summary counts the red lines and the
attestations due within 30 days; the filters narrow the lines; each count is the one its
sentence states; the yearly report is a PDF the director registers in a case."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from kansli.delegation.orderfile import DATA_DIR
from kansli.delegation.services import order_import
from kansli.followup import duties
from kansli.followup.models import Attestation
from kansli.followup.report import tally
from kansli.followup.rhythm import Rhythm
from kansli.followup.services import attestations as services
from kansli.followup.tests.dashboard_samples import board, client_of, dashboard_url, user
from kansli.organisation.models import Body
from kansli.registry import services as registry
from kansli.registry.models import Document


@pytest.fixture
def vanersborg(demo: dict[str, Body]) -> Body:
    return demo["vanersborg"]


def report_document(body: Body) -> Document:
    case = registry.case_open(actor=None, organization=board(body), title="Redovisning")
    return registry.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.DRAWN_UP,
        date=timezone.localdate(),
        description="Minnesanteckningar",
    )


def line_of(body: Body, key: str) -> duties.DutyLine:
    [line] = [
        line for line in duties.duty_lines(body=body, on=timezone.localdate()) if line.key == key
    ]
    return line


def test_every_duty_of_both_demo_instructions_has_a_selector_or_an_attestation_rule(
    demo: dict[str, Body],
) -> None:
    named = duties.backings()
    for slug, body in demo.items():
        keys = {duty.key for duty in duties.director_duties(body=body, on=timezone.localdate())}
        assert keys <= set(named[slug]), keys - set(named[slug])
        assert all(backing.selectors or backing.rule for backing in named[slug].values())
        lines = duties.duty_lines(body=body, on=timezone.localdate())
        assert {line.state for line in lines} <= {"ok", "due", "missing"}
        assert all((line.selector is None) != (line.rule is None) for line in lines)


def test_every_duty_of_an_imported_order_has_an_attestation_rule(vanersborg: Body) -> None:
    text = (DATA_DIR / "vanersborg-kommundirektorsinstruktion.yaml").read_text(encoding="utf-8")
    valid_from = timezone.localdate() - datetime.timedelta(days=1)
    text = (
        text.replace("kdi-d-", "ny-d-")
        .replace("kommundirektorsinstruktion-1.0", "kommundirektorsinstruktion-2.0")
        .replace('version: "1.0"', 'version: "2.0"')
        .replace("valid_from: 2019-01-30", f"valid_from: {valid_from}")
    )
    order_import(actor=None, body=vanersborg, text=text, source_name="ny.yaml")

    lines = duties.duty_lines(body=vanersborg, on=timezone.localdate())

    assert lines and all(line.key.startswith("ny-d-") for line in lines)
    assert all(line.rule is not None for line in lines)
    rhythms = {line.number: line.rule.rhythm for line in lines if line.rule is not None}
    assert (rhythms["4.1.1"], rhythms["3.4 a"]) == (Rhythm.PER_MEETING, Rhythm.YEARLY)


def test_the_director_attests_a_duty_and_its_line_turns_green(vanersborg: Body) -> None:
    today = timezone.localdate()
    Attestation.objects.filter(body=vanersborg, duty_key="kdi-d-3.4-a").delete()
    assert line_of(vanersborg, "kdi-d-3.4-a").state == "missing"
    before = tally(duties.duty_lines(body=vanersborg, on=today))

    attestation = services.attestation_record(
        actor=user("direktor"),
        body=vanersborg,
        duty_key="kdi-d-3.4-a",
        attested_on=today,
        note="Mediepolicyn är genomgången med förvaltningscheferna.",
        document=report_document(vanersborg),
    )

    line = line_of(vanersborg, "kdi-d-3.4-a")
    assert attestation.recorded_by == user("direktor").person
    assert line.state == "ok"
    assert line.summary.startswith(f"Attesterad per {today} av ")
    assert tally(duties.duty_lines(body=vanersborg, on=today)).missing == before.missing - 1


@pytest.mark.parametrize("who", ["sekreterare", "ledamot", "blekinge-direktor"])
def test_only_the_director_or_a_named_person_attests(vanersborg: Body, who: str) -> None:
    with pytest.raises(PermissionDenied):
        services.attestation_record(
            actor=user(who),
            body=vanersborg,
            duty_key="kdi-d-3.4-a",
            attested_on=timezone.localdate(),
            note="X",
            document=report_document(vanersborg),
        )


def test_a_person_the_director_names_attests_in_the_directors_place(vanersborg: Body) -> None:
    secretary = user("sekreterare")
    with pytest.raises(PermissionDenied):
        services.attester_name(
            actor=secretary, body=vanersborg, duty_key="kdi-d-3.4-a", person=secretary.person
        )
    services.attester_name(
        actor=user("direktor"), body=vanersborg, duty_key="kdi-d-3.4-a", person=secretary.person
    )

    attestation = services.attestation_record(
        actor=secretary,
        body=vanersborg,
        duty_key="kdi-d-3.4-a",
        attested_on=timezone.localdate(),
        note="Pressträffar hållna.",
        document=report_document(vanersborg),
    )

    assert attestation.recorded_by == secretary.person


@pytest.mark.parametrize(
    ("duty_key", "days", "message"),
    [
        ("kdi-d-3.4-a", 1, "i förväg"),
        ("kdi-d-4.1.1", 0, "underlag ur Kansli"),
        ("kdi-d-3.5-c", 0, "ger inte direktören"),
    ],
)
def test_an_attestation_is_refused_ahead_of_time_or_for_a_duty_not_attested(
    vanersborg: Body, duty_key: str, days: int, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        services.attestation_record(
            actor=user("direktor"),
            body=vanersborg,
            duty_key=duty_key,
            attested_on=timezone.localdate() + datetime.timedelta(days=days),
            note="X",
            document=report_document(vanersborg),
        )


def test_each_lines_count_is_the_number_its_sentence_states(demo: dict[str, Body]) -> None:
    for body in demo.values():
        for line in duties.duty_lines(body=body, on=timezone.localdate()):
            assert line.evidence is not None
            numbers = re.findall(r"\b\d+\b", re.sub(r"\d{4}-\d{2}-\d{2}", "", line.summary))
            if line.evidence.count is None:
                continue
            assert str(line.evidence.count) in numbers or (
                line.evidence.count == 0 and not numbers
            ), line.summary


def test_the_summary_and_the_filters_on_the_dashboard(vanersborg: Body) -> None:
    client = client_of(user("ledamot"))

    whole = client.get(dashboard_url(vanersborg))
    red = client.get(dashboard_url(vanersborg), {"lage": "missing"})
    attested = client.get(
        dashboard_url(vanersborg),
        {"omrade": "attestations", "avsnitt": "3.4"},
        HTTP_HX_REQUEST="true",
    )

    counted = tally(whole.context["all_lines"])
    assert counted.text in whole.text
    assert re.fullmatch(r"\d+ brister?, \d+ attestering(ar)? förfaller inom 30 dagar", counted.text)
    assert len(red.context["lines"]) == counted.missing
    assert {line.number for line in attested.context["lines"]} == {"3.4 a", "3.4 b", "3.4 c"}
    assert attested.text.startswith('<div id="plikter">')
    assert "Följs inte upp" not in whole.text


def test_the_attestation_page_shows_the_duty_and_attests_it(vanersborg: Body) -> None:
    url = reverse("followup:duty_attestations", args=["vanersborg", "kdi-d-3.4-a"])
    document = report_document(vanersborg)

    assert client_of(user("ledamot")).get(url).status_code == 200
    response = client_of(user("direktor")).post(
        url,
        {
            "action": "attest",
            "attested_on": str(timezone.localdate()),
            "note": "Genomgånget",
            "document": document.number,
        },
    )

    assert response.status_code == 302
    assert Attestation.objects.filter(document=document, duty_key="kdi-d-3.4-a").exists()
    page = client_of(user("direktor")).get(url)
    assert "Genomgånget" in page.text
    selector_duty = reverse("followup:duty_attestations", args=["vanersborg", "kdi-d-4.1.1"])
    assert client_of(user("direktor")).get(selector_duty).status_code == 404


def test_the_yearly_report_is_a_pdf_registered_in_a_case(vanersborg: Body) -> None:
    year = timezone.localdate().year
    pdf = client_of(user("ledamot")).get(
        reverse("followup:duty_report_pdf", args=["vanersborg", year])
    )
    case = registry.case_open(
        actor=None, organization=board(vanersborg), title="Direktörens redovisning"
    )

    response = client_of(user("sekreterare")).post(
        reverse("followup:duty_report_register", args=["vanersborg"]),
        {"year": year, "case": case.number},
    )

    assert (pdf.status_code, pdf["Content-Type"]) == (200, "application/pdf")
    assert response.status_code == 302
    [document] = case.documents.all()
    assert document.description == f"Direktörens redovisning till styrelsen {year}"
    assert document.files.get().content_type == "application/pdf"
    future = reverse("followup:duty_report_pdf", args=["vanersborg", year + 1])
    assert client_of(user("ledamot")).get(future).status_code == 404
