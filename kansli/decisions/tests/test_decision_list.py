"""The register lists a body's decisions, the latest first, by status, decision type or words."""

import datetime
from collections.abc import Callable

from kansli.decisions.models import Decision
from kansli.decisions.selectors import decision_list
from kansli.organisation.models import Body


def test_the_list_filters_by_status_type_and_words(
    reorganise: Callable[..., Decision], vanersborg: Body, blekinge: Body, today: datetime.date
) -> None:
    older = reorganise(
        decided_on=today - datetime.timedelta(days=3),
        title="Ny indelning av förskolan",
        evidence=[("approval", "pfu", today - datetime.timedelta(days=3), "")],
    )
    draft = reorganise(title="Ny indelning av grundskolan", case_reference="KS 2025/7")

    assert list(decision_list(body=vanersborg)) == [draft, older]
    assert list(decision_list(body=vanersborg, status="draft")) == [draft]
    assert list(decision_list(body=vanersborg, status="recorded")) == [older]
    assert list(decision_list(body=vanersborg, decision_type="lonesattning")) == []
    assert list(decision_list(body=vanersborg, q="förskolan")) == [older]
    assert list(decision_list(body=vanersborg, q="2025/7")) == [draft]
    assert list(decision_list(body=vanersborg, q="holmgren organisationsförändring")) == [
        draft,
        older,
    ]
    assert not decision_list(body=blekinge).exists()
