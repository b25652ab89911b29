"""The one rule language: conditions and formulas parsed once under a whitelist, then evaluated."""

from __future__ import annotations

import ast
import math
import operator
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

Evaluator = Callable[[Mapping[str, Any]], Any]
ValueKind = Literal["number", "choice", "multi", "text", "date", "string", "bool", "list"]


class _NotApplicable:
    """The value of an answer given as "not applicable": it compares false with everything."""

    _instance: _NotApplicable | None = None

    def __new__(cls) -> _NotApplicable:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "NOT_APPLICABLE"

    def __reduce__(self) -> str:
        return "NOT_APPLICABLE"


NOT_APPLICABLE = _NotApplicable()


class RuleError(ValueError):
    """A rule that does not parse or names something it may not."""

    def __init__(self, message: str, column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.column = column


@dataclass(frozen=True, slots=True)
class NameInfo:
    """What a rule may know about a name: its kind and, for choices, the option values."""

    kind: ValueKind
    options: frozenset[str] = frozenset()
    yes_no: bool = False
    literal: Callable[[str], Any] | None = None
    """For a kind written as text in quotes (a date): turns such a constant into a value, or raises ValueError saying why not."""


@dataclass(frozen=True, slots=True)
class Rule:
    """A parsed rule: its source text, the names it reads and a fast evaluator."""

    source: str
    names: frozenset[str]
    numbers: frozenset[float]
    evaluate: Evaluator = field(repr=False, compare=False)
    literals: frozenset[Any] = frozenset()
    """Constants in quotes compared with a name of their own kind, as values of that kind (dates)."""

    def holds(self, env: Mapping[str, Any]) -> bool:
        """Evaluate as a condition: anything but a true result is false."""
        return self.evaluate(env) is True

    def value(self, env: Mapping[str, Any]) -> float | None:
        """Evaluate as a formula: a number, or None when an input is missing."""
        result = self.evaluate(env)
        if isinstance(result, bool) or not isinstance(result, (int, float)):
            return None
        return result


def _is_missing(value: Any) -> bool:
    return value is None or value is NOT_APPLICABLE


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _safe_divide(left: float, right: float) -> float | None:
    return None if right == 0 else left / right


def _safe_floordiv(left: float, right: float) -> float | None:
    return None if right == 0 else left // right


_ARITHMETIC: dict[type[ast.operator], Callable[[Any, Any], Any]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
    ast.Div: _safe_divide,
    ast.FloorDiv: _safe_floordiv,
}

_ORDERING: dict[type[ast.cmpop], Callable[[Any, Any], bool]] = {
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
}


def _comparator(op: ast.cmpop) -> Callable[[Any, Any], bool]:
    """A two-value comparison for one operator; anything compared with a missing value is false."""
    # Specialised per operator because rules run hundreds of times per assessment.
    na = NOT_APPLICABLE
    if isinstance(op, ast.Eq):
        return lambda a, b: a is not None and b is not None and a is not na and b is not na and a == b
    if isinstance(op, ast.NotEq):
        return lambda a, b: a is not None and b is not None and a is not na and b is not na and a != b
    if isinstance(op, ast.In):
        return lambda a, b: a is not None and a is not na and type(b) is frozenset and a in b
    if isinstance(op, ast.NotIn):
        return lambda a, b: a is not None and a is not na and type(b) is frozenset and a not in b
    order = _ORDERING[type(op)]
    return lambda a, b: (type(a) is int or type(a) is float) and (type(b) is int or type(b) is float) and order(a, b)


def _literal_ordering(op: ast.cmpop) -> Callable[[Any, Any], bool]:
    """< <= > >= between two values of a quoted kind (dates): false unless both are there and of one type."""
    order, na = _ORDERING[type(op)], NOT_APPLICABLE
    return lambda a, b: type(a) is type(b) and a is not None and a is not na and order(a, b)


def _constant(value: Any) -> Evaluator:
    return lambda env: value


def _numeric_function(func: Callable[..., Any]) -> Callable[..., Any]:
    def apply(*args: Any) -> Any:
        if any(not _is_number(arg) for arg in args):
            return None
        return func(*args)

    return apply


_FUNCTIONS: dict[str, tuple[int, int, Callable[..., Any]]] = {
    # name: (min args, max args, implementation on evaluated arguments)
    "min": (2, 8, _numeric_function(min)),
    "max": (2, 8, _numeric_function(max)),
    "ceil": (1, 1, _numeric_function(math.ceil)),
    "floor": (1, 1, _numeric_function(math.floor)),
    "round": (1, 1, _numeric_function(round)),
}
_ANSWER_FUNCTIONS = frozenset({"answered", "not_applicable", "count", "default"})
FUNCTION_NAMES = frozenset(_FUNCTIONS) | _ANSWER_FUNCTIONS


class _Compiler:
    """Turns a whitelisted Python expression tree into nested closures, checking names and kinds."""

    def __init__(self, known: Mapping[str, NameInfo] | None) -> None:
        self.known = known
        self.names: set[str] = set()
        self.numbers: set[float] = set()
        self.literals: set[Any] = set()

    def fail(self, node: ast.AST, message: str) -> RuleError:
        return RuleError(message, getattr(node, "col_offset", None))

    def kind_of(self, node: ast.AST) -> ValueKind | None:
        """The static kind of an expression, where it can be told without evaluating."""
        if isinstance(node, ast.Name) and self.known is not None and node.id in self.known:
            return self.known[node.id].kind
        if isinstance(node, ast.Constant):
            if isinstance(node.value, bool):
                return "bool"
            if isinstance(node.value, str):
                return "string"
            return "number"
        if isinstance(node, (ast.List, ast.Tuple)):
            return "list"
        if isinstance(node, (ast.BinOp, ast.UnaryOp)) and not isinstance(getattr(node, "op", None), ast.Not):
            return "number"
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            return "bool" if node.func.id in ("answered", "not_applicable") else "number"
        if isinstance(node, (ast.Compare, ast.BoolOp)) or (isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not)):
            return "bool"
        return None

    def compile(self, node: ast.AST) -> Evaluator:
        method = getattr(self, f"compile_{type(node).__name__}", None)
        if method is None:
            raise self.fail(node, f"'{ast.unparse(node)}' is not allowed in a rule")
        evaluator: Evaluator = method(node)
        return evaluator

    def compile_Name(self, node: ast.Name) -> Evaluator:
        name = node.id
        if name in ("true", "false"):
            constant = name == "true"
            return lambda env: constant
        if self.known is not None and name not in self.known:
            raise self.fail(node, f"unknown name '{name}'")
        self.names.add(name)
        return lambda env: env.get(name)

    def compile_Constant(self, node: ast.Constant) -> Evaluator:
        value = node.value
        if value is None or not isinstance(value, (bool, int, float, str)):
            raise self.fail(node, f"the constant {value!r} is not allowed in a rule")
        if _is_number(value):
            self.numbers.add(float(value))
        return lambda env: value

    def compile_List(self, node: ast.List | ast.Tuple) -> Evaluator:
        values = []
        for element in node.elts:
            if not isinstance(element, ast.Constant) or isinstance(element.value, bool) or element.value is None:
                raise self.fail(element, "a list in a rule may hold only numbers and text")
            self.compile_Constant(element)
            values.append(element.value)
        frozen = frozenset(values)
        return lambda env: frozen

    compile_Tuple = compile_List

    def compile_BoolOp(self, node: ast.BoolOp) -> Evaluator:
        parts = [self.compile(value) for value in node.values]
        if isinstance(node.op, ast.And):
            return lambda env: all(part(env) is True for part in parts)
        return lambda env: any(part(env) is True for part in parts)

    def compile_UnaryOp(self, node: ast.UnaryOp) -> Evaluator:
        operand = self.compile(node.operand)
        if isinstance(node.op, ast.Not):
            return lambda env: operand(env) is not True
        if isinstance(node.op, ast.USub):
            self.require_number(node.operand)
            return lambda env: -value if _is_number(value := operand(env)) else None
        raise self.fail(node, f"the operator in '{ast.unparse(node)}' is not allowed in a rule")

    def compile_BinOp(self, node: ast.BinOp) -> Evaluator:
        implementation = _ARITHMETIC.get(type(node.op))
        if implementation is None:
            raise self.fail(node, f"the operator in '{ast.unparse(node)}' is not allowed in a rule")
        self.require_number(node.left)
        self.require_number(node.right)
        left, right = self.compile(node.left), self.compile(node.right)

        def evaluate(env: Mapping[str, Any]) -> Any:
            a, b = left(env), right(env)
            if not _is_number(a) or not _is_number(b):
                return None
            return implementation(a, b)

        return evaluate

    def require_number(self, node: ast.AST) -> None:
        kind = self.kind_of(node)
        if kind is not None and kind != "number":
            raise self.fail(node, f"'{ast.unparse(node)}' is not a number, so it cannot be used in arithmetic")

    def compile_Compare(self, node: ast.Compare) -> Evaluator:
        operands = [node.left, *node.comparators]
        for op, left, right in zip(node.ops, operands, operands[1:]):
            self.check_comparison(op, left, right)
        literals = self.quoted_literals(operands)
        compiled = [_constant(literals[i]) if i in literals else self.compile(operand) for i, operand in enumerate(operands)]
        comparators = [
            _literal_ordering(op) if isinstance(op, tuple(_ORDERING)) and self.literal_side(left, right) else _comparator(op)
            for op, left, right in zip(node.ops, operands, operands[1:])
        ]
        if len(comparators) == 1:
            compare, first, second = comparators[0], compiled[0], compiled[1]
            left, right = node.left, node.comparators[0]
            if isinstance(left, ast.Name) and left.id not in ("true", "false") and isinstance(right, ast.Constant):
                name, constant = left.id, literals.get(1, right.value)
                return lambda env: compare(env.get(name), constant)
            if isinstance(left, ast.Name) and left.id not in ("true", "false") and isinstance(right, (ast.List, ast.Tuple)):
                name, values = left.id, second({})
                return lambda env: compare(env.get(name), values)
            return lambda env: compare(first(env), second(env))

        def evaluate(env: Mapping[str, Any]) -> bool:
            values = [part(env) for part in compiled]
            return all(compare(a, b) for compare, a, b in zip(comparators, values, values[1:]))

        return evaluate

    def literal_info(self, node: ast.AST) -> NameInfo | None:
        """The name's info when it is of a kind written in quotes (a date)."""
        if isinstance(node, ast.Name) and self.known is not None and node.id in self.known:
            info = self.known[node.id]
            return info if info.literal is not None else None
        return None

    def literal_side(self, left: ast.AST, right: ast.AST) -> NameInfo | None:
        return self.literal_info(left) or self.literal_info(right)

    def quoted_literals(self, operands: list[ast.expr]) -> dict[int, Any]:
        """Constants in quotes next to a name of a quoted kind, by position, turned into that kind's values."""
        found: dict[int, Any] = {}
        for index, operand in enumerate(operands):
            if not isinstance(operand, ast.Constant) or not isinstance(operand.value, str):
                continue
            neighbours = operands[max(index - 1, 0) : index] + operands[index + 1 : index + 2]
            info = next((candidate for candidate in map(self.literal_info, neighbours) if candidate is not None), None)
            if info is not None and info.literal is not None:
                found[index] = info.literal(operand.value)
                self.literals.add(found[index])
        return found

    def check_comparison(self, op: ast.cmpop, left: ast.AST, right: ast.AST) -> None:
        """Reject comparisons that can never be true because the kinds or option values do not fit."""
        if isinstance(op, (ast.Is, ast.IsNot)):
            raise self.fail(left, "'is' is not allowed in a rule; use == or answered(...)")
        left_kind, right_kind = self.kind_of(left), self.kind_of(right)
        for side, kind in ((left, left_kind), (right, right_kind)):
            if kind == "text":
                raise self.fail(side, f"'{ast.unparse(side)}' is free text; rules may only ask answered({ast.unparse(side)})")
        if self.literal_side(left, right) is not None:
            self.check_literal_comparison(op, left, right)
            return
        self.check_dont_know_like_no(op, left, right)
        if isinstance(op, tuple(_ORDERING)):
            for side, kind in ((left, left_kind), (right, right_kind)):
                if kind is not None and kind != "number":
                    raise self.fail(side, f"'{ast.unparse(side)}' is not a number, so it cannot be compared with < or >")
            return
        if isinstance(op, (ast.In, ast.NotIn)):
            if right_kind == "multi":
                self.check_option_values(right, left)
            elif right_kind == "list":
                if left_kind in ("choice", "multi"):
                    assert isinstance(right, (ast.List, ast.Tuple))
                    for element in right.elts:
                        self.check_option_values(left, element)
            elif right_kind is not None:
                raise self.fail(right, f"'{ast.unparse(right)}' is not a list or a multiple-choice answer")
            return
        for name_side, other in ((left, right), (right, left)):
            if self.kind_of(name_side) == "choice":
                self.check_option_values(name_side, other)
            if self.kind_of(name_side) == "multi":
                raise self.fail(name_side, f"use 'value' in {ast.unparse(name_side)} to test a multiple-choice answer")
        if {left_kind, right_kind} == {"number", "string"}:
            raise self.fail(left, f"'{ast.unparse(left)}' compares a number with text")

    def check_literal_comparison(self, op: ast.cmpop, left: ast.AST, right: ast.AST) -> None:
        """A name of a quoted kind (a date) compares with ==, !=, <, <=, >, >= with its own kind only."""
        info = self.literal_side(left, right)
        assert info is not None and info.literal is not None
        name_side, other = (left, right) if self.literal_info(left) is not None else (right, left)
        name = ast.unparse(name_side)
        if isinstance(op, (ast.In, ast.NotIn)):
            raise self.fail(name_side, f"'{name}' is a {info.kind}; compare it with ==, <, <=, > or >=, not with 'in'")
        if isinstance(other, ast.Constant) and isinstance(other.value, str):
            try:
                info.literal(other.value)
            except ValueError as error:
                raise self.fail(other, str(error)) from None
            return
        if self.kind_of(other) != info.kind:
            raise self.fail(other, f"'{name}' is a {info.kind}, so it can only be compared with a {info.kind}")

    def check_dont_know_like_no(self, op: ast.cmpop, left: ast.AST, right: ast.AST) -> None:
        """Make every yes/no rule treat "don't know" as "no", so not knowing never looks better."""
        if not isinstance(left, ast.Name) or self.known is None or left.id not in self.known:
            return
        if not self.known[left.id].yes_no:
            return
        if isinstance(right, ast.Constant):
            values = {right.value}
        elif isinstance(right, (ast.List, ast.Tuple)):
            values = {element.value for element in right.elts if isinstance(element, ast.Constant)}
        else:
            return
        if "no" in values and "dont_know" not in values:
            raise self.fail(
                right,
                f"write {left.id} != 'yes' (or include 'dont_know') so that \"don't know\" counts the same as \"no\"",
            )

    def check_option_values(self, name_node: ast.AST, value_node: ast.AST) -> None:
        if not isinstance(name_node, ast.Name) or self.known is None or name_node.id not in self.known:
            return
        info = self.known[name_node.id]
        if info.kind not in ("choice", "multi"):
            return
        if isinstance(value_node, ast.Constant):
            if not isinstance(value_node.value, str):
                raise self.fail(value_node, f"'{name_node.id}' is a choice; compare it with an option value in quotes")
            if value_node.value not in info.options:
                known = ", ".join(sorted(info.options))
                raise self.fail(value_node, f"'{value_node.value}' is not an option of '{name_node.id}' (options: {known})")

    def compile_Call(self, node: ast.Call) -> Evaluator:
        if not isinstance(node.func, ast.Name) or node.keywords:
            raise self.fail(node, f"'{ast.unparse(node)}' is not allowed in a rule")
        name = node.func.id
        if name in _ANSWER_FUNCTIONS:
            return self.compile_answer_function(node, name)
        if name not in _FUNCTIONS:
            allowed = ", ".join(sorted(FUNCTION_NAMES))
            raise self.fail(node, f"unknown function '{name}' (allowed: {allowed})")
        low, high, implementation = _FUNCTIONS[name]
        if not low <= len(node.args) <= high:
            raise self.fail(node, f"{name}() takes {low} to {high} arguments")
        for argument in node.args:
            self.require_number(argument)
        arguments = [self.compile(argument) for argument in node.args]
        return lambda env: implementation(*(argument(env) for argument in arguments))

    def compile_default(self, node: ast.Call) -> Evaluator:
        """default(x, n): the number x, or n when x is unanswered or not applicable."""
        if len(node.args) != 2 or not isinstance(node.args[1], ast.Constant) or not _is_number(node.args[1].value):
            raise self.fail(node, "default() takes a question or quantity and a number, like default(pets, 0)")
        self.require_number(node.args[0])
        value, fallback = self.compile(node.args[0]), node.args[1].value
        return lambda env: result if _is_number(result := value(env)) else fallback

    def compile_answer_function(self, node: ast.Call, name: str) -> Evaluator:
        if name == "default":
            return self.compile_default(node)
        if len(node.args) != 1 or not isinstance(node.args[0], ast.Name):
            raise self.fail(node, f"{name}() takes the id of one question")
        self.compile_Name(node.args[0])
        question = node.args[0].id
        if name == "answered":
            return lambda env: not _is_missing(env.get(question))
        if name == "not_applicable":
            return lambda env: env.get(question) is NOT_APPLICABLE
        if self.known is not None and self.known[question].kind != "multi":
            raise self.fail(node, f"count() needs a multiple-choice question, and '{question}' is not one")

        def count(env: Mapping[str, Any]) -> int | None:
            value = env.get(question)
            return len(value) if isinstance(value, frozenset) else None

        return count


def parse_rule(source: str, known: Mapping[str, NameInfo] | None = None, *, expect: str = "condition") -> Rule:
    """Parse a rule; with `known`, reject unknown names, impossible comparisons and the wrong result kind."""
    if not isinstance(source, str) or not source.strip():
        raise RuleError("a rule must be a non-empty text")
    if len(source) > 2000:
        raise RuleError("a rule may be at most 2000 characters long")
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as error:
        raise RuleError(f"cannot read the rule: {error.msg}", error.offset) from None
    compiler = _Compiler(known)
    evaluate = compiler.compile(tree.body)
    kind = compiler.kind_of(tree.body)
    if expect == "condition" and kind not in ("bool", None):
        raise RuleError(f"'{source}' is not a condition: it should come out true or false")
    if expect == "formula" and kind not in ("number", None):
        raise RuleError(f"'{source}' is not a formula that gives a number")
    return Rule(
        source=source,
        names=frozenset(compiler.names),
        numbers=frozenset(compiler.numbers),
        evaluate=evaluate,
        literals=frozenset(compiler.literals),
    )
