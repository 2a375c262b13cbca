"""docs/patterns.md lists every setting with the default the code really has."""

from __future__ import annotations

import re
from pathlib import Path

from reciprocity.core.patterns import DEFAULT_SETTINGS, SETTING_KEYS

DOC = (Path(__file__).parents[2] / "docs" / "patterns.md").read_text(encoding="utf-8")


def test_every_setting_is_documented_with_its_default() -> None:
    documented = {
        key: float(default)
        for key, default in re.findall(r"^\| `(patterns\.\w+)` \| ([\d.]+) \|", DOC, re.MULTILINE)
    }
    expected = {
        key: float(getattr(DEFAULT_SETTINGS, name)) for key, (name, _) in SETTING_KEYS.items()
    }
    assert documented == expected
