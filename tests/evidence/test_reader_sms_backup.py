"""SMS Backup & Restore XML: SMS and MMS, emoji as surrogate pairs, lines for every message."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reciprocity import messages
from reciprocity.errors import InvalidFileError
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers.sms_backup import SmsBackupReader, repair_surrogate_references

from .support import MILLI_INSTANTS, NAMES, SHARED_TMP, read_all, reads_or_rejects, sniffs

READER = SmsBackupReader()
AT = datetime(2024, 1, 12, 9, 15, tzinfo=UTC)
PROLOGUE = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n"
    "<!--File Created By SMS Backup & Restore v10.20.002 on 12/01/2024 09:30:00-->\n"
    '<?xml-stylesheet type="text/xsl" href="sms.xsl"?>\n'
)


def attribute(text: str) -> str:
    """An attribute value as the app writes it: astral characters as UTF-16 surrogate refs."""
    out = []
    for char in text:
        code = ord(char)
        if code > 0xFFFF:
            code -= 0x10000
            out.append(f"&#{0xD800 + (code >> 10)};&#{0xDC00 + (code & 0x3FF)};")
        elif char in "&<>\"'" or code < 0x20:
            out.append(f"&#{code};")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def sms(at: datetime, kind: int, body: str, *, address: str, name: str) -> str:
    millis = round(at.timestamp() * 1000)
    return (
        f'  <sms protocol="0" address={quoteattr(address)} date="{millis}" type="{kind}" '
        f'subject="null" body={attribute(body)} toa="null" sc_toa="null" '
        f'service_center="null" read="1" status="-1" locked="0" date_sent="{millis}" '
        f'sub_id="1" readable_date="Jan 12, 2024 9:15:00 AM" contact_name={attribute(name)} />'
    )


def mms(at: datetime, box: int, text: str, *, sender: str, address: str, name: str) -> str:
    millis = round(at.timestamp() * 1000)
    return "\n".join(
        [
            f'  <mms date="{millis}" ct_t="application/vnd.wap.multipart.related" '
            f'msg_box="{box}" address={quoteattr(address)} read="1" '
            f"contact_name={attribute(name)}>",
            "    <parts>",
            '      <part seq="-1" ct="application/smil" name="null" chset="null" '
            'text="&lt;smil&gt;&lt;/smil&gt;" />',
            '      <part seq="0" ct="text/plain" name="null" chset="106" '
            f"text={attribute(text)} />",
            '      <part seq="1" ct="image/jpeg" name="IMG_1.jpg" data="/9j/4AAQSkZJRg==" />',
            "    </parts>",
            "    <addrs>",
            f'      <addr address={quoteattr(sender)} type="137" charset="106" />',
            '      <addr address="+15550000000" type="151" charset="106" />',
            "    </addrs>",
            "  </mms>",
        ]
    )


def write_backup(path: Path, items: list[str], newline: str = "\n") -> Path:
    body = f'<smses count="{len(items)}" backup_set="a1" backup_date="1705051800000" type="full">'
    text = PROLOGUE + body + "\n" + "\n".join(items) + "\n</smses>\n"
    path.write_bytes(text.replace("\n", newline).encode("utf-8"))
    return path


def test_emoji_written_as_surrogate_pairs_come_back_whole(tmp_path: Path) -> None:
    path = write_backup(
        tmp_path / "sms-20240112093000.xml",
        [sms(AT, 1, "so proud of you 😀🎉", address="+15551234567", name="Alex")],
    )
    assert b"&#55357;&#56832;" in path.read_bytes()
    assert sniffs(READER, path)
    assert read_all(READER, path) == [
        ChatMessage(AT, "Alex", "so proud of you 😀🎉", chat="Alex", line=5)
    ]


def test_sent_received_mms_drafts_and_windows_line_endings(tmp_path: Path) -> None:
    path = write_backup(
        tmp_path / "sms.xml",
        [
            sms(AT, 2, "on my way", address="+15551234567", name="Alex"),
            sms(AT, 3, "a draft", address="+15551234567", name="Alex"),
            sms(AT, 1, "who is this", address="+15559999999", name="(Unknown)"),
            mms(AT, 1, "look!", sender="+15551234567", address="+15551234567", name="Alex"),
            mms(AT, 2, "", sender="insert-address-token", address="+1555~+1666", name="A, B"),
        ],
        newline="\r\n",
    )
    assert read_all(READER, path) == [
        ChatMessage(AT, messages.SENDER_ME, "on my way", chat="Alex", line=5),
        ChatMessage(AT, "+15559999999", "who is this", chat="+15559999999", line=7),
        ChatMessage(AT, "Alex", "look!", media=True, chat="Alex", line=8),
        ChatMessage(AT, messages.SENDER_ME, "", media=True, chat="A, B", line=19),
    ]


def test_a_group_mms_is_sent_by_its_from_address(tmp_path: Path) -> None:
    path = write_backup(
        tmp_path / "sms.xml",
        [mms(AT, 1, "hi all", sender="+1666", address="+1555~+1666", name="Alex, Bo")],
    )
    [message] = read_all(READER, path)
    assert (message.sender, message.chat) == ("+1666", "Alex, Bo")


def test_repair_joins_pairs_and_replaces_lone_halves() -> None:
    assert repair_surrogate_references(b"a&#55357;&#56832;b") == b"a&#128512;b"
    assert repair_surrogate_references(b"&#xD83D;&#xDE00;") == b"&#128512;"
    assert repair_surrogate_references(b"&#55357;x") == b"&#65533;x"
    assert repair_surrogate_references(b"&#56832;&#55357;") == b"&#65533;&#65533;"
    assert repair_surrogate_references(b"&#38;&#233;") == b"&#38;&#233;"


@SHARED_TMP
@given(
    st.lists(
        st.tuples(
            MILLI_INSTANTS,
            st.booleans(),
            st.text(st.characters(exclude_categories=["Cs", "Cc"]), max_size=80),
            # "null" is what the app writes when the phone knows no name.
            NAMES.filter(lambda name: name != "null"),
        ),
        max_size=10,
    )
)
def test_round_trip(tmp_path: Path, sent: list[tuple[datetime, bool, str, str]]) -> None:
    items = [
        sms(at, 2 if mine else 1, body, address="+15551234567", name=name)
        for at, mine, body, name in sent
    ]
    path = write_backup(tmp_path / "sms.xml", items)
    read = [(m.at, m.sender, m.text, m.chat) for m in read_all(READER, path)]
    # Whatever order the file has them in, they come out by time.
    assert [at for at, *_ in read] == sorted(at for at, *_ in sent)
    assert sorted(read) == sorted(
        (at, messages.SENDER_ME if mine else name, body, name) for at, mine, body, name in sent
    )


def test_a_backup_in_no_order_of_time_comes_out_oldest_first(tmp_path: Path) -> None:
    # The app's order is not documented; here SMS come newest first, then the MMS.
    minute = timedelta(minutes=1)
    items = [
        sms(AT + 9 * minute, 1, "thank you, really", address="+15551234567", name="Alex"),
        sms(AT + 2 * minute, 2, "I'm so sorry. Call me?", address="+15551234567", name="Alex"),
        sms(AT, 1, "I lost my job today", address="+15551234567", name="Alex"),
        mms(AT + 3 * minute, 2, "here for you", sender="", address="+15551234567", name="Alex"),
        mms(AT + minute, 1, "I feel awful", sender="", address="+15551234567", name="Alex"),
    ]
    path = write_backup(tmp_path / "sms-20240112093000.xml", items)
    read = read_all(READER, path)
    assert [(m.at, m.text) for m in read] == [
        (AT, "I lost my job today"),
        (AT + minute, "I feel awful"),
        (AT + 2 * minute, "I'm so sorry. Call me?"),
        (AT + 3 * minute, "here for you"),
        (AT + 9 * minute, "thank you, really"),
    ]
    # Each message still names the line it is on.
    assert [m.line for m in read] == [7, 19, 6, 8, 5]


def test_a_cut_short_backup_names_its_line(tmp_path: Path) -> None:
    path = write_backup(
        tmp_path / "sms.xml", [sms(AT, 1, "hi", address="+1", name="A") for _ in range(5)]
    )
    whole = path.read_bytes()
    path.write_bytes(whole[: whole.index(b"<sms", 400) + 40])
    with pytest.raises(InvalidFileError) as raised:
        read_all(READER, path)
    assert raised.value.problems[0].line is not None
    assert raised.value.problems[0].line >= 5


def test_a_bad_date_names_its_line(tmp_path: Path) -> None:
    path = write_backup(
        tmp_path / "sms.xml",
        [sms(AT, 1, "hi", address="+1", name="A").replace('date="', 'date="x')],
    )
    with pytest.raises(InvalidFileError) as raised:
        read_all(READER, path)
    assert raised.value.problems[0].line == 5


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "sms.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE smses [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<smses><sms body="&b;"/></smses>',
        encoding="utf-8",
    )
    with pytest.raises(InvalidFileError):
        read_all(READER, path)


def test_other_xml_is_not_claimed(tmp_path: Path) -> None:
    path = tmp_path / "calls.xml"
    path.write_text(PROLOGUE + '<calls count="0"></calls>', encoding="utf-8")
    assert not sniffs(READER, path)


@SHARED_TMP
@given(st.binary(max_size=200), st.integers(min_value=0, max_value=3000))
def test_garbage_is_refused_cleanly(tmp_path: Path, noise: bytes, cut: int) -> None:
    items = [
        sms(AT, 1, "hé 😀", address="+1", name="A"),
        mms(AT, 1, "x", sender="+1", address="+1", name="A"),
    ]
    path = write_backup(tmp_path / "sms.xml", items)
    whole = path.read_bytes()
    path.write_bytes(whole[: cut % len(whole)] + noise + whole[cut % len(whole) :][:30])
    reads_or_rejects(READER, path)


def test_pairs_split_across_read_chunks_are_still_joined(tmp_path: Path) -> None:
    # Far more than one 64 KiB chunk, so chunk ends land inside references and pairs.
    bodies = ["😀" * (1 + n % 7) + "é&" * (n % 3) for n in range(2500)]
    items = [sms(AT, 1, body, address="+1", name="A") for body in bodies]
    path = write_backup(tmp_path / "sms.xml", items)
    assert path.stat().st_size > 4 * 65536
    assert [message.text for message in read_all(READER, path)] == bodies
