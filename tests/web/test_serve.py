"""`reciprocity serve`: this computer only unless asked, and then only with a password."""

from __future__ import annotations

import base64
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reciprocity.cli.serve import is_loopback
from tests.conftest import Cli


@pytest.mark.parametrize(
    ("host", "local"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.10", False),
        ("::", False),
        ("example.org", False),
    ],
)
def test_which_addresses_keep_the_app_on_this_computer(host: str, local: bool) -> None:
    assert is_loopback(host) is local


def test_another_address_is_refused_unless_allowed(cli: Cli) -> None:
    result = cli("serve", "--host", "0.0.0.0")

    assert result.code == 2
    assert "--allow-network" in result.err
    assert "0.0.0.0" in result.err
    assert not cli.db.exists()  # refused before anything was opened


def test_the_network_needs_a_password(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RECIPROCITY_PASSWORD", raising=False)

    result = cli("serve", "--host", "0.0.0.0", "--allow-network")

    assert result.code == 2
    assert "RECIPROCITY_PASSWORD" in result.err


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def _server(args: list[str], env: dict[str, str]) -> Iterator[str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "reciprocity", *args, "--port", str(port)],
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                if process.poll() is not None:
                    raise AssertionError(process.stderr.read() if process.stderr else "") from None
                time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_the_server_answers_on_loopback_with_its_safety_headers(tmp_path: Path) -> None:
    db = tmp_path / "served.db"
    with _server(["--db", str(db), "serve"], {}) as url:
        with urllib.request.urlopen(url, timeout=5) as response:
            body = response.read().decode()
            assert response.status == 200
            assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
            assert response.headers.get("server") is None
        assert "reciprocity" in body


def test_on_the_network_every_request_needs_the_password(tmp_path: Path) -> None:
    db = tmp_path / "shared.db"
    args = ["--db", str(db), "serve", "--host", "0.0.0.0", "--allow-network"]
    with _server(args, {"RECIPROCITY_PASSWORD": "a long passphrase"}) as url:
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url, timeout=5)
        assert refused.value.code == 401
        request = urllib.request.Request(url)
        secret = base64.b64encode(b"me:a long passphrase").decode()
        request.add_header("Authorization", f"Basic {secret}")
        with urllib.request.urlopen(request, timeout=5) as response:
            assert response.status == 200
