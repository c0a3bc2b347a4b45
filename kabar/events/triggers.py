"""Triggers: the words of the event dictionary in a sentence, longest match first.

An event noun counts only when something reports it: a light verb before it ("melakukan
kunjungan"), a verb after it ("kunjungan ... dilakukan"), a date right after it, a visit framing
the clause ("Dalam kunjungan X ke Y, ..."), or its place in a caption or title. Nouns after a
topic word ("membahas kerja sama") are topics, not events."""

from __future__ import annotations

from collections.abc import Sequence

from kabar import cameo
from kabar.events.lexicon import Entry, Form, Lexicon
from kabar.events.phrases import (
    future_in_frame,
    is_quantity,
    plain_word,
    skip_quantity,
    skip_titles,
    victim_verb_before,
)
from kabar.events.state import Scope, Tokens, Trigger

_SENTENCE_ENDS = (".", ";", "?", "!")


def find_triggers(lex: Lexicon, s: Scope) -> list[Trigger]:
    found: list[Trigger] = []
    t, lo, hi = s.t, s.lo, s.hi
    at: range | list[int] = range(lo, hi)
    if not s.headline:  # only the words of the dictionary
        at = [i for i, w in enumerate(t.low[lo:hi], lo) if w in lex.triggers]
    for i in at:
        forms = lex.triggers.get(t.low[i])
        if s.headline and t.low[i] in lex.headline and not t.hyphen_joined(i):
            # between two sides a headline's word is the verb ("X Kritik Y"), else the noun first;
            # half of a hyphenated word is none ("Revisi Undang-Undang KPK": no invitation)
            bare = lex.headline[t.low[i]]
            forms = bare + (forms or []) if i in t.np_end and i + 1 in t.np_start else (forms or []) + bare
        if forms:
            trig = _first_fit(lex, s, i, forms)
            if trig is not None:
                found.append(trig)
    if not found:
        return found
    # overlapping triggers: the longest wins, then the leftmost
    used: set[int] = _idiom_tokens(lex, s) if lex.idioms else set()
    found.sort(key=lambda x: (-(x.end - x.start), x.start))
    chosen: list[Trigger] = []
    for trig in found:
        span = set(range(trig.start, trig.end))
        if span & used:
            continue
        used |= span
        chosen.append(trig)
    chosen.sort(key=lambda x: x.start)
    return chosen


def _idiom_tokens(lex: Lexicon, s: Scope) -> set[int]:
    """The tokens of idioms in the sentence ("menuntut ilmu": to study, no demand)."""
    out: set[int] = set()
    t = s.t
    if lex.idioms.keys().isdisjoint(t.low[s.lo : s.hi]):
        return out
    for i in range(s.lo, s.hi):
        for idiom in lex.idioms.get(t.low[i], ()):
            if tuple(t.low[i : i + len(idiom)]) == idiom and i + len(idiom) <= s.hi:
                out.update(range(i, i + len(idiom)))
    return out


def _match_end(lex: Lexicon, t: Tokens, i: int, hi: int, form: Form, q_end: list[int]) -> int | None:
    """The token after the form matched at i, or None. Quantity words may follow a verb's first
    word ("fired dozens of rockets"); the last word may carry the possessive clitic."""
    clitic = lex.grammar.possessive_clitic
    j = i + 1
    for k, w in enumerate(form.rest):
        if k == 0 and not form.noun and j < hi and t.low[j] != w:
            if q_end[0] < 0:
                q_end[0] = skip_quantity(lex, t, j, hi)
            j = q_end[0]
        tok = t.low[j] if j < hi else ""
        if tok != w and not (k == len(form.rest) - 1 and tok == w + clitic):
            return None
        j += 1
    return j


def _first_fit(lex: Lexicon, s: Scope, i: int, forms: list[Form]) -> Trigger | None:
    """The longest form of the word at i that fits the sentence."""
    t, lo, hi = s.t, s.lo, s.hi
    q_end = [-1]  # where quantity words after the first word end, computed once
    denials = lex.data.with_negations
    for form in forms:
        if i + form.length > hi:
            continue
        j = _match_end(lex, t, i, hi, form, q_end)
        if j is None:
            continue
        entry = form.entry
        w = entry.with_window
        if entry.with_words and not has_phrase(t, entry, max(lo, i - w), min(hi, j + w), denials):
            continue
        if entry.without_words and any(t.low[k] in entry.without_words for k in range(lo, hi)):
            continue  # anywhere in the sentence: a meeting in sport
        if entry.not_after_words and any(t.low[k] in entry.not_after_words for k in range(max(lo, i - 2), i)):
            continue  # "Setelah (kami) mempertimbangkan ..., kami menyerahkan ...": a preamble
        if entry.not_before_words and j < hi and t.low[j] in entry.not_before_words:
            continue  # "mendesak itu dilakukan": the word is an adjective here
        trig = Trigger(form, i, j, i, None)
        if trig.end > hi or _noun_twin_here(lex, t, lo, i, form, forms):
            continue
        if form.noun and not license_noun(lex, s, trig):
            continue
        return trig
    return None


def _noun_twin_here(lex: Lexicon, t: Tokens, lo: int, i: int, form: Form, forms: list[Form]) -> bool:
    """Is this verb form also a noun of its entry ("baku tembak"), standing where no subject can
    come before it (opening the clause, after a preposition or a noun that is no actor: "Baku
    tembak antara X dengan Y terjadi", "tewas dalam insiden baku tembak"), or after one who suffers it
    ("korban baku tembak")? Then the noun is read."""
    if form.noun:
        return False
    k = i - 1
    no_subject = k < lo or t.low[k] in lex.prepositions or not t.low[k].isalnum()
    no_subject = no_subject or t.low[k] in lex.data.light_verbs_presenting  # "terjadi baku tembak"
    if not (no_subject or t.low[k] in lex.data.victim_nouns or _bare_noun(lex, t, k)):
        return False
    return any(f.noun and f.entry is form.entry and f.rest == form.rest for f in forms)


def _bare_noun(lex: Lexicon, t: Tokens, k: int) -> bool:
    return k not in t.np_tokens and k not in t.mention_tokens and plain_word(lex, t, k)


def has_phrase(t: Tokens, entry: Entry, a: int, b: int, negations: Sequence[str] = ()) -> bool:
    """Does one of the entry's `with` phrases stand in tokens a..b, not denied by a negation right
    before it?"""
    for k in range(a, b):
        if t.low[k] in entry.with_first and not (k > 0 and t.low[k - 1] in negations):
            for p in entry.with_words:
                if t.low[k] == p[0] and (len(p) == 1 or tuple(t.low[k : k + len(p)]) == p):
                    return True
    return False


def license_noun(lex: Lexicon, s: Scope, trig: Trigger) -> bool:
    """Is an event noun reported here (and how)? Sets trig.light, anchor and light_pos."""
    t, lo, i = s.t, s.lo, trig.start
    if any(t.low[k] in lex.topic_markers for k in range(max(lo, i - 3), i)):
        return False
    if not s.headline and i - 1 > lo and t.tokens[i][:1].isupper() and t.tokens[i - 1][:1].isupper():
        return False  # a word of a name or office ("Koordinator Bidang Komunikasi Golkar X")
    # a light verb before it, quantities between
    k = i - 1
    while k >= lo and is_quantity(lex, t.low[k]) and i - k <= 4:
        k -= 1
    light = k >= lo and (t.low[k] in lex.light_before or (s.headline and t.low[k] in lex.headline_light))
    if not light and k >= lo and cameo.is_verbal(trig.form.entry.code):
        k = _coordinated_light(lex, t, lo, k, k)
        light = t.low[k] in lex.light_before
    if light or (k >= lo and t.low[k] in lex.light_receive):
        if k - 1 >= lo and t.low[k - 1] in lex.topic_markers:
            return False
        trig.light = "receive" if t.low[k] in lex.light_receive else "before"
        trig.anchor = trig.light_pos = k
        return True
    victim = victim_verb_before(lex, t, i, lo)
    if victim is not None:
        # "X tewas dalam operasi militer AS": a death in it tells the act as done
        trig.light = "victim"
        trig.anchor = trig.light_pos = victim
        return True
    if s.caption:
        trig.light = "caption"
        return True
    if k >= lo and k == i - 1 and t.low[k] in lex.data.light_verbs_presenting:
        trig.light = "presented"  # "terjadi baku tembak antara X dengan Y": its sides come after it
        trig.anchor = trig.light_pos = k
        return True
    framed = k >= lo and t.low[k] in lex.visit_frames
    if framed and trig.form.entry.code == lex.data.visit_code and _visit_frame(lex, s, trig, k):
        return True
    if framed and trig.form.entry.reciprocal and _meeting_frame(lex, s, trig, k):
        return True
    if trig.form.entry.code == lex.data.visit_code and _named_visit(lex, s, trig, k):
        return True
    return _verb_after(lex, s, trig) or _date_after(lex, s, trig)


def _coordinated_light(lex: Lexicon, t: Tokens, lo: int, k: int, default: int) -> int:
    """The light verb of a verbal act's noun coordinated with the noun after it ("melayangkan surat
    terbuka dan desakan kepada X"; not "memperkuat hubungan dan kerja sama", whose cooperation is
    no act told): from the coordinator at `k`, up to three nominal words back; else `default`."""
    if t.low[k] not in lex.conjunctions or not t.low[k].isalpha():
        return default
    j = k - 1
    while j >= lo and k - j <= 4:
        w = t.low[j]
        if w in lex.light_before:
            return j if j < k - 1 else default
        if w in lex.prepositions or w in lex.clause_stops or w in (",", ".", ";", ":"):
            return default
        j -= 1
    return default


def _named_visit(lex: Lexicon, s: Scope, trig: Trigger, k: int) -> bool:
    """A visit told whole alongside another event, its visitor right after it and its destination
    after "ke" ("digelar bersamaan dengan kunjungan resmi PM Pakistan X ke China"): a visit made,
    unless the future is spoken of."""
    t, lo, hi = s.t, s.lo, s.hi
    if not any(
        k - n + 1 >= lo and tuple(t.low[k - n + 1 : k + 1]) in ps for n, ps in lex.visit_alongside.items()
    ):
        return False  # only alongside what it tells: a visit referred to is a topic
    if future_in_frame(lex, t, trig.end, hi):
        return False
    j = trig.end
    while j < hi and j - trig.end < 6 and j not in t.np_start:
        w = t.low[j]  # "kunjungan resmi Perdana Menteri (PM) Pakistan X"
        if w in lex.prepositions or w in lex.clause_stops or w in (",", "."):
            return False
        j += 1
    visitor = t.np_start.get(j)
    if visitor is None:
        return False
    to = visitor.end
    while to < hi and to - visitor.end < 3 and to in t.np_tokens:
        to += 1
    dest = (
        t.np_start.get(to + 1) if to + 1 < hi and t.low[to] in lex.grammar.directional_prepositions else None
    )
    if dest is None or not dest.place:
        return False
    trig.light, trig.light_pos = "frame_possessive", j  # the visitor is the actor after the noun
    return True


def _opens_clause(lex: Lexicon, t: Tokens, k: int, lo: int) -> bool:
    return k == lo or t.low[k - 1] in lex.clause_stops or t.low[k - 1] == ","


def _visit_frame(lex: Lexicon, s: Scope, trig: Trigger, k: int) -> bool:
    """A visit framing the clause: "Dalam kunjungan Presiden X ke Y, ..." (the visitor named after
    it), or "Dalam kunjungannya ke Y, (Presiden) X ..." (the visitor is the main clause's subject)."""
    t, lo, hi = s.t, s.lo, s.hi
    if not _opens_clause(lex, t, k, lo) or future_in_frame(lex, t, trig.end, hi):
        return False
    if t.np_start.get(skip_titles(t, trig.end, hi)) is not None:
        trig.light = "frame"
        return True
    if not t.low[trig.end - 1].endswith(lex.grammar.possessive_clitic):
        return False
    c = trig.end
    while (
        c < hi and c - trig.end <= 10 and t.low[c] not in (",", ".", ";") and t.low[c] not in lex.clause_stops
    ):
        c += 1
    if c < hi and t.low[c] == ",":
        j = skip_titles(t, c + 1, hi)
        if t.np_start.get(j) is not None:
            trig.light = "frame_possessive"
            trig.light_pos = j
            return True
    return False


def _meeting_frame(lex: Lexicon, s: Scope, trig: Trigger, k: int) -> bool:
    """A meeting or call framing the clause with its other side: "Dalam panggilan telepon dengan
    X, Y menegaskan ..." (Y, the main clause's subject, talked with X)."""
    t, lo, hi = s.t, s.lo, s.hi
    if not _opens_clause(lex, t, k, lo) or future_in_frame(lex, t, trig.end, hi):
        return False
    if trig.end >= hi or t.low[trig.end] not in trig.form.entry.noun_target:
        return False
    c = trig.end
    while c < hi and c - trig.end <= 10 and t.low[c] not in (",", ".", ";", *lex.clause_stops):
        c += 1
    if c < hi and t.low[c] == "," and c not in t.np_tokens:  # not a comma inside an apposition
        j = skip_titles(t, c + 1, hi)
        if t.np_start.get(j) is not None:
            trig.light, trig.light_pos = "frame_possessive", j
            return True
    return False


def _verb_after(lex: Lexicon, s: Scope, trig: Trigger) -> bool:
    """A verb after the noun reports it: "kunjungan ... dilakukan"."""
    t, hi = s.t, s.hi
    for k in range(trig.end, min(hi, trig.end + 8)):
        w = t.low[k]
        if w in lex.light_after:
            trig.light = "after"
            trig.light_pos = k
            return True
        if w in _SENTENCE_ENDS or (w == "," and k > trig.end + 1 and t.low[k - 1] not in ("(",)):
            return False
        if w == lex.grammar.relative_pronoun and k > trig.end + 1:
            return False  # another noun's relative clause
    return False


def _date_after(lex: Lexicon, s: Scope, trig: Trigger) -> bool:
    """A date right after the noun (or after a longer noun phrase with no clause break before
    the date): "serangan Israel ke Gaza pada Senin"."""
    t, hi = s.t, s.hi
    if not s.times or t.offset is None:
        return False
    end_char = t.ends[trig.end - 1] + t.offset
    for tx in s.times:
        gap = tx.start - end_char
        if tx.precision != "day":
            continue
        if 0 <= gap <= 40:
            trig.light = "date"
            return True
        if (
            40 < gap <= 70
            and not any(ch in t.text[end_char - t.offset : tx.start - t.offset] for ch in ',.;:"“”')
            and not any(
                lex.is_verb_like(t.low[k]) or t.low[k] in lex.conjunctions
                for k in range(trig.end, hi)
                if t.starts[k] + t.offset < tx.start
            )
        ):
            trig.light = "date"
            return True
    return False
