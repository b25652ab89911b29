"""The municipality's statistics page: figures per questionnaire for a period, behind the tenant's admin token.

The token travels in a POSTed form field (`admin_token`) or an `Authorization: Bearer` header, never in the URL.
Wrong tokens lock out the client that sent them, and only many clients together the whole page (admin_lockout).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from flask import Blueprint, Response, render_template, request, url_for

from prepcheck.services import services
from prepcheck.tenants import Tenant, check_admin_token
from prepcheck.views.statistics import MIN_GROUP, QuestionnaireStatistics, statistics_csv, tenant_statistics
from prepcheck.web.admin_lockout import client_key, lockout
from prepcheck.web.errors import ProblemPage
from prepcheck.web.journey import locale, questionnaires
from prepcheck.web.security import printable
from prepcheck.web.tenancy import current_tenant, tenants
from prepcheck.web.translate import _

blueprint = Blueprint("admin", __name__, url_prefix="/admin")

TOKEN_FIELD = "admin_token"  # noqa: S105 - a form field name, not a secret
DEFAULT_MONTHS = 12
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


def _presented_token() -> str | None:
    header = request.headers.get("Authorization", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip()
    return request.form.get(TOKEN_FIELD) if request.method == "POST" else None


@dataclass(frozen=True, slots=True)
class Period:
    """Whole months, both included, as 'YYYY-MM'."""

    first: str
    last: str


def _month(day: dt.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def default_period(today: dt.date) -> Period:
    """The last twelve months, this one included."""
    index = today.year * 12 + today.month - 1 - (DEFAULT_MONTHS - 1)
    return Period(f"{index // 12:04d}-{index % 12 + 1:02d}", _month(today))


def _period() -> tuple[Period, str | None]:
    """The period asked for, or the default with an error message."""
    values = request.form if request.method == "POST" else request.args
    default = default_period(dt.date.today())
    first = printable(values.get("from", default.first)).strip()[:20]
    last = printable(values.get("to", default.last)).strip()[:20]
    if not _MONTH.match(first) or not _MONTH.match(last):
        return Period(first, last), _("Enter each month as a year and month, like 2026-01")
    if first > last:
        return Period(first, last), _("The first month must not be after the last month")
    return Period(first, last), None


def _tenant_or_404(slug: str) -> Tenant:
    if current_tenant() is not None:  # never under /embed/
        raise ProblemPage(404)
    tenant = tenants().get(slug)
    if tenant is None:
        raise ProblemPage(404)
    return tenant


def _authorised(tenant: Tenant) -> bool:
    """Check the presented token in constant time; count wrong ones; refuse while this client is locked out."""
    client = client_key()
    wait = lockout().retry_after(tenant.slug, client)
    if wait is not None:
        raise ProblemPage(
            429,
            title=_("Too many attempts"),
            message=_("The admin token was wrong too often. Wait a quarter of an hour and try again."),
            retry_after=wait,
        )
    presented = _presented_token()
    if check_admin_token(tenant.admin_token_sha256, presented):
        return True
    if presented is not None:
        lockout().failed(tenant.slug, client)
    return False


def _tables(tenant: Tenant, period: Period) -> list[QuestionnaireStatistics]:
    store = services().statistics
    counts = store.counts(tenant.slug, period.first, period.last)
    return tenant_statistics(questionnaires().values(), tenant.questionnaires, counts, locale())


@blueprint.route("/<slug>/", methods=["GET", "POST"])
def statistics(slug: str) -> tuple[str, int]:
    """Ask for the token and period; with a right token, show the figures."""
    tenant = _tenant_or_404(slug)
    period, period_error = _period()
    presented = _presented_token()
    authorised = _authorised(tenant)
    status = 200
    error = None
    if presented is not None and not authorised:
        error, status = _("The admin token is not right"), 403
    elif authorised and period_error:
        error, status = period_error, 400
    tables = _tables(tenant, period) if authorised and not error else []
    return (
        render_template(
            "admin.html",
            tenant=tenant,
            period=period,
            authorised=authorised,
            error=error,
            tables=tables,
            token=presented if authorised else "",
            action=url_for("admin.statistics", slug=tenant.slug),
            csv_action=url_for("admin.statistics_csv", slug=tenant.slug),
            min_group=MIN_GROUP,
        ),
        status,
    )


@blueprint.route("/<slug>/statistics.csv", methods=["GET", "POST"], endpoint="statistics_csv")
def statistics_csv_download(slug: str) -> Response:
    """The same table as CSV, with the same suppression."""
    tenant = _tenant_or_404(slug)
    if not _authorised(tenant):
        raise ProblemPage(403, title=_("The admin token is not right"), back=url_for("admin.statistics", slug=tenant.slug))
    period, period_error = _period()
    if period_error:
        raise ProblemPage(400, message=period_error, back=url_for("admin.statistics", slug=tenant.slug))
    body = statistics_csv(_tables(tenant, period), period.first, period.last)
    response = Response(body, mimetype="text/csv")
    response.headers["Content-Disposition"] = f'attachment; filename="prepcheck-{tenant.slug}-{period.first}-{period.last}.csv"'
    return response
