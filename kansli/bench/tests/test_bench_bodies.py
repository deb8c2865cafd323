"""`kansli bench seed --bodies N` builds N synthetic bodies beside the bench body, and `kansli
bench bodies` times the bench body's pages before and after them: a smoke test on tiny bodies,
with no limit on the time."""

from io import StringIO

from django.core.management import call_command

from kansli.accounts.models import User
from kansli.organisation.models import Body
from kansli.registry.models import Document


def test_seed_with_bodies_builds_that_many_bodies_each_with_its_registry(db: None) -> None:
    out = StringIO()

    call_command(
        "bench",
        *("seed", "--documents", "20", "--bodies", "3", "--documents-per-body", "10"),
        stdout=out,
    )

    others = Body.objects.filter(slug__startswith="bench-")
    assert sorted(others.values_list("slug", flat=True)) == ["bench-001", "bench-002", "bench-003"]
    for body in others:
        assert Document.objects.filter(case__organization__body=body).count() == 10
        assert body.organizations.count() == 6
    assert Document.objects.filter(case__organization__body__slug="bench").count() == 20
    assert "3 andra kommuner byggda." in out.getvalue()


def test_bodies_times_the_bench_bodys_pages_before_and_after_the_others(db: None) -> None:
    call_command("bench", "seed", "--documents", "30", stdout=StringIO())
    out = StringIO()

    call_command(
        "bench",
        *("bodies", "--bodies", "2", "--documents-per-body", "5", "--runs", "1"),
        stdout=out,
    )

    report = out.getvalue()
    assert Body.objects.filter(slug__startswith="bench-").count() == 2
    assert "med 1 och med 3 kommuner:" in report
    for page in ("Ärendelistan", "Sökning, två ord", "Postlistan, veckan", "Startsidan"):
        assert f"  {page}: ×" in report
    assert "Direktörens plikter: ×" in report


def test_loadtest_user_is_a_case_officer_of_the_bench_body(db: None) -> None:
    call_command("bench", "seed", "--documents", "10", stdout=StringIO())
    out = StringIO()

    call_command("bench", "loadtest-user", stdout=out)

    user = User.objects.get(username=out.getvalue().strip())
    assert user.person is not None
    assert user.person.body.slug == "bench"
