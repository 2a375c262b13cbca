"""Text to features: the one tokenizer shared by training and by the shipped classifiers.

Training (``training/train_signals.py``) hands this function to scikit-learn as
its analyzer, so the features a model was fitted on are exactly the ones read
at run time. Change it only together with new weights (``FEATURES_VERSION``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

__all__ = [
    "FEATURES_VERSION",
    "MAX_CHARS",
    "PIECE_SIZES",
    "TEXT_MARK",
    "batch_line",
    "features",
    "normalise",
    "tokens",
]

FEATURES_VERSION = 1

# CL-Aff writes mis-decoded Windows-1252 punctuation as literal escapes ("I<U+0092>m").
_ESCAPE = re.compile(r"<U\+([0-9A-Fa-f]{4})>")
_CP1252 = {0x91: "'", 0x92: "'", 0x93: '"', 0x94: '"', 0x96: "-", 0x97: "-", 0x85: "..."}
_QUOTES = (("\u2018", "'"), ("\u2019", "'"), ("\u201c", '"'), ("\u201d", '"'))
# Words (with inner apostrophes), and runs of ! ? which carry tone in chat.
_TOKEN = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*|\d+|[!?]+")
# Between texts in a batch: a control character no token contains.
TEXT_MARK = "\x1e"
_TOKEN_OR_MARK = re.compile(_TOKEN.pattern + "|" + TEXT_MARK)
_LONG_RUN = re.compile(r"(\w)\1{2,}")
MAX_CHARS = 2000  # longer texts are read up to here
PIECE_SIZES = (3, 4, 5)


def _unescape(match: re.Match[str]) -> str:
    code = int(match.group(1), 16)
    return _CP1252.get(code, chr(code))


def normalise(text: str) -> str:
    """Lower-case a text and undo the quirks of where it came from.

    Escaped characters (``<U+0092>``) and curly quotes become plain ones, and a
    letter repeated three or more times ("soooo") becomes two, so stretched
    words share features with their plain spelling.
    """
    text = text[:MAX_CHARS]
    if "<U+" in text:
        text = _ESCAPE.sub(_unescape, text)
    if not text.isascii():
        # Four replaces of what is there are many times faster than str.translate.
        for curly, straight in _QUOTES:
            if curly in text:
                text = text.replace(curly, straight)
    text = text.lower()
    # Most texts have no long run, and searching is twice as fast as substituting nothing.
    return _LONG_RUN.sub(r"\1\1", text) if _LONG_RUN.search(text) else text


def tokens(text: str, *, normalised: bool = False) -> list[str]:
    """The words (and runs of ``!`` and ``?``) of a text, normalised.

    Args:
        text: The text.
        normalised: Whether ``text`` already went through :func:`normalise`.
    """
    return _TOKEN.findall(text if normalised else normalise(text))


def features(text: str) -> list[str]:
    """The features of one text: words, word pairs, and 3-5 character pieces.

    Words start with ``w:``; word pairs hold one space between two words; pieces
    are cut from the words joined by single spaces, with a space at each end, so
    they know where words start and end (and may span two short words). A word
    never looks like the others (pieces and pairs hold no colon); a pair of two
    short words ("i am") is also a piece, and then counts twice, as in training.

    This is the definition; the shipped scorer computes the same features
    faster, a batch at a time (:meth:`reciprocity.signals._model.LinearModel.scores`).
    """
    found = tokens(text)
    if not found:
        return []
    out = ["w:" + t for t in found]
    out += [a + " " + b for a, b in itertools.pairwise(found)]
    joined = " " + " ".join(found) + " "
    for size in PIECE_SIZES:
        out += [joined[i : i + size] for i in range(len(joined) - size + 1)]
    return out


def batch_line(texts: Sequence[str], *, normalised: bool = False) -> str:
    """Many texts' tokens as one line: per text, a space, each token and a space, then a mark.

    Each text's stretch of the line, from its first space to its last, is exactly
    the joined form :func:`features` cuts its pieces from, so a batch can find
    every feature of every text in one string; a :data:`TEXT_MARK` (a token of
    its own, between spaces) closes each text but the last.
    """
    plain = texts if normalised else [normalise(text) for text in texts]
    cleaned = (text.replace(TEXT_MARK, " ") if TEXT_MARK in text else text for text in plain)
    return " " + " ".join(_TOKEN_OR_MARK.findall(TEXT_MARK.join(cleaned))) + " "
