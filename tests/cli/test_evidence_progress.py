"""The progress shown on a terminal while `reciprocity evidence import` reads a file."""

from __future__ import annotations

import re
import sys
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest

from reciprocity.cli import evidence_output
from tests.conftest import Cli
from tests.evidence.chats import ME, START, THEM, everyday
from tests.evidence.exports import LOCALES, write_zip
from tests.evidence.test_reader_telegram import one_chat, telegram_message, write_export

# Enough for the import to report twice: after its first, smaller batch, and at the end.
MESSAGES = 3_000
_CONTROL = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


@pytest.fixture
def sam(cli: Cli) -> Cli:
    assert cli("person", "add", "Sam", "--kind", "friend").code == 0
    return cli


@pytest.fixture
def terminal(sam: Cli, monkeypatch: pytest.MonkeyPatch) -> Cli:
    """A terminal where even a small file is worth a bar (see ``import_``)."""
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", "120")  # wide enough for the whole name
    for name in ("TQDM_DISABLE", "TTY_INTERACTIVE", "TTY_COMPATIBLE", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(evidence_output, "_BAR_FROM_BYTES", 0)
    return sam


def frames(err: str) -> list[str]:
    """Each line the terminal was shown, in order, without the control codes."""
    return [line for line in re.split(r"[\r\n]", _CONTROL.sub("", err)) if "Reading" in line]


def percentages(err: str) -> list[int]:
    return [int(found) for line in frames(err) for found in re.findall(r"(\d+)%", line)]


def counts(err: str) -> list[int]:
    found = (re.search(r"([\d,]+) messages read", line) for line in frames(err))
    return [int(match.group(1).replace(",", "")) for match in found if match]


def whatsapp_text() -> bytes:
    return LOCALES["android-en-GB"].render(list(everyday(MESSAGES // 4)), name=THEM)


def import_(cli: Cli, path: Path, *, on_terminal: bool = True) -> tuple[int, str, str]:
    with pytest.MonkeyPatch.context() as patch:
        # Here, not in a fixture: the captured standard error of the test's run is its own.
        if on_terminal:
            patch.setattr(sys.stderr, "isatty", lambda: True)
        result = cli("evidence", "import", str(path), "--person", "Sam", "--me", ME)
    return result.code, result.out, result.err


def assert_moves_to_the_end(shown: list[int], end: int) -> None:
    assert shown, "nothing was shown"
    assert shown == sorted(shown), shown  # never goes back
    assert any(0 < value < end for value in shown), shown  # seen on the way
    assert shown[-1] == end, shown


def test_a_whatsapp_text_file_shows_the_lines_read_to_the_end(
    terminal: Cli, tmp_path: Path
) -> None:
    chat = tmp_path / "WhatsApp Chat with Sam Taylor.txt"
    chat.write_bytes(whatsapp_text())
    code, out, err = import_(terminal, chat)
    assert code == 0, err
    assert f"{MESSAGES} messages" in out
    assert "Reading WhatsApp Chat with Sam Taylor.txt" in frames(err)[0]
    assert_moves_to_the_end(percentages(err), 100)
    assert counts(err) == []  # a file with lines shows how far, not a count


def test_a_whatsapp_zip_shows_the_lines_of_the_chat_inside(terminal: Cli, tmp_path: Path) -> None:
    # The zip is a sixth of the chat's size: counting its own bytes' lines would be wrong.
    export = tmp_path / "WhatsApp Chat - Sam Taylor.zip"
    write_zip(export, whatsapp_text(), ios=False)
    code, out, err = import_(terminal, export)
    assert code == 0, err
    assert f"{MESSAGES} messages" in out
    assert_moves_to_the_end(percentages(err), 100)


def test_a_telegram_export_counts_the_messages_read(terminal: Cli, tmp_path: Path) -> None:
    sent = [
        telegram_message(n, START + timedelta(minutes=7 * n), THEM if n % 2 else ME, "hi, you?")
        for n in range(MESSAGES)
    ]
    export = write_export(tmp_path / "result.json", one_chat(THEM, sent))
    code, out, err = import_(terminal, export)
    assert code == 0, err
    assert f"{MESSAGES} messages" in out
    assert_moves_to_the_end(counts(err), MESSAGES)
    assert f"{MESSAGES:,} messages read" in frames(err)[-1]
    assert percentages(err) == []  # no line to go by: no made-up share of the whole


def test_a_file_put_in_time_order_after_reading_never_moves_the_bar_back(
    terminal: Cli, tmp_path: Path
) -> None:
    # A CSV written newest first is read whole and sorted: its lines come out last first.
    rows = [
        f"{(START + timedelta(minutes=7 * n)).isoformat()},{THEM if n % 2 else ME},hi {n}"
        for n in range(MESSAGES)
    ]
    export = tmp_path / "chat.csv"
    export.write_text("timestamp,sender,text\n" + "\n".join(reversed(rows)) + "\n")
    code, out, err = import_(terminal, export)
    assert code == 0, err
    assert f"{MESSAGES} messages" in out
    shown = percentages(err)
    assert shown == sorted(shown), shown
    assert shown[-1] == 100, shown


def test_a_damaged_zip_is_named_by_the_reader_not_the_bar(terminal: Cli, tmp_path: Path) -> None:
    export = tmp_path / "WhatsApp Chat - Sam Taylor.zip"
    write_zip(export, whatsapp_text(), ios=False)
    with zipfile.ZipFile(export) as archive:
        crc = archive.getinfo("WhatsApp Chat with Sam.txt").CRC.to_bytes(4, "little")
    # The chat's checksum no longer matches: only its very end finds it out.
    export.write_bytes(export.read_bytes().replace(crc, bytes(4)))
    code, _, err = import_(terminal, export)
    assert code != 0
    assert "Traceback" not in err
    assert "WhatsApp Chat - Sam Taylor.zip" in err.splitlines()[-1]


@pytest.mark.parametrize("quiet", ["disabled", "not a terminal", "small"])
def test_nothing_is_drawn_when_not_wanted(
    sam: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, quiet: str
) -> None:
    monkeypatch.delenv("TQDM_DISABLE", raising=False)
    if quiet == "disabled":  # as the benchmarks run it
        monkeypatch.setenv("TQDM_DISABLE", "1")
    if quiet != "small":
        monkeypatch.setattr(evidence_output, "_BAR_FROM_BYTES", 0)
    chat = tmp_path / "WhatsApp Chat with Sam Taylor.txt"
    chat.write_bytes(whatsapp_text())
    code, _, err = import_(sam, chat, on_terminal=quiet != "not a terminal")
    assert code == 0, err
    assert err == ""
