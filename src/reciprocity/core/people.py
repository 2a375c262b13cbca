"""Rules for the names people give their relationships."""

from __future__ import annotations

import unicodedata

from reciprocity import messages
from reciprocity.errors import InvalidInputError, Problem

__all__ = ["MAX_NAME_LENGTH", "clean_name", "name_key", "name_problem"]

# Long enough for any real name; a database column has to end somewhere.
MAX_NAME_LENGTH = 100


def fold_spaces(name: str) -> str:
    """The name with runs of spaces made one and the ends trimmed."""
    return " ".join(name.split())


def name_key(name: str) -> str:
    """The form of a name used to find it: spaces folded, case ignored ("sam" finds "Sam")."""
    return fold_spaces(name).casefold()


def name_problem(name: str, field: str = "name") -> Problem | None:
    """What is wrong with a name, if anything (after folding its spaces)."""
    clean = fold_spaces(name)
    if not clean:
        return Problem(messages.ERR_EMPTY_NAME, field)
    if len(clean) > MAX_NAME_LENGTH:
        return Problem(messages.ERR_NAME_TOO_LONG.format(limit=MAX_NAME_LENGTH), field)
    if any(unicodedata.category(c) == "Cc" for c in clean):
        return Problem(messages.ERR_NAME_CONTROL, field)
    return None


def clean_name(name: str, field: str = "name") -> str:
    """The name with its spaces folded, or an error saying what is wrong with it.

    Raises:
        InvalidInputError: The name is empty, too long or holds control characters.
    """
    problem = name_problem(name, field)
    if problem:
        raise InvalidInputError([problem])
    return fold_spaces(name)
