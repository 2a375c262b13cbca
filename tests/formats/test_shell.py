"""Names written into commands a person may copy come back as one shell argument."""

from __future__ import annotations

import shlex

import pytest

from reciprocity.formats.shell import shell_quote


@pytest.mark.parametrize(
    ("name", "quoted"),
    [
        ("Sam", "Sam"),
        ("O'Brien", '"O\'Brien"'),
        ("Mary Ann", "'Mary Ann'"),
        ('Jo "JJ" $HOME', "'Jo \"JJ\" $HOME'"),
    ],
)
def test_a_name_is_quoted_as_plainly_as_the_shell_allows(name: str, quoted: str) -> None:
    assert shell_quote(name) == quoted
    assert shlex.split(f"reciprocity audit {shell_quote(name)}") == ["reciprocity", "audit", name]


def test_an_apostrophe_and_a_dollar_fall_back_to_the_safe_form() -> None:
    name = "O'Brien $5"
    assert shlex.split(shell_quote(name)) == [name]
