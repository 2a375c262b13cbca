"""Counting things in words: "1 audit", "3 audits", "every month", "every 3 months"."""

from __future__ import annotations

from typing import Final

# Every noun the catalogue counts; a test checks each template uses one of these.
_PLURALS: Final[dict[str, str]] = {
    "audit": "audits",
    "check-in": "check-ins",
    "conversation": "conversations",
    "conversation after a long quiet": "conversations after a long quiet",
    "message of thanks": "messages of thanks",
    "day": "days",
    "empty line": "empty lines",
    "import": "imports",
    "line": "lines",
    "mail": "mails",
    "message": "messages",
    "point": "points",
    "reminder": "reminders",
    "month": "months",
    "relationship": "relationships",
    "season": "seasons",
}


def counted(count: int, noun: str) -> str:
    """A count with its noun agreeing: ``counted(1, "audit")`` is "1 audit"."""
    return f"{count} {noun if count == 1 else _PLURALS[noun]}"


def every(count: int, noun: str) -> str:
    """A repeat in words: "month" for 1, "3 months" otherwise (after "every")."""
    return noun if count == 1 else counted(count, noun)
