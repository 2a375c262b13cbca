"""A relationship's evidence report from the store: what `evidence show` and the web show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from reciprocity.core.indicator_values import EvidenceReport
from reciprocity.core.indicators import PeriodKind, read_evidence
from reciprocity.core.model import Audit
from reciprocity.core.seasons import Season
from reciprocity.evidence.zone import local_zone
from reciprocity.store.repository import Store

__all__ = ["relationship_evidence"]


def relationship_evidence(
    store: Store,
    person_id: str,
    *,
    period: PeriodKind,
    today: dt.date,
    seasons: Sequence[Season] | None = None,
    audits: Sequence[Audit] | None = None,
) -> EvidenceReport:
    """Read the indicators of a relationship's imported chats, with everything they sit beside.

    The seasons (drawn over the periods, and the crisis indicator's stretches), the
    remembered dates and the audits come from the store unless given (a face that
    has already read them passes them in); days and periods are in the machine's
    own time zone.

    Args:
        store: Where the relationship's evidence is.
        person_id: The relationship.
        period: Months or quarters.
        today: Today (ongoing seasons end here).
        seasons: The relationship's seasons, if already read.
        audits: The relationship's audits, if already read.
    """
    return read_evidence(
        store.evidence_facts(person_id),
        seasons=store.seasons(person_id) if seasons is None else seasons,
        dates=store.important_dates(person_id),
        audits=store.audits(person_id) if audits is None else audits,
        period=period,
        zone=local_zone(),
        today=today,
    )
