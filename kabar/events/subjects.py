"""The subject of a verb: the actor before it in its clause, found by scanning left.

Coordinated actors give one event each; a subject in a relative clause's head ("X yang
didukung Iran ... mengaku": X); pronouns point back (a pair anaphor to the last pair, the
speaker inside a quote, a person pronoun to the subject of the verb of saying or to the person
heading the sentence before, a matrix pronoun to the subject of the verb of saying); verb phrases
joined by a conjunction or listed with commas share the first one's subject."""

from __future__ import annotations

from kabar import cameo, geo
from kabar.events.actors import title_case
from kabar.events.lexicon import Lexicon
from kabar.events.phrases import (
    apposition_end,
    compiled,
    coord_left,
    event_noun_possessor,
    in_pp,
    is_verb,
    pair_anaphor_ending,
    phrase_ending,
    relative_clause_start,
    relative_head,
    verb_before,
    verb_phrase_before,
)
from kabar.events.state import Actor, Context, Tokens

Found = tuple[list[Actor], str | None]
NONE: Found = ([], None)


def pair_actors(lex: Lexicon, ctx: Context, words: list[str]) -> list[Actor]:
    """The pair "both sides" (the sides of the last reciprocal event, else the last coordinated
    pair) or "both countries" (the last pair named, as states: country codes) points back to."""
    states = tuple(words) in lex.state_pair.get(len(words), set())
    if states:
        options = [p for p in (ctx.recip, ctx.coord) if p and len({a.country for a in p[0]} - {None}) == 2]
        chosen = max(options, key=lambda p: p[1]) if options else None
    else:
        chosen = ctx.recip or ctx.coord
    if chosen is None:
        return []
    pair = chosen[0]
    if not states:
        return [a.as_anaphor() for a in pair]
    return [
        Actor(a.country, a.country, a.name, a.entity, a.start, a.end, a.label, a.place, "anaphora")
        if a.country
        else a
        for a in pair
    ]


def subject(lex: Lexicon, t: Tokens, pos: int, lo: int, ctx: Context) -> Found:
    return _SubjectSearch(lex, t, pos, lo, ctx).run()


def _fronted(t: Tokens, lo: int) -> Found:
    """The subject of a headline's fronted verb: the actor right after the comma that ends its
    clause ("Kunjungi DPRD Banten, Dubes Saudi Bahas ...", "Dituduh AS Serang ..., Iran Siap
    Perang"); not a speaker before a colon ("Minta X ..., Fahri: ...": who asked is not told)."""
    comma = next((k for k in range(lo, len(t.low)) if t.low[k] in (",", ":")), None)
    np = t.np_start.get(comma + 1) if comma is not None and t.low[comma] == "," else None
    if np is None or (np.end < len(t.low) and t.low[np.end] == ":"):
        return NONE
    return [np], "subj"


def _possessed(lex: Lexicon, t: Tokens, i: int, lo: int) -> bool:
    """Is the person pronoun at i one with the possessive clitic ("dirinya") right after a plain
    word, the noun or verb it belongs to ("pengunduran dirinya", "membela dirinya"), not a
    subject heading its clause ("bahwa dirinya", "lalu dirinya", ", dirinya")?"""
    if not t.low[i].endswith(lex.grammar.possessive_clitic) or i <= lo:
        return False
    prev = t.low[i - 1]
    heads = (lex.auxiliaries, lex.clause_stops, lex.conjunctions, lex.subordinators, lex.reporting_verbs)
    return prev[:1].isalnum() and not any(prev in words for words in heads)


def _time_aside(lex: Lexicon, t: Tokens, i: int, lo: int) -> int | None:
    """The comma before a time expression that the comma at i closes ("X, pada Senin, 16 Mei,
    mengecam"): only time words, prepositions and brackets between the two commas."""
    k, seen = i - 1, False
    while k >= lo and i - k <= 10:
        w = t.low[k]
        if w == ",":
            return k if seen else None
        if k in t.time_tokens:
            seen = True
        elif w not in lex.prepositions and w not in ("(", ")"):
            return None
        k -= 1
    return None


class _SubjectSearch:
    def __init__(self, lex: Lexicon, t: Tokens, pos: int, lo: int, ctx: Context):
        self.lex, self.t, self.pos, self.lo, self.ctx = lex, t, pos, lo, ctx
        self.i = pos - 1
        self.steps = 0
        self.only_aux = True  # only auxiliaries and cues between the verb and here
        self.vp_conj = False  # a verb phrase joined to the one before: its subject is that one's
        self.comma_vp = False  # verb phrases listed with commas
        self.skip = lex.auxiliaries | lex.cue_words
        # a means clause ("X berusaha membubarkan massa dengan menembakkan gas air mata"): the
        # actor before "dengan" is the head verb's object; the means' subject is that verb's
        self.means = pos - 1 >= lo and t.low[pos - 1] in lex.means_words and lex.is_verb_like(t.low[pos])

    def run(self) -> Found:
        lex, t, lo = self.lex, self.t, self.lo
        if lo <= self.i and t.low[self.i] == "," and t.nps and t.nps[0].start <= lo and title_case(t):
            return [t.nps[0]], "subj"  # a headline's second verb: "Saudi Kutuk ..., Serukan Pertemuan OKI"
        if self.pos == lo and title_case(t):
            return _fronted(t, lo)  # "Kunjungi DPRD Banten, Dubes Saudi Bahas ...": the actor after the comma
        while self.i >= lo and self.steps <= lex.settings.subject_window:
            i = self.i
            opening = _bracket_after_actor(lex, t, i, lo)
            if opening is not None:
                self.i, self.steps = opening - 1, self.steps + 1  # "X dari KWI (Konferensi ...)": KWI
                continue
            np = t.np_end.get(i + 1)
            if np is not None:
                found = self._at_actor(np)
                if found is not None:
                    return found
                continue
            w = t.low[i]
            if w in lex.conjunctions and self.only_aux:
                self.vp_conj = True
            found = self._pronoun(w)
            if found is not None:
                return found
            if w == lex.grammar.relative_pronoun:
                return self._relative() if self.only_aux else self._short_relative()
            if w in lex.reporting_verbs and not self.only_aux:
                break  # the actor before a verb of saying is the speaker
            if w in lex.subordinators and self.only_aux and not self.ctx.vp_done:
                return self._main_clause_subject()
            if w in lex.contrast_joins and self.only_aux and not self.ctx.vp_done:
                return self._main_clause_subject(i - 1 if i - 1 >= lo and t.low[i - 1] == "," else i)
            if w in lex.clause_stops:
                break
            if w == ",":
                step = self._comma()
                if step is None:
                    break
                if step:
                    continue
            elif w not in self.skip and not (w in lex.conjunctions and self.vp_conj and t.low[i - 1] == ","):
                self.only_aux = False
            self.i -= 1
            self.steps += 1
        return NONE

    def _at_actor(self, np: Actor) -> Found | None:
        """The actor group ending here is the subject, unless in a prepositional phrase (None)."""
        lex, t, lo, ctx = self.lex, self.t, self.lo, self.ctx
        group = coord_left(lex, t, _named_holder(lex, t, np, lo), lo)
        if self.only_aux and len(group) == 1 and _affiliated_person(lex, t, np, lo):
            return group, "subj"
        if in_pp(lex, t, group[0].start, lo):
            b = group[0].start - 1
            left = t.np_end.get(b) if self.only_aux and t.low[b] == lex.grammar.comitative else None
            if left is not None and not ctx.vp_done:
                lgroup = coord_left(lex, t, left, lo)
                if (
                    not in_pp(lex, t, lgroup[0].start, lo)
                    and relative_head(lex, t, lgroup[0].start, lo) is None
                    and (
                        lgroup[0].start == lo
                        or t.low[lgroup[0].start - 1] in lex.clause_stops
                        or t.low[lgroup[0].start - 1] in (",",)
                    )
                ):
                    return lgroup + group, "subj"  # "X together with Y condemned": both
            self.i = group[0].start - 2
            self.steps += 2
            self.only_aux = False
            return None
        head = relative_head(lex, t, group[0].start, lo)
        if head is not None:
            return head, "subj"
        example_of = _exemplified(lex, t, group, lo)
        if example_of is not None:
            # "mahasiswa dari berbagai kampus seperti X, Y berunjuk rasa"
            return (example_of, "subj") if example_of else NONE
        represents = _representative(lex, t, group, lo)
        if represents is not None:
            return represents, "subj"  # "PP Muhammadiyah mewakili 10 ormas menyurati DPR"
        if group[0].start > lo and t.low[group[0].start - 1] in lex.document_words:
            return NONE  # "RUU KPK disahkan": the actor names a law, which is no subject
        if t.low[self.pos] in lex.light_after and event_noun_possessor(lex, t, group[0].start, lo):
            return NONE  # "X's aid ... arrived": the aid arrives, not X
        if self.means and not ctx.vp_done and group[-1].end == self.pos - 1:
            verb = verb_before(lex, t, group[0].start, lo)
            if verb is not None and not lex.grammar.is_passive_verb(t.low[verb]):
                return subject(lex, t, verb, lo, ctx.but(vp_done=True, vp_depth=ctx.vp_depth + 1))
        return _joined_subject(self, group) or (group, "subj")

    def _pronoun(self, w: str) -> Found | None:
        lex, t, lo, ctx, i = self.lex, self.t, self.lo, self.ctx, self.i
        ana = pair_anaphor_ending(lex, t, i, lo)
        if ana is not None:
            pair = pair_actors(lex, ctx, t.low[ana : i + 1])
            return (pair, "anaphora") if pair else NONE
        if w in lex.speaker_pronouns and ctx.speaker is not None:
            return [ctx.speaker], "speaker"
        if w in lex.person_pronouns and _possessed(lex, t, i, lo):
            return NONE  # "pengunduran dirinya disampaikan": the pronoun is the noun's possessor
        if w in lex.person_pronouns and ctx.reporter is not None and not ctx.matrix_done:
            # opening the indirect quote ("X mengatakan kepada Y, (bahwa) dia kecewa ..."): X
            before = sum(1 for k in range(lo, i) if ctx.reported_from <= t.starts[k])
            if before <= 1:
                return [ctx.reporter], "speaker"
        if w in lex.person_pronouns and not ctx.in_quote and not ctx.matrix_done:
            # the subject of a verb of saying just before; else the person heading the sentence before
            for k in (i - 1, i - 2):
                if k >= lo and t.low[k] in lex.reporting_verbs:
                    group, _ = subject(lex, t, k, lo, ctx.but(matrix_done=True))
                    return (group, "matrix") if group else NONE
            return ([ctx.person.as_anaphor()], "person") if ctx.person is not None else NONE
        own = self._own_forces(w)
        if own is not None:
            return own
        if w in lex.matrix_pronouns and not ctx.matrix_done:
            # in reported speech, the subject of the verb of saying
            for k in range(i - 1, lo - 1, -1):
                if t.low[k] in lex.reporting_verbs or any(
                    f.entry.code[:2] in lex.threat_roots for f in lex.triggers.get(t.low[k], ())
                ):
                    group, _ = subject(lex, t, k, lo, ctx.but(matrix_done=True))
                    return (_told_by_media(group), "matrix") if group else NONE
            return NONE
        return None

    def _own_forces(self, w: str) -> Found | None:
        """A state role noun with the possessive right after a verb of saying ("Israel
        mengumumkan pasukannya telah menewaskan ..."): the speaker's country in that role."""
        lex, t, lo, ctx, i = self.lex, self.t, self.lo, self.ctx, self.i
        clitic = lex.grammar.possessive_clitic
        if ctx.matrix_done or not w.endswith(clitic) or i - 1 < lo or t.low[i - 1] not in lex.reporting_verbs:
            return None
        role = lex.roles.get((w[: -len(clitic)],)) or lex.roles.get((w,))
        if role is None or role not in lex.state_roles:
            return None
        group, _ = subject(lex, t, i - 1, lo, ctx.but(matrix_done=True))
        if len(group) != 1:
            return NONE
        country = group[0].country
        if country is None:
            return NONE
        code = cameo.compose_actor_code(country, role) or country
        return [Actor(code, country, t.tokens[i], None, i, i + 1, via="generic", own_role=True)], "matrix"

    def _relative(self) -> Found:
        """A relative pronoun right before the verb: the actor before it."""
        lex, t, lo = self.lex, self.t, self.lo
        j = self.i - 1
        if j >= lo and t.low[j] == ",":
            j -= 1
        np = t.np_end.get(j + 1)
        if np is not None:
            group = coord_left(lex, t, np, lo)
            if group[0].start > lo and t.low[group[0].start - 1] in lex.document_words:
                return NONE  # "revisi UU KPK yang mendapat penolakan": the law, not KPK
            if not in_pp(lex, t, group[0].start, lo):
                return group, "subj"
        elif j - 1 >= lo and t.low[j] in lex.referring_nouns and t.low[j - 1] in lex.light_before:
            # "X mengeluarkan pernyataan yang mengutuk ...": the statement's author
            return subject(lex, t, j - 1, lo, self.ctx)
        return NONE

    def _short_relative(self) -> Found:
        """A short relative clause without commas between subject and verb ("polisi yang berjaga
        di sana mengamankan dua orang"): it names no actor (one would have been met first), so
        the actor it hangs on, heading its clause, is the subject."""
        lex, t, lo = self.lex, self.t, self.lo
        if self.pos - self.i > lex.settings.short_relative:
            return NONE
        k = self.pos - 1
        while k > self.i and t.low[k] in self.skip:
            k -= 1
        if k > self.i and is_verb(lex, t.low[k]):
            return NONE  # the verb is the relative clause's own complement ("yang dituduh menyerang")
        np = t.np_end.get(self.i)
        if np is None:
            return NONE
        group = coord_left(lex, t, np, lo)
        first = group[0].start
        if in_pp(lex, t, first, lo) or (first > lo and is_verb(lex, t.low[first - 1])):
            return NONE  # an object's relative clause
        # "X mempercepat pelantikan pimpinan KPK yang baru dan meminta ...": X
        return _joined_subject(self, group) or (group, "subj")

    def _main_clause_subject(self, at: int | None = None) -> Found:
        """A verb in an adverbial clause without a subject (or in a verb phrase joined by a
        contrastive word, ending at `at`): the subject of the main clause's verb, the first verb
        of the clause (verbs after a relative pronoun belong to its clause)."""
        lex, t, lo, i = self.lex, self.t, self.lo, self.i if at is None else at
        main, crossed = None, False
        for k in range(i - 1, max(lo, i - 20) - 1, -1):
            if t.low[k] in lex.clause_stops or t.low[k] == ",":
                break
            if t.low[k] == lex.grammar.relative_pronoun:
                head = t.np_end.get(k)
                before = head.start - 1 if head is not None and head.place else lo
                if before > lo and t.low[before] in lex.grammar.locative_prepositions:
                    head = t.np_end.get(before)  # "mahasiswa di Kendari yang ..."
                if main is not None and not crossed and head is not None and self._undergone(main):
                    # "mahasiswa yang ditangkap saat berunjuk rasa": the clause hangs on the
                    # relative clause's verb, whose subject is the head before the pronoun (an
                    # active verb may be the main clause's: "mengusir diplomat yang bertugas di
                    # Bangkok setelah menuding ...")
                    return [head], "subj"
                main, crossed = None, crossed or main is not None
                continue
            if is_verb(lex, t.low[k]):
                main = k
        if crossed and main is not None and lex.grammar.is_passive_verb(t.low[main]):
            # "Peringatan X diarahkan kepada pihak yang bertindak anarkis saat berdemo": the
            # passive's subject is what it is done to; the act is the relative clause's head's
            return NONE
        if (
            main is not None
            and lex.grammar.is_passive_verb(t.low[self.pos])
            and any(k in t.np_start for k in range(main + 1, i))
        ):
            return NONE  # "X bertemu Y usai ditetapkan tersangka": X or Y, no telling which
        if main is not None:
            return subject(lex, t, main, lo, self.ctx.but(vp_done=True))
        return NONE

    def _undergone(self, k: int) -> bool:
        """Is the verb at k one its subject undergoes (a passive, dying or being hurt)?"""
        return self.lex.grammar.is_passive_verb(self.t.low[k]) or self.t.low[k] in self.lex.victim_verbs

    def _comma(self) -> bool | None:
        """A comma: skip what stands between subject and verb (a date, a place, a relative clause,
        an apposition, a listed verb phrase). True: moved (continue at self.i); False: step over
        the comma as usual; None: the clause ends here."""
        lex, t, lo, i = self.lex, self.t, self.lo, self.i
        aside = _time_aside(lex, t, i, lo) if self.only_aux else None
        if aside is None and self.only_aux:
            aside = _report_aside(lex, t, i, lo)
        if aside is not None:
            self.i = aside  # a date set off by commas stands between subject and verb
            return True
        rel = relative_clause_start(lex, t, i, lo, preps=True) if self.only_aux else None
        if rel is not None:
            self.i, self.steps = rel, self.steps + 1
            return True
        if i - 1 >= lo and t.tokens[i - 1] == ")":
            return False  # only a date or place put in between: "Lavrov, Selasa (12/3), mengecam"
        app = apposition_end(lex, t, i, lo) if self.only_aux else None
        if (
            app is None
            and self.comma_vp
            and not self.only_aux
            and i + 1 < len(t.low)
            and is_verb(lex, t.low[i + 1])
            and verb_phrase_before(lex, t, i, lo)
        ):
            self.i, self.steps = i - 1, self.steps + 1  # a third verb phrase in the list
            return True
        if app is None and self.only_aux:
            rel = relative_clause_start(lex, t, i, lo)
            if rel is not None:
                self.i, self.steps = rel, self.steps + 1
                return True
            if verb_phrase_before(lex, t, i, lo):
                self.vp_conj = self.comma_vp = True  # a verb phrase before the comma: its subject
                self.i, self.steps = i - 1, self.steps + 1
                return True
        if app is None:
            return None
        self.i, self.steps = app, self.steps + 1  # the actor before the name
        return True


def _joined_subject(search: _SubjectSearch, group: list[Actor]) -> Found | None:
    """In a verb phrase joined to the one before ("X mempercepat pelantikan Y dan meminta ..."),
    the actor group met is the first verb's object: the subject is that verb's (None if no verb)."""
    lex, t, lo, ctx = search.lex, search.t, search.lo, search.ctx
    if not search.vp_conj or (ctx.vp_done and not (search.comma_vp and ctx.vp_depth < 3)):
        return None
    verb = verb_before(lex, t, group[0].start, lo, across_pp=True)
    if verb is None:
        return None
    return subject(lex, t, verb, lo, ctx.but(vp_done=True, vp_depth=ctx.vp_depth + 1))


def _named_holder(lex: Lexicon, t: Tokens, np: Actor, lo: int) -> Actor:
    """The person named before an office set off by a comma ("Fadli Zon, Wakil Ketua DPR
    mengkritik ..."), where the person has a country: the actor is he, not his title."""
    k = np.start - 1
    if np.label == "PER" or k <= lo or t.low[k] != "," or t.low[np.start] not in lex.role_words:
        return np
    person = t.np_end.get(k)
    if person is None or person.label != "PER" or not person.country or not t.tokens[np.start][:1].isupper():
        return np
    return np if in_pp(lex, t, person.start, lo) else person


def _affiliated_person(lex: Lexicon, t: Tokens, np: Actor, lo: int) -> bool:
    """A person after a description and the body it belongs to, set off by a comma and merged
    with that body ("Peneliti dari ICW, Kurnia Ramadhana", "Seorang tokoh yang bekerja dalam
    Pemerintahan Inggris, Khalid Mahmood"): the preposition governs the body, not the person."""
    k = np.start - 1
    if np.label != "PER" or k - 1 < lo or "," not in t.tokens[np.start : np.end]:
        return False
    if t.low[k] not in lex.data.affiliation_prepositions:
        return False
    before = t.low[k - 1]
    if lex.is_verb_like(before):  # a relative clause of the description ("yang bekerja di X, Y")
        return k - 2 >= lo and t.low[k - 2] == lex.grammar.relative_pronoun
    return before not in lex.prepositions and before != "," and not t.tokens[k - 1][:1].isdigit()


def _representative(lex: Lexicon, t: Tokens, group: list[Actor], lo: int) -> list[Actor] | None:
    """The actor group right before a word of acting for others that opens `group` ("X mewakili
    Y", "X atas nama Y"): the one who acts; None when none stands there."""
    start = group[0].start
    for words in compiled(lex.data.representing, lambda phrases: [lex.words(p) for p in phrases]):
        k = start - len(words)
        if k > lo and tuple(t.low[k:start]) == words:
            np = t.np_end.get(k)
            if np is not None and not in_pp(lex, t, np.start, lo):
                return coord_left(lex, t, np, lo)
    return None


def _exemplified(lex: Lexicon, t: Tokens, group: list[Actor], lo: int) -> list[Actor] | None:
    """The actors a list of examples ending with `group` exemplifies ("mahasiswa dari berbagai
    universitas seperti mahasiswa Universitas X, Y, Z"; the examples listed with commas): the actor
    group before the example word, up to a prepositional phrase of its own; None when no example
    word opens the list or no actor heads it ("Sejumlah negara seperti X, Y": the examples act); no
    actor ([]) when a preposition governs the list ("diteken dengan negara lain seperti China dan
    Rusia")."""
    k = group[0].start - 1
    while k > lo and t.low[k] == "," and t.np_end.get(k) is not None:
        k = t.np_end[k].start - 1  # back over the examples listed with commas
    opens = phrase_ending(lex, t, k, lex.data.example_words, lo)
    if opens is None:
        return None
    j = opens - 1
    while j >= lo and opens - j <= 6 and t.np_end.get(j + 1) is None:
        w = t.low[j]
        if w in lex.clause_stops or w == "," or (lex.is_verb_like(w) and w not in lex.pp_fillers):
            return None
        if w in lex.prepositions:
            return []
        j -= 1
    np = t.np_end.get(j + 1) if j >= lo else None
    if np is None or in_pp(lex, t, np.start, lo):
        return None
    return coord_left(lex, t, np, lo)


def _bracket_after_actor(lex: Lexicon, t: Tokens, i: int, lo: int) -> int | None:
    """The opening bracket when token i closes a name in brackets that spells out an actor in a
    prepositional phrase ("Romo Heri dari KWI (Konferensi Waligereja Indonesia) menyerukan"): the
    name stands for that actor, and the subject is sought before it; None otherwise."""
    if t.tokens[i] != ")" or t.np_end.get(i) is None:
        return None
    k = t.np_end[i].start - 1
    before = t.np_end.get(k) if k >= lo and t.tokens[k] == "(" else None
    if before is None or not in_pp(lex, t, before.start, lo):
        return None
    return k


_TELLER_ROLES = frozenset({"MED"})  # CAMEO roles of those who report others' acts


def _told_by_media(group: list[Actor]) -> list[Actor]:
    """"Media Iran memberi tahu ... bahwa mereka membantah ...": media named by their country only
    tell; "they" are that country, not the media."""
    country = group[0].country if len(group) == 1 else None
    a = group[0]
    if not country or a.role_from_phrase not in _TELLER_ROLES:
        return group  # a named agency ("Reuters melaporkan bahwa pihaknya ...") speaks for itself
    name = geo.country_name(country) or country
    return [Actor(country, country, name, None, a.start, a.end, "GPE", via="anaphora")]


def joined_clitic_object(lex: Lexicon, t: Tokens, start: int, end: int, lo: int) -> list[Actor]:
    """A verb carrying the object clitic in a verb phrase joined by a contrastive word ("X tidak
    menyalahkan Iran atas serangan itu, tetapi menuduhnya ..."): the first verb's object."""
    if end - start != 1 or not t.low[start].endswith(lex.grammar.possessive_clitic):
        return []
    k = start - 1
    while k >= lo and t.low[k] in lex.auxiliaries:
        k -= 1
    if k < lo or t.low[k] not in lex.contrast_joins:
        return []
    k -= 1 if k - 1 >= lo and t.low[k - 1] == "," else 0
    for j in range(k - 1, max(lo, k - 20) - 1, -1):  # the nearest verb with an object
        if t.low[j] in lex.clause_stops or t.low[j] == "," or t.low[j] == lex.grammar.relative_pronoun:
            break
        np = t.np_start.get(j + 1)
        if np is not None and is_verb(lex, t.low[j]):
            return [] if lex.grammar.is_passive_verb(t.low[j]) else [np]
    return []


def _report_aside(lex: Lexicon, t: Tokens, comma: int, lo: int) -> int | None:
    """The comma opening an aside that names the outlet reporting the sentence, which this comma
    closes ("X, seperti dilansir PressTV pada Selasa (17/9), menuduh ..."), else None."""
    for k in range(comma - 1, max(lo, comma - 15) - 1, -1):
        w = t.low[k]
        if w in lex.clause_stops:
            return None
        if w == ",":
            words = t.low[k + 1 : k + 3]
            return k if any(x in lex.report_asides for x in words) and k > lo else None
    return None
