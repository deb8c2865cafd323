"""The order file carries its format's version. Version 2 names the duty to inform
"notification"; a file of version 1 (no `format`, or `format: 1`) named it "notice", and is
still read, its requirements converted. Files are written in version 2."""

import pytest

from kansli.delegation import orderfile
from kansli.delegation.orderfile import OrderFileError
from kansli.delegation.reasons import sentence

ORDER = """\
order:
  id: ks-do-2024
  body: vanersborg
  organization: ks
  document: Delegationsordning för kommunstyrelsen
  version: "1"
  valid_from: 2024-01-01
parties:
  kommundirektor: {kind: position, name: kommundirektören}
  ks-ordforande: {kind: chair, name: kommunstyrelsens ordförande}
decision_types:
  inkop: {name: Inköp}
rules:
  - id: r1
    number: "1"
    decision_type: inkop
    matter: Inköp
    delegate: kommundirektor
    requirements:
      - {kind: KIND, when: before, party: ks-ordforande}
    source: {section: "1"}
"""


def kinds(text: str) -> list[str]:
    order = orderfile.loads(text)
    return [requirement.kind for rule in order.rules for requirement in rule.requirements]


@pytest.mark.parametrize("header", ["", "format: 1\n"])
def test_a_file_of_version_1_is_read_with_the_duty_to_inform_renamed(header):
    assert kinds(header + ORDER.replace("KIND", "notice")) == ["notification"]


def test_a_file_of_version_2_names_it_notification():
    assert kinds("format: 2\n" + ORDER.replace("KIND", "notification")) == ["notification"]


def test_version_2_no_longer_knows_notice():
    with pytest.raises(OrderFileError) as error:
        orderfile.loads("format: 2\n" + ORDER.replace("KIND", "notice"))

    [problem] = error.value.problems
    assert problem.field == "rules[0].requirements[0]"
    assert sentence(problem.reason).startswith("Okänt krav ”notice”/”before”; kända: ")


def test_an_unknown_version_is_refused():
    with pytest.raises(OrderFileError) as error:
        orderfile.loads("format: 3\n" + ORDER.replace("KIND", "notification"))

    [problem] = error.value.problems
    assert (problem.line, problem.field) == (1, "format")
    assert sentence(problem.reason) == "Okänt värde ”3”; tillåtna: 1, 2."


def test_an_old_file_is_written_back_in_version_2():
    order = orderfile.loads(ORDER.replace("KIND", "notice"))

    text = orderfile.dumps(order)

    assert text.startswith("format: 2\n")
    assert "kind: notification" in text
    assert "notice" not in text
    assert orderfile.loads(text) == order


def test_a_date_outside_the_years_kansli_takes_is_refused_on_its_line():
    text = "format: 2\n" + ORDER.replace("KIND", "notification").replace("2024-01-01", "9999-12-31")

    with pytest.raises(OrderFileError) as error:
        orderfile.loads(text, years=(1900, 2200))

    [problem] = error.value.problems
    assert (problem.line, problem.field) == (8, "order.valid_from")
    assert sentence(problem.reason) == "”9999-12-31”: ange ett år mellan 1900 och 2200."


def test_a_file_nested_thousands_of_levels_deep_is_refused_not_a_crash():
    with pytest.raises(OrderFileError) as error:
        orderfile.loads("order: " + "[" * 5000 + "]" * 5000)

    [problem] = error.value.problems
    assert sentence(problem.reason) == "Filen har listor eller fält i för många nivåer i varandra."


def test_a_count_in_superscript_digits_is_not_a_whole_number():
    text = "format: 2\n" + ORDER.replace("KIND", "notification").replace(
        "    source:", "    limits: {max_months: ²}\n    source:"
    )

    with pytest.raises(OrderFileError) as error:
        orderfile.loads(text)

    assert any(problem.reason.code == "not_whole_number" for problem in error.value.problems)
