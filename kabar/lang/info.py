"""`pack.yaml`: a language pack's settings and small lists, as one typed section.

Every default lives here. Larger lexicons live in their own files beside `pack.yaml`, each read
into the typed section of the stage that uses it (`pack.section(name, Model)`).
"""

from __future__ import annotations

from pydantic import Field

from kabar.lang.schema import PackSection


class StructureSettings(PackSection):
    """What the `structure` stage needs to find captions, furniture, tags and bylines."""

    caption_bullets: list[str] = Field(default_factory=lambda: ["•"])
    boilerplate: list[str] = Field(default_factory=list)  # regular expressions, whole stripped line
    tag_labels: list[str] = Field(default_factory=lambda: ["Tags"])
    author_labels: list[str] = Field(default_factory=list)


class PackInfo(PackSection):
    code: str
    name: str
    # lingua language names the detector chooses among; the pack's own language first
    detector_languages: list[str] = Field(min_length=1)
    default_timezone: str = "UTC"
    # the country whose press the pack reads (ISO 3166 alpha-3): unnamed "the government" is its
    home_country: str | None = None
    timezones: dict[str, str] = Field(default_factory=dict)  # dateline abbreviation -> IANA zone
    months: dict[str, int] = Field(default_factory=dict)  # every spelling -> month number
    weekdays: dict[str, int] = Field(default_factory=dict)  # name -> ISO weekday
    abbreviations: list[str] = Field(default_factory=list)  # end with "." without ending a sentence
    structure: StructureSettings = Field(default_factory=StructureSettings)
    # the package holding the pack's grammar modules; default `kabar.lang.<code>.grammar`
    grammar: str | None = None
