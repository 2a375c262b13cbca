"""When a hand-written chat message counts as showing each signal (gold and development sets).

The sets label disclosure and support by kind (``tests/data/README.md``); a
signal is present when the kind says so. Shared by the measuring script and
the test that holds the shipped model to the gold set.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

__all__ = ["PRESENT"]

PRESENT: dict[str, Callable[[Mapping[str, object]], bool]] = {
    "disclosure": lambda row: row["disclosure"] != "none",
    "support": lambda row: row["support"] in {"emotional", "practical"},
    "shallow": lambda row: row["support"] == "shallow",
    "check_in": lambda row: bool(row["check_in"]),
    "gratitude": lambda row: bool(row["gratitude"]),
    "distress": lambda row: bool(row["distress"]),
}
