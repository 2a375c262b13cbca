"""The pair's own rhythm: where a pause in their chat becomes a silence (docs/evidence.md).

A fixed "30 minutes of quiet starts a new conversation" fits nobody: some pairs
answer within seconds and go quiet for days, others reply over an afternoon.
The gaps between a pair's messages fall into two groups, the quick back-and-forth
of a conversation and the pauses between conversations; on a logarithmic scale
the two are humps, and the threshold is the point that best separates them
(Otsu's method: the split with the largest variance between the two groups).
It is kept between ten minutes and twelve hours, and a chat too short to show a
rhythm gets one hour.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = [
    "DEFAULT_SILENCE",
    "MAX_SILENCE",
    "MIN_GAPS",
    "MIN_SILENCE",
    "fit_silence",
    "median",
]

MIN_SILENCE = 10 * 60
MAX_SILENCE = 12 * 3600
DEFAULT_SILENCE = 3600
# Fewer gaps than this show no rhythm worth fitting.
MIN_GAPS = 50
# Histogram of log10(seconds) from 1 second to 100 days, in steps of a twentieth.
_BINS_PER_DECADE = 20
_DECADES = 7


def fit_silence(gaps: Sequence[int]) -> int:
    """The pause, in seconds, after which a new message starts a new conversation.

    Args:
        gaps: Seconds between consecutive messages of the pair (any order).

    Returns:
        The threshold separating the two groups of gaps, between ``MIN_SILENCE``
        and ``MAX_SILENCE``; ``DEFAULT_SILENCE`` when there are fewer than
        ``MIN_GAPS`` positive gaps.
    """
    size = _BINS_PER_DECADE * _DECADES
    counts = [0] * size
    total = 0
    for gap in gaps:
        if gap <= 0:
            continue  # same-second messages say nothing about pauses
        index = min(int(math.log10(gap) * _BINS_PER_DECADE), size - 1)
        counts[index] += 1
        total += 1
    if total < MIN_GAPS:
        return DEFAULT_SILENCE
    centres = [(i + 0.5) / _BINS_PER_DECADE for i in range(size)]
    grand = sum(c * x for c, x in zip(counts, centres, strict=True))
    best, best_index = -1.0, 0
    below, below_sum = 0, 0.0
    for index in range(size - 1):
        below += counts[index]
        below_sum += counts[index] * centres[index]
        above = total - below
        if below == 0 or above == 0:
            continue
        spread = below * above * (below_sum / below - (grand - below_sum) / above) ** 2
        if spread > best:
            best, best_index = spread, index
    threshold = round(10 ** ((best_index + 1) / _BINS_PER_DECADE))
    return min(max(threshold, MIN_SILENCE), MAX_SILENCE)


def median(values: Sequence[float]) -> float | None:
    """The middle value (None for no values)."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2
