"""Clear pages for everything that can go wrong: unknown, expired, refused, too large, forged."""

from __future__ import annotations

from flask import Flask, render_template
from flask_babel import lazy_gettext
from werkzeug.exceptions import HTTPException

_PAGES = {
    400: (
        lazy_gettext("This form could not be used"),
        lazy_gettext(
            "Something in the form was not as we sent it, so nothing was saved. "
            "Your earlier answers are safe. Go back to the page and try again."
        ),
    ),
    403: (
        lazy_gettext("This request was refused"),
        lazy_gettext("The form was not sent from this website, so nothing was saved."),
    ),
    404: (
        lazy_gettext("Page not found"),
        lazy_gettext(
            "If you typed the web address, check it is correct. "
            "If you have a resume code, you can use it to go back to your answers."
        ),
    ),
    405: (lazy_gettext("This request was refused"), lazy_gettext("This page cannot be used like that.")),
    410: (
        lazy_gettext("Your answers have expired"),
        lazy_gettext(
            "Answers that are not changed for a while are deleted, to protect your privacy. You can start the check again."
        ),
    ),
    413: (
        lazy_gettext("The form was too large"),
        lazy_gettext("Nothing was saved. Shorten your answers and try again."),
    ),
    429: (
        lazy_gettext("Too many attempts"),
        lazy_gettext(
            "This was tried too often in a short time, to protect everyone's answers. "
            "Wait a few minutes and try again. Your saved answers are safe."
        ),
    ),
}


class ProblemPage(HTTPException):
    """An error shown as a page with its own heading and text."""

    def __init__(
        self,
        code: int,
        title: str | None = None,
        message: str | None = None,
        back: str | None = None,
        retry: str | None = None,
        retry_after: int | None = None,
    ) -> None:
        super().__init__()
        self.code = code
        self.title = title
        self.message = message
        self.back = back
        self.retry = retry
        self.retry_after = retry_after


def unknown_host() -> ProblemPage:
    """A request for a host name the site does not answer to: 400, with the words of 'page not found'."""
    title, message = _PAGES[404]
    page = ProblemPage(400, title=str(title), message=str(message))
    page.description = "This site does not answer to the host name in the request."
    return page


def render_problem(error: HTTPException) -> tuple[str, int, dict[str, str]]:
    """The page for an HTTP error (with Retry-After when the error says when to come back)."""
    code = error.code or 500
    title, message = _PAGES.get(code, (lazy_gettext("Sorry, there is a problem"), lazy_gettext("Try again later.")))
    headers: dict[str, str] = {}
    if isinstance(error, ProblemPage):
        title, message = error.title or title, error.message or message
        if error.retry_after is not None:
            headers["Retry-After"] = str(error.retry_after)
    back = error.back if isinstance(error, ProblemPage) else None
    retry = error.retry if isinstance(error, ProblemPage) else None
    page = render_template("problem.html", heading=title, message=message, back=back, retry=retry, code=code)
    return page, code, headers


def install(app: Flask) -> None:
    """Render every HTTP error as a page."""
    app.register_error_handler(HTTPException, render_problem)
