"""The conversation guide: built from the person's own words, in their voice, never a charge."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from reciprocity import messages
from reciprocity.core import (
    Audit,
    Dimension,
    DimensionRating,
    Lean,
    Person,
    Reflection,
    ReflectionKind,
    RelationshipKind,
    SelfCheck,
    make_audit,
)
from reciprocity.core.guide import build_guide, guide_markdown, guide_text
from reciprocity.phrasing_rules import check, default_rules

MUM = Person("p1", "Mum", RelationshipKind.FAMILY)


def audit_with(reflection: Reflection | None) -> Audit:
    return make_audit(
        audit_id="a1",
        person_id="p1",
        on=dt.date(2026, 11, 1),
        today=dt.date(2026, 11, 23),
        dimensions={
            d: DimensionRating.rated(d, 2, Lean.I_CARRY, "x")
            if reflection
            else DimensionRating.rated(d, 5, Lean.MUTUAL, "x")
            for d in Dimension
        },
        self_check=SelfCheck(5, 2),
        overall_score=None,
        reflection=reflection,
    )


PICTURE = Reflection(
    ReflectionKind.PICTURE,
    "We take turns ringing on Sundays.",
    "Tell Mum I love our calls.",
)


def test_a_picture_becomes_an_opening_the_pattern_an_ask_a_question_and_a_way_out() -> None:
    guide = build_guide(MUM, audit_with(PICTURE), default_rules())
    headings = [s.heading for s in guide.sections]
    assert headings == [
        messages.GUIDE_HEAD_OPENING,
        messages.GUIDE_HEAD_PATTERN["picture"],
        messages.GUIDE_HEAD_ASK,
        messages.GUIDE_HEAD_QUESTION,
        messages.GUIDE_HEAD_IF_HARD,
    ]
    opening = guide.sections[0].lines[0]
    assert opening.startswith("\"I've been thinking about us, Mum")
    assert guide.sections[1].lines[0] == PICTURE.text
    assert guide.sections[2].lines[0] == "Your first step: Tell Mum I love our calls."
    assert guide.findings == ()


def test_a_boundary_opens_with_what_the_person_needs() -> None:
    boundary = Reflection(ReflectionKind.BOUNDARY, "I keep Sunday evenings for myself.", "Say so.")
    guide = build_guide(MUM, audit_with(boundary), default_rules())
    assert guide.sections[0].lines[0].startswith("\"There's something I need, Mum")
    assert guide.sections[1].heading == messages.GUIDE_HEAD_PATTERN["boundary"]
    # A boundary is about what the person will do, not a pattern they would love.
    assert guide.sections[1].lines[1] == messages.GUIDE_PATTERN_HINT["boundary"]
    assert guide.sections[2].lines[1] == messages.GUIDE_ASK_ONE_THING["boundary"]
    assert "love to happen" not in guide_text(guide)


def test_accusing_words_in_the_reflection_come_back_with_a_reframing() -> None:
    sharp = Reflection(ReflectionKind.PICTURE, "You never call me first.", "Make it even.")
    guide = build_guide(MUM, audit_with(sharp), default_rules())
    assert [f.rule_id for f in guide.findings] == ["you-never", "make-it-even"]
    assert messages.PHRASING_NOTE_HEADER in guide_text(guide)


def test_an_audit_without_a_reflection_has_no_guide() -> None:
    with pytest.raises(ValueError, match="reflection"):
        build_guide(MUM, audit_with(None), default_rules())


def test_markdown_has_a_title_and_a_heading_per_part() -> None:
    markdown = guide_markdown(build_guide(MUM, audit_with(PICTURE), default_rules()))
    assert markdown.startswith("# A conversation with Mum (from your audit of 2026-11-01)")
    assert markdown.count("\n## ") == 5


@pytest.mark.parametrize("kind", list(ReflectionKind))
def test_the_guides_own_words_are_never_a_ledger_blame_or_withdrawal(kind: ReflectionKind) -> None:
    reflection = Reflection(kind, PICTURE.text, PICTURE.first_step)
    guide = build_guide(MUM, audit_with(reflection), default_rules())
    own = [line for s in guide.sections for line in s.lines if line != PICTURE.text]
    for line in own:
        assert not check(line), line
        assert not re.search(r"\b(owe|debt|balance|in return|give less|pay back)\b", line, re.I)
