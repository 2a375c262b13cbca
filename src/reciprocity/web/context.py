"""What every page handler gets: the request, its checked form, the store, and ways to answer.

Handlers are plain functions run in a worker thread (the store blocks); the wrapper
made by :func:`page` reads the form first, checks its token, and turns the errors
every face shares into pages: a missing relationship is a 404, bad input comes back
to the form that sent it (the handler decides how), a busy database is a 503.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from reciprocity import messages
from reciprocity.errors import (
    DatabaseLockedError,
    PersonNotFoundError,
    Problem,
    ReciprocityError,
)
from reciprocity.web.security import token_matches
from reciprocity.web.uploads import Uploads

if TYPE_CHECKING:
    from reciprocity.store import Store
    from reciprocity.web.snapshot import Snapshots

__all__ = ["Ctx", "FieldErrors", "NotFound", "Web", "page"]

# The largest form or file the app reads (an export of many years is a few MB).
MAX_FORM_BYTES = 20 * 1024 * 1024


class NotFound(Exception):  # noqa: N818 - reads as what it means: raise NotFound
    """What the page asked for is not here (a 404)."""


@dataclass
class Web:
    """The running app's shared parts."""

    store: Store
    templates: Jinja2Templates
    token: str
    snapshots: Snapshots
    clock: Callable[[], dt.date]
    uploads: Uploads = field(default_factory=Uploads)


FieldErrors = dict[str, str]


@dataclass
class Ctx:
    """One request, as a handler sees it."""

    request: Request
    web: Web
    form: FormData | None = None
    today: dt.date = field(default_factory=dt.date.today)

    @property
    def store(self) -> Store:
        """The store."""
        return self.web.store

    def path_param(self, name: str) -> str:
        """A part of the path (``/people/{person_id}``)."""
        return str(self.request.path_params[name])

    def value(self, name: str, default: str = "") -> str:
        """A text field of the form, trimmed of surrounding spaces at the ends of lines."""
        if self.form is None:
            return default
        raw = self.form.get(name)
        return raw.strip() if isinstance(raw, str) else default

    def values(self, name: str) -> list[str]:
        """All values of a repeated field (check boxes)."""
        if self.form is None:
            return []
        return [v for v in self.form.getlist(name) if isinstance(v, str)]

    def upload(self, name: str) -> UploadFile | None:
        """An uploaded file, if one was chosen."""
        if self.form is None:
            return None
        raw = self.form.get(name)
        return raw if isinstance(raw, UploadFile) and raw.filename else None

    def form_values(self) -> dict[str, str]:
        """Every text field as sent, to fill a form in again."""
        if self.form is None:
            return {}
        return {k: v for k, v in self.form.multi_items() if isinstance(v, str)}

    def render(
        self, template: str, context: Mapping[str, Any] | None = None, *, status: int = 200
    ) -> Response:
        """A page from a template, with what every page shows."""
        notice_key = self.request.query_params.get("notice", "")
        base = {
            "m": messages,
            "csrf": self.web.token,
            "today": self.today,
            "notice": messages.WEB_NOTICES.get(notice_key, ""),
            "path": self.request.url.path,
        }
        return self.web.templates.TemplateResponse(
            self.request, template, {**base, **(context or {})}, status_code=status
        )

    def redirect(self, url: str, *, notice: str = "") -> Response:
        """After a change: see the result (303, so reloading does not send it twice)."""
        if notice:
            path, hash_mark, fragment = url.partition("#")
            joiner = "&" if "?" in path else "?"
            url = f"{path}{joiner}{urlencode({'notice': notice})}{hash_mark}{fragment}"
        return RedirectResponse(url, status_code=303)


def problems_by_field(problems: list[Problem], fields: Mapping[str, str]) -> FieldErrors:
    """Messages by form field, mapping the core's field names to the form's.

    A problem whose field the form does not have goes under ``""`` (shown at the top).
    """
    found: FieldErrors = {}
    for problem in problems:
        name = fields.get(problem.field or "", "")
        found[name] = (
            f"{found[name]} {problem.message}".strip() if name in found else problem.message
        )
    return found


def _error_page(ctx: Ctx, status: int, text: str) -> Response:
    return ctx.render("error.html", {"status": status, "text": text}, status=status)


Handler = Callable[[Ctx], Response]


def page(web: Web, handler: Handler) -> Callable[[Request], Awaitable[Response]]:
    """An endpoint running ``handler`` with its form read and its token checked."""

    async def endpoint(request: Request) -> Response:
        ctx = Ctx(request, web, today=web.clock())
        if request.method == "POST":
            ctx.form = await request.form(max_files=2, max_fields=400)
            sent = ctx.form.get("csrf")
            if not token_matches(web.token, sent):
                # No token at all is not an old page: say which it was.
                stale = isinstance(sent, str) and bool(sent)
                text = messages.WEB_STALE_FORM if stale else messages.WEB_NO_FORM_CHECK
                return _error_page(ctx, 403, text)
        return await run_in_threadpool(_run, handler, ctx)

    return endpoint


def _run(handler: Handler, ctx: Ctx) -> Response:
    try:
        return handler(ctx)
    except (NotFound, PersonNotFoundError):
        return _error_page(ctx, 404, messages.WEB_NOT_FOUND)
    except DatabaseLockedError as error:
        return _error_page(ctx, 503, str(error))
    except ReciprocityError as error:
        # A handler that expects bad input catches it and shows its form again; this is
        # what is left (a file that cannot be read, say): a plain page with the message.
        return _error_page(ctx, 400, str(error))
