"""Answering the step-by-step audit with the mouse, as a person would, one page at a time."""

from __future__ import annotations

import re
from dataclasses import dataclass

from playwright.sync_api import Page, expect

from reciprocity import messages
from reciprocity.core import Dimension, Lean

__all__ = ["DimensionAnswer", "answer_audit", "choose", "next_step"]


@dataclass(frozen=True)
class DimensionAnswer:
    """One dimension as chosen on its page: a score 1-5 or None for no recent example."""

    score: int | None
    lean: Lean | None = None
    example: str = "We met for coffee on Sunday."


def choose(page: Page, legend: str, label: str) -> None:
    """Click the option ``label`` of the question ``legend``."""
    page.get_by_role("group", name=legend).get_by_label(label, exact=True).check()


def next_step(page: Page, person_id: str, step: str) -> None:
    """Send this step and land on ``step``."""
    page.get_by_role("button", name=messages.WEB_NEXT, exact=True).click()
    expect(page).to_have_url(re.compile(f"/people/{person_id}/audit/{step}$"))


def _dimension(page: Page, answer: DimensionAnswer) -> None:
    if answer.score is None:
        choose(page, messages.ASK_SCORE, messages.CHOICE_NO_RECENT_EXAMPLE)
    else:
        choose(page, messages.ASK_SCORE, messages.SCORE_LABELS[answer.score])
    if answer.lean is not None:
        choose(page, messages.ASK_LEAN, messages.LEAN_CHOICES[answer.lean.value])
    page.get_by_label(messages.ASK_EXAMPLE).fill(answer.example)


def answer_audit(
    page: Page,
    person_id: str,
    dimensions: dict[Dimension, DimensionAnswer],
    *,
    giving: int = 4,
    receiving: int = 4,
) -> None:
    """From the person's page, answer every step (the proposed overall rating) and save."""
    page.get_by_role("link", name=messages.WEB_START_AUDIT, exact=True).click()
    expect(page).to_have_url(re.compile(f"/people/{person_id}/audit/date$"))
    steps = [d.value for d in Dimension]
    next_step(page, person_id, steps[0])
    for index, dimension in enumerate(Dimension):
        _dimension(page, dimensions[dimension])
        following = steps[index + 1] if index + 1 < len(steps) else "self"
        next_step(page, person_id, following)
    choose(page, messages.ASK_SELF_GIVING, messages.SELF_GIVING_LABELS[giving])
    choose(page, messages.ASK_SELF_RECEIVING, messages.SELF_RECEIVING_LABELS[receiving])
    next_step(page, person_id, "overall")
    next_step(page, person_id, "review")
    page.get_by_role("button", name=messages.WEB_SAVE_AUDIT).click()
    expect(page.get_by_role("status")).to_have_text(messages.WEB_NOTICES["audit-saved"])
