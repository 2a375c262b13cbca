"""A guide for the conversation, built from the person's own picture or boundary.

The guide has five parts: an opening in "I" language, the pattern wanted in
concrete terms (the person's own words), one specific ask (their first step), a
question that invites the other person's view, and what to do if it goes badly.
Everything the person wrote into it goes through the phrasing check, whose
findings come with the guide so a face can show them.
"""

from __future__ import annotations

from dataclasses import dataclass

from reciprocity import messages
from reciprocity.core.model import Audit, Person, ReflectionKind
from reciprocity.core.phrasing import PhrasingFinding, PhrasingRule, check_phrasing

__all__ = ["Guide", "GuideSection", "build_guide", "guide_markdown", "guide_text"]


@dataclass(frozen=True)
class GuideSection:
    """One part of the guide: a heading and its lines."""

    heading: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Guide:
    """A conversation guide for one relationship, from one audit's reflection."""

    title: str
    sections: tuple[GuideSection, ...]
    findings: tuple[PhrasingFinding, ...]


def build_guide(person: Person, audit: Audit, rules: tuple[PhrasingRule, ...]) -> Guide:
    """The guide for a relationship, from the reflection of ``audit``.

    Args:
        person: The relationship.
        audit: An audit with a reflection (a picture or a boundary).
        rules: The phrasing rules to check the person's own words with.

    Raises:
        ValueError: The audit has no reflection to build from.
    """
    reflection = audit.reflection
    if reflection is None:
        raise ValueError("a guide is built from an audit's reflection")
    kind = reflection.kind
    opening = (
        messages.GUIDE_OPENING_PICTURE
        if kind is ReflectionKind.PICTURE
        else messages.GUIDE_OPENING_BOUNDARY
    )
    sections = (
        GuideSection(messages.GUIDE_HEAD_OPENING, (opening.format(name=person.name),)),
        GuideSection(
            messages.GUIDE_HEAD_PATTERN[kind],
            (reflection.text, messages.GUIDE_PATTERN_HINT[kind]),
        ),
        GuideSection(
            messages.GUIDE_HEAD_ASK,
            (
                messages.GUIDE_ASK.format(step=reflection.first_step.rstrip(". ")),
                messages.GUIDE_ASK_ONE_THING[kind],
            ),
        ),
        GuideSection(messages.GUIDE_HEAD_QUESTION, messages.GUIDE_QUESTIONS),
        GuideSection(messages.GUIDE_HEAD_IF_HARD, messages.GUIDE_IF_HARD),
    )
    findings = tuple(
        finding
        for text in (reflection.text, reflection.first_step)
        for finding in check_phrasing(text, rules)
    )
    title = messages.GUIDE_TITLE.format(name=person.name, date=audit.date)
    return Guide(title, sections, findings)


def guide_text(guide: Guide) -> str:
    """The guide as plain text for the terminal."""
    lines = [guide.title, ""]
    for section in guide.sections:
        lines.append(section.heading)
        lines.extend(f"  {line}" for line in section.lines)
        lines.append("")
    if guide.findings:
        lines.append(messages.PHRASING_NOTE_HEADER)
        lines.extend(f"  - {finding.reframe}" for finding in guide.findings)
        lines.append("")
    return "\n".join(lines)


def guide_markdown(guide: Guide) -> str:
    """The guide as Markdown, to keep or print."""
    lines = [f"# {guide.title}", ""]
    for section in guide.sections:
        lines.append(f"## {section.heading}")
        lines.append("")
        for line in section.lines:  # one paragraph each
            lines.extend([line, ""])
    if guide.findings:
        lines.append(f"## {messages.PHRASING_NOTE_HEADER}")
        lines.append("")
        lines.extend(f"- {finding.reframe}" for finding in guide.findings)
        lines.append("")
    return "\n".join(lines)
