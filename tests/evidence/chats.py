"""Chats written directly as message streams, for the evidence tests (no reader needed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from reciprocity.core.evidence import Role
from reciprocity.evidence.model import ChatMessage

ME = "Alex"
THEM = "Sam Taylor"
ROLES = {ME: Role.ME, THEM: Role.THEM}
START = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)


def chat(lines: Sequence[tuple[float, str, str]], start: dt.datetime = START) -> list[ChatMessage]:
    """Messages from (hours after start, sender, text) triples."""
    return [
        ChatMessage(start + dt.timedelta(hours=hours), sender, text, line=number)
        for number, (hours, sender, text) in enumerate(lines, start=1)
    ]


def everyday(days: int, start: dt.datetime = START) -> Iterator[ChatMessage]:
    """A plain chat: each day one conversation of four quick messages, openers alternating."""
    line = 0
    for day in range(days):
        opener, other = (ME, THEM) if day % 2 else (THEM, ME)
        morning = start + dt.timedelta(days=day)
        for minute, sender, text in (
            (0, opener, "morning! coffee later?"),
            (3, other, "yes, 11 at the usual place"),
            (5, opener, "great"),
            (9, other, "see you there"),
        ):
            line += 1
            yield ChatMessage(morning + dt.timedelta(minutes=minute), sender, text, line=line)
