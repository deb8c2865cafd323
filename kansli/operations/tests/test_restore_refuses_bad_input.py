import hashlib
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from kansli.operations.tests.archives import archive
from kansli.operations.tests.installations import Installation
from kansli.registry.tests.object_store import bucket_create


def refused(*arguments: str) -> str:
    with pytest.raises(CommandError) as refusal:
        call_command(*arguments)
    assert refusal.value.returncode == 2
    return str(refusal.value)


def test_a_missing_file_is_one_swedish_line_and_exit_2_without_a_traceback(
    tmp_path: Path,
) -> None:
    done = subprocess.run(  # noqa: S603
        [
            Path(sys.executable).parent / "kansli",
            "restore",
            "--input",
            str(tmp_path / "saknas.tar"),
        ],
        env={**os.environ, "KANSLI_VAR_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        check=False,
    )

    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert done.stderr.strip().splitlines()[-1].endswith("saknas.tar finns inte.")


def test_a_file_that_is_no_archive_is_refused(tmp_path: Path, db: None) -> None:
    bad = tmp_path / "inte.tar"
    bad.write_bytes(b"%PDF-1.4 inte ett arkiv" * 40)

    assert "är inget arkiv från Kansli" in refused("restore", "--input", str(bad))


def test_an_archive_without_a_manifest_is_refused(tmp_path: Path, db: None) -> None:
    path = tmp_path / "annat.tar"
    with tarfile.open(path, "w") as tar:
        tar.add(__file__, arcname="database.sqlite3")

    assert "saknar en innehållsförteckning" in refused("restore", "--input", str(path))


def test_a_backup_without_its_database_is_refused(tmp_path: Path, db: None) -> None:
    path = archive(tmp_path / "b.tar", {"files/brev.pdf": b"%PDF-1.4"})

    assert refused("restore", "--input", str(path)) == "Säkerhetskopian saknar databasen."


def test_a_member_whose_hash_does_not_match_is_named(tmp_path: Path, db: None) -> None:
    path = archive(
        tmp_path / "b.tar", {"database.sqlite3": b"changed"}, hashes={"database.sqlite3": "0" * 64}
    )

    message = refused("restore", "--input", str(path))

    assert message == (
        "Kontrollsumman för database.sqlite3 stämmer inte: arkivet är skadat eller ändrat."
    )


def test_a_member_the_manifest_does_not_list_is_refused(tmp_path: Path, db: None) -> None:
    path = archive(
        tmp_path / "b.tar",
        {"database.sqlite3": b"x", "files/smuggled.pdf": b"y"},
        hashes={"database.sqlite3": hashlib.sha256(b"x").hexdigest()},
    )

    assert "files/smuggled.pdf, som innehållsförteckningen inte nämner" in refused(
        "restore", "--input", str(path)
    )


def test_a_database_that_is_not_empty_is_refused_and_left_as_it_is(
    tmp_path: Path, db: None
) -> None:
    path = archive(tmp_path / "b.tar", {"database.sqlite3": b"x"})

    message = refused("restore", "--input", str(path))

    assert message.startswith("Databasen är inte tom. Återläs till en ny, tom databas")


def test_a_bucket_that_is_not_empty_is_refused_with_exit_2_and_left_as_it_is(
    tmp_path: Path, object_store: str
) -> None:
    filled = bucket_create(object_store)
    filled.s3.put_object(Bucket=filled.name, Key="registry/brev.pdf", Body=b"%PDF-1.4 kvar")
    path = archive(tmp_path / "b.tar", {"database.sqlite3": b"x"})

    done = Installation(tmp_path / "tom", None, filled).run("restore", "--input", str(path))

    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert (
        done.stderr.strip()
        .splitlines()[-1]
        .endswith(
            "Fillagringen är inte tom (där finns registry/brev.pdf). Återläs till en tom mapp "
            "(KANSLI_VAR_DIR) eller en tom S3-bucket."
        )
    )
    assert filled.keys() == ["registry/brev.pdf"]


def test_a_backup_is_not_written_over_an_existing_file(tmp_path: Path, db: None) -> None:
    existing = tmp_path / "b.tar"
    existing.write_bytes(b"keep")

    assert "finns redan" in refused("backup", "--output", str(existing))
    assert existing.read_bytes() == b"keep"
