"""Wall-clock times become the same UTC seconds, read fast or read one by one."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from hypothesis import given, settings
from hypothesis import strategies as st

from reciprocity.evidence.zone import WallClock

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
