"""The case list goes page by page from the last case seen (keyset), newest first, and every
case is listed once."""

from kansli.accounts.models import User
from kansli.organisation.models import Body, Organization
from kansli.registry import services
from kansli.registry.case_list import case_page


def test_pages_follow_each_other_without_gaps_or_repeats(body: Body, board: Organization) -> None:
    opened = [
        services.case_open(actor=None, organization=board, title=f"Ärende {n}") for n in range(7)
    ]
    user = User.objects.create(username="läsare", is_superuser=True)

    seen, after, pages = [], None, 0
    while True:
        page = case_page(user=user, body=body, after=after, size=3)
        seen += [view.case for view, _documents in page.rows]
        pages += 1
        if page.next_after is None:
            break
        after = page.next_after

    assert seen == opened[::-1]
    assert pages == 3


def test_a_filter_keeps_to_its_cases(body: Body, board: Organization) -> None:
    open_case = services.case_open(actor=None, organization=board, title="Öppet")
    closed = services.case_open(actor=None, organization=board, title="Stängt")
    services.case_close(actor=None, case=closed)
    user = User.objects.create(username="läsare", is_superuser=True)

    page = case_page(user=user, body=body, status="open")

    assert [view.case for view, _documents in page.rows] == [open_case]
    assert page.next_after is None
