"""What the evidence indicators find, as values: shares next to the usual, never a tally."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from reciprocity.core.model import Audit
from reciprocity.core.seasons import Season, Whose

__all__ = [
    "Candidate",
    "Comparison",
    "CrisisReading",
    "DepthReading",
    "EvidenceReport",
    "PeriodEvidence",
    "PeriodKind",
    "RememberedDay",
]


class PeriodKind(StrEnum):
    """How the indicators are grouped in time."""

    MONTH = "month"
    QUARTER = "quarter"


@dataclass(frozen=True)
class Comparison:
    """A share (0 to 1) in one period, next to the pair's usual share.

    Attributes:
        value: The share in the period.
        usual: The share over everything imported.
        basis: How many occasions the share is made of (conversations, check-ins).
    """

    value: float
    usual: float
    basis: int


@dataclass(frozen=True)
class DepthReading:
    """How one of the two met the other's hard news in a period.

    Attributes:
        shared: How many times the other shared something hard.
        answered: The share answered within a day.
        reply_minutes: The middle time to the first answer, in minutes.
        usual_reply_minutes: The middle time this one usually takes to answer anything.
        supportive: The share of answers that read as support.
        usual_supportive: That share over everything imported.
    """

    shared: int
    answered: float
    reply_minutes: float | None
    usual_reply_minutes: float | None
    supportive: float | None
    usual_supportive: float | None


@dataclass(frozen=True)
class RememberedDay:
    """A remembered date that fell within the chat, and who wrote that day."""

    label: str
    day: dt.date
    i_wrote: bool
    they_wrote: bool


@dataclass(frozen=True)
class PeriodEvidence:
    """The indicators of one month or quarter.

    ``started_by_me``, ``reached_out_by_me``, ``check_ins_by_me`` and
    ``thanks_by_me`` are the person's share (the other's is the rest); each is
    None when the period has too little to say.
    """

    start: dt.date
    end: dt.date
    label: str
    conversations: int
    seasons: tuple[Season, ...]
    felt: tuple[Audit, ...]
    started_by_me: Comparison | None
    my_answers: DepthReading | None
    their_answers: DepthReading | None
    reached_out_by_me: Comparison | None
    check_ins_by_me: Comparison | None
    thanks_by_me: Comparison | None
    remembered: tuple[RememberedDay, ...]


@dataclass(frozen=True)
class CrisisReading:
    """Presence during one difficult stretch: the share of its days each side was in touch.

    Attributes:
        season: The stretch (a season the person marked).
        days: The days of the stretch that the imported chat covers.
        me: The share of those days the person wrote (None if they are not the support).
        them: The share of those days the other wrote (None if not the support).
        usual_me: The person's share of ordinary days (outside every season).
        usual_them: The other's share of ordinary days.
    """

    season: Season
    days: int
    me: float | None
    them: float | None
    usual_me: float
    usual_them: float


@dataclass(frozen=True)
class Candidate:
    """A stretch in which one of the two often wrote of distress: a season to confirm."""

    whose: Whose
    start: dt.date
    end: dt.date


@dataclass(frozen=True)
class EvidenceReport:
    """Everything the indicators found, for one relationship."""

    messages: int
    first_day: dt.date | None
    last_day: dt.date | None
    silence_seconds: int
    long_quiet_seconds: int
    period: PeriodKind
    periods: tuple[PeriodEvidence, ...]
    crises: tuple[CrisisReading, ...]
    candidates: tuple[Candidate, ...]
