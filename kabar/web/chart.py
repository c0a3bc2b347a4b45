"""Charts drawn on the server as inline SVG: stacked bars per period, with an optional line on
a second scale (the Goldstein sum of a dyad). No script and nothing fetched: the page works
offline and prints as it shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

WIDTH, HEIGHT = 760, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 44, 12, 40


@dataclass(frozen=True)
class Series:
    name: str
    css: str  # class giving the colour (see style.css)
    values: Sequence[float]


def _nice_max(value: float) -> float:
    if value <= 0:
        return 1.0
    step = 10 ** len(str(int(value))) / 10
    return float(-(-value // step) * step) if step >= 1 else float(value)


def _ticks(periods: Sequence[str], width: float) -> list[tuple[int, str]]:
    """At most about eight period labels, evenly spaced."""
    if not periods:
        return []
    every = max(1, -(-len(periods) * 70 // int(width)))
    return [(i, p) for i, p in enumerate(periods) if i % every == 0]


def bar_chart(
    periods: Sequence[str],
    bars: Sequence[Series],
    line: Series | None = None,
    *,
    title: str,
) -> Markup:
    """Stacked bars of `bars` per period, `line` drawn over them against the right-hand axis."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    n = max(1, len(periods))
    slot = plot_w / n
    totals = [sum(s.values[i] for s in bars) for i in range(len(periods))]
    top = _nice_max(max(totals, default=0))
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(title)}" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>',
        f'<line class="axis" x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}"/>',
        f'<text class="tick" x="{LEFT - 6}" y="{TOP + 8}" text-anchor="end">{top:g}</text>',
        f'<text class="tick" x="{LEFT - 6}" y="{TOP + plot_h}" text-anchor="end">0</text>',
    ]
    for i, period in enumerate(periods):
        y = float(TOP + plot_h)
        for s in bars:
            value = s.values[i]
            if not value:
                continue
            h = plot_h * value / top
            y -= h
            parts.append(
                f'<rect class="{escape(s.css)}" x="{LEFT + i * slot + slot * 0.1:.1f}" y="{y:.1f}" '
                f'width="{max(1.0, slot * 0.8):.1f}" height="{h:.1f}">'
                f"<title>{escape(period)} · {escape(s.name)}: {value:g}</title></rect>"
            )
    if line is not None and periods:
        parts.append(_line(periods, line, slot, plot_h))
    for i, period in _ticks(periods, plot_w):
        parts.append(
            f'<text class="tick" x="{LEFT + i * slot + slot / 2:.1f}" y="{TOP + plot_h + 16}" '
            f'text-anchor="middle">{escape(period)}</text>'
        )
    legend_x = LEFT
    for s in [*bars, *([line] if line else [])]:
        parts.append(
            f'<rect class="{escape(s.css)}" x="{legend_x}" y="{HEIGHT - 14}" width="10" height="10"/>'
            f'<text class="legend" x="{legend_x + 14}" y="{HEIGHT - 5}">{escape(s.name)}</text>'
        )
        legend_x += 28 + 7 * len(s.name)
    parts.append("</svg>")
    return Markup("".join(parts))


def _line(periods: Sequence[str], line: Series, slot: float, plot_h: float) -> str:
    """The line on its own scale: from zero up for counts, symmetric around zero for values
    that go either way (Goldstein sums)."""
    reach = _nice_max(max((abs(v) for v in line.values), default=0))
    signed = any(v < 0 for v in line.values)
    mid = TOP + plot_h / 2 if signed else TOP + plot_h
    half = plot_h / 2 if signed else plot_h

    def y(value: float) -> float:
        return mid - half * value / reach

    points = " ".join(f"{LEFT + i * slot + slot / 2:.1f},{y(v):.1f}" for i, v in enumerate(line.values))
    dots = "".join(
        f'<circle class="{escape(line.css)}" cx="{LEFT + i * slot + slot / 2:.1f}" cy="{y(v):.1f}" r="2.5">'
        f"<title>{escape(periods[i])} · {escape(line.name)}: {v:g}</title></circle>"
        for i, v in enumerate(line.values)
    )
    right = WIDTH - RIGHT
    zero = f'<line class="zero" x1="{LEFT}" y1="{mid:.1f}" x2="{right}" y2="{mid:.1f}"/>' if signed else ""
    return (
        f'{zero}<polyline class="{escape(line.css)} line" fill="none" points="{points}"/>{dots}'
        f'<text class="tick" x="{right + 6}" y="{TOP + 8}">{reach:{"+g" if signed else "g"}}</text>'
        f'<text class="tick" x="{right + 6}" y="{TOP + plot_h}">{f"{-reach:+g}" if signed else "0"}</text>'
    )
