"""The rule language: truth tables, None semantics, and every kind of rejected rule."""

from __future__ import annotations

import pytest

from prepcheck.engine.rules import NOT_APPLICABLE, NameInfo, RuleError, parse_rule

KNOWN = {
    "adults": NameInfo("number"),
    "children": NameInfo("number"),
    "radio": NameInfo("choice", frozenset({"crank", "battery", "none"})),
    "channels": NameInfo("multi", frozenset({"paper", "neighbours", "nothing"})),
    "has_water": NameInfo("choice", frozenset({"yes", "no", "dont_know"}), yes_no=True),
    "note": NameInfo("text"),
}


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [(True, True, True), (True, False, False), (False, True, False), (False, False, False)],
)
def test_and_is_true_only_when_both_sides_hold(a: bool, b: bool, expected: bool) -> None:
    rule = parse_rule("adults >= 1 and children >= 1", KNOWN)
    assert rule.holds({"adults": 1 if a else 0, "children": 1 if b else 0}) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [(True, True, True), (True, False, True), (False, True, True), (False, False, False)],
)
def test_or_is_true_when_either_side_holds(a: bool, b: bool, expected: bool) -> None:
    rule = parse_rule("adults >= 1 or children >= 1", KNOWN)
    assert rule.holds({"adults": 1 if a else 0, "children": 1 if b else 0}) is expected


@pytest.mark.parametrize(
    ("source", "env", "expected"),
    [
        ("adults + children >= 3", {"adults": 2, "children": 1}, True),
        ("adults + children >= 3", {"adults": 2, "children": 0}, False),
        ("adults * 3 * 3 == 18", {"adults": 2}, True),
        ("adults / children > 1", {"adults": 3, "children": 2}, True),
        ("1 <= adults <= 4", {"adults": 4}, True),
        ("1 <= adults <= 4", {"adults": 5}, False),
        ("radio == 'crank'", {"radio": "crank"}, True),
        ("radio != 'crank'", {"radio": "battery"}, True),
        ("radio in ['crank', 'battery']", {"radio": "battery"}, True),
        ("radio not in ['crank', 'battery']", {"radio": "none"}, True),
        ("'paper' in channels", {"channels": frozenset({"paper"})}, True),
        ("'paper' not in channels", {"channels": frozenset({"neighbours"})}, True),
        ("count(channels) >= 2", {"channels": frozenset({"paper", "neighbours"})}, True),
        ("not radio == 'none'", {"radio": "crank"}, True),
        ("has_water != 'yes'", {"has_water": "dont_know"}, True),
        ("has_water in ['no', 'dont_know']", {"has_water": "no"}, True),
        ("answered(note)", {"note": "call aunt"}, True),
        ("min(adults, 3) == 3", {"adults": 7}, True),
        ("ceil(adults / 2) == 2", {"adults": 3}, True),
        ("default(children, 0) == 0", {}, True),
        ("true", {}, True),
        ("false or adults > 1", {"adults": 2}, True),
    ],
)
def test_rules_evaluate_as_written(source: str, env: dict[str, object], expected: bool) -> None:
    assert parse_rule(source, KNOWN).holds(env) is expected


@pytest.mark.parametrize(
    "source",
    [
        "adults > 1",
        "adults == 1",
        "adults != 1",
        "adults + 1 >= 0",
        "radio == 'none'",
        "radio != 'none'",
        "radio in ['none', 'crank']",
        "'paper' in channels",
        "count(channels) >= 0",
    ],
)
def test_any_comparison_with_an_unanswered_question_is_false(source: str) -> None:
    assert parse_rule(source, KNOWN).holds({}) is False


def test_not_applicable_compares_false_and_is_not_answered() -> None:
    env = {"adults": NOT_APPLICABLE}
    assert parse_rule("adults >= 0", KNOWN).holds(env) is False
    assert parse_rule("answered(adults)", KNOWN).holds(env) is False
    assert parse_rule("not_applicable(adults)", KNOWN).holds(env) is True


def test_negation_of_an_unanswered_comparison_is_true() -> None:
    assert parse_rule("not adults > 1", KNOWN).holds({}) is True


def test_formula_gives_none_when_an_input_is_missing() -> None:
    formula = parse_rule("3 * adults * 3 + 0.5 * children", KNOWN, expect="formula")
    assert formula.value({"adults": 2, "children": 2}) == 19
    assert formula.value({"adults": 2}) is None


def test_division_by_zero_gives_no_value_instead_of_crashing() -> None:
    formula = parse_rule("adults / children", KNOWN, expect="formula")
    assert formula.value({"adults": 2, "children": 0}) is None


def test_rule_remembers_the_names_it_reads() -> None:
    assert parse_rule("adults + children >= 1 and radio == 'none'", KNOWN).names == {"adults", "children", "radio"}


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("adults >", "cannot read the rule"),
        ("adulst > 1", "unknown name 'adulst'"),
        ("radio == 'fm'", "'fm' is not an option of 'radio'"),
        ("'fax' in channels", "'fax' is not an option of 'channels'"),
        ("radio > 1", "is not a number"),
        ("adults == 'two'", "compares a number with text"),
        ("__import__('os').system('x') == 0", "is not allowed"),
        ("open('f') == 1", "unknown function 'open'"),
        ("adults.real > 1", "is not allowed"),
        ("[x for x in channels]", "is not allowed"),
        ("lambda: 1", "is not allowed"),
        ("adults ** 2 > 1", "is not allowed"),
        ("adults is None", "'is' is not allowed"),
        ("adults", "is not a condition"),
        ("adults + 1", "is not a condition"),
        ("has_water == 'no'", "counts the same as"),
        ("has_water in ['no']", "counts the same as"),
        ("note == 'x'", "free text"),
        ("channels == 'paper'", "to test a multiple-choice answer"),
        ("count(radio) > 1", "needs a multiple-choice question"),
        ("", "non-empty"),
    ],
)
def test_rules_that_cannot_be_right_are_rejected_with_a_clear_message(source: str, message: str) -> None:
    with pytest.raises(RuleError) as error:
        parse_rule(source, KNOWN)
    assert message in error.value.message


def test_a_condition_is_rejected_where_a_number_is_needed() -> None:
    with pytest.raises(RuleError, match="not a formula"):
        parse_rule("adults > 1", KNOWN, expect="formula")


def test_overlong_rules_are_refused_before_parsing() -> None:
    with pytest.raises(RuleError, match="at most 2000"):
        parse_rule(" or ".join(["adults > 1"] * 300), KNOWN)
