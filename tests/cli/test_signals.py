"""``reciprocity signals classify``: lines in, signals out, and clear words for bad input."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from reciprocity import messages
from tests.conftest import Cli

MESSAGES = (
    "how did the interview go?\n\nthanks so much x\nlol same\nWie geht es dir heute, alles gut?\n"
)


def feed(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_reads_stdin_and_labels_each_line(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    feed(monkeypatch, MESSAGES.encode())
    result = cli("signals", "classify", db=False)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[0].startswith("1  check-in 0.9")
    assert lines[1].strip() == "how did the interview go?"
    assert lines[2].startswith("3  thanks")
    assert lines[4].startswith("4  shallow reply")
    assert lines[6] == "5  " + messages.SIGNALS_NOT_READ
    assert "Left out 1 empty line." in result.err
    assert messages.SIGNALS_CAUTION in result.err


def test_reads_a_file_and_prints_json(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(MESSAGES, encoding="utf-8")
    result = cli("signals", "classify", str(path), "--json", db=False)
    assert result.code == 0, result.err
    document = json.loads(result.out)
    assert document["version"] == 1
    assert document["empty_lines"] == 1
    first, thanks, same, german = document["messages"]
    assert first["line"] == 1
    assert first["signals"]["check_in"] == {
        "present": True,
        "confidence": pytest.approx(0.9, abs=0.1),
        "kind": None,
        "by_rule": True,
    }
    assert thanks["line"] == 3
    assert thanks["signals"]["gratitude"]["present"] is True
    assert same["signals"]["shallow"]["present"] is True
    assert german["language"] == "unsupported"
    assert not any(s["present"] for s in german["signals"].values())
    assert set(first["signals"]) == {
        "disclosure",
        "support",
        "shallow",
        "check_in",
        "gratitude",
        "distress",
    }


def test_a_dash_means_stdin(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    feed(monkeypatch, b"thank you!\n")
    result = cli("signals", "classify", "-", "--json", db=False)
    assert result.code == 0
    assert json.loads(result.out)["messages"][0]["signals"]["gratitude"]["present"]


def test_empty_input_says_there_is_nothing_to_read(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed(monkeypatch, b"\n\n   \n")
    result = cli("signals", "classify", db=False)
    assert result.code == 0
    assert result.out == ""
    assert messages.SIGNALS_NOTHING_TO_READ in result.err


def test_binary_garbage_is_refused_in_one_line(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)) * 4)
    result = cli("signals", "classify", str(path), db=False)
    assert result.code == 2
    assert result.out == ""
    assert result.err == f"error: {path}: {messages.ERR_SIGNALS_BINARY}\n"
    assert "Traceback" not in result.err


def test_lines_that_are_not_utf8_are_named(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("fine\ncaf\u00e9 tonight?\nok\n".encode("latin-1"))
    result = cli("signals", "classify", str(path), db=False)
    assert result.code == 2
    assert result.err == f"error: {path}:2: {messages.ERR_SIGNALS_NOT_UTF8}\n"


def test_many_bad_lines_are_summed_up(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    feed(monkeypatch, b"\xe9\n" * 8)
    result = cli("signals", "classify", db=False)
    assert result.code == 2
    lines = result.err.splitlines()
    assert len(lines) == 6
    assert lines[0] == f"error: line 1: {messages.ERR_SIGNALS_NOT_UTF8}"
    assert lines[-1] == "error: " + "and 3 lines more like these"


def test_a_huge_line_is_read_from_its_start_with_a_note(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    feed(monkeypatch, ("thank you so much! " * 2000 + "\n").encode())
    result = cli("signals", "classify", db=False)
    assert result.code == 0
    assert result.out.startswith("1  thanks")
    note = messages.SIGNALS_LONG_LINE.format(line=1, length=38_000 - 1, limit=2000)
    assert note in result.err


def test_a_missing_file_is_one_clear_line(cli: Cli, tmp_path: Path) -> None:
    result = cli("signals", "classify", str(tmp_path / "nope.txt"), db=False)
    assert result.code == 2
    assert result.err.startswith(f"error: {tmp_path / 'nope.txt'}: ")
    assert "Traceback" not in result.err


def test_classify_opens_no_database(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    feed(monkeypatch, b"how are you?\n")
    assert cli("signals", "classify").code == 0
    assert not cli.db.exists()
