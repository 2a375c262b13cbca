"""A problem keeps what it is when a larger document places it."""

from __future__ import annotations

from reciprocity.core.audit import LEAN_NEEDED, lean_problem
from reciprocity.errors import Problem


def test_a_problem_placed_in_a_larger_document_keeps_its_kind() -> None:
    problem = lean_problem(2, None, "initiation.lean")
    assert problem is not None
    assert problem.kind == LEAN_NEEDED
    placed = problem.under("audits[3].")
    assert placed.field == "audits[3].initiation.lean"
    assert (placed.message, placed.kind) == (problem.message, LEAN_NEEDED)
    assert Problem("the file is empty").under("audits[3].").field is None
