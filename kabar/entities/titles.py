"""Rules on titles and role phrases: "Mayjen. Bagheri", "Menteri Pertahanan Rusia, Sergei Shoigu",
"Vladimir Evseev, Direktur Eksekutif Institut CIS Rusia"."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from rapidfuzz import fuzz

from kabar.entities.codes import split_code
from kabar.entities.knowledge import Knowledge, Title, fold, is_acronym
from kabar.entities.text import Candidate, EntityText, TitleHit

FUZZY_TITLE_CUTOFF = 88.0
MIN_BODY_ACRONYM = 3  # letters of a short name read as a body between a title and a name
ROMAN = re.compile(r"[IVXLCDM]+")  # "PTPN III": a numeral, not a body
# the roles of armed groups that are no state's forces: their commanders and spokesmen take them
ARMED_NON_STATE_ROLES = frozenset({"REB", "SEP", "INS", "UAF"})
# titles that name a relation to someone (kin, a lawyer): civilians, whoever the other person is
RELATION_ROLES = frozenset({"CVL"})


@dataclass
class TitleChain:
    """Titles right before a name, possibly with a country or organisation between them."""

    start: int
    title: Title | None = None
    surface: str | None = None
    between: int | None = None  # where a country or organisation starts, if one is there


@dataclass
class RolePhrase:
    """What a role phrase says: its text (title typos corrected), role and country."""

    text: str
    role: str | None = None
    country: str | None = None
    first_title: Title | None = None
    org_code: str | None = None
    org_role: str | None = None  # the role of an organisation named in the phrase
    word_role: str | None = None  # the role of a role word in the phrase ("militer")


class TitleRules:
    def __init__(self, kb: Knowledge):
        self.kb = kb
        # lower-case words that may stand inside a role phrase ("kantor kepresidenan")
        self.role_words = {w for key in kb.roles for w in key}
        self.date: str | None = None  # the article's date (ISO), set for each text

    def title_at(self, t: EntityText, i: int) -> TitleHit | None:
        """The title starting at token i, typos tolerated."""
        kb = self.kb
        if not t.is_word[i]:
            return None
        hit = t.lookup(kb.titles, kb.title_max, i)
        best = TitleHit(hit[0], hit[1], t.span(i, hit[0])) if hit is not None else None
        if best is None or best.end - i == 1:
            best = self._fuzzy_title(t, i) or best
        if kb.title_prefix_max and (best is None or best.title.kind == "office"):
            best = self._cut_short_title(t, i, best) or best
        if best is None:
            return None
        end, title, surface = best
        # "Mayjen.", "Irjen Pol.": the abbreviation's full stop belongs to the title (a rank ends
        # in one, its branch abbreviated; an office of several words ends a sentence there)
        abbreviated = end - i == 1 or title.kind == "rank"
        if end < t.n and t.words[end] == "." and abbreviated and title.canonical != title.surface:
            end += 1
        return TitleHit(end, title, surface)

    def _fuzzy_title(self, t: EntityText, i: int) -> TitleHit | None:
        fuzzy = self.kb.title_fuzzy.get(t.folded[i])
        if not fuzzy:
            return None
        top: tuple[float, int, Title] | None = None
        for n, tail, title in fuzzy:
            if i + n > t.n or not all(t.is_word[i + 1 : i + n]):
                continue
            if t.cap[i] and not all(t.cap[i + 1 : i + n]):
                continue
            score = fuzz.ratio(" ".join(t.folded[i + 1 : i + n]), tail)
            if score >= FUZZY_TITLE_CUTOFF and (top is None or (score, n) > (top[0], top[1])):
                top = (score, n, title)
        if top is not None and top[1] > 1:
            return TitleHit(i + top[1], top[2], top[2].surface)
        return None

    def _cut_short_title(self, t: EntityText, i: int, best: TitleHit | None) -> TitleHit | None:
        """A longer office title cut short: "Menteri Pendayagunaan Aparatur"."""
        kb = self.kb
        low = best.end - i + 1 if best is not None else 2
        for n in range(min(kb.title_prefix_max, t.n - i), low - 1, -1):
            prefix = kb.title_prefixes.get(t.key(i, i + n))
            if prefix is not None and all(t.cap[i + 1 : i + n]):
                return TitleHit(i + n, prefix, t.span(i, i + n))
        return None

    def capitalised(self, t: EntityText, i: int, j: int) -> bool:
        """A title written as one: its words after the first capitalised ("menteri Luar Negeri" is)."""
        if j - i == 1 or not t.is_word[i + 1]:
            return t.cap[i]
        return all(
            t.cap[k] or not t.is_word[k] or t.folded[k] in self.kb.words.connectors or t.words[k].isdigit()
            for k in range(i + 1, j)
        )

    def chain_before(
        self,
        t: EntityText,
        k: int,
        gaz_end: Mapping[int, Candidate],
        orgs_at: Mapping[int, Candidate],
        bodies: Mapping[int, list[tuple[int, Candidate]]],
    ) -> TitleChain:
        """Titles directly before token k, possibly with a country or organisation in between
        (`bodies`: gaz_end's and orgs_at's GPE and ORG items, in that order, by the token they end
        before): "Presiden Rusia Vladimir Putin", "Juru Bicara Kementerian Luar Negeri China X"."""
        ends = t.title_ends()
        x = self._before_parenthesis(t, k)
        inner = ends.get(k - 1) if x != k and x not in ends else None
        if inner is not None and inner[0] == x + 1:
            # a long office written out with commas, then its short title in brackets: "Menteri
            # Riset, Teknologi, dan Pendidikan Tinggi (Menristekdikti) X" is the bracketed title's
            return TitleChain(k, inner[1], inner[2])
        between = None
        if x not in ends:
            for start, c in bodies.get(x, ()):
                if (posted := posted_from(self.kb, t, start, {**gaz_end, **orgs_at}, ends)) is not None:
                    between = x = posted  # right after a title, or past a posting
                    break
                lower = _lower_title_ending(t, start)
                if lower is not None:
                    # "tim negosiator Taliban Sher Mohammad": a lower-case office before the body
                    # names the person's role, never part of the mention
                    ends = {**ends, start: lower}
                    between = x = start
                    break
                # the organisation overlaps the title: "Wakil Ketua MPR" + "MPR RI" + name
                inside = [e for e, (i, _, _) in ends.items() if i < start < e <= c.j]
                if inside:
                    between, x = start, inside[0]
                    break
        if x not in ends and (x := _past_acronym(self.kb, t, x, ends)) not in ends:
            return TitleChain(k)
        if x != k and between is None:
            between = x  # the bracketed name stays out of the person's mention
        chain: list[tuple[int, Title, str]] = []
        while x in ends:
            chain.append(ends[x])
            x = ends[x][0]
        chain.reverse()
        # "Putra Sulung Presiden Joko Widodo": a relation (the son, the lawyer) before another
        # title is someone else's, the title after it is the name's own
        relations = [p for p, c in enumerate(chain[:-1]) if c[1].role in RELATION_ROLES]
        if relations:
            chain = chain[relations[-1] + 1 :]
            between = None if between is not None and between < chain[0][0] else between
        main = next((c for c in chain if c[1].kind != "honorific"), chain[0])
        return TitleChain(chain[0][0], main[1], main[2], between)

    @staticmethod
    def _before_parenthesis(t: EntityText, k: int) -> int:
        """Where the phrase before token k ends, past a short name in brackets right before it:
        "Menteri Keuangan Amerika Serikat (AS) Scott Bessent", "Ketua Badan Legislasi (Baleg)
        Supratman"."""
        if k < 3 or t.words[k - 1] != ")":
            return k
        for x in range(k - 2, max(k - 6, 0), -1):
            if t.words[x] == "(":
                return x if x > 0 and all(t.cap[y] for y in range(x + 1, k - 1) if t.is_word[y]) else k
            if not t.is_word[x] and t.words[x] not in ("-", "."):
                return k
        return k

    def phrase_start(self, t: EntityText, comma: int) -> int | None:
        """Start of a role phrase that ends at a comma before a name, or None."""
        words = self.kb.words
        x = _past_short_name(t, comma, self._before_parenthesis(t, comma)) - 1
        lo = comma
        while x >= 0:
            if t.is_word[x] and (
                t.cap[x]
                or t.folded[x] in words.connectors
                or t.words[x][:1].isdigit()
                or t.folded[x] in self.kb.title_words
                or t.folded[x] in self.role_words
            ):
                if (
                    t.cap[x]
                    and t.folded[x] in words.function_words
                    and x not in t.titles
                    and not self._inside_name(t, x)
                ):
                    break
                lo = x
                if t.initial[x]:
                    break
                x -= 1
            else:
                break
        for s in range(lo, comma):
            if s in t.titles and t.titles[s].title.kind != "honorific":
                return s
        return None

    @staticmethod
    def _inside_name(t: EntityText, x: int) -> bool:
        """A capitalised word inside a place's or a body's name ("Korea Selatan", "Pengawasan
        Ruang Digital"), not one that opens a clause ("Menurut", "Saat")."""
        if any(s <= x < hit.end for s, hit in t.gaz.items()):
            return True
        return x > 0 and not t.initial[x] and t.is_word[x - 1] and t.cap[x - 1]

    def phrase_end(self, t: EntityText, s: int) -> int:
        x = s
        last = s
        while x < t.n:
            if t.is_word[x] and (t.cap[x] or t.words[x][:1].isdigit()):
                x += 1
                last = x
            elif (
                t.is_word[x] and t.folded[x] in self.kb.words.connectors and x + 1 < t.n and t.cap[x + 1]
            ) or (t.words[x] == "-" and x + 1 < t.n and t.cap[x + 1]):
                x += 1
            elif x > s and t.folded[x] in self.kb.words.locative:
                # "Direktur Advokasi di kelompok Hak Asasi Manusia DAWN": where the office is
                y = x + 1
                while y < t.n and t.is_word[y] and not t.cap[y] and t.folded[y] in self.role_words:
                    y += 1
                if y == x + 1 or y >= t.n or not t.cap[y]:
                    break
                x = y
            else:
                break
        return last

    def read_phrase(
        self,
        t: EntityText,
        s: int,
        e: int,
        gaz_end: Mapping[int, Candidate],
        orgs_at: Mapping[int, Candidate],
    ) -> RolePhrase:
        """Read a role phrase t[s:e]: its text (title typos corrected), role and country."""
        parts: list[str] = []
        pos = t.starts[s]
        x = s
        out = RolePhrase("")
        title_country = None  # weakest: "KSAD Kanada" is Canada's, though KSAD alone is Indonesian
        while x < e:
            if x in t.titles:
                end, title, surface = t.titles[x]
                end = min(end, e)
                parts.append(t.text[pos : t.starts[x]])
                parts.append(surface if fold(surface) != fold(t.span(x, end)) else t.span(x, end))
                pos = t.ends[end - 1]
                if out.first_title is None and title.kind != "honorific":
                    out.first_title = title
                    out.role = out.role or title.role
                title_country = title_country or title.country
                x = end
                continue
            g = gaz_end.get(x) or orgs_at.get(x)
            if g is not None and g.j <= e:
                self._read_named(g, out, self._company(t, g))
                x = g.j
                continue
            rw = t.lookup(self.kb.roles, self.kb.role_max, x)
            if rw is not None and rw[0] <= e:
                out.role = out.role or rw[1].role
                out.word_role = out.word_role or rw[1].role
                out.country = out.country or rw[1].country
                x = rw[0]
                continue
            x += 1
        parts.append(t.text[pos : t.ends[e - 1]])
        out.country = out.country or title_country
        out.text = "".join(parts).strip(" ,")
        return out

    def _company(self, t: EntityText, g: Candidate) -> bool:
        """An organisation named with a company form ("Biomorf Lone LLC", "Salim Ivomas Tbk")."""
        return any(t.folded[x] in self.kb.words.company_forms for x in range(g.i, g.j))

    def _read_named(self, g: Candidate, out: RolePhrase, company: bool = False) -> None:
        """A country, place or organisation inside a role phrase."""
        if g.iso3 or g.label == "GPE":
            out.country = out.country or g.country
        elif g.label in {"ORG", "PER"}:
            if g.actor is not None:
                out.country = out.country or g.actor.country
                if g.actor.country is None and g.actor.code:
                    out.org_code = out.org_code or g.actor.code  # "Presiden Komisi Eropa"
            out.country = out.country or g.country
            if g.label == "ORG":
                code = g.actor.at(self.date)[0] if g.actor is not None else None
                role = g.role or (split_code(code)[1] if code else None) or ("BUS" if company else None)
                out.role = out.role or role
                out.org_role = out.org_role or role

    def _of_any_body(self, title: Title) -> bool:
        """An office that any kind of body has (Ketua Umum, Juru Bicara): its role is the body's."""
        return self.kb.key(title.surface) in self.kb.words.offices_of_any_body

    def apply_phrase(
        self,
        t: EntityText,
        s: int,
        e: int,
        cand: Candidate,
        gaz_end: Mapping[int, Candidate],
        orgs_at: Mapping[int, Candidate],
    ) -> None:
        """Give `cand` what the role phrase t[s:e] says."""
        if e <= s:
            return
        phrase = self.read_phrase(t, s, e, gaz_end, orgs_at)
        if phrase.org_code:
            cand.org_code = cand.org_code or phrase.org_code
        if cand.role_phrase is None:
            cand.role_phrase = phrase.text
        first = phrase.first_title
        if first is not None and cand.title is None:
            cand.title, cand.title_surface = first, first.surface
        cand.role = phrase.role if phrase.role is not None else (first.role if first else cand.role)
        # a head-of-phrase title with no role (Direktur, Wakil Ketua) takes the role of the
        # organisation it heads ("Wakil Ketua KPK" -> GOV), else the phrase gives no role
        if first is not None and first.role is None:
            cand.role = phrase.org_role or phrase.word_role
        elif phrase.org_role and first is not None and self._of_any_body(first):
            cand.role = phrase.org_role  # "Ketua Umum PBNU" chairs a religious body, not a party
        elif phrase.word_role and first is not None and self._of_any_body(first):
            cand.role = phrase.word_role  # "juru bicara militer Israel" speaks for the military
        elif phrase.org_role in ARMED_NON_STATE_ROLES:
            cand.role = phrase.org_role  # "komandan senior Hamas" is a rebel, not an army officer
        cand.country = phrase.country or cand.country


def _lower_title_ending(t: EntityText, end: int) -> tuple[int, Title, str] | None:
    """The lower-case office ending at token `end` ("negosiator", "komandan"), if any; its
    first word may be capitalised by the sentence alone ("Juru bicara KPK X mengatakan")."""
    for i, hit in t.titles.items():
        if hit.end != end or hit.title.kind != "office":
            continue
        if not t.cap[i] or (t.initial[i] and hit.end - i > 1 and not any(t.cap[i + 1 : hit.end])):
            return i, hit.title, hit.surface
    return None


def _past_short_name(t: EntityText, comma: int, bracket: int) -> int:
    """Where a role phrase before a comma ends, past a short name in brackets when that name
    follows a title or a known name ("Menteri Perhubungan (Menhub), X", "Ketua Majelis Ulama
    Indonesia (MUI), X"); a name in brackets after a person's or a list item's name ("Hakim Ziyech
    (Noa Lang), X") leaves the phrase where it is."""
    if bracket == comma:
        return comma
    hits = list(t.titles.values()) + list(t.gaz.values())
    return bracket if any(hit.end == bracket for hit in hits) else comma


def _past_acronym(kb: Knowledge, t: EntityText, x: int, ends: Mapping[int, tuple[int, Title, str]]) -> int:
    """Where the phrase before token x ends, past an organisation's short name no gazetteer
    knows between a title and the name ("Ketua BNP2TKI Nusron Wahid"): the short name is the
    body the title heads, not a word of the person's name. Not after an office any body has
    ("Ketua Umum AWPK X"): its role is the body's, which no one knows here."""
    a = x - 1
    if a not in ends or kb.key(ends[a][1].surface) in kb.words.offices_of_any_body:
        return x  # (no title before x: nothing to pass)
    y = x
    while y < t.n and t.capitalised_word(y) and y not in t.titles:
        y += 1
    if y > x and y in t.titles:
        return x  # "Kepala RSPAD Gatot Subroto Dr Terawan": the words go on the body's name
    w = t.words[a] if a >= 1 else ""
    short = t.is_word[a] and is_acronym(w) and len(w) >= MIN_BODY_ACRONYM and not ROMAN.fullmatch(w)
    # the name after it starts with a word, not a numeral or another short name ("PTPN III X")
    return a if short and a in ends and x < t.n and not is_acronym(t.words[x]) else x


def posted_from(
    kb: Knowledge,
    t: EntityText,
    start: int,
    gaz_end: Mapping[int, Candidate],
    ends: Mapping[int, tuple[int, Title, str]],
) -> int | None:
    """Where the country or body at `start` that a title before it names begins: at `start`
    right after a title; past a posting, the title's own country: a title, its country, a posting
    word (entities.yaml `posting_before`), the place ("Konsul Jenderal RI untuk Hong Kong" is
    Indonesia's consul)."""
    if start in ends:
        return start
    p = start - 1
    member = p >= 1 and t.folded[p] in kb.words.member_of  # "Anggota DPR dari Fraksi PAN X"
    if p < 1 or not (t.folded[p] in kb.words.posting or member):
        return None
    if member and p in ends:
        return p  # "Anggota DPR dari Fraksi PAN X": the title itself names the body
    labels = ("GPE", "ORG") if member else ("GPE",)
    found = next((i for i, c in gaz_end.items() if c.j == p and c.label in labels and i in ends), None)
    if found is None and member:
        # "Anggota Komisi III DPR dari Fraksi PDI-P X": the title ends inside the body's name
        bodies = [i for i, c in gaz_end.items() if c.j == p and c.label == "ORG"]
        found = next((e for e, v in ends.items() for i in bodies if v[0] <= i < e < p), None)
    return found


def tied_to(kb: Knowledge, t: EntityText, j: int, title: str, between: object = None) -> bool:
    """ "Sekretaris Pribadi BJ Habibie, Rubijanto": a title of a tie to another person, right
    before the name t[..j], with a name set off by a comma after it, is that other person's."""
    return (
        between is None
        and kb.key(title) in kb.words.relation_titles
        and j + 1 < t.n
        and t.words[j] == ","
        and t.capitalised_word(j + 1)
        and (j + 1) not in t.titles
    )
