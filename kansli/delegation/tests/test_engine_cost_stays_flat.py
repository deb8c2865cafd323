"""A check looks rules up by index: its cost stays flat as the order grows a hundredfold."""

import pytest

from kansli.bench.authority import bench_checks

pytestmark = pytest.mark.slow


def test_a_check_costs_about_the_same_with_50_and_5000_rules():
    # Alternate the two sizes and keep each one's best run, to see past a busy machine.
    small, large = [], []
    for _ in range(3):
        small.append(bench_checks(50, 2_000, n_checks=2_000).p50_us)
        large.append(bench_checks(5_000, 2_000, n_checks=2_000).p50_us)

    # A scan of every rule would make the large order about 100 times slower; an index keeps
    # the two within what memory caches alone explain.
    assert min(large) < 4 * min(small)
