"""``reciprocity evidence``: import a chat once, again, in a group; show it; forget it."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reciprocity.cli import evidence as evidence_cli
from reciprocity.errors import InvalidFileError, Problem
from reciprocity.evidence import readers
from reciprocity.evidence.model import ChatMessage
from tests.conftest import Cli

HEADER = "#pipe-chat"


class PipeReader:
    """A test-only format: a header line, then ``ISO time|sender|text`` a line."""

    name = "pipe"
    label = "a test chat"

    def sniff(self, path: Path, head: bytes) -> bool:
        return head.startswith(HEADER.encode())

    def read(self, path: Path) -> Iterator[ChatMessage]:
        with path.open(encoding="utf-8") as file:
            for number, line in enumerate(file, start=1):
                if number == 1 or not line.strip():
                    continue
                parts = line.rstrip("\n").split("|", 2)
                if len(parts) != 3:
                    raise InvalidFileError([Problem("not a message", line=number)], file=str(path))
                yield ChatMessage(
                    dt.datetime.fromisoformat(parts[0]), parts[1], parts[2], line=number
                )


@pytest.fixture(autouse=True)
def pipe_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "READERS", (PipeReader(),))


def write_chat(
    path: Path, days: int, *, start: int = 0, extra: str = "", group: bool = False
) -> Path:
    lines = [HEADER]
    for day in range(start, start + days):
        when = dt.datetime(2026, 1, 1, 9) + dt.timedelta(days=day)
        lines.append(f"{when.isoformat()}|Sam Taylor|morning! coffee later?")
        lines.append(f"{(when + dt.timedelta(minutes=2)).isoformat()}|Alex|yes! 11?")
        if group:
            lines.append(f"{(when + dt.timedelta(minutes=3)).isoformat()}|Jo|me too")
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


@pytest.fixture
def sam(cli: Cli) -> Cli:
    assert cli("person", "add", "Sam", "--kind", "friend").code == 0
    return cli


def test_import_with_me_then_again_without_asking(sam: Cli, tmp_path: Path) -> None:
    chat = write_chat(tmp_path / "chat.txt", 10)
    first = sam("evidence", "import", str(chat), "--person", "Sam", "--me", "Alex")
    assert first.code == 0, first.err
    assert "Imported chat.txt for Sam: 20 messages." in first.out
    assert "you are Alex, Sam is Sam Taylor" in first.out
    assert "not the text" in first.out

    later = write_chat(tmp_path / "later.txt", 10, start=5)
    second = sam("evidence", "import", str(later), "--person", "Sam")
    assert second.code == 0, second.err
    assert "10 new messages of 20 read" in second.out

    same = sam("evidence", "import", str(later), "--person", "Sam")
    assert "Nothing new in later.txt" in same.out


def test_without_a_terminal_and_nothing_remembered_it_asks_for_me(sam: Cli, tmp_path: Path) -> None:
    chat = write_chat(tmp_path / "chat.txt", 2)
    result = sam("evidence", "import", str(chat), "--person", "Sam")
    assert result.code == 2
    assert "--me" in result.err
    assert "'Sam Taylor', 'Alex'" in result.err


def test_the_question_is_asked_once_and_remembered(
    sam: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def answer(
        question: str, outline: object, exclude: str | None = None, *, order: list[str]
    ) -> str:
        asked.append(question)
        # Sam Taylor writes first, but is listed last: the relationship is called Sam,
        # and a terminal's list starts on its first entry.
        assert order == ["Alex", "Sam Taylor"]
        return "Alex"

    monkeypatch.setattr(evidence_cli, "_interactive", lambda: True)
    monkeypatch.setattr(evidence_cli, "_ask_participant", answer)
    chat = write_chat(tmp_path / "chat.txt", 3)
    assert sam("evidence", "import", str(chat), "--person", "Sam").code == 0
    assert sam("evidence", "import", str(chat), "--person", "Sam").code == 0
    assert asked == ["Which of these is you?"]


def test_a_group_chat_is_told_and_only_the_two_count(sam: Cli, tmp_path: Path) -> None:
    chat = write_chat(tmp_path / "group.txt", 3, group=True)
    result = sam("evidence", "import", str(chat), "--person", "Sam", "--me", "Alex")
    assert result.code == 0, result.err
    assert "This is a group chat" in result.out
    assert "6 messages" in result.out


def test_keeping_the_text_is_said(sam: Cli, tmp_path: Path) -> None:
    chat = write_chat(tmp_path / "chat.txt", 2)
    result = sam("evidence", "import", str(chat), "--person", "Sam", "--me", "alex", "--keep-text")
    assert result.code == 0, result.err
    assert "The text of the messages was kept" in result.out
    # Found by a new user: nothing new stored, and yet "the text was kept".
    again = sam("evidence", "import", str(chat), "--person", "Sam", "--keep-text")
    assert "Nothing new" in again.out
    assert "kept" not in again.out
    later = write_chat(tmp_path / "later.txt", 4)
    more = sam("evidence", "import", str(later), "--person", "Sam", "--keep-text")
    assert "The text of the new messages was kept" in more.out
    imports = json.loads(sam("evidence", "show", "Sam", "--json").out)["imports"]
    assert [i["kept_text"] for i in imports] == [True, False, True]


def test_a_chat_mostly_not_in_english_is_said_to_be_read_in_part(sam: Cli, tmp_path: Path) -> None:
    lines = [HEADER]
    for day in range(200):
        when = dt.datetime(2026, 1, 1, 9) + dt.timedelta(days=day)
        lines.append(f"{when.isoformat()}|Sam Taylor|ma mère est à l'hôpital, j'ai tellement peur")
        lines.append(f"{(when + dt.timedelta(minutes=2)).isoformat()}|Alex|oh non, je suis là")
    french = tmp_path / "french.txt"
    french.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = sam("evidence", "import", str(french), "--person", "Sam", "--me", "Alex")
    assert result.code == 0, result.err
    assert "Most of this chat does not look English" in result.out

    english = write_chat(tmp_path / "chat.txt", 40)
    other = sam("evidence", "import", str(english), "--person", "Sam")
    assert "does not look English" not in other.out


def test_the_zone_of_earlier_imports_is_kept_so_nothing_counts_twice(
    sam: Cli, tmp_path: Path
) -> None:
    chat = write_chat(tmp_path / "chat.txt", 5)
    args = ["evidence", "import", str(chat), "--person", "Sam", "--me", "Alex"]
    first = sam(*args, "--timezone", "America/New_York")
    assert first.code == 0, first.err
    assert "10 messages" in first.out

    again = sam(*args)  # on a computer in another zone, or after travelling
    assert again.code == 0, again.err
    assert "Nothing new in chat.txt" in again.out
    assert "America/New_York" not in again.out + again.err

    # The same chat in another zone is refused before anything is stored (a new user saw
    # it stored twice, with only a note afterwards).
    moved = sam(*args, "--timezone", "Europe/London")
    assert moved.code == 2
    assert moved.err.startswith(
        "error: --timezone: this chat was imported before with its times read in "
        "America/New_York; read in Europe/London, the messages this export shares"
    )
    assert "(reciprocity evidence remove Sam)" in moved.err
    shown = json.loads(sam("evidence", "show", "Sam", "--json").out)
    assert [i["zone"] for i in shown["imports"]] == ["America/New_York", "America/New_York"]
    assert shown["messages"] == 10

    # Another file, whose zone nothing said before, is taken, with a note afterwards.
    other = write_chat(tmp_path / "other.txt", 3, start=20)
    noted = sam("evidence", "import", str(other), "--person", "Sam", "--timezone", "Asia/Tokyo")
    assert noted.code == 0, noted.err
    assert "read in Asia/Tokyo, and earlier imports of this chat in America/New_York" in noted.out
    # The way back names the relationship (a new user was given the command without it).
    assert "To undo it: reciprocity evidence remove Sam (it forgets every chat" in noted.out


def test_a_broken_file_keeps_nothing(sam: Cli, tmp_path: Path) -> None:
    chat = write_chat(tmp_path / "chat.txt", 3, extra="this is not a message\n")
    result = sam("evidence", "import", str(chat), "--person", "Sam", "--me", "Alex")
    assert result.code == 2
    assert "chat.txt:8: not a message" in result.err
    shown = sam("evidence", "show", "Sam", "--json")
    assert json.loads(shown.out)["messages"] == 0


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--person", "Nobody", "--me", "Alex"], "no relationship called 'Nobody'"),
        (["--person", "Sam", "--me", "Zed"], "nobody called 'Zed' writes in this chat"),
        (["--person", "Sam", "--me", "Alex", "--format", "fax"], "unknown format 'fax'"),
        (["--person", "Sam", "--me", "Alex", "--timezone", "Mars/Base"], "unknown time zone"),
    ],
)
def test_bad_input_gets_one_clear_message(
    sam: Cli, tmp_path: Path, args: list[str], said: str
) -> None:
    chat = write_chat(tmp_path / "chat.txt", 2)
    result = sam("evidence", "import", str(chat), *args)
    assert result.code != 0
    assert said in result.err
    assert "Traceback" not in result.err


def test_a_csv_with_its_own_column_names_imports_with_a_column_mapping(
    sam: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "READERS", (PipeReader(), readers.CsvReader()))
    table = tmp_path / "mapped.csv"
    rows = ["When;Who;What"] + [
        f"2026-01-{day:02d}T09:0{minute}:00;{who};{text}"
        for day in range(1, 6)
        for minute, who, text in ((0, "Sam Taylor", "coffee later?"), (2, "Alex", "yes! 11?"))
    ]
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    args = ["evidence", "import", str(table), "--person", "Sam", "--me", "Alex"]

    unmapped = sam(*args, "--format", "csv")
    assert unmapped.code != 0
    assert "mapped.csv:1: timestamp: no timestamp column" in unmapped.err
    assert "(timestamp=NAME)" in unmapped.err
    unrecognised = sam(*args)
    assert unrecognised.code != 0
    assert "mapped.csv:1: this looks like a table of messages" in unrecognised.err
    assert "--columns timestamp=NAME" in unrecognised.err

    mapped = sam(*args, "--columns", "timestamp=When, sender=Who,text=What")
    assert mapped.code == 0, mapped.err
    assert "Imported mapped.csv for Sam: 10 messages." in mapped.out


@pytest.mark.parametrize(
    ("mapping", "extra", "said"),
    [
        ("timestamp", [], "'timestamp' is not a column mapping"),
        ("when=When", [], "'when=When' is not a column mapping"),
        ("text=What,text=Body", [], "'text=What,text=Body' is not a column mapping"),
        ("text=", [], "'text=' is not a column mapping"),
        ("text=What", ["--format", "pipe"], "a column mapping is for a CSV file"),
    ],
)
def test_a_bad_column_mapping_is_refused_at_the_option(
    sam: Cli, tmp_path: Path, mapping: str, extra: list[str], said: str
) -> None:
    chat = write_chat(tmp_path / "chat.txt", 2)
    result = sam(
        "evidence",
        "import",
        str(chat),
        "--person",
        "Sam",
        "--me",
        "Alex",
        "--columns",
        mapping,
        *extra,
    )
    assert result.code == 2
    assert f"--columns: {said}" in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("content", ["", "\ufeff\n  \n"])
@pytest.mark.parametrize("named", [[], ["--format", "pipe"]])
def test_an_empty_file_is_said_to_be_empty_and_nothing_is_recorded(
    sam: Cli, tmp_path: Path, content: str, named: list[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text(content, encoding="utf-8")
    result = sam("evidence", "import", str(empty), "--person", "Sam", "--me", "Alex", *named)
    assert result.code == 2
    assert "empty.txt: the file is empty" in result.err
    shown = sam("evidence", "show", "Sam", "--json")
    assert json.loads(shown.out)["imports"] == []


def test_a_missing_file_and_an_unknown_format_are_refused(sam: Cli, tmp_path: Path) -> None:
    missing = sam("evidence", "import", str(tmp_path / "nope.txt"), "--person", "Sam")
    assert missing.code != 0
    assert "nope.txt: no such file" in missing.err
    folder = sam("evidence", "import", str(tmp_path), "--person", "Sam")
    assert folder.code == 2
    assert f"{tmp_path}: this is a folder; name the export file inside it" in folder.err
    other = tmp_path / "notes.txt"
    other.write_text("just some notes\n", encoding="utf-8")
    unknown = sam("evidence", "import", str(other), "--person", "Sam", "--me", "Alex")
    assert unknown.code != 0
    assert "not a chat export reciprocity recognises" in unknown.err
    assert "pipe" in unknown.err


def test_show_tells_the_patterns_and_json_has_them(sam: Cli, tmp_path: Path) -> None:
    chat = write_chat(tmp_path / "chat.txt", 40)
    assert sam("evidence", "import", str(chat), "--person", "Sam", "--me", "Alex").code == 0
    shown = sam("evidence", "show", "Sam")
    assert shown.code == 0, shown.err
    assert (
        "Who started conversations after a quiet spell: you none or nearly none, "
        "Sam all or nearly all" in shown.out
    )
    document = json.loads(sam("evidence", "show", "Sam", "--json", "--period", "quarter").out)
    assert document["messages"] == 80
    assert document["periods"][0]["label"] == "2026 Q1"
    assert document["periods"][0]["initiation"]["started_after_quiet"]["mine"] == 0.0
    assert document["imports"][0]["file"] == "chat.txt"


def test_remove_forgets_everything_after_confirmation(sam: Cli, tmp_path: Path) -> None:
    chat = write_chat(tmp_path / "chat.txt", 5)
    assert sam("evidence", "import", str(chat), "--person", "Sam", "--me", "Alex").code == 0
    removed = sam("evidence", "remove", "Sam", "--yes")
    assert removed.code == 0
    assert "(10 messages)" in removed.out
    assert json.loads(sam("evidence", "show", "Sam", "--json").out)["imports"] == []
    again = sam("evidence", "import", str(chat), "--person", "Sam")
    assert again.code == 2  # who is who was forgotten too
    assert "Nothing was imported" in sam("evidence", "remove", "Sam", "--yes").out


def test_remove_asks_first_and_a_no_keeps_everything(
    sam: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chat = write_chat(tmp_path / "chat.txt", 2)
    assert sam("evidence", "import", str(chat), "--person", "Sam", "--me", "Alex").code == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("n\n"))
    kept = sam("evidence", "remove", "Sam")
    assert "Nothing was forgotten." in kept.out
    assert json.loads(sam("evidence", "show", "Sam", "--json").out)["messages"] == 4


def test_remove_with_no_answer_and_no_terminal_asks_for_yes(
    sam: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by a new user: a script without --yes was told "Stopped", exit 130, as if
    # someone had pressed Ctrl-C.
    chat = write_chat(tmp_path / "chat.txt", 2)
    assert sam("evidence", "import", str(chat), "--person", "Sam", "--me", "Alex").code == 0
    for command in (("evidence", "remove", "Sam"), ("person", "remove", "Sam")):
        monkeypatch.setattr("sys.stdin", io.StringIO(""))
        refused = sam(*command)
        assert refused.code == 2
        assert refused.err.startswith("error: --yes: no answer came to the question")
    assert json.loads(sam("evidence", "show", "Sam", "--json").out)["messages"] == 4


def test_several_conversations_in_one_export_are_listed(sam: Cli, tmp_path: Path) -> None:
    class TwoChats(PipeReader):
        def read(self, path: Path) -> Iterator[ChatMessage]:
            for message in super().read(path):
                yield message._replace(chat="Sam" if (message.line or 0) % 2 else "Work")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(readers, "READERS", (TwoChats(),))
        chat = write_chat(tmp_path / "chat.txt", 2)
        listed = sam("evidence", "import", str(chat), "--person", "Sam", "--me", "Alex")
        assert listed.code == 2
        assert "choose one with --chat: 'Work', 'Sam'" in listed.err


def test_a_chat_chosen_in_an_export_of_one_conversation_is_refused(
    sam: Cli, tmp_path: Path
) -> None:
    # Found by a new user: --chat "Dad" on a one-chat export imported it all anyway.
    chat = write_chat(tmp_path / "chat.txt", 2)
    result = sam(
        "evidence", "import", str(chat), "--person", "Sam", "--me", "Alex", "--chat", "Dad"
    )
    assert result.code == 2
    assert "--chat: this export holds a single conversation" in result.err
    assert "Nothing imported" in sam("evidence", "show", "Sam").out


def test_someone_new_in_a_later_export_is_taken_as_someone_else(sam: Cli, tmp_path: Path) -> None:
    first = write_chat(tmp_path / "chat.txt", 3)
    assert sam("evidence", "import", str(first), "--person", "Sam", "--me", "Alex").code == 0
    later = write_chat(tmp_path / "later.txt", 3, start=3, group=True)
    result = sam("evidence", "import", str(later), "--person", "Sam")
    assert result.code == 0, result.err
    assert "This is a group chat" in result.out
    assert "Imported later.txt for Sam: 6 messages." in result.out


def test_a_chat_with_one_writer_says_it_shows_nothing_between_two(sam: Cli, tmp_path: Path) -> None:
    chat = tmp_path / "alone.txt"
    chat.write_text(f"{HEADER}\n2026-01-01T09:00:00|Alex|note to self\n", encoding="utf-8")
    result = sam("evidence", "import", str(chat), "--person", "Sam", "--me", "Alex")
    assert result.code == 2
    assert "only one person writes in this chat" in result.err


def test_a_script_that_says_who_is_who_each_time_has_the_file_read_once_the_next_time(
    sam: Cli, tmp_path: Path
) -> None:
    reads: list[Path] = []

    class Counted(PipeReader):
        def read(self, path: Path) -> Iterator[ChatMessage]:
            reads.append(path)
            yield from super().read(path)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(readers, "READERS", (Counted(),))
        chat = write_chat(tmp_path / "chat.txt", 3)
        args = ["evidence", "import", str(chat), "--person", "Sam", "--me", "Alex"]
        assert sam(*args).code == 0
        assert len(reads) == 2  # once to see who writes in it, once to import
        reads.clear()
        again = sam(*args, "--them", "Sam Taylor")
    assert again.code == 0, again.err
    assert len(reads) == 1  # the answers are the ones remembered: only the import reads it


def test_a_one_off_zone_for_another_file_is_not_the_default_for_this_one(
    sam: Cli, tmp_path: Path
) -> None:
    home = write_chat(tmp_path / "home.txt", 3)
    away = write_chat(tmp_path / "away.txt", 3, start=10)
    base = ["--person", "Sam", "--me", "Alex"]
    assert sam("evidence", "import", str(home), *base).code == 0
    assert sam("evidence", "import", str(away), *base, "--timezone", "America/New_York").code == 0

    again = sam("evidence", "import", str(home), *base)

    assert "Nothing new in home.txt" in again.out  # read in home.txt's own zone again
    assert "count twice" not in again.out


def test_a_chat_not_in_the_export_is_said_even_with_who_is_who_remembered(
    sam: Cli, tmp_path: Path
) -> None:
    chat = write_chat(tmp_path / "chat.txt", 3)
    args = ["evidence", "import", str(chat), "--person", "Sam", "--me", "Alex"]
    assert sam(*args).code == 0

    class TwoChats(PipeReader):
        def read(self, path: Path) -> Iterator[ChatMessage]:
            for message in super().read(path):
                yield message._replace(chat="Sam" if (message.line or 0) % 2 else "Work")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(readers, "READERS", (TwoChats(),))
        wrong = sam(*args, "--chat", "Sma")
    assert wrong.code == 2
    assert "no conversation called 'Sma'" in wrong.err


def test_a_first_import_given_me_reads_the_file_once_and_a_little(sam: Cli, tmp_path: Path) -> None:
    read = 0

    class Counted(PipeReader):
        def read(self, path: Path) -> Iterator[ChatMessage]:
            nonlocal read
            for message in super().read(path):
                read += 1
                yield message

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(readers, "READERS", (Counted(),))
        chat = write_chat(tmp_path / "chat.txt", 1500)
        result = sam("evidence", "import", str(chat), "--person", "Sam", "--me", "Alex")
    assert result.code == 0, result.err
    assert "Imported chat.txt for Sam: 3000 messages." in result.out
    assert "you are Alex, Sam is Sam Taylor" in result.out
    # Who is who from the first messages, then one whole reading: not two.
    assert read == 3000 + evidence_cli.PROVISIONAL_MESSAGES


def test_someone_who_first_writes_late_in_the_file_is_still_asked_about(
    sam: Cli, tmp_path: Path
) -> None:
    two = write_chat(tmp_path / "two.txt", 600)  # 1,200 messages of the two first
    late = write_chat(tmp_path / "late.txt", 2, start=600, group=True)
    chat = tmp_path / "chat.txt"
    chat.write_text(two.read_text() + late.read_text().split("\n", 1)[1], encoding="utf-8")
    result = sam("evidence", "import", str(chat), "--person", "Sam", "--me", "Alex")
    assert result.code == 0, result.err
    # Jo writes only after the first 1,000 messages: the whole file decided who is who
    # ("Sam Taylor" by the relationship's name), and the group chat is said.
    assert "you are Alex, Sam is Sam Taylor" in result.out
    assert "This is a group chat" in result.out
    assert "Imported chat.txt for Sam: 1204 messages." in result.out


def test_a_late_writer_with_no_way_to_tell_who_is_who_keeps_nothing(
    sam: Cli, tmp_path: Path
) -> None:
    assert sam("person", "add", "Robin").code == 0
    two = write_chat(tmp_path / "two.txt", 600)
    late = write_chat(tmp_path / "late.txt", 2, start=600, group=True)
    chat = tmp_path / "chat.txt"
    chat.write_text(two.read_text() + late.read_text().split("\n", 1)[1], encoding="utf-8")
    result = sam("evidence", "import", str(chat), "--person", "Robin", "--me", "Alex")
    assert result.code == 2
    # You are not offered as the other person (a new user was).
    assert "which participant is Robin? Pass --them with one of: 'Sam Taylor', 'Jo'" in result.err
    shown = sam("evidence", "show", "Robin")
    assert "Nothing imported from chats for Robin yet" in shown.out


def test_who_is_who_cannot_be_turned_round_over_imported_chats(sam: Cli, tmp_path: Path) -> None:
    chat = write_chat(tmp_path / "chat.txt", 5)
    assert sam("evidence", "import", str(chat), "--person", "Sam", "--me", "Alex").code == 0
    # The relationship's namesake as you is taken only with who Sam is said too.
    slip = sam("evidence", "import", str(chat), "--person", "Sam", "--me", "Sam Taylor")
    assert slip.code == 2
    assert (
        "--me: 'Sam Taylor' has the name of the relationship (Sam), and --me is you. If that "
        "is right, say who Sam is with --them too (one of: 'Alex')"
    ) in slip.err
    both = ("--me", "Sam Taylor", "--them", "Alex")
    swapped = sam("evidence", "import", str(chat), "--person", "Sam", *both)
    assert swapped.code == 2
    assert "--me: in the chats already imported for Sam, Sam Taylor is Sam" in swapped.err
    assert "reciprocity evidence remove Sam" in swapped.err
    assert "10 messages imported" in sam("evidence", "show", "Sam").out  # nothing added
    # Forgotten first, the other way round is taken.
    assert sam("evidence", "remove", "Sam", "--yes").code == 0
    again = sam("evidence", "import", str(chat), "--person", "Sam", *both)
    assert again.code == 0, again.err
    assert "you are Sam Taylor, Sam is Alex" in again.out


def test_an_import_stopped_with_ctrl_c_says_nothing_was_kept(sam: Cli, tmp_path: Path) -> None:
    class Interrupted(PipeReader):
        def read(self, path: Path) -> Iterator[ChatMessage]:
            for number, message in enumerate(super().read(path)):
                if number == 15:
                    raise KeyboardInterrupt  # as Ctrl-C arrives in the middle of a file
                yield message

    first = write_chat(tmp_path / "first.txt", 5)
    assert sam("evidence", "import", str(first), "--person", "Sam", "--me", "Alex").code == 0
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(readers, "READERS", (Interrupted(),))
        chat = write_chat(tmp_path / "chat.txt", 10, start=5)
        # Stopped while importing (who is who remembered), and while listing who writes
        # (for someone with nothing remembered yet).
        stopped = sam("evidence", "import", str(chat), "--person", "Sam")
        assert sam("person", "add", "Kim").code == 0
        listing = sam("evidence", "import", str(chat), "--person", "Kim")
    for result in (stopped, listing):
        assert result.code == 130
        assert "Stopped. Nothing from chat.txt was kept" in result.err
    assert "10 messages imported" in sam("evidence", "show", "Sam").out  # the first file's


def test_someone_remembered_who_is_now_someone_else_in_a_group_is_not_refused(
    sam: Cli, tmp_path: Path
) -> None:
    # Sam Taylor was the other person; in this group export Jo is (an old and a new
    # account, say): Sam Taylor's messages are left out, nothing is counted twice.
    first = write_chat(tmp_path / "chat.txt", 3)
    assert sam("evidence", "import", str(first), "--person", "Sam", "--me", "Alex").code == 0
    group = write_chat(tmp_path / "group.txt", 3, start=3, group=True)
    result = sam(
        "evidence", "import", str(group), "--person", "Sam", "--me", "Alex", "--them", "Jo"
    )
    assert result.code == 0, result.err
    assert "you are Alex, Sam is Jo" in result.out


def a_chat_with(path: Path, other: str, days: int = 3) -> Path:
    """A chat between Alex and ``other`` (by its sender name), after write_chat's days."""
    text = write_chat(path, days, start=10).read_text(encoding="utf-8")
    path.write_text(text.replace("|Sam Taylor|", f"|{other}|"), encoding="utf-8")
    return path


def test_a_chat_with_someone_new_is_not_added_to_the_earlier_persons_chats(
    sam: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Found by a new user: Jo's chat imported for Sam was taken without a word, and Sam's
    # chats became two people's.
    first = write_chat(tmp_path / "chat.txt", 5)
    assert sam("evidence", "import", str(first), "--person", "Sam", "--me", "Alex").code == 0
    jo = a_chat_with(tmp_path / "jo.txt", "Jo Parker")
    refused = sam("evidence", "import", str(jo), "--person", "Sam", "--me", "Alex")
    assert refused.code == 2
    assert (
        "--them: Sam's chats so far were with 'Sam Taylor'; this one is with 'Jo Parker'. "
        "If 'Jo Parker' is Sam under another name, say so with --them 'Jo Parker'"
    ) in refused.err
    assert "10 messages imported" in sam("evidence", "show", "Sam").out  # nothing added
    # Without --me (who is who remembered) the same.
    assert sam("evidence", "import", str(jo), "--person", "Sam").code == 2
    # In a terminal the question is asked, and a no keeps nothing.
    asked: list[str] = []

    def confirm(question: str) -> bool:
        asked.append(question)
        return False

    monkeypatch.setattr(evidence_cli, "_interactive", lambda: True)
    monkeypatch.setattr(evidence_cli, "_confirm", confirm)
    assert sam("evidence", "import", str(jo), "--person", "Sam").code == 2
    assert asked == [
        "Sam's chats so far were with 'Sam Taylor'; this one is with 'Jo Parker'. Is Jo Parker Sam?"
    ]
    assert "10 messages imported" in sam("evidence", "show", "Sam").out
    # Said in so many words, it is taken.
    monkeypatch.setattr(evidence_cli, "_interactive", lambda: False)
    taken = sam("evidence", "import", str(jo), "--person", "Sam", "--them", "Jo Parker")
    assert taken.code == 0, taken.err
    assert "16 messages imported" in sam("evidence", "show", "Sam").out


def test_a_contact_renamed_with_the_relationships_name_is_taken_at_once(
    sam: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = write_chat(tmp_path / "chat.txt", 5)
    assert sam("evidence", "import", str(first), "--person", "Sam", "--me", "Alex").code == 0
    renamed = a_chat_with(tmp_path / "renamed.txt", "Sam")
    result = sam("evidence", "import", str(renamed), "--person", "Sam")
    assert result.code == 0, result.err
    # In a terminal a yes takes someone new too.
    monkeypatch.setattr(evidence_cli, "_interactive", lambda: True)
    monkeypatch.setattr(evidence_cli, "_confirm", lambda question: True)
    jo = a_chat_with(tmp_path / "jo.txt", "Jo Parker")
    assert sam("evidence", "import", str(jo), "--person", "Sam").code == 0


def test_someone_from_a_group_chat_is_not_taken_as_the_other_person_unasked(
    sam: Cli, tmp_path: Path
) -> None:
    # Found by a review: Jo, remembered as someone else in Sam's group chat, was taken as
    # Sam when Jo's own chat was imported for Sam.
    group = write_chat(tmp_path / "group.txt", 3, group=True)
    assert sam("evidence", "import", str(group), "--person", "Sam", "--me", "Alex").code == 0
    jo = tmp_path / "jo.txt"
    lines = [HEADER]
    for day in range(20, 23):
        when = dt.datetime(2026, 1, 1, 9) + dt.timedelta(days=day)
        lines += [f"{when.isoformat()}|Jo|hi!", f"{when.isoformat()}|Alex B|hey Jo"]
    jo.write_text("\n".join(lines) + "\n", encoding="utf-8")
    refused = sam("evidence", "import", str(jo), "--person", "Sam", "--me", "Alex B")
    assert refused.code == 2
    assert "Sam's chats so far were with 'Sam Taylor'; this one is with 'Jo'" in refused.err


def test_an_address_is_named_like_the_relationship_by_what_comes_before_the_at() -> None:
    from reciprocity.evidence.choosing import named_like
    from reciprocity.evidence.importer import ChatOutline

    mail = ChatOutline({"alex@example.org": 3, "sam.taylor@example.com": 2})
    assert named_like(mail, "Sam") == "sam.taylor@example.com"
    assert named_like(ChatOutline({"pat@work.example": 1, "me@home.example": 1}), "Pat") == (
        "pat@work.example"
    )
    assert named_like(mail, "Jo") is None


def test_a_turn_round_that_comes_of_me_is_said_at_me(sam: Cli, tmp_path: Path) -> None:
    # Found by a new user: "--them: ..." though only --me was given.
    chat = write_chat(tmp_path / "chat.txt", 3)
    assert sam("evidence", "import", str(chat), "--person", "Sam", "--me", "Alex").code == 0
    other = a_chat_with(tmp_path / "jo.txt", "Jo Parker")
    slip = sam("evidence", "import", str(other), "--person", "Sam", "--me", "Jo Parker")
    assert slip.code == 2
    assert slip.err.startswith("error: --me: in the chats already imported for Sam, Alex is you")
