"""What keeps the local web app safe from the attacks a local app meets.

A page elsewhere on the web can make the person's browser send requests to
127.0.0.1; a DNS-rebinding site can even make them look same-origin by name.
So every request passes a guard (a plain ASGI middleware, cheap on every page):

- the Host header must be one of the names the server answers to (DNS rebinding);
- with a password (only when serving beyond this computer), HTTP Basic auth;
- a request that changes anything must come from the app's own pages: a browser's
  ``Sec-Fetch-Site`` must say ``same-origin`` (or ``none``, typed by the person) and an
  ``Origin``, when sent, must be the app's own (``null`` only with a same-origin
  ``Sec-Fetch-Site``, as browsers send under ``no-referrer``); the form's token is
  checked by the page handler once the body is read (see :func:`token_matches`);
- every answer carries a strict Content-Security-Policy (no inline script, nothing from
  another origin), ``nosniff``, ``no-referrer``, ``frame-ancestors 'none'``, and pages
  with personal data are never cached.
"""

from __future__ import annotations

import base64
import binascii
import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from reciprocity import messages

__all__ = ["LOOPBACK_NAMES", "Guard", "GuardSettings", "token_matches"]

# The names a browser on this computer uses for a server bound to the loopback address.
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "[::1]"})

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'"
)

_ALWAYS: list[tuple[bytes, bytes]] = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]
_NO_STORE = (b"cache-control", b"no-store")
_STATIC_CACHE = (b"cache-control", b"public, max-age=3600")

_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_SAME_SITE_VALUES = frozenset({"same-origin", "none"})


@dataclass(frozen=True)
class GuardSettings:
    """What the guard lets through.

    Attributes:
        hosts: Host names (without port) the server answers to.
        password: When set, every request needs it (HTTP Basic, any user name).
        static_prefix: Paths under it are the app's own files, cacheable.
    """

    hosts: frozenset[str]
    password: str | None = None
    static_prefix: str = "/static/"


def _host_name(host: str) -> str:
    """The host part of a Host header (``[::1]:8000`` -> ``[::1]``)."""
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def token_matches(expected: str, given: object) -> bool:
    """Whether a form's token is the app's (compared in constant time)."""
    return isinstance(given, str) and hmac.compare_digest(expected.encode(), given.encode())


class Guard:
    """The ASGI middleware that applies :class:`GuardSettings` to every request."""

    def __init__(self, app: ASGIApp, settings: GuardSettings) -> None:
        self.app = app
        self.settings = settings

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Refuse what must not pass; add the safety headers to everything else."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        refusal = self._refusal(scope, headers)
        if refusal is not None:
            status, text, extra = refusal
            await _plain(send, status, text, extra)
            return
        static = str(scope.get("path", "")).startswith(self.settings.static_prefix)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                raw = [(k, v) for k, v in message.get("headers", []) if k != b"cache-control"]
                raw += _ALWAYS
                raw.append(_STATIC_CACHE if static else _NO_STORE)
                message = {**message, "headers": raw}
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _refusal(
        self, scope: Scope, headers: Headers
    ) -> tuple[int, str, Iterable[tuple[bytes, bytes]]] | None:
        host = headers.get("host", "")
        if _host_name(host.lower()) not in self.settings.hosts:
            return 400, messages.WEB_BAD_HOST, ()
        if self.settings.password is not None and not self._authorised(headers):
            return (
                401,
                messages.WEB_NEEDS_PASSWORD,
                [(b"www-authenticate", b'Basic realm="reciprocity", charset="UTF-8"')],
            )
        if scope.get("method", "GET") not in _SAFE_METHODS:
            fetch_site = headers.get("sec-fetch-site")
            if fetch_site is not None and fetch_site not in _SAME_SITE_VALUES:
                return 403, messages.WEB_CROSS_SITE, ()
            origin = headers.get("origin")
            if origin == "null" and fetch_site == "same-origin":
                # Under ``Referrer-Policy: no-referrer`` a browser sends ``Origin: null``
                # even on the app's own form posts; its Sec-Fetch-Site still tells the truth.
                origin = None
            if origin is not None and origin != f"{scope.get('scheme', 'http')}://{host}":
                return 403, messages.WEB_CROSS_SITE, ()
        return None

    def _authorised(self, headers: Headers) -> bool:
        scheme, _, encoded = headers.get("authorization", "").partition(" ")
        if scheme.lower() != "basic":
            return False
        try:
            decoded = base64.b64decode(encoded, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            return False
        _, _, password = decoded.partition(":")
        expected = self.settings.password or ""
        return hmac.compare_digest(password.encode(), expected.encode())


async def _plain(send: Send, status: int, text: str, extra: Iterable[tuple[bytes, bytes]]) -> None:
    body = text.encode()
    headers: list[Any] = [
        (b"content-type", b"text/plain; charset=utf-8"),
        (b"content-length", str(len(body)).encode()),
        *_ALWAYS,
        _NO_STORE,
        *extra,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
