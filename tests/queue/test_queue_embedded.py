"""Queue mode inside a municipality's iframe: its theme and language on the status page, its logo in the job."""

from __future__ import annotations

from pathlib import Path

from redis import Redis
from rq.job import Job

from tests.queue.queue_steps import pdf_text, queue_mode_app, queued, run_jobs
from tests.support.embed_journey import EMBED, complete_all_features
from tests.support.embed_setup import write_tenant
from tests.support.web_journey import soup


def test_an_embedded_plan_waits_in_the_tenants_theme_and_carries_its_logo_to_the_worker(tmp_path: Path, redis_url: str) -> None:
    tenant = write_tenant(tmp_path / "tenants")
    app = queue_mode_app(tmp_path / "instance", redis_url, tenant_dir=tmp_path / "tenants")
    client = app.test_client(use_cookies=False)
    journey = complete_all_features(client).removesuffix("/your-result")
    assert journey.startswith(EMBED + "/")

    asked = client.get(f"{journey}/action-plan.pdf")
    assert asked.status_code == 303 and asked.location == f"{journey}/action-plan"
    waiting = client.get(f"{journey}/action-plan")
    assert waiting.status_code == 200
    page = soup(waiting)
    assert page.find("html")["lang"] == "nl"  # the tenant's language
    assert page.find("h1").get_text(strip=True) == "Je actieplan wordt gemaakt"
    assert page.find("link", href=lambda href: bool(href) and href.startswith(EMBED) and "theme" in href)
    assert "https://www.proefdorp.example" in waiting.headers["Content-Security-Policy"]
    assert page.find("a", string="Probeer het opnieuw") is None

    (job_id,) = queued(redis_url)
    assets = Job.fetch(job_id, connection=Redis.from_url(redis_url)).args[3]
    assert assets == {"tenants/proefdorp/logo.svg": (tenant / "logo.svg").read_bytes()}

    run_jobs(redis_url)
    ready = soup(client.get(f"{journey}/action-plan"))
    assert ready.find("h1").get_text(strip=True) == "Je actieplan is klaar"
    assert ready.find("a", string="Download je actieplan (pdf)")["href"] == f"{journey}/action-plan.pdf"
    pdf = client.get(f"{journey}/action-plan.pdf")
    assert pdf.status_code == 200
    assert "Gemeente Proefdorp" in pdf_text(pdf.data)
