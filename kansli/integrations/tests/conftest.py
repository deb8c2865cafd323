"""The meetings' fixtures, for the test that a posting of approved minutes is told to
subscribers (kansli/integrations/tests/test_posting_is_told_to_subscribers.py)."""

from kansli.meetings.tests.conftest import (  # noqa: F401
    director,
    frozen_now,
    ks,
    meeting,
    minutes_storage,
    schedule,
    secretary,
)
