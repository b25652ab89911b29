"""A web process never loads WeasyPrint: only render processes, RQ workers and `prepcheck pdf` do."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SERVE_PAGES = """
import json, sys
from prepcheck import create_app
from prepcheck.resources import bundled_dir
from tests.support.web_journey import start
from tests.support.worst_case import stored_worst_case, worst_case_answers

app = create_app(instance_path=sys.argv[1], questionnaire_dir=bundled_dir("questionnaires"))
client = app.test_client(use_cookies=False)
statuses = {
    "healthz": client.get("/healthz").status_code,
    "question": client.get(start(client, "household")).status_code,
    "result": client.get(stored_worst_case(app) + "/your-result").status_code,
    "api": client.post(
        "/api/v1/assessments", json={"questionnaire": "household", "answers": worst_case_answers()}
    ).status_code,
}
print(json.dumps({"statuses": statuses, "weasyprint": sorted(name for name in sys.modules if "weasyprint" in name)}))
"""


def test_serving_pages_and_the_api_loads_no_weasyprint(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", SERVE_PAGES, str(tmp_path / "instance")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    served = json.loads(result.stdout.strip().splitlines()[-1])
    assert served["statuses"] == {"healthz": 200, "question": 200, "result": 200, "api": 200}
    assert served["weasyprint"] == []
