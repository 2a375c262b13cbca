"""The browser layer: Debian's Chromium, driven by Playwright, against a real server.

One browser for the whole layer (package scope: Playwright's sync API keeps an event
loop of its own, which must be gone before other layers use asyncio), one server per
test module over a real SQLite file, and a fresh browser context per test. Every
context refuses any request that would leave the app's origin and fails the test that
made it, and any script error or Content-Security-Policy violation fails it too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Route,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError

from reciprocity.core import (
    Audit,
    Dimension,
    DimensionRating,
    Lean,
    Person,
    RelationshipKind,
    make_audit,
)
from reciprocity.core.model import SelfCheck
from reciprocity.store import Store, new_id, open_store
from tests.browser.server import serve

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update"]
DESKTOP = {"width": 1280, "height": 900}
AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"


@dataclass
class App:
    """A running reciprocity server and the database file under it."""

    origin: str
    db: Path
    _names: set[str] = field(default_factory=set)

    def url(self, path: str) -> str:
        """The full address of a path of the app."""
        return self.origin + path

    @contextmanager
    def store(self) -> Iterator[Store]:
        """The same database, opened the way the terminal opens it (to set things up)."""
        opened = open_store(self.db)
        try:
            yield opened
        finally:
            opened.close()

    def person(self, name: str, kind: RelationshipKind = RelationshipKind.FRIEND) -> Person:
        """Add a relationship directly in the store; a module's tests share the server."""
        assert name not in self._names, f"{name} is already in this module's database"
        self._names.add(name)
        with self.store() as store:
            return store.add_person(name, kind)


def audit_of(
    person: Person,
    on: dt.date,
    score: int,
    lean: Lean,
    *,
    example: str = "We met for coffee on Sunday.",
    overall: int | None = None,
) -> Audit:
    """An audit with every dimension alike, as the terminal would have saved it."""
    ratings = {d: DimensionRating.rated(d, score, lean, example) for d in Dimension}
    return make_audit(
        audit_id=new_id(),
        person_id=person.id,
        on=on,
        today=on,
        dimensions=ratings,
        self_check=SelfCheck(4, 4),
        overall_score=overall if overall is not None else score,
    )


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, started once for the whole browser layer; never a downloaded one."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (see .ci/run)")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[App]:
    """A real server over a fresh database file, shared by the tests of one module."""
    db = tmp_path_factory.mktemp("browser") / "reciprocity.db"
    with serve(db) as origin:
        yield App(origin, db)


@dataclass
class Watch:
    """What the pages of one context did that a test must not allow."""

    origins: list[str]
    outside: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def allow(self, origin: str) -> None:
        """Let the pages reach another of the test's own servers (or files) too."""
        if origin not in self.origins:
            self.origins.append(origin)

    def route(self, route: Route) -> None:
        url = route.request.url
        self.requests.append(url)
        if any(url == origin or url.startswith(origin + "/") for origin in self.origins):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort("blockedbyclient")

    def console(self, message: ConsoleMessage) -> None:
        # A deliberate 4xx (a refused stale edit, a step with problems) logs a failed
        # load; anything else at error level (a script error, a CSP refusal) is a bug.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.errors.append(message.text)

    def page_error(self, error: PlaywrightError) -> None:
        self.errors.append(str(error))

    def attach(self, page: Page) -> None:
        page.on("console", self.console)
        page.on("pageerror", self.page_error)

    def check(self) -> None:
        assert not self.outside, f"requests left the origin: {self.outside}"
        assert not self.errors, f"errors in the page: {self.errors}"


NewContext = Callable[..., BrowserContext]


@pytest.fixture
def watch(app: App) -> Watch:
    """The record of one test's requests and page errors."""
    return Watch([app.origin])


@pytest.fixture
def new_context(browser: Browser, app: App, watch: Watch) -> Iterator[NewContext]:
    """Open browser contexts on the app (like fresh browser profiles), watched, closed after."""
    opened: list[BrowserContext] = []

    def make(**options: Any) -> BrowserContext:
        settings: dict[str, Any] = {"viewport": DESKTOP, "base_url": app.origin, **options}
        context = browser.new_context(**settings)
        context.set_default_timeout(10_000)
        context.route("**/*", watch.route)
        context.on("page", watch.attach)
        opened.append(context)
        return context

    yield make
    for context in opened:
        context.close()
    watch.check()


@pytest.fixture
def page(new_context: NewContext) -> Page:
    """A tab in a fresh desktop-sized browser context."""
    return new_context().new_page()
