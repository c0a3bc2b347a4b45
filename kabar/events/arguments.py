"""Arguments: who did what to whom. The entry's frame says where each side stands (subject,
object, after a preposition); the passive swaps them; a light verb of receiving makes its
subject the target. The slots are tried in order, first found wins."""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from kabar import cameo
from kabar.events.lexicon import Entry, Lexicon
from kabar.events.phrases import (
    coord_right,
    in_pp,
    is_quantity,
    office_ordinal,
    pair_anaphor_starting,
    plain_word,
    relative_agent_start,
    tokens_reach,
    victim_verb_before,
)
from kabar.events.state import Actor, Context, Tokens, Trigger
from kabar.events.subjects import Found, pair_actors, subject
from kabar.events.syntax import LazyParse

_OBJECT_SLOTS = ("subj", "obj", "next", "agent", "after_agent", "after_obj", "victim", "named")


@dataclass(frozen=True)
class Clause:
    """Tokens lo..hi of `t`: where slots are looked for; `parse` when the sentence holds a
    trigger (parsed only if a rule asks)."""

    t: Tokens
    lo: int
    hi: int
    parse: LazyParse | None = None


def np_after(
    lex: Lexicon,
    c: Clause,
    j: int,
    max_skip: int,
    ctx: Context,
    *,
    places_only: bool = False,
    prep: bool = False,
    subject_group: bool = False,
) -> list[Actor]:
    """The actor group starting within `max_skip` words after j (quantities not counted). After a
    preposition (`prep`), a word of `prep_stops` ends the search and a conjunction may join nouns
    before the actor ("terhadap pejabat dan perusahaan Iran")."""
    t, hi = c.t, c.hi
    skipped = 0
    role_head = False  # a role noun heads the phrase so far ("kepala baru untuk X": X's head)
    while j < hi and skipped <= max_skip:
        np = t.np_start.get(j)
        if np is not None:
            group = coord_right(lex, t, np, hi, subject_group)
            return [a for a in group if a.place] if places_only else group
        end = pair_anaphor_starting(lex, t, j, hi)
        if end is not None:
            return pair_actors(lex, ctx, t.low[j:end])
        w = t.low[j]
        if w in lex.speaker_pronouns and ctx.speaker is not None and not places_only:
            if j - 1 >= 0 and skipped > 0 and plain_word(lex, t, j - 1):
                return []  # a possessor ("pasukan kami", "kakak saya"): the speaker's kin or forces
            return [ctx.speaker]
        if prep and (w in lex.prep_stops or (lex.is_verb_like(w) and not _nominalised(lex, w, skipped))):
            return []
        if w == "-" and 0 < j < hi - 1 and t.low[j - 1] == t.low[j + 1]:
            j += 1  # a reduplicated plural split by the tokenizer ("kapal-kapal Rusia")
            continue
        if w in lex.document_words:
            return []  # the actor after names a law or programme, not the target
        if office_ordinal(lex, t, j, hi):
            j += 3  # "menjenguk Presiden ke-3 RI BJ Habibie": the office's ordinal, no preposition
            continue
        if w == "," and j > 0 and t.low[j - 1] in lex.role_words and j + 1 in t.np_start:
            j += 1  # a title whose country a scraper cut out, then the name ("utusan Presiden , X")
            continue
        if (
            prep
            and w in lex.conjunctions
            and skipped > 0
            and j + 1 < hi
            and (plain_word(lex, t, j + 1) or is_quantity(lex, t.low[j + 1]))
        ) or (w in lex.conjunctions and _in_office_name(lex, t, j, hi)):
            j += 1  # (or "Menteri Hukum dan HAM X": a conjunction inside an office's name)
            continue
        if w in lex.np_prepositions and role_head and not prep:
            j, skipped = j + 1, 0  # the possessor's own phrase starts here
            continue
        if not prep and w in lex.role_words and _opens_clause(lex, t, j + 1, hi):
            return []  # "meminta semua negara (untuk) mengutuk X": they are asked, X is in their clause
        role_head = role_head or w in lex.role_words
        if (
            w in lex.prepositions
            or w in lex.clause_stops
            or (w in lex.predicate_markers and skipped > 0)
            or (w in lex.patient_nouns and not prep)
            or w in lex.conjunctions
            or w == lex.grammar.relative_pronoun
            or not w[0].isalnum()
        ):
            return []
        if not is_quantity(lex, w) and not (t.tokens[j][:1].isupper() and _in_office_name(lex, t, j, hi)):
            skipped += 1
        j += 1
    return []


def _in_office_name(lex: Lexicon, t: Tokens, j: int, hi: int) -> bool:
    """Does token j stand inside the capitalised name of an office joined by a conjunction (opened
    by a capitalised role word, the conjunction between capitalised words) that a person's name
    follows ("Menteri Hukum dan Hak Asasi Manusia X")? Not in a headline, all capitalised."""
    if t.offset is None:
        return False
    k, joined = j, t.low[j] in lex.conjunctions
    while k > 0 and j - k < 8 and t.low[k - 1] not in lex.role_words:
        if not (t.tokens[k - 1][:1].isupper() or t.low[k - 1] in lex.conjunctions):
            return False
        k, joined = k - 1, joined or t.low[k - 1] in lex.conjunctions
    if k == 0 or not t.tokens[k - 1][:1].isupper():
        return False
    e = j + 1
    while e < hi and e - j < 8 and e not in t.np_start:
        if not (t.tokens[e][:1].isupper() or t.low[e] in lex.conjunctions):
            return False
        e, joined = e + 1, joined or t.low[e] in lex.conjunctions
    np = t.np_start.get(e)
    return joined and np is not None and np.label == "PER" and j + 1 < hi and t.tokens[j + 1][:1].isupper()


def _nominalised(lex: Lexicon, w: str, skipped: int) -> bool:
    """Is a verb right after a preposition made a noun by the possessive clitic ("atas meninggalnya
    X", "atas terpilihnya X"): the act of the actor after it, not a clause of its own?"""
    return skipped == 0 and w.endswith(lex.grammar.possessive_clitic)


def _opens_clause(lex: Lexicon, t: Tokens, k: int, hi: int) -> bool:
    """Does a clause of its own start at k: a verb, or a purpose preposition and a verb?"""
    if k < hi and t.low[k] in lex.np_prepositions:
        k += 1
    return k < hi and lex.is_verb_like(t.low[k])


def after_prep(
    lex: Lexicon, c: Clause, end: int, prep: str, ctx: Context, places_only: bool = False
) -> list[Actor]:
    """The actor after the preposition `prep` later in the clause."""
    t = c.t
    words = tuple(prep.split())
    n = len(words)
    j = end
    stop = tokens_reach(t, end, c.hi, lex.settings.prep_window)
    while j < stop:
        w = t.low[j]
        if tuple(t.low[j : j + n]) == words and (j == end or w not in lex.clause_stops):
            # a slot word that also ends clauses ("meminta agar X ...") counts right after the verb
            group = np_after(lex, c, j + n, 3, ctx, places_only=places_only, prep=True)
            if group:
                return group
        if w in lex.clause_stops or (w in lex.triggers and (j > end or any(f.noun for f in lex.triggers[w]))):
            break  # a preposition after another event word belongs to that one
        j += 1
    return []


def slot(lex: Lexicon, name: str, c: Clause, trig: Trigger, ctx: Context, entry: Entry) -> Found:
    t = c.t
    if name == "subj":
        if trig.light == "frame_possessive" and trig.light_pos is not None:
            return coord_right(lex, t, t.np_start[trig.light_pos], c.hi, subject=True), "subj"
        if trig.form.noun and trig.light not in ("before", "receive"):
            return [], None
        return subject(lex, t, trig.anchor, c.lo, ctx)
    if name == "obj":
        for k in range(trig.start + 1, trig.end):  # a role phrase inside the trigger
            np = t.np_start.get(k)
            if np is not None and np.end > trig.end:
                return coord_right(lex, t, np, c.hi), "obj"
        skip = lex.settings.object_skip if entry.object_skip is None else entry.object_skip
        group = np_after(lex, c, trig.end, skip, ctx)
        if _asked_done_to(lex, c, entry, group) or _asked_act_object(lex, c, trig, entry, group):
            return [], None
        if _asked_for(lex, c, entry, group):
            return [], None
        if _claimed_subject(lex, c, trig, group):
            return [], None
        # "menetapkan tersangka kepada X": the frame's word alone is no object ("tiga tersangka" is)
        return [a for a in group if a.end - a.start > 1 or t.low[a.start] not in entry.with_first], "obj"
    if name == "next":
        for k in range(trig.start + 1, trig.end):  # "operasi militer AS": the actor inside the noun
            np = t.np_start.get(k)
            if np is not None and np.end > trig.end:
                return coord_right(lex, t, np, c.hi), "next"
        agent = relative_agent_start(lex, t, trig.end, c.hi)  # "operasi yang dilakukan AS"
        return np_after(lex, c, trig.end if agent is None else agent, 2 if agent is None else 0, ctx), "next"
    if name == "agent":  # the agent of a passive right after it
        # "ditetapkan (13) tersangka": the frame's own word says what the subject was made, no agent
        group = np_after(lex, c, trig.end, 0, ctx)
        return [a for a in group if not any(t.low[k] in entry.with_first for k in range(a.start, a.end))], (
            "obj"
        )
    if name == "victim":
        return _victim(lex, c, trig, ctx)
    if name == "named":
        named = _named(lex, c, trig, entry)
        return named, ("obj" if named else None)
    light = trig.light_pos if trig.light == "after" else None
    if name == "after_agent" and light is not None:
        if lex.grammar.is_passive_verb(t.low[light]):  # "the attack was launched by X"
            return np_after(lex, c, light + 1, 0, ctx), "obj"
        return [], None
    if name == "after_obj" and light is not None:
        if lex.grammar.is_active_verb(t.low[light]):  # "the attack ... hit X's base"
            return np_after(lex, c, light + 1, lex.settings.object_skip, ctx), "obj"
        return [], None
    if name in lex.grammar.locative_prepositions:
        return after_prep(lex, c, trig.end, name, ctx, places_only=True), "place"
    if name in _OBJECT_SLOTS:
        return [], None
    end = trig.end
    if end < c.hi and (t.low[end],) in entry.with_words:
        end += 1  # "melayangkan surat permohonan ke DPR": the entry's own word, no event of its own
    group = after_prep(lex, c, end, name, ctx)
    return group, ("place" if group and all(a.place for a in group) else "prep")


def _asked_done_to(lex: Lexicon, c: Clause, entry: Entry, group: list[Actor]) -> bool:
    """An appeal's object followed by a passive verb is what the act asked for is done to, not
    whom the appeal is made to ("meminta kasus X dicabut", "meminta Y dipecat")."""
    w = _word_after(c, group)
    return entry.code[:2] in lex.appeal_roots and lex.is_verb_like(w) and lex.grammar.is_passive_verb(w)


def _word_after(c: Clause, group: list[Actor]) -> str:
    """The word right after the actor group in its clause ("" at the clause's end or with no group)."""
    end = group[-1].end if group else c.hi
    return c.t.low[end] if end < c.hi else ""


def _asked_act_object(lex: Lexicon, c: Clause, trig: Trigger, entry: Entry, group: list[Actor]) -> bool:
    """An appeal's object found past an active verb is the object of the act asked for, not whom
    the appeal is made to ("mengajak generasi muda meneladani X": the youth are asked)."""
    if not group or entry.code[:2] not in lex.appeal_roots:
        return False
    words = c.t.low[trig.end : group[0].start]
    return any(lex.grammar.is_active_verb(w) and lex.is_verb_like(w) for w in words)


def _asked_for(lex: Lexicon, c: Clause, entry: Entry, group: list[Actor]) -> bool:
    """An appeal's object counted in figures with nothing asked of it after it (no verb, no purpose
    word) is what is asked for, not whom the appeal is made to: "meminta 14.000 tentara yang masih
    ada di sana" asks for troops; "meminta 300 warga untuk mengungsi" asks the residents."""
    if not group or entry.code[:2] not in lex.appeal_roots:
        return False
    if not any(ch.isdigit() for ch in c.t.low[group[0].start]):
        return False
    w = _word_after(c, group)
    return w == lex.grammar.relative_pronoun or not w.isalnum()


def _claimed_subject(lex: Lexicon, c: Clause, trig: Trigger, group: list[Actor]) -> bool:
    """The actor after a claim noun that a verb follows is the subject of what is claimed, not the
    one who claims it ("membantah tudingan polisi dimanfaatkan elite": the police are defended)."""
    if not group or c.t.low[trig.end - 1] not in lex.teller_nouns:
        return False
    w = _word_after(c, group)
    return lex.is_verb_like(w) and (lex.grammar.is_passive_verb(w) or lex.grammar.is_active_verb(w))


def _named(lex: Lexicon, c: Clause, trig: Trigger, entry: Entry) -> list[Actor]:
    """The actor the act names as something, right before the first predicate marker after the
    verb within the entry's `with` window ("menetapkan mantan Direktur Utama PES ... dan mantan
    Direktur Utama Petral Bambang Irianto sebagai tersangka": Bambang, however long the object)."""
    t = c.t
    for k in range(trig.end + 1, min(c.hi, trig.end + entry.with_window + 1)):
        if t.low[k] in lex.clause_stops:
            return []
        if t.low[k] in lex.predicate_markers:
            apposed = t.low[k - 1] == ","  # "Presiden Direktur X, Bambang Irianto, sebagai tersangka"
            np = t.np_end.get(k - 1 if apposed else k)
            if np is None or np.place:
                return []
            # after another person ("Imam beserta asistennya, Ulum, sebagai ..."), the object's
            # own slot reads the first of them
            others = [a for a in t.nps if trig.end <= a.start < np.start and a.label == "PER"]
            return [] if apposed and others else [np]
    return []


def _victim(lex: Lexicon, c: Clause, trig: Trigger, ctx: Context) -> Found:
    """The subject of a verb of dying or being hurt right before the act noun and its link word
    ("Odeh tewas dalam serangan Israel", "dua warga terluka akibat serangan ...")."""
    k = victim_verb_before(lex, c.t, trig.start, c.lo)
    if k is None:
        return [], None
    group, _ = subject(lex, c.t, k, c.lo, ctx)
    return group, ("obj" if group else None)


def left_place(lex: Lexicon, c: Clause, anchor: int) -> list[Actor]:
    """A place in a locative phrase of the subject: "A village in south Lebanon was attacked"."""
    t = c.t
    k = anchor - 1
    while k >= c.lo and anchor - k <= lex.settings.subject_window:
        w = t.low[k]
        if w in lex.clause_stops or w == ",":
            return []
        np = t.np_end.get(k + 1)
        if np is not None:
            if (
                np.place
                and np.country
                and np.start - 1 >= c.lo
                and t.low[np.start - 1] in lex.grammar.locative_prepositions
            ):
                return [np]
            return []
        k -= 1
    return []


def sentence_place(lex: Lexicon, c: Clause, sources: list[Actor]) -> list[Actor]:
    """A place of another country in a locative phrase anywhere in the sentence, for an attack
    whose object names no side: "dua orang terluka di Rumania setelah drone Rusia menghantam
    gedung apartemen" (the attack's target is Romania)."""
    t = c.t
    mine = {a.country for a in sources}
    for k in range(c.lo + 1, c.hi):
        np = t.np_start.get(k)
        if (
            np is not None
            and np.place
            and np.country
            and np.country not in mine
            and t.low[k - 1] in lex.grammar.locative_prepositions
        ):
            return [np]
    return []


def mission_target(lex: Lexicon, c: Clause, sources: list[Actor]) -> list[Actor]:
    """The diplomatic mission of another country in a locative phrase anywhere in the sentence,
    for a protest that names no target: "berunjuk rasa setelah berkumpul di depan gedung
    Konsulat Inggris" (the protest is addressed to Britain)."""
    t = c.t
    mine = {a.country for a in sources}
    for np in t.nps:
        if np.start < c.lo or np.start >= c.hi or not np.country or np.country in mine:
            continue
        if t.low[np.start] in lex.mission_words and in_pp(lex, t, np.start, c.lo):
            return [np]
    return []


def antecedent(
    lex: Lexicon, ctx: Context, roots: frozenset[str], sources: list[Actor], against: bool
) -> Actor | None:
    """The actor of an act told shortly before: the latest event (of `roots` when given) by someone
    else; with `against`, only one done to the sources' country (the accusation a denial answers)."""
    mine = {a.side for a in sources}
    fallback = None
    for c in reversed(ctx.history):
        if ctx.si - c.sent > lex.settings.anaphora_sentences:
            break
        if c.mode == "negated" or (roots and c.root not in roots):
            continue
        if c.source.side in mine:
            continue
        if c.target is not None and c.target.side in mine:
            return c.source.as_anaphor()
        if not against and fallback is None:
            fallback = c.source
    return fallback.as_anaphor() if fallback is not None else None


def referred_actor(lex: Lexicon, c: Clause, trig: Trigger, sources: list[Actor], ctx: Context) -> list[Actor]:
    """The object is an act referred to ("that attack", "the accusation"): the actor of that act,
    told in the sentences before."""
    t, hi = c.t, c.hi
    j = trig.end
    limit = min(hi, trig.end + 4)
    while j < limit:
        w = t.low[j]
        if w in lex.clause_stops or w in lex.prepositions or j in t.np_tokens:
            return []
        if any(k < hi and t.low[k] in lex.demonstratives for k in (j + 1, j + 2)):
            noun_roots = frozenset(f.entry.code[:2] for f in lex.triggers.get(w, ()) if f.noun)
            if noun_roots or w in lex.referring_nouns:
                ante = antecedent(lex, ctx, noun_roots, sources, against=False)
                return [ante] if ante is not None else []
        j += 1
    return []


def act_agent(lex: Lexicon, c: Clause, trig: Trigger, ctx: Context) -> list[Actor]:
    """The object is an act whose agent is named after it ("mengecam pembunuhan yang dilakukan
    Israel", "mengkritik kebijakan yang diumumkan X", "mengutuk serangan oleh X", "membantah
    tuduhan dari X"): that agent."""
    t, hi = c.t, c.hi
    j = trig.end + _so_called(lex, t.low[trig.end : hi])
    if j < hi and t.low[j - 1] in lex.referring_nouns:  # the trigger ends in the noun
        if t.low[j] in lex.author_prepositions:
            return np_after(lex, c, j + 1, lex.settings.object_skip, ctx)
        found = _possessor(lex, t, j, hi)
        return [] if _claimed_subject(lex, c, trig, found) else found
    first, limit = j, min(hi, j + lex.settings.object_skip + 1)
    while j < limit:
        w = t.low[j]
        if w in lex.clause_stops or w in lex.prepositions or j in t.np_tokens:
            return []
        if w in lex.referring_nouns or any(f.noun for f in lex.triggers.get(w, ())):
            k = j + 1
            if k < hi and (
                t.low[k] == lex.grammar.agent_preposition
                or (w in lex.referring_nouns and t.low[k] in lex.author_prepositions)
            ):
                return np_after(lex, c, k + 1, lex.settings.object_skip, ctx)
            if w in lex.referring_nouns and j == first and k in t.np_start:
                return _possessor(lex, t, k, hi)  # right after the verb: "membantah pernyataan X"
            rel = _relative_after_noun(lex, t, k, hi)
            if rel is None or (trig.form.entry.code in lex.charge_codes and _cooperative(lex, w)):
                return []  # "melanggar kesepakatan yang dicapai oleh PBB": its broker is not wronged
            return _relative_agent(lex, c, rel + 1, ctx)
        j += 1
    return []


def _cooperative(lex: Lexicon, w: str) -> bool:
    """Is the act noun w one of cooperation only (an agreement, a meeting, aid: quad classes 1-2)?"""
    codes = [f.entry.code for f in lex.triggers.get(w, ()) if f.noun]
    return bool(codes) and all(cameo.event(code).quad_class in (1, 2) for code in codes)


def _relative_agent(lex: Lexicon, c: Clause, v: int, ctx: Context) -> list[Actor]:
    """The agent of a passive relative clause starting at v, after its auxiliaries, with or
    without the agent preposition ("yang dilakukan X", "yang kembali dilakukan oleh X")."""
    t, hi = c.t, c.hi
    while v < hi and t.low[v] in lex.auxiliaries:
        v += 1
    if v >= hi or not lex.grammar.is_passive_verb(t.low[v]):
        return []
    v += 1
    if v < hi and t.low[v] == lex.grammar.agent_preposition:
        v += 1
    return np_after(lex, c, v, 0, ctx)


def _possessor(lex: Lexicon, t: Tokens, k: int, hi: int) -> list[Actor]:
    """The actor named right after a referring noun, its author ("membantah pernyataan X"), of
    the source's own country too: the object slot may have left it out as what is denied."""
    np = t.np_start.get(k)
    if np is None or np.place:
        return []
    return coord_right(lex, t, np, hi)


def _so_called(lex: Lexicon, words: list[str]) -> int:
    """How many words of a "so-called" phrase open `words`."""
    for n in sorted(lex.so_called, reverse=True):
        if tuple(words[:n]) in lex.so_called[n]:
            return n
    return 0


def _relative_after_noun(lex: Lexicon, t: Tokens, k: int, hi: int) -> int | None:
    """The relative pronoun closing the act noun's phrase: right after it, or after a few of its
    modifiers and a place ("rencana perdamaian untuk Jalur Gaza yang diumumkan X")."""
    for j in range(k, min(hi, k + 6)):
        w = t.low[j]
        if w == lex.grammar.relative_pronoun:
            return j
        np = t.np_start.get(j)
        if np is not None and not np.place:
            return None
        if w in lex.clause_stops or not (w[0].isalnum() or j in t.np_tokens):
            return None
    return None


def after_appeal(lex: Lexicon, t: Tokens, start: int, lo: int) -> bool:
    """Does an appeal or demand verb or a plan noun stand right before this subject?"""
    k = start - 1
    if k < lo:
        return False
    if t.low[k] in lex.plan_nouns:
        return True
    # the whole verb form ends right before the subject: "disampaikan X" is no "menyampaikan agar X"
    return any(
        not f.noun and f.entry.code[:2] in lex.appeal_roots and tuple(t.low[j + 1 : k + 1]) == tuple(f.rest)
        for j in range(max(lo, k - 3), k + 1)
        for f in lex.triggers.get(t.low[j], ())
    )


def is_threat_or_answer(lex: Lexicon, code: str) -> bool:
    return code[:2] in lex.threat_roots or bool(lex.counterparts(code))


def implicit_agent(lex: Lexicon, c: Clause, trig: Trigger, targets: list[Actor]) -> list[Actor]:
    """The unnamed agent of a passive legal act ("X ditetapkan sebagai tersangka", "Y ditahan"):
    the nearest actor of one of the entry's roles (by code, or by name: `agent_roles`) named
    shortly before it, else after it in the sentence. None when the passive names an agent of
    its own ("ditahan oleh guru"), actor or not."""
    t, roles = c.t, trig.form.entry.implicit_agent
    if t.offset is None:
        return []  # a title or caption: too little told around it
    agent = lex.grammar.agent_preposition
    for k in range(trig.end, min(c.hi - 1, trig.end + lex.settings.object_skip + 3)):
        if t.low[k] == agent and t.low[k + 1][:1].isalnum():
            return []
    taken = {(a.start, a.end) for a in targets}

    judging = trig.form.entry.code in lex.data.judge_codes

    def fits(a: Actor) -> bool:
        role = lex.agent_roles.get(a.name.lower())
        own = set(cameo.split_actor_code(a.code)[1])
        if (a.start, a.end) in taken or _comitative(lex, t, a.start, c.lo):
            return False
        if not judging and _court(lex, t, a):
            return False  # a judge charges and arrests no one
        return role in roles or bool(own & roles)

    if not t.np_starts and t.nps:
        t.np_starts = [n.start for n in t.nps]
    k = bisect.bisect_left(t.np_starts, trig.start) - 1
    while k >= 0 and trig.start - t.nps[k].end <= lex.settings.implicit_agent_tokens:
        if t.nps[k].end <= trig.start and fits(t.nps[k]):
            return [t.nps[k]]
        k -= 1
    # none named before it: later in the sentence or in the words right after it (a lead "X telah
    # ditetapkan sebagai tersangka." then "Polisi lantas mengungkap ...")
    for a in t.nps[bisect.bisect_left(t.np_starts, trig.end) :]:
        if a.start >= c.hi + lex.settings.implicit_agent_ahead:
            break
        if a.start < c.hi and _after_own_verb(lex, t, trig.end, a.start):
            continue  # "X didakwa menyuap jaksa Y": Y is what X did it to
        if fits(a):
            return [a]
    return []


def _court(lex: Lexicon, t: Tokens, a: Actor) -> bool:
    """Does the actor name a court or a judge, in its phrase or in the capitalised title right
    before it ("Hakim Ketua X", "Ketua Majelis Hakim X")?"""
    courts = lex.data.court_words
    k = a.start - 1
    while k >= 0 and a.start - k <= 4 and t.tokens[k][:1].isupper():
        k -= 1
    return any(t.low[j] in courts for j in range(k + 1, a.end))


def _after_own_verb(lex: Lexicon, t: Tokens, lo: int, start: int) -> bool:
    """Does a verb other than one of saying stand between token lo and `start` (the actor an
    object or oblique of that verb)?"""
    return any(lex.is_verb_like(t.low[k]) and t.low[k] not in lex.reporting_verbs for k in range(lo, start))


def _comitative(lex: Lexicon, t: Tokens, start: int, lo: int) -> bool:
    """Does the actor at `start` stand in a phrase joined by a comitative word ("didakwa bersama
    dengan Menteri X", "Y beserta dua hakim ditahan")? It shares the act; it does not do it."""
    for k in range(start - 1, max(lo, start - 8) - 1, -1):
        w = t.low[k]
        if w in lex.comitatives:
            return True
        if w in lex.clause_stops or w in (",", ":") or (w in lex.triggers and k not in t.np_tokens):
            return False
    return False
