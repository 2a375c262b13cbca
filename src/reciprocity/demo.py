"""A realistic demo data set: three relationships, two years of quarterly audits.

The stories are made up and deterministic (same ``today``, same data): a partner
whose relationship mostly flows both ways with a hard winter; a close friend who
rarely reaches out but is the first to show up in a crisis (different kinds of
giving); and a parent where the person carried almost everything until a
conversation began to change it. Two seasons: Mum's operation at the start, and the
person's own job loss this autumn.
"""

from __future__ import annotations

import datetime as dt
import uuid

from reciprocity.core import (
    Archive,
    ArchivedAudit,
    ArchivedPerson,
    Audit,
    Dimension,
    DimensionRating,
    Lean,
    Person,
    Reflection,
    ReflectionKind,
    RelationshipKind,
    Season,
    SeasonKind,
    SelfCheck,
    Whose,
    make_audit,
    needs_reflection,
    propose_overall_rating,
)

__all__ = ["DEMO_AUDITS_PER_PERSON", "demo_archive"]

DEMO_AUDITS_PER_PERSON = 8
_QUARTER = dt.timedelta(days=91)
_NAMESPACE = uuid.UUID("5f1d2c4e-8a3b-4c6d-9e0f-a1b2c3d4e5f6")

# (score, lean, example) per dimension, or None for "no recent example", per quarter.
_Row = tuple[int, Lean, str] | None

_I, _THEY, _BOTH = Lean.I_CARRY, Lean.THEY_CARRY, Lean.MUTUAL

_SAM: list[dict[Dimension, _Row]] = [
    {
        Dimension.INITIATION: (
            5,
            _BOTH,
            "We both text through the day; Sunday plans came from Sam.",
        ),
        Dimension.DEPTH: (4, _BOTH, "Sam listened for an hour when I doubted my career change."),
        Dimension.CRISIS: None,
        Dimension.MAINTENANCE: (4, _THEY, "Sam remembered my sister's exam and asked how it went."),
    },
    {
        Dimension.INITIATION: (4, _BOTH, "Sam suggested the weekend away; I planned the dinners."),
        Dimension.DEPTH: (5, _BOTH, "We talked late about wanting children, both of us open."),
        Dimension.CRISIS: (5, _BOTH, "When Sam's father was in hospital I drove us every day."),
        Dimension.MAINTENANCE: (4, _BOTH, "We each kept the shared calendar going."),
    },
    {
        Dimension.INITIATION: (3, _I, "Over the winter I started most of our evenings together."),
        Dimension.DEPTH: (3, _I, "When I raised feeling lonely, Sam changed the subject."),
        Dimension.CRISIS: None,
        Dimension.MAINTENANCE: (3, _I, "I noticed Sam's low mood first and asked about it."),
    },
    {
        Dimension.INITIATION: (3, _I, "Still mostly me suggesting time together."),
        Dimension.DEPTH: (4, _BOTH, "After we talked, Sam told me about the pressure at work."),
        Dimension.CRISIS: (4, _THEY, "Sam took two days off when I had the flu."),
        Dimension.MAINTENANCE: (4, _BOTH, "Sam booked our anniversary dinner without a reminder."),
    },
    {
        Dimension.INITIATION: (4, _BOTH, "Sam started our Saturday walks again."),
        Dimension.DEPTH: (4, _BOTH, "We both shared worries about money and made a plan."),
        Dimension.CRISIS: None,
        Dimension.MAINTENANCE: (5, _BOTH, "Small notes and check-ins from both of us."),
    },
    {
        Dimension.INITIATION: (5, _BOTH, "Plans come from both of us now."),
        Dimension.DEPTH: (4, _THEY, "Sam asked about my grief for Grandad more than once."),
        Dimension.CRISIS: (5, _BOTH, "We handled the flooded flat together."),
        Dimension.MAINTENANCE: (4, _BOTH, "We each remembered the other's big days."),
    },
    {
        Dimension.INITIATION: (4, _I, "I reached out more during Sam's busy season."),
        Dimension.DEPTH: (5, _BOTH, "Long talk on holiday; we both felt heard."),
        Dimension.CRISIS: None,
        Dimension.MAINTENANCE: (4, _BOTH, "Sam checked in daily while I travelled."),
    },
    {
        Dimension.INITIATION: (5, _BOTH, "Neither of us waits for the other to reach out."),
        Dimension.DEPTH: (4, _BOTH, "Sam opened up about a friendship ending; I stayed with it."),
        Dimension.CRISIS: (5, _BOTH, "When my job ended Sam sat with me through the paperwork."),
        Dimension.MAINTENANCE: (5, _BOTH, "We both keep the small rituals going."),
    },
]

_ALEX: list[dict[Dimension, _Row]] = [
    {
        Dimension.INITIATION: (2, _I, "I arranged each of our last four meet-ups."),
        Dimension.DEPTH: (4, _BOTH, "Alex told me about the breakup and asked about my move."),
        Dimension.CRISIS: (2, _THEY, "Alex drove two hours when my car broke down at night."),
        Dimension.MAINTENANCE: (3, _I, "Birthdays and plans are mostly kept up from my side."),
    },
    {
        Dimension.INITIATION: (2, _I, "Messages start with me almost every time."),
        Dimension.DEPTH: (4, _BOTH, "We both talked honestly about our families."),
        Dimension.CRISIS: None,
        Dimension.MAINTENANCE: (3, _I, "I keep our monthly dinner on the calendar."),
    },
    {
        Dimension.INITIATION: (2, _I, "I called after a quiet month; Alex was glad I did."),
        Dimension.DEPTH: (3, _I, "Alex shared a lot this time; I held back."),
        Dimension.CRISIS: (1, _THEY, "Alex stayed with me the week after the diagnosis."),
        Dimension.MAINTENANCE: (3, _I, "I send the reminders for our plans."),
    },
    {
        Dimension.INITIATION: (3, _I, "Alex started two conversations this quarter."),
        Dimension.DEPTH: (4, _BOTH, "Good long talk about work and what we want next."),
        Dimension.CRISIS: (2, _THEY, "Alex helped me move, took a day off for it."),
        Dimension.MAINTENANCE: (3, _I, "Still mostly me keeping dates."),
    },
    {
        Dimension.INITIATION: (2, _I, "Back to me reaching out each time."),
        Dimension.DEPTH: (4, _BOTH, "Alex asked about my health and really listened."),
        Dimension.CRISIS: None,
        Dimension.MAINTENANCE: (3, _I, "I organised our trip."),
    },
    {
        Dimension.INITIATION: (2, _I, "I started every call this quarter."),
        Dimension.DEPTH: (5, _BOTH, "We both opened up about our parents getting older."),
        Dimension.CRISIS: (2, _THEY, "Alex was the first to come when my flat flooded."),
        Dimension.MAINTENANCE: (3, _I, "I remembered Alex's interview and asked after it."),
    },
    {
        Dimension.INITIATION: (3, _I, "Alex invited me to the concert, a nice change."),
        Dimension.DEPTH: (4, _BOTH, "An honest talk about feeling stuck, on both sides."),
        Dimension.CRISIS: None,
        Dimension.MAINTENANCE: (3, _I, "Dinners still happen because I book them."),
    },
    {
        Dimension.INITIATION: (2, _I, "Mostly me, though Alex answers warmly."),
        Dimension.DEPTH: (4, _BOTH, "We talked about my job ending; Alex asked good questions."),
        Dimension.CRISIS: (2, _THEY, "Alex spent a weekend helping me rewrite my CV."),
        Dimension.MAINTENANCE: (3, _I, "I keep our traditions going."),
    },
]

_MUM: list[dict[Dimension, _Row]] = [
    {
        Dimension.INITIATION: (1, _I, "The Sunday calls come from my side; Mum rarely starts one."),
        Dimension.DEPTH: (2, _I, "When I said work was hard, Mum talked about the neighbours."),
        Dimension.CRISIS: (
            2,
            _I,
            "I was at Mum's appointments; around my surgery she kept her distance.",
        ),
        Dimension.MAINTENANCE: (1, _I, "The family dates and plans are kept up from my side."),
    },
    {
        Dimension.INITIATION: (1, _I, "Still every call starts with me."),
        Dimension.DEPTH: (2, _I, "I shared my worries; the reply was short."),
        Dimension.CRISIS: None,
        Dimension.MAINTENANCE: (2, _I, "I organised the family lunch again."),
    },
    {
        Dimension.INITIATION: (2, _I, "After our talk, Mum called me twice."),
        Dimension.DEPTH: (2, _I, "Mum asked one question about my week, then moved on."),
        Dimension.CRISIS: None,
        Dimension.MAINTENANCE: (2, _I, "Mum sent a card for my birthday."),
    },
    {
        Dimension.INITIATION: (2, _I, "Mum rings some Sundays now."),
        Dimension.DEPTH: (3, _I, "Mum listened when I talked about Sam's father."),
        Dimension.CRISIS: (3, _I, "Mum came to stay when I had the flu, for one day."),
        Dimension.MAINTENANCE: (2, _I, "I still keep the family dates."),
    },
    {
        Dimension.INITIATION: (3, _I, "Calls come from both sides now, more from me."),
        Dimension.DEPTH: (3, _I, "Mum asked about my grief and stayed on the phone."),
        Dimension.CRISIS: None,
        Dimension.MAINTENANCE: (3, _I, "Mum remembered our anniversary."),
    },
    {
        Dimension.INITIATION: (3, _I, "Mum suggested a visit herself."),
        Dimension.DEPTH: (3, _I, "We talked about Dad; Mum opened up a little."),
        Dimension.CRISIS: (3, _I, "Mum offered to help after the flood and came over."),
        Dimension.MAINTENANCE: (3, _I, "We share the family planning now, mostly me."),
    },
    {
        Dimension.INITIATION: (3, _I, "Mum calls most weeks."),
        Dimension.DEPTH: (4, _BOTH, "A real conversation about my childhood, both of us honest."),
        Dimension.CRISIS: None,
        Dimension.MAINTENANCE: (3, _I, "Mum remembered my friend's name and asked after her."),
    },
    {
        Dimension.INITIATION: (4, _BOTH, "We each ring the other."),
        Dimension.DEPTH: (4, _BOTH, "Mum asked how I'm coping since the job ended."),
        Dimension.CRISIS: (3, _I, "Mum sent money and called, though she could not come."),
        Dimension.MAINTENANCE: (3, _I, "I still organise the family gatherings."),
    },
]

_REFLECTIONS = {
    "Mum": Reflection(
        ReflectionKind.PICTURE,
        "I'd like Mum and me to take turns calling: some Sundays I ring, some Sundays she does, "
        "and when either of us has a hard week the other asks about it.",
        "Tell Mum on Sunday that I love our calls and would love it when she rings me too.",
    )
}

_STORIES: tuple[tuple[str, RelationshipKind, list[dict[Dimension, _Row]], tuple[int, int]], ...] = (
    ("Sam", RelationshipKind.PARTNER, _SAM, (4, 4)),
    ("Alex", RelationshipKind.FRIEND, _ALEX, (4, 3)),
    ("Mum", RelationshipKind.FAMILY, _MUM, (5, 2)),
)


def _stable_id(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


def _audit(
    person: Person, on: dt.date, rows: dict[Dimension, _Row], self_scores: tuple[int, int]
) -> Audit:
    ratings = {
        d: DimensionRating.without_example(d) if row is None else DimensionRating.rated(d, *row)
        for d, row in rows.items()
    }
    proposal = propose_overall_rating(ratings.values())
    low = proposal.value is not None and needs_reflection(proposal.value)
    return make_audit(
        audit_id=_stable_id(person.name, on.isoformat()),
        person_id=person.id,
        on=on,
        today=on,
        dimensions=ratings,
        self_check=SelfCheck(*self_scores),
        overall_score=None,
        reflection=_REFLECTIONS.get(person.name) if low else None,
    )


def demo_archive(today: dt.date) -> Archive:
    """The demo data set: audits every quarter for two years, the last one ``today``."""
    created = dt.datetime.combine(today - _QUARTER * DEMO_AUDITS_PER_PERSON, dt.time(9), dt.UTC)
    people = []
    audits = []
    for name, kind, story, self_scores in _STORIES:
        person = Person(_stable_id(name), name, kind)
        people.append(ArchivedPerson(person, created))
        for index, rows in enumerate(story):
            on = today - _QUARTER * (DEMO_AUDITS_PER_PERSON - 1 - index)
            audit = _audit(person, on, rows, self_scores)
            stamp = dt.datetime.combine(on, dt.time(20), dt.UTC)
            audits.append(ArchivedAudit(audit, stamp, stamp))
    first = today - _QUARTER * (DEMO_AUDITS_PER_PERSON - 1)
    seasons = (
        # Mum's hospital stays at the start: the early audits that lean my way are a season.
        Season(
            _stable_id("Mum", "illness"),
            _stable_id("Mum"),
            Whose.THEM,
            # Her season is the illness; caregiving would be a season of mine.
            SeasonKind.ILLNESS,
            first - dt.timedelta(days=30),
            first + _QUARTER + dt.timedelta(days=10),
            "Mum's hip operation and the weeks after",
        ),
        # My job ended this autumn, and Sam has been carrying more.
        Season(
            _stable_id("Sam", "job-loss"),
            _stable_id("Sam"),
            Whose.ME,
            SeasonKind.JOB_LOSS,
            today - dt.timedelta(days=60),
            None,
            "Looking for work",
        ),
    )
    return Archive(people=tuple(people), audits=tuple(audits), seasons=seasons)
