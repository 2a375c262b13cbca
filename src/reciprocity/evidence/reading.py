"""Which messages the language signals read, and the flags they leave on each.

The signals read over 30,000 messages a second; an import must go several times
faster. Most chat messages ("on my way", "haha", "7 works") can show none
of the signals the indicators use, so a word filter that costs a microsecond
sorts each message into one of three:

- a word of something hard (a feeling, an illness, a loss, money, work): the
  models read it, and the other's next replies too, whatever words those use,
  since how hard news is answered is what the depth indicator looks at;
- only a word of upkeep (thanks, "how did it go", "thinking of you"): the rules
  for check-ins and thanks read it, which is how the signals decide those anyway;
- neither: nothing reads it, and it shows no signal.

Support and shallow replies matter only as answers to something hard, so their
words send nothing to the models on their own. A test measures what the filter
lets through of the labelled chat messages (tests/data).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING

from reciprocity.core.evidence import SignalFlag

if TYPE_CHECKING:
    from reciprocity.signals import Signals

__all__ = [
    "HARD_WORDS",
    "UPKEEP_WORDS",
    "Reading",
    "load_models",
    "read_signals",
    "read_upkeep",
    "read_upkeep_many",
    "signal_flags",
    "what_to_read",
]

# Words that can carry a disclosure of something hard or distress. Whole words, lower
# case, straight apostrophes.
_HARD = """
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
    fail hate jealous angry ex rehab dark evicting landlord ivf court cut hours scary fault
    pregnancy rubbish
    frightening exhausting
"""
# Words of upkeep: check-ins and thanks, which the signals decide by rules.
# Each is the first word of some check-in or thanks rule (signals/_rules.py), so what the
# rules would find reaches them; a test holds the two together.
_UPKEEP = """
    how how's hows howd how're how've thinking thought reminded hope hoping luck remember
    remembered checking check alright okay heard news settling holding sending fingers
    stranger safe safely bday birthday anniversary congrats congratulations thanks thank
    thankyou thanku thx thanx thnx ty tysm cheers appreciate appreciated appreciates
    appreciating grateful thankful gratitude kind thoughtful sweet generous lucky ta
    lifesaver saver legend star gem saint means meant
"""
HARD_WORDS = frozenset(_HARD.split())
UPKEEP_WORDS = frozenset(_UPKEEP.split())
_WORD = re.compile(r"[a-z']+")


class Reading(IntEnum):
    """How closely a message is read."""

    NONE = 0
    UPKEEP = 1
    FULL = 2


def what_to_read(text: str) -> Reading:
    """How closely the signals should read a message, from its words alone."""
    lowered = text.lower()
    if "\u2019" in lowered:
        lowered = lowered.replace("\u2019", "'")
    words = _WORD.findall(lowered)
    # "not ok" says something, but "ok" alone is the commonest word in chats.
    if not HARD_WORDS.isdisjoint(words) or ("ok" in words and "not" in words):
        return Reading.FULL
    if not UPKEEP_WORDS.isdisjoint(words) or ("ok" in words and "?" in lowered):
        return Reading.UPKEEP
    return Reading.NONE


# The flags as plain integers: IntFlag's ``|`` costs more than the test it records.
_READ = int(SignalFlag.READ)
_FLAGS = {
    name: int(flag)
    for name, flag in (
        ("disclosure", SignalFlag.DISCLOSURE),
        ("emotional", SignalFlag.EMOTIONAL),
        ("support", SignalFlag.SUPPORT),
        ("shallow", SignalFlag.SHALLOW),
        ("check_in", SignalFlag.CHECK_IN),
        ("gratitude", SignalFlag.GRATITUDE),
        ("distress", SignalFlag.DISTRESS),
    )
}


def read_upkeep(text: str) -> int:
    """The check-in and thanks flags of a message, by the signals' own rules (no models)."""
    return read_upkeep_many([text])[0]


def read_upkeep_many(texts: Sequence[str]) -> list[int]:
    """:func:`read_upkeep` of each text (the rules' modules looked up once, not per text)."""
    from reciprocity.signals import _rules as rules
    from reciprocity.signals._features import normalise

    check_in, gratitude = rules.CHECK_IN.found, rules.GRATITUDE.found
    not_gratitude, sarcasm = rules.NOT_GRATITUDE.found, rules.SARCASM.found
    read, checked, thanks = _READ, _FLAGS["check_in"], _FLAGS["gratitude"]
    found: list[int] = []
    for text in texts:
        plain = normalise(text)
        flags = read
        if check_in(plain):
            flags |= checked
        if gratitude(plain) and not (not_gratitude(plain) or sarcasm(plain)):
            flags |= thanks
        found.append(flags)
    return found


def signal_flags(signals: Signals) -> int:
    """The stored flags of one message's signals (:class:`SignalFlag` bits)."""
    from reciprocity.signals import SignalKind

    return _flags(signals, SignalKind.EMOTIONAL)


def _flags(signals: Signals, emotional: object) -> int:
    flags, bits = _READ, _FLAGS
    if signals.disclosure.present:
        flags |= bits["disclosure"]
        if signals.disclosure.kind is emotional:
            flags |= bits["emotional"]
    if signals.support.present:
        flags |= bits["support"]
    if signals.shallow.present:
        flags |= bits["shallow"]
    if signals.check_in.present:
        flags |= bits["check_in"]
    if signals.gratitude.present:
        flags |= bits["gratitude"]
    if signals.distress.present:
        flags |= bits["distress"]
    return flags


def load_models() -> None:
    """Load the signals' models now (once a process), rather than at the first message read."""
    from reciprocity.signals import classify_many

    classify_many(["loading"])


def read_signals(texts: Sequence[str]) -> list[int]:
    """The stored flags of many messages, read by the language signals in one batch."""
    if not texts:
        return []
    from reciprocity.signals import SignalKind, classify_many

    emotional = SignalKind.EMOTIONAL
    return [_flags(signals, emotional) for signals in classify_many(texts)]
