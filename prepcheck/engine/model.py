"""The questionnaire model: frozen, indexed objects built once by the loader."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from prepcheck.engine.rules import Rule

NOT_APPLICABLE_VALUE = "n/a"
"""How "not applicable" is written in an answers document (never a valid option value)."""

YES, NO, DONT_KNOW = "yes", "no", "dont_know"


class QuestionType(StrEnum):
    """The answer types a question can have."""

    SINGLE_CHOICE = "single_choice"
    MULTIPLE_CHOICE = "multiple_choice"
    YES_NO = "yes_no"
    NUMBER = "number"
    TEXT = "text"
    DATE = "date"


class Timeframe(StrEnum):
    """When an action should be done."""

    TODAY = "today"
    THIS_WEEK = "this_week"
    THIS_MONTH = "this_month"
    THIS_YEAR = "this_year"


TIMEFRAME_ORDER = {timeframe: index for index, timeframe in enumerate(Timeframe)}


class CostBand(StrEnum):
    """Roughly what an action costs; the questionnaire's audience decides the amounts shown."""

    FREE = "free"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Audience(StrEnum):
    """Who a questionnaire is for."""

    HOUSEHOLD = "household"
    BUSINESS = "business"


@dataclass(frozen=True, slots=True)
class Source:
    """A publication that advice rests on."""

    id: str
    title: str
    url: str
    publisher: str = ""


@dataclass(frozen=True, slots=True)
class Domain:
    """A scored area of preparedness, with its share of the overall score."""

    id: str
    title: str
    weight: float
    description: str = ""


@dataclass(frozen=True, slots=True)
class Level:
    """A named score band; a domain or the whole check reaches it from `min_score` up."""

    id: str
    title: str
    min_score: int
    description: str = ""


@dataclass(frozen=True, slots=True)
class Option:
    """One answer option of a choice question."""

    value: str
    label: str
    points: float | None = None
    critical: bool = False
    exclusive: bool = False
    hint: str = ""


@dataclass(frozen=True, slots=True)
class ScoreBand:
    """For number questions: the points given when `rule` holds (the first band that holds wins)."""

    rule: Rule
    points: float


@dataclass(frozen=True, slots=True)
class TextVariant:
    """Texts that replace some of an item's own when `rule` holds for the answers.

    Each text comes from the first variant that holds and gives it. An action's variant may also name the sources
    its advice rests on, which then replace the action's own.
    """

    id: str
    rule: Rule
    texts: tuple[tuple[str, str], ...]
    """(field, English text) pairs, e.g. ("text", "Have you agreed with family or friends where to meet?")."""
    sources: tuple[str, ...] | None = None

    def text(self, field: str) -> str | None:
        """The variant's text for this field, or None where it keeps the item's own."""
        return next((text for name, text in self.texts if name == field), None)


@dataclass(frozen=True, slots=True)
class Question:
    """A question, how it is answered, and what it adds to its domain's score."""

    id: str
    type: QuestionType
    text: str
    page_id: str
    hint: str = ""
    domain: str | None = None
    weight: float = 1.0
    options: tuple[Option, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    unit: str = ""
    max_length: int = 200
    optional: bool = False
    not_applicable: bool = False
    show_if: Rule | None = None
    critical_if: Rule | None = None
    score_bands: tuple[ScoreBand, ...] = ()
    max_points_override: float | None = None
    gate: str | None = None
    overall_gate: str | None = None
    sources: tuple[str, ...] = ()
    variants: tuple[TextVariant, ...] = ()

    option_points: Mapping[str, float] = field(init=False, repr=False, compare=False)
    critical_values: frozenset[str] = field(init=False, repr=False, compare=False)
    max_points: float = field(init=False, repr=False, compare=False)
    """The most points an answer to this question can earn."""
    scores_by_option: bool = field(init=False, repr=False, compare=False)
    may_cap: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Derived once here, because scoring reads them for every answer of every assessment.
        object.__setattr__(self, "option_points", MappingProxyType({o.value: o.points or 0.0 for o in self.options}))
        object.__setattr__(self, "critical_values", frozenset(o.value for o in self.options if o.critical))
        object.__setattr__(self, "max_points", self._compute_max_points())
        object.__setattr__(self, "scores_by_option", self.type in (QuestionType.SINGLE_CHOICE, QuestionType.YES_NO))
        object.__setattr__(self, "may_cap", bool(self.critical_values) or self.critical_if is not None)

    @property
    def scores(self) -> bool:
        """Whether the answer counts towards a domain score."""
        return self.domain is not None

    @property
    def option_values(self) -> frozenset[str]:
        return frozenset(self.option_points)

    def option(self, value: str) -> Option | None:
        for option in self.options:
            if option.value == value:
                return option
        return None

    def _compute_max_points(self) -> float:
        if self.type is QuestionType.NUMBER:
            return max((band.points for band in self.score_bands), default=0.0)
        if self.type is QuestionType.MULTIPLE_CHOICE:
            total = sum(option.points or 0.0 for option in self.options if not option.exclusive)
            best_exclusive = max((option.points or 0.0 for option in self.options if option.exclusive), default=0.0)
            possible = max(total, best_exclusive)
            return min(possible, self.max_points_override) if self.max_points_override is not None else possible
        return max((option.points or 0.0 for option in self.options), default=0.0)


@dataclass(frozen=True, slots=True)
class Page:
    """One page of the questionnaire: a topic with its questions."""

    id: str
    title: str
    questions: tuple[Question, ...]
    intro: str = ""
    show_if: Rule | None = None
    variants: tuple[TextVariant, ...] = ()
    has_conditional_questions: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "has_conditional_questions", any(q.show_if is not None for q in self.questions))


@dataclass(frozen=True, slots=True)
class QuantityCase:
    """A formula and unit that replace the default ones when `rule` holds."""

    rule: Rule
    formula: Rule
    unit: str


@dataclass(frozen=True, slots=True)
class Quantity:
    """An amount computed from the answers, such as litres of water or euros of cash."""

    id: str
    label: str
    unit: str
    formula: Rule
    cases: tuple[QuantityCase, ...] = ()
    rounding: str = "up"


@dataclass(frozen=True, slots=True)
class Action:
    """A piece of advice and the rule that decides whether it applies."""

    id: str
    title: str
    text: str
    why: str
    rule: Rule
    sources: tuple[str, ...]
    impact: int
    effort: int
    timeframe: Timeframe
    domain: str | None = None
    critical: bool = False
    cost: CostBand | None = None
    owner: str | None = None
    quantities: tuple[str, ...] = ()
    section: str = "plan"
    question_names: tuple[str, ...] = ()
    """The questions the rule reads directly, sorted: the answers that can trigger the action."""
    variants: tuple[TextVariant, ...] = ()


def priority_key(action: Action, index: int) -> tuple[int, int, float, int]:
    """The plan's order: soonest timeframe first, then critical, then most impact per effort, then file order.

    A step for today always comes before one for this week, so "the first three" are always the most pressing.
    """
    return (TIMEFRAME_ORDER[action.timeframe], 0 if action.critical else 1, -action.impact / action.effort, index)


@dataclass(frozen=True, slots=True)
class PlanCardRow:
    """One line of the printed fill-in plan, shown when its rule holds (always without one)."""

    id: str
    text: str
    show_if: Rule | None = None


@dataclass(frozen=True, slots=True)
class PlanCard:
    """The fill-in emergency plan printed with the plan: a title, a line of instructions and the lines to fill in."""

    title: str
    intro: str
    rows: tuple[PlanCardRow, ...]
    variants: tuple[TextVariant, ...] = ()


@dataclass(frozen=True, slots=True)
class Role:
    """Who in a business owns an action."""

    id: str
    title: str


@dataclass(frozen=True, slots=True)
class ContextVariable:
    """A value that comes from outside the answers (for example the tenant) and rules may read."""

    id: str
    kind: str
    default: Any = None
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class Questionnaire:
    """A whole questionnaire, validated and indexed."""

    id: str
    version: int
    title: str
    audience: Audience
    description: str
    domains: tuple[Domain, ...]
    levels: tuple[Level, ...]
    pages: tuple[Page, ...]
    actions: tuple[Action, ...]
    quantities: tuple[Quantity, ...]
    sources: tuple[Source, ...]
    roles: tuple[Role, ...] = ()
    context: tuple[ContextVariable, ...] = ()
    plan_card: PlanCard | None = None
    path: str = ""
    questions_by_id: Mapping[str, Question] = field(init=False, repr=False)
    pages_by_id: Mapping[str, Page] = field(init=False, repr=False)
    domains_by_id: Mapping[str, Domain] = field(init=False, repr=False)
    actions_by_id: Mapping[str, Action] = field(init=False, repr=False)
    quantities_by_id: Mapping[str, Quantity] = field(init=False, repr=False)
    sources_by_id: Mapping[str, Source] = field(init=False, repr=False)
    levels_by_id: Mapping[str, Level] = field(init=False, repr=False)
    _level_positions: Mapping[str, int] = field(init=False, repr=False)
    actions_in_priority_order: tuple[tuple[int, Action], ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        def index(items: tuple[Any, ...]) -> Mapping[str, Any]:
            return MappingProxyType({item.id: item for item in items})

        questions = tuple(question for page in self.pages for question in page.questions)
        object.__setattr__(self, "questions_by_id", index(questions))
        object.__setattr__(self, "pages_by_id", index(self.pages))
        object.__setattr__(self, "domains_by_id", index(self.domains))
        object.__setattr__(self, "actions_by_id", index(self.actions))
        object.__setattr__(self, "quantities_by_id", index(self.quantities))
        object.__setattr__(self, "sources_by_id", index(self.sources))
        object.__setattr__(self, "levels_by_id", index(self.levels))
        object.__setattr__(self, "_level_positions", MappingProxyType({lv.id: i for i, lv in enumerate(self.levels)}))
        ranked = sorted(enumerate(self.actions), key=lambda pair: priority_key(pair[1], pair[0]))
        object.__setattr__(self, "actions_in_priority_order", tuple(ranked))

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(self.questions_by_id.values())

    def level_index(self, level_id: str) -> int:
        """The position of a level, lowest first."""
        return self._level_positions[level_id]
