"""People: capitalised name runs with evidence that they name a person, a rank or office before
them ("Mayjen Bagheri"), a role phrase in apposition ("Menteri Pertahanan Rusia, Sergei Shoigu";
"Vladimir Evseev, Direktur Eksekutif ..."), a speech verb ("kata Vladimir Evseev"), the knowledge
base, or the statistical model."""

from __future__ import annotations

import bisect
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from kabar import geo
from kabar.entities.codes import split_code
from kabar.entities.knowledge import Knowledge, Words, fold, is_acronym
from kabar.entities.text import Candidate, EntityText, ModelSpan, TitleHit
from kabar.entities.titles import TitleChain, TitleRules, tied_to

MAX_NAME_TOKENS = 6
HYPHENS = frozenset({"-", "‑"})
NAME_JOINERS = frozenset({"-", "'", "’"})
CLOSING_QUOTES = frozenset({'"', "”", "“", "'", "’"})


@dataclass
class PersonContext:
    """What the person rules read besides the tokens: the candidates found so far."""

    gaz_end: Mapping[int, Candidate]  # gazetteer candidates by first token
    orgs_at: Mapping[int, Candidate]  # head-word organisations by first token
    kb_people: dict[int, Candidate]  # known people by first token
    taken: Collection[int]  # tokens other candidates hold
    model_per: list[tuple[int, int]]  # the model's PER spans
    used: set[int] = field(default_factory=set)
    out: list[Candidate] = field(default_factory=list)

    def __post_init__(self) -> None:
        # for model_vouches: the furthest end of a PER span over each token, and the spans' starts
        self._reach: dict[int, int] = {}
        for a, b in self.model_per:
            for x in range(a, b):
                self._reach[x] = max(self._reach.get(x, b), b)
        self._model_starts = sorted(a for a, _ in self.model_per)
        # the gazetteer's and head words' countries and bodies by the token they end before
        self.bodies_before: dict[int, list[tuple[int, Candidate]]] = {}
        for start, c in (*self.gaz_end.items(), *self.orgs_at.items()):
            if c.label in {"GPE", "ORG"}:
                self.bodies_before.setdefault(c.j, []).append((start, c))

    def model_vouches(self, k: int, j: int) -> bool:
        """A PER span of the model holds the name t[k:j] or starts inside it."""
        if j <= k:
            return any(a <= k and j <= b for a, b in self.model_per)
        if self._reach.get(k, -1) >= j:
            return True
        s = bisect.bisect_left(self._model_starts, k)
        return s < len(self._model_starts) and self._model_starts[s] < j


def _police_before(x: int, ctx: PersonContext) -> Candidate | None:
    for c in (*ctx.gaz_end.values(), *ctx.orgs_at.values()):
        code = c.actor.code if c.actor is not None else None
        role = c.role or (split_code(code)[1] if code else None)
        if c.j == x and role == "COP":
            return c
    return None


def _in_apposition(
    t: EntityText, i: int, start: int, comma: int, ctx: PersonContext, words: Words, own_title: bool
) -> bool:
    """The role phrase t[start:comma] is the office of the person named at token i (`own_title`:
    with a title of his own before his name): it ends no other person's name, and it is no court
    document's author ("Dalam dakwaan jaksa KPK, X disebut ...": X is the accused; entities.yaml
    `document_nouns`), nor the press a person spoke to ("Kepada wartawan, X menyinggung ...":
    entities.yaml `audience_nouns`)."""
    if t.key(start, comma) in words.audience_nouns and t.prev_word(start) in words.audience_before:
        return False
    listed = _person_after_person(t, i, start, comma, ctx, own_title)
    return not listed and t.prev_word(start) not in words.document_nouns


def _titled_next(t: EntityText, s: int, ctx: PersonContext) -> bool:
    """Do the titles from token s on head another person's name: a known person, or a name
    after a rank ("..., Kapolri Jenderal Pol Tito Karnavian", "..., Kapolda Irjen X")?"""
    k, rank = s, False
    while k in t.titles:
        rank = rank or t.titles[k].title.kind == "rank"
        k = t.titles[k].end
    return k in ctx.kb_people or (rank and t.capitalised_word(k))


def _named_so_far(ctx: PersonContext) -> tuple[Candidate, ...]:
    """The names read so far: people found, gazetteer names and known people."""
    return (*ctx.out, *ctx.gaz_end.values(), *ctx.kb_people.values())


def list_tail(t: EntityText, start: int, comma: int, ctx: PersonContext, words: Words) -> int:
    """Where the last item of a list of titled people starts, in a role phrase before a comma
    ("Presiden Bulgaria Rumen Radev dan Perdana Menteri Bulgaria, Boyko Borissov": "Perdana
    Menteri Bulgaria"), else `start`: the people listed before hold no office of the name after
    the comma (with "Presiden Turki X dan Presiden Iran Y, Putin" Putin was coded TURGOV)."""
    tails = [
        c.j + 1
        for c in _named_so_far(ctx)
        if c.label == "PER"
        and start <= c.i
        and c.j + 1 < comma
        and t.folded[c.j] in words.connectors
        and (c.j + 1) in t.titles
    ]
    return max(tails, default=start)


def _own_title(kb: Knowledge, t: EntityText, k: int, j: int, chain: TitleChain, ctx: PersonContext) -> bool:
    """Is the title run before the name t[k:j] the person's own? Not a tie to another person's,
    and not the last words of a known organisation's name that ends right before the person's
    ("Kepala Kantor Staf Presiden Budi Santoso": "Presiden" is the office's, not hers)."""
    if chain.title is None or tied_to(kb, t, j, chain.title.surface, chain.between):
        return False
    return not any(c.label == "ORG" and c.i < chain.start < c.j == k for c in ctx.gaz_end.values())


def _head_start(t: EntityText, k: int, j: int) -> int:
    """Where the organisation's name starts when a role head that a title cut in two holds
    it: after "Anggota Komisi" (a title) the name is "Komisi III", not "III"."""
    for h, (end, _rw) in t.heads.items():
        if h < k < end and end <= j:
            return h
    return k


def _person_after_person(
    t: EntityText, i: int, start: int, x: int, ctx: PersonContext, own_title: bool
) -> bool:
    """A person after a comma that ends another titled person's name, the role phrase being that
    other person's: one with a title of his own, in a list of officials ("Panglima TNI Hadi
    Tjahjanto, Kapolri Tito Karnavian"), or a known person ("telepon dengan Raja Yordania Abdullah,
    Merkel menekankan": Merkel keeps her own country). An unknown name there, or a phrase of two
    offices, may still name an office or kin of the person before ("Juru bicara Guterres, Stephane
    Dujarric", "Putra Sulung Presiden Joko Widodo, Gibran")."""
    if not any(c.j == x and c.label == "PER" for c in _named_so_far(ctx)):
        return False
    if own_title:
        return True
    if i not in ctx.kb_people:
        return False
    offices = [s for s in range(start, x) if s in t.titles and t.titles[s].title.kind != "honorific"]
    # a capitalised word before the office opens a longer phrase ("Putra Sulung Presiden")
    return len(offices) == 1 and (start == 0 or not t.cap[start - 1])


class PersonRules:
    def __init__(self, kb: Knowledge, titles: TitleRules):
        self.kb = kb
        self.titles = titles
        self.not_names = {kb.key(w) for w in kb.cues.not_names}
        self.not_name_max = max((len(k) for k in self.not_names), default=0)

    def holds_not_name(self, t: EntityText, k: int, j: int) -> bool:
        """A holiday or feast inside the run ("menyambut Idul Adha"): no name."""
        return any(
            t.key(x, x + n) in self.not_names
            for x in range(k, j)
            for n in range(1, min(self.not_name_max, j - x) + 1)
        )

    def name_run(self, t: EntityText, k: int, taken: Collection[int], titles: Mapping[int, TitleHit]) -> int:
        """End of the capitalised name run starting at token k (k itself if none)."""
        words = self.kb.words
        j = k
        count = 0
        while j < t.n and count < MAX_NAME_TOKENS and j not in taken:
            w = t.words[j]
            if t.is_word[j] and t.cap[j]:
                if j == k and t.folded[j] in words.function_words:
                    break
                if j > k and (j in titles or j in t.title_tokens) and not rank_inside_name(self.kb, t, k, j):
                    break
                j += 1
                count += 1
                if j < t.n and t.words[j] == "." and len(w) == 1:
                    j += 1  # an initial: "A. Muhaimin"
            elif j > k and t.is_word[j] and t.folded[j] in words.particles and j + 1 < t.n and t.cap[j + 1]:
                j += 1
            elif j > k and t.is_word[j] and t.folded[j] in words.particles and _hyphen_joined(t, j):
                j += 3  # "al-Burhan", "el-Sisi": a particle joined by a hyphen
                count += 1
            elif j > k and w in NAME_JOINERS and j + 1 < t.n and t.is_word[j + 1] and self._glued(t, j):
                j += 2  # "Jean-Yves", "Jong-un", "Chang-joon", "O'Brien"
                count += 1
            else:
                break
        # trailing function words or particles never end a name (a hyphened part does: "Moon Jae-in")
        while (
            j > k
            and not (j - k >= 3 and t.words[j - 2] in NAME_JOINERS and self._glued(t, j - 2))
            and (
                (t.folded[j - 1] in words.function_words and not capitalised_last_name(t, k, j))
                or t.folded[j - 1] in words.particles
                or not t.is_word[j - 1]
            )
        ):
            j -= 1
        return j

    @staticmethod
    def _glued(t: EntityText, j: int) -> bool:
        """Token j touches the tokens on both sides."""
        return t.starts[j] == t.ends[j - 1] and t.ends[j] == t.starts[j + 1]

    def candidates(self, t: EntityText, ctx: PersonContext) -> list[Candidate]:
        heads = sorted({*t.cap_words, *ctx.kb_people})  # where a name may start: visited alone
        k = 0
        while (h := bisect.bisect_left(heads, k)) < len(heads):
            k = heads[h]
            known = ctx.kb_people.get(k)
            if known is not None:
                cand, j = known, known.j
                self._evidence(t, k, j, cand, "kb", ctx)
                k = j
                continue
            skip = not (t.is_word[k] and t.cap[k]) or k in ctx.taken or k in ctx.used or k in t.title_tokens
            if skip or speech_verb(t, k, self.kb.words):
                k += 1
                continue
            j = self.name_run(t, k, ctx.taken, t.cap_titles)
            if j <= k:
                k += 1
                continue
            if j - k >= 3 and is_acronym(t.words[k]) and t.capitalised_word(k + 1):
                k += 1  # "BBC Michael Cole", "PDIP Hasto Kristiyanto": the person after the acronym
            after = ctx.kb_people.get(j)
            family = None
            if after is not None and after.j - after.i == 1 and not t.initial[k]:
                if same_given_name(t, k, after):
                    # "Michael Richard Pompeo": given names before a known surname
                    after.i = after.name_i = k
                    ctx.kb_people[k] = after
                    continue
                family, j = "kb", after.j  # "Lara Trump": a known surname, another of the family
            cand = Candidate(k, j, "PER", "rule", name=t.span(k, j), name_i=k)
            evidence = self._evidence(t, k, j, cand, None, ctx) or family
            if evidence == "model":
                k = self._trim_common_start(t, k, j, cand)
            elif evidence is not None and j - k >= 3:
                k = self._trim_office_words(t, k, j, cand)
            if evidence is not None:
                j = self._emit(t, k, j, cand, evidence, ctx)
            k = j
        return ctx.out

    def _evidence(
        self, t: EntityText, k: int, j: int, cand: Candidate, evidence: str | None, ctx: PersonContext
    ) -> str | None:
        """Why t[k:j] is a person (None if nothing says so); reads the titles and role
        phrases around the name into `cand`."""
        titles, words = self.titles, self.kb.words
        chain = titles.chain_before(t, k, ctx.gaz_end, ctx.orgs_at, ctx.bodies_before)
        if chain.title is not None and _own_title(self.kb, t, k, j, chain, ctx):
            evidence = "title"
            cand.title, cand.title_surface = chain.title, chain.surface
            if chain.between is None:
                cand.i = chain.start  # the mention keeps its rank: "Mayjen Bagheri"
            else:
                titles.apply_phrase(t, chain.start, cand.name_i, cand, ctx.gaz_end, ctx.orgs_at)
            police = _police_before(chain.start, ctx) if chain.title.role == "MIL" else None
            if police is not None and cand.role_phrase is None:
                # a general's rank after a police body is a police general: "Mabes Polri
                # Brigadir Jenderal X", "Polda Metro Jaya Brigjen X" (the ranks are shared)
                cand.role_phrase, cand.role = police.name, "COP"
        # a role phrase and a comma before: "Menteri Pertahanan Rusia, Sergei Shoigu"
        comma = cand.i - 1
        if comma >= 0 and t.words[comma] == ",":
            start = titles.phrase_start(t, comma)
            start = list_tail(t, start, comma, ctx, words) if start is not None else None
            own_title = evidence == "title"
            if start is not None and _in_apposition(t, cand.i, start, comma, ctx, words, own_title):
                evidence = evidence or "apposition"
                titles.apply_phrase(t, start, comma, cand, ctx.gaz_end, ctx.orgs_at)
        # a role phrase after: "Vladimir Evseev, Direktur Eksekutif Institut CIS Rusia"
        if (
            j + 1 < t.n
            and t.words[j] == ","
            and (j + 1) in t.titles
            and t.titles[j + 1].title.kind != "honorific"
        ):
            end = titles.phrase_end(t, j + 1)
            evidence = evidence or "apposition"
            # the next person's title in a list ("Panglima TNI X, Kapolri Y"), a name after it
            if cand.role_phrase is None and not _titled_next(t, j + 1, ctx):
                titles.apply_phrase(t, j + 1, end, cand, ctx.gaz_end, ctx.orgs_at)
        if evidence is None and t.prev_word(k) in words.speech_before and not t.initial[k]:
            evidence = "speech"
        if (
            evidence is None
            and j < t.n
            and t.folded[j] in words.speech_after
            and (j - k >= 2 or not t.initial[k])
        ):
            evidence = "speech"
        if evidence is None and ctx.model_vouches(k, j):
            evidence = "model"
        return evidence

    def _trim_common_start(self, t: EntityText, k: int, j: int, cand: Candidate) -> int:
        """ "Kembalinya Anang Hermansyah": a common word opening a model's span is not the name
        (a bare dictionary word inside a sentence may be a given name: "Rudi")."""
        kb = self.kb
        while (
            k < j - 1
            and t.is_word[k]
            and kb.is_common(t.folded[k])
            and (t.initial[k] or not kb.is_dictionary_word(t.folded[k]))
            and t.folded[k] not in kb.words.org_words  # "Brigade Ezzedine al-Qassam"
        ):
            k += 1
        cand.i = cand.name_i = k
        cand.name = t.span(k, j)
        cand.weak = len([x for x in range(k, j) if t.is_word[x]]) == 1
        return k

    def _trim_office_words(self, t: EntityText, k: int, j: int, cand: Candidate) -> int:
        """ "(Urusan) Luar Negeri Anwar Gargash": leading common words are not the name."""
        k0 = k
        while (
            k0 < j - 2
            and t.is_word[k0]
            and self.kb.is_office_word(t.folded[k0])
            and t.folded[k0] not in self.kb.words.org_words
        ):
            k0 += 1
        if k0 > k:
            if cand.i == k:
                cand.i = k0
            cand.name_i = k0
            cand.name = t.span(k0, j)
        return k0

    def _emit(self, t: EntityText, k: int, j: int, cand: Candidate, evidence: str, ctx: PersonContext) -> int:
        """Keep t[k:j] as the kind of name it is; returns where the next name may start."""
        kb = self.kb
        h = _head_start(t, k, j)
        if h != k:
            ctx.out.append(Candidate(h, j, "ORG", "rule", name=t.span(h, j)))
            ctx.used.update(range(h, j))
            return j
        kind = self.name_kind(t, k, j, evidence)
        if kind == "PER":
            ctx.out.append(cand)
            ctx.used.update(range(k, j))
        elif kind == "PLACE":
            place = geo.geocode(t.span(k, j), lang=kb.pack)
            if place is not None:
                ctx.out.append(
                    Candidate(k, j, place.type, "rule", name=t.span(k, j), place=place, country=place.country)
                )
                ctx.used.update(range(k, j))
        elif kind == "ORG" and (evidence in {"title", "apposition"} or not is_acronym(t.span(k, j))):
            # ("ketua LDP": an acronym after an office is the organisation, not a person)
            while j > k + 1 and t.folded[j - 1] in kb.time_words:
                j -= 1  # "AFP Rabu"
            forms = [x for x in range(k + 1, j - 1) if t.folded[x] in kb.words.company_forms]
            if forms and evidence == "title" and j - forms[-1] > 2:
                # "Direktur Utama Lippo Group John Riady": the title's person after the company
                rest = forms[-1] + 1
                person = Candidate(rest, j, "PER", "rule", name=t.span(rest, j), name_i=rest)
                person.title, person.title_surface = cand.title, cand.title_surface
                ctx.out.append(person)
                ctx.used.update(range(rest, j))
                j = rest
            elif forms:
                j = forms[-1] + 1  # the words after the company read on as a name of their own
            if fold(t.words[k]) in kb.words.outlets:
                return j
            s0 = k
            while (
                s0 < j - 1
                and t.is_word[s0]
                and not is_acronym(t.words[s0])
                and kb.is_common(t.folded[s0])
                and t.folded[s0] not in kb.words.org_words
            ):
                s0 += 1  # "Bisnis PSIS" -> "PSIS" (not "Brigade Ezzedine al-Qassam")
            ctx.out.append(Candidate(s0, j, "ORG", "rule", name=t.span(s0, j)))
            ctx.used.update(range(k, j))
        return j

    def name_kind(self, t: EntityText, k: int, j: int, evidence: str) -> str | None:
        """PER if t[k:j] can be a person's name, ORG if it is an organisation's, PLACE if a
        place's, None if junk."""
        kb, words = self.kb, self.kb.words
        found = t.word_keys(k, j)
        if not found or all(w in words.function_words or w in kb.time_words or w.isdigit() for w in found):
            return None
        if fold(t.span(k, j)) in words.outlets or self.holds_not_name(t, k, j):
            return None
        if j - k == 1 and t.words[k] in words.not_acronyms:
            return None  # "Pemohon PK": a legal or common abbreviation, no name
        if j - k == 1 and t.folded[k] in words.brands:
            return "ORG"  # "Samsung mengklaim": the maker
        marked = any(
            t.folded[x] in words.org_words or t.folded[x] in words.company_forms for x in range(k, j)
        )
        product = (t.folded[k] in words.brands and j - k > 1) or any(
            x in t.product_tokens for x in range(k, j)
        )
        if product and not marked:
            return None  # "Esemka Bima", "Vivo V17 Pro", "Honda SENSING Experience Zone": products
        kind = self._organisation_kind(t, k, j)
        if kind != "PER":
            return kind
        if evidence not in {"title", "apposition"} and t.prev_word(k) in words.locative:
            return None  # "di Los Angeles"
        if evidence == "model" and j - k > 1 and geo.geocode(t.span(k, j), lang=kb.pack) is not None:
            return "PLACE"  # "Deli Serdang": a place the model took for a person
        # common words are not names: "Marsekal Lapangan", "Putra Mahkota", "Hak Asasi Manusia",
        # nor are a title's unit or domain: "Kasat Reskrim", "Kepala Lapas"
        if all(kb.is_office_word(w) for w in found if w not in words.particles):
            return None
        return "PER"

    def _organisation_kind(self, t: EntityText, k: int, j: int) -> str | None:
        """ORG when t[k:j] reads as an organisation's name, None when it holds an organisation
        word itself, PER when nothing says either."""
        kb, words = self.kb, self.kb.words
        if all(t.words[x].isupper() and len(t.words[x]) > 1 for x in range(k, j) if t.is_word[x]):
            return "ORG"
        if any(t.folded[x] in words.company_forms for x in range(k, j)):
            return "ORG"
        # an acronym of 3+ letters (or 2 at the end) names an organisation; "BJ Habibie" is initials
        if any(
            t.is_word[x] and is_acronym(t.words[x]) and (len(t.words[x]) > 2 or x == j - 1 and j - k > 1)
            for x in range(k, j)
        ):
            return "ORG"  # "Ketua Pengprov PBSI", "Rektor Bidang Akademik UNY": an organisation
        if t.lookup(kb.roles, kb.role_max, k) is not None:
            return None  # "Garda Revolusi", "Kementerian Pertahanan": an organisation word
        if any(t.folded[x] in words.org_words for x in range(k, j) if t.is_word[x]):
            return "ORG"  # "Club Brugge", "Central Intelligence Agency"
        for x in range(k + 1, j):
            hit = t.lookup(kb.roles, kb.role_max, x) if t.cap[x] else None
            if hit is not None and hit[1].head and hit[0] <= j:
                return "ORG"  # "Brookings Institute", "Harvard University"
        return "PER"


def _hyphen_joined(t: EntityText, j: int) -> bool:
    return (
        j + 2 < t.n
        and t.words[j + 1] in HYPHENS
        and t.ends[j] == t.starts[j + 1]
        and t.ends[j + 1] == t.starts[j + 2]
        and t.is_word[j + 2]
        and t.cap[j + 2]
    )


def speech_verb(t: EntityText, k: int, words: Words) -> bool:
    """A capitalised verb of speech after a quote ('," Ujar Imam', '," Tegas Imam') or with
    its -nya ('Ujarnya') is never a name word."""
    w = t.folded[k]
    if w not in words.speech_before:
        return False
    return w in words.speech_forms or (k > 0 and not t.is_word[k - 1] and t.words[k - 1] in CLOSING_QUOTES)


def model_person_spans(spans: list[ModelSpan]) -> list[tuple[int, int]]:
    return [(s.i, s.j) for s in spans if s.label == "PER"]


def same_given_name(t: EntityText, k: int, known: Candidate) -> bool:
    """Given names written before a known person's surname are that person's when the first
    one starts as the known first name does ("Michael ... Pompeo" for Mike Pompeo), not for
    "Lara Trump" before Donald Trump's surname."""
    words = known.actor.name.split() if known.actor is not None else []
    return len(words) < 2 or fold(words[0])[:1] == t.folded[k][:1]


def capitalised_last_name(t: EntityText, k: int, j: int) -> bool:
    """ "Presiden Rumania, Nicusor Dan, mengatakan": a function word written with a capital
    inside a sentence, closing an apposition, is the last word of the name."""
    return j - k >= 2 and t.cap[j - 1] and not t.initial[j - 1] and j < t.n and t.words[j] in {",", ")"}


def rank_inside_name(kb: Knowledge, t: EntityText, k: int, j: int) -> bool:
    """ "Gandjar Laksamana Bonaprapta": a one-word rank between a given name and a surname
    (neither a title nor a common word) is a word of the name; so is an office word that is
    also a personal name ("Lukman Hakim Saifuddin")."""
    hit = t.titles.get(j)
    return (
        j == k + 1
        and hit is not None
        and hit.end == j + 1
        and (hit.title.kind == "rank" or t.folded[j] in kb.words.name_words)
        and not kb.is_common(t.folded[k])
        and k not in t.title_tokens
        and t.capitalised_word(j + 1)
        and (j + 1) not in t.titles
        and not kb.is_common(t.folded[j + 1])
    )


class ListedPeople:
    """Single names listed with a person."""

    def __init__(self, kb: Knowledge):
        self.kb = kb

    def __call__(self, t: EntityText, people: list[Candidate], taken: Collection[int]) -> list[Candidate]:
        """ "atas nama Irman, Sugiharto dan Andi Agustinus": single names listed with a person are
        people too (not dictionary words, not sentence-initial, no other step's)."""
        joiners = {fold(w) for w in self.kb.cues.list_joiners}
        out: list[Candidate] = []
        weak = {c.i: c for c in people if c.weak}  # one-word names only the model vouched for
        seen = set(taken) - set(weak)
        listed: set[int] = set()
        for c in [c for c in people if not c.weak]:
            for step, x in ((-1, c.i - 1), (1, c.j)):
                while 0 <= x < t.n and t.folded[x] in joiners:
                    w = x + step
                    if w in listed:
                        x = w + step
                        continue
                    if not self._lone_name(t, w, seen):
                        break
                    if w in weak:
                        weak[w].weak = False  # the list vouches for it too
                    else:
                        out.append(Candidate(w, w + 1, "PER", "rule", name=t.words[w], name_i=w))
                    listed.add(w)
                    x = w + step
        return out

    def _lone_name(self, t: EntityText, w: int, taken: Collection[int]) -> bool:
        kb = self.kb
        return (
            0 < w < t.n - 1
            and t.capitalised_word(w)
            and w not in taken
            and not t.initial[w]
            and not t.capitalised_word(w - 1)
            and not t.capitalised_word(w + 1)
            and w not in t.title_tokens
            and not is_acronym(t.words[w])
            and not kb.is_common(t.folded[w])
            and t.folded[w] not in kb.words.function_words
        )
