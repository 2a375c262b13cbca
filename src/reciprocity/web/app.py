"""The local web app: every page, over the same store and core functions as the CLI."""

from __future__ import annotations

import contextlib
import datetime as dt
import secrets
import sqlite3
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from reciprocity.errors import ReciprocityError
from reciprocity.store import Store, open_store
from reciprocity.web.context import MAX_FORM_BYTES, Handler, Web, page
from reciprocity.web.pages import (
    api,
    audit,
    conversation,
    evidence,
    keeping,
    people,
    relationship,
)
from reciprocity.web.security import LOOPBACK_NAMES, Guard, GuardSettings
from reciprocity.web.snapshot import Snapshots

__all__ = ["WebConfig", "create_app"]

_HERE = Path(__file__).parent


def _local_today() -> dt.date:
    return dt.datetime.now().astimezone().date()


@dataclass(frozen=True)
class WebConfig:
    """How the app is served.

    Attributes:
        database: The database file or URL.
        hosts: Extra host names it answers to (besides the loopback names).
        password: Required on every request when set (serving beyond this computer).
        clock: Today's date (a test passes a fixed one).
        lock_timeout: Seconds to wait for another writer.
    """

    database: str
    hosts: frozenset[str] = field(default_factory=frozenset)
    password: str | None = None
    clock: Callable[[], dt.date] = _local_today
    lock_timeout: float = 5.0


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(_HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return Jinja2Templates(env=env)


def _routes(web: Web) -> list[Route | Mount]:
    def get(path: str, handler: Handler) -> Route:
        return Route(path, page(web, handler), methods=["GET"])

    def post(path: str, handler: Handler) -> Route:
        return Route(path, page(web, handler), methods=["POST"])

    def both(path: str, handler: Handler) -> Route:
        return Route(path, page(web, handler), methods=["GET", "POST"])

    person = "/people/{person_id}"
    return [
        get("/", people.home),
        post("/people", people.add_person),
        get(person, relationship.relationship),
        post(f"{person}/rename", people.rename_person),
        post(f"{person}/rhythm", people.set_rhythm),
        post(f"{person}/remove", people.remove_person),
        post(f"{person}/seasons", relationship.add_season),
        post(f"{person}/seasons/{{season_id}}/edit", relationship.edit_season),
        post(f"{person}/seasons/{{season_id}}/end", relationship.end_season),
        post(f"{person}/seasons/{{season_id}}/remove", relationship.remove_season),
        post(f"{person}/dates", relationship.add_date),
        post(f"{person}/things", relationship.add_thing),
        post(f"{person}/care", relationship.set_care),
        post(f"{person}/memory/{{item_id}}/done", relationship.thing_done),
        post(f"{person}/memory/{{item_id}}/remove", relationship.remove_memory),
        get(f"{person}/audit", audit.audit_start),
        both(f"{person}/audit/{{step}}", audit.audit_step),
        post(f"{person}/audit/{{step}}/draft", audit.save_pending),
        post(f"{person}/audit-save", audit.finish),
        post(f"{person}/audit-discard", audit.discard),
        get(f"{person}/audits/{{audit_id}}", audit.show_audit),
        both(f"{person}/audits/{{audit_id}}/edit", audit.edit_audit),
        get(f"{person}/evidence", evidence.evidence_page),
        post(f"{person}/evidence/remove", evidence.remove_evidence),
        post(f"{person}/evidence/import", evidence.import_evidence),
        get(f"{person}/guide", conversation.guide_page),
        post(f"{person}/invite", conversation.invite),
        get(f"{person}/compare", conversation.compare_page),
        post(f"{person}/responses", conversation.import_response),
        get("/reminders", keeping.reminders),
        get("/calendar.ics", keeping.calendar_file),
        get("/exchange", keeping.exchange_page),
        get("/export", keeping.export),
        post("/import", keeping.import_file),
        both("/settings", keeping.settings),
        post("/api/phrasing", api.phrasing),
        post("/api/proposal", api.proposal),
        Mount("/static", StaticFiles(directory=_HERE / "static"), name="static"),
    ]


def _warm_up(snapshots: Snapshots, today: dt.date) -> None:
    # A database that cannot be read says so on the first page, in words; not here.
    with contextlib.suppress(ReciprocityError, sqlite3.Error):
        snapshots.overview(today)


def create_app(config: WebConfig, *, store: Store | None = None) -> Starlette:
    """The app, with its store opened (and migrated) now, so a bad database fails at start.

    Args:
        config: How to serve.
        store: An already opened store to use instead of opening ``config.database``.
    """
    opened = store or open_store(config.database, lock_timeout=config.lock_timeout)
    snapshots = Snapshots(opened, config.database)
    web = Web(
        store=opened,
        templates=_templates(),
        token=secrets.token_urlsafe(32),
        snapshots=snapshots,
        clock=config.clock,
    )

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        # Every relationship is read once as the server starts (half a second for ten
        # years of fifty relationships), so the first overview the person opens is quick.
        warm_up = threading.Thread(
            target=_warm_up, args=(snapshots, config.clock()), name="reciprocity-warm-up"
        )
        warm_up.start()
        try:
            yield
        finally:
            warm_up.join()
            web.uploads.close()
            snapshots.close()
            if store is None:
                opened.close()

    guard = GuardSettings(hosts=LOOPBACK_NAMES | config.hosts, password=config.password)
    app = Starlette(
        routes=_routes(web),
        middleware=[Middleware(Guard, settings=guard)],
        lifespan=lifespan,
        max_body_size=MAX_FORM_BYTES,
    )
    app.state.web = web
    return app
