"""Wall-clock times become the same UTC seconds, read fast or read one by one."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from hypothesis import given, settings
from hypothesis import strategies as st

from reciprocity.core.evidence import EvidenceImport
from reciprocity.evidence.zone import WallClock, remembered_zone, zone_name

ZONES = ["Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu", "UTC"]
# Around the changes of summer time as well as anywhere between 1900 and 2100.
EDGES = [
    dt.datetime(2024, 3, 31, 0, 59),
    dt.datetime(2024, 10, 27, 0, 59),
    dt.datetime(2024, 3, 10, 1, 59),
    dt.datetime(2024, 11, 3, 0, 59),
    dt.datetime(2024, 4, 7, 1, 29),
    dt.datetime(2024, 10, 6, 1, 59),
]
moments = st.one_of(
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    st.builds(
        lambda edge, minutes, micro: edge + dt.timedelta(minutes=minutes, microseconds=micro),
        st.sampled_from(EDGES),
        st.integers(-90, 150),
        st.integers(0, 999_999),
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(ZONES), st.lists(moments, min_size=1, max_size=30), st.booleans())
def test_a_wall_clock_gives_what_the_zone_gives(
    name: str, times: list[dt.datetime], in_order: bool
) -> None:
    zone = zoneinfo.ZoneInfo(name)
    clock = WallClock(zone)
    for at in sorted(times) if in_order else times:
        assert clock.seconds(at) == int(at.replace(tzinfo=zone).timestamp()), at


def test_a_whole_year_every_seven_minutes_in_zones_that_change_their_clocks() -> None:
    for name in ("Europe/London", "Australia/Lord_Howe", "America/Havana"):
        zone = zoneinfo.ZoneInfo(name)
        clock = WallClock(zone)
        at = dt.datetime(2024, 1, 1)
        while at.year == 2024:
            assert clock.seconds(at) == int(at.replace(tzinfo=zone).timestamp()), (name, at)
            at += dt.timedelta(minutes=7)


def test_clocks_changed_at_odd_minutes_and_odd_offsets_are_read_exactly() -> None:
    # Newfoundland changed at 00:01 until 2011, Gaza at 00:01 in 2010, and Monrovia kept
    # an offset of -0:44:30 until 1972 (found in a review).
    for name, year in (("America/St_Johns", 2005), ("Asia/Gaza", 2010), ("Africa/Monrovia", 1971)):
        zone = zoneinfo.ZoneInfo(name)
        clock = WallClock(zone)
        at = dt.datetime(year, 1, 1)
        while at.year == year:
            assert clock.seconds(at) == int(at.replace(tzinfo=zone).timestamp()), (name, at)
            at += dt.timedelta(minutes=13)


def test_the_zone_remembered_is_that_of_the_same_file_else_the_first_import() -> None:
    def made(file_name: str, zone: str | None) -> EvidenceImport:
        at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
        return EvidenceImport("i", "p", file_name, "whatsapp", None, at, 1, 1, False, False, zone)

    imports = [
        made("home.txt", "Europe/London"),
        made("away.txt", "America/New_York"),
        made("notes.csv", None),
    ]
    assert zone_key(remembered_zone(imports, file_name="away.txt")) == "America/New_York"
    assert zone_key(remembered_zone(imports, file_name="home.txt")) == "Europe/London"
    assert zone_key(remembered_zone(imports, file_name="new.txt")) == "Europe/London"
    assert remembered_zone([made("x.txt", None)], file_name="x.txt") is None


def zone_key(zone: dt.tzinfo | None) -> str | None:
    return None if zone is None else zone_name(zone)
