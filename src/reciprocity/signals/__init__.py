"""Language signals in short chat messages, read offline by small shipped models and rules.

English only: a message in another language gets ``Language.UNSUPPORTED`` and
no signal. Each signal is evidence for a pattern over many messages and many
weeks, never a verdict on one message or on a person (docs/signals.md).

    >>> from reciprocity.signals import classify
    >>> [s.name.value for s in classify("thank you so much for today x").present()]
    ['gratitude']
"""

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
