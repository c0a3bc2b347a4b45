"""The language-pack files the `entities` stage (and `kabar.geo`) read, as typed sections.

Every default lives here. YAML files are validated as they are; TSV files are validated as
`{"rows": [...]}`, one model per row, with empty cells read as missing values.
"""

from __future__ import annotations

import datetime
import functools
from typing import Any, Literal, TypeVar

from pydantic import field_validator, model_validator

from kabar.lang import LanguagePack
from kabar.lang.schema import PackSection, validate_section


class EntityCues(PackSection):
    """entities.yaml: cue words and thresholds (what each list does is said in the file)."""

    locative_before: list[str] = []
    motion_before_from: list[str] = []
    seat_actors: dict[str, str] = {}
    capital_metonym_is_city: bool = False
    compass_words: list[str] = []
    capital_apposition: list[str] = []
    not_place_compounds: list[str] = []
    speech_before: list[str] = []
    speech_after: list[str] = []
    name_particles: list[str] = []
    org_connectors: list[str] = []
    language_before: list[str] = []
    function_words: list[str] = []
    outlets: list[str] = []
    city_not: list[str] = []
    city_min_population: int = 1_000_000
    # cities of the pack's home country (pack.yaml `home_country`) from this size; None = as others
    home_city_min_population: int | None = None
    admin_before: list[str] = []
    company_forms: list[str] = []
    name_words: list[str] = []
    place_heads: list[str] = []
    org_words: list[str] = []
    not_acronyms: list[str] = []
    office_units: list[str] = []
    offices_of_any_body: list[str] = []
    bodies_of_any_institution: list[str] = []
    missions_abroad: list[str] = []
    alias_cues: list[str] = []
    relation_titles: list[str] = []
    posting_before: list[str] = []
    member_of_before: list[str] = []
    document_nouns: list[str] = []
    audience_nouns: list[str] = []
    audience_before: list[str] = []
    brands: list[str] = []
    not_names: list[str] = []
    venue_heads: list[str] = []
    body_venues: list[str] = []
    list_joiners: list[str] = []
    association_heads: list[str] = []
    former_office: list[str] = []
    retired_rank: list[str] = []
    member_verbs: list[str] = []
    late_office: list[str] = []
    candidate_office: list[str] = []
    ordinal_office: list[str] = []
    ordinal_prefixes: list[str] = []
    law_words: list[str] = []
    initial_cues: list[str] = []


class ActorPeriod(PackSection):
    until: str | None = None  # ISO date; None = open-ended
    code: str | None = None
    title: str | None = None

    @field_validator("until", mode="before")
    @classmethod
    def _iso_date(cls, value: Any) -> Any:
        # YAML reads an unquoted 2019-10-20 as a date
        return value.isoformat() if isinstance(value, datetime.date) else value


class ActorEntry(PackSection):
    name: str
    type: Literal["PER", "ORG"] = "ORG"
    country: str | None = None
    code: str | None = None
    title: str | None = None
    aliases: list[str] = []
    periods: list[ActorPeriod] = []


class ActorList(PackSection):
    """actors.yaml: a YAML list of well-known actors."""

    actors: list[ActorEntry] = []


class TsvRow(PackSection):
    """A TSV row: an empty cell is a missing value."""

    @model_validator(mode="before")
    @classmethod
    def _empty_cells(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {k: v for k, v in data.items() if v != ""}
        return data


class TitleRow(TsvRow):
    title: str
    role: str | None = None
    canonical: str | None = None
    country: str | None = None
    kind: Literal["rank", "office", "honorific"] = "office"


class RoleRow(TsvRow):
    keyword: str
    role: str | None = None
    head: Literal["yes", "no"] = "no"
    naming: Literal["generic", "proper", "descriptor"] | None = None
    country: str | None = None


class CountryRow(TsvRow):
    alias: str
    iso3: str
    kind: Literal["name", "abbr", "demonym", "capital", "not"]
    english: str | None = None


class PlaceRow(TsvRow):
    name: str
    english: str
    type: Literal["GPE", "LOC"] = "LOC"
    country: str | None = None
    anchor: str | None = None


class TitleTable(PackSection):
    rows: list[TitleRow] = []


class RoleTable(PackSection):
    rows: list[RoleRow] = []


class CountryTable(PackSection):
    rows: list[CountryRow] = []


class PlaceTable(PackSection):
    rows: list[PlaceRow] = []


TableT = TypeVar("TableT", TitleTable, RoleTable, CountryTable, PlaceTable)


@functools.cache
def table(pack: LanguagePack, name: str, model: type[TableT]) -> TableT:
    """TSV file `name` of the pack as `model`; an empty table when the pack has no such file."""
    rows = pack.tsv(name) if pack.has(name) else []
    return validate_section({"rows": rows}, model, f"{pack.code}/{name}")


@functools.cache
def load_cues(pack: LanguagePack) -> EntityCues:
    return pack.section("entities.yaml", EntityCues) if pack.has("entities.yaml") else EntityCues()


@functools.cache
def load_actors(pack: LanguagePack) -> ActorList:
    if not pack.has("actors.yaml"):
        return ActorList()
    return validate_section({"actors": pack.yaml("actors.yaml") or []}, ActorList, f"{pack.code}/actors.yaml")


def title_rows(pack: LanguagePack) -> list[TitleRow]:
    return table(pack, "titles.tsv", TitleTable).rows


def role_rows(pack: LanguagePack) -> list[RoleRow]:
    return table(pack, "roles.tsv", RoleTable).rows


def country_rows(pack: LanguagePack) -> list[CountryRow]:
    return table(pack, "countries.tsv", CountryTable).rows


def place_rows(pack: LanguagePack) -> list[PlaceRow]:
    return table(pack, "places.tsv", PlaceTable).rows
