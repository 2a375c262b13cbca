"""Every page, as shipped: accessible, phone-sized, dark-mode aware, and never calling out.

The pages are filled from the demo data set plus what it lacks (dates to remember,
an unfinished audit, the other person's answers), so every part of every page is
there to be checked; the welcome is served from a database of its own, still empty.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from reciprocity import messages
from reciprocity.core import DimensionRating, Lean
from reciprocity.core.audit import needs_reflection
from reciprocity.core.evidence import Role
from reciprocity.core.invitation import Response
from reciprocity.core.memory import ImportantDate, SharedThing
from reciprocity.demo import demo_archive
from reciprocity.evidence.importer import ChatSource, import_chat
from reciprocity.evidence.model import ChatMessage
from reciprocity.formats.invitation_page import invitation_html
from reciprocity.store import new_id
from reciprocity.web.pages.audit import STEPS
from tests.browser.conftest import AXE, App, NewContext, Watch
from tests.browser.server import serve

TODAY = dt.date.today()
PHONE = {"width": 375, "height": 740}
INVITE = "invite"
SENT_WITH_PROBLEMS = "audit step sent with problems"
# Served at the app's own origin by the test (never by the app), so the page's strict
# Content-Security-Policy stays in force while axe reads it: script-src 'self' admits it.
AXE_PATH = "/__tests__/axe.min.js"


@dataclass(frozen=True)
class Site:
    """The pages to check: a name for each, and its full address."""

    pages: dict[str, str]
    invitation: str


@pytest.fixture(scope="module")
def empty_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """A second server, over a database with nobody in it yet: the welcome."""
    db = tmp_path_factory.mktemp("welcome") / "reciprocity.db"
    with serve(db) as origin:
        yield App(origin, db)


ROLES = {"Mum": Role.THEM, "Me": Role.ME}


def _chat() -> Iterator[ChatMessage]:
    """Half a year of messages between Mum and me, some of them about something hard."""
    texts = ("how are you?", "I had a really hard day at the hospital", "oh no, I'm so sorry")
    at = dt.datetime.combine(TODAY, dt.time(9)) - dt.timedelta(days=180)
    for i in range(300):
        at += dt.timedelta(hours=5 if i % 3 else 20)
        yield ChatMessage(at, "Mum" if i % 2 else "Me", texts[i % len(texts)])


def _draft(answers_date: dt.date) -> dict[str, Any]:
    dimension = {"score": 2, "lean": "i-carry", "example": "I planned our last three dinners."}
    return {
        "date": answers_date.isoformat(),
        "initiation": dimension,
        "depth": {"score": 4, "lean": "mutual", "example": "We both listened in October."},
        "crisis": {"no_recent_example": True, "example": ""},
        "maintenance": dimension,
        "self": {"giving": 4, "receiving": 2, "giving_note": "", "receiving_note": ""},
        "overall": {"score": 2, "reason": "It has felt one-way since spring."},
        "reflection": {
            "kind": "picture",
            "text": "We take turns planning our evenings.",
            "first_step": "Ask Sam to choose the next place.",
        },
    }


@pytest.fixture(scope="module")
def site(app: App, empty_app: App) -> Site:
    """The demo data set, with what it lacks, and the address of every page."""
    with app.store() as store:
        store.import_archive(demo_archive(TODAY), file="demo")
        people = {p.person.name: p.person for p in store.people()}
        alex, mum, sam = people["Alex"], people["Mum"], people["Sam"]
        store.add_important_date(
            ImportantDate(new_id(), alex.id, "Alex's birthday", TODAY + dt.timedelta(days=9))
        )
        store.add_shared_thing(
            SharedThing(new_id(), mum.id, "the hospital check-up", TODAY + dt.timedelta(days=4))
        )
        store.save_draft(sam.id, _draft(TODAY - dt.timedelta(days=1)))
        invitation = store.add_invitation(alex.id)
        latest = store.latest_audit(alex.id)
        assert latest is not None
        theirs = tuple(
            DimensionRating.rated(r.dimension, 3, Lean.I_CARRY, "From my side it felt uneven.")
            for r in latest.dimensions
        )
        store.import_response(
            Response(invitation.id, alex.id, TODAY, theirs), invitation.code, file="r.json"
        )
        reflected = next(a for a in store.audits(mum.id) if needs_reflection(a.overall.score))
        page_of_invitation = invitation_html(store.add_invitation(mum.id))
        import_chat(store, mum.id, _chat(), ChatSource("chat.txt", "whatsapp"), roles=ROLES)
    jo = app.person("Jo")
    pages = {
        "welcome": empty_app.url("/"),
        "overview": app.url("/"),
        "relationship": app.url(f"/people/{mum.id}"),
        "relationship without audits": app.url(f"/people/{jo.id}"),
        **{f"audit step {step}": app.url(f"/people/{sam.id}/audit/{step}") for step in STEPS},
        SENT_WITH_PROBLEMS: app.url(f"/people/{alex.id}/audit/initiation"),
        "an audit": app.url(f"/people/{mum.id}/audits/{reflected.id}"),
        "changing an audit": app.url(f"/people/{mum.id}/audits/{reflected.id}/edit"),
        "guide": app.url(f"/people/{mum.id}/guide"),
        "chats": app.url(f"/people/{mum.id}/evidence"),
        "chats not imported": app.url(f"/people/{jo.id}/evidence"),
        "compare": app.url(f"/people/{alex.id}/compare"),
        "compare without answers": app.url(f"/people/{sam.id}/compare"),
        "reminders": app.url("/reminders"),
        "export and import": app.url("/exchange"),
        "settings": app.url("/settings"),
        "not found": app.url("/people/nobody"),
    }
    return Site(pages, page_of_invitation)


PAGES = [
    "welcome",
    "overview",
    "relationship",
    "relationship without audits",
    *(f"audit step {step}" for step in STEPS),
    SENT_WITH_PROBLEMS,
    "an audit",
    "changing an audit",
    "guide",
    "chats",
    "chats not imported",
    "compare",
    "compare without answers",
    INVITE,
    "reminders",
    "export and import",
    "settings",
    "not found",
]


def _visit(page: Page, site: Site, name: str, watch: Watch, empty_app: App) -> None:
    """Open a page with every disclosure open, so the forms inside are checked too."""
    watch.allow(empty_app.origin)
    if name == INVITE:
        # The invitation is a file the person sends, opened from disk, not served: a
        # blank page first, so the app's CSP of the page before does not apply to it.
        page.goto("about:blank")
        page.set_content(site.invitation)
    else:
        page.goto(site.pages[name])
    if name == SENT_WITH_PROBLEMS:
        page.get_by_role("button", name=messages.WEB_NEXT, exact=True).click()
        expect(page.locator("[aria-invalid='true']").first).to_be_visible()
        # The answer's page is there before its stylesheet may be: a busy machine once
        # measured its background before any style applied.
        page.wait_for_load_state("load")
    page.eval_on_selector_all("details", "all => all.forEach(d => { d.open = true; })")


def test_the_list_names_every_page_of_the_site_once(site: Site) -> None:
    assert sorted(PAGES) == sorted([*site.pages, INVITE])


def _serious_violations(
    page: Page, *, under_csp: bool = True, rules: list[str] | None = None
) -> list[dict[str, Any]]:
    """What axe finds of serious or critical impact on the page as it is now.

    Args:
        page: The page, loaded.
        under_csp: Whether the page has the app's CSP (axe then comes from its origin).
        rules: Only these axe rules (all of them when not given).
    """
    if under_csp:
        pattern = f"**{AXE_PATH}"
        page.route(pattern, lambda route: route.fulfill(path=AXE))
        page.add_script_tag(url=AXE_PATH)
        page.unroute(pattern)
    else:
        page.add_script_tag(path=AXE)
    found: list[dict[str, Any]] = page.evaluate(
        """async (rules) => {
            const options = {resultTypes: ["violations"]};
            if (rules) { options.runOnly = rules; }
            const found = await axe.run(document, options);
            return found.violations
                .filter(v => v.impact === "serious" || v.impact === "critical")
                .map(v => ({id: v.id, impact: v.impact, help: v.help,
                            where: v.nodes.map(n => n.target.join(" ")).slice(0, 5)}));
        }""",
        rules,
    )
    return found


def test_the_scan_finds_a_serious_problem_when_there_is_one(page: Page) -> None:
    page.set_content('<html lang="en"><title>A page</title><main><img src="data:,"></main></html>')

    found = _serious_violations(page, under_csp=False)

    assert [v["id"] for v in found] == ["image-alt"]


@pytest.mark.parametrize("name", PAGES)
def test_a_page_has_no_serious_accessibility_problem(
    name: str, site: Site, page: Page, watch: Watch, empty_app: App
) -> None:
    _visit(page, site, name, watch, empty_app)

    # The invitation is opened from a file, without the app's CSP: axe goes in inline.
    violations = _serious_violations(page, under_csp=name != INVITE)

    assert violations == [], violations


def test_every_page_fits_a_phone_without_scrolling_sideways(
    site: Site, new_context: NewContext, watch: Watch, empty_app: App
) -> None:
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    too_wide = {}
    for name in PAGES:
        _visit(page, site, name, watch, empty_app)
        scroll, client = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        if scroll > client:
            too_wide[name] = f"{scroll}px wide on a {client}px screen"

    assert too_wide == {}


def test_dark_mode_darkens_every_page_and_keeps_it_readable(
    site: Site, page: Page, watch: Watch, empty_app: App
) -> None:
    unreadable = {}
    body = page.locator("body")
    for name in PAGES:
        if name == INVITE:
            continue
        _visit(page, site, name, watch, empty_app)
        # Waited for, not read once: a busy machine once read a page before its
        # stylesheet applied (a transparent background).
        page.emulate_media(color_scheme="light")
        expect(body, f"{name}, light").to_have_css("background-color", "rgb(251, 250, 247)")
        page.emulate_media(color_scheme="dark")
        expect(body, f"{name}, dark").to_have_css("background-color", "rgb(22, 24, 27)")
        if found := _serious_violations(page, rules=["color-contrast"]):
            unreadable[name] = found

    assert unreadable == {}


def test_no_page_asks_anything_of_another_origin(
    site: Site, page: Page, watch: Watch, empty_app: App
) -> None:
    for name in PAGES:
        if name != INVITE:
            _visit(page, site, name, watch, empty_app)

    assert watch.outside == []
    own = (site.pages["overview"].rstrip("/"), empty_app.origin)
    assert all(url.startswith(own) for url in watch.requests)
    assert any(url.endswith("/static/app.css") for url in watch.requests)
    assert any(url.endswith("/static/app.js") for url in watch.requests)
