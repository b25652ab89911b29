"""The embedded check in Chromium with third-party cookies blocked: host page on 127.0.0.1, prepcheck on localhost.

Two different sites, so the iframe is a third-party context: the journey, the result and the PDF must all work
inside it, the resize messages must arrive and set the frame's height, and a site that is not allowed gets no frame.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response

from prepcheck import create_app
from prepcheck.web.embed import snippet_html, sri_hash
from tests.support.browser_journey import fill_and_continue
from tests.support.embed_journey import ALL_FEATURES_PAGES
from tests.support.embed_setup import TENANT_YAML, write_tenant
from tests.support.paths import TEST_QUESTIONNAIRES

HOST_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Gemeente Proefdorp: be prepared</title>
<script>
  window.prepcheckMessages = [];
  window.addEventListener("message", function (event) {{
    window.prepcheckMessages.push({{origin: event.origin, data: event.data}});
  }});
</script></head>
<body><h1>Be prepared</h1><p style="height: 300px">The municipality's own text above the check.</p>
{snippet}
<p>Text below the check.</p></body></html>"""


# The session's browser fixture (tests/browser/conftest.py) has already found chromium, or skipped or failed.
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
BLOCK_THIRD_PARTY_COOKIES = ["--test-third-party-cookie-phaseout", "--block-third-party-cookies"]


class LiveServer:
    """A WSGI app served by werkzeug on 127.0.0.1 in a background thread."""

    def __init__(self, app: Any) -> None:
        self._server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self._server.shutdown()


class HostSite:
    """A municipality's page that embeds prepcheck, served on 127.0.0.1 in a background thread."""

    def __init__(self) -> None:
        self.html = ""
        self._server = make_server("127.0.0.1", 0, self._app, threaded=True)
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()

    def _app(self, environ: dict[str, Any], start_response: Any) -> Any:
        Request(environ)
        return Response(self.html, mimetype="text/html")(environ, start_response)

    def stop(self) -> None:
        self._server.shutdown()


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[HostSite, HostSite, str]]:
    """The allowed host, a host that is not allowed, and prepcheck's address on localhost."""
    allowed, other = HostSite(), HostSite()
    folder = tmp_path_factory.mktemp("embed-tenants")
    from prepcheck.tenants import hash_admin_token

    text = TENANT_YAML.replace("http://127.0.0.1:8123", allowed.url).replace("{hash}", hash_admin_token("x" * 40))
    write_tenant(folder, text=text)
    app = create_app(
        instance_path=tmp_path_factory.mktemp("embed-instance"),
        questionnaire_dir=TEST_QUESTIONNAIRES,
        tenant_dir=folder,
        include_example_tenants=False,
    )
    server = LiveServer(app)
    prepcheck = server.url.replace("127.0.0.1", "localhost")
    iframe_url = f"{prepcheck}/embed/proefdorp/h2/en/"
    snippet = snippet_html(
        "Preparedness check of Gemeente Proefdorp",
        iframe_url,
        "Open the check in a new window",
        f"{prepcheck}/embed-resize-1.js",
        sri_hash("resize"),
    )
    allowed.html = other.html = HOST_PAGE.format(snippet=snippet)
    yield allowed, other, prepcheck
    server.stop()
    allowed.stop()
    other.stop()


@pytest.fixture(scope="module")
def cookieless_browser(browser: Any) -> Iterator[Any]:
    """Chromium with third-party cookies blocked (as in incognito, and by default in Safari)."""
    args = [*CHROMIUM_ARGS, *BLOCK_THIRD_PARTY_COOKIES]
    launched = browser.browser_type.launch(executable_path=CHROMIUM, args=args, headless=True)
    yield launched
    launched.close()


def _messages(page: Any, kind: str) -> list[dict[str, Any]]:
    return [m for m in page.evaluate("window.prepcheckMessages") if isinstance(m["data"], dict) and m["data"].get("type") == kind]


def _wait_for(condition: Any, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.05)


def test_the_check_is_completed_inside_a_cross_site_iframe_with_third_party_cookies_blocked(
    cookieless_browser: Any, sites: tuple[HostSite, HostSite, str]
) -> None:
    allowed, _other, prepcheck = sites
    context = cookieless_browser.new_context(viewport={"width": 1024, "height": 800}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(allowed.url + "/")
    frame_element = page.locator("iframe[data-prepcheck]")
    frame = frame_element.element_handle().content_frame()
    frame.wait_for_selector("h2")  # the offset: the check's main heading is an h2 under the host's h1
    assert frame.locator("h1").count() == 0
    _wait_for(lambda: _messages(page, "prepcheck:resize"))
    assert {m["origin"] for m in page.evaluate("window.prepcheckMessages")} == {prepcheck}

    frame.click("form[action$='/all_features/start'] button")
    for page_id, answers in ALL_FEATURES_PAGES.items():
        frame.wait_for_url(f"**/{page_id}")
        frame.wait_for_load_state()
        fill_and_continue(frame, answers)
    frame.wait_for_url("**/check-your-answers")
    frame.click("a[href$='/your-result']")
    frame.wait_for_url("**/your-result")
    assert "Gemeente Proefdorp" in frame.locator(".local-info").inner_text()
    assert frame.evaluate("document.activeElement.id") == "main"  # focus moved to the top of the new page

    _wait_for(lambda: len(_messages(page, "prepcheck:page")) >= 5)
    for message in page.evaluate("window.prepcheckMessages"):
        assert set(message["data"]) <= {"type", "height"}  # never any answers
    content_height = frame.evaluate("Math.ceil(document.documentElement.getBoundingClientRect().height)")
    _wait_for(lambda: abs(frame_element.bounding_box()["height"] - content_height) <= 2)
    assert content_height > 800  # the result is long: the frame grew with it rather than scrolling inside

    with page.expect_download() as download_info:
        frame.click("a[href$='/action-plan.pdf']")
    download = download_info.value
    pdf = Path(download.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    assert context.cookies() == []
    context.close()


def test_a_site_that_is_not_allowed_gets_no_frame(cookieless_browser: Any, sites: tuple[HostSite, HostSite, str]) -> None:
    _allowed, other, _prepcheck = sites
    context = cookieless_browser.new_context()
    page = context.new_page()
    page.goto(other.url + "/")
    page.wait_for_timeout(1500)
    frame = page.locator("iframe[data-prepcheck]").element_handle().content_frame()
    assert frame.locator("form").count() == 0
    assert frame.locator("h2").count() == 0
    assert frame.url.startswith("chrome-error://")  # Chromium shows its own error page instead of the check
    assert page.evaluate("window.prepcheckMessages") == []
    context.close()
