"""Names and paths written into commands a person may copy into their shell."""

from __future__ import annotations

import re
import shlex

__all__ = ["shell_quote"]

# Inside double quotes the shell still expands these; anything else is taken as it is.
_EXPANDED_IN_DOUBLE_QUOTES = re.compile(r'[$`\\"!]')


def shell_quote(text: str) -> str:
    """Quote a name or path so the shell passes it as one argument.

    ``O'Brien`` becomes ``"O'Brien"`` rather than shlex's correct but hard to read
    ``'O'"'"'Brien'``; plain names stay bare.
    """
    quoted = shlex.quote(text)
    if "'" in text and not _EXPANDED_IN_DOUBLE_QUOTES.search(text):
        return f'"{text}"'
    return quoted
