"""Dates of events: time expressions in Indonesian text, resolved against publication time.

    >>> from kabar.eventdates import DateResolver
    >>> resolver = DateResolver(load_pack("id"))
    >>> [(t.text, t.date.isoformat()) for t in resolver.find(
    ...     "Ia tiba pada Minggu (17/10/2021) malam dan pulang kemarin.", "2021-10-19T10:36:00+07:00")]
    [('Minggu (17/10/2021) malam', '2021-10-17'), ('kemarin', '2021-10-18')]

What it reads (the words are data in the pack: `time.yaml`, plus `months` and `weekdays` in
`pack.yaml`):

- explicit dates: `17/10/2021`, `17 Oktober 2021`, `17 Oktober`, `Oktober 2021`, `tahun 2015`;
  a weekday with its date in brackets, `Minggu (17/10/2021) malam`, `Selasa (10/9)`;
- relative days: `hari ini`, `kemarin`, `kemarin lusa`, `besok`, `lusa`, `tadi malam`;
- weekdays: `pada Senin`, `Selasa lalu`, `Jumat depan` (capitalised: `minggu lalu` is last week);
- distances: `dua hari lalu`, `3 hari yang lalu`, `sepekan lalu`, `pekan depan`, `bulan lalu`,
  `tahun depan`, `tiga hari lagi`.

Each expression carries the resolved date and its precision (day, week, month, year). A date
without a year takes the year that puts it nearest the publication date. Everything is matched
with a few precompiled regular expressions, so the cost is linear in the text.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from kabar.lang import LanguagePack


@dataclass
class TimeExpr:
    start: int  # offsets into the text given to `find` (plus its `offset`)
    end: int
    text: str
    date: dt.date | None  # None when it cannot be resolved (no publication date)
    precision: str  # day, week, month or year
    relation: str  # past, present, future or absolute (an explicit calendar date)
    explicit: bool  # a calendar date written out (17/10/2021, 17 Oktober), not a relative one

    def iso(self) -> str | None:
        return self.date.isoformat() if self.date else None


def parse_published(published: str | dt.datetime | dt.date | None) -> dt.datetime | None:
    """The publication time as a datetime (kept in its own offset), or None."""
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published
    if isinstance(published, dt.date):
        return dt.datetime(published.year, published.month, published.day)
    text = str(published).strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        try:
            return dt.datetime.fromisoformat(text[:10])
        except ValueError:
            return None


def _alt(words) -> str:
    """Regex alternation of literal words/phrases, longest first, spaces matching any blank."""
    items = sorted({w for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _nearest_year(month: int, day: int, ref: dt.date | None) -> dt.date | None:
    if ref is None:
        return None
    best = None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if best is None or abs((candidate - ref).days) < abs((best - ref).days):
            best = candidate
    return best


def _make_date(year: int | None, month: int, day: int, ref: dt.date | None) -> dt.date | None:
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if year is None:
        return _nearest_year(month, day, ref)
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


class DateResolver:
    """Finds and resolves time expressions; build once per language pack, reuse for every text."""

    def __init__(self, pack: LanguagePack):
        data = pack.yaml("time.yaml") if pack.has("time.yaml") else {}
        self.months: dict[str, int] = {str(k).lower(): int(v) for k, v in (pack.get("months") or {}).items()}
        self.weekdays: dict[str, int] = {
            str(k).lower(): int(v) for k, v in (pack.get("weekdays") or {}).items()
        }
        self.relative_days: dict[str, int] = {_norm(k): int(v) for k, v in data.get("relative_days", {}).items()}
        night = data.get("last_night", {}) or {}
        self.last_night = {_norm(p) for p in night.get("phrases", [])}
        self.evening_hour = int(night.get("evening_hour", 18))
        self.units: dict[str, dict] = {str(k).lower(): dict(v) for k, v in data.get("units", {}).items()}
        self.se_units: dict[str, str] = {str(k).lower(): str(v) for k, v in data.get("se_units", {}).items()}
        self.past = {_norm(w) for w in data.get("past_markers", [])}
        self.future = {_norm(w) for w in data.get("future_markers", [])}
        self.present = {_norm(w) for w in data.get("present_markers", [])}
        self.numbers: dict[str, int] = {_norm(k): int(v) for k, v in data.get("numbers", {}).items()}
        self.future_cues = re.compile(r"\b(?:%s)\b" % _alt(data.get("future_cues", []) or ["akan"]), re.I)
        day_parts = _alt(data.get("day_parts", []))
        year_words = _alt(data.get("year_words", ["tahun"]))
        date_words = _alt(data.get("date_words", ["tanggal"]))
        months = _alt(self.months)
        markers = _alt(self.past | self.future | self.present)

        # Weekdays are names, written with a capital; `Minggu` in lower case is "week".
        wd_forms = set()
        for w in self.weekdays:
            wd_forms.update({w.capitalize(), w.upper()})
        weekdays = _alt(wd_forms)
        num = r"\d{1,2}|" + _alt(self.numbers)
        units_any = _alt(k for k, v in self.units.items() if not v.get("lower_case_only"))
        units_lc = _alt(k for k, v in self.units.items() if v.get("lower_case_only"))
        unit_alt = units_any + ("|" + units_lc if units_lc else "")
        rel_phrases = _alt(set(self.relative_days) | self.last_night)

        inner_date = (
            rf"(?P<pd>\d{{1,2}})\s*[/.-]\s*(?P<pm>\d{{1,2}})(?:\s*[/.-]\s*(?P<py>\d{{2,4}}))?"
            rf"|(?P<pd2>\d{{1,2}})\s+(?P<pmn>(?i:{months}))\.?(?:\s+(?P<py2>\d{{4}}))?"
        )
        comma_date = inner_date.replace("?P<", "?P<x")
        self.patterns: list[tuple[str, re.Pattern]] = [
            # Minggu (17/10/2021) malam | Selasa lalu | hari Senin | Jumat, 5 Maret 2021
            (
                "weekday",
                re.compile(
                    rf"(?<![\w-])(?:(?i:hari)\s+)?(?P<wd>{weekdays})(?![\w-])"
                    rf"(?:\s*\(\s*(?:{inner_date})\s*\)|\s*,\s*(?:{comma_date}))?"
                    rf"(?:\s+(?P<wm>(?i:{markers}))(?![\w-]))?"
                    rf"(?:\s+(?i:{day_parts})(?![\w-]))?"
                ),
            ),
            # 17/10/2021, 17-10-2021 (a year is needed unless `tanggal` comes first)
            (
                "numeric",
                re.compile(
                    rf"(?<![\w/.-])(?:(?P<tw>(?i:{date_words}))\s+)?(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})"
                    rf"(?:\s*/\s*(?P<y>\d{{4}}|\d{{2}}))?(?![\w/])"
                ),
            ),
            # 17 Oktober 2021, 17 Okt
            (
                "daymonth",
                re.compile(rf"(?<![\w-])(?P<d>\d{{1,2}})\s+(?P<mn>{months})\.?(?:\s+(?P<y>\d{{4}}))?(?![\w-])", re.I),
            ),
            # Oktober 2021, bulan Oktober, Februari lalu
            (
                "month",
                re.compile(
                    rf"(?<![\w-])(?:(?P<bw>bulan)\s+)?(?P<mn>{months})"
                    rf"(?:\s+(?P<y>\d{{4}})|\s+(?P<mk>{markers}))?(?![\w-])",
                    re.I,
                ),
            ),
            # tahun 2015, pada 2015
            ("year", re.compile(rf"(?<![\w-])(?:{year_words})\s+(?P<y>(?:19|20)\d{{2}})(?![\w/-])", re.I)),
            # dua hari lalu, 3 hari yang lalu, tiga hari lagi
            (
                "distance",
                re.compile(rf"(?<![\w-])(?P<n>{num})\s+(?P<u>{unit_alt})\s+(?P<mk>{markers})(?![\w-])", re.I),
            ),
            # sepekan lalu, sebulan yang lalu
            (
                "se_distance",
                re.compile(rf"(?<![\w-])(?P<su>{_alt(self.se_units)})\s+(?P<mk>{markers})(?![\w-])", re.I),
            ),
            # pekan depan, bulan lalu, tahun ini (lower-case `minggu` only)
            (
                "unit",
                re.compile(
                    rf"(?<![\w-])(?P<u>(?i:{units_any})"
                    + (rf"|{units_lc}" if units_lc else "")
                    + rf")\s+(?P<mk>(?i:{markers}))(?![\w-])"
                ),
            ),
            # kemarin, hari ini, besok, tadi malam
            ("relative", re.compile(rf"(?<![\w-])(?P<r>{rel_phrases})(?![\w-])", re.I)),
        ]

        # Each pattern can only start at certain words: index them, so that a text is scanned once
        # word by word and a pattern is tried only where it can start.
        self.by_kind = dict(self.patterns)
        starts: dict[str, set[str]] = {}

        def add(words, kind):
            for w in words:
                first = _norm(str(w)).split(" ")[0]
                if first:
                    starts.setdefault(first, set()).add(kind)

        add(self.weekdays, "weekday")
        add(["hari"], "weekday")
        add(data.get("date_words", ["tanggal"]), "numeric")
        add(self.months, "month")
        add(["bulan"], "month")
        add(data.get("year_words", ["tahun"]), "year")
        add(self.numbers, "distance")
        add(self.se_units, "se_distance")
        add(self.units, "unit")
        add(set(self.relative_days) | self.last_night, "relative")
        order = [k for k, _ in self.patterns]
        self.start_kinds = {w: [k for k in order if k in kinds] for w, kinds in starts.items()}
        self.digit_kinds = [k for k in order if k in ("numeric", "daymonth", "distance")]
        self._word = re.compile(r"\w+")

    # -- public API --------------------------------------------------------------------------------

    def find(
        self, text: str, published: str | dt.datetime | dt.date | None, offset: int = 0
    ) -> list[TimeExpr]:
        """Every time expression in `text`, in order, none overlapping another."""
        pub = parse_published(published)
        ref = pub.date() if pub else None
        found: list[tuple[int, int, str, re.Match]] = []
        for w in self._word.finditer(text):
            word = w.group()
            kinds = self.digit_kinds if word.isdigit() else self.start_kinds.get(word.lower())
            if not kinds:
                continue
            for kind in kinds:
                m = self.by_kind[kind].match(text, w.start())
                if m is not None and m.end() > m.start():
                    found.append((m.start(), m.end(), kind, m))
        # Leftmost first, then longest; drop anything overlapping a kept match.
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        result: list[TimeExpr] = []
        last_end = -1
        for start, end, kind, m in found:
            if start < last_end:
                continue
            future = kind == "weekday" and self._future_context(text, start)
            expr = self._resolve(kind, m, ref, pub, future)
            if expr is None:
                continue
            expr.start += offset
            expr.end += offset
            result.append(expr)
            last_end = end
        return result

    _SENTENCE_END = re.compile(r"[.!?\n]\s")

    def _future_context(self, text: str, start: int) -> bool:
        """Does the clause before a weekday speak of the future ("akan bertemu pada Senin")?"""
        window = text[max(0, start - 120) : start]
        ends = list(self._SENTENCE_END.finditer(window))
        if ends:
            window = window[ends[-1].end() :]
        return bool(self.future_cues.search(window))

    def first_date(self, text: str, published) -> dt.date | None:
        for expr in self.find(text, published):
            if expr.date:
                return expr.date
        return None

    # -- resolution ---------------------------------------------------------------------------------

    def _expr(self, m, date, precision, relation, explicit) -> TimeExpr:
        return TimeExpr(m.start(), m.end(), m.group(0), date, precision, relation, explicit)

    def _direction(self, marker: str | None) -> int:
        if not marker:
            return 0
        marker = _norm(marker)
        if marker in self.past:
            return -1
        if marker in self.future:
            return 1
        return 0

    def _resolve(self, kind, m, ref, pub, future_sentence) -> TimeExpr | None:
        g = m.groupdict()
        if kind == "weekday":
            d, mo, y = g.get("pd") or g.get("xpd"), g.get("pm") or g.get("xpm"), g.get("py") or g.get("xpy")
            if d is None and (g.get("pd2") or g.get("xpd2")):
                d = g.get("pd2") or g.get("xpd2")
                mo = str(self.months[(g.get("pmn") or g.get("xpmn")).lower()])
                y = g.get("py2") or g.get("xpy2")
            if d is not None and mo is not None:
                date = _make_date(int(y) if y else None, int(mo), int(d), ref)
                if date is not None:
                    return self._expr(m, date, "day", "absolute", True)
            weekday = self.weekdays[g["wd"].lower()]
            if ref is None:
                return self._expr(m, None, "day", "past", False)
            direction = self._direction(g.get("wm"))
            delta = (ref.isoweekday() - weekday) % 7
            if direction < 0:  # Selasa lalu: the latest Tuesday before publication day
                date = ref - dt.timedelta(days=delta or 7)
                relation = "past"
            elif direction > 0 or (direction == 0 and future_sentence):
                ahead = (weekday - ref.isoweekday()) % 7
                if direction > 0 and ahead == 0:
                    ahead = 7
                date = ref + dt.timedelta(days=ahead)
                relation = "future"
            else:  # pada Senin: the latest Monday on or before publication day
                date = ref - dt.timedelta(days=delta)
                relation = "past" if delta else "present"
            return self._expr(m, date, "day", relation, False)
        if kind == "numeric":
            year = g.get("y")
            if not year and not g.get("tw"):
                return None  # "2/3" alone is a fraction or a score, not a date
            date = _make_date(int(year) if year else None, int(g["m"]), int(g["d"]), ref)
            return self._expr(m, date, "day", "absolute", True) if date else None
        if kind == "daymonth":
            month = self.months.get(g["mn"].lower())
            if month is None:
                return None
            date = _make_date(int(g["y"]) if g.get("y") else None, month, int(g["d"]), ref)
            return self._expr(m, date, "day", "absolute", True) if date else None
        if kind == "month":
            month = self.months.get(g["mn"].lower())
            direction = self._direction(g.get("mk"))
            if month is None or (not g.get("y") and not g.get("bw") and not g.get("mk")):
                return None  # a bare month name ("Mar", "Jun") is too ambiguous
            if g.get("y"):
                return self._expr(m, dt.date(int(g["y"]), month, 1), "month", "absolute", True)
            if ref is None:
                return None
            if direction < 0:  # Februari lalu: the latest February before this month
                year = ref.year if month < ref.month else ref.year - 1
            elif direction > 0:
                year = ref.year if month > ref.month else ref.year + 1
            else:
                year = _nearest_year(month, 1, ref).year  # type: ignore[union-attr]
            relation = "past" if direction < 0 else "future" if direction > 0 else "absolute"
            return self._expr(m, dt.date(year, month, 1), "month", relation, direction == 0)
        if kind == "year":
            return self._expr(m, dt.date(int(g["y"]), 1, 1), "year", "absolute", True)
        if kind in ("distance", "se_distance"):
            if kind == "distance":
                raw = _norm(g["n"])
                n = int(raw) if raw.isdigit() else self.numbers.get(raw)
                unit = g["u"].lower() if g["u"] != "Minggu" else None
            else:
                n, unit = 1, self.se_units.get(g["su"].lower())
            if n is None or unit is None or unit not in self.units:
                return None
            direction = self._direction(g.get("mk"))
            if direction == 0:
                return None
            return self._shift(m, ref, self.units[unit], n * direction)
        if kind == "unit":
            unit = g["u"].lower()
            direction = self._direction(g.get("mk"))
            spec = self.units.get(unit)
            if spec is None:
                return None
            return self._shift(m, ref, spec, direction)
        if kind == "relative":
            phrase = _norm(g["r"])
            if ref is None:
                return self._expr(m, None, "day", "past", False)
            if phrase in self.last_night:
                evening = pub is not None and pub.hour >= self.evening_hour
                return self._expr(m, ref if evening else ref - dt.timedelta(days=1), "day", "past", False)
            days = self.relative_days.get(phrase)
            if days is None:
                return None
            relation = "past" if days < 0 else "future" if days > 0 else "present"
            return self._expr(m, ref + dt.timedelta(days=days), "day", relation, False)
        return None

    def _shift(self, m, ref, spec: dict, n: int) -> TimeExpr:
        relation = "past" if n < 0 else "future" if n > 0 else "present"
        if ref is None:
            return self._expr(m, None, "day", relation, False)
        if "days" in spec:
            days = int(spec["days"])
            return self._expr(m, ref + dt.timedelta(days=days * n), "day" if days == 1 else "week", relation, False)
        if "months" in spec:
            date = _add_months(ref, int(spec["months"]) * n)
            return self._expr(m, date, "month", relation, False)
        years = int(spec.get("years", 1)) * n
        return self._expr(m, dt.date(ref.year + years, ref.month, min(ref.day, 28)), "year", relation, False)


_resolvers: dict[str, DateResolver] = {}


def resolver_for(pack: LanguagePack) -> DateResolver:
    """The shared resolver of a language pack (built on first use)."""
    if pack.code not in _resolvers:
        _resolvers[pack.code] = DateResolver(pack)
    return _resolvers[pack.code]


def find_dates(text: str, published, lang: str = "id") -> list[TimeExpr]:
    """Convenience: time expressions in `text` resolved against `published` (ISO string)."""
    from kabar.lang import load_pack

    return resolver_for(load_pack(lang)).find(text, published)
