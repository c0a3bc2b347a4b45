"""Mode of an event (modality.yaml): reported, or question, conditional, negated, intended
(plans, recoded with CAMEO's intent code where the cue says so), background; normative
commentary is `skip` (not coded). A hedge keeps the event reported with less confidence."""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Collection
from dataclasses import dataclass, field

from kabar import cameo
from kabar.events.anchoring import pick_time
from kabar.events.framing import (
    apposed_relatives,
    closed_relative,
    conceded_stance,
    describing_relative,
    recalled,
    repeated_in_contrast,
    standing_apposition,
)
from kabar.events.lexicon import Lexicon
from kabar.events.phrases import compiled
from kabar.events.state import Scope, Tokens, Trigger

_CUE_STOPS = (",", ";", ":", "“", "”", '"')


@dataclass
class Mode:
    mode: str
    recode: bool  # use the intent code
    hedged: bool
    cues: dict[str, str] = field(default_factory=dict)  # mode -> the cue phrase found


def _window_cues(
    lex: Lexicon, t: Tokens, lo: int, anchors: list[int], found: dict[str, bool], cues: dict[str, str]
) -> None:
    """Cues inside the clause before the predicate, within each group's window."""
    for group, anchor in itertools.product(lex.window_cues, anchors):
        # before a passive verb an actor between cue and verb is its patient, in the cue's clause:
        # "akan banyak orang ditetapkan sebagai tersangka"
        passive = lex.grammar.is_passive_verb(t.low[anchor])
        k = anchor - 1
        steps = 0
        while k >= lo and steps < group.window:
            w = t.low[k]
            if w in _CUE_STOPS or w in lex.clause_stops or (k == anchor - 1 and w in lex.means_words):
                break  # a means clause's cues are its head verb's (_means_head)
            hit = None
            for n, ps in group.phrases.items():
                if k - n + 1 >= lo and tuple(t.low[k - n + 1 : k + 1]) in ps:
                    hit = " ".join(t.low[k - n + 1 : k + 1])
                    break
            if hit:
                if group.mode not in found:
                    found[group.mode] = group.recode
                    cues[group.mode] = hit
                break
            if t.np_end.get(k + 1) is not None and not passive:
                # an actor between cue and verb: the cue is another clause's, unless it is
                # one that opens the clause before its subject ("Sebaiknya X bertemu dengan Y")
                hit = _opening_cue(t, lo, t.np_end[k + 1].start, group.before_subject, lex.conjunctions)
                if hit and group.mode not in found:
                    found[group.mode] = group.recode
                    cues[group.mode] = hit
                break
            if not (passive and k in t.np_tokens):
                steps += 1  # the words of a passive's patient are not counted ("hak nelayan X dibatasi")
            k -= 1


def _clause_opened(
    lex: Lexicon, t: Tokens, lo: int, anchor: int, found: dict[str, bool], cues: dict[str, str]
) -> None:
    """A cue that opens the event's clause before its subject ("Oleh karena itu, tidak selayaknya
    aspirasi masyarakat dibatasi ..."), however long the subject, with no other verb between."""
    k = anchor - 1
    while k >= lo and t.low[k] not in _CUE_STOPS and t.low[k] not in lex.clause_stops:
        k -= 1
    start = k + 1
    for group in lex.window_cues:
        if group.mode in found:
            continue
        for n, ps in group.before_subject.items():
            opens = start + n < anchor and tuple(t.low[start : start + n]) in ps
            between = range(start + n, anchor)
            if opens and all(j in t.np_tokens or not lex.is_verb_like(t.low[j]) for j in between):
                found[group.mode] = group.recode
                cues[group.mode] = " ".join(t.low[start : start + n])
                return


def _title_word(w: str) -> bool:
    """A capitalised word of a name or title, or a bracket around a title's short form."""
    return w[:1].isupper() or w in ("(", ")")


def _opening_cue(t: Tokens, lo: int, start: int, phrases: dict, joins: Collection[str]) -> str | None:
    """The cue right before the subject starting at `start`, or before the capitalised words of
    its name the actor left out ("Seharusnya Panja DPR meminta ...": the actor is DPR) and the
    names joined to it ("supaya Rommy dan Lukman membantu ...": `joins`)."""
    hit, j = _phrase_before(t, lo, start, phrases), start
    while (
        hit is None
        and j - 1 > lo
        and start - j < 8
        and (_title_word(t.tokens[j - 1]) or t.low[j - 1] in joins)
    ):
        j -= 1  # a title with its short form in brackets: "rencana Perdana Menteri (PM) Israel X"
        hit = _phrase_before(t, lo, j, phrases)
    return hit


def _phrase_before(t: Tokens, lo: int, start: int, phrases: dict) -> str | None:
    """The phrase of `phrases` that ends right before token `start`, inside the clause."""
    for n, ps in phrases.items():
        if start - n >= lo and tuple(t.low[start - n : start]) in ps:
            return " ".join(t.low[start - n : start])
    return None


def claim_cue(lex: Lexicon, t: Tokens, lo: int, anchor: int) -> str | None:
    """The claim verb whose complement holds the event ("X mengklaim telah membunuh ...",
    "X mengumumkan pasukannya telah menewaskan ..."): up to the claim window before it, across
    "bahwa" but not across another clause's end or a quote mark."""
    return _verb_over_complement(lex, t, lo, anchor, lex.claim_cues, stop_at_coordinator=False)


def accused(lex: Lexicon, t: Tokens, lo: int, anchor: int) -> bool:
    """The event is what an accusation verb before it alleges ("menuding X menyamakan Israel
    dengan ..."), not across a coordinator (the accuser's own next act), another verb ("X yang
    dituduh menyerang Y membantah": the denial is X's own) or a relative pronoun ("menyalahkan
    insiden itu kepada Iran yang dibantah oleh Zarif": the denial is Zarif's)."""
    if _verb_over_complement(lex, t, lo, anchor, lex.accusation_cues, stop_at_coordinator=True) is None:
        return False
    k = anchor - 1
    while t.low[k] not in lex.accusation_cues:
        if lex.is_verb_like(t.low[k]) or t.low[k] == lex.grammar.relative_pronoun:
            return False  # another verb's complement, or a relative clause ("... kepada Iran yang dibantah")
        k -= 1
    return True


def _denied(lex: Lexicon, t: Tokens, lo: int, anchor: int) -> bool:
    """The event is what a denial verb before it denies ("membantah menyerang", "menyangkal bahwa
    pasukannya menyerang"): as a claim verb's complement, and not across a coordinator either
    ("membantah keterlibatan dan memperingatkan ...": a second act of the denier)."""
    return _verb_over_complement(lex, t, lo, anchor, lex.denial_cues, stop_at_coordinator=True) is not None


def _verb_over_complement(
    lex: Lexicon, t: Tokens, lo: int, anchor: int, verbs: Collection[str], stop_at_coordinator: bool
) -> str | None:
    """One of `verbs` before the event, whose complement the event is: within the claim window,
    across "bahwa" (`claim_through`) but not across another clause's end or a quote mark."""
    k = anchor - 1
    while k >= lo and anchor - k <= lex.claim_window:
        w = t.low[k]
        if w in verbs:
            return w
        if w in _CUE_STOPS or (stop_at_coordinator and w in lex.conjunctions):
            return None
        if w in lex.clause_stops and w not in lex.claim_through:
            return None
        k -= 1
    return None


def _hedged(lex: Lexicon, t: Tokens, lo: int, anchor: int) -> bool:
    k = anchor - 1
    while k >= lo and anchor - k <= lex.hedge_window:
        if any(k - n + 1 >= lo and tuple(t.low[k - n + 1 : k + 1]) in ps for n, ps in lex.hedges.items()):
            return True
        k -= 1
    return False


def _urged(lex: Lexicon, t: Tokens, lo: int, anchor: int, cues: Collection[str]) -> bool:
    """The event is what an appeal urges others to do ("mengajak X untuk menolak ..., serta
    mengepung DPR"): an urging verb (one of `cues`) before it in its clause; commas and
    coordinators are crossed only once a purpose word ("untuk", "agar") stands between the verb
    and the event."""
    k = anchor - 1
    crossed = False  # a comma or coordinator lies between
    purpose = False
    while k >= lo and anchor - k <= lex.urged_window:
        w = t.low[k]
        if w in cues:
            return purpose or not crossed
        if w in lex.urged_nouns and purpose:
            return True  # else the noun is the act's side ("berharap permohonan X ditolak")
        if w in lex.urged_purpose:
            purpose = True
        elif w in lex.urged_through:
            # not inside the object's coordination: "mengajak masyarakat dan mahasiswa turun"
            crossed = crossed or not (t.np_end.get(k) is not None and t.np_start.get(k + 1) is not None)
        elif w in _CUE_STOPS or w in lex.clause_stops:
            return False
        k -= 1
    return False


def _has_phrase(t: Tokens, phrases: dict[int, set[tuple[str, ...]]], a: int, b: int) -> bool:
    """Does one of `phrases` (grouped by length) start in tokens a..b?"""
    return any(tuple(t.low[k : k + n]) in group for n, group in phrases.items() for k in range(a, b))


def _coordinated_appeal(lex: Lexicon, t: Tokens, lo: int, start: int) -> int | None:
    """The appeal verb that an appeal at `start` is coordinated with ("menyerukan ... kepada X
    untuk ..., serta meminta ..."): a coordinator right before it, then an urging verb before that
    in the same clause (up to twice the appeal window)."""
    k = start - 1
    if k < lo or t.low[k] == "," or t.low[k] not in lex.urged_through:
        return None
    k -= 1
    while k >= lo and start - k <= 2 * lex.urged_window:
        w = t.low[k]
        if w in lex.urged_cues:
            return k
        if w in lex.clause_stops or (w in _CUE_STOPS and w != ","):
            return None
        k -= 1
    return None


def _wished_pair(lex: Lexicon, t: Tokens, lo: int, start: int) -> bool:
    """An appeal coordinated with a wished appeal is wished too ("X mengharapkan OKI dapat
    menyerukan ..., serta meminta ..."): the wish reaches over the coordinator."""
    if t.low[start] not in lex.urged_cues:
        return False
    k = _coordinated_appeal(lex, t, lo, start)
    return k is not None and _urged(lex, t, lo, k, lex.wish_cues)


def _lasting_state(lex: Lexicon, t: Tokens, lo: int, anchor: int) -> bool:
    """The event names a lasting state given as a condition ("selama AS masih menerapkan
    sanksi"): an opener and then a continuation word before it, in its clause."""
    marked = False
    k = anchor - 1
    while k >= lo and anchor - k <= lex.state_window:
        w = t.low[k]
        if w in _CUE_STOPS or w in lex.clause_stops:
            return False
        if w in lex.state_marks:
            marked = True
        elif w in lex.state_opens:
            return marked
        k -= 1
    return False


def _is_question(lex: Lexicon, t: Tokens, s: Scope, trig: Trigger) -> bool:
    """The clause ends in "?", or a question word stands before the trigger."""
    for k in range(trig.end, s.hi):
        if t.low[k] in (".", "!"):
            break
        if t.low[k] == "?":
            return True
    return any(t.low[k] in lex.question_before for k in range(s.lo, trig.start))


def _dated_long_ago(
    lex: Lexicon, s: Scope, trig: Trigger, pub: dt.datetime | None, asides: list[tuple[int, int]]
) -> bool:
    if pub is None or not s.times:
        return False
    t = s.t
    offset = t.offset or 0
    trig_char = t.starts[trig.start] + offset
    times = [x for x in s.times if not any(a <= x.start - offset < b for a, b in asides)]
    times = [x for x in times if not _relative_since(lex, t, trig, x.start - offset, x.since)]
    tx = pick_time(times, trig_char, ("day", "week", "month", "year"))
    if tx is not None and tx.precision == "year" and tx.start > trig_char:
        # a year far after the verb dates a noun of the object, not the event
        import bisect

        at = bisect.bisect_left(t.starts, tx.start - offset)
        if at - trig.end > lex.year_gap and not _clause_dated(lex, t, trig.end, at, tx.text):
            tx = None
    return (
        tx is not None
        and tx.date is not None
        and tx.relation != "future"
        and (pub.date() - tx.date).days >= lex.background_days
    )


def _relative_since(lex: Lexicon, t: Tokens, trig: Trigger, at: int, since: bool) -> bool:
    """Is the start of a state at char `at` in a relative clause after the event's word ("menuduh
    AS melanggar gencatan senjata yang berlaku sejak April"): the state of that clause's noun."""
    if not since or at <= t.starts[trig.start]:
        return False
    end = bisect.bisect_left(t.starts, at)
    return lex.grammar.relative_pronoun in t.low[trig.end : end]


def _clause_dated(lex: Lexicon, t: Tokens, end: int, at: int, text: str) -> bool:
    """Does a year expression at token `at`, far after the event's word, date the clause rather
    than a noun of the object: after one of `dated_by` ("divonis ... oleh Pengadilan X pada
    2014"), with no relative clause or clause break between ("kasus yang terjadi pada 2017")."""
    words = lex.given.dated_by
    if not (text.split()[0].lower() in words or (at > 0 and t.low[at - 1] in words)):
        return False
    between = t.low[end:at]
    return lex.grammar.relative_pronoun not in between and not any(
        w in _CUE_STOPS or w in lex.clause_stops for w in between
    )


def _dated_ahead(lex: Lexicon, s: Scope, trig: Trigger, pub: dt.datetime | None) -> bool:
    """The event's own day lies after the publication day: scheduled, not done ("diperiksa ... pada
    Rabu (11/9/2019) besok"). One day ahead counts with a word of the future in the sentence (a
    late article's date may be the next day's in UTC); two or more days always."""
    if pub is None or not s.times:
        return False
    t = s.t
    tx = pick_time(s.times, t.starts[trig.start] + (t.offset or 0), ("day",))
    if tx is None or tx.date is None or tx.relation == "past":
        return False
    ahead = (tx.date - pub.date()).days
    return ahead >= 2 or (ahead == 1 and any(t.low[k] in lex.future_words for k in range(s.lo, s.hi)))


def _instrument_old(lex: Lexicon, s: Scope, trig: Trigger, pub: dt.datetime | None) -> bool:
    """The act was done through an instrument dated long before publication ("melalui UU
    Nomor 7/2006"), named after the event's word in its sentence."""
    if pub is None or lex.instrument_re is None or trig.end >= s.hi:
        return False
    t = s.t
    m = lex.instrument_re.search(t.text, t.starts[trig.end], t.ends[s.hi - 1])
    if m is None or m.group("y") is None:
        return False
    return (pub.date() - dt.date(int(m.group("y")), 12, 31)).days >= lex.background_days


def _means_head(lex: Lexicon, t: Tokens, lo: int, anchor: int) -> int | None:
    """The verb a means clause ("dengan mengundang ...") depends on: the last verb before its
    "dengan", in the same clause; the cues before that verb tell the means' mode too ("X mau
    membuka pintu bagi pihak asing dengan mengundang ...": a willingness, not an act). None after
    an attempt ("berusaha meredakan ketegangan dengan menghubungi ...": the means is done)."""
    k = anchor - 1
    if k < lo or t.low[k] not in lex.means_words:
        return None
    for j in range(k - 1, max(lo, k - lex.means_reach) - 1, -1):
        w = t.low[j]
        if w in _CUE_STOPS or w in lex.clause_stops or w in lex.conjunctions:
            return None
        if j not in t.np_tokens and lex.is_verb_like(w):
            before = t.low[max(lo, j - 2) : j]
            return None if any(b in lex.means_attempts for b in before) else j
    return None


def _coordinated_head(lex: Lexicon, t: Tokens, lo: int, start: int) -> int | None:
    """The verb a verb is coordinated with right before it ("harus terus bergerak dan mengepung",
    "akan datang serta bertemu"): a coordinator just before the event's first word and a verb,
    outside any noun phrase, just before the coordinator. The cues before that verb scope over
    both verbs."""
    k = start - 1
    if k - 1 < lo or t.low[k] not in lex.conjunctions:
        return None
    j = k - 1
    if j in t.np_tokens or t.low[j] in _CUE_STOPS or not lex.is_verb_like(t.low[j]):
        return None
    return j


# CAMEO's protest root, and the roots of what a protest asks or opposes ("berunjuk rasa menuntut",
# "berdemo menolak"): demands, appeals, disapproval, rejection
_PROTEST_ROOT = "14"
_PROTEST_AIMS = frozenset({"02", "10", "11", "12"})
# words of a verb phrase read back from an event to a purpose word after an actor
_PURPOSE_REACH = 8


def _protest_head(lex: Lexicon, t: Tokens, lo: int, trig: Trigger) -> int | None:
    """The protest a demand is voiced in, right before it with no conjunction or comma ("akan
    berunjuk rasa di depan Gedung DPR menuntut ..."): the protest's cues scope over the demand."""
    if trig.form.entry.code[:2] not in _PROTEST_AIMS:
        return None
    for j in range(trig.start - 1, max(lo, trig.start - 8) - 1, -1):
        w = t.low[j]
        if w in _CUE_STOPS or w in lex.clause_stops or w in lex.conjunctions or w == ",":
            return None
        if j not in t.np_tokens and lex.is_verb_like(w):
            protest = any(
                f.entry.code[:2] == _PROTEST_ROOT and tuple(t.low[j + 1 : j + 1 + len(f.rest)]) == f.rest
                for f in lex.triggers.get(w, ())
            )
            return j if protest else None
    return None


def _purpose_after_actor(lex: Lexicon, t: Tokens, lo: int, anchor: int) -> bool:
    """A purpose word right after an actor opens the verb phrase the event is in ("masyarakat
    untuk turun ke jalan mengepung ..."): no clause of its own, the act is meant, not done."""
    words = compiled(lex.data.purpose_after_actor, lex.word_set)
    for k in range(anchor - 1, max(lo, anchor - _PURPOSE_REACH) - 1, -1):
        w = t.low[k]
        if w in words:
            return k > lo and t.np_end.get(k) is not None
        if k in t.np_tokens or w in _CUE_STOPS or w in lex.clause_stops or w == ",":
            return False
    return False


def _temporal_pending(lex: Lexicon, t: Tokens, lo: int, anchor: int) -> bool:
    """The event opens a temporal clause hanging on a planned or advised verb before it
    ("akan hadir di JCC setelah menjenguk X"), or, after "sebelum", a negated one ("tidak mau
    pulang sebelum bertemu X"): the act has not taken place."""
    k = anchor - 1
    if k <= lo or t.low[k] not in lex.temporal.words:
        return False
    for j in range(k - 1, max(lo, k - lex.temporal.reach) - 1, -1):
        w = t.low[j]
        # "ingin mengunjungi Papua dan Papua Barat sebelum ...": joined objects, one clause
        joins_phrases = w in lex.conjunctions and j - 1 in t.np_tokens and j + 1 in t.np_tokens
        if w in _CUE_STOPS or w in lex.clause_stops or (w in lex.conjunctions and not joins_phrases):
            return False
        if j in t.np_tokens or w in lex.cue_words or w in lex.auxiliaries or joins_phrases:
            continue
        # a verb, or a bare one right after a cue or an auxiliary ("akan tetap hadir")
        prev = t.low[j - 1] if j > lo else ""
        if lex.is_verb_like(w) or prev in lex.cue_words or prev in lex.auxiliaries:
            found: dict[str, bool] = {}
            _window_cues(lex, t, lo, [j], found, {})
            # a plan (recoded: not a purpose, "untuk menyerahkan ... usai ditetapkan") or advice;
            # not a possibility ("bisa dimainkan usai membela Timnas")
            before = t.low[k] in lex.temporal.before
            return found.get("intended") is True or "skip" in found or (before and "negated" in found)
    return False


def _given(lex: Lexicon, s: Scope, trig: Trigger) -> bool:
    """An act told as given rather than as news (kabar.events.framing)."""
    g, t = lex.given, s.t
    stance = lex.denial_cues | lex.accusation_cues
    rel, skip = lex.grammar.relative_pronoun, lex.auxiliaries | g.perfect
    return (
        repeated_in_contrast(g, t, s.lo, trig, lex.clause_stops)
        or conceded_stance(g, t, s.lo, s.hi, trig, lex.clause_stops, stance)
        or recalled(g, t, s.lo, s.hi, trig, lex.is_verb_like)
        or closed_relative(g, t, s.lo, trig, rel, skip)
        or standing_apposition(g, t, s.lo, s.hi, trig, rel, skip)
        or describing_relative(
            t,
            s.lo,
            s.hi,
            trig,
            lex.grammar.relative_pronoun,
            lex.auxiliaries | g.perfect,
            lex.reporting_verbs,
            lex.is_verb_like,
        )
    )


def _background_said(lex: Lexicon, s: Scope, trig: Trigger, asides: list[tuple[int, int]]) -> bool:
    """Does a pattern of background stand in the sentence, on the event's side of a quote: a direct
    quote and the narration after it are two utterances ('"Taiwan mengutuk keputusan X," kata Wu,
    sembari menambahkan bertahun-tahun bantuan ... diabaikan': the years are the aid's)."""
    if lex.background_re is None:
        return False
    t = s.t
    at = t.starts[trig.start]
    quote = next((q for q in s.quotes if q.direct and q.start <= at < q.end), None)
    base = t.starts[s.lo]  # the evidence's start in `t`, where it is the sentence's own text
    ev = s.evidence.text
    spans = asides if t.text[base : base + len(ev)] == ev else []
    for m in lex.background_re.finditer(ev):
        pos = s.evidence.start + m.start()
        if any(a <= base + m.start() < b for a, b in spans):
            continue  # the period of a relative clause about a side ("X, yang ... sejak 2015, ...")
        if quote is None or quote.start <= pos < quote.end:
            return True
    return False


def _prospect(lex: Lexicon, s: Scope, trig: Trigger) -> bool:
    """Does a prospective frame stand before the event in its sentence ("Ini akan menjadi yang
    pertama kalinya dalam puluhan tahun bahwa X mencaplok ..."): the act it frames is to come."""
    if lex.prospect_re is None:
        return False
    t = s.t
    text = t.text[t.starts[s.lo] : t.starts[trig.start]]
    return any(";" not in text[m.end() :] for m in lex.prospect_re.finditer(text))


def mode_of(lex: Lexicon, s: Scope, trig: Trigger, pub: dt.datetime | None, window: bool = True) -> Mode:
    t = s.t
    found: dict[str, bool] = {}
    cues: dict[str, str] = {}
    anchors = [trig.anchor]
    if trig.light == "after" and trig.light_pos is not None:
        anchors.append(trig.light_pos)  # "the meeting ... could take place"
    head = _means_head(lex, t, s.lo, trig.anchor)
    if head is not None:
        anchors.append(head)  # "mau membuka pintu ... dengan mengundang": the head verb's cues
    first = _coordinated_head(lex, t, s.lo, trig.start)
    if first is not None:
        anchors.append(first)  # "harus terus bergerak dan mengepung": the first verb's cues
    protest = _protest_head(lex, t, s.lo, trig)
    if protest is not None:
        anchors.append(protest)  # "akan berunjuk rasa ... menuntut": the protest's cues
    if window:
        _window_cues(lex, t, s.lo, anchors, found, cues)
        _clause_opened(lex, t, s.lo, trig.anchor, found, cues)
    hedged = _hedged(lex, t, s.lo, trig.anchor)
    if "skip" in found:
        return Mode("skip", False, hedged, cues)
    if _is_question(lex, t, s, trig):
        found.setdefault("question", False)
    # a condition after a statement, appeal, threat or demand is part of what was said
    cond_end = trig.start if cameo.is_verbal(trig.form.entry.code) else s.hi
    if any(t.low[k] in lex.conditional for k in range(s.lo, cond_end)) or _has_phrase(
        t, lex.conditional_phrases, s.lo, cond_end
    ):
        found.setdefault("conditional", False)
    if _prospect(lex, s, trig):
        found.setdefault("conditional", False)
    # relative clauses about a side, set off by commas: their times are not the event's
    asides = apposed_relatives(t, s.lo, s.hi, trig, lex.grammar.relative_pronoun)
    if _background_said(lex, s, trig, asides):
        found.setdefault("background", False)
    # an appeal is not urged by the appeal before it ("menyerukan ... dan mendesak"), but a
    # wished appeal is wished ("berharap X mengajak Y berdialog"); an apology is no appeal
    # ("memaksa X agar meminta maaf": urged)
    appeal = t.low[trig.start] in lex.urged_cues and trig.form.entry.code[:2] in lex.appeal_roots
    urging = lex.wish_cues if appeal else lex.urged_cues
    if _urged(lex, t, s.lo, trig.anchor, urging) or _wished_pair(lex, t, s.lo, trig.start):
        found.setdefault("intended", False)
    if _purpose_after_actor(lex, t, s.lo, trig.anchor):
        found.setdefault("intended", False)  # "masyarakat untuk turun ke jalan mengepung DPR"
    if _temporal_pending(lex, t, s.lo, trig.anchor) or _dated_ahead(lex, s, trig, pub):
        found.setdefault("intended", False)  # "akan hadir ... setelah menjenguk X", "besok"
    if t.low[trig.start] not in lex.denial_cues and _denied(lex, t, s.lo, trig.anchor):
        found.setdefault("negated", False)  # "Iran membantah menyerang ...": the act is denied
    if _lasting_state(lex, t, s.lo, trig.anchor):
        found.setdefault("background", False)
    old = _dated_long_ago(lex, s, trig, pub, asides) or _instrument_old(lex, s, trig, pub)
    if old or _given(lex, s, trig):
        found.setdefault("background", False)
    for mode in lex.precedence:
        if mode in found:
            return Mode(mode, found[mode], hedged, cues)
    return Mode("reported", False, hedged, cues)
