"""The audit in the browser's forms: step by step, a draft kept, checked like any audit."""

from __future__ import annotations

import datetime as dt
import re
from html import unescape as html_text

import httpx2

from reciprocity import messages
from reciprocity.store import open_store
from tests.web.conftest import TODAY, Web

DIMENSION = {"score": "2", "lean": "i-carry", "example": "I planned our last three dinners."}


def _walk(
    web: Web, pid: str, *, overall: str = "2", reflection: bool = True, on: str = "2026-11-20"
) -> httpx2.Response:
    steps = [
        ("date", {"date": on}),
        ("initiation", DIMENSION),
        ("depth", {"score": "4", "lean": "mutual", "example": "We both listened in October."}),
        ("crisis", {"score": "none", "example": ""}),
        ("maintenance", {"score": "5", "example": "We both remember the dates."}),
        ("self", {"giving": "4", "receiving": "3", "giving_note": "", "receiving_note": ""}),
        ("overall", {"score": overall, "reason": ""}),
    ]
    if reflection:
        steps.append(
            (
                "reflection",
                {
                    "kind": "picture",
                    "text": "We take turns planning our dinners.",
                    "first_step": "Ask Alex to pick the next place.",
                },
            )
        )
    response = None
    for step, data in steps:
        response = web.post(f"/people/{pid}/audit/{step}", data)
        assert response.status_code == 200, (step, response.text[-3000:])
    assert response is not None
    return response


def test_a_whole_audit_step_by_step_is_saved_and_read(web: Web) -> None:
    pid = web.add_person("Alex", "friend")

    review = _walk(web, pid)

    text = review.text
    assert messages.WEB_SAVE_AUDIT in text
    assert "I planned our last three dinners." in text
    saved = web.post(f"/people/{pid}/audit-save", {})
    assert messages.WEB_NOTICES["audit-saved"] in saved.text
    store = open_store(web.db)
    audits = store.audits(pid)
    assert [a.date for a in audits] == [dt.date(2026, 11, 20)]
    audit = audits[0]
    assert audit.overall.score == 2
    assert audit.overall.proposed is not None
    assert audit.reflection is not None
    assert audit.reflection.first_step == "Ask Alex to pick the next place."
    assert audit.rating(audit.dimensions[2].dimension).no_recent_example
    assert store.draft(pid) is None


def test_a_mutual_rating_skips_the_reflection(web: Web) -> None:
    pid = web.add_person("Alex", "friend")

    review = _walk(web, pid, overall="4", reflection=False)

    assert messages.WEB_SAVE_AUDIT in review.text
    assert "/audit/reflection" not in review.text


def test_after_todays_audit_the_next_one_is_offered_for_another_day(web: Web) -> None:
    pid = web.add_person("Alex", "friend")
    _walk(web, pid, on=TODAY.isoformat())
    web.post(f"/people/{pid}/audit-save", {})

    page = web.client.get(f"/people/{pid}").text
    overview = web.client.get("/").text
    date_step = web.client.get(f"/people/{pid}/audit/date").text

    assert messages.WEB_AUDIT_ANOTHER_DAY in page
    assert messages.WEB_START_AUDIT not in page
    assert messages.WEB_AUDIT_ANOTHER_DAY in overview
    assert f'value="{TODAY.isoformat()}"' not in date_step


def test_starting_goes_to_the_first_open_step_and_resumes_the_draft(web: Web) -> None:
    pid = web.add_person("Alex", "friend")
    first = web.client.get(f"/people/{pid}/audit")
    assert first.url.path.endswith("/audit/date")

    web.post(f"/people/{pid}/audit/date", {"date": "2026-11-20"})
    web.post(f"/people/{pid}/audit/initiation", DIMENSION)

    resumed = web.client.get(f"/people/{pid}/audit")
    assert resumed.url.path.endswith("/audit/depth")
    back = web.client.get(f"/people/{pid}/audit/initiation").text
    assert 'value="2" checked' in back
    assert "I planned our last three dinners." in back
    assert messages.WEB_CONTINUE_AUDIT in web.client.get(f"/people/{pid}").text
    assert messages.WEB_CONTINUE_AUDIT in web.client.get("/").text


def test_what_is_typed_is_kept_before_the_step_is_sent(web: Web) -> None:
    pid = web.add_person("Alex", "friend")
    web.post(f"/people/{pid}/audit/date", {"date": "2026-11-20"})

    kept = web.post(
        f"/people/{pid}/audit/initiation/draft", {"score": "3", "example": "half a thought"}
    )

    assert kept.status_code == 204
    page = web.client.get(f"/people/{pid}/audit/initiation").text
    assert "half a thought" in page
    assert 'value="3" checked' in page
    draft = open_store(web.db).draft(pid)
    assert draft is not None
    assert draft.answers["_pending"]["initiation"]["example"] == "half a thought"


def test_the_proposal_on_a_restored_step_reads_what_was_typed_there(web: Web) -> None:
    pid = web.add_person("Alex", "friend")
    web.post(f"/people/{pid}/audit/date", {"date": "2026-11-20"})
    web.post(f"/people/{pid}/audit/initiation/draft", {"score": "5", "lean": "mutual"})

    page = web.client.get(f"/people/{pid}/audit/initiation").text

    assert messages.WEB_PROPOSAL_VALUE.format(value=5) in page
    assert f">{messages.WEB_PROPOSAL_NONE}<" not in page


def test_a_step_sent_without_a_score_asks_for_one_in_plain_words(web: Web) -> None:
    pid = web.add_person("Alex", "friend")
    web.post(f"/people/{pid}/audit/date", {"date": "2026-11-20"})

    response = web.post(f"/people/{pid}/audit/initiation", {"example": "a walk"})

    assert response.status_code == 400
    assert messages.ERR_SCORE_NEEDED in response.text
    assert "None" not in response.text
    assert "a walk" in response.text


def test_a_score_out_of_range_comes_back_as_a_problem_and_the_step_still_opens(
    web: Web,
) -> None:
    pid = web.add_person("Alex", "friend")
    web.post(f"/people/{pid}/audit/date", {"date": "2026-11-20"})

    refused = web.post(f"/people/{pid}/audit/initiation", {"score": "9", "example": "x"})
    again = web.client.get(f"/people/{pid}/audit/initiation")

    assert refused.status_code == 400
    assert again.status_code == 200


def test_a_low_score_without_a_direction_or_example_comes_back_at_its_fields(web: Web) -> None:
    pid = web.add_person("Alex", "friend")
    web.post(f"/people/{pid}/audit/date", {"date": "2026-11-20"})

    response = web.post(f"/people/{pid}/audit/initiation", {"score": "2", "example": ""})

    text = response.text
    assert response.status_code == 400
    assert 'id="lean-error"' in text
    assert 'id="example-error"' in text
    assert 'value="2" checked' in text
    # Said with the choices the page shows, not the answers file's values.
    assert html_text(messages.WEB_LEAN_NEEDED) in html_text(text)
    assert "'i-carry'" not in html_text(text)
    assert open_store(web.db).audits(pid) == []


def test_a_step_without_a_score_is_refused(web: Web) -> None:
    pid = web.add_person("Alex", "friend")
    web.post(f"/people/{pid}/audit/date", {"date": "2026-11-20"})

    response = web.post(f"/people/{pid}/audit/initiation", {"example": "something"})

    assert response.status_code == 400
    assert 'class="field-error"' in response.text


def test_a_date_in_the_future_or_taken_is_refused_before_the_questions(web: Web) -> None:
    pid = web.add_person("Alex", "friend")
    later = (TODAY + dt.timedelta(days=2)).isoformat()

    future = web.post(f"/people/{pid}/audit/date", {"date": later})
    assert future.status_code == 400
    assert 'id="date-error"' in future.text

    _walk(web, pid)
    web.post(f"/people/{pid}/audit-save", {})
    taken = web.post(f"/people/{pid}/audit/date", {"date": "2026-11-20"})
    assert taken.status_code == 400
    assert "already an audit" in taken.text


def test_accusing_words_get_the_reframing_and_can_be_kept(web: Web) -> None:
    pid = web.add_person("Alex", "friend")
    web.post(f"/people/{pid}/audit/date", {"date": "2026-11-20"})
    accusing = {"score": "1", "lean": "i-carry", "example": "You never call me back."}

    first = web.post(f"/people/{pid}/audit/initiation", accusing)

    text = first.text
    assert first.status_code == 200
    assert messages.PHRASING_NOTE_HEADER in text
    assert "never" in text
    assert re.search(r'name="keep_words"', text)
    assert "/audit/initiation" in str(first.url)
    kept = web.post(f"/people/{pid}/audit/initiation", {**accusing, "keep_words": "1"})
    assert str(kept.url).endswith("/audit/depth")


def test_the_overall_step_shows_the_proposal_and_its_reasons(web: Web) -> None:
    pid = web.add_person("Alex", "friend")
    web.post(f"/people/{pid}/audit/date", {"date": "2026-11-20"})
    for step in ("initiation", "depth", "crisis", "maintenance"):
        web.post(f"/people/{pid}/audit/{step}", DIMENSION)
    web.post(f"/people/{pid}/audit/self", {"giving": "4", "receiving": "4"})

    page = web.client.get(f"/people/{pid}/audit/overall").text

    assert messages.OVERALL_INTRO in page
    assert messages.WEB_PROPOSED_MARK.strip() in page
    assert re.search(r'value="2" checked', page)


def test_a_draft_can_be_thrown_away(web: Web) -> None:
    pid = web.add_person("Alex", "friend")
    web.post(f"/people/{pid}/audit/date", {"date": "2026-11-20"})

    response = web.post(f"/people/{pid}/audit-discard", {})

    assert messages.WEB_NOTICES["draft-discarded"] in response.text
    assert open_store(web.db).draft(pid) is None


def test_an_unknown_step_is_not_found(web: Web) -> None:
    pid = web.add_person("Alex", "friend")

    assert web.client.get(f"/people/{pid}/audit/dessert").status_code == 404
    assert web.client.get(f"/people/{pid}/audit/reflection").status_code == 404


def test_a_draft_begun_in_the_browser_is_the_one_the_terminal_resumes(web: Web) -> None:
    pid = web.add_person("Alex", "friend")
    web.post(f"/people/{pid}/audit/date", {"date": "2026-11-20"})
    web.post(f"/people/{pid}/audit/initiation", DIMENSION)

    draft = open_store(web.db).draft(pid)

    assert draft is not None
    assert draft.answers["initiation"] == {
        "score": 2,
        "lean": "i-carry",
        "example": "I planned our last three dinners.",
    }
    assert draft.answers["date"] == "2026-11-20"


def _saved(web: Web) -> tuple[str, str]:
    pid = web.add_person("Alex", "friend")
    _walk(web, pid)
    web.post(f"/people/{pid}/audit-save", {})
    audit = open_store(web.db).audits(pid)[0]
    return pid, audit.id


def _edit_form(web: Web, pid: str, audit_id: str) -> dict[str, object]:
    page = web.client.get(f"/people/{pid}/audits/{audit_id}/edit").text
    data: dict[str, object] = {}
    for name, value in re.findall(
        r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"[^>]*checked', page
    ):
        data[name] = value
    for name, value in re.findall(r'<input[^>]*name="([^"]+)" type="text" value="([^"]*)"', page):
        data[name] = value
    for name, value in re.findall(r'name="([^"]+)" rows="3"[^>]*>([^<]*)</textarea>', page):
        data[name] = value
    revision = re.search(r'name="revision" value="(\d+)"', page)
    assert revision
    data["revision"] = revision.group(1)
    return data


def test_an_audit_is_shown_and_changed_keeping_the_earlier_version(web: Web) -> None:
    pid, audit_id = _saved(web)
    shown = web.client.get(f"/people/{pid}/audits/{audit_id}")
    assert shown.status_code == 200
    assert messages.SHOW_HOW_PROPOSED in shown.text

    form = _edit_form(web, pid, audit_id)
    form["depth-example"] = "We both listened, and she asked twice."
    saved = web.post(f"/people/{pid}/audits/{audit_id}/edit", form)

    assert messages.WEB_NOTICES["audit-revised"] in saved.text
    store = open_store(web.db)
    audit = store.audits(pid)[0]
    assert audit.revision == 2
    assert audit.dimensions[1].example == "We both listened, and she asked twice."
    assert len(store.earlier_revisions(audit)) == 1


def test_two_tabs_editing_one_audit_cannot_overwrite_each_other(web: Web) -> None:
    pid, audit_id = _saved(web)
    first_tab = _edit_form(web, pid, audit_id)
    second_tab = _edit_form(web, pid, audit_id)

    first_tab["depth-example"] = "Written in the first tab."
    web.post(f"/people/{pid}/audits/{audit_id}/edit", first_tab)
    second_tab["depth-example"] = "Written in the second tab."
    refused = web.post(f"/people/{pid}/audits/{audit_id}/edit", second_tab)

    assert refused.status_code == 409
    assert "another window or tab" in refused.text
    assert "Written in the second tab." in refused.text
    assert open_store(web.db).audits(pid)[0].dimensions[1].example == "Written in the first tab."


def test_an_edit_that_breaks_a_rule_comes_back_with_the_message(web: Web) -> None:
    pid, audit_id = _saved(web)
    form = _edit_form(web, pid, audit_id)
    form["initiation-example"] = ""

    response = web.post(f"/people/{pid}/audits/{audit_id}/edit", form)

    assert response.status_code == 400
    assert 'class="field-error"' in response.text
    assert open_store(web.db).audits(pid)[0].revision == 1


def test_an_audit_of_another_relationship_is_not_found_here(web: Web) -> None:
    _, audit_id = _saved(web)
    other = web.add_person("Sam", "partner")

    assert web.client.get(f"/people/{other}/audits/{audit_id}").status_code == 404
