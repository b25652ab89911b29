"""Prints how many questions six typical households are shown by the household check, for one or more versions of
the questionnaire file side by side (the households are in tests/support/typical_households.py).

Run: .venv/bin/python benchmarks/household_length.py [FILE ...]
     (default: questionnaires/household.yaml; to compare with main:
      git show main:questionnaires/household.yaml > /tmp/household-main.yaml, then pass both files)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from prepcheck.engine import load_questionnaire  # noqa: E402
from tests.support.typical_households import TYPICAL_HOUSEHOLDS, questions_seen  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path, default=[ROOT / "questionnaires" / "household.yaml"])
    args = parser.parse_args()
    questionnaires = [load_questionnaire(path) for path in args.files]
    width = max(len(name) for name in TYPICAL_HOUSEHOLDS)
    print(f"{'household':<{width}}  " + "  ".join(f"{path.name:>20}" for path in args.files))
    totals = [0] * len(questionnaires)
    for name, answers in TYPICAL_HOUSEHOLDS.items():
        counts = [questions_seen(questionnaire, answers) for questionnaire in questionnaires]
        totals = [total + count for total, count in zip(totals, counts, strict=True)]
        print(f"{name:<{width}}  " + "  ".join(f"{count:>20}" for count in counts))
    mean = "  ".join(f"{total / len(TYPICAL_HOUSEHOLDS):>20.1f}" for total in totals)
    print(f"{'mean':<{width}}  {mean}")


if __name__ == "__main__":
    main()
