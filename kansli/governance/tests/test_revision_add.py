import datetime

import pytest
from django.core.exceptions import ValidationError

from kansli.audit.models import Event
from kansli.governance import services as governance


def test_a_revision_is_listed_with_the_document_as_its_header_shows_it(document, board):
    governance.revision_add(
        actor=None,
        document=document,
        decided_by=board,
        decided_on=datetime.date(2019, 1, 30),
        minute="§ 20",
    )

    assert [str(r) for r in document.revisions.all()] == ["KS 2019-01-30, § 20"]
    assert Event.objects.filter(action="revision.create").count() == 1


def test_a_revision_by_another_bodys_organization_is_refused(document, other_board):
    with pytest.raises(ValidationError, match="annan huvudman"):
        governance.revision_add(
            actor=None,
            document=document,
            decided_by=other_board,
            decided_on=datetime.date(2019, 1, 30),
        )

    assert not document.revisions.exists()
