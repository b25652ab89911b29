"""Adds a completed check to its tenant's anonymous statistics, once, when its result is first shown."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from prepcheck.services import services
from prepcheck.store import ResponseConflict, ResponseNotFound
from prepcheck.store.statistics import figures_for
from prepcheck.web.journey import Journey, store
from prepcheck.web.tenancy import current_tenant


def count_first_result(journey: Journey) -> None:
    """Under /embed/<tenant>/ only: the month, levels and actions go to the statistics; the response is marked."""
    tenant = current_tenant()
    if tenant is None or journey.stored.document.counted:
        return
    try:
        # Marked first: a failure after this loses one check from the figures rather than counting one twice.
        store().save(journey.response_id, replace(journey.stored.document, counted=True), expected=journey.stored)
    except (ResponseNotFound, ResponseConflict):  # saved meanwhile: counted on a later view of the result
        return
    services().statistics.add(figures_for(tenant.slug, journey.assessment, dt.date.today()))
