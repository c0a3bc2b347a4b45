"""Publication dates as news sites write them, normalised to ISO 8601 with a UTC offset.

Handles the forms Indonesian and English sites use:
`Okt 19, 2021 10:36 Asia/Jakarta`, `Selasa, 19 Oktober 2021 10:36 WIB`,
`19/10/2021 10:36`, `10-Sep-19 23:04`, `2019-09-16 15:43`, ISO 8601.
Month and weekday names and zone abbreviations come from the language pack.
A date without a zone is taken to be in the pack's default zone (WIB for Indonesian);
a date without a time is returned as a plain ISO date (`2019-09-24`), never with an
invented time. Anything not understood by these rules goes to dateparser.

Dates already normalised (`Article.published`, an event's `date`) are read back here too:
`parse_published`, `published_utc` and `parse_iso_date` are the one reading of them that
the stages, the store and the exports share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, tzinfo
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

if TYPE_CHECKING:  # the store reads dates too and must not load the language packs for it
    from kabar.lang import LanguagePack

_TIME = re.compile(r"(?<![\d/])(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?(?!\d)(?:\s*(am|pm|AM|PM))?")
_OFFSET = re.compile(r"(?:GMT|UTC)?\s*([+-])(\d{1,2})(?::?(\d{2}))?\b")
_PREFIXED_OFFSET = re.compile(r"\b(?:GMT|UTC)\s*([+-]\d{1,2}(?::?\d{2})?)\b")
_IANA = re.compile(r"\b([A-Z][a-z]+(?:/[A-Z][A-Za-z_]+)+)\b")
_ISO = re.compile(
    r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?"
)
_NUMERIC_DMY = re.compile(r"(?<![\d/])(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?![\d/])")
_SEPARATORS = re.compile(r"[\s,|/\-–—()\[\].:]+")


@dataclass(frozen=True)
class ParsedDate:
    value: datetime | date
    has_time: bool
    leftover: str  # text of the input not used by the parse, for dateline detection

    def isoformat(self) -> str:
        return self.value.isoformat()


class DateParser:
    def __init__(self, pack: LanguagePack):
        info = pack.info
        self.months: dict[str, int] = {k.lower(): int(v) for k, v in info.months.items()}
        self.weekdays = {k.lower() for k in info.weekdays}
        self.zones: dict[str, str] = dict(info.timezones)
        self.default_zone = ZoneInfo(info.default_timezone)
        month = "|".join(sorted((re.escape(m) for m in self.months), key=len, reverse=True))
        self._dmy = re.compile(rf"\b(\d{{1,2}})[\s\-]+({month})\.?[\s,\-]+(\d{{4}}|\d{{2}})\b", re.I)
        self._mdy = re.compile(rf"\b({month})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b", re.I)
        self._month_year_less = re.compile(rf"\b({month})\.?\s+(\d{{1,2}}),?\b", re.I)
        zone_names = "|".join(sorted(map(re.escape, self.zones), key=len, reverse=True))
        self._zone_abbr = re.compile(rf"\b({zone_names})\b") if zone_names else None
        self._weekday = re.compile(
            r"\b(" + "|".join(sorted(map(re.escape, self.weekdays), key=len, reverse=True)) + r")\b", re.I
        )
        self._filler = re.compile(r"\b(pukul|jam|pkl|at|diperbarui|updated|published|dipublikasikan)\b", re.I)

    # -- public -------------------------------------------------------------------------
    def parse(self, text: str) -> ParsedDate | None:
        """Parse a date (with time and zone when given); None when the text holds no date."""
        text = text.strip()
        if not text:
            return None
        parsed = self._parse_rules(text)
        if parsed is None:
            parsed = self._parse_fallback(text)
        return parsed

    def to_iso(self, text: str) -> str | None:
        parsed = self.parse(text)
        return parsed.isoformat() if parsed else None

    def parse_dateline(self, line: str) -> ParsedDate | None:
        """A line that is a dateline and nothing else (little text left over)."""
        if len(line) > 80:
            return None
        parsed = self._parse_rules(line.strip())
        if parsed is None or len(parsed.leftover) > 3:
            return None
        return parsed

    # -- rules ----------------------------------------------------------------------------
    def _parse_rules(self, text: str) -> ParsedDate | None:
        used: list[tuple[int, int]] = []
        iso = _ISO.search(text)
        if iso:
            y, mo, d, hh, mm, ss, zone = iso.groups()
            used.append(iso.span())
            day = _safe_date(int(y), int(mo), int(d))
            if day is None:
                return None
            if hh is None:
                return self._finish(text, used, day, None, None)
            clock = _safe_time(int(hh), int(mm), int(ss or 0))
            if clock is None:
                return None
            tz = _offset_zone(zone) if zone else self._find_zone(text, used)
            return self._finish(text, used, day, clock, tz)

        day = self._find_day(text, used)
        if day is None:
            return None
        clock = None
        for match in _TIME.finditer(text):
            if _overlaps(match.span(), used):
                continue
            hh, mm, ss, ampm = match.groups()
            hour = int(hh)
            if ampm:
                hour = hour % 12 + (12 if ampm.lower() == "pm" else 0)
            clock = _safe_time(hour, int(mm), int(ss or 0))
            if clock is not None:
                used.append(match.span())
                break
        tz = self._find_zone(text, used) if clock else None
        return self._finish(text, used, day, clock, tz)

    def _find_day(self, text: str, used: list[tuple[int, int]]) -> date | None:
        for pattern, order in ((self._dmy, "dmy"), (self._mdy, "mdy")):
            match = pattern.search(text)
            if match:
                if order == "dmy":
                    d, mon, y = match.groups()
                else:
                    mon, d, y = match.groups()
                day = _safe_date(_year(y), self.months[mon.lower()], int(d))
                if day:
                    used.append(match.span())
                    return day
        match = _NUMERIC_DMY.search(text)
        if match:
            d, mo, y = match.groups()
            day = _safe_date(_year(y), int(mo), int(d))
            if day:
                used.append(match.span())
                return day
        return None

    def _find_zone(self, text: str, used: list[tuple[int, int]]) -> tzinfo | None:
        match = _PREFIXED_OFFSET.search(text)
        if match:
            used.append(match.span())
            return _offset_zone(match.group(1))
        if self._zone_abbr:
            match = self._zone_abbr.search(text)
            if match:
                used.append(match.span())
                return ZoneInfo(self.zones[match.group(1)])
        match = _IANA.search(text)
        if match:
            try:
                zone = ZoneInfo(match.group(1))
            except (ZoneInfoNotFoundError, ValueError):
                zone = None
            if zone is not None:
                used.append(match.span())
                return zone
        for match in _OFFSET.finditer(text):
            if not _overlaps(match.span(), used):
                used.append(match.span())
                return _offset_zone(match.group(0).replace("GMT", "").replace("UTC", "").strip())
        return None

    def _finish(
        self, text: str, used: list[tuple[int, int]], day: date, clock: time | None, tz: tzinfo | None
    ) -> ParsedDate:
        leftover = text
        for start, end in sorted(used, reverse=True):
            leftover = leftover[:start] + " " + leftover[end:]
        leftover = self._weekday.sub(" ", leftover) if self.weekdays else leftover
        leftover = self._filler.sub(" ", leftover)
        leftover = _SEPARATORS.sub("", leftover)
        if clock is None:
            return ParsedDate(day, False, leftover)
        value = datetime.combine(day, clock, tzinfo=tz or self.default_zone)
        return ParsedDate(value, True, leftover)

    def _parse_fallback(self, text: str) -> ParsedDate | None:
        import dateparser  # slow to import; only for forms the rules above do not know

        settings = {
            "DATE_ORDER": "DMY",
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
            "REQUIRE_PARTS": ["day", "month", "year"],
        }
        try:
            value = dateparser.parse(text, languages=["id", "en"], settings=settings)
        except (ValueError, OverflowError, TypeError, AttributeError):
            return None
        if value is None:
            return None
        if value.time() == time(0, 0) and not _TIME.search(text):
            return ParsedDate(value.date(), False, "")
        return ParsedDate(value.replace(tzinfo=value.tzinfo or self.default_zone), True, "")


def parse_published(value: str | datetime | date | None) -> datetime | date | None:
    """A publication time in ISO 8601 (`Article.published`): a datetime in its own offset
    (naive when the text gives none, midnight for a plain date), a date when only the first
    ten characters are readable as one, None when nothing is."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    text = str(value).strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return parse_iso_date(text)


def published_datetime(value: str | datetime | date | None) -> datetime | None:
    """`parse_published` as a datetime: a bare date becomes its midnight (naive)."""
    parsed = parse_published(value)
    if parsed is None or isinstance(parsed, datetime):
        return parsed
    return datetime(parsed.year, parsed.month, parsed.day)


def published_utc(value: str | None) -> tuple[datetime | None, date | None]:
    """(UTC instant, calendar date where it was published) of a publication time; a time
    without an offset is taken as UTC, a bare date has no instant; Nones when unreadable."""
    parsed = parse_published(value)
    if parsed is None:
        return None, None
    if not isinstance(parsed, datetime):
        return None, parsed
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=UTC), parsed.date()
    return parsed.astimezone(UTC), parsed.date()


def parse_iso_date(value: str | None) -> date | None:
    """The date an ISO 8601 text starts with ("2021-10-19", "2021-10-19T10:36"), or None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value.strip()[:10])
    except ValueError:
        return None


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _safe_time(h: int, m: int, s: int) -> time | None:
    try:
        return time(h, m, s)
    except ValueError:
        return None


def _offset_zone(spec: str) -> tzinfo:
    from datetime import timedelta, timezone

    if spec in ("Z", "z"):
        return UTC
    match = re.fullmatch(r"([+-])(\d{1,2}):?(\d{2})?", spec.strip())
    if not match:
        return UTC
    sign = -1 if match.group(1) == "-" else 1
    offset = timedelta(hours=int(match.group(2)), minutes=int(match.group(3) or 0))
    if offset > timedelta(hours=14):  # no zone is further from UTC ("GMT-30" is not a zone)
        return UTC
    return timezone(sign * offset)


def _overlaps(span: tuple[int, int], used: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in used)
