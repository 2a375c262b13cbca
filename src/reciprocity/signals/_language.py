"""Is a message English? The signals are trained on English only, so others are not read.

A cheap test, not a language identifier: a message written mostly in a
non-Latin script, or with several words and hardly any common English word
among them, is not English. Very short messages ("ok", "lol") count as English:
there is too little to tell, and they are common in English chats.
"""

from __future__ import annotations

import re

__all__ = ["looks_english"]

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_COMMON_WORDS = (
    "a about after again all also am an and any are as at back be because been before being "
    "but by can can't could day did didn't do does don't for from get go going good got had "
    "has have he her here him his home how i i'd i'll i'm i've if in is isn't it it's just "
    "know like lol love me miss more much my need never no not now of off oh ok okay on one "
    "or our out really right sad see she so some soon sorry still sure thank thanks that "
    "that's the their them then there they think this time to today tomorrow too u up us "
    "very want was we well were what when where who why will with work would x yeah yes you "
    "you're your "
)
_COMMON = frozenset(_COMMON_WORDS.split())
_MIN_WORDS = 4
_MIN_COMMON_SHARE = 0.2
_MAX_OTHER_SCRIPT_SHARE = 0.3


def looks_english(text: str, *, normalised: bool = False) -> bool:
    """Whether a message can be read by the English signals.

    Args:
        text: The message.
        normalised: Whether ``text`` is already lower case with straight apostrophes
            (:func:`reciprocity.signals._features.normalise`).
    """
    letters = [] if text.isascii() else [c for c in text if c.isalpha()]
    if letters:
        other = sum(1 for c in letters if c > "\u024f")  # beyond Latin Extended-B
        if other / len(letters) > _MAX_OTHER_SCRIPT_SHARE:
            return False
    words = _WORD.findall(text if normalised else text.lower().replace("\u2019", "'"))
    if len(words) < _MIN_WORDS:
        return True
    common = sum(1 for w in words if w in _COMMON)
    return common / len(words) >= _MIN_COMMON_SHARE
