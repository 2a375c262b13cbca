"""``reciprocity serve``: the web app on this computer, in the browser you already use."""

from __future__ import annotations

import ipaddress
import os
import sys
from typing import Annotated

import typer

from reciprocity import messages
from reciprocity.cli.state import state
from reciprocity.errors import InvalidInputError, Problem

__all__ = ["PASSWORD_ENV", "is_loopback", "register"]

PASSWORD_ENV = "RECIPROCITY_PASSWORD"
DEFAULT_PORT = 8765


def is_loopback(host: str) -> bool:
    """Whether binding to ``host`` keeps the app on this computer."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _password(host: str, allow_network: bool) -> str | None:
    """The password required for a server beyond this computer (None on loopback)."""
    if is_loopback(host):
        return None
    if not allow_network:
        problem = Problem(messages.ERR_SERVE_NOT_LOCAL.format(host=host), "--host")
        raise InvalidInputError([problem])
    password = os.environ.get(PASSWORD_ENV, "")
    if not password and sys.stdin.isatty():
        password = typer.prompt(
            messages.ASK_SERVE_PASSWORD, hide_input=True, confirmation_prompt=True
        )
    if len(password) < 8:
        problem = Problem(messages.ERR_SERVE_PASSWORD.format(env=PASSWORD_ENV), "--allow-network")
        raise InvalidInputError([problem])
    return password


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help=messages.HELP_SERVE_HOST)] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=0, max=65535, help=messages.HELP_SERVE_PORT)
    ] = DEFAULT_PORT,
    allow_network: Annotated[
        bool, typer.Option("--allow-network", help=messages.HELP_SERVE_ALLOW_NETWORK)
    ] = False,
    allow_host: Annotated[
        list[str] | None,
        typer.Option("--allow-host", metavar="NAME", help=messages.HELP_SERVE_ALLOW_HOST),
    ] = None,
) -> None:
    """Open reciprocity in your browser: a local web app over the same data."""
    import uvicorn

    from reciprocity.web import WebConfig, create_app

    password = _password(host, allow_network)
    app_state = state(ctx)
    names = {h.lower() for h in allow_host or []}
    if not is_loopback(host):
        names.add(host.lower())
    config = WebConfig(database=app_state.target, hosts=frozenset(names), password=password)
    app = create_app(config)
    shown = f"[{host}]" if ":" in host else host
    typer.echo(messages.SERVE_RUNNING.format(url=f"http://{shown}:{port}/"))
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="warning",
        server_header=False,
        proxy_headers=False,
        access_log=False,
    )


def register(app: typer.Typer) -> None:
    """Add the serve command to the app."""
    app.command("serve", help=messages.HELP_CMD_SERVE)(serve)
