"""The first run in a real browser: the welcome, three people, an audit each, the overview."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from reciprocity import messages
from reciprocity.core import Dimension, Lean
from tests.browser.audit_steps import DimensionAnswer, answer_audit
from tests.browser.conftest import App

DUE_ON = re.compile(re.escape(messages.WEB_DUE_ON).replace(r"\{date\}", r"\d{4}-\d\d-\d\d"))
FIRST_PEOPLE = [("Sam", "partner"), ("Alex", "friend"), ("Mum", "family")]

MOSTLY_MUTUAL = {
    Dimension.INITIATION: DimensionAnswer(3, Lean.I_CARRY, "I suggested our last three walks."),
    Dimension.DEPTH: DimensionAnswer(5, None, "We talked for an hour about my new job."),
    Dimension.CRISIS: DimensionAnswer(None, None, ""),
    Dimension.MAINTENANCE: DimensionAnswer(4, Lean.MUTUAL, "We both remember the birthdays."),
}


def test_a_first_run_welcomes_adds_three_people_audits_each_and_shows_their_states(
    page: Page, app: App
) -> None:
    page.goto("/")

    expect(page.get_by_role("heading", level=1)).to_have_text(messages.WEB_WELCOME_TITLE)
    for sentence in messages.WEB_WELCOME_SENTENCES:
        expect(page.locator(".welcome p").filter(has_text=sentence)).to_have_count(1)
    expect(page.get_by_role("heading", name=messages.WEB_FIRST_PEOPLE_TITLE)).to_be_visible()

    for name, kind in FIRST_PEOPLE:
        page.get_by_label(messages.WEB_PERSON_NAME, exact=True).fill(name)
        page.get_by_role("group", name=messages.WEB_PERSON_KIND).get_by_label(
            messages.KIND_LABELS[kind], exact=True
        ).check()
        page.get_by_role("button", name=messages.WEB_ADD_PERSON).click()
        expect(page.get_by_role("status")).to_have_text(messages.WEB_NOTICES["person-added"])
        expect(page.get_by_role("link", name=name, exact=True)).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(messages.WEB_OVERVIEW_TITLE)

    for name, _kind in FIRST_PEOPLE:
        page.get_by_role("link", name=name, exact=True).click()
        person_id = page.url.rsplit("/", 1)[-1]
        answer_audit(page, person_id, MOSTLY_MUTUAL)
        expect(page.locator(".history tbody tr")).to_have_count(1)
        page.get_by_role("link", name=messages.WEB_NAV_OVERVIEW).click()

    cards = page.locator(".card")
    expect(cards).to_have_count(3)
    for name, kind in FIRST_PEOPLE:
        card = cards.filter(has=page.get_by_role("link", name=name, exact=True))
        expect(card.locator(".kind")).to_have_text(messages.KIND_LABELS[kind])
        expect(card.locator(".badge")).to_have_text(messages.STATE_LABELS["not-enough-history"])
        spark = card.get_by_role("img", name=messages.WEB_SPARK_LABEL.format(name=name))
        expect(spark).to_be_visible()
        expect(card.locator(".due")).to_have_text(DUE_ON)
