"""Stream the messages out of a large JSON export with ijson, in constant memory.

A whole Telegram account or a long Discord channel can be gigabytes, so the readers
never load the document: ijson reports parse events, and only one message at a time
is built into Python objects. Errors name the JSON path of the message being read
(``chats.list[3].messages[120]``) since a stream knows no line.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import ijson

from reciprocity import messages
from reciprocity.evidence.readers._common import invalid, looks_like_html, open_export, shown

__all__ = ["JsonItem", "JsonStream"]

_STARTS = frozenset({"start_map", "start_array"})
_ENDS = frozenset({"end_map", "end_array"})
_BYTES_REPR = re.compile(r"^b['\"](.*)['\"]$", re.DOTALL)


class JsonItem(NamedTuple):
    """One value the reader asked for.

    Attributes:
        prefix: ijson's path of the value (``chats.list.item.messages.item``).
        value: The message, always a dict (or, for a watched path, the scalar found there).
        where: The readable path with indexes (``chats.list[3].messages[120]``).
    """

    prefix: str
    value: Any
    where: str


class JsonStream:
    """The values at some paths of a JSON file, built one at a time.

    Args:
        path: The export.
        items: Paths of array elements to build whole (the messages).
        watch: Paths of scalars to report as they pass (a chat's name).
        label: The format, for messages.

    Attributes:
        arrays_seen: Whether any array holding ``items`` was found, so a reader can
            tell an empty chat from a JSON file that is not its format.
    """

    def __init__(
        self, path: Path, *, items: Collection[str], watch: Collection[str] = (), label: str
    ) -> None:
        self.path = path
        self.items = frozenset(items)
        self.watch = frozenset(watch)
        self.label = label
        self.arrays_seen = False
        # Index of the current element under each array path, to locate errors.
        self._index: dict[str, int] = {}
        self._last = ""

    def _where(self, prefix: str) -> str:
        parts: list[str] = []
        walked = ""
        for part in prefix.split(".") if prefix else []:
            walked = f"{walked}.{part}" if walked else part
            if part == "item" and parts:
                parts[-1] += f"[{self._index.get(walked, 0)}]"
            else:
                parts.append(part)
        return ".".join(parts) or "(top)"

    def _count(self, prefix: str, event: str) -> None:
        if event == "start_array":
            item = f"{prefix}.item" if prefix else "item"
            self._index[item] = -1
            if item in self.items:
                self.arrays_seen = True
        if (prefix == "item" or prefix.endswith(".item")) and event not in _ENDS:
            self._index[prefix] = self._index.get(prefix, -1) + 1

    def __iter__(self) -> Iterator[JsonItem]:
        with open_export(self.path) as handle:
            try:
                yield from self._events(handle)
            except ijson.JSONError as error:
                raise self._broken(str(error)) from None
            except UnicodeDecodeError:
                raise invalid(self.path, messages.ERR_EXPORT_NOT_UTF8) from None

    def _broken(self, detail: str) -> Exception:
        head = self._head()
        if looks_like_html(head):  # Meta's and Telegram's other export format
            return invalid(self.path, messages.ERR_EVIDENCE_HTML, line=1)
        if head[:1] not in (b"{", b"["):
            # Not a file cut short: no JSON at all (a text file given --format telegram).
            return invalid(self.path, messages.ERR_NOT_JSON.format(label=self.label), line=1)
        # ijson's messages are technical and long, and some come as a bytes' repr
        # (b'lexical error...\n'): the first line of the words says enough.
        words = _BYTES_REPR.sub(r"\1", detail.strip()).replace("\\n", "\n").strip()
        short = words.splitlines()[0].strip() if words else "cut short"
        return invalid(
            self.path,
            messages.ERR_JSON_BROKEN.format(detail=short[:120]),
            field=self._where(self._last),
        )

    def _head(self) -> bytes:
        """The file's first bytes, without a byte order mark or leading spaces."""
        try:
            with self.path.open("rb") as file:
                return file.read(64).removeprefix(b"\xef\xbb\xbf").lstrip()
        except OSError:
            return b"{"  # say what the parser said

    def _message(self, prefix: str, value: Any) -> JsonItem:
        """A complete item; anything but an object where a message belongs is refused."""
        where = self._where(prefix)
        if not isinstance(value, dict):
            raise invalid(
                self.path,
                messages.ERR_FIELD_WRONG.format(
                    field="message", value=shown(value), expected="a message"
                ),
                field=where,
            )
        return JsonItem(prefix, value, where)

    def _events(self, handle: Any) -> Iterator[JsonItem]:
        builder: Any = None
        depth = 0
        building = ""
        for prefix, event, value in ijson.parse(handle, use_float=True):
            self._last = prefix
            if builder is not None:
                builder.event(event, value)
                if event in _STARTS:
                    depth += 1
                elif event in _ENDS:
                    depth -= 1
                    if depth == 0:
                        yield self._message(building, builder.value)
                        builder = None
                continue
            self._count(prefix, event)
            if prefix in self.items:
                if event in _STARTS:
                    builder = ijson.ObjectBuilder()
                    builder.event(event, value)
                    depth, building = 1, prefix
                elif event not in _ENDS:
                    yield self._message(prefix, value)
            elif prefix in self.watch and event not in _STARTS and event not in _ENDS:
                yield JsonItem(prefix, value, self._where(prefix))
