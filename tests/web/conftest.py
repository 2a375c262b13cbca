"""The web app in-process, over a real SQLite file, with a fixed today."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import httpx2
import pytest
from starlette.testclient import TestClient

from reciprocity.web import WebConfig, create_app

TODAY = dt.date(2026, 11, 23)
BASE = "http://127.0.0.1:8765"


@dataclass
class Web:
    """A client of the app with the form token the pages carry."""

    client: TestClient
    db: Path

    @property
    def token(self) -> str:
        page = self.client.get("/")
        found = re.search(r'name="csrf-token" content="([^"]+)"', page.text)
        assert found, page.text[:500]
        return str(found.group(1))

    def post(self, url: str, data: Mapping[str, object] | None = None) -> httpx2.Response:
        """A form sent the way the app's own pages send it (token included)."""
        body = {"csrf": self.token, **(data or {})}
        return self.client.post(url, data=body)

    def add_person(self, name: str, kind: str = "friend") -> str:
        """Add a relationship through the form; its id."""
        response = self.client.post(
            "/people", data={"csrf": self.token, "name": name, "kind": kind}
        )
        assert response.status_code == 200, response.text
        found = re.findall(
            r'href="/people/([0-9a-f-]{36})">' + re.escape(name) + "<", response.text
        )
        assert found, response.text
        return str(found[0])


def make_client(db: Path, **config: object) -> TestClient:
    app = create_app(WebConfig(database=str(db), clock=lambda: TODAY, **config))  # type: ignore[arg-type]
    return TestClient(app, base_url=BASE)


@pytest.fixture
def web(tmp_path: Path) -> Iterator[Web]:
    """The app over a fresh database file."""
    db = tmp_path / "web.db"
    with make_client(db) as client:
        yield Web(client, db)
