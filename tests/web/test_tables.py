"""The tables of audits written in Python say what the template said, escaped the same way."""

from __future__ import annotations

import datetime as dt

from reciprocity.core import Audit, Dimension, DimensionRating, Lean, SelfCheck, make_audit
from reciprocity.web.tables import audit_rows, overall_rows

TODAY = dt.date(2026, 11, 23)


def _audit(audit_id: str) -> Audit:
    return make_audit(
        audit_id=audit_id,
        person_id="p1",
        on=dt.date(2026, 3, 1),
        today=TODAY,
        dimensions={
            Dimension.INITIATION: DimensionRating.rated(Dimension.INITIATION, 2, Lean.I_CARRY, "x"),
            Dimension.DEPTH: DimensionRating.rated(Dimension.DEPTH, 5, Lean.MUTUAL, "y"),
            Dimension.CRISIS: DimensionRating.without_example(Dimension.CRISIS),
            Dimension.MAINTENANCE: DimensionRating.rated(
                Dimension.MAINTENANCE, 4, Lean.MUTUAL, "z"
            ),
        },
        self_check=SelfCheck(3, 3),
        overall_score=4,
    )


def test_a_row_has_the_date_each_score_a_dash_for_no_example_and_the_overall() -> None:
    assert audit_rows([_audit("a1")]) == (
        '<tr><th scope="row">2026-03-01</th><td>2</td><td>5</td><td>-</td><td>4</td><td>4</td></tr>'
    )


def test_with_the_person_the_date_links_to_the_audit_with_both_ids_escaped() -> None:
    rows = audit_rows([_audit('a"<1>'), _audit("a2")], person_id="p&1")

    first, second = str(rows).split("\n")
    assert first.startswith(
        '<tr><th scope="row"><a href="/people/p&amp;1/audits/a&#34;&lt;1&gt;">2026-03-01</a></th>'
    )
    assert second.startswith('<tr><th scope="row"><a href="/people/p&amp;1/audits/a2">')


def test_overall_rows_are_a_date_and_a_rating_each() -> None:
    points = ((dt.date(2026, 1, 2), 3), (dt.date(2026, 2, 2), 5))

    assert overall_rows(points) == (
        "<tr><td>2026-01-02</td><td>3</td></tr><tr><td>2026-02-02</td><td>5</td></tr>"
    )
    assert overall_rows(()) == ""
