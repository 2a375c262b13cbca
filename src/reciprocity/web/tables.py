"""The long tables of audits, written in Python rather than in a template loop.

A relationship with ten years of monthly audits has 120 rows in each of the two tables
on its page, and the overview a table of twelve on each of fifty cards; a template loop
over them cost more than the rest of the page together (see docs/performance.md), so
their rows are made here, as the charts are. The table around them (caption, head,
body element) stays in the template.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from markupsafe import Markup, escape

from reciprocity import messages
from reciprocity.core.model import Audit

__all__ = ["audit_rows", "overall_rows"]


def audit_rows(audits: Sequence[Audit], *, person_id: str | None = None) -> Markup:
    """One row per audit, in the order given: its date, each dimension's score, the overall.

    With ``person_id`` the date links to the audit's own page. A dimension without a
    recent example shows a dash.
    """
    dash = escape(messages.WEB_DASH)
    person = escape(person_id) if person_id is not None else None
    rows = []
    for audit in audits:
        day = audit.date.isoformat()
        if person is not None:
            day = f'<a href="/people/{person}/audits/{escape(audit.id)}">{day}</a>'
        cells = "".join(
            f"<td>{dash if r.score is None else r.score}</td>" for r in audit.dimensions
        )
        rows.append(f'<tr><th scope="row">{day}</th>{cells}<td>{audit.overall.score}</td></tr>')
    return Markup("\n".join(rows))


def overall_rows(points: Sequence[tuple[dt.date, int]]) -> Markup:
    """One row per overall rating: its date and the rating."""
    return Markup(
        "".join(f"<tr><td>{day.isoformat()}</td><td>{score}</td></tr>" for day, score in points)
    )
