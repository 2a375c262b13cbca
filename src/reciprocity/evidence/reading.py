"""Which messages the language signals read, and the flags they leave on each.

The models read about ten thousand messages a second; an import must go ten
times faster. Most chat messages ("on my way", "haha", "7 works") can show none
of the signals the indicators use, so a word filter that costs a microsecond
passes only messages with a word that could carry one (a feeling, a hard event,
thanks, a check-in, comfort), plus the replies to those messages, since how a
disclosure is answered is the point of the depth indicator. A test measures
what the filter lets through of the labelled chat messages (tests/data).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reciprocity.core.evidence import SignalFlag

if TYPE_CHECKING:
    from reciprocity.signals import Signals

__all__ = ["CUE_WORDS", "read_signals", "signal_flags", "worth_reading"]

# Words that can carry a disclosure of something hard, distress, support, a check-in or
# thanks. Whole words, lower case, straight apostrophes.
_CUES = """
    feel feels feeling feelings felt honestly tbh cry crying cried tears sad upset hurt hurts
    hurting scared afraid terrified frightened anxious anxiety worried worry worrying nervous
    panic depressed depression lonely alone lost lose losing miss missing stressed stress
    stressful struggling struggle overwhelmed exhausted tired awful terrible horrible hard tough
    difficult rough bad worse worst low down heartbroken devastated gutted ashamed embarrassed
    guilty useless empty sick ill pain hospital doctor gp scan results diagnosed diagnosis
    cancer tumour tumor chemo biopsy surgery operation died dead death passed funeral grief
    grieving miscarriage pregnant divorce divorced divorcing separating separated breakup split
    dumped cheated fired redundant laid evicted debt rent bills broke money job interview exam
    therapy therapist sober drinking relapse coping cope can't cant cannot dementia lump
    admitted fight argument argued mum mom dad mother father nan gran grandma grandad failed
    fail hate jealous angry ex rehab dark evicting landlord ivf court cut hours how how's hows
    howd how're how've thinking hope hoping luck remember remembered checking alright heard
    birthday anniversary congrats congratulations thanks thank thx ty tysm cheers appreciate
    appreciated grateful gratitude sorry hug hugs love proud here help helps anything listen
    talk call ring kind thoughtful lucky ta glad fault believe deserve matter poor scary
    frightening exhausting
"""
CUE_WORDS = frozenset(_CUES.split())
_WORD = re.compile(r"[a-z']+")


def worth_reading(text: str) -> bool:
    """Whether a message has a word that could carry a signal the indicators use."""
    lowered = text.lower()
    if "\u2019" in lowered:
        lowered = lowered.replace("\u2019", "'")
    words = _WORD.findall(lowered)
    if not CUE_WORDS.isdisjoint(words):
        return True
    # "you ok?" and "not ok" say something, but "ok" alone is the commonest word in chats.
    return "ok" in words and ("?" in lowered or "not" in words)


def signal_flags(signals: Signals) -> int:
    """The stored flags of one message's signals (:class:`SignalFlag` bits)."""
    from reciprocity.signals import SignalKind

    flags = SignalFlag.READ
    if signals.disclosure.present:
        flags |= SignalFlag.DISCLOSURE
        if signals.disclosure.kind is SignalKind.EMOTIONAL:
            flags |= SignalFlag.EMOTIONAL
    if signals.support.present:
        flags |= SignalFlag.SUPPORT
    if signals.shallow.present:
        flags |= SignalFlag.SHALLOW
    if signals.check_in.present:
        flags |= SignalFlag.CHECK_IN
    if signals.gratitude.present:
        flags |= SignalFlag.GRATITUDE
    if signals.distress.present:
        flags |= SignalFlag.DISTRESS
    return int(flags)


def read_signals(texts: Sequence[str]) -> list[int]:
    """The stored flags of many messages, read by the language signals in one batch."""
    if not texts:
        return []
    from reciprocity.signals import classify_many

    return [signal_flags(signals) for signals in classify_many(texts)]
