"""Regular expressions for time expressions, built from the words of a language pack, and the
index of the words each can start at."""

from __future__ import annotations

import re
from collections.abc import Iterable

from kabar.events.config import TimeSection

_SENTENCE_END = re.compile(r"[.!?\n]\s")


def norm(text: str) -> str:
    return " ".join(text.lower().split())


def alternation(words: Iterable[str]) -> str:
    """Regex alternation of literal words/phrases, longest first, spaces matching any blank."""
    items = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


def _optional_lead(words: Iterable[str], group: str = "") -> str:
    """An optional word before the expression ("hari Senin", "bulan Oktober")."""
    alt = alternation(words)
    if not alt:
        return f"(?P<{group}>(?!))?" if group else ""
    name = f"?P<{group}>" if group else "?:"
    return rf"(?:({name}(?i:{alt}))\s+)?"


class TimePatterns:
    """One pattern per kind of expression; `start_kinds[word]` lists the kinds that may start there."""

    def __init__(self, data: TimeSection, months: dict[str, int], weekdays: dict[str, int]):
        self.months = {k.lower(): v for k, v in months.items()}
        self.weekdays = {k.lower(): v for k, v in weekdays.items()}
        cues = alternation(data.future_cues)
        self.future_cues = re.compile(rf"\b(?:{cues})\b", re.I) if cues else None
        self.patterns = self._build(data)
        self.by_kind = dict(self.patterns)
        self._index(data)

    def _build(self, data: TimeSection) -> list[tuple[str, re.Pattern[str]]]:
        months = alternation(self.months)
        markers = alternation(norm(w) for w in data.past_markers + data.future_markers + data.present_markers)
        # weekdays are names, written with a capital: `Minggu` in lower case is "week"
        weekdays = alternation({f for w in self.weekdays for f in (w.capitalize(), w.upper())})
        num = r"\d{1,2}|" + alternation(norm(k) for k in data.numbers)
        units_any = alternation(k.lower() for k, v in data.units.items() if not v.lower_case_only)
        units_lc = alternation(k.lower() for k, v in data.units.items() if v.lower_case_only)
        unit_alt = units_any + ("|" + units_lc if units_lc else "")
        rel_phrases = alternation(
            {norm(k) for k in data.relative_days} | {norm(p) for p in data.last_night.phrases}
        )
        inner_date = (
            rf"(?P<pd>\d{{1,2}})\s*[/.-]\s*(?P<pm>\d{{1,2}})(?:\s*[/.-]\s*(?P<py>\d{{2,4}}))?"
            rf"|(?P<pd2>\d{{1,2}})\s+(?P<pmn>(?i:{months}))\.?(?:\s+(?P<py2>\d{{4}}))?"
        )
        comma_date = inner_date.replace("?P<", "?P<x")
        patterns: list[tuple[str, str, int]] = [
            # Minggu (17/10/2021) malam | Selasa lalu | hari Senin | Jumat, 5 Maret 2021
            (
                "weekday",
                _optional_lead(data.weekday_words) + rf"(?P<wd>{weekdays})(?![\w-])"
                rf"(?:\s*\(\s*(?:{inner_date})\s*\)|\s*,\s*(?:{comma_date}))?"
                rf"(?:\s+(?P<wm>(?i:{markers}))(?![\w-]))?"
                rf"(?:\s+(?i:{alternation(data.day_parts)})(?![\w-]))?",
                0,
            ),
            # 17/10/2021, 17-10-2021 (a year is needed unless a date word comes first)
            (
                "numeric",
                rf"(?<![\w/.-])(?:(?P<tw>(?i:{alternation(data.date_words)}))\s+)?"
                rf"(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})(?:\s*/\s*(?P<y>\d{{4}}|\d{{2}}))?(?![\w/])",
                0,
            ),
            # 17 Oktober 2021, 17 Okt
            (
                "daymonth",
                rf"(?<![\w-])(?P<d>\d{{1,2}})\s+(?P<mn>{months})\.?(?:\s+(?P<y>\d{{4}}))?(?![\w-])",
                re.I,
            ),
            # Oktober 2021, bulan Oktober, Februari lalu
            (
                "month",
                _optional_lead(data.month_words, "bw") + rf"(?P<mn>{months})"
                rf"(?:\s+(?P<y>\d{{4}})|\s+(?P<mk>{markers}))?(?![\w-])",
                re.I,
            ),
            # tahun 2015, pada 2015; a span of years by its last ("pada tahun 2016-2018")
            (
                "year",
                rf"(?<![\w-])(?:{alternation(data.year_words)})\s+(?:(?:19|20)\d{{2}}\s*[-–]\s*)?"
                rf"(?P<y>(?:19|20)\d{{2}})(?![\w/-])",
                re.I,
            ),
            # dua hari lalu, 3 hari yang lalu, tiga hari lagi
            ("distance", rf"(?<![\w-])(?P<n>{num})\s+(?P<u>{unit_alt})\s+(?P<mk>{markers})(?![\w-])", re.I),
            # sepekan lalu, sebulan yang lalu
            (
                "se_distance",
                rf"(?<![\w-])(?P<su>{alternation(data.se_units)})\s+(?P<mk>{markers})(?![\w-])",
                re.I,
            ),
            # pekan depan, bulan lalu, tahun ini (a lower-case-only unit in lower case only)
            (
                "unit",
                rf"(?<![\w-])(?P<u>(?i:{units_any})"
                + (rf"|{units_lc}" if units_lc else "")
                + rf")\s+(?P<mk>(?i:{markers}))(?![\w-])",
                0,
            ),
            # kemarin, hari ini, besok, tadi malam
            ("relative", rf"(?<![\w-])(?P<r>{rel_phrases})(?![\w-])", re.I),
        ]
        return [
            (kind, re.compile(r"(?<![\w-])" + src if kind in ("weekday", "month") else src, flags))
            for kind, src, flags in patterns
        ]

    def _index(self, data: TimeSection) -> None:
        """Each pattern can only start at certain words: a text is scanned once word by word and a
        pattern is tried only where it can start."""
        starts: dict[str, set[str]] = {}

        def add(words: Iterable[str], kind: str) -> None:
            for w in words:
                first = norm(str(w)).split(" ")[0]
                if first:
                    starts.setdefault(first, set()).add(kind)

        add(self.weekdays, "weekday")
        add(data.weekday_words, "weekday")
        add(data.date_words, "numeric")
        add(self.months, "month")
        add(data.month_words, "month")
        add(data.year_words, "year")
        add(data.numbers, "distance")
        add(data.se_units, "se_distance")
        add(data.units, "unit")
        add(list(data.relative_days) + data.last_night.phrases, "relative")
        order = [k for k, _ in self.patterns]
        self.start_kinds = {w: [k for k in order if k in kinds] for w, kinds in starts.items()}
        self.digit_kinds = [k for k in order if k in ("numeric", "daymonth", "distance")]

    def future_context(self, text: str, start: int) -> bool:
        """Does the clause before a weekday speak of the future ("akan bertemu pada Senin")?"""
        if self.future_cues is None:
            return False
        window = text[max(0, start - 120) : start]
        ends = list(_SENTENCE_END.finditer(window))
        if ends:
            window = window[ends[-1].end() :]
        return bool(self.future_cues.search(window))
