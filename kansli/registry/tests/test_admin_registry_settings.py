import datetime

from django.test import Client

from kansli.accounts.models import User
from kansli.audit.models import Event
from kansli.organisation.models import Organization
from kansli.registry import services
from kansli.registry.models import NumberSeries


def admin_client() -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("root", password="lösenord-för-test"))
    return client


def test_a_number_series_saved_in_the_admin_is_audited(board: Organization) -> None:
    series = services.number_series_set_format(
        actor=None, organization=board, year=2026, format="{year}/{number:05d}"
    )

    response = admin_client().post(
        f"/admin/registry/numberseries/{series.pk}/change/",
        {"organization": board.pk, "year": 2026, "format": "KS {year}/{number:05d}"},
    )

    assert response.status_code == 302
    assert NumberSeries.objects.get().format == "KS {year}/{number:05d}"
    assert Event.objects.filter(action="numberseries.update", actor__username="root").exists()


def test_the_admin_refuses_a_new_format_for_a_series_in_use(board: Organization) -> None:
    services.case_open(
        actor=None, organization=board, title="Ärende", opened_on=datetime.date(2026, 3, 1)
    )
    series = NumberSeries.objects.get()

    response = admin_client().post(
        f"/admin/registry/numberseries/{series.pk}/change/",
        {"organization": board.pk, "year": 2026, "format": "KS {year}/{number:05d}"},
    )

    assert "har redan ärenden; formatet kan inte ändras" in response.content.decode()
    assert NumberSeries.objects.get().format == "{year}/{number:05d}"
