"""OParl's file download of a public attachment: its SHA-256 as ETag, 304 to a client that
holds it, cacheable by anyone for a short while; a secret attachment not found, ETag or not."""

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse
from pytest_django.fixtures import Settings

from kansli.meetings.models import Meeting
from kansli.meetings.tests.meeting_samples import Sample, meeting_with_agenda
from kansli.organisation.models import Organization
from kansli.registry.models import Document


@pytest.fixture(autouse=True)
def media(settings: Settings, tmp_path: Path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def sample(board: Organization) -> Sample:
    made = meeting_with_agenda(board)
    Meeting.objects.filter(pk=made.meeting.pk).update(status=Meeting.Status.CALLED)
    return made


def url(document: Document) -> str:
    return reverse("oparl:file_download", args=[document.files.get().pk])


def test_a_public_attachment_is_revalidated_by_its_hash_and_public(sample: Sample) -> None:
    first = Client().get(url(sample.public_letter))
    again = Client().get(url(sample.public_letter), headers={"if-none-match": first["ETag"]})

    assert first.status_code == 200
    assert first["ETag"] == f'"{sample.public_letter.files.get().sha256}"'
    assert "public" in first["Cache-Control"]
    assert again.status_code == 304


def test_a_secret_attachment_is_not_found_even_with_its_etag(sample: Sample) -> None:
    etag = f'"{sample.secret_letter.files.get().sha256}"'

    response = Client().get(url(sample.secret_letter), headers={"if-none-match": etag})

    assert response.status_code == 404
    assert "ETag" not in response
