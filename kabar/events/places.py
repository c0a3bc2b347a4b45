"""Places of events: a place named in the sentence after a locative preposition (or a
directional one, for travel), with coordinates from the entity or the gazetteer."""

from __future__ import annotations

from collections.abc import Mapping

from kabar.events.lexicon import Lexicon
from kabar.events.state import Candidate, Tokens
from kabar.model import Entity, Location


class Geocoder:
    """Names to places through kabar.geo, once per name."""

    def __init__(self, lang: str):
        self.lang = lang
        self._cache: dict[str, Location | None] = {}

    def __call__(self, name: str) -> Location | None:
        if name in self._cache:
            return self._cache[name]
        loc = None
        try:
            from kabar import geo

            place = geo.geocode(name, lang=self.lang)
            if place is not None:
                loc = Location(name=place.name, country=place.country, lat=place.lat, lon=place.lon)
        except Exception:  # noqa: BLE001 - geocoding is optional: no place rather than no events
            loc = None
        self._cache[name] = loc
        return loc

    def entity_location(
        self, eid: str | None, entities: Mapping[str, Entity], name: str | None = None
    ) -> Location | None:
        ent = entities.get(eid) if eid else None
        if ent is not None:
            lat, lon = ent.lat, ent.lon
            if lat is None and ent.name:
                place = self(ent.name)
                if place is not None:
                    lat, lon = place.lat, place.lon
            return Location(name=ent.name, country=ent.country, lat=lat, lon=lon)
        return self(name) if name else None


def _introduces_place(lex: Lexicon, w: str, c: Candidate) -> bool:
    if w in lex.grammar.locative_prepositions:
        return True
    travel = c.code[:3] in lex.visit_codes or c.root in lex.travel_roots
    return travel and w in lex.grammar.directional_prepositions


def sentence_place(
    lex: Lexicon,
    geocode: Geocoder,
    t: Tokens,
    c: Candidate,
    span: tuple[int, int],
    entities: Mapping[str, Entity],
) -> Location | None:
    """A place named in the sentence (tokens span): after a locative preposition (or a
    directional one, for travel), nearest after the trigger first."""
    a, b = span
    best = None
    for np in t.nps:
        if not (a <= np.start < b) or np.label not in ("GPE", "LOC"):
            continue
        k = np.start - 1
        ok = False
        while k >= a and np.start - k <= 3:
            w = t.low[k]
            if _introduces_place(lex, w, c):
                ok = True
                break
            if w not in lex.place_words:
                break
            k -= 1
        if not ok:
            continue
        if np.start >= c.trigger:
            return geocode.entity_location(np.entity, entities, np.name)
        best = np
    if best is not None:
        return geocode.entity_location(best.entity, entities, best.name)
    return None
