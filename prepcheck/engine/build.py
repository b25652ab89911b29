"""The meaning layer of loading: ids, references, rules, scoring sanity; builds the frozen model."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from prepcheck.engine.answer_types import TYPE_KEYS, AnswerType, answer_type
from prepcheck.engine.model import (
    Action,
    Audience,
    ContextVariable,
    CostBand,
    Domain,
    Level,
    Page,
    Quantity,
    QuantityCase,
    Question,
    Questionnaire,
    QuestionType,
    Role,
    ScoreBand,
    Source,
    Timeframe,
)
from prepcheck.engine.plan_card import read_plan_card
from prepcheck.engine.reachability import unreachable_actions, unreachable_pages, unreachable_questions
from prepcheck.engine.rules import NameInfo, Rule, RuleError, parse_rule
from prepcheck.engine.variants import read_variants
from prepcheck.engine.yaml_source import LineDict, format_path, line_of

DEFAULT_LEVELS = (
    Level("vulnerable", "Vulnerable", 0, "Important basics are missing."),
    Level("on_the_way", "On the way", 50, "Some basics are in place; a few steps make a big difference."),
    Level("well_prepared", "Well prepared", 80, "The basics are in place; keep them up to date."),
)

KeyPath = Sequence[str | int]


class QuestionnaireBuilder:
    """Checks the meaning of a structurally valid document and builds the model, collecting every error."""

    def __init__(self, document: LineDict, filename: str) -> None:
        self.document = document
        self.filename = filename
        self.errors: list[tuple[int, str, str]] = []
        self.known: dict[str, NameInfo] = {}
        self.name_paths: dict[str, KeyPath] = {}
        self.question_page_index: dict[str, int] = {}

    def error(self, path: KeyPath, message: str) -> None:
        self.errors.append((line_of(self.document, path), format_path(path), message))

    def rule(self, text: str, path: KeyPath, known: dict[str, NameInfo], expect: str = "condition") -> Rule | None:
        try:
            return parse_rule(text, known, expect=expect)
        except RuleError as error:
            self.error(path, f"rule {text!r}: {error.message}")
            return None

    def unique_ids(
        self, items: Sequence[Any], path: KeyPath, id_key: str = "id", namespace: dict[str, KeyPath] | None = None
    ) -> None:
        seen: dict[str, KeyPath] = {} if namespace is None else namespace
        for index, item in enumerate(items):
            item_id = item[id_key]
            item_path = [*path, index, id_key]
            if item_id in seen:
                first = line_of(self.document, seen[item_id])
                self.error(item_path, f"duplicate id '{item_id}' (first defined at line {first})")
            else:
                seen[item_id] = item_path

    def build(self, *, search_reachability: bool = True) -> Questionnaire | None:
        doc = self.document
        self.unique_ids(doc["domains"], ["domains"])
        self.unique_ids(doc["sources"], ["sources"])
        self.unique_ids(doc["actions"], ["actions"])
        self.unique_ids(doc.get("roles", []), ["roles"])
        self.unique_ids(doc["pages"], ["pages"])
        levels = self.build_levels()
        context = self.build_context()
        self.collect_names()
        domains = tuple(Domain(d["id"], d["title"], float(d["weight"]), d.get("description", "")) for d in doc["domains"])
        domain_ids = {domain.id for domain in domains}
        level_ids = {level.id for level in levels}
        pages = tuple(self.build_page(index, page, domain_ids, level_ids, levels) for index, page in enumerate(doc["pages"]))
        self.check_domains_scored(domains, pages)
        quantities = self.build_quantities()
        roles = tuple(Role(r["id"], r["title"]) for r in doc.get("roles", []))
        sources = tuple(Source(s["id"], s["title"], s["url"], s.get("publisher", "")) for s in doc["sources"])
        actions = self.build_actions(domain_ids, {r.id for r in roles}, {q.id for q in quantities}, {s.id for s in sources})
        self.check_sources_used(sources, pages)
        plan_card = read_plan_card(self.document.get("plan_card"), lambda text, at: self.rule(text, at, self.known), self)
        if self.errors:
            return None
        questionnaire = Questionnaire(
            id=doc["id"],
            version=doc["version"],
            title=doc["title"],
            audience=Audience(doc["audience"]),
            description=doc.get("description", ""),
            domains=domains,
            levels=levels,
            pages=pages,
            actions=actions,
            quantities=quantities,
            sources=sources,
            roles=roles,
            context=context,
            plan_card=plan_card,
            path=self.filename,
        )
        if search_reachability:
            self.check_reachability(questionnaire)
        return questionnaire

    def build_levels(self) -> tuple[Level, ...]:
        raw = self.document.get("levels")
        if raw is None:
            return DEFAULT_LEVELS
        self.unique_ids(raw, ["levels"])
        levels = tuple(Level(r["id"], r["title"], r["min_score"], r.get("description", "")) for r in raw)
        if levels[0].min_score != 0:
            self.error(["levels", 0, "min_score"], "the first level must start at 0")
        for index in range(1, len(levels)):
            if levels[index].min_score <= levels[index - 1].min_score:
                self.error(["levels", index, "min_score"], "each level must start higher than the one before it")
        return levels

    def build_context(self) -> tuple[ContextVariable, ...]:
        variables = []
        for index, raw in enumerate(self.document.get("context", [])):
            options = tuple(raw.get("options", ()))
            if raw["type"] == "single_choice" and raw["default"] not in options:
                self.error(["context", index, "default"], "the default must be one of the options")
            if raw["type"] == "number" and not isinstance(raw["default"], int):
                self.error(["context", index, "default"], "the default must be a whole number")
            variables.append(ContextVariable(raw["id"], raw["type"], raw["default"], options))
        return tuple(variables)

    def collect_names(self) -> None:
        """Every name a rule may use: questions, quantities and context values share one namespace."""
        namespace: dict[str, KeyPath] = {}
        for index, raw in enumerate(self.document.get("context", [])):
            if raw["id"] in namespace:
                self.error(["context", index, "id"], f"duplicate id '{raw['id']}'")
            namespace[raw["id"]] = ["context", index, "id"]
            kind = "number" if raw["type"] == "number" else "choice"
            self.known[raw["id"]] = NameInfo(kind, frozenset(raw.get("options", ())))  # type: ignore[arg-type]
        for page_index, page in enumerate(self.document["pages"]):
            for question_index, raw in enumerate(page["questions"]):
                path: list[str | int] = ["pages", page_index, "questions", question_index]
                if raw["id"] in namespace:
                    first = line_of(self.document, namespace[raw["id"]])
                    self.error([*path, "id"], f"duplicate id '{raw['id']}' (first defined at line {first})")
                    continue
                namespace[raw["id"]] = [*path, "id"]
                self.known[raw["id"]] = self.name_info(raw)
                self.question_page_index[raw["id"]] = page_index
        for index, raw in enumerate(self.document.get("quantities", [])):
            if raw["id"] in namespace:
                first = line_of(self.document, namespace[raw["id"]])
                self.error(["quantities", index, "id"], f"duplicate id '{raw['id']}' (first defined at line {first})")
                continue
            namespace[raw["id"]] = ["quantities", index, "id"]
            self.known[raw["id"]] = NameInfo("number")
        self.name_paths = namespace

    @staticmethod
    def name_info(raw: dict[str, Any]) -> NameInfo:
        return answer_type(QuestionType(raw["type"])).name_info(raw)

    def earlier_names(self, page_index: int) -> dict[str, NameInfo]:
        """Names a show-if rule on this page may use: context values and questions on earlier pages."""
        context_ids = {raw["id"] for raw in self.document.get("context", [])}
        return {
            name: info
            for name, info in self.known.items()
            if name in context_ids or self.question_page_index.get(name, page_index) < page_index
        }

    def build_page(
        self, index: int, raw: dict[str, Any], domain_ids: set[str], level_ids: set[str], levels: tuple[Level, ...]
    ) -> Page:
        path: list[str | int] = ["pages", index]
        earlier = self.earlier_names(index)
        show_if = self.show_if_rule(raw.get("show_if"), [*path, "show_if"], earlier)
        questions = tuple(
            self.build_question(raw["id"], [*path, "questions", q_index], q_raw, earlier, domain_ids, level_ids, levels)
            for q_index, q_raw in enumerate(raw["questions"])
        )
        variants = read_variants("page", raw, path, lambda text, at: self.show_if_rule(text, at, earlier, "a variant"), self)
        return Page(raw["id"], raw["title"], questions, raw.get("intro", ""), show_if, variants)

    def show_if_rule(
        self, text: str | None, path: KeyPath, earlier: dict[str, NameInfo], what: str = "a show-if rule"
    ) -> Rule | None:
        if text is None:
            return None
        later = {name for name in self.known if name not in earlier}
        try:
            return parse_rule(text, earlier)
        except RuleError as error:
            message = error.message
            for name in later:
                if f"unknown name '{name}'" == message:
                    message = f"'{name}' is not asked on an earlier page, so {what} here cannot use it"
            self.error(path, f"rule {text!r}: {message}")
            return None

    def build_question(
        self,
        page_id: str,
        path: list[str | int],
        raw: dict[str, Any],
        earlier: dict[str, NameInfo],
        domain_ids: set[str],
        level_ids: set[str],
        levels: tuple[Level, ...],
    ) -> Question:
        question_type = QuestionType(raw["type"])
        kind = answer_type(question_type)
        domain = raw.get("domain")
        if domain is not None and domain not in domain_ids:
            self.error([*path, "domain"], f"unknown domain '{domain}'")
        options = kind.build_options(raw, path, self, scores=domain is not None)
        self.check_type_keys(kind, path, raw)
        kind.check(raw, path, self)
        score_bands = tuple(
            ScoreBand(rule, float(band["points"]))
            for b_index, band in enumerate(raw.get("scoring", []))
            if (rule := self.rule(band["if"], [*path, "scoring", b_index, "if"], self.known)) is not None
        )
        if domain is not None and not kind.can_score:
            self.error([*path, "domain"], f"a {question_type.value} question cannot score")
        for key in ("gate", "overall_gate"):
            gate = raw.get(key)
            if gate is None:
                continue
            if gate not in level_ids:
                self.error([*path, key], f"unknown level '{gate}'")
            elif gate == levels[0].id:
                self.error([*path, key], "a gate on the lowest level would never hold anything back")
            if domain is None:
                self.error([*path, key], "only a question with a domain can gate a level")
        if raw.get("critical_if") is not None and domain is None:
            self.error([*path, "critical_if"], "only a question with a domain can cap it")
        return Question(
            id=raw["id"],
            type=question_type,
            text=raw["text"],
            page_id=page_id,
            hint=raw.get("hint", ""),
            domain=domain,
            weight=float(raw.get("weight", 1.0)),
            options=options,
            minimum=raw.get("min"),
            maximum=raw.get("max"),
            unit=raw.get("unit", ""),
            max_length=raw.get("max_length", 200),
            optional=raw.get("optional", False),
            not_applicable=raw.get("not_applicable", False),
            show_if=self.show_if_rule(raw.get("show_if"), [*path, "show_if"], earlier),
            critical_if=self.rule(raw["critical_if"], [*path, "critical_if"], self.known) if "critical_if" in raw else None,
            score_bands=score_bands,
            max_points_override=raw.get("max_points"),
            gate=raw.get("gate"),
            overall_gate=raw.get("overall_gate"),
            sources=tuple(raw.get("sources", ())),
            variants=read_variants(
                "question", raw, path, lambda text, at: self.show_if_rule(text, at, earlier, "a variant"), self
            ),
        )

    def check_type_keys(self, kind: AnswerType, path: list[str | int], raw: dict[str, Any]) -> None:
        """Keys that only make sense for some answer types, on a question of another type."""
        for key in raw:
            if key in TYPE_KEYS and key not in kind.keys:
                self.error([*path, key], f"'{key}' does not apply to a {kind.question_type.value} question")

    def check_domains_scored(self, domains: tuple[Domain, ...], pages: tuple[Page, ...]) -> None:
        scored = {question.domain for page in pages for question in page.questions}
        for index, domain in enumerate(domains):
            if domain.id not in scored:
                self.error(["domains", index, "id"], f"no question scores domain '{domain.id}'")

    def build_quantities(self) -> tuple[Quantity, ...]:
        quantities = []
        quantity_ids = {raw["id"] for raw in self.document.get("quantities", [])}
        # A formula may use answers, context values and the quantities defined above it.
        available = {name: info for name, info in self.known.items() if name not in quantity_ids}
        for index, raw in enumerate(self.document.get("quantities", [])):
            path: list[str | int] = ["quantities", index]
            formula = self.rule(raw["formula"], [*path, "formula"], available, expect="formula")
            cases = []
            for c_index, case in enumerate(raw.get("cases", [])):
                case_rule = self.rule(case["if"], [*path, "cases", c_index, "if"], available)
                case_formula = self.rule(case["formula"], [*path, "cases", c_index, "formula"], available, expect="formula")
                if case_rule is not None and case_formula is not None:
                    cases.append(QuantityCase(case_rule, case_formula, case.get("unit", raw["unit"])))
            if formula is not None:
                quantities.append(
                    Quantity(raw["id"], raw["label"], raw["unit"], formula, tuple(cases), raw.get("rounding", "up"))
                )
            available[raw["id"]] = NameInfo("number")
        return tuple(quantities)

    def build_actions(
        self, domain_ids: set[str], role_ids: set[str], quantity_ids: set[str], source_ids: set[str]
    ) -> tuple[Action, ...]:
        actions = []
        business = self.document["audience"] == Audience.BUSINESS.value
        for index, raw in enumerate(self.document["actions"]):
            path: list[str | int] = ["actions", index]
            rule = self.rule(raw["if"], [*path, "if"], self.known)
            if raw.get("domain") is not None and raw["domain"] not in domain_ids:
                self.error([*path, "domain"], f"unknown domain '{raw['domain']}'")
            owner = raw.get("owner")
            if owner is not None and owner not in role_ids:
                self.error([*path, "owner"], f"unknown role '{owner}' (add it under roles)")
            if business and owner is None:
                self.error([*path, "owner"], "every action in a business questionnaire needs an owner role")
            for q_index, quantity in enumerate(raw.get("quantities", [])):
                if quantity not in quantity_ids:
                    self.error([*path, "quantities", q_index], f"unknown quantity '{quantity}'")
            for s_index, source in enumerate(raw["sources"]):
                if source not in source_ids:
                    self.error([*path, "sources", s_index], f"unknown source '{source}'")
            variants = read_variants("action", raw, path, lambda text, at: self.rule(text, at, self.known), self, source_ids)
            if rule is None:
                continue
            actions.append(
                Action(
                    id=raw["id"],
                    title=raw["title"],
                    text=raw["text"],
                    why=raw["why"],
                    rule=rule,
                    sources=tuple(raw["sources"]),
                    impact=raw["impact"],
                    effort=raw["effort"],
                    timeframe=Timeframe(raw["timeframe"]),
                    domain=raw.get("domain"),
                    critical=raw.get("critical", False),
                    cost=CostBand(raw["cost"]) if "cost" in raw else None,
                    owner=owner,
                    quantities=tuple(raw.get("quantities", ())),
                    section=raw.get("section", "plan"),
                    question_names=tuple(sorted(name for name in rule.names if name in self.question_page_index)),
                    variants=variants,
                )
            )
        return tuple(actions)

    def check_sources_used(self, sources: tuple[Source, ...], pages: tuple[Page, ...]) -> None:
        source_ids = {source.id for source in sources}
        for p_index, page in enumerate(pages):
            for q_index, question in enumerate(page.questions):
                for s_index, source_id in enumerate(question.sources):
                    if source_id not in source_ids:
                        self.error(["pages", p_index, "questions", q_index, "sources", s_index], f"unknown source '{source_id}'")
        # Counted from the file, so an action dropped for a bad rule does not make its sources look unused.
        cited = {cited_id for raw in self.document["actions"] for cited_id in raw["sources"]} | {
            cited_id for page in pages for question in page.questions for cited_id in question.sources
        }
        cited |= {
            cited_id
            for raw in self.document["actions"]
            for variant in raw.get("variants", [])
            for cited_id in variant.get("sources", [])
        }
        for index, source in enumerate(sources):
            if source.id not in cited:
                self.error(["sources", index, "id"], f"source '{source.id}' is never cited")

    def check_reachability(self, questionnaire: Questionnaire) -> None:
        unreachable_page_ids = set(unreachable_pages(questionnaire))
        unreachable_question_ids = set(unreachable_questions(questionnaire))
        for p_index, page in enumerate(questionnaire.pages):
            if page.id in unreachable_page_ids:
                self.error(["pages", p_index, "show_if"], f"page '{page.id}' can never be shown by any answers")
                continue
            for q_index, question in enumerate(page.questions):
                if question.id in unreachable_question_ids:
                    question_path: list[str | int] = ["pages", p_index, "questions", q_index, "show_if"]
                    self.error(question_path, f"question '{question.id}' can never be shown by any answers")
        action_index = {action.id: index for index, action in enumerate(questionnaire.actions)}
        for action_id in unreachable_actions(questionnaire):
            self.error(["actions", action_index[action_id], "if"], f"action '{action_id}' can never apply, whatever is answered")
