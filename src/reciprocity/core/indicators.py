"""The four dimensions, read from a pair's own messages: patterns per period, never a tally.

Every indicator is a share or a rate compared with the pair's own usual (their
whole imported history), per month or quarter, with the seasons of the period
beside it. Nothing here counts messages to settle: "who started conversations
after a quiet spell: you about 7 in 10" describes a pattern, and the reasons
are in docs/evidence.md.

- Initiation: of the conversations started after a silence (fitted to the
  pair's rhythm, :mod:`reciprocity.core.rhythm_fit`), the share each started.
- Depth: when one shares something hard, whether the other answers within a day,
  how quickly compared with how quickly they usually answer, and whether the
  answer reads as support.
- Crisis response: in each season (or a stretch the person marked), the share of
  days the other one was in touch, against their share on ordinary days; and the
  stretches where distress shows, offered as seasons to confirm.
- Maintenance: who reaches out after a long quiet, who checks in and who thanks,
  and who wrote on remembered dates.
"""

from __future__ import annotations

import datetime as dt
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field

from reciprocity.core.evidence import EvidenceFacts, SignalFlag
from reciprocity.core.indicator_values import (
    Candidate,
    Comparison,
    CrisisReading,
    DepthReading,
    EvidenceReport,
    PeriodEvidence,
    PeriodKind,
    RememberedDay,
)
from reciprocity.core.memory import ImportantDate
from reciprocity.core.model import Audit
from reciprocity.core.rhythm_fit import fit_silence, median
from reciprocity.core.seasons import Season
from reciprocity.core.stretches import candidate_stretches, crisis_readings

__all__ = [
    "MIN_CONVERSATIONS",
    "Candidate",
    "Comparison",
    "CrisisReading",
    "DepthReading",
    "EvidenceReport",
    "PeriodEvidence",
    "PeriodKind",
    "RememberedDay",
    "period_of",
    "read_evidence",
]

# Fewer conversations than this in a period say too little about who starts them.
MIN_CONVERSATIONS = 3
# How many of the other's messages after something hard count as the answer to it (the
# import has the models read this many: evidence.importer.REPLIES_READ).
ANSWER_MESSAGES = 2
# Hard news: a disclosure that shows distress. Feelings alone ("so happy for you!") are not.
_HARD = SignalFlag.DISTRESS
# An answer to hard news within this long counts, even after a pause that ends the
# conversation: a reply after an afternoon at work is still the answer.
ANSWER_WITHIN = 24 * 3600
_SIX_HOURS = 6 * 3600


@dataclass
class _Tally:
    """One period's running sums (internal: only shares ever leave this module)."""

    conversations: list[int] = field(default_factory=lambda: [0, 0])
    reached_out: list[int] = field(default_factory=lambda: [0, 0])
    check_ins: list[int] = field(default_factory=lambda: [0, 0])
    thanks: list[int] = field(default_factory=lambda: [0, 0])
    # Per answering side: [shared, answered, supportive], and the answer times.
    answers: list[list[int]] = field(default_factory=lambda: [[0, 0, 0], [0, 0, 0]])
    answer_times: list[list[int]] = field(default_factory=lambda: [[], []])


@dataclass
class _Waiting:
    """Something hard one side shared, waiting a day for the other's answer."""

    side: int
    at: int
    tally: _Tally
    seen: int = 0
    supportive: bool = False
    answered_at: int | None = None

    def answer(self, seconds: int, flag: int) -> None:
        if self.answered_at is None:
            self.answered_at = seconds
        self.seen += 1
        self.supportive = self.supportive or bool(flag & SignalFlag.SUPPORT)

    def close(self, usual: _Tally) -> None:
        """Add what became of it to its period and to the usual."""
        answering = 1 - self.side
        for tally in (self.tally, usual):
            sums = tally.answers[answering]
            sums[0] += 1
            if self.answered_at is not None:
                sums[1] += 1
                sums[2] += int(self.supportive)
                tally.answer_times[answering].append(self.answered_at - self.at)


def period_of(day: dt.date, kind: PeriodKind) -> tuple[dt.date, dt.date, str]:
    """The first and last day of the period holding ``day``, and its label."""
    if kind is PeriodKind.MONTH:
        start = day.replace(day=1)
        label = f"{day.year}-{day.month:02d}"
        months = 1
    else:
        first_month = 3 * ((day.month - 1) // 3) + 1
        start = dt.date(day.year, first_month, 1)
        label = f"{day.year} Q{(day.month - 1) // 3 + 1}"
        months = 3
    year, month = divmod(start.month - 1 + months, 12)
    end = dt.date(start.year + year, month + 1, 1) - dt.timedelta(days=1)
    return start, end, label


class _LocalDays:
    """Local calendar days of UTC seconds, with the zone's offset looked up every six hours."""

    def __init__(self, zone: dt.tzinfo) -> None:
        self.zone = zone
        self.offsets: dict[int, int] = {}

    def ordinal(self, seconds: int) -> int:
        block = seconds // _SIX_HOURS
        offset = self.offsets.get(block)
        if offset is None:
            moment = dt.datetime.fromtimestamp(block * _SIX_HOURS, self.zone)
            delta = moment.utcoffset()
            offset = int(delta.total_seconds()) if delta is not None else 0
            self.offsets[block] = offset
        return (seconds + offset) // 86400 + _EPOCH_ORDINAL

    def start_of(self, ordinal: int) -> int:
        """The UTC seconds at which a local day starts."""
        midnight = dt.datetime.combine(dt.date.fromordinal(ordinal), dt.time(), self.zone)
        return int(midnight.timestamp())


_EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()


def _share(part: list[int], side: int, usual: list[int], minimum: int = 1) -> Comparison | None:
    total = part[0] + part[1]
    if total < minimum:
        return None
    every = usual[0] + usual[1]
    return Comparison(part[side] / total, usual[side] / every if every else 0.0, total)


def read_evidence(
    facts: EvidenceFacts,
    *,
    seasons: Sequence[Season] = (),
    dates: Sequence[ImportantDate] = (),
    audits: Sequence[Audit] = (),
    period: PeriodKind = PeriodKind.MONTH,
    zone: dt.tzinfo = dt.UTC,
    today: dt.date,
) -> EvidenceReport:
    """Read the four dimensions from a relationship's message facts.

    Args:
        facts: The messages' facts, oldest first.
        seasons: The relationship's seasons (drawn over the periods, and the
            difficult stretches of the crisis indicator).
        dates: The remembered dates of the relationship.
        audits: The audits, shown as the felt ratings beside each period.
        period: Months or quarters.
        zone: The person's time zone, for calendar days and periods.
        today: Today (ongoing seasons end here).

    Returns:
        The indicators per period, per difficult stretch, and the candidate stretches.
    """
    count = len(facts)
    at = facts.sent_at
    gaps = array("q", (at[i] - at[i - 1] for i in range(1, count)))
    silence = fit_silence(gaps)
    between = [g for g in gaps if g > silence]
    long_quiet = max(silence, int(median(between) or silence))
    walk = _Walk(silence, long_quiet, _LocalDays(zone), period)
    walk.run(facts)
    first = dt.date.fromordinal(walk.days.ordinal(at[0])) if count else None
    last = dt.date.fromordinal(walk.days.ordinal(at[-1])) if count else None
    usual_reply = (median(walk.reply_times[0]), median(walk.reply_times[1]))
    context = _Context(walk.usual, usual_reply, seasons, audits, dates, walk.contact_days)
    periods = tuple(context.period(key, walk.tallies[key]) for key in sorted(walk.tallies))
    crises = crisis_readings(seasons, walk.contact_days, first, last, today)
    candidates = candidate_stretches(
        walk.distress_weeks, walk.weekly, seasons, today, days=walk.distress_days
    )
    return EvidenceReport(
        count, first, last, silence, long_quiet, period, periods, crises, candidates
    )


class _Walk:
    """One pass over the messages, oldest first, adding each to its period and to the usual."""

    def __init__(self, silence: int, long_quiet: int, days: _LocalDays, period: PeriodKind) -> None:
        self.silence = silence
        self.long_quiet = long_quiet
        self.days = days
        self.period = period
        self.tallies: dict[tuple[dt.date, dt.date, str], _Tally] = {}
        self.usual = _Tally()
        # Index 0 is the other person, 1 the person: the value of ``from_me``.
        self.contact_days: tuple[set[int], set[int]] = (set(), set())
        self.distress_weeks: tuple[dict[int, int], dict[int, int]] = ({}, {})
        # Per side and week, the first and last local day with distress in it.
        self.distress_days: tuple[dict[int, list[int]], dict[int, list[int]]] = ({}, {})
        self.weekly: tuple[dict[int, int], dict[int, int]] = ({}, {})
        self.reply_times: tuple[list[int], list[int]] = ([], [])
        self.waiting: _Waiting | None = None

    def run(self, facts: EvidenceFacts) -> None:
        at, mine, flags = facts.sent_at, facts.from_me, facts.signals
        period_end = -1
        tally = self.usual
        # The local day changes a few thousand times in a million messages: work it out
        # then, not for every message.
        day, day_ends = 0, -1
        last_day = [-1, -1]
        # The side whose opening turn is running (who broke the last silence, until the
        # other one writes): a check-in counts only there, not as a reply.
        opening: int | None = None
        for i in range(len(at)):
            seconds, side, flag = at[i], mine[i], flags[i]
            if seconds >= day_ends or seconds < day_ends - 86_400:
                day = self.days.ordinal(seconds)
                day_ends = self.days.start_of(day + 1)
                if day > period_end:
                    bounds = period_of(dt.date.fromordinal(day), self.period)
                    period_end = bounds[1].toordinal()
                    tally = self.tallies.setdefault(bounds, _Tally())
            if last_day[side] != day:
                last_day[side] = day
                self.contact_days[side].add(day)
            weekly = self.weekly[side]
            weekly[day // 7] = weekly.get(day // 7, 0) + 1
            if not i:
                opening = side
            else:
                gap = seconds - at[i - 1]
                if gap > self.silence:
                    self._opened(tally, side, gap, seconds)
                    opening = side
                elif mine[i - 1] != side:
                    self.reply_times[side].append(gap)
                    opening = None
            if flag:
                self._signals(tally, side, flag, day, opening=opening == side)
                self._follow(tally, side, seconds, flag)
            elif self.waiting is not None:
                self._follow(tally, side, seconds, flag)
        if self.waiting is not None:
            self.waiting.close(self.usual)

    def _opened(self, tally: _Tally, side: int, gap: int, seconds: int) -> None:
        """A conversation starts: whoever breaks a silence started it."""
        if self.waiting is not None and seconds - self.waiting.at > ANSWER_WITHIN:
            self.waiting.close(self.usual)  # hard news left unanswered for a day
            self.waiting = None
        for sums in (tally, self.usual):
            sums.conversations[side] += 1
            if gap >= self.long_quiet:
                sums.reached_out[side] += 1

    def _signals(self, tally: _Tally, side: int, flag: int, day: int, *, opening: bool) -> None:
        for sums in (tally, self.usual):
            # "And you?" in answer to "how are you?" is manners; a check-in not asked for
            # (in the turn that breaks a silence) is maintenance.
            if opening and flag & SignalFlag.CHECK_IN:
                sums.check_ins[side] += 1
            if flag & SignalFlag.GRATITUDE:
                sums.thanks[side] += 1
        if flag & SignalFlag.DISTRESS:
            week = self.distress_weeks[side]
            week[day // 7] = week.get(day // 7, 0) + 1
            span = self.distress_days[side].setdefault(day // 7, [day, day])
            span[1] = day  # the messages come oldest first

    def _follow(self, tally: _Tally, side: int, seconds: int, flag: int) -> None:
        """Keep track of hard news and the answer it gets."""
        waiting = self.waiting
        if waiting is not None and seconds - waiting.at > ANSWER_WITHIN:
            waiting.close(self.usual)
            self.waiting = waiting = None
        if waiting is not None and waiting.side != side:
            waiting.answer(seconds, flag)
            if waiting.seen >= ANSWER_MESSAGES:
                waiting.close(self.usual)
                self.waiting = waiting = None
        hard = flag & SignalFlag.DISCLOSURE and flag & _HARD
        if hard and (waiting is None or waiting.side != side):
            if waiting is not None:
                waiting.close(self.usual)
            self.waiting = _Waiting(side, seconds, tally)


def _depth(
    tally: _Tally, usual: _Tally, side: int, usual_reply: float | None
) -> DepthReading | None:
    shared, answered, supportive = tally.answers[side]
    if not shared:
        return None
    usual_answered, usual_supportive = usual.answers[side][1], usual.answers[side][2]
    reply = median(tally.answer_times[side])
    return DepthReading(
        shared=shared,
        answered=answered / shared,
        reply_minutes=None if reply is None else reply / 60,
        usual_reply_minutes=None if usual_reply is None else usual_reply / 60,
        supportive=supportive / answered if answered else None,
        usual_supportive=usual_supportive / usual_answered if usual_answered else None,
    )


def _occurrences(item: ImportantDate, start: dt.date, end: dt.date) -> list[dt.date]:
    """The days a remembered date falls on between start and end (29 February: the 28th)."""
    if not item.yearly:
        return [item.day] if start <= item.day <= end else []
    found = []
    for year in range(max(start.year, item.day.year), end.year + 1):
        leap_day = (item.day.month, item.day.day) == (2, 29)
        on = dt.date(year, 2, 28) if leap_day else item.day.replace(year=year)
        if start <= on <= end:
            found.append(on)
    return found


@dataclass(frozen=True)
class _Context:
    """What every period is compared with and drawn over."""

    usual: _Tally
    usual_reply: tuple[float | None, float | None]
    seasons: Sequence[Season]
    audits: Sequence[Audit]
    dates: Sequence[ImportantDate]
    contact_days: tuple[set[int], set[int]]

    def period(self, key: tuple[dt.date, dt.date, str], tally: _Tally) -> PeriodEvidence:
        start, end, label = key
        usual = self.usual
        remembered = tuple(
            RememberedDay(
                item.label,
                on,
                on.toordinal() in self.contact_days[1],
                on.toordinal() in self.contact_days[0],
            )
            for item in self.dates
            for on in _occurrences(item, start, end)
        )
        return PeriodEvidence(
            start=start,
            end=end,
            label=label,
            conversations=sum(tally.conversations),
            seasons=tuple(
                s for s in self.seasons if s.start <= end and (s.end is None or s.end >= start)
            ),
            felt=tuple(a for a in self.audits if start <= a.date <= end),
            started_by_me=_share(tally.conversations, 1, usual.conversations, MIN_CONVERSATIONS),
            my_answers=_depth(tally, usual, 1, self.usual_reply[1]),
            their_answers=_depth(tally, usual, 0, self.usual_reply[0]),
            reached_out_by_me=_share(tally.reached_out, 1, usual.reached_out, 2),
            check_ins_by_me=_share(tally.check_ins, 1, usual.check_ins, 2),
            thanks_by_me=_share(tally.thanks, 1, usual.thanks, 2),
            remembered=tuple(sorted(remembered, key=lambda r: r.day)),
        )
