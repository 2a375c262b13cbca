"""Text to features: the one tokenizer shared by training and by the shipped classifiers.

Training (``training/train_signals.py``) hands this function to scikit-learn as
its analyzer, so the features a model was fitted on are exactly the ones read
at run time. Change it only together with new weights (``FEATURES_VERSION``).
"""

from __future__ import annotations

import itertools
import re

__all__ = ["FEATURES_VERSION", "features", "normalise"]

FEATURES_VERSION = 1

# CL-Aff writes mis-decoded Windows-1252 punctuation as literal escapes ("I<U+0092>m").
_ESCAPE = re.compile(r"<U\+([0-9A-Fa-f]{4})>")
_CP1252 = {0x91: "'", 0x92: "'", 0x93: '"', 0x94: '"', 0x96: "-", 0x97: "-", 0x85: "..."}
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
# Words (with inner apostrophes), and runs of ! ? which carry tone in chat.
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|\d+|[!?]+")
_LONG_RUN = re.compile(r"(\w)\1{2,}")
_MAX_CHARS = 2000


def _unescape(match: re.Match[str]) -> str:
    code = int(match.group(1), 16)
    return _CP1252.get(code, chr(code))


def normalise(text: str) -> str:
    """Lower-case a text and undo the quirks of where it came from.

    Escaped characters (``<U+0092>``) and curly quotes become plain ones, and a
    letter repeated three or more times ("soooo") becomes two, so stretched
    words share features with their plain spelling.
    """
    text = text[:_MAX_CHARS]
    if "<U+" in text:
        text = _ESCAPE.sub(_unescape, text)
    text = text.translate(_QUOTES).lower()
    return _LONG_RUN.sub(r"\1\1", text)


def features(text: str) -> list[str]:
    """The features of one text: words, word pairs, and 3-5 character pieces.

    Words start with ``w:``; word pairs hold one space between two words; pieces
    are cut from the words joined by single spaces, with a space at each end, so
    they know where words start and end (and may span two short words). The
    three kinds never collide: a piece is at most five characters and has no
    colon, a pair has a space between two non-spaces.
    """
    tokens = _TOKEN.findall(normalise(text))
    if not tokens:
        return []
    out = ["w:" + t for t in tokens]
    out += [a + " " + b for a, b in itertools.pairwise(tokens)]
    joined = " " + " ".join(tokens) + " "
    size = len(joined)
    out += [joined[i : i + 3] for i in range(size - 2)]
    out += [joined[i : i + 4] for i in range(size - 3)]
    out += [joined[i : i + 5] for i in range(size - 4)]
    return out
