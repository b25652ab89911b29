"""Prints assess() throughput on a 50-question questionnaire with random answers, and load + validation times.

Run: .venv/bin/python benchmarks/assess_throughput.py [--seconds 3]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from prepcheck.engine import assess, load_questionnaire, parse_questionnaire  # noqa: E402
from prepcheck.engine.model import Questionnaire, QuestionType  # noqa: E402


def synthetic_questionnaire(questions: int = 50) -> str:
    """A questionnaire of the household's shape: numbers up front, then scored questions with show-ifs and actions."""
    lines = [
        "id: bench",
        "version: 1",
        "title: Benchmark",
        "audience: household",
        "domains:",
        *(f"  - {{id: d{d}, title: Domain {d}, weight: {d + 1}}}" for d in range(5)),
        "pages:",
        "  - id: profile",
        "    title: Profile",
        "    questions:",
        "      - {id: adults, type: number, text: 'Adults?', min: 1, max: 10}",
        "      - {id: children, type: number, text: 'Children?', min: 0, max: 10}",
        "      - {id: pets, type: number, text: 'Pets?', min: 0, max: 10}",
    ]
    actions = []
    for index in range(questions - 3):
        domain = f"d{index % 5}"
        if index % 4 == 0:
            lines += [
                f"  - id: page{index}",
                f"    title: Page {index}",
                "    questions:",
                f"      - id: q{index}",
                "        type: number",
                f"        text: Litres {index}?",
                f"        domain: {domain}",
                "        min: 0",
                "        max: 500",
                "        scoring:",
                f"          - {{if: q{index} >= water_needed, points: 2}}",
                f"          - {{if: q{index} >= water_needed / 2, points: 1}}",
            ]
            actions.append((f"a{index}", f"q{index} < water_needed"))
        elif index % 4 == 1:
            lines += [
                f"  - id: page{index}",
                f"    title: Page {index}",
                "    show_if: children >= 1" if index % 8 == 1 else "    show_if: adults + children >= 1",
                "    questions:",
                f"      - {{id: q{index}, type: yes_no, text: 'Yes or no {index}?', domain: {domain}, critical: [no]}}",
            ]
            actions.append((f"a{index}", f"q{index} != 'yes'"))
        elif index % 4 == 2:
            lines += [
                f"  - id: page{index}",
                f"    title: Page {index}",
                "    questions:",
                f"      - id: q{index}",
                "        type: single_choice",
                f"        text: Choose {index}",
                f"        domain: {domain}",
                "        not_applicable: true",
                "        options:",
                "          - {value: good, label: Good, points: 2}",
                "          - {value: fair, label: Fair, points: 1}",
                "          - {value: poor, label: Poor, points: 0}",
            ]
            actions.append((f"a{index}", f"q{index} in ['fair', 'poor']"))
        else:
            lines += [
                f"  - id: page{index}",
                f"    title: Page {index}",
                "    questions:",
                f"      - id: q{index}",
                "        type: multiple_choice",
                f"        text: Pick {index}",
                f"        domain: {domain}",
                "        max_points: 2",
                "        options:",
                "          - {value: one, label: One, points: 1}",
                "          - {value: two, label: Two, points: 1}",
                "          - {value: three, label: Three, points: 1}",
                "          - {value: none, label: None of these, points: 0, exclusive: true}",
            ]
            actions.append((f"a{index}", f"count(q{index}) < 2"))
    lines += [
        "quantities:",
        "  - {id: water_needed, label: Water, unit: litres, formula: '3 * (adults + children) * 3 + 0.5 * pets * 3'}",
        "  - {id: cash, label: Cash, unit: EUR, formula: '70 * adults + 30 * children'}",
        "actions:",
    ]
    for action_id, rule in actions:
        lines += [
            f"  - id: {action_id}",
            f"    title: Do {action_id}",
            "    text: Do it.",
            "    why: It helps.",
            f'    if: "{rule}"',
            f"    impact: {len(action_id) % 5 + 1}",
            "    effort: 2",
            "    timeframe: this_month",
            "    quantities: [water_needed]",
            "    sources: [S1]",
        ]
    lines += ["sources:", "  - {id: S1, title: Source, url: https://example.org}"]
    return "\n".join(lines) + "\n"


def random_answers(questionnaire: Questionnaire, generator: random.Random) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for question in questionnaire.questions:
        if question.type is QuestionType.NUMBER:
            answers[question.id] = generator.randint(question.minimum or 0, question.maximum or 10)
        elif question.type is QuestionType.MULTIPLE_CHOICE:
            plain = [o.value for o in question.options if not o.exclusive]
            answers[question.id] = generator.sample(plain, generator.randint(1, len(plain)))
        elif question.options:
            choices = [o.value for o in question.options] + (["n/a"] if question.not_applicable else [])
            answers[question.id] = generator.choice(choices)
    return answers


def throughput(questionnaire: Questionnaire, seconds: float) -> tuple[float, int]:
    generator = random.Random(42)
    answer_sets = [random_answers(questionnaire, generator) for _ in range(500)]
    for answers in answer_sets[:50]:
        assess(questionnaire, answers)
    count = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        assess(questionnaire, answer_sets[count % len(answer_sets)])
        count += 1
    elapsed = time.perf_counter() - start
    return count / elapsed, count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()

    text = synthetic_questionnaire()
    start = time.perf_counter()
    bench = parse_questionnaire(text, "bench.yaml")
    load_ms = (time.perf_counter() - start) * 1000
    rate, count = throughput(bench, args.seconds)
    print(f"synthetic questionnaire: {len(bench.questions)} questions, {len(bench.actions)} actions")
    print(f"  load + validation: {load_ms:.0f} ms")
    print(f"  assess(): {rate:,.0f} assessments/s on one core ({count} in {args.seconds:g} s; target >= 5,000)")
    for path in sorted((ROOT / "questionnaires").glob("*.yaml")):
        start = time.perf_counter()
        questionnaire = load_questionnaire(path)
        load_ms = (time.perf_counter() - start) * 1000
        rate, _ = throughput(questionnaire, args.seconds)
        print(f"{path.name}: {len(questionnaire.questions)} questions, {len(questionnaire.actions)} actions")
        print(f"  load + validation: {load_ms:.0f} ms")
        print(f"  assess(): {rate:,.0f} assessments/s on one core")


if __name__ == "__main__":
    main()
