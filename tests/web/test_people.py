"""First run, the overview, and a relationship's page with its seasons and memory."""

from __future__ import annotations

import datetime as dt
import re

from reciprocity import messages
from reciprocity.store import open_store
from tests.store.helpers import strained_audit
from tests.web.conftest import TODAY, Web


def test_the_first_run_welcomes_in_three_sentences_and_offers_to_add_people(web: Web) -> None:
    page = web.client.get("/")

    assert page.status_code == 200
    for sentence in messages.WEB_WELCOME_SENTENCES:
        assert sentence in page.text.replace("&#39;", "'")
    assert len(messages.WEB_WELCOME_SENTENCES) == 3
    assert 'action="/people"' in page.text


def test_adding_three_people_shows_the_overview_with_each(web: Web) -> None:
    for name, kind in (("Sam", "partner"), ("Alex", "friend"), ("Mum", "family")):
        web.add_person(name, kind)

    page = web.client.get("/")

    assert messages.WEB_OVERVIEW_TITLE in page.text
    names = re.findall(r'href="/people/[0-9a-f-]{36}">([^<]+)<', page.text)
    assert names == ["Alex", "Mum", "Sam"]
    assert page.text.count(messages.WEB_DUE_FIRST) == 3
    assert page.text.count(messages.STATE_LABELS["not-enough-history"]) == 3


def test_a_name_left_empty_comes_back_with_the_message_at_the_field(web: Web) -> None:
    response = web.post("/people", {"name": "   ", "kind": "friend"})

    assert response.status_code == 400
    text = response.text
    assert 'id="name-error"' in text
    assert 'aria-invalid="true"' in text
    assert 'value="friend" checked' in text


def test_a_kind_not_offered_is_refused_with_the_name_kept(web: Web) -> None:
    response = web.post("/people", {"name": "Sam", "kind": "nemesis"})

    assert response.status_code == 400
    assert messages.WEB_CHOOSE_KIND in response.text
    assert 'value="Sam"' in response.text


def test_a_name_already_taken_is_refused_and_the_first_is_kept(web: Web) -> None:
    web.add_person("Sam", "partner")

    response = web.post("/people", {"name": "sam", "kind": "friend"})

    assert response.status_code == 409
    assert 'id="name-error"' in response.text
    assert web.client.get("/").text.count("partner</span>") == 1


def test_an_unknown_relationship_is_a_404_page(web: Web) -> None:
    response = web.client.get("/people/00000000-0000-0000-0000-000000000000")

    assert response.status_code == 404
    assert messages.WEB_NOT_FOUND in response.text


def _audits(web: Web, name: str, dates: list[dt.date]) -> str:
    store = open_store(web.db)
    try:
        person = store.person(name)
        for day in dates:
            store.add_audit(strained_audit(person.id, day))
        return person.id
    finally:
        store.close()


def test_the_relationship_page_shows_the_chart_its_table_states_and_history(web: Web) -> None:
    web.add_person("Alex", "friend")
    dates = [dt.date(2024, 6, 1), dt.date(2024, 9, 1), dt.date(2024, 12, 1), dt.date(2025, 3, 1)]
    pid = _audits(web, "Alex", dates)

    page = web.client.get(f"/people/{pid}")

    assert page.status_code == 200
    text = page.text
    assert '<svg class="chart"' in text
    assert 'role="img"' in text
    assert messages.WEB_CHART_TABLE in text
    for day in dates:
        assert f">{day.isoformat()}</a>" in text  # the history links each audit
    assert messages.STATE_LABELS["chronic-imbalance"] in text
    assert messages.WEB_REFLECTION_TITLE in text


def test_the_overview_names_what_is_carried_beside_the_state(web: Web) -> None:
    web.add_person("Alex", "friend")
    dates = [dt.date(2024, 6, 1), dt.date(2024, 9, 1), dt.date(2024, 12, 1), dt.date(2025, 3, 1)]
    _audits(web, "Alex", dates)

    card = web.client.get("/").text

    assert '<span class="role">you carry more of Initiation, Depth, Crisis response</span>' in card


def test_a_season_added_shows_as_a_band_and_in_the_reading(web: Web) -> None:
    web.add_person("Alex", "friend")
    pid = _audits(web, "Alex", [dt.date(2024, 6, 1), dt.date(2024, 9, 1), dt.date(2024, 12, 1)])

    response = web.post(
        f"/people/{pid}/seasons",
        {"whose": "them", "kind": "grief", "start": "2024-05-01", "end": "", "note": "Dad"},
    )

    text = response.text
    assert response.status_code == 200
    assert messages.WEB_NOTICES["season-added"] in text
    assert 'class="season-band"' in text
    assert "Dad" in text
    assert messages.STATE_LABELS["temporary-asymmetry"] in text


def test_a_season_that_ends_before_it_starts_comes_back_with_both_dates(web: Web) -> None:
    pid = web.add_person("Alex", "friend")

    response = web.post(
        f"/people/{pid}/seasons",
        {"whose": "me", "kind": "move", "start": "2026-05-01", "end": "2026-04-01"},
    )

    text = response.text
    assert response.status_code == 400
    assert 'id="end-error"' in text
    assert 'value="2026-05-01"' in text
    assert 'value="2026-04-01"' in text
    assert "<details open>" in text
    assert open_store(web.db).seasons() == []


def test_a_season_with_a_bad_date_or_kind_is_refused_at_the_fields(web: Web) -> None:
    pid = web.add_person("Alex", "friend")

    response = web.post(
        f"/people/{pid}/seasons", {"whose": "us", "kind": "party", "start": "1st of May"}
    )

    text = response.text
    assert response.status_code == 400
    assert 'id="whose-error"' in text
    assert 'id="kind-error"' in text
    assert 'id="start-error"' in text
    assert "1st of May" in text


def test_a_season_in_the_future_is_refused(web: Web) -> None:
    pid = web.add_person("Alex", "friend")
    later = (TODAY + dt.timedelta(days=3)).isoformat()

    response = web.post(f"/people/{pid}/seasons", {"whose": "me", "kind": "move", "start": later})

    assert response.status_code == 400
    assert 'id="start-error"' in response.text


def test_a_season_can_be_ended_and_removed(web: Web) -> None:
    pid = web.add_person("Alex", "friend")
    web.post(f"/people/{pid}/seasons", {"whose": "them", "kind": "illness", "start": "2026-10-01"})
    season = open_store(web.db).seasons()[0]

    ended = web.post(f"/people/{pid}/seasons/{season.id}/end", {})
    assert messages.WEB_NOTICES["season-ended"] in ended.text
    assert open_store(web.db).seasons()[0].end == TODAY

    removed = web.post(f"/people/{pid}/seasons/{season.id}/remove", {})
    assert messages.WEB_NOTICES["season-removed"] in removed.text
    assert open_store(web.db).seasons() == []


def test_a_season_of_someone_else_cannot_be_removed_from_this_page(web: Web) -> None:
    alex = web.add_person("Alex", "friend")
    sam = web.add_person("Sam", "partner")
    web.post(f"/people/{alex}/seasons", {"whose": "them", "kind": "illness", "start": "2026-10-01"})
    season = open_store(web.db).seasons()[0]

    response = web.post(f"/people/{sam}/seasons/{season.id}/remove", {})

    assert response.status_code == 404
    assert len(open_store(web.db).seasons()) == 1


def test_dates_things_and_care_are_kept_and_shown(web: Web) -> None:
    pid = web.add_person("Alex", "friend")

    web.post(f"/people/{pid}/dates", {"label": "birthday", "day": "1990-02-29"})
    web.post(f"/people/{pid}/things", {"text": "the interview", "follow_up": "2026-11-30"})
    page = web.post(
        f"/people/{pid}/care",
        {"theirs": ["words", "time"], "mine": "presence", "care_note": "tea after hard days"},
    )

    text = page.text
    assert "birthday" in text
    assert "the interview" in text
    assert 'value="words" checked' in text
    assert "tea after hard days" in text
    overview = web.client.get("/").text
    assert "the interview" in overview  # a follow-up within the next 30 days


def test_a_follow_up_is_marked_done_and_a_date_removed(web: Web) -> None:
    pid = web.add_person("Alex", "friend")
    web.post(f"/people/{pid}/dates", {"label": "anniversary", "day": "2020-06-01"})
    web.post(f"/people/{pid}/things", {"text": "the move"})
    store = open_store(web.db)
    thing = store.shared_things()[0]
    date = store.important_dates()[0]

    web.post(f"/people/{pid}/memory/{thing.id}/done", {})
    web.post(f"/people/{pid}/memory/{date.id}/remove", {})

    assert open_store(web.db).shared_things()[0].done
    assert open_store(web.db).important_dates() == []


def test_memory_with_missing_text_or_a_bad_date_is_refused_at_the_field(web: Web) -> None:
    pid = web.add_person("Alex", "friend")

    no_label = web.post(f"/people/{pid}/dates", {"label": " ", "day": "2020-06-01"})
    bad_day = web.post(f"/people/{pid}/dates", {"label": "birthday", "day": "June"})
    no_text = web.post(f"/people/{pid}/things", {"text": "", "follow_up": "2026-12-01"})

    assert no_label.status_code == 400
    assert 'id="label-error"' in no_label.text
    assert bad_day.status_code == 400
    assert 'id="day-error"' in bad_day.text
    assert no_text.status_code == 400
    assert 'id="text-error"' in no_text.text
    assert open_store(web.db).important_dates() == []


def test_an_unknown_care_way_is_refused(web: Web) -> None:
    pid = web.add_person("Alex", "friend")

    response = web.post(f"/people/{pid}/care", {"theirs": "money"})

    assert response.status_code == 400


def test_rename_rhythm_and_remove(web: Web) -> None:
    pid = web.add_person("Alex", "friend")
    web.add_person("Sam", "partner")

    taken = web.post(f"/people/{pid}/rename", {"name": "Sam"})
    assert taken.status_code == 409
    assert 'id="name-error"' in taken.text

    renamed = web.post(f"/people/{pid}/rename", {"name": "Alexandra"})
    assert "Alexandra" in renamed.text

    bad = web.post(f"/people/{pid}/rhythm", {"rhythm": "99"})
    assert bad.status_code == 400
    assert 'id="rhythm-error"' in bad.text
    web.post(f"/people/{pid}/rhythm", {"rhythm": "6"})
    assert open_store(web.db).person("Alexandra").rhythm_months == 6
    web.post(f"/people/{pid}/rhythm", {"rhythm": ""})
    assert open_store(web.db).person("Alexandra").rhythm_months is None

    unconfirmed = web.post(f"/people/{pid}/remove", {"confirm": "Alex"})
    assert unconfirmed.status_code == 400
    assert len(open_store(web.db).people()) == 2
    removed = web.post(f"/people/{pid}/remove", {"confirm": "alexandra"})
    assert messages.WEB_NOTICES["person-removed"] in removed.text
    assert [s.person.name for s in open_store(web.db).people()] == ["Sam"]


def test_an_empty_new_name_is_refused_at_the_field(web: Web) -> None:
    pid = web.add_person("Alex", "friend")

    response = web.post(f"/people/{pid}/rename", {"name": ""})

    assert response.status_code == 400
    assert 'id="name-error"' in response.text


def test_the_overview_sees_a_change_made_by_another_program(web: Web) -> None:
    web.add_person("Alex", "friend")
    assert "Rosa" not in web.client.get("/").text

    store = open_store(web.db)
    try:
        from reciprocity.core import RelationshipKind

        store.add_person("Rosa", RelationshipKind.FRIEND)
    finally:
        store.close()

    assert "Rosa" in web.client.get("/").text


def test_a_season_can_be_changed_and_a_bad_change_comes_back_to_its_own_form(web: Web) -> None:
    pid = web.add_person("Alex", "friend")
    web.post(f"/people/{pid}/seasons", {"whose": "them", "kind": "illness", "start": "2026-10-01"})
    season = open_store(web.db).seasons()[0]
    page = web.client.get(f"/people/{pid}").text
    assert f'action="/people/{pid}/seasons/{season.id}/edit"' in page
    assert 'value="2026-10-01"' in page

    changed = web.post(
        f"/people/{pid}/seasons/{season.id}/edit",
        {"whose": "both", "kind": "caregiving", "start": "2026-09-15", "end": "", "note": "Mum"},
    )
    assert messages.WEB_NOTICES["season-changed"] in changed.text
    stored = open_store(web.db).seasons()[0]
    assert (stored.whose.value, stored.kind.value, stored.start, stored.note) == (
        "both",
        "caregiving",
        dt.date(2026, 9, 15),
        "Mum",
    )

    bad = web.post(
        f"/people/{pid}/seasons/{season.id}/edit",
        {"whose": "both", "kind": "caregiving", "start": "2026-09-15", "end": "2026-01-01"},
    )
    assert bad.status_code == 400
    assert 'id="end-error"' in bad.text
    assert bad.text.count('class="field-error"') == 1
    assert open_store(web.db).seasons()[0].end is None
