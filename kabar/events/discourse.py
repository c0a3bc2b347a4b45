"""What a sentence leaves for the next ones to point back to: the last pair of sides (for "both
sides") and the person heading it (for "he"/"she")."""

from __future__ import annotations

import bisect
import datetime as dt

from kabar.events.dates import TimeExpr
from kabar.events.lexicon import Lexicon
from kabar.events.merging import same_sides
from kabar.events.phrases import coord_left, in_pp, plain_word
from kabar.events.state import FACTUAL_MODES, Actor, Candidate, Quoted, Tokens


def nps_in(t: Tokens, a: int, b: int) -> list[Actor]:
    """The actor noun phrases starting in tokens a..b."""
    if not t.np_starts and t.nps:
        t.np_starts = [n.start for n in t.nps]
    return t.nps[bisect.bisect_left(t.np_starts, a) : bisect.bisect_left(t.np_starts, b)]


def last_groups(
    lex: Lexicon, t: Tokens, span: tuple[int, int], found: list[Candidate]
) -> tuple[list[Actor] | None, list[Actor] | None]:
    """The last pairs of actors of a sentence: a reciprocal event's sides, and a pair of
    coordinated actors outside a prepositional phrase (a mediator's pair names no sides)."""
    a, b = span
    recip = None
    for c in reversed(found):
        if c.reciprocal and c.target is not None and c.mode != "skip":
            recip = [c.source, c.target]
            break
    coord = None
    for np in reversed(nps_in(t, a, b)):
        group = coord_left(lex, t, np, a)
        k = group[0].start - 1
        oblique = k >= a and (t.low[k] in lex.prepositions or t.low[k] in lex.prep_stops)
        if len(group) == 2 and not oblique and group[0].code != group[1].code:
            coord = group
            break
    return recip, coord


def sentence_person(lex: Lexicon, t: Tokens, span: tuple[int, int], quotes: list[Quoted]) -> Actor | None:
    """The person a pronoun in the next sentence points back to: the first person named in this
    sentence outside a prepositional phrase, a possessive, a quote and a complement clause
    ("Politikus itu bersaksi bahwa X ...": the pronoun is the witness, whom no name gives); None
    when that person is no actor."""
    a, b = span
    lo_i = bisect.bisect_left(t.person_starts, a)
    for m in t.person_starts[lo_i:]:
        if m >= b:
            break
        pos = t.starts[m]
        if any(q.start <= pos < q.end for q in quotes):
            continue
        np = next((n for n in nps_in(t, a, m + 1) if n.start <= m < n.end), None)
        start = np.start if np is not None else m
        said = start - 1 >= a and t.low[start - 1] in lex.speech_verbs  # '"...," kata X'
        if not said and (in_pp(lex, t, start, a) or (start - 1 >= a and plain_word(lex, t, start - 1))):
            continue
        if not said and _in_complement(lex, t, a, start):
            continue
        return np if np is not None and np.label == "PER" else None
    return None


def _in_complement(lex: Lexicon, t: Tokens, a: int, start: int) -> bool:
    """Does token `start` stand in a complement clause ("bersaksi bahwa X ...") opened between the
    comma or sentence start before it and it?"""
    k = start - 1
    while k >= a and t.low[k] != ",":
        if t.low[k] in lex.teller_that:
            return True
        k -= 1
    return False


def dated_old(lex: Lexicon, times: list[TimeExpr], pub: dt.datetime | None) -> bool | None:
    """Whether a sentence's dates lie long before publication (True), near it (False), or it
    gives none (None)."""
    dated = [tx for tx in times if tx.date is not None and tx.relation != "future"]
    if pub is None or not dated:
        return None
    return all((pub.date() - tx.date).days >= lex.background_days for tx in dated if tx.date)


def _opens_scene(lex: Lexicon, t: Tokens, a: int) -> bool:
    """The sentence ending before token a opens with a flashback's setting ("Saat itu pada
    2010, ...", "Pada 2020, ..."): the next sentence is still in that scene."""
    # that sentence starts after its own closing marks (".", and the "," a paragraph break may
    # leave after it)
    k = a - 1
    while k > 0 and not any(ch.isalnum() for ch in t.low[k]):
        k -= 1
    while k > 0 and t.low[k - 1] not in (".", "!", "?"):
        k -= 1
    while k < a - 1 and not any(ch.isalnum() for ch in t.low[k]):
        k += 1  # the "," left at its head
    return _scene_head(lex, t, k, a) or _dated_head(lex, t, k, a)


def _dated_head(lex: Lexicon, t: Tokens, k: int, b: int) -> bool:
    """Does the sentence starting at token k (ending before b) open with a time expression, one
    word at most before it ("Pada 2020, Washington ...", "Pada 2018 di Singapura, ...", "Namun
    dua tahun lalu, ...")? Its date is the sentence's setting (the caller knows it lies long ago)."""
    j = k
    while j < min(b, k + lex.scene_reach) and j not in t.time_tokens:
        j += 1
    return j < b and j - k <= 1 and j in t.time_tokens


def _scene_head(lex: Lexicon, t: Tokens, k: int, b: int) -> bool:
    """Does the sentence starting at token k (ending before b) open with a scene's setting?"""
    head = t.low[k : min(b, k + lex.scene_reach)]
    return any(tuple(head[i : i + len(p)]) == p for p in lex.scene_openers for i in range(len(head)))


def _goes_on(lex: Lexicon, t: Tokens, k: int, b: int) -> bool:
    """Is token k a word that goes on with the story ("lalu", "kemudian")? One that opens a
    temporal clause ("Setelah pertemuan kedua ... berakhir, X ...") counts before a subject, not
    before a bare verb ("Setelah bertemu X, Y ...": the next step of the day's own story)."""
    w = t.low[k]
    if w not in lex.background_continues:
        return False
    return w not in lex.temporal.words or not (k + 1 < b and lex.is_verb_like(t.low[k + 1]))


def dated_after(
    lex: Lexicon, t: Tokens, span: tuple[int, int], undated: list[tuple[int, list[Candidate]]], si: int
) -> None:
    """A story dated only after its first sentences ("Akibat serangan itu, X pun menjatuhkan
    sanksi ... . Y selamat setelah terpapar racun pada Maret 2017."), in an article that has given
    no date near publication before: the undated sentences just before the date, past the lead,
    tell that story, unless the dated one sets itself apart as earlier ("Sebelumnya, pada 2015
    ...") or as one more instance ("X juga pernah ...")."""
    a, b = span
    head = range(a, min(b, a + lex.scene_reach))
    if any(t.low[k] in lex.given.recaps for k in range(a, b)) or any(_goes_on(lex, t, k, b) for k in head):
        return
    for sj, found in undated:
        if sj >= lex.given.standing_far and si - sj <= lex.continue_sentences:
            for c in found:
                if c.mode in FACTUAL_MODES:
                    c.mode = "background"


def continue_background(
    lex: Lexicon, t: Tokens, span: tuple[int, int], old_si: int | None, si: int, found: list[Candidate]
) -> bool:
    """A sentence that goes on with a story dated long ago ("Iran lalu membalas ...", giving no
    date of its own) tells background: its factual events become background. True when it does
    (the story goes on from it)."""
    a, b = span
    if old_si is None or not 0 < si - old_si <= lex.continue_sentences:
        return False
    # "Saat itu, X diajak ..." after a sentence dated long ago: the time it points back to is that one
    goes_on = any(_goes_on(lex, t, k, b) for k in range(a, min(b, a + 5)))
    goes_on = goes_on or _scene_head(lex, t, a, b)
    # right after a dated setting, unless the sentence comes back to now ("Kini, X ...")
    head = t.low[a : min(b, a + lex.scene_reach)]
    now = any(tuple(head[i : i + len(p)]) == p for p in lex.scene_present for i in range(len(head)))
    if not goes_on and not (si - old_si == 1 and not now and _opens_scene(lex, t, a)):
        return False
    for c in found:
        if c.mode in FACTUAL_MODES:
            c.mode = "background"
    return True


def _perfect_before(lex: Lexicon, t: Tokens, lo: int, k: int) -> bool:
    """A perfect marker ("telah", "sudah") at most `standing_window` tokens before token k, in its
    clause and before any actor."""
    g = lex.given
    for j in range(k - 1, max(lo, k - g.standing_window) - 1, -1):
        w = t.low[j]
        if w in g.perfect:
            return True
        if j in t.np_tokens or w in lex.clause_stops or not w.isalnum():
            return False
    return False


def _standing(lex: Lexicon, t: Tokens, span: tuple[int, int], c: Candidate, quotes: list[Quoted]) -> bool:
    """A perfect act of a standing kind with no date of its own, outside a direct quote, that
    points back to nothing told before ("tuduhan itu", "serangan tersebut")."""
    g = lex.given
    if c.mode not in FACTUAL_MODES or c.times or not c.act_code.startswith(g.standing_roots):
        return False
    if any(q.direct and q.start <= c.trig_char < q.end for q in quotes):
        return False
    lo, hi = span
    if t.low[lo] in g.recaps:
        return False  # "Sebelumnya, X telah meminta ...": a recap of the last days' news
    if not (
        _perfect_before(lex, t, lo, c.trigger)
        or (not lex.is_verb_like(t.low[c.trigger]) and _perfect_before(lex, t, lo, c.trigger - 1))
    ):
        return False
    # the pointer stands in the act's own clause ("membantah tuduhan itu", "memanggil X sebagai
    # protes atas pertemuan tersebut"), not in a later one ("..., tetapi Y menolak peringatan itu")
    for k in range(c.trigger, hi):
        if t.low[k] in lex.clause_stops or t.low[k] == ",":
            break
        if t.low[k] in g.anaphors:
            return False
    return True


def standing_background(
    lex: Lexicon,
    t: Tokens,
    spans: list[tuple[int, int]],
    quotes: list[Quoted],
    cands: tuple[list[Candidate], list[Candidate]],
) -> None:
    """An act told in the perfect, far from the lead, of a standing kind (a warning, an appeal,
    help, sanctions, fighting) and of another kind than the article's main events (those of the
    title and the lead, and their counterparts), with no date of its own and pointing back to
    nothing told before, is a standing act told as background ("Washington sebelumnya telah
    memperingatkan bahwa ...", "X juga sudah mendesak seluruh sekutunya ..."): its factual
    events become background."""
    found, parts = cands
    far = lex.given.standing_far
    main = [c for c in (*parts, *found) if c.sent < far and (c.sent >= 0 or c.evidence.where == "title")]
    roots = _roots(lex, main)
    for c in found:
        # told as earlier inside its clause ("X sebelumnya telah ..."), it answers no main event,
        # even near the lead (where the main events are those of the other sentences)
        earlier = any(t.low[k] in lex.given.recaps for k in range(spans[c.sent][0] + 1, c.trigger))
        if c.sent < far and not earlier:
            continue
        own = roots if c.sent >= far else _roots(lex, [m for m in main if m.sent != c.sent])
        if c.act_code[:2] in own or (own & lex.counterparts(c.act_code) and not earlier):
            continue
        if _standing(lex, t, spans[c.sent], c, quotes):
            c.mode = "background"
            for d in found:  # the answer told in a relative clause on it (", yang kemudian dibantah X")
                if d.sent == c.sent and d.mode in FACTUAL_MODES and _relative_on(lex, t, c, d):
                    d.mode = "background"


def past_rule(lex: Lexicon, t: Tokens, spans: list[tuple[int, int]], found: list[Candidate]) -> None:
    """An act of a government named after a leader who no longer holds office ("Pemerintahan
    Barack Obama membebaskan 200 orang", the leader coded as a former elite, the pack's
    `former_role`) was done in that leader's time: its factual events become background."""
    past = lex.given.past_rule
    for c in found:
        s = c.source
        if c.mode not in FACTUAL_MODES or s is None or s.via != "mention":
            continue
        # the rule's noun opens the actor's phrase or stands before it, with a title between
        # ("Pemerintahan mantan Presiden X")
        ruled = any(t.low[k] in past for k in range(max(spans[c.sent][0], s.start - 3), s.start + 1))
        if ruled and s.code.endswith(lex.former_role):
            c.mode = "background"


def case_history(lex: Lexicon, t: Tokens, spans: list[tuple[int, int]], found: list[Candidate]) -> None:
    """An arrest or the naming of suspects told in the perfect, after the lead, with no date of
    its own, in a sentence that points back to the article's case ("Dalam kasus ini, KPK telah
    menetapkan tiga tersangka") sums up the case's history: its factual events become background."""
    g = lex.given
    for c in found:
        if c.mode not in FACTUAL_MODES or c.times or c.sent < 1 or not c.act_code.startswith(g.case_roots):
            continue
        lo, hi = spans[c.sent]
        if _perfect_before(lex, t, lo, c.trigger) and _points_to_case(lex, t, lo, hi):
            c.mode = "background"


def _points_to_case(lex: Lexicon, t: Tokens, lo: int, hi: int) -> bool:
    """A case word followed by a pointer back ("kasus ini", "kasus pemerasan itu") in tokens lo..hi."""
    g = lex.given
    for k in range(lo, hi):
        if t.low[k] not in g.cases:
            continue
        for j in range(k + 1, min(hi, k + 1 + g.case_reach)):
            w = t.low[j]
            if w in g.anaphors:
                return True
            if not w.isalnum() or w in lex.clause_stops:
                break
    return False


def _relative_on(lex: Lexicon, t: Tokens, c: Candidate, d: Candidate) -> bool:
    """Does d's event word stand in a relative clause set off by a comma after c's?"""
    rel = lex.grammar.relative_pronoun
    between = range(c.trigger + 1, d.trigger + 1)
    return d.trigger > c.trigger and any(t.low[k] == rel and t.low[k - 1] == "," for k in between)


def _roots(lex: Lexicon, main: list[Candidate]) -> set[str]:
    """The roots of the main events and of their counterparts."""
    return {c.act_code[:2] for c in main} | {r for c in main for r in lex.counterparts(c.act_code)}


def retold_background(lex: Lexicon, t: Tokens, spans: list[tuple[int, int]], found: list[Candidate]) -> None:
    """An act told again shortly after it was told as background, pointing back to it ("... ketika
    polisi di Vancouver menahan kepala keuangan Huawei. Bos Huawei itu ditangkap ..."): the same
    root between the same sides, with no date of its own, a demonstrative before its word (not the
    "itu" of "Sementara itu", which turns to another story) and no word saying it was done again,
    is that act: background."""
    g = lex.given
    told = [c for c in found if c.mode == "background"]
    for c in found:
        if c.mode not in FACTUAL_MODES or c.times or c.sent < 1:
            continue
        lo, hi = spans[c.sent]
        if any(t.low[k] in g.again for k in range(lo, hi)):
            continue
        pointers = (k for k in range(lo + 1, c.trigger) if t.low[k] in g.anaphors)
        if not any(t.low[k - 1] not in g.contrast for k in pointers):
            continue
        if any(
            0 < c.sent - d.sent <= g.retold_reach and d.root == c.root and same_sides(d, c, loose=True)
            for d in told
        ):
            c.mode = "background"
