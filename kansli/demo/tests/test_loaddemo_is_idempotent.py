from io import StringIO

from django.apps import apps
from django.core.management import call_command

from kansli.audit.models import Event
from kansli.audit.selectors import chain_verify


def row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for app in ("organisation", "governance", "accounts", "audit")
        for model in apps.get_app_config(app).get_models()
    }


def test_loading_the_demo_twice_changes_nothing(db):
    call_command("loaddemo", stdout=StringIO())
    first = row_counts()

    call_command("loaddemo", stdout=StringIO())

    assert row_counts() == first
    assert first["organisation.Person"] > 100
    assert first["audit.Event"] == Event.objects.count() > 0
    assert chain_verify().intact
