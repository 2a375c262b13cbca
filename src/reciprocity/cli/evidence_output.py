"""What ``reciprocity evidence`` shows besides words: the progress bar and the JSON document."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reciprocity.core.evidence import EvidenceImport
from reciprocity.core.indicator_values import (
    Comparison,
    CrisisReading,
    DepthReading,
    EvidenceReport,
    PeriodEvidence,
)
from reciprocity.evidence.importer import Progress

__all__ = ["OUTPUT_VERSION", "import_progress", "report_document"]

OUTPUT_VERSION = 1
# Files smaller than this import before a bar would be worth drawing.
_BAR_FROM_BYTES = 1_000_000


def _lines_in(path: Path) -> int:
    count = 0
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            count += chunk.count(b"\n")
    return count + 1


@contextmanager
def import_progress(path: Path, label: str) -> Iterator[Progress | None]:
    """A progress bar on the terminal (by line of the file) while an import runs.

    Nothing is drawn when standard error is not a terminal or the file is small.
    """
    if not sys.stderr.isatty() or path.stat().st_size < _BAR_FROM_BYTES:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

    from reciprocity import messages

    total = _lines_in(path)
    columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(
            messages.EVIDENCE_READING.format(file=path.name, format=label), total=total
        )

        def advance(read: int, line: int | None) -> None:
            if line is not None:
                bar.update(task, completed=line)

        yield advance


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
