import datetime
import json
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from pytest_django.fixtures import Settings

from kansli.audit.bodies import body_path
from kansli.audit.models import Event
from kansli.operations.export import body_models, body_rows
from kansli.organisation.models import Body, Organization
from kansli.registry import services
from kansli.registry.models import Document
from kansli.registry.tests.samples import pdf_bytes


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def register_secret_letter(body: Body, text: str) -> Document:
    case = services.case_open(
        actor=None,
        organization=Organization.objects.get(body=body, kind=Organization.Kind.EXECUTIVE_BOARD),
        title=f"Elevärende {text}",
        opened_on=datetime.date(2026, 3, 2),
    )
    return services.document_register(
        actor=None,
        case=case,
        direction=Document.Direction.INCOMING,
        date=datetime.date(2026, 3, 2),
        counterpart="Förälder Föräldersson",
        description=f"Anmälan {text}",
        secrecy_reference="OSL 23 kap. 1 §",
        secrecy_reason="Uppgifter om enskild elevs personliga förhållanden",
        description_masked=True,
        files=[SimpleUploadedFile("anmalan.pdf", pdf_bytes(text), "application/pdf")],
    )


def exported(tmp_path: Path, slug: str) -> tuple[dict, dict[str, list[dict]], dict[str, bytes]]:
    """(the manifest, the rows by model label, the files by storage name) of an export."""
    output = tmp_path / f"{slug}.tar"
    call_command("export_body", "--body", slug, "--output", str(output), "--include-secret")
    rows, files = {}, {}
    with tarfile.open(output) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
        for member in tar.getmembers():
            data = tar.extractfile(member).read()
            if member.name.startswith("rows/"):
                label = member.name.removeprefix("rows/").removesuffix(".jsonl")
                rows[label] = [json.loads(line) for line in data.decode().splitlines()]
            elif member.name.startswith("files/"):
                files[member.name.removeprefix("files/")] = data
    return manifest, rows, files


def test_the_export_holds_every_row_and_file_of_the_body_and_nothing_of_the_other(
    demo: dict[str, Body], tmp_path: Path
) -> None:
    vanersborg, blekinge = demo["vanersborg"], demo["blekinge"]
    own = register_secret_letter(vanersborg, "Vanersborgs hemliga anmalan")
    other = register_secret_letter(blekinge, "Blekinges hemliga anmalan")

    manifest, rows, files = exported(tmp_path, "vanersborg")

    for model, path in body_models():
        label = model._meta.label_lower
        ids = [row["pk"] for row in rows.get(label, [])]
        owners = set(model._base_manager.filter(pk__in=ids).values_list(path, flat=True))
        assert owners <= {vanersborg.pk}, label
        assert sorted(ids) == list(body_rows(model, path, vanersborg).values_list("pk", flat=True))
    assert rows["organisation.body"][0]["fields"]["slug"] == "vanersborg"
    assert own.pk in [row["pk"] for row in rows["registry.document"]]
    assert other.pk not in [row["pk"] for row in rows["registry.document"]]
    assert files == {own.files.get().storage_name: pdf_bytes("Vanersborgs hemliga anmalan")}
    assert manifest["includes_secret"] is True
    assert manifest["secret_rows"]["registry.document"] == 1
    assert manifest["body"] == {"slug": "vanersborg", "name": vanersborg.name}


def test_every_row_of_a_body_is_found_by_one_of_the_models(demo: dict[str, Body]) -> None:
    exported_labels = {model._meta.label_lower for model, _path in body_models()}
    kansli_models = {
        model._meta.label_lower
        for model in apps.get_models()
        if model.__module__.startswith("kansli.") and body_path(model) is not None
    }

    assert kansli_models - exported_labels == {"accounts.apitoken", "integrations.idempotencykey"}


def test_times_keep_their_microseconds_and_passwords_stay_out(
    demo: dict[str, Body], tmp_path: Path
) -> None:
    _manifest, rows, _files = exported(tmp_path, "blekinge")

    first = rows["audit.event"][0]
    assert first["fields"]["at"] == Event.objects.get(pk=first["pk"]).at.isoformat()
    assert rows["accounts.user"]
    assert all("password" not in row["fields"] for row in rows["accounts.user"])


def test_the_export_requires_the_secret_to_be_acknowledged(
    demo: dict[str, Body], tmp_path: Path
) -> None:
    output = tmp_path / "e.tar"

    with pytest.raises(CommandError, match="Ange --include-secret") as refusal:
        call_command("export_body", "--body", "vanersborg", "--output", str(output))

    assert refusal.value.returncode == 2
    assert not output.exists()


def test_an_unknown_body_is_refused_with_the_names_there_are(
    demo: dict[str, Body], tmp_path: Path
) -> None:
    with pytest.raises(CommandError, match="Kortnamnen är: blekinge, vanersborg") as refusal:
        call_command(
            "export_body", "--body", "x", "--output", str(tmp_path / "e.tar"), "--include-secret"
        )

    assert refusal.value.returncode == 2
