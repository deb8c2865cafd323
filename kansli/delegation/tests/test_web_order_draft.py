"""The draft's pages: a secretary starts a new version from the order's page, changes a rule,
sees the change against the version in force by section, and an uploaded file with a mistake
is refused with its line. The published order is on the public portal, by section."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from kansli.accounts.models import User
from kansli.delegation.models import DelegationOrder, OrderDraft


@pytest.fixture
def secretary(demo) -> Client:
    client = Client()
    client.force_login(User.objects.get(username="sekreterare"))
    return client


@pytest.fixture
def instruction(demo) -> DelegationOrder:
    return DelegationOrder.objects.get(body__slug="vanersborg")


def _start(secretary, instruction) -> OrderDraft:
    starts = timezone.localdate() + datetime.timedelta(days=60)
    response = secretary.post(
        f"/vanersborg/delegation/ordning/{instruction.pk}/utkast/",
        {"version": "2.0", "galler_fran": starts.isoformat()},
    )
    draft = OrderDraft.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/vanersborg/delegation/utkast/{draft.pk}/"
    return draft


def test_a_changed_rule_shows_in_the_diff_under_its_section(secretary, instruction):
    draft = _start(secretary, instruction)
    url = f"/vanersborg/delegation/utkast/{draft.pk}/regel/kdi-5.1.1-b/"
    form = secretary.get(url).context["form"]

    response = secretary.post(
        url, {**form.initial, "delegat": "ks", "hogsta_belopp": "", "hogsta_antal_manader": ""}
    )

    assert response.status_code == 302
    page = secretary.get(f"/vanersborg/delegation/utkast/{draft.pk}/").content.decode()
    assert "Ändringar mot gällande version 1.0" in page
    assert "Avsnitt 5.1.1" in page
    assert "kommundirektören → kommunstyrelsen" in page
    assert "0 nya punkter, 1 ändrad, 0 borttagna" in page


def test_a_removed_rule_is_listed_as_removed(secretary, instruction):
    draft = _start(secretary, instruction)

    secretary.post(f"/vanersborg/delegation/utkast/{draft.pk}/regel/kdi-5.1.1-c/ta-bort/")

    page = secretary.get(f"/vanersborg/delegation/utkast/{draft.pk}/").content.decode()
    assert "0 nya punkter, 0 ändrade, 1 borttagen" in page
    assert "Borttagen" in page


def test_an_uploaded_file_with_a_mistake_is_refused_naming_its_line(secretary, instruction):
    draft = _start(secretary, instruction)
    text = draft.text.replace("version: '2.0'", "version: '3.0'\n  okand: 1")

    response = secretary.post(
        f"/vanersborg/delegation/utkast/{draft.pk}/fil/",
        {"fil": SimpleUploadedFile("ny.yaml", text.encode())},
    )

    assert response.status_code == 400
    line = text.splitlines().index("  okand: 1") + 1
    assert f"ny.yaml:{line}: order.okand:" in response.content.decode()


def test_a_board_member_does_not_see_the_drafts(demo, secretary, instruction):
    draft = _start(secretary, instruction)
    member = Client()
    member.force_login(User.objects.get(username="ledamot"))

    assert member.get(f"/vanersborg/delegation/utkast/{draft.pk}/").status_code == 403
    assert (
        "Utkast till nya versioner"
        not in member.get("/vanersborg/delegation/ordning/").content.decode()
    )


def test_the_public_reads_the_order_in_force_by_section(demo, instruction):
    public = Client()

    listing = public.get("/vanersborg/delegationsordningar/").content.decode()
    page = public.get(f"/vanersborg/delegationsordningar/{instruction.pk}/").content.decode()

    assert f'href="/vanersborg/delegationsordningar/{instruction.pk}/"' in listing
    assert '<h2 id="avsnitt-' in page
    assert "5.1.1" in page
    assert "Utse attestansvariga inom kommunstyrelseförvaltningen" in page
