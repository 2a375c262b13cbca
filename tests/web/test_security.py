"""The local-app attacks: DNS rebinding, cross-site requests, framing, sniffing, caching."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from reciprocity.store import open_store
from tests.web.conftest import Web, make_client

PAGES = ["/", "/reminders", "/exchange", "/settings"]


def _person_pages(web: Web) -> list[str]:
    pid = web.add_person("Sam", "partner")
    return [
        f"/people/{pid}",
        f"/people/{pid}/guide",
        f"/people/{pid}/compare",
        f"/people/{pid}/audit/date",
        f"/people/{pid}/audit/initiation",
    ]


def test_every_page_carries_the_safety_headers_and_is_never_cached(web: Web) -> None:
    for path in [*PAGES, *_person_pages(web)]:
        response = web.client.get(path)
        assert response.status_code == 200, path
        headers = response.headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp
        assert "default-src 'none'" in csp
        assert "unsafe-inline" not in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["cache-control"] == "no-store"
        assert headers["x-frame-options"] == "DENY"


def test_the_apps_own_files_may_be_cached_but_still_carry_the_headers(web: Web) -> None:
    for path in ("/static/app.css", "/static/app.js"):
        response = web.client.get(path)
        assert response.status_code == 200
        assert "max-age" in response.headers["cache-control"]
        assert response.headers["x-content-type-options"] == "nosniff"


def test_no_page_refers_to_another_origin_and_no_script_is_inline(web: Web) -> None:
    for path in [*PAGES, *_person_pages(web)]:
        html = web.client.get(path).text
        for attribute in re.findall(r'(?:src|href|action)="([^"]*)"', html):
            assert not re.match(r"^(?:[a-z]+:)?//", attribute), (path, attribute)
            assert not attribute.startswith(("http:", "https:")), (path, attribute)
        assert "<script>" not in html
        assert re.findall(r"<script[^>]*>", html) == ['<script src="/static/app.js" defer>']
        assert " style=" not in html
        assert " on" + "click=" not in html


@pytest.mark.parametrize(
    "host", ["evil.example", "attacker.test:8765", "127.0.0.1.nip.io", "192.168.1.20:8765"]
)
def test_a_request_for_another_host_name_is_refused(web: Web, host: str) -> None:
    response = web.client.get("/", headers={"host": host})

    assert response.status_code == 400
    assert "127.0.0.1" in response.text
    assert response.headers["content-security-policy"]


@pytest.mark.parametrize("host", ["127.0.0.1:8765", "localhost:8765", "[::1]:8765", "LOCALHOST"])
def test_the_loopback_names_are_answered(web: Web, host: str) -> None:
    assert web.client.get("/", headers={"host": host}).status_code == 200


def test_a_form_without_the_token_changes_nothing(web: Web) -> None:
    response = web.client.post("/people", data={"name": "Sam", "kind": "partner"})

    assert response.status_code == 403
    # Not an old page (a new user was told it was): a form without the check at all.
    assert "came without reciprocity&#39;s check" in response.text
    assert "Sam" not in web.client.get("/").text


def test_a_form_with_a_wrong_token_changes_nothing(web: Web) -> None:
    response = web.client.post("/people", data={"csrf": "guess", "name": "Sam", "kind": "partner"})

    assert response.status_code == 403
    assert "reload" in response.text
    assert "Sam" not in web.client.get("/").text


@pytest.mark.parametrize(
    "headers",
    [
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
        {"origin": "http://evil.example"},
        {"origin": "http://127.0.0.1:9999"},
        {"origin": "null"},
        {"origin": "null", "sec-fetch-site": "cross-site"},
        {"origin": "null", "sec-fetch-site": "none"},
    ],
)
def test_a_request_from_another_site_is_refused_even_with_the_token(
    web: Web, headers: dict[str, str]
) -> None:
    data = {"csrf": web.token, "name": "Sam", "kind": "partner"}

    response = web.client.post("/people", data=data, headers=headers)

    assert response.status_code == 403
    assert "another site" in response.text
    assert "Sam" not in web.client.get("/").text


def test_a_same_origin_browser_request_passes(web: Web) -> None:
    data = {"csrf": web.token, "name": "Sam", "kind": "partner"}
    headers = {"sec-fetch-site": "same-origin", "origin": "http://127.0.0.1:8765"}

    response = web.client.post("/people", data=data, headers=headers)

    assert response.status_code == 200
    assert "Sam" in response.text


def test_a_browser_under_no_referrer_sends_a_null_origin_and_still_passes(web: Web) -> None:
    # Chromium sends ``Origin: null`` on the app's own form posts because every page
    # says ``Referrer-Policy: no-referrer``; Sec-Fetch-Site vouches for it.
    data = {"csrf": web.token, "name": "Sam", "kind": "partner"}
    headers = {"sec-fetch-site": "same-origin", "origin": "null"}

    response = web.client.post("/people", data=data, headers=headers)

    assert response.status_code == 200
    assert "Sam" in response.text


def test_the_json_helpers_need_the_token_too(web: Web) -> None:
    assert web.client.post("/api/phrasing", data={"text": "you never"}).status_code == 403
    assert web.client.post("/api/proposal", data={}).status_code == 403


def test_with_a_password_every_request_needs_it(tmp_path: Path) -> None:
    with make_client(tmp_path / "p.db", password="correct horse") as client:
        refused = client.get("/")
        assert refused.status_code == 401
        assert refused.headers["www-authenticate"].startswith("Basic")
        wrong = base64.b64encode(b"me:wrong").decode()
        assert client.get("/", headers={"authorization": f"Basic {wrong}"}).status_code == 401
        assert client.get("/static/app.css").status_code == 401
        right = base64.b64encode(b"anyone:correct horse").decode()
        assert client.get("/", headers={"authorization": f"Basic {right}"}).status_code == 200


def test_an_extra_host_name_is_answered_only_when_given(tmp_path: Path) -> None:
    db = tmp_path / "h.db"
    with make_client(db) as client:
        assert client.get("/", headers={"host": "laptop.lan:8765"}).status_code == 400
    with make_client(db, hosts=frozenset({"laptop.lan"})) as client:
        assert client.get("/", headers={"host": "laptop.lan:8765"}).status_code == 200


def test_a_database_already_open_in_the_app_is_the_same_the_cli_sees(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    with make_client(db) as client:
        token = re.search(r'name="csrf-token" content="([^"]+)"', client.get("/").text)
        assert token
        added = client.post(
            "/people", data={"csrf": token.group(1), "name": "Rosa", "kind": "friend"}
        )
        assert added.status_code == 200
    store = open_store(db)
    try:
        assert [s.person.name for s in store.people()] == ["Rosa"]
    finally:
        store.close()


def test_the_test_client_is_a_real_http_client(web: Web) -> None:
    assert isinstance(web.client, TestClient)
    assert web.client.get("/nothing-here").status_code == 404
