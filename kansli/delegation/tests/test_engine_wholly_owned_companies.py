"""Seed 002 6.1.2 sits under 6.1 "Helägda bolag": "Kommundirektören ansvarar för att bereda
anställning av VD i de kommunala helägda bolagen ...". A scope limited to wholly owned
companies applies to a company the municipality owns wholly (ownership 100 percent), not to
one it owns in part."""

import dataclasses

import pytest

from kansli.delegation import orderfile
from kansli.delegation.engine import Engine, OrderError, Scope
from kansli.delegation.tests import ask, order, refusal, rule, seed_orders, vanersborg

SOURCE = "(Kommundirektörsinstruktion 6.1.2)"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine([vanersborg()], [o for o in seed_orders() if o.body == "vanersborg"])


def prepare_ceo_hiring(engine: Engine, company: str):
    return ask(
        engine,
        "vanersborg",
        "position:kommundirektor",
        "bereda-anstallning-vd",
        concerning=company,
    )


def test_the_director_prepares_a_ceos_hiring_in_a_wholly_owned_company(engine):
    verdict = prepare_ceo_hiring(engine, "vanersborgs-bostads-ab")

    assert verdict.outcome == "requirements_pending"


def test_no_rule_covers_a_partly_owned_company_and_the_check_says_why(engine):
    verdict = prepare_ceo_hiring(engine, "fyrstads-bredband-ab")

    assert verdict.outcome == "denied"
    assert verdict.reasons == (
        "Regeln gäller bara helägda bolag, men Fyrstads Bredband AB ägs till 25 procent "
        f"{SOURCE}; ingen regel täcker beslutet för bolaget.",
    )


def test_the_companys_board_revises_its_ceos_pay_only_in_a_wholly_owned_company(engine):
    partly = ask(
        engine,
        "vanersborg",
        "organization:fyrstads-bredband-ab",
        "lonerevision-vd",
        concerning="fyrstads-bredband-ab",
        done=("consultation:kommundirektor",),
    )

    assert partly.outcome == "denied"


def test_a_company_whose_ownership_is_not_recorded_is_not_taken_as_wholly_owned():
    directory = vanersborg()
    unknown = tuple(
        dataclasses.replace(org, ownership=None) if org.slug == "vanersborgs-bostads-ab" else org
        for org in directory.organizations
    )
    engine = Engine(
        [dataclasses.replace(directory, organizations=unknown)],
        [o for o in seed_orders() if o.body == "vanersborg"],
    )

    verdict = prepare_ceo_hiring(engine, "vanersborgs-bostads-ab")

    assert verdict.outcome == "denied"
    assert verdict.reasons == (
        "Regeln gäller bara helägda bolag, men ägarandelen i Vänersborgs Bostads AB är inte "
        f"registrerad {SOURCE}.",
    )


def test_the_seed_order_limits_6_1_2_to_wholly_owned_companies():
    (kdi,) = [o for o in orderfile.load_all() if o.body == "vanersborg"]
    scopes = {r.id: r.scope for r in kdi.rules if r.id.startswith("kdi-6.1.2")}

    assert scopes == {
        "kdi-6.1.2-a": (Scope(kinds=("company",), wholly_owned=True),),
        "kdi-6.1.2-b": (Scope(kinds=("company",), wholly_owned=True),),
    }
    assert orderfile.loads(orderfile.dumps(kdi)) == kdi


def test_only_a_scope_over_companies_may_be_limited_to_wholly_owned_ones():
    scope = Scope(kinds=("department",), wholly_owned=True)

    with pytest.raises(OrderError) as error:
        Engine([vanersborg()], [order(rule(scope=(scope,)))])

    assert (
        "Bara en omfattning med typen company kan begränsas till helägda bolag (wholly_owned)."
        in refusal(error.value)
    )
