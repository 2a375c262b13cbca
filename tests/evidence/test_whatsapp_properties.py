"""Properties of the WhatsApp reader: any chat in any locale reads back; garbage is refused."""

from __future__ import annotations

import tempfile
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reciprocity.errors import InvalidFileError
from reciprocity.evidence.model import ChatMessage
from reciprocity.evidence.readers import WhatsAppReader
from reciprocity.evidence.readers._whatsapp_parse import MEDIA_LINES, MEDIA_SUFFIXES
from tests.evidence.exports import LOCALES, SPANISH_SPACINGS, Locale, write_zip

READER = WhatsAppReader()
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# What people write: any letters, marks, punctuation, symbols (emoji) and spaces.
# A continuation line that starts like a header is a header in this format (the
# exporter cannot tell them apart), so lines here start with a letter.
_CHARS = st.characters(
    categories=["L", "M", "N", "P", "S", "Zs"],
    exclude_characters="\u200e\u200f\u202a\u202c\ufeff\u2028\u2029\x85",
)
_LINE = st.tuples(st.characters(categories=["L"]), st.text(_CHARS, max_size=30)).map("".join)
_TEXT = (
    st.lists(_LINE, min_size=1, max_size=3)
    .map("\n".join)
    # The reader tells a media placeholder by the message's first line ("image omitted"),
    # so a first line written like one is read as one: such texts are left out here.
    .filter(
        lambda text: (
            (first := text.split("\n", 1)[0]) not in MEDIA_LINES
            and not first.endswith((*MEDIA_SUFFIXES, ">", ")"))
            and not text.startswith("<")
            and text == text.rstrip()
        )
    )
)
_NAMES = st.sampled_from(["Sam", "Alex Okafor", "Zoë", "María José", "+44 7700 900123", "山田"])


@st.composite
def chats(draw: st.DrawFn, locale: Locale) -> list[ChatMessage]:
    """A chat in time order whose first date settles the date order, as real ones soon do."""
    at = draw(st.datetimes(datetime(2009, 1, 13), datetime(2030, 12, 1)))
    at = at.replace(day=max(at.day, 13), microsecond=0)
    if not locale.seconds:
        at = at.replace(second=0)
    out = []
    for _ in range(draw(st.integers(1, 12))):
        media = draw(st.booleans())
        text = "" if media else draw(_TEXT)
        out.append(ChatMessage(at, draw(_NAMES), text, media))
        step = draw(st.integers(0, 3 * 86400))
        at += timedelta(seconds=step if locale.seconds else step // 60 * 60)
    return out


def _numbered(chat: list[ChatMessage]) -> list[ChatMessage]:
    out, line = [], 2
    for m in chat:
        out.append(ChatMessage(m.at, m.sender, m.text, m.media, None, line))
        line += m.text.count("\n") + 1
    return out


@SETTINGS
@given(
    data=st.data(),
    locale=st.sampled_from([*LOCALES.values(), *SPANISH_SPACINGS.values()]),
    bom=st.booleans(),
)
def test_any_chat_written_in_any_locale_reads_back(
    data: st.DataObject, locale: Locale, bom: bool
) -> None:
    chat = data.draw(chats(locale))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "chat.txt"
        path.write_bytes(locale.render(chat, bom=bom))
        assert READER.sniff(path, path.read_bytes()[:4096])
        assert list(READER.read(path)) == _numbered(chat)
        zipped = Path(folder) / "chat.zip"
        write_zip(zipped, locale.render(chat), ios=locale.ios)
        assert list(READER.read(zipped)) == _numbered(chat)


def _outcome(path: Path) -> None:
    """Sniff and read ``path``: anything but a clean answer or InvalidFileError fails."""
    head = path.read_bytes()[:4096]
    assert isinstance(READER.sniff(path, head), bool)
    try:
        for message in READER.read(path):
            assert isinstance(message, ChatMessage)
            assert message.line is not None
    except InvalidFileError as error:
        refused_file = error.file
        assert refused_file == str(path)


@SETTINGS
@given(raw=st.binary(max_size=600))
def test_random_bytes_are_refused_cleanly(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "chat.txt"
        path.write_bytes(raw)
        _outcome(path)


_HEADERISH = st.sampled_from(
    [
        "13/01/2024, 10:00 - ",
        "[1/13/24, 9:15:03\u202fPM] ",
        "99/99/9999, 99:99 - ",
        "[",
        "\u200e",
        "",
    ]
)


@SETTINGS
@given(
    lines=st.lists(
        st.tuples(_HEADERISH, st.text(max_size=40)).map("".join), min_size=1, max_size=12
    ),
    newline=st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_header_like_garbage_is_read_or_refused_cleanly(lines: list[str], newline: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "chat.txt"
        path.write_bytes(newline.join(lines).encode("utf-8", errors="surrogatepass"))
        _outcome(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), cut=st.floats(0, 1), flips=st.lists(st.integers(0, 10**6), max_size=4))
def test_damaged_exports_and_zips_are_read_or_refused_cleanly(
    data: st.DataObject, cut: float, flips: list[int]
) -> None:
    locale = LOCALES["ios-en-US"]
    rendered = locale.render(data.draw(chats(locale)))
    with tempfile.TemporaryDirectory() as folder:
        for name, ios in (("chat.txt", None), ("chat.zip", True)):
            path = Path(folder) / name
            if ios is None:
                path.write_bytes(rendered)
            else:
                write_zip(path, rendered, ios=ios)
            raw = bytearray(path.read_bytes())
            for flip in flips:
                if raw:
                    raw[flip % len(raw)] ^= 0xA5
            path.write_bytes(bytes(raw[: max(1, int(len(raw) * cut))]))
            _outcome(path)
