"""What ``reciprocity evidence`` shows besides words: the progress bar and the JSON document."""

from __future__ import annotations

import os
import sys
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from reciprocity import messages
from reciprocity.core.evidence import EvidenceImport
from reciprocity.core.indicator_values import (
    Comparison,
    CrisisReading,
    DepthReading,
    EvidenceReport,
    PeriodEvidence,
)
from reciprocity.evidence.importer import Progress

if TYPE_CHECKING:
    from rich.progress import Progress as Bars
    from rich.progress import Task, TaskID

__all__ = ["OUTPUT_VERSION", "import_progress", "report_document"]

OUTPUT_VERSION = 1
# Files smaller than this import before a bar would be worth drawing.
_BAR_FROM_BYTES = 1_000_000
_BAR_WIDTH = 30  # leaves the name room on an 80-column terminal
_ZIP_MAGIC = b"PK\x03\x04"
# How tqdm reads its TQDM_DISABLE (the benchmarks set it to keep every bar quiet).
_TRUE_WORDS = frozenset({"1", "true", "yes", "y", "on"})


def _quiet(path: Path) -> bool:
    """Whether to draw nothing: not on a terminal, asked not to, or the file is small."""
    asked = os.environ.get("TQDM_DISABLE", "").strip().lower() in _TRUE_WORDS
    return asked or not sys.stderr.isatty() or path.stat().st_size < _BAR_FROM_BYTES


def _newlines(stream: IO[bytes]) -> int:
    count = 0
    while chunk := stream.read(1 << 20):
        count += chunk.count(b"\n")
    return count


def _lines_of(path: Path) -> int | None:
    """The lines of the chat text: of the file, or of the chat inside a zip (None: unreadable).

    In a zip (a WhatsApp export, with its photos and voice notes) the chat is taken to be
    the biggest text file: the reader's own choice is its business, and the chat is the
    export's biggest text in practice (a miss only skews the bar, which still ends full).
    Counting the lines of a million-message chat takes about 30 ms in a .txt and 100 ms
    in a .zip, where it is inflated once more: 1-2% of its import.
    """
    try:
        with path.open("rb") as file:
            head = file.read(len(_ZIP_MAGIC))
            if head != _ZIP_MAGIC:
                return head.count(b"\n") + _newlines(file) + 1
        with zipfile.ZipFile(path) as archive:
            texts = [i for i in archive.infolist() if i.filename.lower().endswith(".txt")]
            if not texts:
                return None
            with archive.open(max(texts, key=lambda i: i.file_size)) as chat:
                return _newlines(chat) + 1
    except (OSError, zipfile.BadZipFile, zlib.error, EOFError, ValueError):
        # A damaged zip: the reader says so, with where; the bar just counts messages.
        return None


class _ImportBar:
    """One import's line on the terminal, moved by the import's reports."""

    def __init__(self, bars: Bars, task: TaskID, path: Path) -> None:
        self._bars = bars
        self._task = task
        self._path = path
        self._counted = False
        self._lines: int | None = None
        self._reached = 0

    def __call__(self, read: int, line: int | None) -> None:
        """After a batch: the lines reached against the file's, else the messages read."""
        if line is not None and not self._counted:
            # Counted only once a line is reported: formats without lines never pay for it.
            self._counted = True
            self._lines = _lines_of(self._path)
        if line is None or self._lines is None:
            so_far = messages.EVIDENCE_READ_SO_FAR.format(count=f"{read:,}")
            self._bars.update(self._task, completed=read, so_far=so_far, refresh=True)
            return
        # A lone carriage return can end a line for the reader but not for the count.
        self._lines = max(self._lines, line)
        # The furthest line reached: a format put in time order after reading (mbox,
        # SMS backups, CSV) gives its lines out of order, and the bar never goes back.
        self._reached = max(self._reached, line)
        self._bars.update(self._task, total=self._lines, completed=self._reached, refresh=True)

    def finish(self) -> None:
        """The whole file was read: the bar ends full (the last message's line is not the last)."""
        if self._lines is not None:
            self._bars.update(self._task, completed=self._lines, refresh=True)


@contextmanager
def import_progress(path: Path, label: str) -> Iterator[Progress | None]:
    """What the terminal shows while an import runs, on standard error.

    For a format with lines (a chat's text, in a .txt or inside a .zip): a bar of the
    lines read against the lines in the file. For one without (JSON read as a stream, a
    database): a pulsing bar beside the messages read so far, since nothing cheap tells
    how many there are. Nothing is drawn when standard error is not a terminal, when
    TQDM_DISABLE is set, or when the file is small enough to import in a moment.
    """
    if _quiet(path):
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, TaskProgressColumn, TextColumn
    from rich.progress import Progress as Bars
    from rich.table import Column
    from rich.text import Text

    class Name(TextColumn):
        """The file's name and format, cut short (not wrapped) when the terminal is narrow."""

        def render(self, task: Task) -> Text:
            text = super().render(task)
            text.no_wrap, text.overflow = True, "ellipsis"
            return text

    # Only the name gives way on a narrow terminal: the bar and the figure keep their width.
    fixed = Column(no_wrap=True)
    columns = (
        # Without markup: a file name may hold [brackets].
        Name("{task.description}", markup=False, table_column=Column(overflow="ellipsis")),
        BarColumn(bar_width=_BAR_WIDTH, table_column=fixed),
        # With no total, the messages read so far (nothing until the first report).
        TaskProgressColumn(text_format_no_percentage="{task.fields[so_far]}", table_column=fixed),
    )
    description = messages.EVIDENCE_READING.format(file=path.name, format=label)
    with Bars(*columns, console=Console(stderr=True), transient=True) as bars:
        bar = _ImportBar(bars, bars.add_task(description, total=None, so_far=""), path)
        yield bar
        bar.finish()


def _comparison(share: Comparison | None) -> dict[str, Any] | None:
    if share is None:
        return None
    return {"mine": round(share.value, 3), "usual_mine": round(share.usual, 3), "of": share.basis}


def _depth(reading: DepthReading | None) -> dict[str, Any] | None:
    if reading is None:
        return None

    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 3)

    return {
        "hard_things_shared": reading.shared,
        "answered_in_conversation": rounded(reading.answered),
        "reply_minutes": rounded(reading.reply_minutes),
        "usual_reply_minutes": rounded(reading.usual_reply_minutes),
        "supportive": rounded(reading.supportive),
        "usual_supportive": rounded(reading.usual_supportive),
    }


def _period(period: PeriodEvidence) -> dict[str, Any]:
    return {
        "label": period.label,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "conversations": period.conversations,
        "seasons": [s.id for s in period.seasons],
        "felt": [
            {
                "audit_date": a.date.isoformat(),
                "scores": {r.dimension.value: r.score for r in a.dimensions},
            }
            for a in period.felt
        ],
        "initiation": {"started_after_quiet": _comparison(period.started_by_me)},
        "depth": {
            "their_answers_to_me": _depth(period.their_answers),
            "my_answers_to_them": _depth(period.my_answers),
        },
        "maintenance": {
            "reached_out_after_long_quiet": _comparison(period.reached_out_by_me),
            "check_ins": _comparison(period.check_ins_by_me),
            "thanks": _comparison(period.thanks_by_me),
            "remembered_dates": [
                {
                    "label": r.label,
                    "day": r.day.isoformat(),
                    "i_wrote": r.i_wrote,
                    "they_wrote": r.they_wrote,
                }
                for r in period.remembered
            ],
        },
    }


def _crisis(reading: CrisisReading) -> dict[str, Any]:
    return {
        "season": reading.season.id,
        "whose": reading.season.whose.value,
        "kind": reading.season.kind.value,
        "days": reading.days,
        "days_in_touch_me": reading.me,
        "days_in_touch_them": reading.them,
        "usual_me": round(reading.usual_me, 3),
        "usual_them": round(reading.usual_them, 3),
    }


def report_document(
    report: EvidenceReport, name: str, imports: list[EvidenceImport]
) -> dict[str, Any]:
    """The indicators as a JSON-ready document (shares are the person's, from 0 to 1)."""
    return {
        "version": OUTPUT_VERSION,
        "person": name,
        "period": report.period.value,
        "messages": report.messages,
        "first_day": report.first_day.isoformat() if report.first_day else None,
        "last_day": report.last_day.isoformat() if report.last_day else None,
        "silence_seconds": report.silence_seconds,
        "long_quiet_seconds": report.long_quiet_seconds,
        "imports": [
            {
                "file": i.file_name,
                "format": i.format,
                "chat": i.chat,
                "imported_at": i.imported_at.isoformat(),
                "messages_read": i.messages_read,
                "messages_added": i.messages_added,
                "kept_text": i.kept_text,
                "group_chat": i.group_chat,
                "zone": i.zone,
            }
            for i in imports
        ],
        "periods": [_period(p) for p in report.periods],
        "crisis": [_crisis(c) for c in report.crises],
        "candidate_seasons": [
            {"whose": c.whose.value, "start": c.start.isoformat(), "end": c.end.isoformat()}
            for c in report.candidates
        ],
    }
