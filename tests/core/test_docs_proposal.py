"""The worked examples in docs/proposal.md are what the code does."""

from __future__ import annotations

from pathlib import Path

import pytest

from reciprocity.core import Dimension, DimensionRating, Lean, propose_overall_rating

DOC = Path(__file__).parents[2] / "docs" / "proposal.md"


def worked_examples() -> list[tuple[str, list[str], int]]:
    rows = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 6 and cells[-1].isdigit():
            rows.append((cells[0], cells[1:5], int(cells[5])))
    return rows


def rating(dimension: Dimension, cell: str) -> DimensionRating:
    if cell == "-":
        return DimensionRating.without_example(dimension)
    score, _, lean = cell.partition(" ")
    return DimensionRating.rated(dimension, int(score), Lean(lean or "mutual"), "example")


def test_the_document_has_its_worked_examples() -> None:
    assert len(worked_examples()) >= 8


@pytest.mark.parametrize(("name", "cells", "expected"), worked_examples())
def test_each_worked_example_gives_the_documented_proposal(
    name: str, cells: list[str], expected: int
) -> None:
    ratings = [rating(d, c) for d, c in zip(Dimension, cells, strict=True)]
    assert propose_overall_rating(ratings).value == expected, name
