"""The demo data set: realistic, valid, and written in the product's voice."""

from __future__ import annotations

import datetime as dt
import itertools

from reciprocity.core import Dimension
from reciprocity.demo import DEMO_AUDITS_PER_PERSON, demo_archive
from reciprocity.phrasing_rules import check

TODAY = dt.date(2026, 11, 23)


def test_three_relationships_with_two_years_of_quarterly_audits() -> None:
    archive = demo_archive(TODAY)
    assert sorted(p.person.kind.value for p in archive.people) == ["family", "friend", "partner"]
    for person in archive.people:
        dates = sorted(
            a.audit.date for a in archive.audits if a.audit.person_id == person.person.id
        )
        assert len(dates) == DEMO_AUDITS_PER_PERSON == 8
        assert dates[-1] == TODAY
        gaps = {(later - earlier).days for earlier, later in itertools.pairwise(dates)}
        assert gaps == {91}


def test_the_same_day_gives_the_same_data() -> None:
    assert demo_archive(TODAY) == demo_archive(TODAY)


def test_every_text_in_the_demo_passes_the_phrasing_check() -> None:
    texts = []
    for item in demo_archive(TODAY).audits:
        texts += [item.audit.rating(d).example for d in Dimension]
        if item.audit.reflection:
            texts += [item.audit.reflection.text, item.audit.reflection.first_step]
    flagged = {text: [f.span for f in check(text)] for text in texts if check(text)}
    assert flagged == {}


def test_the_low_rated_audits_carry_a_picture_of_what_is_wanted() -> None:
    low = [a.audit for a in demo_archive(TODAY).audits if a.audit.overall.score <= 2]
    assert low
    assert all(audit.reflection is not None for audit in low)
