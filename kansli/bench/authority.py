"""How fast the engine answers: checks per second and latency for a synthetic body.

    python -m kansli.bench.authority            # 100, 1,000 and 10,000 rules; 10,000 positions

The synthetic body has a board, committees each with a department, units under them and one
person in each position. Each rule gives a random position a decision type within its
department, up to an amount, after consulting another position and with a report to the
committee; one in five has a substitute. The checks mix those delegates, the persons holding
them (a few acting) and random positions, with amounts over and under the limit and the
consultation done or not, so every outcome and every path of a check is exercised.
"""

from __future__ import annotations

import datetime
import gc
import random
import statistics
import time
from dataclasses import dataclass
from decimal import Decimal

from kansli.delegation.engine import (
    Actor,
    Appointment,
    DecisionType,
    Directory,
    Engine,
    Limits,
    Order,
    Organization,
    Party,
    Person,
    Position,
    Query,
    Requirement,
    Rule,
    Scope,
    Source,
)

BODY = "bench"
DAY = datetime.date(2025, 6, 2)
RULES_PER_TYPE = 5


@dataclass(frozen=True)
class BenchResult:
    rules: int
    positions: int
    checks: int
    checks_per_second: float
    p50_us: float
    p99_us: float

    def __str__(self) -> str:
        return (
            f"{self.rules:>6} regler, {self.positions} befattningar: "
            f"{self.checks_per_second:>9,.0f} kontroller/s, "
            f"p50 {self.p50_us:.1f} µs, p99 {self.p99_us:.1f} µs"
        )


def synthetic(n_rules: int, n_positions: int, seed: int = 0) -> tuple[Directory, Order]:
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    n_departments = max(1, n_positions // 200)
    organizations = [Organization("styrelsen", "executive_board", "Styrelsen")]
    departments = []
    for d in range(n_departments):
        committee, department = f"namnd-{d}", f"forvaltning-{d}"
        organizations.append(Organization(committee, "committee", f"Nämnd {d}"))
        organizations.append(
            Organization(department, "department", f"Förvaltning {d}", committee, f"chef-{d}")
        )
        departments.append(department)
    units = [f"enhet-{u}" for u in range(max(1, n_positions // 20))]
    unit_department = {unit: rng.choice(departments) for unit in units}
    organizations += [
        Organization(unit, "unit", f"Enhet {unit}", unit_department[unit]) for unit in units
    ]
    positions = [Position(f"chef-{d}", f"Chef {d}", departments[d]) for d in range(n_departments)]
    while len(positions) < n_positions:
        unit = rng.choice(units)
        positions.append(Position(f"befattning-{len(positions)}", "Handläggare", unit))
    appointments = [
        Appointment(i, position.slug, datetime.date(2020, 1, 1), acting=i % 50 == 0)
        for i, position in enumerate(positions)
    ]
    directory = Directory(
        body=BODY,
        name="Testregionen",
        organizations=tuple(organizations),
        positions=tuple(positions),
        persons=tuple(Person(i, f"Person {i}") for i in range(len(positions))),
        appointments=tuple(appointments),
    )
    return directory, _order(rng, n_rules, positions, unit_department)


def _order(
    rng: random.Random,
    n_rules: int,
    positions: list[Position],
    unit_department: dict[str, str],
) -> Order:
    n_types = max(1, n_rules // RULES_PER_TYPE)
    types = tuple(DecisionType(f"typ-{t}", f"Beslutstyp {t}") for t in range(n_types))
    rules = []
    for r in range(n_rules):
        position = rng.choice(positions)
        department = unit_department.get(position.organization, position.organization)
        adviser = rng.choice(positions)
        substitutes = (_party(rng.choice(positions)),) if r % 5 == 0 else ()
        rules.append(
            Rule(
                id=f"r{r}",
                number=str(r + 1),
                decision_type=types[r % n_types].code,
                matter=f"Ärende {r}",
                delegate=_party(position),
                substitutes=substitutes,
                source=Source("Delegationsordning", f"{r // 100 + 1}.{r % 100 + 1}"),
                scope=(Scope(organization=department),),
                limits=Limits(max_amount=Decimal(rng.randrange(10_000, 1_000_000, 1_000))),
                requirements=(
                    Requirement("consultation", "before", _party(adviser)),
                    Requirement("report", "after", Party("organization", "styrelsen", "styrelsen")),
                ),
            )
        )
    return Order(
        id="bench",
        body=BODY,
        organization="styrelsen",
        document="Delegationsordning",
        version="1",
        valid_from=datetime.date(2020, 1, 1),
        decision_types=types,
        rules=tuple(rules),
    )


def _party(position: Position) -> Party:
    return Party("position", position.slug, position.title.lower())


def _queries(rng: random.Random, order: Order, directory: Directory, n: int) -> list[Query]:
    departments = {
        org.slug: org.parent or org.slug for org in directory.organizations if org.kind == "unit"
    }
    person_of = {appointment.position: appointment.person for appointment in directory.appointments}
    queries = []
    for _ in range(n):
        rule = rng.choice(order.rules)
        actor_slug = rule.delegate.slug
        roll = rng.random()
        if roll < 0.15:
            actor_slug = rng.choice(directory.positions).slug
        actor = (
            Actor("person", person_of[actor_slug]) if roll > 0.6 else Actor("position", actor_slug)
        )
        concerning = rule.scope[0].organization
        if rng.random() < 0.5:
            concerning = rng.choice(
                [u for u, d in departments.items() if d == concerning] or [concerning]
            )
        limit = rule.limits.max_amount or Decimal(0)
        adviser = rule.requirements[0]
        queries.append(
            Query(
                body=BODY,
                actor=actor,
                decision_type=rule.decision_type,
                date=DAY,
                concerning=concerning,
                amount=limit * Decimal(rng.choice(("0.5", "0.9", "1.2"))),
                done=frozenset({(adviser.kind, adviser.party.key)})
                if rng.random() < 0.5
                else frozenset(),
                delegate_unavailable=rng.random() < 0.1,
            )
        )
    return queries


def bench_checks(
    n_rules: int, n_positions: int, n_checks: int = 50_000, seed: int = 0
) -> BenchResult:
    """Build a synthetic body and order, then time `n_checks` checks one by one."""
    directory, order = synthetic(n_rules, n_positions, seed)
    engine = Engine([directory], [order])
    queries = _queries(random.Random(seed + 1), order, directory, n_checks)  # noqa: S311
    check, clock = engine.check, time.perf_counter_ns
    latencies = []
    # A server builds its engine once and keeps it: leave the built index out of the garbage
    # collector's sweeps, as it is after the first few, so they do not weigh on the timings.
    gc.freeze()
    try:
        for query in queries:
            start = clock()
            check(query)
            latencies.append(clock() - start)
    finally:
        gc.unfreeze()
    quantiles = statistics.quantiles(latencies, n=100)
    return BenchResult(
        rules=n_rules,
        positions=n_positions,
        checks=n_checks,
        checks_per_second=n_checks / (sum(latencies) / 1e9),
        p50_us=quantiles[49] / 1000,
        p99_us=quantiles[98] / 1000,
    )


def main() -> None:
    for n_rules in (100, 1_000, 10_000):
        print(bench_checks(n_rules, 10_000))


if __name__ == "__main__":
    main()
