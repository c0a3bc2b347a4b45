"""One group per referent: mentions of the same country, place, known actor, person or
organisation across the body and captions. Surnames join full names, nicknames the person
named before "alias", acronyms their expansion."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field

from kabar import geo
from kabar.entities.knowledge import KeyFunction, fold, is_acronym, subsequence
from kabar.entities.text import Candidate, EntityText, TextJob
from kabar.lang import LanguagePack

MISSPELT_MIN = 6  # letters of a last name below which one letter off may be another name


@dataclass
class Member:
    cand: Candidate
    text: EntityText
    in_body: bool


@dataclass
class Group:
    label: str
    key: tuple[str, ...]
    members: list[Member] = field(default_factory=list)
    # Grouper.name_words of the members so far: (how many members, the lists)
    name_words: tuple[int, list[list[str]]] = field(default=(-1, []), repr=False, compare=False)

    @property
    def kind(self) -> str:
        """kb, country, place, loc, per, per? (a name two people share) or org."""
        return self.key[0]

    @property
    def cands(self) -> list[Candidate]:
        return [m.cand for m in self.members]

    def first_in_body(self) -> tuple[int, int]:
        """Sort key: first mention in the body; caption-only groups last."""
        body = [m.cand.i for m in self.members if m.in_body]
        return (0, min(body)) if body else (1, 0)


def bare_name(c: Candidate, t: EntityText) -> str:
    """The name of a person without the title before it."""
    if c.label == "PER" and c.name_i >= 0:
        return t.span(c.name_i, c.j)
    return c.name


def org_name(c: Candidate, t: EntityText, pack: LanguagePack) -> str:
    if c.proper and c.country and c.j - c.i >= 3:
        # "Institut CIS Rusia" -> "Institut CIS": drop a trailing country from a proper name
        last = c.j - 1
        if geo.country_code(t.words[last], pack) == c.country:
            return t.span(c.i, last)
    return c.name


def short_given_name(short: list[str], long: list[str]) -> bool:
    """ "Alex" for "Alexander Sabar": one word that opens the full name's first word."""
    return (
        len(short) == 1
        and len(long) >= 2
        and len(short[0]) >= 3
        and long[0] != short[0]
        and long[0].startswith(short[0])
    )


def initials_of(short: list[str], long: list[str]) -> bool:
    """ "BJ Habibie" for "Bacharuddin Jusuf Habibie": the same last name, and initials for the
    names before it."""
    if len(short) < 2 or short[-1] != long[-1] or any(len(w) > 3 for w in short[:-1]):
        return False
    return "".join(short[:-1]) == "".join(w[0] for w in long[:-1])


def misspelt(words: list[str], other: list[str]) -> bool:
    """ "Angela Merkal" for "Angela Merkel": the same names but one letter of a long last name,
    not its first (a slip of the writer, not another person)."""
    if len(words) < 2 or len(words) != len(other) or words[:-1] != other[:-1]:
        return False
    a, b = words[-1], other[-1]
    if len(a) != len(b) or len(a) < MISSPELT_MIN or a[0] != b[0]:
        return False
    return sum(x != y for x, y in zip(a, b)) == 1


class Grouper:
    """Groups the candidates of one document's texts."""

    def __init__(self, key: KeyFunction, pack: LanguagePack, company_forms: Collection[str] = ()):
        self.key = key
        self.pack = pack
        self.company_forms = company_forms
        self.groups: list[Group] = []
        self.by_key: dict[tuple[str, ...], Group] = {}
        # person_words of each name: grouping compares every mention with every name already
        # grouped, so the same names were split and folded hundreds of times per article
        self._person_words: dict[str, list[str]] = {}

    def person_words(self, name: str) -> list[str]:
        """The folded words of a name (shared: callers must not change the list)."""
        words = self._person_words.get(name)
        if words is None:
            words = [fold(w) for w in self.key.words(name) if w[:1].isalnum()]
            self._person_words[name] = words
        return words

    def initials(self, name: str) -> str:
        return "".join(w[0] for w in self.key.words(name) if w[:1].isupper())

    def add(self, key: tuple[str, ...], label: str, member: Member) -> Group:
        g = self.by_key.get(key)
        if g is None:
            g = Group(label, key)
            self.by_key[key] = g
            self.groups.append(g)
        g.members.append(member)
        return g

    def names(self, g: Group) -> list[str]:
        names = [bare_name(m.cand, m.text) for m in g.members]
        first = g.members[0].cand.actor
        return [first.name, *names] if g.kind == "kb" and first is not None else names

    def first_name(self, g: Group) -> str:
        """names(g)[0]."""
        first = g.members[0]
        actor = first.cand.actor
        return actor.name if g.kind == "kb" and actor is not None else bare_name(first.cand, first.text)

    def name_words(self, g: Group) -> list[list[str]]:
        """The person_words of names(g), made again only when the group has gained members
        (grouping compares each person with every group's names)."""
        if g.name_words[0] != len(g.members):
            g.name_words = (len(g.members), [self.person_words(name) for name in self.names(g)])
        return g.name_words[1]

    def group(self, jobs: list[TextJob]) -> list[Group]:
        """The groups, in order of first mention in the body (caption-only ones last)."""
        people: list[Member] = []
        orgs: list[Member] = []
        aliases: list[Member] = []
        for job in jobs:
            for c in job.candidates:
                m = Member(c, job.text, job.in_body)
                if c.actor is not None:
                    self.add(("kb", c.actor.name), c.actor.type, m)
                elif c.iso3 is not None:
                    self.add(("country", c.iso3), "GPE", m)
                elif c.place is not None:
                    self.add(("place", c.place.name, c.place.country or ""), c.label, m)
                elif c.label == "PER":
                    (aliases if c.alias_of is not None else people).append(m)
                elif c.label == "ORG":
                    orgs.append(m)
                else:
                    self.add(("loc", fold(c.name)), c.label, m)
        self._people(people)
        self._aliases(aliases)
        self._organisations(orgs)
        self._companies_named_short()
        # a one-word name that only the model proposed, and that joins no fuller name, is dropped
        groups = [g for g in self.groups if not (g.label == "PER" and all(c.weak for c in g.cands))]
        groups.sort(key=Group.first_in_body)
        return groups

    def _people(self, people: list[Member]) -> None:
        """Longest names first; a shorter one joins a longer name that holds it."""
        people = sorted(people, key=lambda m: -len(self.person_words(bare_name(m.cand, m.text))))
        kb_people = [g for g in self.groups if g.label == "PER"]
        for m in people:
            words = self.person_words(bare_name(m.cand, m.text))
            matches = []
            for g in kb_people + [g for g in self.groups if g.label == "PER" and g.kind == "per"]:
                for other in self.name_words(g):
                    if (
                        words == other
                        or (
                            len(words) < len(other)
                            and (subsequence(words, other) or initials_of(words, other))
                        )
                        or short_given_name(words, other)
                        or misspelt(words, other)
                    ):
                        matches.append(g)
                        break
            target = matches[0] if matches else None
            if len(matches) > 1 and self.person_words(self.first_name(matches[0])) != words:
                target = self._most_named(words, matches)  # a name two people share ("Habibie", "Budi")
                if target is None:
                    self.add(("per?", " ".join(words)), "PER", m)
                    continue
            if target is None:
                self.add(("per", " ".join(words)), "PER", m)
            else:
                target.members.append(m)

    def _aliases(self, aliases: list[Member]) -> None:
        """ "M Hendra alias Indra Jepang": a nickname joins the person named before it."""
        for m in aliases:
            c = m.cand
            key = ("per", " ".join(self.person_words(bare_name(c, m.text))))
            target = next(
                (g for g in self.groups if g.label == "PER" and any(x is c.alias_of for x in g.cands)), None
            )
            target = target or self.by_key.get(key)
            if target is None:
                self.add(key, "PER", m)
                continue
            target.members.append(m)
            # the nickname written again on its own is the same person
            again = self.by_key.get(key)
            if again is not None and again is not target:
                target.members.extend(again.members)
                self.groups.remove(again)
                self.by_key[again.key] = target

    def _organisations(self, orgs: list[Member]) -> None:
        """Same name, or an acronym of a known one."""
        for m in orgs:
            name = org_name(m.cand, m.text, self.pack)
            # "Wilmar International Limited" and "Wilmar International Group" are one company
            key: tuple[str, ...] = ("org", " ".join(self.company_core(name)) or fold(name))
            if key not in self.by_key and is_acronym(name):
                for g in self.groups:
                    if g.label == "ORG" and self.initials(self.first_name(g)) == name.upper():
                        key = g.key
                        break
            self.add(key, "ORG", m)

    def company_core(self, name: str) -> list[str]:
        """The folded words of a company's name without its form words ("Group", "Limited")."""
        return [w for w in self.person_words(name) if w not in self.company_forms]

    def _companies_named_short(self) -> None:
        """ "Wilmar International Limited (Wilmar)", then "Wilmar menyampaikan": a name with no
        title that opens a company's name (its form words aside) is the company, not a person."""
        companies = [
            (g, self.company_core(self.first_name(g)))
            for g in self.groups
            if g.label == "ORG" and g.kind == "org" and len(self.person_words(self.first_name(g))) >= 2
        ]
        companies = [(g, core) for g, core in companies if core != self.person_words(self.first_name(g))]
        for g in [g for g in self.groups if g.kind == "per" and all(c.title is None for c in g.cands)]:
            words = self.person_words(self.first_name(g))
            target = next((c for c, core in companies if words and core[: len(words)] == words), None)
            if target is not None:
                target.members.extend(g.members)
                self.groups.remove(g)
                self.by_key[g.key] = target

    def _most_named(self, words: list[str], matches: list[Group]) -> Group | None:
        """Of several people a short name could be, the one the article names in full most often
        (BJ Habibie beside his nephew Rusli Habibie); on a tie the one named first, unless the
        others were named in the same sentence ("Budi Santoso dan Budi Arie": no telling)."""
        scored = []
        for g in matches:
            full = [
                m
                for m in g.members
                if m.in_body and len(self.person_words(bare_name(m.cand, m.text))) > len(words)
            ]
            first = min(full, key=lambda m: m.cand.i, default=None)
            scored.append((-len(full), first.cand.i if first else 1 << 30, g, first))
        scored.sort(key=lambda p: (p[0], p[1]))
        best, rest = scored[0], [p for p in scored[1:] if p[0] == scored[0][0]]
        if best[3] is None:
            return None
        x = best[3]
        for other in rest:
            if (
                other[3] is None
                or other[3].text is not x.text
                or x.text.sentence_of(other[3].cand.i) == x.text.sentence_of(x.cand.i)
            ):
                return None
        return best[2]
