"""Every Kansli command explains itself with --help."""

import pytest
from django.core.management import get_commands, load_command_class


def kansli_commands() -> list[tuple[str, str]]:
    return sorted((name, app) for name, app in get_commands().items() if app.startswith("kansli."))


@pytest.mark.parametrize(("name", "app"), kansli_commands())
def test_command_prints_its_help(name: str, app: str, capsys: pytest.CaptureFixture[str]) -> None:
    command = load_command_class(app, name)

    with pytest.raises(SystemExit) as exit_:
        command.run_from_argv(["kansli", name, "--help"])

    assert exit_.value.code == 0
    assert name in capsys.readouterr().out
