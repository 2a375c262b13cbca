"""Reminders and the calendar file, export and import, settings, the conversation pages."""

from __future__ import annotations

import datetime as dt
import json
from html import unescape as html_text

import pytest
from icalendar import Calendar

from reciprocity import messages
from reciprocity.core import RelationshipKind
from reciprocity.store import open_store
from tests.cli.test_invite import answers_as_the_page_builds_them
from tests.store.helpers import strained_audit
from tests.web.conftest import Web


def _with_audit(web: Web, name: str = "Alex") -> str:
    pid = web.add_person(name, "friend")
    store = open_store(web.db)
    try:
        store.add_audit(strained_audit(pid, dt.date(2025, 3, 1)))
    finally:
        store.close()
    return pid


def test_reminders_list_due_audits_and_what_comes_up(web: Web) -> None:
    pid = _with_audit(web)
    web.post(f"/people/{pid}/things", {"text": "the interview", "follow_up": "2026-12-10"})

    page = web.client.get("/reminders").text

    assert messages.WEB_DUE_NOW in page
    assert "the interview" in page
    assert 'href="/calendar.ics"' in page


def test_the_calendar_file_is_a_calendar_with_the_reminders(web: Web) -> None:
    pid = _with_audit(web)
    web.post(f"/people/{pid}/dates", {"label": "birthday", "day": "1990-12-01"})

    response = web.client.get("/calendar.ics")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/calendar")
    assert "attachment" in response.headers["content-disposition"]
    calendar = Calendar.from_ical(response.content)
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert any("birthday" in s for s in summaries)
    assert any("Alex" in s for s in summaries)


def test_export_downloads_everything_and_the_csv(web: Web) -> None:
    _with_audit(web)

    exported = web.client.get("/export")
    csv = web.client.get("/export?format=csv")

    assert exported.status_code == 200
    assert "attachment" in exported.headers["content-disposition"]
    document = json.loads(exported.text)
    assert document["format"] == "reciprocity-export"
    assert [p["name"] for p in document["people"]] == ["Alex"]
    assert csv.text.startswith("person,kind,audit_id")
    assert exported.headers["cache-control"] == "no-store"


def test_an_export_imports_into_another_database(web: Web, tmp_path: object) -> None:
    _with_audit(web)
    exported = web.client.get("/export").content
    from pathlib import Path

    from tests.web.conftest import make_client

    other_db = Path(str(tmp_path)) / "other.db"
    with make_client(other_db) as other:
        other_web = Web(other, other_db)
        files = {"file": ("backup.json", exported, "application/json")}
        imported = other.post("/import", data={"csrf": other_web.token}, files=files)
        assert imported.status_code == 200
        assert [r.status_code for r in imported.history] == [303]
        assert "1 relationship added" in imported.text
        # Reloading the page after an import shows what it did and sends nothing again.
        reloaded = other.get(str(imported.url))
        assert "1 relationship added" in reloaded.text
        again = other.post("/import", data={"csrf": other_web.token}, files=files)
        assert "0 relationships added (1 already here)" in again.text
    assert [s.person.name for s in open_store(other_db).people()] == ["Alex"]


def test_a_broken_import_names_every_problem_and_saves_nothing(web: Web) -> None:
    web.add_person("Alex", "friend")
    bad = json.dumps(
        {
            "format": "reciprocity-export",
            "schema_version": 2,
            "people": [
                {"id": "p1", "name": "Rosa", "kind": "cousin", "created_at": "2025-01-01T00:00:00Z"}
            ],
            "audits": [],
        }
    ).encode()

    response = web.client.post(
        "/import", data={"csrf": web.token}, files={"file": ("bad.json", bad, "application/json")}
    )

    assert response.status_code == 400
    assert "bad.json" in response.text
    assert "people[0].kind" in response.text
    assert [s.person.name for s in open_store(web.db).people()] == ["Alex"]


def test_an_import_of_something_that_is_not_text_or_not_json_is_refused(web: Web) -> None:
    binary = web.client.post(
        "/import",
        data={"csrf": web.token},
        files={"file": ("photo.jpg", b"\xff\xd8\xff\xe0" * 10, "image/jpeg")},
    )
    garbage = web.client.post(
        "/import",
        data={"csrf": web.token},
        files={
            "file": ("notes.json", b'{"format": "reciprocity-export",\n oops', "application/json")
        },
    )
    nothing = web.post("/import", {})

    assert binary.status_code == 400
    assert "not a text file" in binary.text
    assert garbage.status_code == 400
    assert "notes.json:2" in garbage.text
    assert nothing.status_code == 400
    assert messages.WEB_CHOOSE_FILE in nothing.text


def test_settings_are_shown_changed_refused_and_reset(web: Web) -> None:
    page = web.client.get("/settings").text
    assert "patterns.chronic_min_days" in page

    changed = web.post("/settings", {"patterns.chronic_min_days": "120"})
    assert messages.WEB_NOTICES["settings-saved"] in changed.text
    assert open_store(web.db).pattern_settings().chronic_min_days == 120

    refused = web.post("/settings", {"patterns.chronic_min_days": "-5"})
    assert refused.status_code == 400
    assert 'id="patterns.chronic_min_days-error"' in refused.text
    assert 'value="-5"' in refused.text
    assert open_store(web.db).pattern_settings().chronic_min_days == 120

    web.post("/settings", {"reset-patterns.chronic_min_days": "1"})
    assert open_store(web.db).pattern_settings().chronic_min_days == 180


def test_settings_with_one_refused_value_save_nothing_and_keep_what_was_typed(web: Web) -> None:
    form = {"patterns.chronic_min_days": "365", "patterns.min_audits": "2.0"}

    refused = web.post("/settings", form)

    assert refused.status_code == 400
    assert 'id="patterns.min_audits-error"' in refused.text
    assert "whole number from 2 to 50" in refused.text
    assert 'value="365"' in refused.text
    assert open_store(web.db).settings() == {}


def test_the_guide_comes_from_the_latest_picture_and_downloads_as_markdown(web: Web) -> None:
    empty = web.add_person("Sam", "partner")
    assert "There is none for Sam yet" in web.client.get(f"/people/{empty}/guide").text

    pid = _with_audit(web)
    page = web.client.get(f"/people/{pid}/guide").text
    markdown = web.client.get(f"/people/{pid}/guide?format=md")

    assert "We each reach out about once a week." in page
    assert "attachment" in markdown.headers["content-disposition"]
    assert markdown.text.startswith("# ")


def test_invite_import_the_response_and_compare(web: Web) -> None:
    pid = _with_audit(web)
    invitation = web.post(f"/people/{pid}/invite", {})
    html = invitation.text
    assert "attachment" in invitation.headers["content-disposition"]
    assert "I started every chat" not in html  # nothing of my answers travels

    answers = answers_as_the_page_builds_them(html)
    answers["date"] = "2025-03-02"
    body = json.dumps(answers).encode()
    imported = web.client.post(
        f"/people/{pid}/responses",
        data={"csrf": web.token},
        files={"file": ("response.json", body, "application/json")},
    )

    assert imported.status_code == 200
    assert messages.WEB_NOTICES["response-imported"] in imported.text
    assert messages.COMPARE_INTRO in html_text(imported.text)
    assert "2025-03-02" in imported.text


def test_a_tampered_response_is_refused_with_its_field_and_nothing_kept(web: Web) -> None:
    pid = _with_audit(web)
    html = web.post(f"/people/{pid}/invite", {}).text
    answers = answers_as_the_page_builds_them(html)
    answers["date"] = "2025-03-02"
    answers["code"] = "0" * 64

    refused = web.client.post(
        f"/people/{pid}/responses",
        data={"csrf": web.token},
        files={"file": ("response.json", json.dumps(answers).encode(), "application/json")},
    )

    assert refused.status_code == 400
    assert "response.json: code:" in refused.text
    assert open_store(web.db).latest_response(pid) is None


def test_a_response_for_another_relationship_is_refused_on_this_page(web: Web) -> None:
    alex = _with_audit(web)
    sam = web.add_person("Sam", "partner")
    html = web.post(f"/people/{alex}/invite", {}).text
    answers = answers_as_the_page_builds_them(html)
    answers["date"] = "2025-03-02"

    refused = web.client.post(
        f"/people/{sam}/responses",
        data={"csrf": web.token},
        files={"file": ("response.json", json.dumps(answers).encode(), "application/json")},
    )

    assert refused.status_code == 400
    assert "another relationship" in refused.text
    assert open_store(web.db).latest_response(alex) is None


def test_compare_without_a_response_says_how_to_get_one(web: Web) -> None:
    pid = web.add_person("Alex", "friend")

    page = web.client.get(f"/people/{pid}/compare").text

    assert "No answers from Alex yet" in page
    assert f'action="/people/{pid}/invite"' in page


def test_the_phrasing_helper_answers_with_reframings(web: Web) -> None:
    found = web.post("/api/phrasing", {"text": "You always ignore me."}).json()
    calm = web.post("/api/phrasing", {"text": "We took turns last month."}).json()

    assert found["findings"]
    assert "always" in found["findings"][0]["span"].lower()
    assert calm == {"findings": []}


def test_the_proposal_helper_runs_the_core_rule(web: Web) -> None:
    answer = web.post(
        "/api/proposal",
        {
            "initiation-score": "2",
            "initiation-lean": "i-carry",
            "depth-score": "4",
            "depth-lean": "mutual",
            "crisis-score": "none",
            "maintenance-score": "5",
        },
    ).json()
    nothing = web.post("/api/proposal", {}).json()

    assert isinstance(answer["value"], int)
    assert 1 <= answer["value"] <= 5
    assert answer["explanation"]
    assert nothing["value"] is None


def test_the_proposal_waits_for_the_direction_of_a_low_score(web: Web) -> None:
    # Mid-answer: a 2 with no lean yet must not read as "nearly mutual".
    answer = web.post(
        "/api/proposal",
        {"initiation-score": "2", "depth-score": "5", "depth-lean": "mutual"},
    ).json()

    assert answer["value"] is None
    assert answer["explanation"] == [
        messages.WEB_PROPOSAL_WAITING.format(dimensions=messages.DIMENSION_NAMES["initiation"])
    ]


@pytest.mark.parametrize(
    "form",
    [
        {"initiation-score": "9", "initiation-lean": "i-carry"},
        {"initiation-score": "\u00b2"},
        {"initiation-score": "5", "initiation-lean": "i-carry"},
    ],
)
def test_an_answer_the_audit_refuses_is_left_out_of_the_proposal(
    web: Web, form: dict[str, str]
) -> None:
    answer = web.post("/api/proposal", {**form, "depth-score": "5"})
    assert answer.status_code == 200
    assert answer.json()["value"] == 5


def test_a_store_change_from_the_cli_shows_on_the_reminders(web: Web) -> None:
    store = open_store(web.db)
    try:
        store.add_person("Rosa", RelationshipKind.FRIEND)
    finally:
        store.close()

    assert "Rosa" in web.client.get("/reminders").text


def test_the_live_check_gives_each_piece_of_advice_once(web: Web) -> None:
    # "stop texting first" and "see if he notices" are the same kind of test: one note.
    text = "I'll stop texting first and then see if he notices."
    answer = web.post("/api/phrasing", {"text": text}).json()
    reframes = [f["reframe"] for f in answer["findings"]]
    assert len(reframes) == len(set(reframes))
    assert sum(1 for r in reframes if "waits to see whether they notice" in r) == 1
