"""Language signals in short chat messages, read offline by small shipped models and rules.

English only: a message in another language gets ``Language.UNSUPPORTED`` and
no signal. Each signal is evidence for a pattern over many messages and many
weeks, never a verdict on one message or on a person (docs/signals.md).

    >>> from reciprocity.signals import classify
    >>> [s.name.value for s in classify("thank you so much for today x").present()]
    ['gratitude']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reciprocity.signals._classify import (
        Language,
        Signal,
        SignalKind,
        SignalName,
        Signals,
        accusatory_tone,
        classify,
        classify_many,
    )

__all__ = [
    "Language",
    "Signal",
    "SignalKind",
    "SignalName",
    "Signals",
    "accusatory_tone",
    "classify",
    "classify_many",
]


def __getattr__(name: str) -> object:
    # The models (and numpy) load on first use, not when a rule module of this package
    # is imported: the helper process that reads a big export needs only the rules.
    if name in __all__:
        from reciprocity.signals import _classify

        return getattr(_classify, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
