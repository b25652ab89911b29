"""Follow a plan's download with the test client the way a browser does: through the status page to the PDF."""

from __future__ import annotations

import time

from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from tests.support.web_journey import soup


def follow_download(client: FlaskClient, url: str, seconds: float = 120) -> TestResponse:
    """Follow 303s, the status page each time it refreshes itself, and the ready page's refresh to the PDF.

    The last answer: the PDF, or a page that does not refresh itself (a failure); a plan that is still being made
    after `seconds` fails the test.
    """
    deadline = time.monotonic() + seconds
    while True:
        response = client.get(url)
        if response.status_code == 303:
            url = response.location
            continue
        if response.mimetype == "application/pdf":
            return response
        refresh = soup(response).find("meta", attrs={"http-equiv": "refresh"})
        if refresh is None:
            return response
        content = refresh["content"]
        if content.startswith("0; url="):  # the ready page: it starts the download at once
            url = content.removeprefix("0; url=")
            continue
        assert time.monotonic() < deadline, f"the plan was still being made after {seconds} s"
        time.sleep(float(content))
