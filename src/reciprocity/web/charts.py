"""Charts drawn on the server as SVG: no script, nothing fetched, styled by the app's CSS.

Every chart is an image with a name (``role="img"`` and a title) and the page shows
the same figures as a table next to it; colours come from CSS classes so dark mode
and contrast follow the stylesheet, and each line also has its own marker shape,
so no line is told apart by colour alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from reciprocity import messages
from reciprocity.core.model import MAX_SCORE, MIN_SCORE, Audit, Dimension
from reciprocity.core.seasons import Season

__all__ = ["Series", "dimension_chart", "share_chart", "sparkline"]


@dataclass(frozen=True)
class Series:
    """One line of a chart: a name, a CSS class and its points (day, score)."""

    name: str
    css: str
    points: tuple[tuple[dt.date, float], ...]


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def sparkline(points: Sequence[tuple[dt.date, int]], *, label: str) -> Markup:
    """A small line of overall ratings (oldest to newest), for the overview."""
    width, height, pad = 120.0, 28.0, 3.0
    title = escape(label)
    if not points:
        return Markup(
            f'<svg class="spark" viewBox="0 0 {_fmt(width)} {_fmt(height)}" role="img" '
            f'aria-label="{title}"><title>{title}</title></svg>'
        )
    span = max(1, (points[-1][0] - points[0][0]).days)
    start = points[0][0]

    def x(day: dt.date) -> float:
        if len(points) == 1:
            return width / 2
        return pad + (width - 2 * pad) * (day - start).days / span

    def y(score: int) -> float:
        return pad + (height - 2 * pad) * (MAX_SCORE - score) / (MAX_SCORE - MIN_SCORE)

    coords = " ".join(f"{_fmt(x(d))},{_fmt(y(s))}" for d, s in points)
    last_day, last_score = points[-1]
    return Markup(
        f'<svg class="spark" viewBox="0 0 {_fmt(width)} {_fmt(height)}" role="img" '
        f'aria-label="{title}"><title>{title}</title>'
        f'<polyline class="spark-line" points="{coords}"/>'
        f'<circle class="spark-dot" cx="{_fmt(x(last_day))}" cy="{_fmt(y(last_score))}" r="2.5"/>'
        "</svg>"
    )


_MARKERS = {
    "initiation": "circle",
    "depth": "square",
    "crisis": "diamond",
    "maintenance": "triangle",
}
# The evidence chart's lines borrow the colours and shapes of the dimension they inform.
_MARKERS |= {"started": "circle", "reached-out": "triangle", "check-ins": "square"}


def _marker(shape: str, cx: float, cy: float, css: str) -> str:
    r = 3.5
    if shape == "circle":
        return f'<circle class="{css}" cx="{_fmt(cx)}" cy="{_fmt(cy)}" r="{_fmt(r)}"/>'
    if shape == "square":
        return (
            f'<rect class="{css}" x="{_fmt(cx - r)}" y="{_fmt(cy - r)}" '
            f'width="{_fmt(2 * r)}" height="{_fmt(2 * r)}"/>'
        )
    if shape == "diamond":
        pts = f"{_fmt(cx)},{_fmt(cy - r - 1)} {_fmt(cx + r + 1)},{_fmt(cy)} "
        pts += f"{_fmt(cx)},{_fmt(cy + r + 1)} {_fmt(cx - r - 1)},{_fmt(cy)}"
        return f'<polygon class="{css}" points="{pts}"/>'
    pts = f"{_fmt(cx)},{_fmt(cy - r - 1)} {_fmt(cx + r + 1)},{_fmt(cy + r)} "
    pts += f"{_fmt(cx - r - 1)},{_fmt(cy + r)}"
    return f'<polygon class="{css}" points="{pts}"/>'


def dimension_series(audits: Sequence[Audit]) -> list[Series]:
    """The four dimensions' scores over time (audits without an example leave a gap)."""
    found = []
    for dimension in Dimension:
        points = tuple(
            (a.date, score) for a in audits if (score := a.rating(dimension).score) is not None
        )
        found.append(Series(messages.DIMENSION_NAMES[dimension], dimension.value, points))
    return found


@dataclass(frozen=True)
class _Frame:
    """A time chart's box: from ``start`` to ``end`` across, ``low`` to ``high`` up."""

    start: dt.date
    end: dt.date
    low: float
    high: float
    width: float = 640.0
    height: float = 260.0
    left: float = 34.0
    right: float = 12.0
    top: float = 12.0
    bottom: float = 40.0

    def x(self, day: dt.date) -> float:
        day = min(max(day, self.start), self.end)
        span = (self.end - self.start).days or 1
        return self.left + (self.width - self.left - self.right) * (day - self.start).days / span

    def y(self, value: float) -> float:
        plot_h = self.height - self.top - self.bottom
        return self.top + plot_h * (self.high - value) / (self.high - self.low)


def _time_chart(
    frame: _Frame,
    series: Sequence[Series],
    seasons: Sequence[Season],
    *,
    ticks: Sequence[tuple[float, str]],
    today: dt.date,
    label: str,
) -> Markup:
    """Lines over time, seasons as shaded bands behind them, a year grid and the ends' dates."""
    f = frame
    plot_h = f.height - f.top - f.bottom
    parts = [
        f'<svg class="chart" viewBox="0 0 {_fmt(f.width)} {_fmt(f.height)}" role="img" '
        f'aria-label="{escape(label)}"><title>{escape(label)}</title>'
    ]
    for season in seasons:
        season_end = season.end or today
        if season_end < f.start or season.start > f.end:
            continue
        x0, x1 = f.x(season.start), f.x(season_end)
        parts.append(
            f'<rect class="season-band" x="{_fmt(x0)}" y="{_fmt(f.top)}" '
            f'width="{_fmt(max(2.0, x1 - x0))}" height="{_fmt(plot_h)}">'
            f"<title>{escape(messages.SEASON_KIND_LABELS[season.kind])}</title></rect>"
        )
    for value, text in ticks:
        parts.append(
            f'<line class="grid" x1="{_fmt(f.left)}" x2="{_fmt(f.width - f.right)}" '
            f'y1="{_fmt(f.y(value))}" y2="{_fmt(f.y(value))}"/>'
            f'<text class="axis" x="{_fmt(f.left - 8)}" y="{_fmt(f.y(value) + 4)}" '
            f'text-anchor="end">{escape(text)}</text>'
        )
    for year in range(f.start.year + 1, f.end.year + 1):
        tick = f.x(dt.date(year, 1, 1))
        parts.append(
            f'<line class="grid year" x1="{_fmt(tick)}" x2="{_fmt(tick)}" y1="{_fmt(f.top)}" '
            f'y2="{_fmt(f.top + plot_h)}"/>'
            f'<text class="axis" x="{_fmt(tick)}" y="{_fmt(f.height - f.bottom + 16)}" '
            f'text-anchor="middle">{year}</text>'
        )
    parts.append(
        f'<text class="axis" x="{_fmt(f.left)}" y="{_fmt(f.height - 6)}">'
        f"{f.start.isoformat()}</text>"
        f'<text class="axis" x="{_fmt(f.width - f.right)}" y="{_fmt(f.height - 6)}" '
        f'text-anchor="end">{f.end.isoformat()}</text>'
    )
    for line in series:
        css = f"dim-{line.css}"
        if len(line.points) > 1:
            coords = " ".join(f"{_fmt(f.x(d))},{_fmt(f.y(v))}" for d, v in line.points)
            parts.append(f'<polyline class="line {css}" points="{coords}"/>')
        shape = _MARKERS[line.css]
        parts.extend(_marker(shape, f.x(d), f.y(v), f"mark {css}") for d, v in line.points)
    parts.append("</svg>")
    return Markup("".join(parts))


def dimension_chart(
    audits: Sequence[Audit], seasons: Sequence[Season], *, today: dt.date, label: str
) -> Markup:
    """The four dimensions over time, with seasons drawn as shaded bands behind them."""
    days = [a.date for a in audits]
    if not days:
        return Markup("")
    start = min([*days, *(s.start for s in seasons if s.start >= days[0])])
    end = max(days[-1], start + dt.timedelta(days=1))
    frame = _Frame(start, end, MIN_SCORE, MAX_SCORE)
    ticks = [(score, str(score)) for score in range(MIN_SCORE, MAX_SCORE + 1)]
    series = dimension_series(audits)
    return _time_chart(frame, series, seasons, ticks=ticks, today=today, label=label)


def share_chart(
    series: Sequence[Series],
    seasons: Sequence[Season],
    *,
    today: dt.date,
    label: str,
    span: tuple[dt.date, dt.date] | None = None,
) -> Markup:
    """The person's share of some kind of contact per period (0 to 1), seasons behind.

    ``span`` is the first and last day the chart covers (the periods' own, so the
    first and last periods' days are drawn whole); the points' days by default.
    """
    days = [d for line in series for d, _ in line.points]
    if not days:
        return Markup("")
    start = min(days) if span is None else min(span[0], *days)
    end = max(*days, start + dt.timedelta(days=1)) if span is None else max(span[1], *days)
    frame = _Frame(start, end, 0.0, 1.0, left=72.0)
    ticks = [(value, messages.WEB_SHARE_TICKS[value]) for value in (0.0, 0.5, 1.0)]
    return _time_chart(frame, series, seasons, ticks=ticks, today=today, label=label)
