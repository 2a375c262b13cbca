"""A real reciprocity server for the browser tests: uvicorn on a free loopback port."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from reciprocity.web import WebConfig, create_app

__all__ = ["serve"]


class _Server(uvicorn.Server):
    """uvicorn's server, telling the tests when it listens."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        try:
            await super().startup(sockets)
        finally:
            self.ready.set()


@contextmanager
def serve(db: Path) -> Iterator[str]:
    """Serve the app over the SQLite file ``db`` in a background thread; yield its origin.

    The socket is bound before the server starts, so the port is known and nothing
    else can take it in between. The server runs exactly as ``reciprocity serve`` runs
    it: the same app, the same uvicorn options, the real clock.
    """
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    port = int(listener.getsockname()[1])
    config = uvicorn.Config(
        create_app(WebConfig(database=str(db))),
        log_level="warning",
        server_header=False,
        proxy_headers=False,
        access_log=False,
    )
    server = _Server(config)
    thread = threading.Thread(
        target=server.run, kwargs={"sockets": [listener]}, name="reciprocity-server"
    )
    thread.start()
    try:
        if not server.ready.wait(timeout=30) or not server.started:
            raise RuntimeError("the reciprocity server did not start")
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        listener.close()
