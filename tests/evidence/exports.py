"""Chat exports built the way WhatsApp writes them, byte for byte, for the reader tests.

Each ``Locale`` is one phone setting as the app renders it: the layout (Android
"date, time - Name: text", iOS "[date, time] Name: text"), the date and clock,
the invisible marks (U+200E before iOS media and notices, U+202F before AM/PM on
recent versions, U+00A0 inside CLDR's Spanish "a.\u00a0m."), the media placeholder, the
encryption notice and the line end.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reciprocity.evidence.model import ChatMessage

LRM = "\u200e"
NNBSP = "\u202f"
NBSP = "\u00a0"


def _h12(at: datetime) -> int:
    return at.hour % 12 or 12


@dataclass(frozen=True)
class Locale:
    """How one phone, in one language, writes a chat."""

    name: str
    ios: bool
    stamp: Callable[[datetime], str]
    media: str
    notice: str
    seconds: bool
    newline: str = "\n"

    def header(self, at: datetime) -> str:
        """The header before ``Name: text``."""
        return f"[{self.stamp(at)}] " if self.ios else f"{self.stamp(at)} - "

    def line(self, message: ChatMessage) -> str:
        """``message`` as the export writes it, line end included."""
        marked = self.ios and message.media  # iOS marks what it wrote itself
        text = (LRM if marked else "") + self.media if message.media else message.text
        start = LRM if marked else ""
        body = f"{start}{self.header(message.at)}{message.sender}: {text}"
        return body.replace("\n", self.newline) + self.newline

    def notice_line(self, at: datetime, chat: str) -> str:
        """The encryption notice that opens every export."""
        if self.ios:
            return f"{self.header(at)}{chat}: {LRM}{self.notice}{self.newline}"
        return f"{self.header(at)}{self.notice}{self.newline}"

    def render(self, chat: Sequence[ChatMessage], *, name: str = "Sam", bom: bool = False) -> bytes:
        """The whole export: the notice, then every message."""
        first = chat[0].at if chat else datetime(2024, 1, 13, 8, 0)
        text = self.notice_line(first, name) + "".join(self.line(m) for m in chat)
        return ("\ufeff" if bom else "").encode() + text.encode("utf-8")


def spanish(*, ios: bool, inner: str = NBSP, before: str = NNBSP) -> Locale:
    """A Spanish phone on a 12-hour clock: ``9:15<before>a.<inner>m.``.

    CLDR, which both systems take their locale data from, writes the day period
    as "a.\u00a0m." / "p.\u00a0m." (a no-break space inside) after U+202F; the
    other spacings (a plain space, U+202F, none) are kept for the tests.
    """
    seconds = ":%S" if ios else ""
    return Locale(
        f"{'ios' if ios else 'android'}-es-ES",
        ios=ios,
        stamp=lambda at: (
            f"{at.day}/{at.month}/{at:%y}, {_h12(at)}:{at.strftime('%M' + seconds)}{before}"
            + ("a." if at.hour < 12 else "p.")
            + f"{inner}m."
        ),
        media="audio omitido" if ios else "<Multimedia omitido>",
        notice="Los mensajes y las llamadas están cifrados de extremo a extremo.",
        seconds=ios,
    )


EN_NOTICE = (
    "Messages and calls are end-to-end encrypted. No one outside of this chat, not even "
    "WhatsApp, can read or listen to them. Tap to learn more."
)

LOCALES: dict[str, Locale] = {
    "android-en-US": Locale(
        "android-en-US",
        ios=False,
        stamp=lambda at: f"{at.month}/{at.day}/{at:%y}, {_h12(at)}:{at:%M}{NNBSP}{at:%p}",
        media="<Media omitted>",
        notice=EN_NOTICE,
        seconds=False,
    ),
    "android-en-GB": Locale(
        "android-en-GB",
        ios=False,
        stamp=lambda at: f"{at:%d/%m/%Y, %H:%M}",
        media="<Media omitted>",
        notice=EN_NOTICE,
        seconds=False,
    ),
    "android-de-DE": Locale(
        "android-de-DE",
        ios=False,
        stamp=lambda at: f"{at:%d.%m.%y, %H:%M}",
        media="<Medien ausgeschlossen>",
        notice="Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt. Tippe für mehr Infos.",
        seconds=False,
    ),
    "android-es-ES": spanish(ios=False),
    "android-fr-FR": Locale(
        "android-fr-FR",
        ios=False,
        stamp=lambda at: f"{at:%d/%m/%Y} à {at:%H:%M}",
        media="<Médias omis>",
        notice="Les messages et les appels sont chiffrés de bout en bout.",
        seconds=False,
    ),
    "android-ar": Locale(
        "android-ar",
        ios=False,
        stamp=lambda at: (
            f"{at.day}/{at.month}/{at:%Y}, {_h12(at)}:{at:%M}{NNBSP}"
            + ("ص" if at.hour < 12 else "م")
        ),
        media="<تم استبعاد الوسائط>",
        notice="الرسائل والمكالمات مشفرة تمامًا بين الطرفين.",
        seconds=False,
    ),
    "ios-en-US": Locale(
        "ios-en-US",
        ios=True,
        stamp=lambda at: f"{at.month}/{at.day}/{at:%y}, {_h12(at)}:{at:%M:%S}{NNBSP}{at:%p}",
        media="image omitted",
        notice="Messages and calls are end-to-end encrypted. No one outside of this chat, "
        "not even WhatsApp, can read or listen to them.",
        seconds=True,
        newline="\r\n",
    ),
    "ios-en-GB": Locale(
        "ios-en-GB",
        ios=True,
        stamp=lambda at: f"{at:%d/%m/%Y, %H:%M:%S}",
        media="<attached: 00000012-PHOTO-2024-01-12-09-15-03.jpg>",
        notice="Messages and calls are end-to-end encrypted.",
        seconds=True,
    ),
    "ios-de-DE": Locale(
        "ios-de-DE",
        ios=True,
        stamp=lambda at: f"{at:%d.%m.%y, %H:%M:%S}",
        media="Bild weggelassen",
        notice="Nachrichten und Anrufe sind Ende-zu-Ende-verschlüsselt.",
        seconds=True,
    ),
    "ios-es-ES": spanish(ios=True),
    "ios-ja-JP": Locale(
        "ios-ja-JP",
        ios=True,
        stamp=lambda at: (
            f"{at:%Y/%m/%d} " + ("午前" if at.hour < 12 else "午後") + f"{_h12(at)}:{at:%M:%S}"
        ),
        media="画像は省略されました",
        notice="メッセージと通話はエンドツーエンドで暗号化されています。",
        seconds=True,
    ),
}


# The same Spanish clock with every spacing of the marker seen in exports and in
# other systems' locale data, in both layouts.
SPANISH_SPACINGS: dict[str, Locale] = {
    f"{layout}-es {name}": spanish(ios=layout == "ios", inner=inner, before=before)
    for layout in ("android", "ios")
    for name, inner, before in (
        ("a. m.", " ", " "),
        ("a.\u00a0m.", NBSP, " "),
        ("a.\u202fm.", NNBSP, NNBSP),
        ("a.m.", "", NNBSP),
        ("a.m. no space before", "", ""),
    )
}


def write_zip(path: Path, chat: bytes, *, ios: bool, with_media: bool = True) -> None:
    """A zip as the app shares it: the chat text, deflated, beside the media files."""
    member = "_chat.txt" if ios else "WhatsApp Chat with Sam.txt"
    photo = "00000012-PHOTO-2024-01-12-09-15-03.jpg" if ios else "IMG-20240112-WA0001.jpg"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, chat)
        if with_media:
            archive.writestr(photo, b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8)
    path.write_bytes(buffer.getvalue())
