"""Seasons: periods of legitimate, temporary asymmetry (illness, grief, a move, a new baby ...)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from reciprocity import messages
from reciprocity.core.model import Lean
from reciprocity.errors import InvalidInputError, Problem

__all__ = ["Season", "SeasonKind", "Whose", "make_season"]


class SeasonKind(StrEnum):
    """What the season is."""

    ILLNESS = "illness"
    GRIEF = "grief"
    CAREGIVING = "caregiving"
    NEW_BABY = "new-baby"
    MOVE = "move"
    JOB_LOSS = "job-loss"
    OTHER = "other"


class Whose(StrEnum):
    """Whose season it is."""

    ME = "me"
    THEM = "them"
    BOTH = "both"


# In someone's season the other one carries more: that lean is what the season explains.
_EXPLAINED_LEAN = {Whose.ME: {Lean.THEY_CARRY}, Whose.THEM: {Lean.I_CARRY}}


@dataclass(frozen=True)
class Season:
    """A period in which one (or both) of the two is going through something.

    ``end`` is ``None`` while the season is ongoing; both ends are included.
    """

    id: str
    person_id: str
    whose: Whose
    kind: SeasonKind
    start: dt.date
    end: dt.date | None = None
    note: str = ""

    @property
    def ongoing(self) -> bool:
        """Whether the season has no end yet."""
        return self.end is None

    def covers(self, day: dt.date) -> bool:
        """Whether ``day`` falls inside the season."""
        return self.start <= day and (self.end is None or day <= self.end)

    def explains(self, lean: Lean | None) -> bool:
        """Whether leaning this way is what the season would make happen.

        In their season I carry more; in mine they do; in a shared one either way.
        """
        if lean is None or lean is Lean.MUTUAL:
            return False
        return self.whose is Whose.BOTH or lean in _EXPLAINED_LEAN[self.whose]


def make_season(
    *,
    season_id: str,
    person_id: str,
    whose: Whose,
    kind: SeasonKind,
    start: dt.date,
    end: dt.date | None,
    today: dt.date,
    note: str = "",
) -> Season:
    """A season, or every reason it cannot be one.

    Raises:
        InvalidInputError: The end comes before the start, or the season starts in
            the future.
    """
    problems = []
    if start > today:
        problems.append(Problem(messages.ERR_SEASON_STARTS_LATER.format(date=start), "from"))
    if end is not None and end < start:
        message = messages.ERR_SEASON_ENDS_FIRST.format(start=start, end=end)
        problems.append(Problem(message, "to"))
    if "\x00" in note:
        problems.append(Problem(messages.ERR_TEXT_CONTROL, "note"))
    if problems:
        raise InvalidInputError(problems)
    return Season(season_id, person_id, whose, kind, start, end, note)
