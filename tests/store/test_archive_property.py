"""Any valid archive survives import into a fresh SQLite store, and JSON text, unchanged.

Invitations (with their secrets) and the responses they brought back included.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reciprocity.core import (
    Archive,
    ArchivedAudit,
    ArchivedPerson,
    ArchivedResponse,
    Audit,
    Dimension,
    DimensionRating,
    EarlierRevision,
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
    make_season,
    needs_reflection,
    propose_overall_rating,
)
from reciprocity.core.invitation import Invitation, Response
from reciprocity.core.people import name_key
from reciprocity.formats.exchange import archive_to_json, parse_archive
from reciprocity.store import ImportReport, open_store
from tests.store.helpers import TODAY, sorted_archive

EXPORTED_AT = dt.datetime(2025, 7, 1, tzinfo=dt.UTC)

# Any text a person could type: everything but NUL, which no database stores, and lone
# surrogates, which no UTF-8 file can hold.
texts = st.text(st.characters(exclude_characters="\x00", exclude_categories=["Cs"]), max_size=30)
# Names: some printable text around at least one visible character, so never blank.
printable = st.text(st.characters(exclude_categories=["Cc", "Cs"]), max_size=12)
filled = st.builds(
    lambda before, middle, after: before + middle + after,
    printable,
    st.characters(categories=["L", "N", "P", "S"]),
    printable,
)
scores = st.integers(min_value=1, max_value=5)
zones = st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda minutes: dt.timezone(dt.timedelta(minutes=minutes))
)
moments = st.datetimes(
    min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2035, 12, 31), timezones=zones
)
days = st.dates(min_value=dt.date(2010, 1, 1), max_value=TODAY)
ids = st.uuids().map(str)
secrets = st.text(alphabet="0123456789abcdef", min_size=64, max_size=64)


@st.composite
def ratings(draw: st.DrawFn, dimension: Dimension) -> DimensionRating:
    """One dimension as the rules allow it: a 5 is mutual, 1 to 3 lean one way."""
    if draw(st.booleans()) and draw(st.booleans()):
        return DimensionRating.without_example(dimension, draw(texts))
    score = draw(scores)
    if score == 5:
        lean = Lean.MUTUAL
    elif score == 4:
        lean = draw(st.sampled_from(Lean))
    else:
        lean = draw(st.sampled_from([Lean.I_CARRY, Lean.THEY_CARRY]))
    return DimensionRating.rated(dimension, score, lean, draw(filled))


@st.composite
def audits(draw: st.DrawFn, *, audit_id: str, person_id: str, on: dt.date, revision: int) -> Audit:
    """A complete audit; a relationship rated 1 or 2 always has its reflection."""
    dimensions = {d: draw(ratings(d)) for d in Dimension}
    proposed = propose_overall_rating(dimensions.values()).value
    overall = draw(st.none() | scores) if proposed is not None else draw(scores)
    settled = overall if overall is not None else proposed
    assert settled is not None
    reflection = None
    if needs_reflection(settled) or draw(st.booleans()):
        reflection = Reflection(draw(st.sampled_from(ReflectionKind)), draw(filled), draw(filled))
    return make_audit(
        audit_id=audit_id,
        person_id=person_id,
        on=on,
        today=TODAY,
        dimensions=dimensions,
        self_check=SelfCheck(draw(scores), draw(scores), draw(texts), draw(texts)),
        overall_score=overall,
        overall_reason=draw(texts),
        reflection=reflection,
        revision=revision,
    )


@st.composite
def archived_audits(draw: st.DrawFn, person_id: str, on: dt.date) -> ArchivedAudit:
    """An audit at some revision, with every earlier revision it had."""
    audit_id = draw(ids)
    revision = draw(st.integers(min_value=1, max_value=3))
    earlier = tuple(
        EarlierRevision(
            number,
            draw(moments),
            draw(audits(audit_id=audit_id, person_id=person_id, on=draw(days), revision=number)),
        )
        for number in range(1, revision)
    )
    current = draw(audits(audit_id=audit_id, person_id=person_id, on=on, revision=revision))
    return ArchivedAudit(current, draw(moments), draw(moments), earlier)


@st.composite
def seasons_of(draw: st.DrawFn, person_id: str) -> Season:
    """A season that has begun: ongoing, or ended on or after its start (perhaps ahead)."""
    start = draw(days)
    end = draw(st.none() | st.dates(min_value=start, max_value=dt.date(2035, 12, 31)))
    return make_season(
        season_id=draw(ids),
        person_id=person_id,
        whose=draw(st.sampled_from(Whose)),
        kind=draw(st.sampled_from(SeasonKind)),
        start=start,
        end=end,
        today=TODAY,
        note=draw(texts),
    )


@st.composite
def invitations_of(draw: st.DrawFn, person_id: str) -> tuple[Invitation, ArchivedResponse | None]:
    """An invitation, and perhaps the answers it brought back (in the user's frame)."""
    invitation = Invitation(draw(ids), person_id, draw(moments), draw(secrets))
    if draw(st.booleans()):
        return invitation, None
    answers = tuple(draw(ratings(d)) for d in Dimension)
    response = Response(invitation.id, person_id, draw(days), answers)
    return invitation, ArchivedResponse(draw(ids), response, draw(moments))


@st.composite
def archives(draw: st.DrawFn) -> Archive:
    """A valid archive: names unique however they are written, one audit per person and day."""
    names = draw(st.lists(filled, max_size=4, unique_by=name_key))
    people = []
    archived = []
    seasons = []
    invitations = []
    responses = []
    for name in names:
        person = Person(draw(ids), name, draw(st.sampled_from(RelationshipKind)))
        people.append(ArchivedPerson(person, draw(moments)))
        for on in draw(st.lists(days, max_size=3, unique=True)):
            archived.append(draw(archived_audits(person.id, on)))
        seasons += draw(st.lists(seasons_of(person.id), max_size=2))
        for invitation, response in draw(st.lists(invitations_of(person.id), max_size=2)):
            invitations.append(invitation)
            responses += [response] if response else []
    return sorted_archive(
        tuple(people),
        tuple(archived),
        tuple(seasons),
        invitations=tuple(invitations),
        responses=tuple(responses),
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(archive=archives())
def test_any_valid_archive_comes_back_unchanged_from_a_fresh_store(archive: Archive) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "property.db")
        try:
            report = store.import_archive(archive, file="generated.json")
            back = store.archive()
        finally:
            store.close()

    assert report == ImportReport(
        people_added=len(archive.people),
        audits_added=len(archive.audits),
        audits_updated=0,
        people_unchanged=0,
        audits_unchanged=0,
        seasons_added=len(archive.seasons),
        seasons_unchanged=0,
        invitations_added=len(archive.invitations),
        responses_added=len(archive.responses),
    )
    assert back == archive
    text = archive_to_json(back, exported_at=EXPORTED_AT)
    assert parse_archive(text, file="generated.json", today=TODAY) == archive
