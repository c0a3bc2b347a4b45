"""kabar.geo: offline country and place lookups."""

from __future__ import annotations

import pytest

from kabar import geo


def test_country_info_gives_english_name_centroid_and_fips():
    info = geo.country_info("RUS")
    assert info.name == "Russia"
    assert info.fips == "RS"
    assert 50 < info.lat < 70 and 90 < info.lon < 120
    assert geo.country_info("rus") == info
    assert geo.country_info("XYZ") is None
    assert geo.country_info("PSE").name == "Palestine"


def test_code_conversions():
    assert geo.iso3_from_iso2("ID") == "IDN"
    assert geo.iso2_from_iso3("IDN") == "ID"
    assert geo.fips_from_iso3("DEU") == "GM"  # GDELT geo fields use FIPS 10-4
    assert geo.iso3_from_iso2("??") is None


@pytest.mark.parametrize(
    "name, iso3",
    [
        ("Rusia", "RUS"),
        ("Federasi Rusia", "RUS"),
        ("Amerika Serikat", "USA"),
        ("AS", "USA"),
        ("Tiongkok", "CHN"),
        ("RRT", "CHN"),
        ("Korsel", "KOR"),
        ("Korea Utara", "PRK"),
        ("korea utara", "PRK"),
        ("Suriah", "SYR"),
        ("Inggris", "GBR"),
        ("Arab Saudi", "SAU"),
        ("Yaman", "YEM"),
        ("Palestina", "PSE"),
        ("Germany", "DEU"),  # English names work too
        ("Kepulauan Solomon", "SLB"),
        ("Solomon Island", "SLB"),  # the singular some outlets write
    ],
)
def test_country_code_reads_indonesian_names(name, iso3):
    assert geo.country_code(name) == iso3


def test_country_code_is_strict_about_abbreviations_and_capitals():
    assert geo.country_code("as") is None  # the word "as", not the United States
    assert geo.country_code("Moskow") is None
    assert geo.country_code("Moskow", capitals=True) == "RUS"
    assert geo.country_code("Jordan") is None  # a given name more often than the country here
    assert geo.country_code("Yordania") == "JOR"


def test_geocode_capitals_cities_regions_and_provinces():
    moscow = geo.geocode("Moskow")
    assert moscow.name == "Moscow" and moscow.country == "RUS" and moscow.type == "GPE"
    assert abs(moscow.lat - 55.75) < 0.1 and abs(moscow.lon - 37.62) < 0.1
    assert geo.geocode("Surabaya").country == "IDN"
    region = geo.geocode("Kaukasus Selatan")
    assert region == geo.Place("South Caucasus", None, None, None, "LOC")
    assert geo.geocode("Asia Barat").name == "West Asia"
    west_java = geo.geocode("Jawa Barat")
    assert west_java.name == "West Java" and west_java.country == "IDN" and west_java.lat is not None
    suriah = geo.geocode("Suriah")
    assert suriah.name == "Syria" and suriah.type == "GPE"
    assert geo.geocode("Kota Antah Berantah Sekali") is None
    assert geo.geocode("") is None


def test_city_can_be_restricted_to_a_country():
    assert geo.city("Paris").country == "FRA"
    assert geo.city("Paris", "USA") is None or geo.city("Paris", "USA").country == "USA"
    assert geo.city("Medan", "IDN").name == "Medan"


@pytest.mark.parametrize("acronym", ["DPP", "BBM", "RSU", "BOS", "PES", "Top"])
def test_airport_codes_are_no_city_names(acronym):
    # GeoNames gives IATA codes as alternate names: a party board (DPP), fuel (BBM) or a hospital
    # (RSU) must not become Datia, Battambang or Yeosu.
    assert geo.city(acronym) is None
    assert geo.geocode(acronym) is None


def test_city_abbreviations_the_press_uses_still_resolve():
    assert geo.geocode("DIY").name == "Yogyakarta"
    assert geo.city("Boston").country == "USA"
