"""Acts a sentence tells as given rather than as news (modality.yaml, `given`): a repeated past
in a contrastive clause ("Sementara X telah mengadakan beberapa pembicaraan dengan Y, ..."), a
standing denial conceded ("..., meskipun pihaknya menyangkal berambisi ..."), and an act recalled
from an earlier period of someone's life ("sempat menjenguk Y ketika sakit", "saat masih
menjabat"). Each makes the event background."""

from __future__ import annotations

from collections.abc import Callable, Collection

from kabar.events.given import GivenWords
from kabar.events.state import Tokens, Trigger

_STOPS = frozenset((",", ";", ":", "“", "”", '"', ".", "!", "?", "(", ")"))


def _opener(
    g: GivenWords, t: Tokens, lo: int, anchor: int, stops: Collection[str], openers: frozenset[str]
) -> int:
    """The index of the subordinator in `openers` that opens the event's clause, or -1: the first
    clause word met going back from the event; a discourse link ("Sementara itu", "Meski
    demikian") opens no clause."""
    k = anchor - 1
    while k >= lo:
        w = t.low[k]
        if w in openers:
            nxt = t.low[k + 1] if k + 1 < len(t.low) else ""
            return -1 if nxt in g.connectives or nxt == "," else k
        if w in _STOPS or w in stops:
            return -1
        k -= 1
    return -1


def repeated_in_contrast(g: GivenWords, t: Tokens, lo: int, trig: Trigger, stops: Collection[str]) -> bool:
    """A repeated past act in a contrastive clause: "Sementara X telah mengadakan beberapa
    pembicaraan dengan Y, ...": the subordinator opens the event's clause, a perfect marker
    stands before the event's word and a count word between its light verb and the event noun
    ("beberapa pertemuan", "sejumlah pembicaraan"), or before it in the clause: an act joined to
    the repeated one ("... beberapa pembicaraan dengan Y dan kedua pihak sepakat ...") is part
    of that past."""
    k = _opener(g, t, lo, trig.anchor, stops, g.contrast)
    if k < 0 or not any(t.low[j] in g.perfect for j in range(k + 1, trig.anchor)):
        return False
    return any(t.low[j] in g.counts for j in range(k + 1, trig.start))


def conceded_stance(
    g: GivenWords, t: Tokens, lo: int, hi: int, trig: Trigger, stops: Collection[str], stance: Collection[str]
) -> bool:
    """A standing denial or accusation conceded: "..., meskipun pihaknya menyangkal berambisi
    menguasai kawasan itu": the stance verb in a concessive clause, over a disposition
    (an ambition, an intention, a possession), not over an act ("meski Iran membantah tuduhan
    itu" stays news)."""
    if t.low[trig.start] not in stance or _opener(g, t, lo, trig.anchor, stops, g.concessive) < 0:
        return False
    for k in range(trig.end, min(hi, trig.end + 5)):
        w = t.low[k]
        if w in g.dispositions:
            return True
        if w in _STOPS or (k not in t.np_tokens and w not in g.perfect):
            return False
    return False


def _period_at(g: GivenWords, t: Tokens, k: int, hi: int, recalled: bool) -> bool:
    """An earlier period of someone's life named after the when-word at k ("saat masih menjabat",
    "semasa hidupnya"; after "sempat" also a bare state: "ketika sakit"), or an episode before the
    present one ("sebelum sakit yang sekarang ini")."""
    if t.low[k] in g.earlier:
        ahead = t.low[k + 1 : min(hi, k + 7)]
        return any(tuple(ahead[i : i + len(p)]) == p for p in g.now for i in range(len(ahead)))
    if any(tuple(t.low[k + 1 : k + 1 + len(p)]) == p for p in g.periods):
        return True
    return recalled and k + 1 < hi and t.low[k + 1] in g.recalled_states


def recalled(
    g: GivenWords, t: Tokens, lo: int, hi: int, trig: Trigger, verb_like: Callable[[str], bool]
) -> bool:
    """An act recalled from an earlier period: a when-clause opening the sentence, or right after
    the event before any other verb, names a period of the past ("X bertemu Y saat masih menjabat menteri"; "Y
    sempat menjenguk Z ketika sakit sebelum sakit yang sekarang ini")."""
    recall = any(t.low[k] in g.recall for k in range(max(lo, trig.anchor - 3), trig.anchor))
    first = next((k for k in range(lo, trig.anchor) if t.low[k] not in _STOPS), trig.anchor)
    if first < trig.anchor and t.low[first] in g.when and _period_at(g, t, first, trig.anchor, recall):
        return True  # the sentence opens in that period: "Semasa hidupnya, X ..."
    for k in range(trig.end, min(hi, trig.end + g.window)):
        w = t.low[k]
        if (w in g.when or w in g.earlier) and _period_at(g, t, k, hi, recall):
            return True
        if w in _STOPS or (k not in t.np_tokens and verb_like(w)):
            return False
    return False


def describing_relative(
    t: Tokens,
    lo: int,
    hi: int,
    trig: Trigger,
    relative: str,
    skip: Collection[str],
    said: Collection[str],
    verb_like: Callable[[str], bool],
) -> bool:
    """An act in a restrictive relative clause (no comma before "yang") describing the
    sentence's subject, whose own predicate is a statement: "koalisi pimpinan X yang memerangi Y
    mengatakan ...": the act says who speaks, it is not news. A time in the clause ("yang
    menyerang kilang pada Sabtu") keeps it news, and so does a statement ("X yang berbicara di Y
    mengatakan ...": the same act as the predicate)."""
    if trig.form.entry.code[:2] == "01":
        return False
    k = _before_skipping(t, lo, trig.anchor, skip)
    if k <= lo or t.low[k] != relative or t.np_end.get(k) is None:
        return False
    for j in range(lo, k):  # the relative clause hangs on the subject: no verb or comma before it
        if j not in t.np_tokens and (t.low[j] in _STOPS or verb_like(t.low[j])):
            return False
    for j in range(trig.end, min(hi, trig.end + 10)):
        w = t.low[j]
        if j in t.time_tokens or w in _STOPS:
            return False
        if j not in t.np_tokens and w in said:
            return True
        if j not in t.np_tokens and verb_like(w):
            return False
    return False


def closed_relative(
    g: GivenWords, t: Tokens, lo: int, trig: Trigger, relative: str, skip: Collection[str]
) -> bool:
    """An act in a relative clause closed by a demonstrative right after its verb ("petani Aceh
    yang ditangkap itu ...", "dua orang yang diamankan tersebut diduga ..."): it names a participant
    known from before."""
    if trig.end >= len(t.low) or t.low[trig.end] not in g.closers:
        return False
    k = _before_skipping(t, lo, trig.anchor, skip)
    return k >= lo and t.low[k] == relative


def standing_apposition(
    g: GivenWords, t: Tokens, lo: int, hi: int, trig: Trigger, relative: str, skip: Collection[str]
) -> bool:
    """A standing state in a relative clause set off by a comma after a named side ("Houthi, yang
    didukung Iran, mengklaim ...", "Rusia, yang juga membantu X, menutup mata ..."): it says who
    the side is, not what it did now. A time in the clause keeps it news."""
    if t.low[trig.start] not in g.standing_states:
        return False
    k = _before_skipping(t, lo, trig.anchor, skip)
    if k - 1 <= lo or not _apposed_relative_at(t, k, relative):
        return False
    for j in range(trig.end, hi):
        if j in t.time_tokens:
            return False
        if t.low[j] in _STOPS:
            break
    return True


def apposed_relatives(t: Tokens, lo: int, hi: int, trig: Trigger, relative: str) -> list[tuple[int, int]]:
    """The character spans (in `t`) of the relative clauses set off by commas after a named side
    that do not hold the event's word ("Houthi, yang diperangi X sejak 2015, mengklaim ..."): a
    time or period there is the clause's, not the main verb's."""
    spans = []
    for k in range(lo + 1, hi):
        if not _apposed_relative_at(t, k, relative):
            continue
        j = k + 1
        while j < hi and t.low[j] not in _STOPS:
            j += 1
        if j < hi and t.low[j] == "," and not k <= trig.start < j:
            spans.append((t.starts[k], t.ends[j - 1]))
    return spans


def _apposed_relative_at(t: Tokens, k: int, relative: str) -> bool:
    """Does a relative clause open at k, set off by a comma right after a named side ("X, yang")?"""
    return t.low[k] == relative and t.low[k - 1] == "," and t.np_end.get(k - 1) is not None


def _before_skipping(t: Tokens, lo: int, anchor: int, skip: Collection[str]) -> int:
    """The first token before the event's word that is no auxiliary (`skip`), not before lo: where
    a relative pronoun opening the event's clause would stand ("yang telah ditangkap")."""
    k = anchor - 1
    while k > lo and t.low[k] in skip:
        k -= 1
    return k
