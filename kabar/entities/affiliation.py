"""Countries for the actors an article names without one.

A person or organisation whose mentions and role phrases give no country takes it from the
article around it: in a domestic article (most actors and places of the pack's home country)
the home country, as the press of a country names its own people without saying where they are
from ("jaksa Burhanuddin", "Menteri Keuangan Purbaya"); elsewhere the country of the nearest
actor or place in the same sentence ("militer Israel menyebutkan nama tentara itu sebagai Sersan
Rotem Yanai"), else the article's main country when one country dominates it. The role read
from the article (a title, a lower-case role word before the name) is kept and completed:
`GOV` becomes `IDNGOV`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from kabar import cameo
from kabar.entities.codes import split_code
from kabar.entities.grouping import Group, Member
from kabar.entities.knowledge import Knowledge
from kabar.entities.text import Candidate, EntityText
from kabar.entities.titles import tied_to
from kabar.lang import LanguagePack
from kabar.model import Entity

# shares of the mentions that carry a country: an article is domestic when at least this share
# is the home country's; in a mixed one, an actor with no country nearby is the home country's
# from this share (the press names its own people without saying where they are from), else
# the main country's when that one has this share and more than any other
DOMESTIC_SHARE = 0.5
HOME_SHARE = 0.33
MAIN_SHARE = 0.4
# the nearest actor or place in the sentence counts only this many tokens away
NEAREST_WINDOW = 15
# the role of one who held an office before ("Mantan Presiden"): CAMEO's elites
FORMER_ROLE = "ELI"
OFFICE_PHRASE_MAX = 5  # words of a role phrase read back from a name for "mantan"/"calon"
# a person's country after the name counts only this near ("X asal Israel", "X dari Hamas"):
# further on it is what the person acts on ("Saddam Hussein membakar sumur minyak Kuwait")
PERSON_AFTER_WINDOW = 3
# sentences read back for the story an unplaced person belongs to, in an article of many countries
STORY_SENTENCES = 3
# the roles of the office holders who take that story's country: a state's ministers and officials
STORY_ROLES = frozenset({"GOV"})
# actors whose country says nothing of the people near them: outlets ("dilansir AFP")
NO_ANCHOR_ROLES = frozenset({"MED"})
# the group kind of a place only the model or a rule found (kabar.entities.grouping)
LOOSE_PLACE = "loc"
QUOTE_MARKS = frozenset({'"', "“", "”", "«", "»"})


@dataclass(frozen=True)
class Anchor:
    """A mention that carries a country."""

    text: EntityText
    i: int
    j: int
    sentence: int
    country: str
    group: int  # index of its group
    person: bool = False  # a person's mention: says nothing of another person's country
    body: bool = False  # an organisation's mention


def _acts_on(kb: Knowledge, t: EntityText, i: int, j: int) -> bool:
    """Is the country at token j the object of a verb right before it, after the name that ends at
    token i: what the person acts on ("Siti Nurbaya menilai Malaysia"), not where the person is from
    ("X asal Malaysia")? Not after a verb that ties the person to it ("memperkuat Portugal"); a
    country inside a longer object ("meminta agar pemerintah Solomon") still places him."""
    verb = t.folded[j - 1] if j - 1 >= i else ""
    return kb.grammar.is_verb_form(verb) and verb not in kb.words.member_verbs


def _quote_between(t: EntityText, i: int, j: int) -> int:
    """A quotation mark between two tokens puts them a window apart: what a speaker names in
    the words quoted says nothing of who the speaker is."""
    return NEAREST_WINDOW if any(t.folded[x] in QUOTE_MARKS for x in range(i, j)) else 0


def _hyphen_ordinal(t: EntityText, x: int, prefixes: AbstractSet[str]) -> bool:
    """Is token x part of an ordinal written with a hyphen ("Presiden RI ke-3 X": ke, -, 3)?"""
    f = t.folded
    return any(
        s >= 0 and s + 2 < t.n and f[s] in prefixes and f[s + 1] == "-" and f[s + 2].isdigit()
        for s in (x, x - 1, x - 2)
    )


def _retired_rank(t: EntityText, c: Candidate, marks: AbstractSet[str]) -> str | None:
    """The role of a retired officer whose rank is his title ("Letjen TNI (Purn) X"): that of an
    office named before the rank ("Kepala BSSN"), else the elites'; None if he is not one."""
    if c.title is None or c.title.kind != "rank" or c.name_i <= 0:
        return None
    lo = max(0, c.name_i - OFFICE_PHRASE_MAX - 2)
    if not any(t.folded[x] in marks for x in range(lo, c.name_i)):
        return None
    for x in range(c.name_i - 1, max(-1, lo - OFFICE_PHRASE_MAX), -1):
        hit = t.titles.get(x)
        if hit is not None and hit.title.kind == "office" and hit.title.role:
            return hit.title.role
    return FORMER_ROLE


def _apposed_body(g: Group, by_sentence: dict[tuple[int, int], list[Anchor]]) -> str | None:
    """The country of the body a person's first mention is set off from by a comma alone, where
    a description placed him in it ("Seorang pejabat di Kementerian Luar Negeri AS, John Smith",
    "Peneliti dari X, Y"): his own, even in a domestic article and with another country nearer on
    the other side ("..., John Smith mengecam Iran")."""
    firsts = [m for m in g.members if m.in_body]
    if not firsts:
        return None
    m = min(firsts, key=lambda m: m.cand.i)
    c, t = m.cand, m.text
    if c.i < 1 or t.folded[c.i - 1] != ",":
        return None
    for a in by_sentence.get((id(t), t.sentence_of(c.i)), ()):
        if a.body and a.j == c.i - 1:
            return a.country
    return None


def _told_before(g: Group, gi: int, by_sentence: dict[tuple[int, int], list[Anchor]]) -> str | None:
    """The one country of the actors and places of the last sentence before the group's first
    mention in the body that names any (None when it names more than one): an unplaced holder of
    a state office belongs to the story just told ("Kebakaran ... di Kenya ... . Menteri Dalam Negeri X
    mendesak ..."), not to the country the article names most (a roundup of the world's news)."""
    first = min((m for m in g.members if m.in_body), key=lambda m: m.cand.i, default=None)
    if first is None:
        return None
    t = first.text
    s = t.sentence_of(first.cand.i)
    for back in range(1, STORY_SENTENCES + 1):
        countries = {a.country for a in by_sentence.get((id(t), s - back), ()) if a.group != gi}
        if countries:
            return countries.pop() if len(countries) == 1 else None
    return None


class Affiliation:
    def __init__(self, kb: Knowledge, pack: LanguagePack):
        self.kb = kb
        self.home = pack.info.home_country

    def complete(self, groups: Sequence[Group], entities: Sequence[Entity]) -> None:
        """Give a country (and the actor code with it) to the people and organisations the
        article names without one."""
        anchors = self._anchors(groups, entities)
        shares = Counter(a.country for a in anchors)
        by_sentence: dict[tuple[int, int], list[Anchor]] = {}
        for a in anchors:
            by_sentence.setdefault((id(a.text), a.sentence), []).append(a)
        total = sum(shares.values()) or 1
        ranked = shares.most_common(2) + [("", 0), ("", 0)]
        # the article's main country: the most named, ahead of the next and with a large share
        main = ranked[0][0] if ranked[0][1] > ranked[1][1] and ranked[0][1] / total >= MAIN_SHARE else None
        home_share = shares[self.home] / total if self.home else 0.0
        person_ends = {
            (id(m.text), m.cand.j): gi for gi, g in enumerate(groups) if g.label == "PER" for m in g.members
        }
        for gi, (g, e) in enumerate(zip(groups, entities)):
            if g.kind == LOOSE_PLACE and not e.country:
                # a place no gazetteer knows (a road, a building, a district): where the article is
                e.country = self.home if home_share >= DOMESTIC_SHARE else self._nearest(g, gi, by_sentence)
                continue
            known = any(c.actor for c in g.cands)  # the knowledge base codes it: its code stays
            if e.type == "ORG" and e.country and e.actor_code == e.country and not known:
                # a body named with its country ("Aliansi BEM Seluruh Indonesia"): the role a word of
                # its own name gives it, which the country alone left out
                inside = self._role_inside(g, state_head_only=True)
                e.actor_code = cameo.compose_actor_code(e.country, inside) if inside else e.actor_code
            if e.type not in ("PER", "ORG") or e.country or not self._completable(e.actor_code):
                continue
            role = split_code(e.actor_code)[1] if e.actor_code else None
            role = role or self._role_before(g) or self._shared_role(g, groups, entities, person_ends)
            if g.label == "ORG" and role is None:
                continue  # a platform, a brand, a body of unknown kind: no actor of a country
            country = _apposed_body(g, by_sentence) if g.label == "PER" else None
            if country is None and home_share >= DOMESTIC_SHARE:
                country = self.home
            elif country is None:
                country = self._nearest(g, gi, by_sentence)
                if country is None and home_share < HOME_SHARE and g.label == "PER" and role in STORY_ROLES:
                    country = _told_before(g, gi, by_sentence)  # a roundup's story of another country
                if country is None:
                    country = self.home if home_share >= HOME_SHARE else main
            if country is None:
                e.actor_code = e.actor_code or role
                continue
            e.country = country
            e.actor_code = cameo.compose_actor_code(country, role)
        for g, e in zip(groups, entities):
            if g.label == "PER":
                self._office_not_held(g, e)

    def _office_not_held(self, g: Group, e: Entity) -> None:
        """A word before a person's office says it is not held now: a former holder is one of
        the elites ("Mantan Presiden X": ELI), a candidate keeps only the country ("Calon
        Pimpinan KPK X")."""
        words = self.kb.words
        marks = words.former_office | words.candidate_office | words.late_office | words.ordinal_office
        for m in g.members:
            t, i = m.text, m.cand.i
            # back over the capitalised role phrase before the name ("Calon Pimpinan KPK")
            k = i + 1
            while (
                k > 0
                and i - k < OFFICE_PHRASE_MAX
                and (
                    t.cap[k - 1]
                    or t.folded[k - 1] in marks
                    or _hyphen_ordinal(t, k - 1, words.ordinal_prefixes)
                )
            ):
                k -= 1
            said = {t.folded[x] for x in range(k, i + 1)}
            office = m.cand.title is not None and m.cand.title.kind != "honorific"
            title = m.cand.title
            own = m.cand.i < m.cand.name_i and title is not None and title.kind != "honorific"
            if not own and self._former_apposition(t, i):  # no rank or office of its own
                said, office = said | words.former_office, True
            if g.kind != "kb" and self._ordinal_office(t, m.cand, k, office):
                said = said | words.former_office
            retired = _retired_rank(t, m.cand, words.retired_rank)
            if retired is not None:
                role: str | None = retired
            elif said & words.former_office or (office and said & words.late_office):
                role = FORMER_ROLE
            elif said & words.candidate_office:
                role = None
            else:
                continue
            country = e.country or (split_code(e.actor_code)[0] if e.actor_code else None)
            if country:
                e.actor_code = cameo.compose_actor_code(country, role)
            return

    def _ordinal_office(self, t: EntityText, c: Candidate, k: int, office: bool) -> bool:
        """An ordinal in the office before the name ("Presiden Ketiga Indonesia X", "Presiden RI
        ketiga, X"): the person is one holder in a line, a former one unless the knowledge base
        knows him (its entries carry their own periods)."""
        ordinals, prefixes = self.kb.words.ordinal_office, self.kb.words.ordinal_prefixes
        phrase = range(k, max(c.i, c.name_i))
        # the ordinal after the office ("Presiden ketiga"), not before it ("hari pertama Presiden X")
        offices = [x for x in phrase if (h := t.titles.get(x)) is not None and h.title.kind == "office"]
        first = offices[0] if offices else None
        said = [x for x in phrase if x > first] if first is not None else []
        if any(t.folded[x] in ordinals or _hyphen_ordinal(t, x, prefixes) for x in said):
            return True
        if c.i < 2 or t.words[c.i - 1] != ",":
            return False
        before = range(c.i - 2, max(c.i - 2 - OFFICE_PHRASE_MAX, -1), -1)
        words = [x for x in before if t.is_word[x]]
        return any(t.folded[x] in ordinals or _hyphen_ordinal(t, x, prefixes) for x in words[:2]) and any(
            (hit := t.titles.get(x)) is not None and hit.title.kind == "office" for x in words
        )

    def _former_apposition(self, t: EntityText, i: int) -> bool:
        """ "mendiang Presiden RI keempat, Abdurrahman Wahid": an office after a former or late mark,
        set off by a comma before a name that has no office of its own ("mantan Deputi KPK, Irjen
        X" is a police general now; "keponakan almarhum, Y" is the late man's kin)."""
        words = self.kb.words
        marks = words.former_office | words.late_office
        if i < 2 or t.words[i - 1] != ",":
            return False
        last = i - 2
        if last >= 2 and t.words[last] == ")" and t.words[last - 2] == "(":
            last -= 3  # the office's short form in brackets ("mantan Ketua Komisi X (KX), Y")
        for x in range(last, max(last - OFFICE_PHRASE_MAX, -1), -1):
            if not t.is_word[x]:
                return False
            if t.folded[x] in marks:
                hit = t.titles.get(x + 1)
                return x + 1 < i - 1 and hit is not None and hit.title.kind != "honorific"
        return False

    @staticmethod
    def _completable(code: str | None) -> bool:
        """No code, or a role alone ("GOV"): an international body's code (IGOUNO) stays."""
        return code is None or (len(code) == 3 and cameo.is_role_code(code))

    def _anchors(self, groups: Sequence[Group], entities: Sequence[Entity]) -> list[Anchor]:
        out: list[Anchor] = []
        for gi, (g, e) in enumerate(zip(groups, entities)):
            if not e.country or (e.actor_code is None and e.type not in ("GPE", "LOC")):
                continue
            if e.actor_code and split_code(e.actor_code)[1] in NO_ANCHOR_ROLES:
                continue
            for m in g.members:
                if m.in_body:
                    c = m.cand
                    sentence = m.text.sentence_of(c.i)
                    out.append(
                        Anchor(m.text, c.i, c.j, sentence, e.country, gi, e.type == "PER", e.type == "ORG")
                    )
        return out

    def _nearest(self, g: Group, gi: int, by_sentence: dict[tuple[int, int], list[Anchor]]) -> str | None:
        """The country of the actor or place nearest to one of the group's mentions, in its
        sentence (the first mention that has one decides). A tie goes to the side where the
        language puts what qualifies the name: a person's role phrase before it ("militer
        Israel ... Sersan Rotem Yanai"), an organisation's country after it ("Badan Keamanan
        Dalam Negeri Polandia")."""
        for m in sorted((m for m in g.members if m.in_body), key=lambda m: m.cand.i):
            best = self._nearest_to(m, gi, by_sentence, after_first=g.label != "PER", kb=self.kb)
            if best is not None:
                return best
        return None

    @staticmethod
    def _nearest_to(
        m: Member,
        gi: int,
        by_sentence: dict[tuple[int, int], list[Anchor]],
        after_first: bool,
        kb: Knowledge,
    ) -> str | None:
        c, t = m.cand, m.text
        best: tuple[int, int, str] | None = None
        after_window = NEAREST_WINDOW if after_first else PERSON_AFTER_WINDOW
        for a in by_sentence.get((id(t), t.sentence_of(c.i)), ()):
            if a.group == gi or t.prev_word(a.i) in kb.words.locative:
                continue  # where something happens ("disandera di Lebanon") is nobody's country
            if a.person and not after_first:
                continue  # "Xanana ... makam Habibie": a person's neighbour is no sign of his country
            if a.j <= c.i and c.i - a.j <= NEAREST_WINDOW:
                key = (c.i - a.j + _quote_between(t, a.j, c.i), int(after_first))
            elif a.i >= c.j and a.i - c.j <= after_window and (after_first or not _acts_on(kb, t, c.j, a.i)):
                key = (a.i - c.j + _quote_between(t, c.j, a.i), int(not after_first))
            else:
                continue
            if key[0] <= NEAREST_WINDOW and (best is None or key < best[:2]):
                best = (key[0], key[1], a.country)
        return best[2] if best is not None else None

    def _shared_role(
        self,
        g: Group,
        groups: Sequence[Group],
        entities: Sequence[Entity],
        person_ends: dict[tuple[int, int], int],
    ) -> str | None:
        """The role of the person named right before, joined by "dan", when a role phrase
        introduces both: "dua komandan senior Hamas, Mohammed Odeh dan Ezzeddin al-Haddad"."""
        if g.label != "PER":
            return None
        for m in g.members:
            t, c = m.text, m.cand
            if c.i < 2 or t.folded[c.i - 1] not in self.kb.words.connectors:
                continue
            other = person_ends.get((id(t), c.i - 1))
            if other is None or not any(x.role_phrase for x in groups[other].cands):
                continue
            code = entities[other].actor_code
            return split_code(code)[1] if code else None
        return None

    def _role_before(self, g: Group) -> str | None:
        """The role the article gives the actor with no role yet: a title or role word written
        right before a mention, lower case too ("kata jaksa Burhanuddin", "pengusaha Made
        Oka"), else, for an organisation, a role word or company form inside its name
        ("Aliansi Pemuda Mahasiswa", "PT Salim Ivomas Pratama Tbk")."""
        kb = self.kb
        for m in g.members:
            t, c = m.text, m.cand
            for start, hit in t.titles.items():
                if (
                    hit.end == c.i
                    and start < c.i
                    and hit.title.kind != "honorific"
                    and hit.title.role
                    and not tied_to(kb, t, c.j, hit.title.surface)  # "Keponakan X, Y": Y's title
                    # an office any body has ("Ketua Umum X") says nothing of what body X is
                    and not (g.label == "ORG" and kb.key(hit.title.surface) in kb.words.offices_of_any_body)
                ):
                    return hit.title.role
            for n in range(min(kb.role_max, c.i), 0, -1):
                word = kb.roles.get(t.key(c.i - n, c.i))
                if (
                    word is not None
                    and word.role
                    and all(t.is_word[c.i - n : c.i])
                    and not tied_to(kb, t, c.j, t.span(c.i - n, c.i))
                ):
                    return word.role
        if g.label == "ORG":
            return self._role_inside(g)
        return None

    def _role_inside(self, g: Group, state_head_only: bool = False) -> str | None:
        """The role of a role word or company form inside the body's name. With `state_head_only`,
        a state role counts only at the head: a body named after the organ it watches ("Forum
        Masyarakat Peduli Parlemen") is none of it."""
        kb = self.kb
        for m in g.members:
            t, c = m.text, m.cand
            if any(t.folded[x] in kb.words.company_forms for x in range(c.i, c.j)):
                return "BUS"
            for x in range(c.i, c.j):
                hit = t.lookup(kb.roles, kb.role_max, x)
                if hit is None or hit[0] > c.j or not hit[1].role:
                    continue
                if state_head_only and x > c.i and hit[1].role in cameo.STATE_ROLES:
                    continue
                return hit[1].role
        return None
