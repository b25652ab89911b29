"""The command line: prepcheck validate | schema | assess | serve."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from prepcheck.config import SUPPORTED_LOCALES, StartupError, settings_from_env
from prepcheck.engine import Context, InvalidAnswers, QuestionnaireError, assess, load_questionnaire, validate_paths
from prepcheck.engine.schema import QUESTIONNAIRE_SCHEMA
from prepcheck.i18n.catalog import translator_for
from prepcheck.resources import bundled_dir
from prepcheck.store.commands import db
from prepcheck.views.documents import to_json
from prepcheck.views.present import AssessmentPresenter
from prepcheck.views.text import render_text

EXIT_BAD_INPUT = 2


@click.group()
@click.version_option(package_name="prepcheck")
def main() -> None:
    """prepcheck: a preparedness self-assessment for households and businesses."""


def _is_tenant_path(path: Path) -> bool:
    """A tenant.yaml, a tenant folder, or a folder of tenant folders."""
    from prepcheck.tenants import TENANT_FILE

    if path.name == TENANT_FILE or (path / TENANT_FILE).is_file():
        return True
    return path.is_dir() and any((child / TENANT_FILE).is_file() for child in path.iterdir() if child.is_dir())


def _default_tenant_paths() -> list[Path]:
    """The configured tenant folder (if it exists) and, where the app serves them, the shipped examples."""
    from flask import Flask

    from prepcheck.tenants import EXAMPLES_DIR, default_tenant_dir

    settings = settings_from_env()
    instance = settings.instance_path or Path(Flask("prepcheck").instance_path)
    tenant_dir = settings.tenant_dir or default_tenant_dir(instance)
    return [path for path in (tenant_dir, EXAMPLES_DIR if settings.serves_example_tenants else None) if path and path.is_dir()]


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def validate(paths: tuple[Path, ...]) -> None:
    """Check questionnaires and tenants (default: the bundled questionnaires, the tenant folder, the examples)."""
    from prepcheck.engine.questionnaires import QuestionnaireRegistry
    from prepcheck.tenants import validate_tenants
    from prepcheck.tenants.__main__ import summary

    targets = list(paths) or [bundled_dir("questionnaires"), *_default_tenant_paths()]
    missing = [path for path in targets if not path.exists()]
    for path in missing:
        click.echo(f"{path}: no such file or folder", err=True)
    present = [path for path in targets if path.exists()]
    tenant_paths = [path for path in present if _is_tenant_path(path)]
    questionnaire_paths = [path for path in present if path not in tenant_paths]
    loaded, errors = validate_paths(questionnaire_paths) if questionnaire_paths else ([], [])
    for questionnaire in loaded:
        click.echo(
            f"ok  {questionnaire.path} ({questionnaire.id} v{questionnaire.version}, {len(questionnaire.questions)} questions)"
        )
    if tenant_paths:
        known = set(QuestionnaireRegistry.from_folder(settings_from_env().questionnaire_dir)) | {q.id for q in loaded}
        tenants, tenant_errors = validate_tenants(tenant_paths, known)
        errors = [*errors, *tenant_errors]
        for tenant in tenants:
            click.echo(summary(tenant))
    for error in errors:
        click.echo(str(error), err=True)
    if errors or missing:
        click.echo(f"{len(errors) + len(missing)} error(s)", err=True)
        sys.exit(1)


@main.command("tenant-token")
def tenant_token() -> None:
    """Make a new admin token for a tenant's statistics page and print it with the line for tenant.yaml."""
    from prepcheck.tenants.__main__ import token_text

    click.echo(token_text(), nl=False)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the questionnaire format (for editors such as VS Code)."""
    click.echo(json.dumps(QUESTIONNAIRE_SCHEMA, indent=2))


def _resolve_questionnaire(identifier: str) -> Path:
    """A questionnaire id (bundled, including test/) or a path to a YAML file."""
    candidate = Path(identifier)
    if candidate.suffix in (".yaml", ".yml"):
        return candidate
    folder = bundled_dir("questionnaires")
    for path in (folder / f"{identifier}.yaml", folder / "test" / f"{identifier}.yaml"):
        if path.is_file():
            return path
    raise click.BadParameter(f"no questionnaire with the id '{identifier}'", param_hint="--questionnaire")


def _read_answers(source: str) -> Any:
    text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    return json.loads(text)


def _load_for_command(questionnaire_id: str, answers_file: str, lang: str) -> tuple[Any, Any]:
    """Load the questionnaire and assess the answers; on any problem, print it and exit 2."""
    try:
        questionnaire = load_questionnaire(_resolve_questionnaire(questionnaire_id))
    except click.BadParameter as error:
        click.echo(f"Error: {error.format_message()}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except QuestionnaireError as error:
        click.echo(str(error), err=True)
        sys.exit(EXIT_BAD_INPUT)
    try:
        answers = _read_answers(answers_file)
    except (OSError, UnicodeDecodeError) as error:
        click.echo(f"Error: cannot read {answers_file}: {error}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except json.JSONDecodeError as error:
        click.echo(f"Error: {answers_file} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})", err=True)
        sys.exit(EXIT_BAD_INPUT)
    try:
        assessment = assess(questionnaire, answers, Context(locale=lang))
    except InvalidAnswers as error:
        click.echo(f"The answers do not fit questionnaire '{questionnaire.id}' ({len(error.problems)} problem(s)):", err=True)
        for problem in error.problems:
            click.echo(f"  - {problem.message}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    return questionnaire, assessment


@main.command("assess")
@click.argument("answers_file", metavar="ANSWERS.json")
@click.option("--questionnaire", "-q", "questionnaire_id", required=True, help="Questionnaire id or YAML path.")
@click.option("--lang", type=click.Choice(SUPPORTED_LOCALES), default="en", show_default=True)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
def assess_command(answers_file: str, questionnaire_id: str, lang: str, output_format: str) -> None:
    """Score the answers in ANSWERS.json ('-' for standard input) and print the assessment."""
    questionnaire, assessment = _load_for_command(questionnaire_id, answers_file, lang)
    view = AssessmentPresenter(questionnaire, lang).present(assessment)
    if output_format == "json":
        click.echo(json.dumps(to_json(view), indent=2, ensure_ascii=False))
    else:
        click.echo(render_text(view, translator_for(lang)), nl=False)


@main.command("pdf")
@click.argument("answers_file", metavar="ANSWERS.json")
@click.option("--questionnaire", "-q", "questionnaire_id", required=True, help="Questionnaire id or YAML path.")
@click.option("--lang", type=click.Choice(SUPPORTED_LOCALES), default="en", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=Path("plan.pdf"), show_default=True)
def pdf_command(answers_file: str, questionnaire_id: str, lang: str, output: Path) -> None:
    """Render the personal action plan for the answers in ANSWERS.json as a PDF."""
    from prepcheck.engine.recheck_code import assessment_code
    from prepcheck.report.service import PlanService
    from prepcheck.services import SiteAddress

    questionnaire, assessment = _load_for_command(questionnaire_id, answers_file, lang)
    service = PlanService()
    # The links need the site's address: only with PREPCHECK_PUBLIC_URL set does the PDF carry them.
    public_url = settings_from_env().public_url
    link = sources = None
    if public_url:
        site = SiteAddress(public_url)
        link = site.recheck_link(lang, questionnaire.id, assessment_code(assessment))
        sources = site.sources_link(lang, questionnaire.id)
    plan = service.request_for(questionnaire, assessment, lang, recheck_url=link, sources_url=sources)
    pdf = service.pdf(questionnaire, plan)
    output.write_bytes(pdf)
    click.echo(f"wrote {output} ({len(pdf) // 1024} KB)")


@main.command()
def purge() -> None:
    """Delete the answers of every response not changed within the retention period."""
    from prepcheck import create_app
    from prepcheck.services import services_of

    try:
        app = create_app()
    except StartupError as error:
        raise click.ClickException(str(error)) from None
    wiped = services_of(app).responses.expire()
    click.echo(f"purged {wiped} expired response(s)")


@main.command()
@click.option("--host", default=None, help="Address to listen on (default 127.0.0.1).")
@click.option("--port", default=None, type=int, help="Port to listen on (default 8000).")
def serve(host: str | None, port: int | None) -> None:
    """Start the web app with the embedded defaults (waitress, SQLite)."""
    from waitress import serve as waitress_serve

    from prepcheck import create_app

    settings = settings_from_env()
    try:
        app = create_app()
    except StartupError as error:
        raise click.ClickException(str(error)) from None
    bind_host, bind_port = host or settings.host, port or settings.port
    click.echo(f"prepcheck is running on http://{bind_host}:{bind_port}/ (stop with Ctrl+C)")
    waitress_serve(app, host=bind_host, port=bind_port, threads=8, ident="prepcheck")


@main.command()
@click.option("--burst", is_flag=True, help="Stop once the queue is empty (for tests and one-off runs).")
def worker(burst: bool) -> None:
    """Start an RQ worker that renders action plans for the web processes (needs PREPCHECK_REDIS_URL)."""
    from prepcheck.report.rq_worker import WorkerUnavailable, run_worker

    redis_url = settings_from_env().redis_url
    if not redis_url:
        click.echo("Error: PREPCHECK_REDIS_URL is not set; set it to the Redis that the web processes use.", err=True)
        sys.exit(EXIT_BAD_INPUT)
    try:
        run_worker(redis_url, burst=burst)
    except WorkerUnavailable as error:
        click.echo(f"Error: {error}", err=True)
        sys.exit(EXIT_BAD_INPUT)


main.add_command(db)

if __name__ == "__main__":
    main()
