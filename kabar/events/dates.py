"""Dates of events: time expressions in the text, resolved against the publication time.

    >>> from kabar.events.dates import DateResolver
    >>> resolver = DateResolver(load_pack("id"))
    >>> [(t.text, t.date.isoformat()) for t in resolver.find(
    ...     "Ia tiba pada Minggu (17/10/2021) malam dan pulang kemarin.", "2021-10-19T10:36:00+07:00")]
    [('Minggu (17/10/2021) malam', '2021-10-17'), ('kemarin', '2021-10-18')]

The words are data in the pack (`time.yaml`, plus `months` and `weekdays` in `pack.yaml`); the
patterns below are built from them (kabar/events/timepatterns.py). It reads explicit dates
(`17/10/2021`, `17 Oktober 2021`, `Oktober 2021`, `tahun 2015`, a weekday with its date in
brackets), relative days (`kemarin`, `besok`, `tadi malam`), weekdays (`pada Senin`, `Selasa
lalu`, `Jumat depan`) and distances (`dua hari lalu`, `pekan depan`, `tahun depan`).

Each expression carries the resolved date and its precision (day, week, month, year). A date
without a year takes the year that puts it nearest the publication date. Each pattern is tried
only at the words it can start with, so the cost is linear in the text.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from kabar.dates import published_datetime
from kabar.events.config import TimeUnit, time_section
from kabar.events.timepatterns import TimePatterns, norm
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
    since: bool = False  # the start of a state lasting until publication ("sejak Desember")

    def iso(self) -> str | None:
        return self.date.isoformat() if self.date else None


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


def _expr(m: re.Match[str], date: dt.date | None, precision: str, relation: str, explicit: bool) -> TimeExpr:
    return TimeExpr(m.start(), m.end(), m.group(0), date, precision, relation, explicit)


_WORD = re.compile(r"\w+")


class DateResolver:
    """Finds and resolves time expressions; build once per language pack, reuse for every text."""

    def __init__(self, pack: LanguagePack):
        data = time_section(pack)
        self.patterns = TimePatterns(data, pack.info.months, pack.info.weekdays)
        self.months = self.patterns.months
        self.weekdays = self.patterns.weekdays
        self.relative_days = {norm(k): v for k, v in data.relative_days.items()}
        self.last_night = {norm(p) for p in data.last_night.phrases}
        self.evening_hour = data.last_night.evening_hour
        self.units: dict[str, TimeUnit] = {k.lower(): v for k, v in data.units.items()}
        self.se_units = {k.lower(): v for k, v in data.se_units.items()}
        self.past = {norm(w) for w in data.past_markers}
        self.future = {norm(w) for w in data.future_markers}
        self.numbers = {norm(k): v for k, v in data.numbers.items()}
        self.month_past_leads = {norm(w) for w in data.month_past_leads}
        self.month_since_leads = {norm(w) for w in data.month_since_leads}
        self.since_records = {norm(w) for w in data.since_records}
        self._kinds: dict[str, list[str] | None] = {}

    # -- public API

    def find(
        self,
        text: str,
        published: str | dt.datetime | dt.date | None,
        offset: int = 0,
        words: Iterable[tuple[int, str]] | None = None,
    ) -> list[TimeExpr]:
        """Every time expression in `text`, in order, none overlapping another. `words`: the
        (offset, word) runs of letters and digits where a pattern may start (the stage gives
        them from the text view); by default they are found in `text`."""
        pub = published_datetime(published)
        ref = pub.date() if pub else None
        if words is None:
            words = ((w.start(), w.group()) for w in _WORD.finditer(text))
        found: list[tuple[int, int, str, re.Match[str]]] = []
        known, by_kind = self._kinds.get, self.patterns.by_kind
        for start, word in words:
            kinds = known(word, ())
            if kinds is None:
                continue  # most words: no expression starts there
            if kinds == ():
                kinds = self._kinds_of(word)
            for kind in kinds or ():
                m = by_kind[kind].match(text, start)
                if m is not None and m.end() > m.start():
                    found.append((m.start(), m.end(), kind, m))
        # Leftmost first, then longest; drop anything overlapping a kept match.
        found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
        result: list[TimeExpr] = []
        last_end = -1
        for start, end, kind, m in found:
            if start < last_end:
                continue
            future = kind in ("weekday", "month") and self.patterns.future_context(text, start)
            expr = self._resolve(kind, m, ref, pub, future)
            if expr is None:
                continue
            expr.start += offset
            expr.end += offset
            result.append(expr)
            last_end = end
        _years_given_before(result, found, ref, offset)
        return _months_of_years(result, text, offset)

    def _kinds_of(self, word: str) -> list[str] | None:
        """The kinds of expression that may start at `word` (kept: the same words come again)."""
        kinds = self.patterns.digit_kinds if word.isdigit() else self.patterns.start_kinds.get(word.lower())
        if len(self._kinds) > 100_000:
            self._kinds.clear()
        self._kinds[word] = kinds
        return kinds

    def first_date(self, text: str, published: str | dt.datetime | dt.date | None) -> dt.date | None:
        for expr in self.find(text, published):
            if expr.date:
                return expr.date
        return None

    # -- resolution

    def _direction(self, marker: str | None) -> int:
        if not marker:
            return 0
        marker = norm(marker)
        if marker in self.past:
            return -1
        if marker in self.future:
            return 1
        return 0

    def _resolve(
        self, kind: str, m: re.Match[str], ref: dt.date | None, pub: dt.datetime | None, future_sentence: bool
    ) -> TimeExpr | None:
        if kind == "weekday":
            return self._weekday(m, ref, future_sentence)
        if kind in ("numeric", "daymonth"):
            return self._calendar_day(kind, m, ref)
        if kind == "month":
            return self._month(m, ref, future_sentence)
        if kind == "year":
            return _expr(m, dt.date(int(m["y"]), 1, 1), "year", "absolute", True)
        if kind in ("distance", "se_distance"):
            return self._distance(kind, m, ref)
        if kind == "unit":
            spec = self.units.get(m["u"].lower())
            return self._shift(m, ref, spec, self._direction(m["mk"])) if spec is not None else None
        if kind == "relative":
            return self._relative(m, ref, pub)
        return None

    def _weekday(self, m: re.Match[str], ref: dt.date | None, future_sentence: bool) -> TimeExpr | None:
        g = m.groupdict()
        d, mo, y = g.get("pd") or g.get("xpd"), g.get("pm") or g.get("xpm"), g.get("py") or g.get("xpy")
        if d is None and (g.get("pd2") or g.get("xpd2")):
            d = g.get("pd2") or g.get("xpd2")
            mo = str(self.months[(g.get("pmn") or g.get("xpmn") or "").lower()])
            y = g.get("py2") or g.get("xpy2")
        if d is not None and mo is not None:
            date = _make_date(int(y) if y else None, int(mo), int(d), ref)
            if date is not None:
                return _expr(m, date, "day", "absolute", True)
        weekday = self.weekdays[g["wd"].lower()]
        if ref is None:
            return _expr(m, None, "day", "past", False)
        direction = self._direction(g.get("wm"))
        delta = (ref.isoweekday() - weekday) % 7
        if direction < 0:  # "last Tuesday": the latest Tuesday before publication day
            return _expr(m, ref - dt.timedelta(days=delta or 7), "day", "past", False)
        if direction > 0 or future_sentence:
            ahead = (weekday - ref.isoweekday()) % 7
            if direction > 0 and ahead == 0:
                ahead = 7
            return _expr(m, ref + dt.timedelta(days=ahead), "day", "future", False)
        # a bare weekday: the latest such day on or before publication day
        return _expr(m, ref - dt.timedelta(days=delta), "day", "past" if delta else "present", False)

    def _calendar_day(self, kind: str, m: re.Match[str], ref: dt.date | None) -> TimeExpr | None:
        if kind == "numeric":
            if not m["y"] and not m["tw"]:
                return None  # "2/3" alone is a fraction or a score, not a date
            month = int(m["m"])
        else:
            named = self.months.get(m["mn"].lower())
            if named is None:
                return None
            month = named
        date = _make_date(int(m["y"]) if m["y"] else None, month, int(m["d"]), ref)
        return _expr(m, date, "day", "absolute", True) if date else None

    def _month(self, m: re.Match[str], ref: dt.date | None, future_sentence: bool) -> TimeExpr | None:
        month = self.months.get(m["mn"].lower())
        direction = self._direction(m["mk"])
        if month is None or (not m["y"] and not m["bw"] and not m["mk"]):
            return None  # a bare month name ("Mar", "Jun") is too ambiguous
        if m["y"]:
            return _expr(m, dt.date(int(m["y"]), month, 1), "month", "absolute", True)
        if ref is None:
            return None
        if direction == 0 and norm(m["bw"] or "") in self.month_since_leads:
            return self._since_month(m, month, ref)
        if direction == 0 and norm(m["bw"] or "") in self.month_past_leads:
            # only where the month leaves no doubt: this one, one at least two months back this
            # year (long past, however late in it), or the next one in a clause of the future
            if month == ref.month:
                return _expr(m, dt.date(ref.year, month, 1), "month", "present", False)
            if not future_sentence and month >= ref.month - 1:
                return None
            direction = 1 if future_sentence else -1
        if direction < 0:  # "last February": the latest February before this month
            year = ref.year if month < ref.month else ref.year - 1
        elif direction > 0:
            year = ref.year if month > ref.month else ref.year + 1
        else:
            year = _nearest_year(month, 1, ref).year  # type: ignore[union-attr]
        relation = "past" if direction < 0 else "future" if direction > 0 else "absolute"
        return _expr(m, dt.date(year, month, 1), "month", relation, direction == 0)

    def _since_month(self, m: re.Match[str], month: int, ref: dt.date) -> TimeExpr | None:
        """A bare month after a word of "since": the start of a state lasting until publication,
        the latest such month (this one included); none after a record ("the highest since May"),
        which dates no state."""
        before = m.string[: m.start()].split()
        if before and norm(before[-1].strip(",")) in self.since_records:
            return None
        year = ref.year if month <= ref.month else ref.year - 1
        expr = _expr(m, dt.date(year, month, 1), "month", "present" if month == ref.month else "past", False)
        expr.since = True
        return expr

    def _distance(self, kind: str, m: re.Match[str], ref: dt.date | None) -> TimeExpr | None:
        unit: str | None
        if kind == "distance":
            raw = norm(m["n"])
            n = int(raw) if raw.isdigit() else self.numbers.get(raw)
            unit = m["u"].lower()
            spec = self.units.get(unit)
            if spec is not None and spec.lower_case_only and m["u"] != unit:
                unit = None  # capitalised, the word is a name (the weekday), not the unit
        else:
            n, unit = 1, self.se_units.get(m["su"].lower())
        if n is None or unit is None or unit not in self.units:
            return None
        direction = self._direction(m["mk"])
        if direction == 0:
            return None
        return self._shift(m, ref, self.units[unit], n * direction)

    def _relative(self, m: re.Match[str], ref: dt.date | None, pub: dt.datetime | None) -> TimeExpr | None:
        phrase = norm(m["r"])
        if ref is None:
            return _expr(m, None, "day", "past", False)
        if phrase in self.last_night:
            evening = pub is not None and pub.hour >= self.evening_hour
            return _expr(m, ref if evening else ref - dt.timedelta(days=1), "day", "past", False)
        days = self.relative_days.get(phrase)
        if days is None:
            return None
        relation = "past" if days < 0 else "future" if days > 0 else "present"
        return _expr(m, ref + dt.timedelta(days=days), "day", relation, False)

    def _shift(self, m: re.Match[str], ref: dt.date | None, spec: TimeUnit, n: int) -> TimeExpr:
        relation = "past" if n < 0 else "future" if n > 0 else "present"
        if ref is None:
            return _expr(m, None, "day", relation, False)
        if spec.days is not None:
            return _expr(
                m,
                ref + dt.timedelta(days=spec.days * n),
                "day" if spec.days == 1 else "week",
                relation,
                False,
            )
        if spec.months is not None:
            return _expr(m, _add_months(ref, spec.months * n), "month", relation, False)
        years = (spec.years if spec.years is not None else 1) * n
        return _expr(m, dt.date(ref.year + years, ref.month, min(ref.day, 28)), "year", relation, False)


def _years_given_before(
    result: list[TimeExpr], found: list[tuple[int, int, str, re.Match[str]]], ref: dt.date | None, offset: int
) -> None:
    """A day and month written without a year that would fall after publication takes the year of
    the same day and month written out earlier in the text ("Pada 11 September 2001 ... Sebulan
    setelah 11 September, ..."): it names that day again, not a day to come."""
    if ref is None:
        return
    kinds = {(m.start(), m.end()): (kind, m) for _, _, kind, m in found}
    full: dict[tuple[int, int], dt.date] = {}
    for expr in result:
        if expr.date is None or expr.precision != "day" or not expr.explicit:
            continue
        kind, m = kinds.get((expr.start - offset, expr.end - offset), ("", None))
        if kind not in ("numeric", "daymonth") or m is None:
            continue  # a weekday with its date is the day of the week told now
        key = (expr.date.month, expr.date.day)
        if m["y"]:
            full.setdefault(key, expr.date)
        elif expr.date > ref and key in full and full[key] < ref:
            expr.date = full[key]


def _months_of_years(result: list[TimeExpr], text: str, offset: int) -> list[TimeExpr]:
    """A month right before a year told relative to now ("pada Mei tahun lalu", "Maret tahun
    depan") is that month of that year: one expression."""
    out: list[TimeExpr] = []
    for expr in result:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.precision == "month"
            and not any(ch.isdigit() for ch in prev.text)  # no year of its own
            and expr.precision == "year"
            and expr.relation in ("past", "future")
            and prev.date is not None
            and expr.date is not None
            and not text[prev.end - offset : expr.start - offset].strip()
        ):
            prev.date = prev.date.replace(year=expr.date.year)
            prev.end, prev.relation = expr.end, expr.relation
            prev.text = text[prev.start - offset : prev.end - offset]
            continue
        out.append(expr)
    return out


_resolvers: dict[str, DateResolver] = {}


def resolver_for(pack: LanguagePack) -> DateResolver:
    """The shared resolver of a language pack (built on first use)."""
    if pack.code not in _resolvers:
        _resolvers[pack.code] = DateResolver(pack)
    return _resolvers[pack.code]


def find_dates(text: str, published: str | dt.datetime | dt.date | None, lang: str = "id") -> list[TimeExpr]:
    """Convenience: time expressions in `text` resolved against `published` (ISO string)."""
    from kabar.lang import load_pack

    return resolver_for(load_pack(lang)).find(text, published)
