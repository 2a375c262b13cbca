"""docs/patterns.md lists every setting with the default the code really has."""

from __future__ import annotations

import re
from pathlib import Path

from reciprocity.core.patterns import DEFAULT_SETTINGS, SETTING_KEYS

DOC = (Path(__file__).parents[2] / "docs" / "patterns.md").read_text(encoding="utf-8")


def test_every_setting_is_documented_with_its_default_and_range() -> None:
    documented = {
        key: (float(default), float(low), float(high))
        for key, default, low, high in re.findall(
            r"^\| `(patterns\.\w+)` \| ([\d.]+) \| ([\d.]+)-([\d.]+) \|", DOC, re.MULTILINE
        )
    }
    expected = {
        key: (float(getattr(DEFAULT_SETTINGS, name)), float(low), float(high))
        for key, (name, low, high) in SETTING_KEYS.items()
    }
    assert documented == expected
