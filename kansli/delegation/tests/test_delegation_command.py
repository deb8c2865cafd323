"""`kansli delegation import` and `export`: YAML files in and out of the database."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from kansli.delegation import orderfile
from kansli.delegation.models import DelegationOrder
from kansli.delegation.tests.test_order_import import EXAMPLE


def delegation(*arguments: str) -> str:
    out = StringIO()
    call_command("delegation", *arguments, stdout=out)
    return out.getvalue()


def test_import_then_export_gives_the_file_back(demo, tmp_path):
    path = tmp_path / "ordning.yaml"
    path.write_text(EXAMPLE, encoding="utf-8")

    said = delegation("import", "--body", "vanersborg", str(path))
    exported = delegation("export", "--body", "vanersborg", "--order", "ks-delegationsordning-2025")

    assert said == (
        "Inläst: Delegationsordning för kommunstyrelsen 2.0 (ks-delegationsordning-2025), "
        "3 regler och 1 skyldigheter.\n"
    )
    assert orderfile.loads(exported) == orderfile.loads(EXAMPLE)


def test_export_by_number_and_of_the_only_order(demo):
    order = DelegationOrder.objects.get(body__slug="blekinge")

    assert delegation("export", "--body", "blekinge", "--order", str(order.pk)) == delegation(
        "export", "--body", "blekinge"
    )


def test_export_asks_which_order_when_there_are_several(demo, tmp_path):
    path = tmp_path / "ordning.yaml"
    path.write_text(EXAMPLE, encoding="utf-8")
    delegation("import", "--body", "vanersborg", str(path))

    with pytest.raises(CommandError, match="Ange vilken ordning med --order") as error:
        delegation("export", "--body", "vanersborg")

    assert error.value.returncode == 2


def test_a_refused_import_exits_with_2_and_lists_the_problems(demo, tmp_path):
    path = tmp_path / "ordning.yaml"
    path.write_text(EXAMPLE.replace("delegate: ks\n", "delegate: kommundirektor\n"), "utf-8")

    with pytest.raises(CommandError) as error:
        delegation("import", "--body", "vanersborg", str(path))

    assert error.value.returncode == 2
    assert f"{path}:63: rules[2].delegate:" in str(error.value)
    assert not DelegationOrder.objects.filter(key="ks-delegationsordning-2025").exists()


def test_a_missing_file_exits_with_2(demo, tmp_path):
    with pytest.raises(CommandError, match="kan inte läsas") as error:
        delegation("import", "--body", "vanersborg", str(tmp_path / "finns-inte.yaml"))

    assert error.value.returncode == 2
