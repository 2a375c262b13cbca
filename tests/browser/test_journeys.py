"""What a person does in the browser, each journey read as the promise it keeps."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from icalendar import Calendar
from playwright.sync_api import Locator, Page, Response, expect

from reciprocity import messages
from reciprocity.core import Dimension, Lean, RelationshipKind
from tests.browser.audit_steps import DimensionAnswer, answer_audit, choose, next_step
from tests.browser.conftest import App, NewContext, Watch, audit_of

TODAY = dt.date.today()
DRAFT_UP_TO_A_LOW_OVERALL: dict[str, Any] = {
    "date": TODAY.isoformat(),
    **{
        d.value: {"score": 2, "lean": "i-carry", "example": "I planned our last three dinners."}
        for d in Dimension
    },
    "self": {"giving": 4, "receiving": 3, "giving_note": "", "receiving_note": ""},
    "overall": {"score": 2, "reason": ""},
}


def _badge(page: Page) -> Locator:
    return page.locator("section[aria-labelledby='state-title'] .badge")


def test_a_season_and_a_second_look_turn_a_low_audit_into_a_temporary_asymmetry(
    page: Page, app: App
) -> None:
    jo = app.person("Jo")
    with app.store() as store:
        for days_ago in (270, 180, 90):
            store.add_audit(audit_of(jo, TODAY - dt.timedelta(days=days_ago), 5, Lean.MUTUAL))
    page.goto(f"/people/{jo.id}")
    expect(_badge(page)).to_have_text(messages.STATE_LABELS["mutual"])

    page.locator("summary", has_text=messages.WEB_ADD_SEASON).click()
    season = page.locator("form[action$='/seasons']")
    choose(page, messages.WEB_SEASON_WHOSE, messages.WEB_WHOSE_CHOICES["them"].format(name="Jo"))
    season.get_by_label(messages.WEB_SEASON_KIND).select_option("illness")
    season.get_by_label(messages.WEB_SEASON_FROM).fill((TODAY - dt.timedelta(days=14)).isoformat())
    season.get_by_label(messages.WEB_SEASON_NOTE).fill("Jo's operation")
    season.get_by_role("button", name=messages.WEB_ADD_SEASON).click()
    expect(page.get_by_role("status")).to_have_text(messages.WEB_NOTICES["season-added"])
    expect(page.locator(".seasons")).to_contain_text("Jo's operation")
    expect(_badge(page)).to_have_text(messages.STATE_LABELS["mutual"])

    carrying = DimensionAnswer(3, Lean.I_CARRY, "I drove Jo to the clinic twice.")
    answer_audit(page, jo.id, dict.fromkeys(Dimension, carrying))

    expect(_badge(page)).to_have_text(messages.STATE_LABELS["temporary-asymmetry"])
    reasons = page.locator("section[aria-labelledby='state-title'] .reasons")
    expect(reasons).to_contain_text(messages.RULE_TEXT["in-season"].rsplit(": ", 1)[-1])
    expect(reasons).to_contain_text(messages.SEASON_KIND_LABELS["illness"])


def test_an_accusing_picture_gets_a_gentle_reframing_while_typing_and_when_sent(
    page: Page, app: App
) -> None:
    robin = app.person("Robin")
    with app.store() as store:
        store.save_draft(robin.id, DRAFT_UP_TO_A_LOW_OVERALL)
    page.goto(f"/people/{robin.id}/audit/reflection")
    choose(page, messages.ASK_REFLECTION_KIND, messages.REFLECTION_KIND_LABELS["picture"])

    page.get_by_label(messages.WEB_REFLECTION_TEXT).press_sequentially(
        "You never listen to me and you always cancel our plans."
    )

    live = page.locator(".phrasing-live[data-for='text']")
    expect(live).to_contain_text(messages.PHRASING_NOTE_HEADER)
    expect(live.get_by_role("listitem").first).to_contain_text('"You never"')
    page.get_by_label(messages.ASK_FIRST_STEP).fill("Ask Robin to choose the next film.")
    page.get_by_role("button", name=messages.WEB_NEXT, exact=True).click()
    offered = page.locator(".phrasing[role='status']")
    expect(offered).to_contain_text(messages.WEB_PHRASING_CHOICE)
    expect(offered.get_by_role("listitem")).to_have_count(2)
    expect(page.get_by_label(messages.WEB_REFLECTION_TEXT)).to_have_value(
        "You never listen to me and you always cancel our plans."
    )
    offered.get_by_role("button", name=messages.CHOICE_KEEP).click()
    expect(page).to_have_url(re.compile(f"/people/{robin.id}/audit/review$"))


def test_the_calendar_file_holds_the_dates_and_follow_ups_kept_in_the_browser(
    page: Page, app: App
) -> None:
    kit = app.person("Kit", RelationshipKind.FAMILY)
    page.goto(f"/people/{kit.id}")
    page.locator("summary", has_text=messages.WEB_ADD_DATE).click()
    dates = page.locator("form[action$='/dates']")
    dates.get_by_label(messages.WEB_DATE_LABEL).fill("Kit's birthday")
    dates.get_by_label(messages.WEB_DATE_DAY).fill((TODAY + dt.timedelta(days=10)).isoformat())
    dates.get_by_role("button", name=messages.WEB_ADD_DATE).click()
    expect(page.get_by_role("status")).to_have_text(messages.WEB_NOTICES["remembered"])
    page.locator("summary", has_text=messages.WEB_ADD_THING).click()
    things = page.locator("form[action$='/things']")
    things.get_by_label(messages.WEB_THING_TEXT).fill("the job interview")
    things.get_by_label(messages.WEB_THING_FOLLOW_UP).fill(
        (TODAY + dt.timedelta(days=5)).isoformat()
    )
    things.get_by_role("button", name=messages.WEB_ADD_THING).click()
    expect(page.get_by_role("status")).to_have_text(messages.WEB_NOTICES["remembered"])

    page.get_by_role("link", name=messages.WEB_NAV_REMINDERS).click()
    expect(page.locator("main")).to_contain_text("Kit: Kit's birthday")
    with page.expect_download() as downloading:
        page.get_by_role("link", name=messages.WEB_CALENDAR_DOWNLOAD).click()
    download = downloading.value

    assert download.suggested_filename.endswith(".ics")
    calendar = Calendar.from_ical(download.path().read_bytes())
    summaries = {str(event["summary"]) for event in calendar.walk("VEVENT")}
    assert messages.CAL_DATE_SUMMARY.format(name="Kit", label="Kit's birthday") in summaries
    assert messages.CAL_FOLLOW_UP_SUMMARY.format(name="Kit", text="the job interview") in summaries
    served = page.request.get("/calendar.ics")
    assert served.headers["content-type"].startswith("text/calendar")


def _tab_to(page: Page, target: Locator, limit: int = 80) -> None:
    """Press Tab until ``target`` has the focus (only reading where the focus is)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {target}")


def _pick(page: Page, legend: str, *keys: str) -> None:
    """Tab into the question ``legend`` (its first option) and press ``keys`` there."""
    _tab_to(page, page.get_by_role("group", name=legend).get_by_role("radio").first)
    for key in keys:
        page.keyboard.press(key)


def _write(page: Page, label: str, text: str) -> None:
    _tab_to(page, page.get_by_label(label))
    page.keyboard.type(text)


def _press_on(page: Page, name: str, person_id: str, lands_on: str) -> None:
    _tab_to(page, page.get_by_role("button", name=name, exact=True))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"/people/{person_id}{lands_on}"))


def test_a_whole_audit_with_the_keyboard_only(page: Page, app: App) -> None:
    lee = app.person("Lee")
    page.goto(f"/people/{lee.id}")
    _tab_to(page, page.get_by_role("link", name=messages.WEB_START_AUDIT, exact=True))
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"/people/{lee.id}/audit/date$"))
    _press_on(page, messages.WEB_NEXT, lee.id, "/audit/initiation$")

    # 2, I carry more: Space takes the first score, an arrow moves to the next one.
    _pick(page, messages.ASK_SCORE, "Space", "ArrowDown")
    _pick(page, messages.ASK_LEAN, "Space")
    _write(page, messages.ASK_EXAMPLE, "I suggested every one of our walks.")
    _press_on(page, messages.WEB_NEXT, lee.id, "/audit/depth$")
    _pick(page, messages.ASK_SCORE, *["ArrowDown"] * 4)  # 5, mutual
    _write(page, messages.ASK_EXAMPLE, "We talked for an hour about my new job.")
    _press_on(page, messages.WEB_NEXT, lee.id, "/audit/crisis$")
    _pick(page, messages.ASK_SCORE, "ArrowUp")  # wraps round to "no recent example"
    _press_on(page, messages.WEB_NEXT, lee.id, "/audit/maintenance$")
    _pick(page, messages.ASK_SCORE, *["ArrowDown"] * 4)
    _write(page, messages.ASK_EXAMPLE, "We both keep our Friday calls going.")
    _press_on(page, messages.WEB_NEXT, lee.id, "/audit/self$")
    _pick(page, messages.ASK_SELF_GIVING, "Space", *["ArrowDown"] * 3)
    _pick(page, messages.ASK_SELF_RECEIVING, "Space", *["ArrowDown"] * 3)
    _press_on(page, messages.WEB_NEXT, lee.id, "/audit/overall$")
    _press_on(page, messages.WEB_NEXT, lee.id, "/audit/review$")
    _press_on(page, messages.WEB_SAVE_AUDIT, lee.id, r"\?notice=audit-saved$")

    expect(page.get_by_role("status")).to_have_text(messages.WEB_NOTICES["audit-saved"])
    with app.store() as store:
        (audit,) = store.audits(lee.id)
    assert [r.score for r in audit.dimensions] == [2, 5, None, 5]
    assert audit.dimensions[0].lean is Lean.I_CARRY
    assert audit.dimensions[0].example == "I suggested every one of our walks."
    assert (audit.self_check.giving, audit.self_check.receiving) == (4, 4)


def _saved_with(example: str) -> Any:
    def matches(response: Response) -> bool:
        if not response.url.endswith("/audit/initiation/draft"):
            return False
        sent = parse_qs(response.request.post_data or "")
        return response.status == 204 and sent.get("example") == [example]

    return matches


def test_an_unfinished_audit_survives_closing_the_tab(
    page: Page, app: App, new_context: NewContext
) -> None:
    pat = app.person("Pat")
    page.goto(f"/people/{pat.id}/audit")
    next_step(page, pat.id, "initiation")
    choose(page, messages.ASK_SCORE, messages.SCORE_LABELS[3])
    choose(page, messages.ASK_LEAN, messages.LEAN_CHOICES["they-carry"])
    half = "Pat rang me after the funeral"
    with page.expect_response(_saved_with(half)):
        page.get_by_label(messages.ASK_EXAMPLE).fill(half)

    page.close()
    reopened = new_context().new_page()
    reopened.goto(f"/people/{pat.id}")
    reopened.get_by_role("link", name=messages.WEB_CONTINUE_AUDIT).click()

    expect(reopened).to_have_url(re.compile(f"/people/{pat.id}/audit/initiation$"))
    expect(reopened.get_by_label(messages.SCORE_LABELS[3], exact=True)).to_be_checked()
    expect(reopened.get_by_label(messages.LEAN_CHOICES["they-carry"])).to_be_checked()
    expect(reopened.get_by_label(messages.ASK_EXAMPLE)).to_have_value(half)


def test_two_tabs_editing_one_audit_never_overwrite_each_other(
    page: Page, app: App, new_context: NewContext
) -> None:
    ash = app.person("Ash")
    with app.store() as store:
        saved = store.add_audit(audit_of(ash, TODAY - dt.timedelta(days=30), 4, Lean.MUTUAL))
    edit = f"/people/{ash.id}/audits/{saved.id}/edit"
    first = page
    second = first.context.new_page()
    first.goto(edit)
    second.goto(edit)

    second.locator("#initiation-example").fill("Ash phoned me twice this week.")
    second.get_by_role("button", name=messages.WEB_SAVE_CHANGES).click()
    expect(second.get_by_role("status")).to_have_text(messages.WEB_NOTICES["audit-revised"])
    first.locator("#initiation-example").fill("I phoned Ash on Monday.")
    first.get_by_role("button", name=messages.WEB_SAVE_CHANGES).click()

    expect(first.get_by_role("alert")).to_have_text(messages.WEB_EDIT_STALE.format(revision=1))
    expect(first.locator("#initiation-example")).to_have_value("I phoned Ash on Monday.")
    with app.store() as store:
        latest = store.latest_audit(ash.id)
    assert latest is not None
    assert latest.revision == 2
    assert latest.dimensions[0].example == "Ash phoned me twice this week."


def test_the_apps_own_forms_are_accepted_though_chromium_sends_origin_null(
    page: Page, app: App
) -> None:
    page.goto("/")

    with page.expect_request(lambda r: r.method == "POST" and r.url.endswith("/people")) as sent:
        page.get_by_label(messages.WEB_PERSON_NAME, exact=True).fill("Remy")
        page.get_by_role("group", name=messages.WEB_PERSON_KIND).get_by_label(
            messages.KIND_LABELS["colleague"], exact=True
        ).check()
        page.get_by_role("button", name=messages.WEB_ADD_PERSON).click()

    expect(page.get_by_role("status")).to_have_text(messages.WEB_NOTICES["person-added"])
    # Under the app's Referrer-Policy: no-referrer, Chromium hides the form's origin; the
    # guard lets "null" through only with Sec-Fetch-Site: same-origin, which Chromium adds
    # below what Playwright sees, so the person being added is the proof it was sent.
    assert sent.value.all_headers().get("origin") == "null"


def test_their_view_comes_back_from_the_invitation_file_and_sits_beside_mine(
    page: Page, app: App, watch: Watch, tmp_path: Path
) -> None:
    noor = app.person("Noor")
    with app.store() as store:
        store.add_audit(audit_of(noor, TODAY - dt.timedelta(days=10), 3, Lean.I_CARRY))
    page.goto(f"/people/{noor.id}")
    with page.expect_download() as making:
        page.get_by_role("button", name=messages.WEB_MAKE_INVITATION).click()
    invitation = tmp_path / making.value.suggested_filename
    making.value.save_as(invitation)

    # They open the file from their disk: the only thing outside the app a page may load.
    watch.allow(invitation.as_uri())
    theirs = page.context.new_page()
    theirs.goto(invitation.as_uri())
    for dimension in Dimension:
        part = theirs.locator(f"fieldset[data-dimension='{dimension.value}']")
        part.get_by_label(messages.SCORE_LABELS[4], exact=True).check()
        part.get_by_label(messages.LEAN_CHOICES["they-carry"]).check()
        part.get_by_label(messages.ASK_EXAMPLE).fill("I felt Noor carried our plans this autumn.")
    with theirs.expect_download() as answering:
        theirs.get_by_role("button", name=messages.INVITE_PAGE_BUTTON).click()
    sent_back = tmp_path / answering.value.suggested_filename
    answering.value.save_as(sent_back)

    page.goto(f"/people/{noor.id}/compare")
    page.get_by_label(messages.WEB_RESPONSE_FILE).set_input_files(sent_back)
    page.get_by_role("button", name=messages.WEB_IMPORT_RESPONSE).click()

    expect(page.get_by_role("status")).to_have_text(messages.WEB_NOTICES["response-imported"])
    rows = page.locator("table.compare tbody tr")
    expect(rows).to_have_count(len(Dimension))
    expect(rows.first).to_contain_text(messages.DIMENSION_NAMES[Dimension.INITIATION.value])


def test_a_chat_export_uploaded_in_the_browser_becomes_patterns_after_one_question(
    page: Page, app: App, tmp_path: Path
) -> None:
    lou = app.person("Lou", RelationshipKind.FRIEND)
    lines = []
    at = dt.datetime.combine(TODAY, dt.time(9)) - dt.timedelta(days=120)
    for i in range(240):
        at += dt.timedelta(hours=6 if i % 3 else 26)
        lines.append(f"{at:%d/%m/%Y, %H:%M} - {'Lou' if i % 2 else 'Robin'}: how was your day?")
    chat = tmp_path / "WhatsApp Chat with Lou.txt"
    chat.write_text("\n".join(lines) + "\n", encoding="utf-8")

    page.goto(f"/people/{lou.id}")
    page.get_by_role("link", name=messages.WEB_EVIDENCE_LINK).click()
    page.get_by_label(messages.WEB_EVIDENCE_FILE, exact=True).set_input_files(chat)
    page.get_by_role("button", name=messages.WEB_EVIDENCE_IMPORT, exact=True).click()

    expect(page.locator("h1")).to_have_text(messages.WEB_EVIDENCE_WHO_TITLE.format(file=chat.name))
    page.get_by_role("group", name=messages.WEB_EVIDENCE_WHO_ME).get_by_label(
        re.compile(r"Robin \(")
    ).check()
    page.get_by_role("button", name=messages.WEB_EVIDENCE_CONTINUE).click()

    expect(page.get_by_role("status")).to_have_text(messages.WEB_NOTICES["evidence-imported"])
    expect(page.get_by_role("status")).to_be_focused()  # read out first, Tab goes on from it
    expect(page.locator("svg.chart")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Who started conversations after a quiet spell")
