"""The evidence indicators in words: shares as "about 7 in 10", each with what it is made of.

Never a count to settle and never a balance: a share says how something divides
between the two in a period, next to how it usually divides.
"""

from __future__ import annotations

import datetime as dt

from reciprocity import messages
from reciprocity.core.indicators import (
    Comparison,
    CrisisReading,
    DepthReading,
    EvidenceReport,
    PeriodEvidence,
)
from reciprocity.core.model import DimensionRating, Lean
from reciprocity.core.seasons import Season

__all__ = [
    "AS_USUAL_WITHIN",
    "COMPARED_FROM",
    "describe_evidence",
    "duration_words",
    "share_words",
]

# A share within this of the usual one reads "as usual": a tenth either way is noise.
AS_USUAL_WITHIN = 0.15
# A share of fewer occasions than this is not set against the usual at all: two thanks,
# one each, are no sign that thanks came "more from Sam than usual".
COMPARED_FROM = 5


def share_words(value: float) -> str:
    """A share as "about 7 in 10" ("all or nearly all" and "none or nearly none" at the ends)."""
    tenths = round(value * 10)
    if tenths >= 10:
        return messages.EVIDENCE_SHARE_ALL
    if tenths <= 0:
        return messages.EVIDENCE_SHARE_NONE
    return messages.EVIDENCE_SHARE.format(tenths=tenths)


def duration_words(seconds: float) -> str:
    """A duration as minutes, hours and minutes, or days and hours."""
    minutes = round(seconds / 60)
    if minutes < 60:
        return messages.EVIDENCE_DURATION["minutes"].format(n=max(minutes, 1))
    if minutes < 24 * 60:
        key = "hours minutes" if minutes % 60 else "hours"
        return messages.EVIDENCE_DURATION[key].format(h=minutes // 60, m=minutes % 60)
    days, hours = divmod(minutes // 60, 24)
    key = ("day" if days == 1 else "days") + (" hours" if hours else "")
    return messages.EVIDENCE_DURATION[key].format(d=days, h=hours)


def _share_line(what: str, share: Comparison | None, name: str) -> str:
    label = messages.EVIDENCE_WHAT[what]
    if share is None:
        return messages.EVIDENCE_TOO_LITTLE.format(what=label)
    difference = share.value - share.usual
    if share.basis < COMPARED_FROM:
        compared = messages.EVIDENCE_TOO_FEW_TO_COMPARE
    elif abs(difference) < AS_USUAL_WITHIN:
        compared = messages.EVIDENCE_AS_USUAL
    elif difference > 0:
        compared = messages.EVIDENCE_MORE_YOU
    else:
        compared = messages.EVIDENCE_MORE_THEM.format(name=name)
    return messages.EVIDENCE_SHARE_LINE.format(
        what=label,
        mine=share_words(share.value),
        name=name,
        theirs=share_words(1 - share.value),
        compared=compared,
        usual=share_words(share.usual),
        basis=messages.counted(share.basis, messages.EVIDENCE_BASIS[what]),
    )


def _felt(rating: DimensionRating) -> str:
    """One dimension's felt score, with which way it leans when it leans."""
    name = messages.DIMENSION_NAMES[rating.dimension]
    if rating.score is None:
        return messages.EVIDENCE_FELT_ITEM.format(dimension=name, score=messages.EVIDENCE_FELT_NONE)
    if rating.lean is None or rating.lean is Lean.MUTUAL:
        return messages.EVIDENCE_FELT_ITEM.format(dimension=name, score=rating.score)
    lean = messages.LEAN_PHRASES[rating.lean]
    return messages.EVIDENCE_FELT_LEANING.format(dimension=name, score=rating.score, lean=lean)


def _depth_line(reading: DepthReading, name: str, *, mine: bool) -> str:
    times = messages.EVIDENCE_SHARED_TIMES[reading.shared == 1].format(count=reading.shared)
    timing = ""
    if reading.reply_minutes is not None and reading.usual_reply_minutes is not None:
        timing = messages.EVIDENCE_DEPTH_TIMING[mine].format(
            reply=duration_words(reading.reply_minutes * 60),
            usual=duration_words(reading.usual_reply_minutes * 60),
        )
    if reading.shared <= 2:
        # Once or twice is not a pattern to give as a share: say what happened.
        answers = round(reading.answered * reading.shared)
        kind = round((reading.supportive or 0.0) * answers)
        support = messages.EVIDENCE_DEPTH_FEW_SUPPORT.get((answers, kind), "")
        if reading.shared == 1:
            once = (
                messages.EVIDENCE_DEPTH_ONCE_MINE if mine else messages.EVIDENCE_DEPTH_ONCE_THEIRS
            )
            return once[answers > 0].format(name=name, timing=timing, support=support)
        twice = messages.EVIDENCE_DEPTH_TWICE_MINE if mine else messages.EVIDENCE_DEPTH_TWICE_THEIRS
        return twice[answers].format(name=name, timing=timing, support=support)
    support = ""
    if reading.supportive is not None and reading.usual_supportive is not None:
        support = messages.EVIDENCE_DEPTH_SUPPORT.format(
            share=share_words(reading.supportive), usual=share_words(reading.usual_supportive)
        )
    template = messages.EVIDENCE_DEPTH_MINE if mine else messages.EVIDENCE_DEPTH_THEIRS
    return template.format(
        shared=times,
        name=name,
        answered=share_words(reading.answered),
        timing=timing,
        support=support,
    )


def _season_words(season: Season, name: str) -> str:
    end = season.end.isoformat() if season.end else messages.EVIDENCE_SEASON_ONGOING
    return messages.EVIDENCE_SEASON_ITEM.format(
        owner=messages.SEASON_OWNERS[season.whose].format(name=name),
        kind=messages.SEASON_KIND_LABELS[season.kind],
        start=season.start.isoformat(),
        end=end,
    )


def _period_lines(
    period: PeriodEvidence, name: str, covered: tuple[dt.date, dt.date] | None = None
) -> list[str]:
    label = period.label
    if covered is not None and (period.start < covered[0] or period.end > covered[1]):
        start, end = max(period.start, covered[0]), min(period.end, covered[1])
        label = messages.EVIDENCE_PERIOD_PART.format(
            label=label, start=start.isoformat(), end=end.isoformat()
        )
    lines = [label]
    if period.seasons:
        seasons = "; ".join(_season_words(s, name) for s in period.seasons)
        lines.append(messages.EVIDENCE_SEASONS.format(seasons=seasons))
    for audit in period.felt:
        ratings = "; ".join(_felt(r) for r in audit.dimensions)
        lines.append(messages.EVIDENCE_FELT.format(date=audit.date.isoformat(), ratings=ratings))
    # Each line names the audit's dimension it is evidence for, as the audits do.
    tagged = {d: _tag(d) for d in ("initiation", "depth", "maintenance")}
    lines.append(tagged["initiation"] + _share_line("started", period.started_by_me, name))
    if period.their_answers is not None:
        lines.append(tagged["depth"] + _depth_line(period.their_answers, name, mine=False))
    if period.my_answers is not None:
        lines.append(tagged["depth"] + _depth_line(period.my_answers, name, mine=True))
    upkeep = tagged["maintenance"]
    lines.append(upkeep + _share_line("reached_out", period.reached_out_by_me, name))
    for what, share in (("check_ins", period.check_ins_by_me), ("thanks", period.thanks_by_me)):
        if share is not None:
            lines.append(upkeep + _share_line(what, share, name))
    for day in period.remembered:
        key = {(True, True): "both", (True, False): "me", (False, True): "them"}.get(
            (day.i_wrote, day.they_wrote), "neither"
        )
        who = messages.EVIDENCE_REMEMBERED_WHO[key].format(name=name)
        remembered = messages.EVIDENCE_REMEMBERED.format(label=day.label, day=day.day, who=who)
        lines.append(upkeep + remembered)
    return lines


def _tag(dimension: str) -> str:
    return messages.EVIDENCE_DIMENSION_TAG.format(dimension=messages.DIMENSION_NAMES[dimension])


def _crisis_lines(reading: CrisisReading, name: str) -> list[str]:
    season = _season_words(reading.season, name)
    lines = []
    if reading.them is not None:
        lines.append(
            messages.EVIDENCE_CRISIS_THEM.format(
                season=season,
                name=name,
                share=share_words(reading.them),
                days=reading.days,
                usual=share_words(reading.usual_them),
            )
        )
    if reading.me is not None:
        lines.append(
            messages.EVIDENCE_CRISIS_ME.format(
                season=season,
                share=share_words(reading.me),
                days=reading.days,
                usual=share_words(reading.usual_me),
            )
        )
    return lines


def describe_evidence(
    report: EvidenceReport, name: str, *, name_arg: str | None = None
) -> list[list[str]]:
    """The report as paragraphs of lines: the rhythm, each period, the difficult stretches.

    Args:
        report: What :func:`reciprocity.core.indicators.read_evidence` found.
        name: The other person's name.
        name_arg: The name as a command should be written with it (quoted for a
            shell, by the face that shows commands); the name itself by default.

    Returns:
        Paragraphs (lists of lines); the first says how conversations were told apart.
    """
    arg = name if name_arg is None else name_arg
    if not report.messages:
        return [[messages.EVIDENCE_NOTHING_YET.format(name=name, arg=arg)]]
    head = [
        messages.EVIDENCE_TITLE.format(name=name, period=report.period.value),
        messages.EVIDENCE_SPAN.format(
            first=report.first_day, last=report.last_day, messages=report.messages
        ),
        messages.EVIDENCE_RHYTHM.format(
            silence=duration_words(report.silence_seconds),
            long_quiet=duration_words(report.long_quiet_seconds),
        ),
        messages.EVIDENCE_USUAL_MEANS,
    ]
    covered = (
        (report.first_day, report.last_day)
        if report.first_day is not None and report.last_day is not None
        else None
    )
    paragraphs = [head, *(_period_lines(p, name, covered) for p in report.periods)]
    crisis = [messages.EVIDENCE_CRISIS_TITLE]
    for reading in report.crises:
        crisis.extend(_crisis_lines(reading, name))
    if len(crisis) == 1:
        crisis.append(messages.EVIDENCE_CRISIS_NONE.format(arg=arg))
    paragraphs.append(crisis)
    if report.candidates:
        offered = [messages.EVIDENCE_CANDIDATES_TITLE]
        for candidate in report.candidates:
            owner = messages.EVIDENCE_CANDIDATE_OWNER[candidate.whose].format(name=name)
            offered.append(
                messages.EVIDENCE_CANDIDATE.format(
                    owner=owner,
                    start=candidate.start,
                    end=candidate.end,
                    arg=arg,
                    whose=candidate.whose.value,
                )
            )
        paragraphs.append(offered)
    paragraphs.append([messages.EVIDENCE_CAUTION])
    return paragraphs
