"""Settings are kept in the database, checked before they are saved, and feed the pattern rules."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from reciprocity.core.patterns import DEFAULT_SETTINGS
from reciprocity.errors import InvalidFileError, InvalidInputError
from reciprocity.formats.exchange import archive_to_json, parse_archive
from reciprocity.store import Store, open_store


def test_a_changed_threshold_is_kept_and_read_back(store: Store) -> None:
    assert store.pattern_settings() == DEFAULT_SETTINGS
    store.set_setting("patterns.chronic_min_days", 365)
    store.set_setting("patterns.trend_min_change", 0.5)
    assert store.settings() == {"patterns.chronic_min_days": 365, "patterns.trend_min_change": 0.5}
    read = store.pattern_settings()
    assert (read.chronic_min_days, read.trend_min_change) == (365, 0.5)
    store.set_setting("patterns.chronic_min_days", 200)
    assert store.pattern_settings().chronic_min_days == 200


def test_a_reset_setting_has_its_default_again(store: Store) -> None:
    store.set_setting("patterns.min_audits", 5)
    store.reset_setting("patterns.min_audits")
    assert store.pattern_settings().min_audits == DEFAULT_SETTINGS.min_audits
    assert store.settings() == {}


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("patterns.min_audits", 0),
        ("patterns.min_audits", 1),
        ("patterns.min_audits", 2.5),
        ("patterns.min_audits", 2.0),
        ("patterns.min_audits", "2.0"),
        ("patterns.min_audits", 1e20),
        ("patterns.min_audits", "1e+20"),
        ("patterns.min_audits", "+-3"),
        ("patterns.min_audits", "\u00b2"),
        ("patterns.chronic_min_days", 1_000_000_000),
        ("patterns.trend_min_change", 1e9),
        ("patterns.min_audits", "three"),
        ("patterns.mutual_at_or_above", 6),
        ("patterns.unknown", 1),
    ],
)
def test_a_refused_setting_changes_nothing(store: Store, key: str, value: object) -> None:
    store.set_setting("patterns.min_audits", 4)
    with pytest.raises(InvalidInputError) as raised:
        store.set_setting(key, value)
    assert raised.value.problems[0].field == key
    assert store.settings() == {"patterns.min_audits": 4}


def test_several_settings_are_saved_together_or_not_at_all(store: Store) -> None:
    store.set_settings({"patterns.min_audits": 4, "patterns.chronic_min_days": 365})
    assert store.settings() == {"patterns.min_audits": 4, "patterns.chronic_min_days": 365}

    with pytest.raises(InvalidInputError) as raised:
        store.set_settings({"patterns.min_audits": 5, "patterns.trend_window": 0})

    assert [p.field for p in raised.value.problems] == ["patterns.trend_window"]
    assert store.settings() == {"patterns.min_audits": 4, "patterns.chronic_min_days": 365}


def test_a_change_that_needs_a_reset_is_checked_together_with_it(store: Store) -> None:
    store.set_setting("patterns.mutual_at_or_above", 5)

    # Low 4 is fine beside mutual 5, but not beside the default mutual 4 the reset brings.
    with pytest.raises(InvalidInputError):
        store.set_settings({"patterns.low_at_or_below": 4}, resets=["patterns.mutual_at_or_above"])
    store.set_settings({"patterns.low_at_or_below": 2}, resets=["patterns.mutual_at_or_above"])

    assert store.settings() == {"patterns.low_at_or_below": 2}
    assert store.pattern_settings().mutual_at_or_above == 4


def test_resetting_an_unknown_setting_is_refused(store: Store) -> None:
    with pytest.raises(InvalidInputError):
        store.reset_setting("nope")


def test_settings_travel_with_the_export_and_never_override_a_choice_made_here(
    store: Store, tmp_path: Path
) -> None:
    store.set_setting("patterns.chronic_min_days", 365)
    text = archive_to_json(store.archive(), exported_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    assert json.loads(text)["settings"] == {"patterns.chronic_min_days": 365}

    fresh = open_store(tmp_path / "fresh.db")
    fresh.set_setting("patterns.min_audits", 4)
    fresh.import_archive(parse_archive(text, file="x.json", today=dt.date(2026, 1, 2)), file="x")
    assert fresh.settings() == {"patterns.chronic_min_days": 365, "patterns.min_audits": 4}

    mine = open_store(tmp_path / "mine.db")
    mine.set_setting("patterns.chronic_min_days", 90)
    mine.import_archive(parse_archive(text, file="x.json", today=dt.date(2026, 1, 2)), file="x")
    assert mine.pattern_settings().chronic_min_days == 90
    fresh.close()
    mine.close()


def test_a_setting_in_an_export_that_makes_no_sense_is_refused(store: Store) -> None:
    document = json.loads(
        archive_to_json(store.archive(), exported_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    )
    document["settings"] = {"patterns.min_audits": 0}
    with pytest.raises(InvalidFileError) as raised:
        parse_archive(json.dumps(document), file="x.json", today=dt.date(2026, 1, 2))
    assert [p.field for p in raised.value.problems] == ["settings.patterns.min_audits"]


def test_a_reset_that_would_leave_settings_that_make_no_sense_is_refused(store: Store) -> None:
    store.set_settings({"patterns.mutual_at_or_above": 5, "patterns.low_at_or_below": 4})

    with pytest.raises(InvalidInputError):
        store.reset_setting("patterns.mutual_at_or_above")

    assert store.pattern_settings().mutual_at_or_above == 5
