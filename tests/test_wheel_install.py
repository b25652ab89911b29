"""A wheel installed (not editable) into a fresh virtual environment works on its own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_ANSWERS = ROOT / "tests" / "fixtures" / "answers" / "all_features_example.json"


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel built from this checkout installed into it."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(work / "dist"), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = (work / "dist").glob("prepcheck-*.whl")
    venv.create(work / "venv", with_pip=True)
    bin_dir = work / "venv" / "bin"
    # The PostgreSQL pass points every app at PostgreSQL, so its driver (a test dependency, not the app's) goes in too.
    driver = ["psycopg[binary]"] if os.environ.get("PREPCHECK_DATABASE_URL", "").startswith("postgresql") else []
    subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel), *driver], check=True, capture_output=True
    )
    return bin_dir


@pytest.mark.slow
def test_installed_validate_finds_the_questionnaires_shipped_in_the_wheel(installed: Path, tmp_path: Path) -> None:
    result = subprocess.run([str(installed / "prepcheck"), "validate"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "_bundled/questionnaires/test/all_features.yaml" in result.stdout


@pytest.mark.slow
def test_installed_assess_scores_answers(installed: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [str(installed / "prepcheck"), "assess", str(EXAMPLE_ANSWERS), "-q", "all_features", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["actions"][0]["id"] == "store_water"


@pytest.mark.slow
def test_installed_app_serves_the_landing_page_from_bundled_templates(installed: Path, tmp_path: Path) -> None:
    script = (
        "from prepcheck import create_app\n"
        f"app = create_app(instance_path={str(tmp_path / 'instance')!r})\n"
        "response = app.test_client().get('/')\n"
        "print(response.status_code, app.template_folder)\n"
    )
    result = subprocess.run([str(installed / "python"), "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    status, template_folder = result.stdout.split()
    assert status == "200"
    assert "_bundled/templates" in template_folder


@pytest.mark.slow
def test_installed_db_upgrade_runs_the_migrations_shipped_in_the_wheel(installed: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PREPCHECK_DATABASE_URL": f"sqlite:///{tmp_path / 'new.sqlite3'}"}

    def db(command: str) -> subprocess.CompletedProcess[str]:
        command_line = [str(installed / "prepcheck"), "db", command]
        return subprocess.run(command_line, cwd=tmp_path, env=env, capture_output=True, text=True)

    upgraded = db("upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    assert upgraded.stdout.startswith("migrated the database from empty to ")
    current = db("current")
    assert current.returncode == 0 and current.stdout.endswith("(at head)\n")


@pytest.mark.slow
def test_installed_package_ships_the_island_radio_stations_and_the_api_example(installed: Path, tmp_path: Path) -> None:
    script = (
        "import json\n"
        "from prepcheck.api.openapi import openapi_document\n"
        "from prepcheck.report.local_info import local_radio\n"
        "operation = openapi_document(['household'])['paths']['/api/v1/assessments']['post']\n"
        "example = operation['requestBody']['content']['application/json']['example']\n"
        "print(json.dumps([local_radio({'place': 'curacao'}), example['answers']['place']]))\n"
    )
    result = subprocess.run([str(installed / "python"), "-c", script], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == ["97.9 FM", "netherlands"]
