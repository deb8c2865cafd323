"""The English catalogues are whole: every marked string of the code has an English entry, none
is empty or fuzzy, and each keeps the placeholders and tags of its Swedish original.

One catalogue per app (kansli/<app>/locale/en/LC_MESSAGES/django.po); the templates of
kansli/templates/ and the top-level modules kansli/*.py have kansli/locale/'s. The strings of the
code are extracted afresh with Django's makemessages from a copy of the code in a temporary folder,
so the test never writes into the source tree.
"""

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command
from pytest_django.fixtures import Settings

KANSLI = Path(__file__).resolve().parent.parent
TOP_LEVEL = KANSLI / "locale" / "en" / "LC_MESSAGES" / "django.po"
# Folders of kansli/ that are no app with strings of their own.
NOT_APPS = {"locale", "templates", "tests", "__pycache__"}


@dataclass(frozen=True)
class Entry:
    context: str
    msgid: str
    msgid_plural: str
    msgstrs: tuple[str, ...]
    flags: frozenset[str]


def _unquote(text: str) -> str:
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda m: escapes[m.group(1)], text.strip()[1:-1])


def read_po(path: Path) -> list[Entry]:
    """The entries of a .po file, without its header and obsolete (#~) entries."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields: dict[str, str] = {}
        flags: set[str] = set()
        key = ""
        for line in block.strip().splitlines():
            if line.startswith("#,"):
                flags.update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                fields[key] += _unquote(line)
            else:
                key, _, value = line.partition(" ")
                fields[key] = _unquote(value)
        if fields.get("msgid"):
            entries.append(
                Entry(
                    context=fields.get("msgctxt", ""),
                    msgid=fields["msgid"],
                    msgid_plural=fields.get("msgid_plural", ""),
                    msgstrs=tuple(v for k, v in sorted(fields.items()) if k.startswith("msgstr")),
                    flags=frozenset(flags),
                )
            )
    return entries


def catalogues() -> list[Path]:
    return sorted(KANSLI.glob("**/locale/en/LC_MESSAGES/django.po"))


def catalogue_id(path: Path) -> str:
    return str(path.relative_to(KANSLI).parent.parent.parent.parent) or "kansli"


PLACEHOLDER = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[sdifr]|%[-#0 +]*\d*(?:\.\d+)?[sdifr]")
BRACE = re.compile(r"\{\w*\}")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text.replace("%%", "")) + BRACE.findall(text))


def tags(text: str) -> list[str]:
    return sorted(TAG.findall(text))


@pytest.mark.parametrize("path", catalogues(), ids=catalogue_id)
def test_every_entry_is_translated_and_none_is_fuzzy(path: Path) -> None:
    entries = read_po(path)

    assert entries, f"{path} is empty"
    assert [e.msgid for e in entries if not all(e.msgstrs)] == []
    assert [e.msgid for e in entries if "fuzzy" in e.flags] == []


@pytest.mark.parametrize("path", catalogues(), ids=catalogue_id)
def test_gettext_accepts_the_catalogue(path: Path) -> None:
    msgfmt = shutil.which("msgfmt")
    assert msgfmt, "GNU gettext's msgfmt is missing: make locale-deps"

    checked = subprocess.run(  # noqa: S603 - msgfmt on a file of the repository
        [msgfmt, "--check", "--statistics", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert checked.returncode == 0, checked.stderr
    assert "untranslated" not in checked.stderr
    assert "fuzzy" not in checked.stderr


@pytest.mark.parametrize("path", catalogues(), ids=catalogue_id)
def test_each_translation_keeps_the_placeholders_and_tags_of_the_original(path: Path) -> None:
    wrong = []
    for entry in read_po(path):
        originals = [entry.msgid, entry.msgid_plural or entry.msgid]
        for form, translation in enumerate(entry.msgstrs):
            original = originals[min(form, 1)]
            if entry.msgid_plural:
                # A singular may leave out the number (Swedish "en timme"), never add one.
                names = set(placeholders(entry.msgid) + placeholders(entry.msgid_plural))
                if not set(placeholders(translation)) <= names:
                    wrong.append((entry.msgid, translation))
            elif placeholders(translation) != placeholders(original):
                wrong.append((entry.msgid, translation))
            if tags(translation) != tags(original):
                wrong.append((entry.msgid, translation))
            if translation.startswith((" ", "\n")) != original.startswith((" ", "\n")) or (
                translation.endswith((" ", "\n")) != original.endswith((" ", "\n"))
            ):
                wrong.append((entry.msgid, translation))

    assert wrong == []


def sources() -> list[tuple[str, list[Path]]]:
    """Each catalogue's source folders and files: an app's folder; for kansli/locale the
    templates and the top-level modules."""
    apps = [
        (folder.name, [folder])
        for folder in sorted(KANSLI.iterdir())
        if folder.is_dir() and folder.name not in NOT_APPS and (folder / "__init__.py").exists()
    ]
    return [("kansli", [KANSLI / "templates", *sorted(KANSLI.glob("*.py"))]), *apps]


def extract(name: str, paths: list[Path], folder: Path) -> set[tuple[str, str]]:
    """The (context, msgid) of every marked string in the paths, by Django's makemessages run
    on a copy in the folder."""
    copy = folder / name
    copy.mkdir()
    ignored = shutil.ignore_patterns("locale", "tests", "__pycache__", "*.pyc")
    for path in paths:
        if path.is_dir():
            shutil.copytree(path, copy / path.name, ignore=ignored)
        else:
            shutil.copy(path, copy / path.name)
    (copy / "locale").mkdir()
    call_command("makemessages", locale=["en"], no_location=True, verbosity=0, ignore_patterns=[])
    extracted = copy / "locale" / "en" / "LC_MESSAGES" / "django.po"
    if not extracted.exists():
        return set()
    return {(entry.context, entry.msgid) for entry in read_po(extracted)}


@pytest.mark.parametrize(("name", "paths"), sources(), ids=[name for name, _ in sources()])
def test_every_marked_string_of_the_code_has_an_english_entry(
    name: str,
    paths: list[Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    settings: Settings,
) -> None:
    # makemessages writes to LOCALE_PATHS' first folder what it finds outside a locale folder;
    # the test keeps it inside the temporary copy.
    settings.LOCALE_PATHS = []
    monkeypatch.chdir(tmp_path)
    marked = extract(name, paths, tmp_path)
    catalogue = (KANSLI / "locale" if name == "kansli" else KANSLI / name / "locale") / "en"
    po = catalogue / "LC_MESSAGES" / "django.po"

    translated = {(e.context, e.msgid) for e in read_po(po)} if po.exists() else set()

    assert sorted(marked - translated) == [], f"missing from {po.relative_to(KANSLI.parent)}"
