"""Stage `events`: CAMEO-coded political events, each with the sentence it comes from.

For every sentence with a word from the pack's event dictionary (`events.yaml`), the stage
finds who did what to whom from the sentence and the entity mentions the `entities` stage found:

1. **Triggers.** Tokens are looked up in a table of surface forms built once from the dictionary:
   each entry's verbs with their di- passives and clitics, its nouns, and multi-word phrases
   (longest match wins). An event noun counts only when something reports it: a light verb
   before it (`melakukan kunjungan`), a verb after it (`kunjungan ... dilakukan`), a date right
   after it, or its place in a caption or title. Nouns after a topic word (`membahas kerja sama`)
   are topics, not events.
2. **Actors.** Each mention of an entity with an actor code or a country is an actor; a role noun
   right before a country (`militer Iran`, `Para petinggi militer Iran dan Rusia`) adds the
   CAMEO role (IRNMIL); coordinated actors (`Iran dan Rusia`, `AS, Inggris, dan Prancis`) are
   expanded into each; `kedua pihak`/`keduanya` point back to the last pair; `kami` inside a
   quote is the quote's speaker.
3. **Frame.** The entry's frame says where each side stands (subject, object, after a
   preposition such as `dengan`, `ke`, `terhadap`, `oleh`); the passive (`diserang oleh`)
   swaps them. Reciprocal actions (meet, discuss, agree, cooperate, fight each other) give ONE
   event per pair of sides, source = the side named first: consumers should read them as
   symmetric. A source with an actor code is required; most conflict codes require a target.
4. **Quotes.** Inside a quote, a pejorative word next to an actor (`kebijakan imperialis
   Washington`) is the speaker criticising that actor (111).
5. **Mode** (`modality.yaml`): question, conditional, negated, intended (plans, coded with
   CAMEO's intent code where there is one: `akan berkunjung` -> 036), background (`dalam beberapa
   tahun terakhir`, `sejak 2015`, or a date a month or more before publication); normative
   commentary (`perlu`, `harus`) is not coded. Only mode "reported" is factual.
6. **Date** (kabar.eventdates): a time expression in the sentence, else the latest date the
   article gave before it (the narrative date), else the publication date; background events
   keep only a date their sentence gives. **Place**: a place after `di` (or `ke` for travel) in
   the sentence, else the place of an event just before it, else the dateline, else none.
7. **One event, several tellings.** Events with the same root, sides and date (within a day) are
   merged into one, with every sentence telling it in `mentions`; a host's welcome of a visit
   already found (`disambut oleh`) is a telling of that visit. Caption and title events only
   add mentions to body events (their evidence has `where` = "captions[N]" or "title", with
   offsets into that text).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from kabar import cameo
from kabar.document import Document
from kabar.eventdates import TimeExpr, parse_published, resolver_for
from kabar.lang import LanguagePack
from kabar.model import Event, EventActor, Evidence, Location
from kabar.registry import PerDocumentStage, register_stage

_TOKEN = re.compile(r"\w+(?:['’]\w+)*|[^\w\s]")
_NUMBER = re.compile(r"^\d[\d.,]*$")
_CLITICS = ("nya", "lah", "pun")
_STATE_ROLES = frozenset({"GOV", "MIL", "COP", "SPY"})
_DEFAULT_UNTARGETED_ROOTS = frozenset({"01", "02", "03", "08", "14", "15"})
_VISIT_CODES = frozenset({"042", "043", "044"})


# ----------------------------------------------------------------------------------------------
# Lexicon
# ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    code: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    noun_source: tuple[str, ...]
    noun_target: tuple[str, ...]
    reciprocal: bool
    needs_target: bool
    untargeted_code: str | None
    state_code: str | None
    with_words: frozenset[tuple[str, ...]]  # phrases, as token tuples
    places: bool
    confidence: float | None
    without_words: frozenset[str] = frozenset()
    object_skip: int | None = None
    only_intended: bool = False  # an event only as a stated intention: "akan membalas" (a threat)
    foreign_target: bool = False  # a target of the source's own country is none ("menyangkal keterlibatan Iran")
    stative_passive: bool = False  # "X yang didukung Iran" describes X: no event
    with_first: frozenset[str] = frozenset()  # first words of with_words, for a quick test


@dataclass(frozen=True)
class Form:
    entry: Entry
    rest: tuple[str, ...]  # the words after the first, lower case
    noun: bool
    passive: bool
    text: str

    @property
    def length(self) -> int:
        return 1 + len(self.rest)


def _words(text: str) -> tuple[str, ...]:
    return tuple(t.lower() for t in _TOKEN.findall(str(text)))


def _phrase_set(items: Iterable[str]) -> dict[int, set[tuple[str, ...]]]:
    """Phrases grouped by length, as token tuples."""
    out: dict[int, set[tuple[str, ...]]] = {}
    for item in items or []:
        words = _words(item)
        if words:
            out.setdefault(len(words), set()).add(words)
    return out


_ME = re.compile(r"^(memper|meny|meng|mem|men|me)(.*)$")
_VOWELS = "aiueo"


def _stem_candidates(word: str) -> list[str]:
    """Stems (suffix kept) a meN- verb may come from: menyerang -> serang, mengunjungi -> unjungi/kunjungi."""
    m = _ME.match(word)
    if not m:
        return []
    prefix, rest = m.groups()
    if not rest:
        return []
    if prefix == "memper":
        return ["per" + rest]
    if prefix == "meny":
        return ["s" + rest] if rest[0] in _VOWELS else []
    if prefix == "meng":
        out = []
        if rest.startswith("e") and len(rest) <= 5:  # mengebom -> bom
            out.append(rest[1:])
        if rest[0] in _VOWELS:
            out += [rest, "k" + rest]
        elif rest[0] in "ghk":
            out.append(rest)
        return out
    if prefix == "mem":
        if rest[0] in "bfvp":
            return [rest]
        if rest[0] in _VOWELS:
            return ["p" + rest, "m" + rest]
        return []
    if prefix == "men":
        if rest[0] in "cdjzst":
            return [rest]
        if rest[0] in _VOWELS:
            return ["t" + rest, "n" + rest]
        return []
    # me-
    if rest[0] in "lmnrwy" or rest.startswith(("ng", "ny")):
        return [rest]
    return []


class Lexicon:
    """The event dictionary of a language pack, compiled into lookup tables."""

    def __init__(self, pack: LanguagePack):
        data = pack.yaml("events.yaml")
        mod = pack.yaml("modality.yaml")
        self.settings: dict = dict(data.get("settings") or {})
        self.stemmer = None
        self.triggers: dict[str, list[Form]] = {}
        for raw in data.get("entries") or []:
            self._add_entry(raw)
        for forms in self.triggers.values():  # longest first; a form with a `with` condition before one without
            forms.sort(key=lambda f: (-f.length, not f.entry.with_words))

        self.light_before = set(_words(" ".join(data.get("light_verbs_before") or [])))
        self.light_receive = set(_words(" ".join(data.get("light_verbs_receive") or [])))
        self.light_after = set(_words(" ".join(data.get("light_verbs_after") or [])))
        self.determiners = set(_words(" ".join(data.get("noun_determiners") or [])))
        self.units = set(_words(" ".join(data.get("quantity_units") or [])))
        self.place_words = set(_words(" ".join(data.get("place_words") or [])))
        self.prep_stops = set(_words(" ".join(data.get("prep_stops") or [])))
        self.not_verbs = set(_words(" ".join(data.get("verb_like_nouns") or [])))
        self.document_words = set(_words(" ".join(data.get("document_words") or [])))
        self.subordinators = set(_words(" ".join(data.get("subordinators") or [])))
        self.topic_markers = set(_words(" ".join(data.get("topic_markers") or [])))
        self.prepositions = set(_words(" ".join(data.get("prepositions") or [])))
        self.clause_stops = {str(w).lower() for w in data.get("clause_stops") or []} | {".", "!", "?", ";"}
        self.conjunctions = {str(w).lower() for w in data.get("conjunctions") or []}
        self.auxiliaries = set(_words(" ".join(data.get("auxiliaries") or [])))
        self.reporting_verbs = set(_words(" ".join(data.get("reporting_verbs") or [])))
        self.np_openers = set(_words(" ".join(data.get("np_openers") or [])))
        self.roles: dict[tuple[str, ...], str] = {}
        for role, phrases in (data.get("actor_roles") or {}).items():
            for p in phrases or []:
                self.roles.setdefault(_words(p), str(role))
        # generic actor nouns (generic_actors.tsv): "polisi", "ribuan mahasiswa", "junta"
        self.generic: dict[tuple[str, ...], tuple[str, str]] = {}
        if pack.has("generic_actors.tsv"):
            for row in pack.tsv("generic_actors.tsv"):
                words = _words(row.get("phrase", ""))
                role = (row.get("role") or "").upper()
                if not words or not role:
                    continue
                cameo.actor_role(role)  # fail early on a role CAMEO lacks
                self.generic[words] = (role, row.get("flags") or "")
                self.roles.setdefault(words, role)  # "junta Myanmar", "demonstran Hong Kong"
        self.generic_first = {p[0] for p in self.generic}
        self.generic_max = max((len(p) for p in self.generic), default=1)
        self.generic_not_before = _phrase_set(data.get("generic_not_before"))
        self.quantity = set(_words(" ".join(data.get("quantity_words") or [])))
        self.home_country = str(self.settings.get("home_country") or "") or None
        self.antecedent_sentences = int(self.settings.get("generic_antecedent_sentences", 6))
        self.countryless_roles = {str(r).upper() for r in data.get("countryless_roles") or []}
        self.state_roles = {str(r).upper() for r in data.get("state_roles") or ["GOV", "MIL", "COP", "SPY", "JUD", "LEG"]}
        self.role_words = {w for phrase in self.roles for w in phrase}
        self.max_role_len = max((len(p) for p in self.roles), default=1)
        self.actor_words = {str(k): str(v) for k, v in (data.get("actor_words") or {}).items()}
        ana = data.get("anaphora") or {}
        self.pair_anaphora = _phrase_set(ana.get("pair"))
        self.state_pair = _phrase_set(ana.get("states"))
        self.speaker_pronouns = set(_words(" ".join(ana.get("speaker") or [])))
        self.person_pronouns = set(_words(" ".join(ana.get("person") or [])))
        self.matrix_pronouns = set(_words(" ".join(ana.get("matrix") or [])))
        self.demonstratives = set(_words(" ".join(ana.get("demonstratives") or [])))
        self.referring_nouns = set(_words(" ".join(ana.get("referring_nouns") or [])))
        thr = data.get("threats") or {}
        self.threat_assert = set(_words(" ".join(thr.get("assert_cues") or [])))
        self.threat_scope_stops = set(_words(" ".join(thr.get("scope_stops") or [])))
        self.condition_words = set(_words(" ".join(thr.get("condition_words") or [])))
        self.threat_roots = frozenset(str(r) for r in thr.get("roots") or ["13"])
        self.appeal_roots = frozenset(str(r) for r in data.get("appeal_roots") or ["02", "10"])
        self.plan_nouns = set(_words(" ".join(data.get("plan_nouns") or [])))
        self.counterpart_roots: dict[str, frozenset[str]] = {
            str(k): frozenset(str(r) for r in v or []) for k, v in (data.get("counterpart") or {}).items()
        }
        self.speech_verbs = set(_words(" ".join(data.get("speech_verbs") or [])))
        ev = data.get("evaluative") or {}
        self.evaluative_code = str(ev.get("code", "111"))
        self.evaluative_confidence = float(ev.get("confidence", 0.55))
        self.evaluative = _phrase_set(ev.get("words"))

        # modality
        self.precedence = list(mod.get("precedence") or ["question", "conditional", "negated", "intended", "background"])
        self.window_cues: list[tuple[str, int, dict[int, set[tuple[str, ...]]], bool]] = []
        for group, mode, recode_default in (
            ("negated", "negated", False),
            ("intended", "intended", True),
            ("purpose", None, False),
            ("deontic", None, False),
            ("possible", None, False),
            ("background", "background", False),
        ):
            spec = mod.get(group) or {}
            if not spec.get("cues"):
                continue
            self.window_cues.append(
                (
                    str(spec.get("mode") or mode or group),
                    int(spec.get("window", 3)),
                    _phrase_set(spec.get("cues")),
                    bool(spec.get("recode", recode_default)),
                )
            )
        self.conditional = set(_words(" ".join((mod.get("conditional") or {}).get("sentence") or [])))
        self.cleft_negation = set(_words(" ".join((mod.get("negated") or {}).get("before_subject") or [])))
        self.question_before = set(_words(" ".join((mod.get("question") or {}).get("before") or [])))
        bg = mod.get("background") or {}
        patterns = [str(p) for p in bg.get("patterns") or []]
        self.background_re = re.compile("|".join(f"(?:{p})" for p in patterns), re.I) if patterns else None
        self.background_days = int(bg.get("older_than_days", 30))
        self.year_gap = int(bg.get("year_max_gap", 5))
        hedged = mod.get("hedged") or {}
        self.hedges = _phrase_set(hedged.get("cues"))
        self.hedge_window = int(hedged.get("window", 3))
        self.hedge_penalty = float(hedged.get("penalty", 0.1))
        self.cue_words = {w for _, _, phrases, _ in self.window_cues for ps in phrases.values() for p in ps for w in p}
        self.function_words = (
            self.prepositions | self.conjunctions | self.auxiliaries | self.cue_words | self.np_openers
            | self.quantity | self.determiners | self.light_before | self.light_receive | self.reporting_verbs
            | self.clause_stops | self.demonstratives | self.speech_verbs | {"yang"}
        )

    # -- building the surface table

    def _stem_of(self, word: str, siblings: set[str]) -> str | None:
        cands = _stem_candidates(word)
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        if self.stemmer is None:
            from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

            self.stemmer = StemmerFactory().create_stemmer()
        sastrawi = self.stemmer.stem(word)

        bare = set()
        for sib in siblings:  # kunjungan, berkunjung -> kunjung (only affixes that keep the stem whole)
            w = re.sub(r"(an|nya)$", "", sib)
            bare.update({sib, w})
            for prefix in ("ber", "ter", "per", "ke", "se"):
                if w.startswith(prefix):
                    bare.add(w[len(prefix):])

        def score(c: str) -> tuple[int, int]:
            core = re.sub(r"(kan|i)$", "", c)
            s = 0
            if core in bare or c in bare:
                s += 2
            if sastrawi and (c.startswith(sastrawi) or core == sastrawi):
                s += 1
            return (s, -cands.index(c))

        return max(cands, key=score)

    def _add_entry(self, raw: dict) -> None:
        code = str(raw["code"])
        cameo.event(code)  # fail early on a code CAMEO lacks
        root = code[:2]
        target = tuple(str(s) for s in raw.get("target") or ["obj"])
        entry = Entry(
            code=code,
            source=tuple(str(s) for s in raw.get("source") or ["subj"]),
            target=target,
            noun_source=tuple(str(s) for s in raw.get("noun_source") or ["subj", "next", "oleh"]),
            noun_target=tuple(str(s) for s in raw.get("noun_target") or [t for t in target if t not in ("obj", "subj")]),
            reciprocal=bool(raw.get("reciprocal", False)),
            needs_target=bool(raw.get("needs_target", root not in _DEFAULT_UNTARGETED_ROOTS)),
            untargeted_code=str(raw["untargeted_code"]) if raw.get("untargeted_code") else None,
            state_code=str(raw["state_code"]) if raw.get("state_code") else None,
            with_words=frozenset(_words(item) for item in raw.get("with") or [] if _words(item)),
            places=bool(raw.get("places", False)),
            confidence=float(raw["confidence"]) if raw.get("confidence") is not None else None,
            without_words=frozenset(w for item in raw.get("without") or [] for w in _words(item)),
            object_skip=int(raw["object_skip"]) if raw.get("object_skip") is not None else None,
            only_intended=bool(raw.get("only_intended", False)),
            foreign_target=bool(raw.get("foreign_target", False)),
            stative_passive=bool(raw.get("stative_passive", False)),
            with_first=frozenset(_words(item)[0] for item in raw.get("with") or [] if _words(item)),
        )
        for code_field in (entry.untargeted_code, entry.state_code):
            if code_field:
                cameo.event(code_field)
        verbs = [str(v) for v in raw.get("verbs") or []]
        nouns = [str(n) for n in raw.get("nouns") or []]
        siblings = {w for f in verbs + nouns for w in _words(f)}
        for text in verbs:
            words = _words(text)
            if not words:
                continue
            first, rest = words[0], words[1:]
            self._add(first, Form(entry, rest, False, False, text))
            if first.startswith("me"):
                stem = self._stem_of(first, siblings - {first})
                if stem:
                    passive = "diper" + stem[3:] if first.startswith("memper") else "di" + stem
                    self._add(passive, Form(entry, rest, False, True, text))
        for text in nouns:
            words = _words(text)
            if words:
                self._add(words[0], Form(entry, words[1:], True, False, text))

    def _add(self, first: str, form: Form) -> None:
        variants = {first}
        if not form.rest:
            variants.update(first + c for c in _CLITICS)
        for v in variants:
            bucket = self.triggers.setdefault(v, [])
            if all((f.entry, f.rest, f.noun, f.passive) != (form.entry, form.rest, form.noun, form.passive) for f in bucket):
                bucket.append(form)

    def surface_forms(self) -> set[str]:
        return set(self.triggers)


# ----------------------------------------------------------------------------------------------
# Working structures
# ----------------------------------------------------------------------------------------------


@dataclass
class Actor:
    code: str
    country: str | None
    name: str
    entity: str | None
    start: int  # token span of the actor's noun phrase
    end: int
    label: str | None = None
    place: bool = False  # a city, region or country named as a place
    via: str = "mention"  # mention, role, anaphora, speaker, place
    own_role: bool = False  # the code carries a role of its own (entity code or role phrase)
    role_from_phrase: str | None = None

    def event_actor(self) -> EventActor:
        return EventActor(entity=self.entity, name=self.name, actor_code=self.code, country=self.country)


@dataclass
class _Text:
    """A token stream (the body, a caption or the title) with its actor noun phrases."""

    text: str
    offset: int | None  # offset of `text` in the body; None for caption and title
    tokens: list[str]
    low: list[str]
    starts: list[int]
    ends: list[int]
    nps: list[Actor] = field(default_factory=list)
    np_starts: list[int] = field(default_factory=list)  # starts of nps, for bisect
    np_start: dict[int, Actor] = field(default_factory=dict)
    np_end: dict[int, Actor] = field(default_factory=dict)
    np_tokens: set[int] = field(default_factory=set)
    mention_tokens: set[int] = field(default_factory=set)  # inside any entity mention, actor or not
    person_starts: list[int] = field(default_factory=list)  # first tokens of person mentions, actor or not


@dataclass
class _Candidate:
    code: str
    source: Actor
    target: Actor | None
    mode: str
    confidence: float
    sent: int  # sentence index (body), or -1 for caption/title
    trigger: int  # token index of the trigger
    reciprocal: bool
    evidence: Evidence
    times: list[TimeExpr]
    place: Location | None = None
    date: str | None = None
    mentions: list[Evidence] = field(default_factory=list)
    root: str = ""
    trig_char: int = -1
    act_code: str = ""  # the action's own code, before an intent recoding
    cue: str | None = None  # the intention cue ("akan", "berencana") when there is one
    src_via: str | None = None
    tgt_via: str | None = None
    provisional: bool = False  # a threat or denial still looking for its target
    needs_target: bool = False  # dropped when no target is found
    trig_end: int = -1

    def __post_init__(self) -> None:
        self.root = self.code[:2]
        if not self.act_code:
            self.act_code = self.code

    def recode(self, code: str) -> None:
        self.code = code
        self.root = code[:2]


@dataclass
class _Trigger:
    form: Form
    start: int
    end: int  # token index after the last word
    anchor: int  # first token of the predicate (light verb or trigger)
    light: str | None  # "before", "receive", "after", "date", "caption" or None for verbs
    light_pos: int | None = None


# ----------------------------------------------------------------------------------------------
# The stage
# ----------------------------------------------------------------------------------------------


@register_stage("events", requires=("view", "entities", "mentions", "quotes"), assigns=("events",))
class EventExtractor(PerDocumentStage):
    name = "events"

    def __init__(self, pack: LanguagePack):
        self.pack = pack
        self.lex = Lexicon(pack)
        self.dates = resolver_for(pack)
        s = self.lex.settings
        self.subject_window = int(s.get("subject_window", 10))
        self.object_skip = int(s.get("object_skip", 3))
        self.prep_window = int(s.get("prep_window", 10))
        self.max_per_trigger = int(s.get("max_events_per_trigger", 6))
        self.narrative_place_sentences = int(s.get("narrative_place_sentences", 3))
        self.anaphora_sentences = int(s.get("anaphora_sentences", 5))
        self._geo_cache: dict[str, Location | None] = {}

    # -- entry point

    def __call__(self, doc: Document) -> None:
        article = doc.article
        article.events = []
        body = article.body or ""
        if not body:
            return
        body_text = self._tokenize(body, 0)
        if not any(w in self.lex.triggers for w in body_text.low) and not self._has_quote_cues(body_text):
            return
        entities = {e.id: e for e in article.entities}
        self._attach_mentions(body_text, doc.mentions, entities)
        sentences = _pieces(body, [(s.start, s.end) for s in article.sentences] or [(0, len(body))])
        sent_starts = [a for a, _ in sentences]
        tok_sent = [max(0, bisect.bisect_right(sent_starts, st) - 1) for st in body_text.starts]
        sent_tok: list[tuple[int, int]] = []
        j = 0
        for si in range(len(sentences)):
            a = j
            while j < len(tok_sent) and tok_sent[j] == si:
                j += 1
            sent_tok.append((a, j))
        published = article.published
        pub = parse_published(published)
        times = self.dates.find(body, published)
        time_starts = [t.start for t in times]
        quotes = self._quotes(doc, body_text, entities, sent_tok)

        self._attach_generic(body_text, sent_tok, doc, pub)

        candidates: list[_Candidate] = []
        last_recip: tuple[list[Actor], int] | None = None  # sides of the last reciprocal event
        last_coord: tuple[list[Actor], int] | None = None  # the last pair of coordinated actors
        person: Actor | None = None
        for si, (a, b) in enumerate(sent_tok):
            if a == b:
                continue
            s_start, s_end = sentences[si]
            lo_t = bisect.bisect_left(time_starts, s_start)
            hi_t = bisect.bisect_left(time_starts, s_end)
            sent_times = times[lo_t:hi_t]
            actx = {
                "recip": last_recip if last_recip and si - last_recip[1] <= 6 else None,
                "coord": last_coord if last_coord and si - last_coord[1] <= 3 else None,
                "person": person,
                "history": candidates,
            }
            evidence = Evidence(text=body[s_start:s_end], start=s_start, end=s_end)
            found = self._sentence(body_text, a, b, si, evidence, sent_times, quotes, actx, pub)
            candidates.extend(found)
            recip, coord = self._last_groups(body_text, a, b, found)
            if recip:
                last_recip = (recip, si)
            if coord:
                last_coord = (coord, si)
            person = self._sentence_person(body_text, a, b, quotes)

        # captions and title: only add mentions to events found in the body
        extra: list[_Candidate] = []
        texts = [(c, f"captions[{i}]") for i, c in enumerate(article.captions) if c and c not in body]
        if article.title and article.title not in body:
            texts.append((article.title, "title"))
        if texts and candidates:
            surfaces = self._surfaces(doc, entities)
            for text, where in texts:
                t = self._tokenize(text, None)
                if not any(w in self.lex.triggers for w in t.low):
                    continue
                self._attach_surfaces(t, surfaces, entities)
                ev = Evidence(text=text, start=0, end=len(text), where=where)
                extra.extend(self._sentence(t, 0, len(t.tokens), -1, ev, [], [], {}, pub, caption=True))

        self._dates_and_places(candidates, extra, sentences, times, doc, body_text, sent_tok, entities, pub)
        article.events = self._merge(candidates, extra)

    # -- tokens and actors

    def _tokenize(self, text: str, offset: int | None) -> _Text:
        tokens, starts, ends = [], [], []
        for m in _TOKEN.finditer(text):
            tokens.append(m.group())
            starts.append(m.start())
            ends.append(m.end())
        return _Text(text, offset, tokens, [t.lower() for t in tokens], starts, ends)

    def _has_quote_cues(self, t: _Text) -> bool:
        ev = self.lex.evaluative.get(1, set())
        return any((w,) in ev for w in t.low)

    def _actor_from_entity(self, ent, label: str | None) -> tuple[str | None, str | None, bool]:
        """(code, country, has_own_role) of an entity, or (None, None, False) when it is no actor."""
        if ent is None:
            return None, None, False
        code = ent.actor_code or None
        country = ent.country or (cameo.actor_country(code) if code else None)
        if not code and country and (label or ent.type) in ("GPE", "LOC", "PER", "ORG"):
            code = country
        if not code:
            return None, None, False
        roles = cameo.split_actor_code(code)[1]
        return code, country, bool(roles)

    def _attach_mentions(self, t: _Text, mentions, entities) -> None:
        spans = []
        for m in mentions:
            a = bisect.bisect_left(t.starts, m.start)
            b = bisect.bisect_right(t.ends, m.end)
            if a < b:
                spans.append((a, b, m.entity_id, m.text, m.label))
        self._build_nps(t, spans, entities)

    def _surfaces(self, doc: Document, entities) -> list[tuple[str, str, str]]:
        seen: dict[str, tuple[str, str]] = {}
        for m in doc.mentions:
            if len(m.text) >= 2:
                seen.setdefault(m.text, (m.entity_id, m.label))
        for e in entities.values():
            if e.name and len(e.name) >= 2:
                seen.setdefault(e.name, (e.id, e.type))
            for mm in e.mentions:
                if len(mm.text) >= 2:
                    seen.setdefault(mm.text, (e.id, e.type))
        return sorted(((s, i, lab) for s, (i, lab) in seen.items()), key=lambda x: -len(x[0]))

    def _attach_surfaces(self, t: _Text, surfaces, entities) -> None:
        spans = []
        taken: set[int] = set()
        for surface, eid, label in surfaces:
            for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", t.text):
                a = bisect.bisect_left(t.starts, m.start())
                b = bisect.bisect_right(t.ends, m.end())
                if a < b and not taken.intersection(range(a, b)):
                    taken.update(range(a, b))
                    spans.append((a, b, eid, surface, label))
        spans.sort()
        self._build_nps(t, spans, entities)

    def _role_before(self, t: _Text, a: int) -> tuple[str | None, int]:
        """A role phrase ending right before token a, or one word before it ("pemerintahan sah Suriah"),
        with group words before it ("Para petinggi militer Iran"): (role, NP start)."""
        best_role, start = None, a
        for end in (a, a - 1):
            if end < a:
                w = t.low[end] if end >= 0 else ""
                if not w.isalpha() or not t.tokens[end].islower() or w in self.lex.prepositions \
                        or w in self.lex.conjunctions or w == "yang" or end in t.np_tokens \
                        or not self._plain_word(t, end):
                    break  # "tindakan militer jika Jepang": no role across a clause word
            for n in range(min(self.lex.max_role_len, end), 0, -1):
                role = self.lex.roles.get(tuple(t.low[end - n : end]))
                if role:
                    best_role, start = role, end - n
                    break
            if best_role:
                break
        if best_role is None:
            return None, a
        while start > 0 and t.low[start - 1] in self.lex.np_openers and (start - 1) not in t.np_tokens:
            start -= 1
        return best_role, start

    def _build_nps(self, t: _Text, spans, entities) -> None:
        nps: list[Actor] = []
        for a, b, _eid, _text, label in spans:
            t.mention_tokens.update(range(a, b))
            if label == "PER":
                t.person_starts.append(a)
        t.person_starts.sort()
        for a, b, eid, text, label in spans:
            ent = entities.get(eid)
            code, country, own_role = self._actor_from_entity(ent, label)
            if not code:
                continue
            lab = label or (ent.type if ent else None)
            name = ent.name if ent is not None and ent.name else text
            actor = Actor(code, country, name, eid, a, b, lab, place=lab in ("GPE", "LOC"), own_role=own_role)
            nps.append(actor)
        # actor words (WNI)
        for i, tok in enumerate(t.tokens):
            code = self.lex.actor_words.get(tok)
            if code:
                nps.append(Actor(code, cameo.actor_country(code), tok, None, i, i + 1, "GPE", via="mention", own_role=True))
        nps.sort(key=lambda x: x.start)
        # merge "Presiden Rusia Vladimir Putin" / "Angkatan Bersenjata Iran, Mayor Jenderal Bagheri"
        merged: list[Actor] = []
        for actor in nps:
            if merged and actor.label == "PER" and merged[-1].label in ("GPE", "ORG") and not (
                merged[-1].label == "GPE" and merged[-1].start > 0 and t.low[merged[-1].start - 1] in self.lex.prepositions
            ):  # "di Kuala Lumpur, Budi Santoso" is a place, then a person
                prev = merged[-1]
                gap = range(prev.end, actor.start)
                gap_tokens = [t.tokens[k] for k in gap]
                commas = sum(1 for g in gap_tokens if g == ",")
                if len(gap_tokens) <= 4 and commas <= 1 and all(g == "," or g[:1].isupper() for g in gap_tokens):
                    actor.start = prev.start
                    merged[-1] = actor
                    continue
            merged.append(actor)
        for actor in merged:
            for k in range(actor.start, actor.end):
                t.np_tokens.add(k)
        for actor in merged:
            if actor.label in ("GPE", "LOC") and not actor.own_role and actor.country:
                role, start = self._role_before(t, actor.start)
                if role and not any(k in t.np_tokens for k in range(start, actor.start)):
                    actor.code = cameo.compose_actor_code(actor.country, role) or actor.code
                    actor.role_from_phrase = role
                    actor.own_role = True
                    actor.place = False
                    actor.name = " ".join(t.tokens[start : actor.end])
                    actor.start = start
                    actor.via = "role"
            else:
                _, start = self._role_before(t, actor.start)
                if start < actor.start and not any(k in t.np_tokens for k in range(start, actor.start)):
                    actor.start = start
            t.np_start[actor.start] = actor
            t.np_end[actor.end] = actor
            for k in range(actor.start, actor.end):
                t.np_tokens.add(k)
        t.nps = merged
        t.np_starts = []

    # -- generic actors: "polisi", "ribuan mahasiswa", "pemerintah", "junta"

    def _is_quantity(self, w: str) -> bool:
        return w in self.lex.quantity or w in self.lex.determiners or w in self.lex.units or bool(_NUMBER.match(w))

    def _plain_word(self, t: _Text, k: int) -> bool:
        """A lower-case content word that is no verb: a noun or adjective ("operasi", "desa")."""
        w = t.low[k]
        return w.isalpha() and t.tokens[k].islower() and w not in self.lex.function_words and not self._verb_like(w)

    def _noun_form_ends(self, t: _Text, i: int) -> bool:
        """Does an event noun of the dictionary end right before token i ("kerja sama", "bantuan")?"""
        for k in range(max(0, i - 3), i):
            for f in self.lex.triggers.get(t.low[k], ()):
                if f.noun and k + f.length == i and tuple(t.low[k + 1 : i]) == f.rest:
                    return True
        return False

    def _inside_noun_form(self, t: _Text, i: int) -> bool:
        """Is token i inside an event noun of several words that starts before it ("aksi militer")?"""
        for k in range(max(0, i - 3), i):
            for f in self.lex.triggers.get(t.low[k], ()):
                if f.noun and k + f.length > i and tuple(t.low[k + 1 : k + f.length]) == f.rest:
                    return True
        return False

    def _generic_ok(self, t: _Text, i: int, end: int, flags: str) -> bool:
        for n, phrases in self.lex.generic_not_before.items():
            if tuple(t.low[end : end + n]) in phrases:
                return False  # "pasukan asing", "orang tak dikenal"
        if (i > 0 and t.low[i - 1] == "-") or (end < len(t.low) and t.low[end] == "-"):
            return False  # part of a compound: "para-militer"
        if self._inside_noun_form(t, i):
            return False  # "aksi militer", "gas air mata"
        if "m" in flags and i > 0 and (self._plain_word(t, i - 1) or self._noun_form_ends(t, i)):
            return False  # a modifier: "operasi militer", "media massa", "kerja sama militer"
        if "e" in flags and end < len(t.low) and self._plain_word(t, end):
            return False  # "aparat desa"
        return True

    def _attach_generic(self, t: _Text, sent_tok, doc: Document, pub) -> None:
        """Actors named by a common noun, with the country the article gives them (see
        generic_actors.tsv for the order in which the country is looked for)."""
        lex = self.lex
        if not lex.generic:
            return
        low = t.low
        n_tok = len(low)
        hits: list[tuple[int, int, str]] = []
        i = 0
        while i < n_tok:
            if low[i] not in lex.generic_first or i in t.np_tokens or i in t.mention_tokens:
                i += 1
                continue
            match = None
            for n in range(min(lex.generic_max, n_tok - i), 0, -1):
                spec = lex.generic.get(tuple(low[i : i + n]))
                if spec and not any(k in t.np_tokens or k in t.mention_tokens for k in range(i, i + n)):
                    match = (n, spec)
                    break
            if match is None:
                i += 1
                continue
            n, (role, flags) = match
            end = i + n
            if self._generic_ok(t, i, end, flags):
                start = i
                while (start > 0 and i - start < 3 and (start - 1) not in t.np_tokens
                       and (self._is_quantity(low[start - 1]) or low[start - 1] in lex.np_openers)):
                    start -= 1
                if "q" not in flags or start < i:
                    hits.append((start, end, role))
            i = end
        # entities known by their role alone ("Komisi I" GOV, "Badan Keamanan" GOV): same as above
        bare = [np for np in t.nps if np.country is None and np.code in lex.countryless_roles and np.label == "ORG"]
        if not hits and not bare:
            return

        sent_starts = [a for a, _ in sent_tok]

        def sent_of(k: int) -> int:
            return max(0, bisect.bisect_right(sent_starts, k) - 1)

        counts: dict[str, int] = {}
        loc: dict[int, str] = {}
        antecedents: list[tuple[int, str, str]] = []  # (token, role, country) of actors with an explicit role
        # per sentence, the countries of its actors; and whether all of them are people (not states)
        sent_countries: dict[int, set[str]] = {}
        sent_people: dict[int, bool] = {}
        for np in t.nps:
            if not np.country:
                continue
            si_ = sent_of(np.start)
            counts[np.country] = counts.get(np.country, 0) + 1
            if np.place and np.label in ("GPE", "LOC"):
                k = np.start - 1
                while k >= 0 and np.start - k <= 3 and low[k] in lex.place_words:
                    k -= 1
                if k >= 0 and low[k] in ("di", "ke"):
                    loc.setdefault(si_, np.country)
                continue
            roles = cameo.split_actor_code(np.code)[1]
            if roles and (np.via == "role" or np.label == "ORG"):
                antecedents.append((np.start, roles[0], np.country))
            sent_countries.setdefault(si_, set()).add(np.country)
            sent_people[si_] = sent_people.get(si_, True) and bool(roles) and roles[0] not in lex.state_roles
        named = set(counts)
        dateline = None
        if doc.dateline_place:
            place = self._geocode(doc.dateline_place)
            dateline = place.country if place is not None else None

        def country_of(start: int, role: str) -> str | None:
            si = sent_of(start)
            ante = None
            for pos, r, c in reversed(antecedents):  # the last actor of the same role, not too far back
                if pos < start and r == role:
                    ante = c if si - sent_of(pos) <= lex.antecedent_sentences else None
                    break
            sole = sent_countries.get(si, set())
            if role in lex.state_roles:
                # "junta", "pemerintah", "polisi": the institution named shortly before; else the state
                # of the people the sentence names ("pengunjuk rasa Australia menuntut pemerintah")
                people = next(iter(sole)) if len(sole) == 1 and sent_people.get(si) else None
                order = (ante, people, loc.get(si))
            else:
                order = (ante, loc.get(si))
            for c in order:
                if c:
                    return c
            for back in range(1, 4):
                if si - back in loc:
                    return loc[si - back]
            if dateline and named <= {dateline}:
                return dateline
            if lex.home_country and named <= {lex.home_country}:
                return lex.home_country
            return None

        items = sorted([(s_, e_, r_, None) for s_, e_, r_ in hits] + [(np.start, np.end, np.code, np) for np in bare],
                       key=lambda x: x[0])
        added: list[Actor] = []
        dropped: list[Actor] = []
        for start, end, role, np in items:
            country = None
            if np is not None:  # "Badan Keamanan | Dalam Negeri Polandia": the name's own country, cut off
                k = end
                while k < len(low) and k - end < 4 and k not in t.np_start and t.tokens[k][:1].isupper():
                    k += 1
                nxt = t.np_start.get(k)
                if k > end and nxt is not None and nxt.place and nxt.country:
                    country = nxt.country
            country = country or country_of(start, role)
            if np is not None:
                if country is None:
                    dropped.append(np)  # a role without a country is no actor
                else:
                    np.code, np.country = cameo.compose_actor_code(country, role) or np.code, country
                    antecedents.append((start, role, country))
                continue
            if country is None:
                continue
            code = cameo.compose_actor_code(country, role)
            actor = Actor(code, country, " ".join(t.tokens[start:end]), None, start, end, "GEN",
                          via="generic", own_role=True)
            added.append(actor)
            antecedents.append((start, role, country))
        for np in dropped:
            t.np_start.pop(np.start, None)
            t.np_end.pop(np.end, None)
            t.np_tokens.difference_update(range(np.start, np.end))
        for actor in added:
            t.np_start[actor.start] = actor
            t.np_end[actor.end] = actor
            t.np_tokens.update(range(actor.start, actor.end))
        if added or dropped:
            gone = {id(np) for np in dropped}
            t.nps = sorted([np for np in t.nps if id(np) not in gone] + added, key=lambda a: a.start)
            t.np_starts = []

    # -- coordination and slots

    def _skip_paren(self, t: _Text, i: int, hi: int) -> int:
        """Index after a short parenthetical starting at i ("(kiri)"), or i."""
        if i < hi and t.tokens[i] == "(":
            for k in range(i + 1, min(hi, i + 6)):
                if t.tokens[k] == ")":
                    return k + 1
        return i

    def _coord_right(self, t: _Text, first: Actor, hi: int, subject: bool = False) -> list[Actor]:
        """Actors coordinated with `first`, to the right. As a `subject` ("jika Jepang dan Filipina
        melanjutkan"), a verb after the last one does not end the group."""
        group = [first]
        links: list[str] = []
        i = first.end
        while True:
            i = self._skip_paren(t, i, hi)
            j = i
            link = None
            while j < hi and j < i + 2 and t.low[j] in self.lex.conjunctions | {","}:
                link = t.low[j] if link in (None, ",") else link
                j += 1
            if link is None or j >= hi:
                break
            j = self._skip_titles(t, j, hi)
            nxt = t.np_start.get(j)
            if nxt is None or (not subject and self._starts_clause(t, nxt.end, hi)):
                break
            group.append(nxt)
            links.append(link)
            i = nxt.end
        # a list joined by commas alone is an apposition, not a coordination
        while links and links[-1] == ",":
            links.pop()
            group.pop()
        return self._inherit_roles(group)

    _VERB_PREFIX = re.compile(r"^(me|di|ber|ter|mem|men|meng|meny|memper|diper)[a-z]{3,}$")

    def _verb_like(self, w: str) -> bool:
        """Does the word look like a verb (meN-, di-, ber-, ter- ...), nouns that only look so aside?"""
        return bool(self._VERB_PREFIX.match(w)) and w not in self.lex.not_verbs

    def _starts_clause(self, t: _Text, k: int, hi: int) -> bool:
        """Does a verb follow at k ("... Gaza dan Mesir menerapkan ...": Mesir starts a clause)?"""
        while k < hi and t.low[k] in self.lex.auxiliaries | self.lex.cue_words:
            k += 1
        return k < hi and (t.low[k] in self.lex.triggers or self._verb_like(t.low[k]))

    def _skip_titles(self, t: _Text, j: int, hi: int) -> int:
        """Past up to three capitalised words that are no actor (ranks: "Mayor Jenderal") to an actor."""
        k = j
        while k < hi and k - j < 3 and k not in t.np_tokens and t.tokens[k][:1].isupper():
            k += 1
        return k if k in t.np_start else j

    def _coord_left(self, t: _Text, last: Actor, lo: int) -> list[Actor]:
        group = [last]
        links: list[str] = []
        i = last.start - 1
        k = i
        while k >= lo and i - k < 3 and k not in t.np_tokens and t.tokens[k][:1].isupper():
            k -= 1
        if k < i and k >= lo and t.low[k] in self.lex.conjunctions:
            i = k
        while i >= lo:
            j = i
            link = None
            while j >= lo and j > i - 2 and t.low[j] in self.lex.conjunctions | {","}:
                link = t.low[j] if link in (None, ",") else link
                j -= 1
            if link is None or j < lo:
                break
            if t.tokens[j] == ")":  # "(kiri) dan"
                k = j
                while k > lo and t.tokens[k] != "(" and j - k < 6:
                    k -= 1
                j = k - 1
            prev = t.np_end.get(j + 1)
            if prev is None:
                break
            if link == "," and prev.place and self._in_pp(t, prev.start, lo):
                break  # "Di Kuala Lumpur, A dan B ...": the place phrase opens the clause
            group.insert(0, prev)
            links.insert(0, link)
            i = prev.start - 1
        # the link nearest the verb decides: "Iran, Rusia" without "dan" is an apposition
        if links and links[-1] == ",":
            return self._inherit_roles([last])
        return self._inherit_roles(group)

    def _inherit_roles(self, group: list[Actor]) -> list[Actor]:
        """A role phrase before the first of coordinated countries covers the bare ones after it:
        "militer Iran dan Rusia" -> IRNMIL, RUSMIL (but "Israel dan pasukan AS" leaves Israel bare)."""
        role = group[0].role_from_phrase
        if not role:
            return group
        out = [group[0]]
        for a in group[1:]:
            if a.place and not a.own_role and a.label in ("GPE", "LOC") and a.country:
                a = Actor(cameo.compose_actor_code(a.country, role) or a.code, a.country, a.name, a.entity,
                          a.start, a.end, a.label, False, "role", True, role)
            out.append(a)
        return out

    def _in_pp(self, t: _Text, start: int, lo: int) -> bool:
        return start - 1 >= lo and t.low[start - 1] in self.lex.prepositions

    def _pair_actors(self, ctx, words: list[str]) -> list[Actor]:
        """The pair "kedua pihak" (the sides of the last reciprocal event, else the last coordinated
        pair) or "kedua negara" (the last pair named, as states: country codes) points back to."""
        recip, coord = ctx.get("recip"), ctx.get("coord")
        states = tuple(words) in self.lex.state_pair.get(len(words), set())
        if states:
            options = [p for p in (recip, coord) if p and len({a.country for a in p[0]} - {None}) == 2]
            chosen = max(options, key=lambda p: p[1]) if options else None
        else:
            chosen = recip or coord
        if chosen is None:
            return []
        pair = chosen[0]
        if not states:
            return [self._as_anaphor(a) for a in pair]
        return [
            Actor(a.country, a.country, a.name, a.entity, a.start, a.end, a.label, a.place, "anaphora")
            if a.country else a
            for a in pair
        ]

    def _pair_anaphor_ending(self, t: _Text, i: int, lo: int) -> int | None:
        """Start index of a pair anaphor ("kedua pihak") ending at token i, or None."""
        for n, phrases in self.lex.pair_anaphora.items():
            if i - n + 1 >= lo and tuple(t.low[i - n + 1 : i + 1]) in phrases:
                return i - n + 1
        return None

    def _pair_anaphor_starting(self, t: _Text, j: int, hi: int) -> int | None:
        for n, phrases in self.lex.pair_anaphora.items():
            if j + n <= hi and tuple(t.low[j : j + n]) in phrases:
                return j + n
        return None

    def _subject(self, t, pos, lo, ctx) -> tuple[list[Actor], str | None]:
        i = pos - 1
        steps = 0
        only_aux = True
        vp_conj = False  # "X menelepon polisi dan menuntut ...": a verb phrase joined to the one before
        comma_vp = False  # "X mengecam Y, menuntut Z ..., dan meminta W": verb phrases listed with commas
        skip = self.lex.auxiliaries | self.lex.cue_words
        while i >= lo and steps <= self.subject_window:
            np = t.np_end.get(i + 1)
            if np is not None:
                group = self._coord_left(t, np, lo)
                if self._in_pp(t, group[0].start, lo):
                    b = group[0].start - 1
                    left = t.np_end.get(b) if only_aux and t.low[b] == "bersama" else None
                    if left is not None and not ctx.get("vp_done"):
                        lgroup = self._coord_left(t, left, lo)
                        if (not self._in_pp(t, lgroup[0].start, lo)
                                and self._relative_head(t, lgroup[0].start, lo) is None
                                and (lgroup[0].start == lo or t.low[lgroup[0].start - 1] in self.lex.clause_stops
                                     or t.low[lgroup[0].start - 1] in (",",))):
                            return lgroup + group, "subj"  # "Jepang bersama Filipina mengecam": both
                    i = group[0].start - 2
                    steps += 2
                    only_aux = False
                    continue
                head = self._relative_head(t, group[0].start, lo)
                if head is not None:  # "Houthi yang didukung Iran ... mengaku": Houthi
                    return head, "subj"
                if t.low[pos] in self.lex.light_after and self._event_noun_possessor(t, group[0].start, lo):
                    return [], None  # "Bantuan Jepang ... tiba": the aid arrives, not Japan
                if vp_conj and (not ctx.get("vp_done") or (comma_vp and ctx.get("vp_depth", 0) < 3)):
                    verb = self._verb_before(t, group[0].start, lo)
                    if verb is not None:  # the actor is the object of the first verb: its subject
                        return self._subject(t, verb, lo, dict(ctx, vp_done=True, vp_depth=ctx.get("vp_depth", 0) + 1))
                return group, "subj"
            w = t.low[i]
            if w in self.lex.conjunctions and only_aux:
                vp_conj = True
            ana = self._pair_anaphor_ending(t, i, lo)
            if ana is not None:
                pair = self._pair_actors(ctx, t.low[ana : i + 1])
                if pair:
                    return pair, "anaphora"
                return [], None
            if w in self.lex.speaker_pronouns and ctx.get("speaker") is not None:
                return [ctx["speaker"]], "speaker"
            if w in self.lex.person_pronouns and not ctx.get("in_quote") and not ctx.get("matrix_done"):
                # "X mengatakan (bahwa) ia akan ...": X; else the person heading the sentence before
                for k in (i - 1, i - 2):
                    if k >= lo and t.low[k] in self.lex.reporting_verbs:
                        group, _ = self._subject(t, k, lo, dict(ctx, matrix_done=True))
                        return (group, "matrix") if group else ([], None)
                person = ctx.get("person")
                return ([self._as_anaphor(person)], "person") if person is not None else ([], None)
            if w in self.lex.matrix_pronouns and not ctx.get("matrix_done"):
                # "X memperingatkan bahwa pihaknya akan ...": the subject of the verb of saying
                for k in range(i - 1, lo - 1, -1):
                    if t.low[k] in self.lex.reporting_verbs or any(
                        f.entry.code[:2] in self.lex.threat_roots for f in self.lex.triggers.get(t.low[k], ())
                    ):
                        group, _ = self._subject(t, k, lo, dict(ctx, matrix_done=True))
                        return (group, "matrix") if group else ([], None)
                return [], None
            if w == "yang":
                if only_aux:
                    j = i - 1
                    if j >= lo and t.low[j] == ",":
                        j -= 1
                    np = t.np_end.get(j + 1)
                    if np is not None:
                        group = self._coord_left(t, np, lo)
                        if not self._in_pp(t, group[0].start, lo):  # "serangan di Kabul yang menewaskan"
                            return group, "subj"
                return [], None
            if w in self.lex.reporting_verbs and not only_aux:
                break  # "X mengatakan serangan ... menewaskan": X is the speaker
            if w in self.lex.subordinators and only_aux and not ctx.get("vp_done"):
                # "X mengusir Y (yang ...) setelah menuding Z ...": the subject of the main clause's verb,
                # the first verb of the clause
                main = None
                for k in range(i - 1, max(lo, i - 20) - 1, -1):
                    if t.low[k] in self.lex.clause_stops or t.low[k] == ",":
                        break
                    if t.low[k] == "yang":
                        main = None  # the verbs after "yang" belong to a relative clause
                        continue
                    if self._verb_like(t.low[k]) or any(not f.noun for f in self.lex.triggers.get(t.low[k], ())):
                        main = k
                if main is not None:
                    return self._subject(t, main, lo, dict(ctx, vp_done=True))
                break
            if w in self.lex.clause_stops:
                break
            if w == ",":
                # only a date or place put in between: "Lavrov, Selasa (12/3), mengecam"
                # "<actor>, dalam keterangan tertulis (pada Senin (18/3)), mengecam": skip the phrase
                rel = self._relative_clause_start(t, i, lo, preps=True) if only_aux else None
                if rel is not None:
                    i = rel
                    steps += 1
                    continue
                if not (i - 1 >= lo and t.tokens[i - 1] == ")"):
                    app = self._apposition_end(t, i, lo) if only_aux else None
                    if app is None and comma_vp and not only_aux and i + 1 < len(t.low) and (
                            self._verb_like(t.low[i + 1])
                            or any(not f.noun for f in self.lex.triggers.get(t.low[i + 1], ()))) \
                            and self._verb_phrase_before(t, i, lo):
                        i -= 1  # "X mengecam Y, menuntut Z pergi, dan meminta W": a third one
                        steps += 1
                        continue
                    if app is None and only_aux:
                        # "<actor>, <Name>, yang juga ..., mengecam": skip the relative clause
                        rel = self._relative_clause_start(t, i, lo)
                        if rel is not None:
                            i = rel
                            steps += 1
                            continue
                        if self._verb_phrase_before(t, i, lo):
                            vp_conj = comma_vp = True  # a verb phrase before the comma: its subject
                            i -= 1
                            steps += 1
                            continue
                    if app is None:
                        break
                    i = app  # "Menteri Luar Negeri Malaysia, Ahmad Rahman, tiba": the actor before the name
                    steps += 1
                    continue
            elif w not in skip and not (w in self.lex.conjunctions and vp_conj and t.low[i - 1] == ","):
                only_aux = False
            i -= 1
            steps += 1
        return [], None

    def _future_in_frame(self, t: _Text, j: int, hi: int) -> bool:
        """Whether the phrase from `j` up to the next comma speaks of the future ("pekan depan")."""
        while j < hi and t.low[j] not in (",", ".", ";"):
            if t.low[j] in _FUTURE_WORDS:
                return True
            j += 1
        return False

    def _event_noun_possessor(self, t: _Text, start: int, lo: int) -> bool:
        """Whether the actor at `start` is the possessor of an event noun opening the clause
        ("Bantuan Jepang kepada Filipina tiba ...") when the verb reports that noun."""
        k = start - 1
        if k < lo or not any(f.noun for f in self.lex.triggers.get(t.low[k], ())):
            return False
        return k == lo or t.low[k - 1] in self.lex.clause_stops or t.low[k - 1] == ","

    def _relative_clause_start(self, t: _Text, comma: int, lo: int, preps: bool = False) -> int | None:
        """For a comma closing a relative clause put after the subject ("<actor>, yang juga ...,"),
        the index of the comma opening it, when an actor (or a name) stands right before that.
        With `preps`, a prepositional phrase put there instead ("<actor>, dalam keterangan
        tertulis, ..."), after an actor only."""
        k = comma - 1
        while k > lo and comma - k <= 16:
            w = t.low[k]
            if w in self.lex.clause_stops or w in self.lex.reporting_verbs:
                return None
            if w == ",":
                return None
            if preps and w in self.lex.prepositions and t.low[k - 1] == ",":
                np = t.np_end.get(k - 1)
                if np is not None and not self._in_pp(t, np.start, lo) and k - 1 - np.start <= 8:
                    return k - 1
                return None
            if w == "yang" and not preps:
                if t.low[k - 1] == "," and (t.np_end.get(k - 1) is not None or t.tokens[k - 2][:1].isupper()):
                    return k - 1
                return None
            k -= 1
        return None

    def _verb_phrase_before(self, t: _Text, comma: int, lo: int) -> bool:
        """Whether the clause before `comma` holds a verb (so that the comma lists verb phrases)."""
        k = comma - 1
        while k >= lo and comma - k <= 12:
            w = t.low[k]
            if w in self.lex.clause_stops or w == "," or w == "yang" or w in self.lex.reporting_verbs:
                return False
            if self._verb_like(w) or any(not f.noun for f in self.lex.triggers.get(w, ())):
                return True
            k -= 1
        return False

    def _verb_before(self, t: _Text, start: int, lo: int) -> int | None:
        """The verb an object noun phrase starting at `start` hangs on (a few nouns may come between)."""
        k = start - 1
        while k >= lo and start - k <= 4:
            w = t.low[k]
            if self._verb_like(w) or any(not f.noun for f in self.lex.triggers.get(w, ())):
                return k
            if not (self._plain_word(t, k) or w in self.lex.np_openers or self._is_quantity(w)):
                return None
            k -= 1
        return None

    def _apposition_end(self, t: _Text, comma: int, lo: int) -> int | None:
        """A subject with an apposition before its verb: "<actor>, <Name>, tiba" or "<actor>, tiba" at
        the start of the clause. Returns the index of the actor's last token, else None."""
        k = comma - 1
        np = t.np_end.get(k + 1)
        if np is None:
            # a name the entities stage gave no actor: up to six capitalised words, then a comma
            j = k
            while j >= lo and comma - j <= 6 and (t.tokens[j][:1].isupper() or t.tokens[j] in ("-", ".", "'")):
                j -= 1
            if j == k or j < lo or t.tokens[j] != ",":
                return None
            np = t.np_end.get(j)
            if np is None:
                return None
            return j - 1
        # the actor itself before the comma: only at the start of its clause, after another actor
        # and a comma ("Ahmad Rahman, Menlu Malaysia, tiba")
        before = np.start - 1
        if before < lo or t.low[before] in self.lex.clause_stops:
            return k
        if t.low[before] == ",":
            prev = t.np_end.get(before)
            if prev is not None:
                return before - 1
        return None

    def _relative_head(self, t: _Text, start: int, lo: int) -> list[Actor] | None:
        """When the actor at `start` stands inside a relative clause ("X yang didukung <actor>"), the
        actors X the clause hangs on; None when it does not."""
        k = start - 1
        while k >= lo and start - k <= 3 and t.low[k] != "yang":
            if t.low[k] in self.lex.clause_stops or t.low[k] == "," or (k + 1) in t.np_end:
                return None
            k -= 1
        if k < lo or t.low[k] != "yang":
            return None
        j = k - 1
        if j >= lo and t.low[j] == ",":
            j -= 1
        np = t.np_end.get(j + 1)
        return self._coord_left(t, np, lo) if np is not None else []

    def _np_after(self, t, j, hi, max_skip, ctx, places_only=False, prep=False, subject=False) -> list[Actor]:
        """The actor group starting within `max_skip` words after j (quantities not counted). After a
        preposition (`prep`), a word of `prep_stops` ends the search ("dengan mediasi Qatar": Qatar is
        no side) and "dan" may join nouns before the actor ("terhadap pejabat dan perusahaan Iran")."""
        skipped = 0
        while j < hi and skipped <= max_skip:
            np = t.np_start.get(j)
            if np is not None:
                group = self._coord_right(t, np, hi, subject)
                if places_only:
                    group = [a for a in group if a.place]
                return group
            end = self._pair_anaphor_starting(t, j, hi)
            if end is not None:
                return self._pair_actors(ctx, t.low[j:end])
            w = t.low[j]
            if w in self.lex.speaker_pronouns and ctx.get("speaker") is not None and not places_only:
                return [ctx["speaker"]]
            if prep and (w in self.lex.prep_stops or self._verb_like(w)):
                return []
            if w in self.lex.document_words:
                return []  # "menolak UU KPK": the actor after names a law or programme, not the target
            if (prep and w in self.lex.conjunctions and skipped > 0 and j + 1 < hi
                    and (self._plain_word(t, j + 1) or self._is_quantity(t.low[j + 1]))):
                j += 1
                continue
            if (
                w in self.lex.prepositions
                or w in self.lex.clause_stops
                or w in self.lex.conjunctions
                or w == "yang"
                or not (w[0].isalnum())
            ):
                return []
            if not self._is_quantity(w):
                skipped += 1
            j += 1
        return []

    def _prep(self, t, end, hi, prep: str, ctx, places_only=False) -> list[Actor]:
        words = tuple(prep.split())
        n = len(words)
        j = end
        stop = min(hi, end + self.prep_window)
        while j < stop:
            w = t.low[j]
            if w in self.lex.clause_stops or (w in self.lex.triggers and (j > end or any(f.noun for f in self.lex.triggers[w]))):
                break  # a preposition after another event word belongs to that one
            if tuple(t.low[j : j + n]) == words:
                group = self._np_after(t, j + n, hi, 3, ctx, places_only, prep=True)
                if group:
                    return group
            j += 1
        return []

    def _slot(self, slot, t, trig: _Trigger, lo, hi, ctx, entry: Entry) -> tuple[list[Actor], str | None]:
        if slot == "subj":
            if trig.light == "frame_nya" and trig.light_pos is not None:
                return self._coord_right(t, t.np_start[trig.light_pos], hi, subject=True), "subj"
            if trig.form.noun and trig.light not in ("before", "receive"):
                return [], None
            return self._subject(t, trig.anchor, lo, ctx)
        if slot == "obj":
            for k in range(trig.start + 1, trig.end):  # "mengusir diplomat Kamboja": a role phrase in the trigger
                np = t.np_start.get(k)
                if np is not None and np.end > trig.end:
                    return self._coord_right(t, np, hi), "obj"
            skip = self.object_skip if entry.object_skip is None else entry.object_skip
            return self._np_after(t, trig.end, hi, skip, ctx), "obj"
        if slot == "next":
            return self._np_after(t, trig.end, hi, 2, ctx), "next"
        if slot == "agent":  # the agent of a passive right after it: "diserang Israel", not "dituduh menyerang X"
            return self._np_after(t, trig.end, hi, 0, ctx), "obj"
        if slot == "after_agent" and trig.light == "after" and trig.light_pos is not None:
            if t.low[trig.light_pos].startswith("di"):  # "serangan itu dilancarkan Israel"
                return self._np_after(t, trig.light_pos + 1, hi, 0, ctx), "obj"
            return [], None
        if slot == "after_obj" and trig.light == "after" and trig.light_pos is not None:
            if t.low[trig.light_pos].startswith("me"):  # "serangan ... menghantam pangkalan AS"
                return self._np_after(t, trig.light_pos + 1, hi, self.object_skip, ctx), "obj"
            return [], None
        if slot == "di":
            return self._prep(t, trig.end, hi, "di", ctx, places_only=True), "place"
        if slot in ("subj", "obj", "next", "agent", "after_agent", "after_obj"):
            return [], None
        group = self._prep(t, trig.end, hi, slot, ctx)
        return group, ("place" if group and all(a.place for a in group) else "prep")

    # -- targets told elsewhere

    def _counterpart_roots(self, code: str) -> frozenset[str]:
        table = self.lex.counterpart_roots
        for key in (code, code[:3], code[:2]):
            if key in table:
                return table[key]
        return frozenset()

    def _left_place(self, t: _Text, anchor: int, lo: int) -> list[Actor]:
        """A place in a di-phrase of the subject: "Sebuah desa di Lebanon selatan diserang" -> Lebanon."""
        k = anchor - 1
        while k >= lo and anchor - k <= self.subject_window:
            w = t.low[k]
            if w in self.lex.clause_stops or w == ",":
                return []
            np = t.np_end.get(k + 1)
            if np is not None:
                if np.place and np.country and np.start - 1 >= lo and t.low[np.start - 1] == "di":
                    return [np]
                return []
            k -= 1
        return []

    def _antecedent(self, ctx, roots, sources: list[Actor], against: bool) -> Actor | None:
        """The actor of an act told shortly before: the latest event (of `roots` when given) by someone
        else; with `against`, only one done to the sources' country (the accusation a denial answers)."""
        history = ctx.get("history") or []
        si = ctx.get("si", 0)
        mine = {a.country or a.code for a in sources}
        fallback = None
        for c in reversed(history):
            if si - c.sent > self.anaphora_sentences:
                break
            if c.mode == "negated" or (roots and c.root not in roots):
                continue
            if (c.source.country or c.source.code) in mine:
                continue
            hit = c.target is not None and (c.target.country or c.target.code) in mine
            if hit:
                return self._as_anaphor(c.source)
            if not against and fallback is None:
                fallback = c.source
        return self._as_anaphor(fallback) if fallback is not None else None

    @staticmethod
    def _as_anaphor(a: Actor) -> Actor:
        return Actor(a.code, a.country, a.name, a.entity, a.start, a.end, a.label, a.place, "anaphora", a.own_role)

    def _referred_actor(self, t: _Text, trig: _Trigger, hi: int, sources: list[Actor], ctx) -> list[Actor]:
        """The object is an act referred to ("serangan tersebut", "tuduhan itu", "langkah ini"): the actor
        of that act, told in the sentences before."""
        j = trig.end
        limit = min(hi, trig.end + 4)
        while j < limit:
            w = t.low[j]
            if w in self.lex.clause_stops or w in self.lex.prepositions or j in t.np_tokens:
                return []
            if any(k < hi and t.low[k] in self.lex.demonstratives for k in (j + 1, j + 2)):
                noun_roots = {f.entry.code[:2] for f in self.lex.triggers.get(w, ()) if f.noun}
                if noun_roots or w in self.lex.referring_nouns:
                    ante = self._antecedent(ctx, noun_roots, sources, against=False)
                    return [ante] if ante is not None else []
            j += 1
        return []

    def _resolve_threats(self, t: _Text, lo: int, hi: int, out: list[_Candidate], ctx, sent_quotes,
                         triggers: list[_Trigger]) -> list[_Candidate]:
        """Threats: a threat verb takes in the act it threatens ("mengancam akan mengambil tindakan
        militer jika ..." is one 13x threat, its target the actor of the condition); an actor's own
        stated intention to act against another ("Kami akan membalas") is a threat made; a threat or
        denial without a target answers the act against its source told just before."""
        lex = self.lex
        if not any(c.root in lex.threat_roots or c.provisional or c.cue for c in out):
            return [c for c in out if c.target is not None or not c.needs_target]
        drop: set[int] = set()
        extra: list[_Candidate] = []
        for th in [c for c in out if c.root in lex.threat_roots and c.act_code[:2] in lex.threat_roots
                   and c.mode == "reported"]:
            end = hi
            for k in range(th.trig_end, hi):
                if t.low[k] in lex.threat_scope_stops:
                    end = k
                    break
            cond = next((k for k in range(th.trig_end, end) if t.low[k] in lex.condition_words), end)
            for trig in triggers:  # the act threatened, before any condition: its intent code
                entry = trig.form.entry
                if th.trigger < trig.start < cond and entry.code[:2] not in lex.threat_roots:
                    act = entry.state_code if entry.state_code and self._is_state(th.source) else entry.code
                    intent = cameo.intent_code(act)
                    if intent and intent[:2] in lex.threat_roots:
                        th.recode(_more_specific(th.code, intent))
            for c in out:
                if c is th or id(c) in drop or not (th.trigger < c.trigger < end):
                    continue
                if c.mode == "reported" and c.act_code[:2] not in lex.threat_roots:
                    continue
                if _side(c.source) != _side(th.source):
                    continue  # the actor of the condition ("jika AS ...")
                intent = cameo.intent_code(c.act_code)
                if intent and intent[:2] in lex.threat_roots:
                    th.recode(_more_specific(th.code, intent))
                if th.target is None and c.target is not None and _side(c.target) != _side(th.source):
                    th.target, th.provisional = c.target, False
                drop.add(id(c))
            if th.target is None:
                for k in range(th.trig_end, end):
                    if t.low[k] in lex.condition_words:
                        group = [a for a in self._np_after(t, k + 1, end, 2, ctx, subject=True)
                                 if _side(a) != _side(th.source)]
                        for n, a in enumerate(group[: self.max_per_trigger]):
                            if n == 0:
                                th.target, th.provisional = a, False
                            else:
                                extra.append(_copy_candidate(th, target=a))
                        break
        out = [c for c in out if id(c) not in drop] + extra
        for c in out:
            if c.mode not in ("intended", "conditional") or c.cue not in lex.threat_assert:
                continue
            intent = cameo.intent_code(c.act_code)
            if not intent or intent[:2] not in lex.threat_roots:
                continue
            if self._asserted_by_source(t, lo, c, ctx, sent_quotes):
                c.recode(intent)
                c.mode = "reported"
                if c.target is None:
                    c.provisional, c.needs_target = True, True
        for c in out:
            if c.provisional and c.target is None:
                if c.root in lex.threat_roots and 0 <= c.trig_end < hi and self._plain_word(t, c.trig_end):
                    continue  # "memperingatkan penduduk ...": a warning to someone unnamed, not a threat answering
                roots = self._counterpart_roots(c.act_code) or self._counterpart_roots(c.code)
                # the acts told before: in the sentences before, then earlier in this sentence
                before = [o for o in out if o is not c and o.trigger < c.trigger]
                here = dict(ctx, history=list(ctx.get("history") or []) + before)
                ante = self._antecedent(here, roots, [c.source], against=True) if roots else None
                if ante is not None:
                    c.target, c.provisional = ante, False
                    c.confidence -= 0.1
        return [c for c in out if c.target is not None or not c.needs_target]

    def _asserted_by_source(self, t: _Text, lo: int, c: _Candidate, ctx, sent_quotes) -> bool:
        """Is an intention stated by the actor itself: in its own quote, as "kami"/"pihaknya", or after a
        verb of saying whose subject is of the actor's country ("Moskow menegaskan akan membalas")?"""
        if c.src_via in ("speaker", "matrix"):
            return True
        country = _side(c.source)
        speaker, direct = self._speaker_at(t, c.trigger, sent_quotes)
        if speaker is not None and _side(speaker) == country:
            return True
        for k in range(c.trigger - 1, lo - 1, -1):
            w = t.low[k]
            if w in self.lex.reporting_verbs or any(f.entry.code[:2] in self.lex.threat_roots
                                                    for f in self.lex.triggers.get(w, ())):
                subj, _ = self._subject(t, k, lo, ctx)
                if any(_side(a) == country for a in subj):
                    return True
        return False

    # -- triggers

    def _find_triggers(self, t: _Text, lo: int, hi: int, caption: bool, times: list[TimeExpr]) -> list[_Trigger]:
        found: list[_Trigger] = []
        for i in range(lo, hi):
            forms = self.lex.triggers.get(t.low[i])
            if not forms:
                continue
            q_end = -1  # where quantity words after the first word end, computed once
            for form in forms:
                n = form.length
                if i + n > hi:
                    continue
                ok = True
                j = i + 1
                for k, w in enumerate(form.rest):
                    if k == 0 and not form.noun and j < hi and t.low[j] != w:
                        if q_end < 0:
                            q_end = self._skip_quantity(t, j, hi)
                        j = q_end  # "menembakkan puluhan roket"
                    tok = t.low[j] if j < hi else ""
                    if tok != w and not (k == len(form.rest) - 1 and tok == w + "nya"):
                        ok = False
                        break
                    j += 1
                if not ok:
                    continue
                n = j - i
                if form.entry.with_words and not self._has_phrase(
                    t, form.entry, max(lo, i - 6), min(hi, i + n + 6)
                ):
                    continue
                if form.entry.without_words and any(t.low[k] in form.entry.without_words for k in range(lo, hi)):
                    continue  # anywhere in the sentence: "bertemu Korea Selatan ... di final"
                trig = _Trigger(form, i, i + n, i, None)
                if trig.end > hi:
                    continue
                if form.noun and not self._license(t, trig, lo, hi, caption, times):
                    continue
                found.append(trig)
                break  # longest form of this word that fits
        # overlapping triggers: the longest wins, then the leftmost
        found.sort(key=lambda x: (-(x.end - x.start), x.start))
        chosen: list[_Trigger] = []
        used: set[int] = set()
        for trig in found:
            span = set(range(trig.start, trig.end))
            if span & used:
                continue
            used |= span
            chosen.append(trig)
        chosen.sort(key=lambda x: x.start)
        return chosen

    @staticmethod
    def _has_phrase(t: _Text, entry: Entry, a: int, b: int) -> bool:
        """Does one of the entry's `with` phrases stand in tokens a..b?"""
        first = entry.with_first
        for k in range(a, b):
            if t.low[k] in first:
                for p in entry.with_words:
                    if t.low[k] == p[0] and (len(p) == 1 or tuple(t.low[k : k + len(p)]) == p):
                        return True
        return False

    def _skip_quantity(self, t: _Text, j: int, hi: int, limit: int = 3) -> int:
        k = j
        while k < hi and k - j < limit and self._is_quantity(t.low[k]):
            k += 1
        return k

    def _license(self, t: _Text, trig: _Trigger, lo: int, hi: int, caption: bool, times) -> bool:
        """Is an event noun reported here (and how)? Sets trig.light / anchor."""
        i = trig.start
        for k in range(max(lo, i - 3), i):
            if t.low[k] in self.lex.topic_markers:
                return False
        # light verb before: melakukan (sebuah) kunjungan, mengirimkan 40 ton bantuan
        k = i - 1
        while k >= lo and self._is_quantity(t.low[k]) and i - k <= 4:
            k -= 1
        if k >= lo:
            w = t.low[k]
            if w in self.lex.light_before or w in self.lex.light_receive:
                if k - 1 >= lo and t.low[k - 1] in self.lex.topic_markers:
                    return False
                trig.light = "receive" if w in self.lex.light_receive else "before"
                trig.anchor = k
                trig.light_pos = k
                return True
        if caption:
            trig.light = "caption"
            return True
        # a visit framing the clause: "Dalam kunjungan Presiden X ke Y, ..." (the visitor named after it)
        if (k >= lo and t.low[k] in _VISIT_FRAMES and trig.form.entry.code == "042"
                and (k == lo or t.low[k - 1] in self.lex.clause_stops or t.low[k - 1] == ",")
                and t.np_start.get(self._skip_titles(t, trig.end, hi)) is not None
                and not self._future_in_frame(t, trig.end, hi)):
            trig.light = "frame"
            return True
        # "Dalam kunjungannya ke Y, (Presiden) X ...": the visitor is the main clause's subject
        if (k >= lo and t.low[k] in _VISIT_FRAMES and trig.form.entry.code == "042"
                and t.low[trig.end - 1].endswith("nya")
                and (k == lo or t.low[k - 1] in self.lex.clause_stops or t.low[k - 1] == ",")
                and not self._future_in_frame(t, trig.end, hi)):
            c = trig.end
            while c < hi and c - trig.end <= 10 and t.low[c] not in (",", ".", ";") and t.low[c] not in self.lex.clause_stops:
                c += 1
            if c < hi and t.low[c] == ",":
                j = self._skip_titles(t, c + 1, hi)
                if t.np_start.get(j) is not None:
                    trig.light = "frame_nya"
                    trig.light_pos = j
                    return True
        # a verb after it: kunjungan ... dilakukan
        for k in range(trig.end, min(hi, trig.end + 8)):
            w = t.low[k]
            if w in self.lex.light_after:
                trig.light = "after"
                trig.light_pos = k
                return True
            if w in (".", ";", "?", "!") or (w == "," and k > trig.end + 1 and t.low[k - 1] not in ("(",)):
                break
            if w == "yang" and k > trig.end + 1:
                break  # "tuntutan penyelidikan terhadap kekerasan yang dilakukan ...": another noun's clause
        # a date right after it: serangan Israel ke Gaza pada Senin
        if times and t.offset is not None:
            end_char = t.ends[trig.end - 1] + t.offset
            for tx in times:
                gap = tx.start - end_char
                if tx.precision == "day" and (0 <= gap <= 40 or (
                        40 < gap <= 70 and not any(ch in t.text[end_char - t.offset : tx.start - t.offset] for ch in ",.;:\"“”")
                        and not any(self._verb_like(t.low[k]) or t.low[k] in self.lex.conjunctions
                                    for k in range(trig.end, hi) if t.starts[k] + t.offset < tx.start))):
                    # "kunjungan Presiden Filipina Maria Santos ke Jepang pada Senin": a longer noun
                    # phrase, with no clause break before the date
                    trig.light = "date"
                    return True
        return False

    # -- one sentence

    def _sentence(self, t, lo, hi, si, evidence, times, quotes, actx, pub, caption=False) -> list[_Candidate]:
        """Candidates of one sentence. `actx` carries what the sentences before tell: the last pairs
        of actors (for "kedua pihak"), the person heading the sentence before (for "ia"), the events
        found so far."""
        out: list[_Candidate] = []
        triggers = self._find_triggers(t, lo, hi, caption, times)
        sent_quotes = [q for q in quotes if q[0] < (t.ends[hi - 1] if hi > lo else 0) and q[1] > t.starts[lo]]
        base = dict(actx or {})
        base["si"] = si
        for trig in triggers:
            # inside a direct quote, "kami" and a missing subject of a verbal event are the speaker
            speaker, direct = self._speaker_at(t, trig.start, sent_quotes)
            ctx = dict(base, speaker=speaker if direct else None, in_quote=speaker is not None or direct)
            out.extend(self._events_for(t, trig, lo, hi, si, evidence, times, ctx, pub))
        if sent_quotes:
            out.extend(self._evaluative(t, lo, hi, si, evidence, times, sent_quotes, pub))
        out = self._resolve_threats(t, lo, hi, out, dict(base, speaker=None), sent_quotes, triggers)
        return self._absorb(out)

    def _speaker_at(self, t: _Text, i: int, sent_quotes) -> tuple[Actor | None, bool]:
        pos = t.starts[i]
        for qs, qe, speaker, direct in sent_quotes:
            if qs <= pos < qe:
                return speaker, direct
        return None, False

    def _events_for(self, t, trig: _Trigger, lo, hi, si, evidence, times, ctx, pub) -> list[_Candidate]:
        form, entry = trig.form, trig.form.entry
        if form.passive and entry.stative_passive:
            k = trig.start - 1
            while k >= lo and t.low[k] in self.lex.auxiliaries:
                k -= 1
            if k >= lo and t.low[k] == "yang":
                return []  # "Houthi yang didukung Iran": a description, not news
        if form.noun:
            src_slots, tgt_slots = list(entry.noun_source), list(entry.noun_target)
            if trig.light == "receive":
                tgt_slots = ["subj"] + [s for s in tgt_slots if s != "subj"]
                src_slots = ["dari", "oleh"] + [s for s in src_slots if s not in ("subj", "dari", "oleh")]
            elif trig.light == "after":
                src_slots = src_slots + ["oleh", "after_agent"]
                tgt_slots = ["after_obj"] + tgt_slots  # "serangan ... menargetkan Ukraina"
        elif form.passive and entry.reciprocal:
            # "dibahas oleh kedua menteri": the subject of a passive reciprocal verb is the topic
            src_slots, tgt_slots = ["oleh"], []
        elif form.passive:
            tgt_slots = ["subj"] + [s for s in entry.target if s not in ("obj", "subj")]
            src_slots = ["oleh", "agent"]
        else:
            src_slots, tgt_slots = list(entry.source), list(entry.target)

        sources, src_via = [], None
        for slot in src_slots:
            sources, src_via = self._slot(slot, t, trig, lo, hi, ctx, entry)
            if sources:
                break
        targets, tgt_via = [], None
        for slot in tgt_slots:
            if slot == "di" and not entry.places:
                continue
            targets, tgt_via = self._slot(slot, t, trig, lo, hi, ctx, entry)
            targets = [a for a in targets if all(a is not s for s in sources)]
            # "memperingatkan ekspektasi Korut" by a North Korean: its own state is no target
            targets = [a for a in targets if not any(a.code == s.country and a.code != s.code for s in sources)]
            if entry.foreign_target:
                targets = [a for a in targets if all(_side(a) != _side(s) for s in sources)]
            if targets:
                break
        if not targets and form.passive and entry.places and not entry.reciprocal:
            # "Sebuah desa di Lebanon selatan diserang": the place the unnamed subject lies in
            targets = self._left_place(t, trig.anchor, lo)
            tgt_via = "place" if targets else None
        if not targets and sources and not entry.reciprocal:
            # "mengutuk serangan tersebut", "membantah tuduhan itu": the actor of the act referred to
            targets = self._referred_actor(t, trig, hi, sources, ctx)
            tgt_via = "anaphora" if targets else None
        provisional = False
        if not targets and sources and not entry.reciprocal and (
            entry.code[:2] in self.lex.threat_roots or self._counterpart_roots(entry.code)
        ):
            # a threat or denial whose target is given later (the condition, the act threatened,
            # the accusation answered): kept until the sentence is read
            provisional = True

        pairs: list[tuple[Actor, Actor | None]] = []
        if entry.reciprocal:
            if not sources and targets and len(targets) >= 2:
                sources, targets = targets, []
            if sources and targets:
                pairs = [(s, x) for s in sources for x in targets]
            elif len(sources) >= 2:
                pairs = list(itertools.combinations(sources, 2))
        else:
            if not sources:
                return []
            if targets:
                pairs = [(s, x) for s in sources for x in targets]
            elif not entry.needs_target or entry.untargeted_code or provisional:
                pairs = [(s, None) for s in sources]
        if not pairs:
            return []

        mode, recode, hedged, cues = self._mode(t, trig, lo, hi, evidence.text, times, pub)
        if mode == "skip":
            return []
        if (mode == "reported" and src_via == "subj" and sources[0].start - 1 >= lo
                and t.low[sources[0].start - 1] in self.lex.cleft_negation):
            mode = "negated"  # "bukan Taliban yang datang ke AS"
        if mode == "reported" and src_via == "subj" and self._after_appeal(t, sources[0].start, lo):
            mode = "intended"  # "meminta Israel menarik pasukannya": asked for, not done
            recode = t.low[sources[0].start - 1] in self.lex.plan_nouns  # "rencana X mencaplok": a plan
        if entry.only_intended and "intended" not in cues:
            return []  # "membalas" is a threat only as a stated intention ("akan membalas")
        if entry.only_intended and mode in ("intended", "conditional"):
            mode = "intended"
        out = []
        for source, target in pairs[: self.max_per_trigger]:
            if target is not None and (
                (source.entity is not None and source.entity == target.entity and source.code == target.code)
                or (source.code == target.code and source.entity is None and target.entity is None)
            ):
                continue
            code = entry.code
            if target is None and entry.untargeted_code:
                code = entry.untargeted_code
            elif target is None and entry.needs_target and not entry.reciprocal and not provisional:
                continue
            if target is None and form.noun and code == entry.untargeted_code:
                continue  # "serangan udara Israel menghantam ...": an attack noun names no show of force
            if entry.state_code and self._is_state(source):
                code = entry.state_code
            place_target = tgt_via == "place"
            if target is not None and target.place and (entry.places or code[:3] in _VISIT_CODES):
                if target.country and source.country == target.country:
                    continue  # a visit, attack or curfew at home is not between two sides
            act_code = code
            if mode == "intended" and recode:
                code = cameo.intent_code(code) or code
            conf = entry.confidence if entry.confidence is not None else (0.6 if form.noun else 0.7)
            if target is not None and tgt_via in ("obj", "prep", "next", "subj"):
                conf += 0.1
            if src_via == "anaphora" or tgt_via == "anaphora":
                conf -= 0.1
            if src_via == "speaker":
                conf -= 0.05
            if src_via in ("person", "matrix"):
                conf -= 0.1
            if source.via == "generic" or (target is not None and target.via == "generic"):
                conf -= 0.05
            if place_target:
                conf -= 0.05
            if hedged:
                conf -= self.lex.hedge_penalty
            out.append(
                _Candidate(
                    code=code,
                    source=source,
                    target=target,
                    mode=mode,
                    confidence=conf,
                    sent=si,
                    trigger=trig.start,
                    reciprocal=entry.reciprocal,
                    evidence=evidence,
                    times=times,
                    trig_char=(t.starts[trig.start] + (t.offset or 0)) if t.offset is not None else -1,
                    act_code=act_code,
                    cue=cues.get("intended"),
                    src_via=src_via,
                    tgt_via=tgt_via if target is not None else None,
                    provisional=provisional and target is None,
                    needs_target=entry.needs_target and not entry.untargeted_code,
                    trig_end=trig.end,
                )
            )
        return out

    def _after_appeal(self, t: _Text, start: int, lo: int) -> bool:
        """Does an appeal or demand verb ("mendesak X menghentikan") or a plan noun ("rencana X
        mencaplok") stand right before this subject?"""
        k = start - 1
        if k < lo:
            return False
        if t.low[k] in self.lex.plan_nouns:
            return True
        return any(not f.noun and f.entry.code[:2] in self.lex.appeal_roots for f in self.lex.triggers.get(t.low[k], ()))

    def _is_state(self, actor: Actor) -> bool:
        country, roles = cameo.split_actor_code(actor.code)
        return country is not None and (not roles or bool(set(roles) & _STATE_ROLES))

    # -- quotes

    def _quotes(self, doc: Document, t: _Text, entities, sent_tok) -> list[tuple[int, int, Actor | None, bool]]:
        """(start, end, speaker actor, is direct) of each quote."""
        out: list[tuple[int, int, Actor | None, bool]] = []
        for q in doc.article.quotes:
            speaker = None
            if q.speaker:
                ent = entities.get(q.speaker)
                code, country, own = self._actor_from_entity(ent, ent.type if ent else None)
                if code:
                    speaker = Actor(code, country, ent.name, ent.id, -1, -1, ent.type, via="speaker", own_role=own)
            out.append((q.start, q.end, speaker, q.kind == "direct"))
        if out:
            return out
        return self._fallback_quotes(t, sent_tok)

    _QUOTE_SPAN = re.compile(r"[“\"]([^“”\"]{3,}?)[”\"]")

    def _fallback_quotes(self, t: _Text, sent_tok) -> list[tuple[int, int, Actor | None, bool]]:
        """Direct quotes and their speakers when the quotes stage gave none: “...,” kata X."""
        out: list[tuple[int, int, Actor | None, bool]] = []
        last: Actor | None = None
        for m in self._QUOTE_SPAN.finditer(t.text):
            qs, qe = m.start(1), m.end(1)
            j = bisect.bisect_left(t.starts, m.end())
            speaker = None
            k = j
            while k < len(t.low) and k < j + 2 and t.low[k] in (",", "."):
                k += 1
            if k < len(t.low) and t.low[k] in self.lex.speech_verbs:
                if t.low[k].endswith("nya"):
                    speaker = last
                else:
                    np = t.np_start.get(k + 1)
                    if np is not None and np.label in ("PER", "ORG"):
                        speaker = Actor(np.code, np.country, np.name, np.entity, -1, -1, np.label, via="speaker")
            if speaker is not None:
                last = speaker
            out.append((qs, qe, speaker, True))
        return out

    def _evaluative(self, t, lo, hi, si, evidence, times, sent_quotes, pub) -> list[_Candidate]:
        out = []
        for i in range(lo, hi):
            for n, phrases in self.lex.evaluative.items():
                if i + n > hi or tuple(t.low[i : i + n]) not in phrases:
                    continue
                speaker, _ = self._speaker_at(t, i, sent_quotes)
                if speaker is None:
                    continue
                targets = self._np_after(t, i + n, hi, 1, {})
                if not targets and i - 1 >= lo and t.low[i - 1] == "yang":
                    np = t.np_end.get(i - 1)
                    targets = [np] if np is not None else []
                for target in targets:
                    if target.entity is not None and target.entity == speaker.entity:
                        continue
                    if target.country and target.country == speaker.country and target.code == speaker.code:
                        continue
                    trig = _Trigger(Form(_EVAL_ENTRY, (), False, False, t.low[i]), i, i + n, i, None)
                    # a pejorative adjective is not negated or planned by the verbs around it
                    mode, _, hedged, _ = self._mode(t, trig, lo, hi, evidence.text, times, pub, window=False)
                    code = self.lex.evaluative_code
                    target_actor = target
                    if target.place and target.country:
                        target_actor = Actor(target.country, target.country, target.name, target.entity,
                                             target.start, target.end, target.label, True, "place")
                    out.append(
                        _Candidate(code, speaker, target_actor, mode, self.lex.evaluative_confidence,
                                   si, i, False, evidence, times,
                                   trig_char=t.starts[i] + (t.offset or 0) if t.offset is not None else -1)
                    )
        return out

    # -- modality

    def _mode(self, t, trig: _Trigger, lo, hi, sentence_text, times, pub, window=True) -> tuple[str, bool, bool, dict]:
        """(mode, recode to the intent code, hedged, {mode: cue phrase found})."""
        found: dict[str, bool] = {}
        cues: dict[str, str] = {}
        anchor = trig.anchor
        anchors = [anchor]
        if trig.light == "after" and trig.light_pos is not None:
            anchors.append(trig.light_pos)  # "pertemuan ... bisa berlangsung"
        # window cues, inside the clause before the predicate
        for (mode, window, phrases, recode), anchor in itertools.product(
            self.lex.window_cues if window else (), anchors
        ):
            k = anchor - 1
            steps = 0
            while k >= lo and steps < window:
                w = t.low[k]
                if w in (",", ";", ":", "“", "”", '"') or w in self.lex.clause_stops:
                    break
                hit = None
                for n, ps in phrases.items():
                    if k - n + 1 >= lo and tuple(t.low[k - n + 1 : k + 1]) in ps:
                        hit = " ".join(t.low[k - n + 1 : k + 1])
                        break
                if hit:
                    if mode not in found:
                        found[mode] = recode
                        cues[mode] = hit
                    break
                if t.np_end.get(k + 1) is not None:
                    break  # an actor between cue and verb: the cue is another clause's
                k -= 1
                steps += 1
        hedged = False
        anchor = trig.anchor
        k = anchor - 1
        while k >= lo and anchor - k <= self.lex.hedge_window:
            if any(k - n + 1 >= lo and tuple(t.low[k - n + 1 : k + 1]) in ps for n, ps in self.lex.hedges.items()):
                hedged = True
                break
            k -= 1
        if "skip" in found:
            return "skip", False, hedged, cues
        # question: the clause ends in "?", or "apakah" stands before the trigger
        for k in range(trig.end, hi):
            w = t.low[k]
            if w in (".", "!"):
                break
            if w == "?":
                found.setdefault("question", False)
                break
        if any(t.low[k] in self.lex.question_before for k in range(lo, trig.start)):
            found.setdefault("question", False)
        # a condition after a statement, appeal, threat or demand is part of what was said:
        # "X mengancam akan menyerang jika ..." is a threat made, not a conditional one
        cond_end = trig.start if cameo.is_verbal(trig.form.entry.code) else hi
        if any(t.low[k] in self.lex.conditional for k in range(lo, cond_end)):
            found.setdefault("conditional", False)
        if self.lex.background_re is not None and self.lex.background_re.search(sentence_text):
            found.setdefault("background", False)
        if pub is not None and times:
            trig_char = t.starts[trig.start] + (t.offset or 0)
            tx = _pick_time(times, trig_char, ("day", "week", "month", "year"))
            if tx is not None and tx.precision == "year" and tx.start > trig_char:
                # "memuji peran X sebagai ketua ... tahun lalu": a year far after the verb dates a noun
                gap = bisect.bisect_left(t.starts, tx.start - (t.offset or 0)) - trig.end
                if gap > self.lex.year_gap:
                    tx = None
            if tx is not None and tx.relation != "future" and (pub.date() - tx.date).days >= self.lex.background_days:
                found.setdefault("background", False)
        for mode in self.lex.precedence:
            if mode in found:
                return mode, found[mode], hedged, cues
        return "reported", False, hedged, cues

    # -- after the sentences

    def _absorb(self, found: list[_Candidate]) -> list[_Candidate]:
        """Within one sentence: an event without target gives way to one of the same source and root with
        a target; events of the same root and sides merge (mengancam akan menyerang -> one 138 threat)."""
        out: list[_Candidate] = []
        for c in found:
            if c.target is None and any(
                o is not c and o.target is not None and o.root == c.root and o.source.code == c.source.code
                for o in found
            ):
                continue
            same = next((o for o in out if o.root == c.root and self._same_sides(o, c)), None)
            if same is not None:
                same.code = _more_specific(same.code, c.code)
                if same.mode != "reported" and c.mode == "reported":
                    same.mode = "reported"
                elif same.mode == "intended" and c.mode not in ("reported", "intended"):
                    same.mode = c.mode
                same.confidence = max(same.confidence, c.confidence)
                continue
            out.append(c)
        return out

    @staticmethod
    def _side_key(a: Actor | None) -> str | None:
        return a.code if a is not None else None

    def _same_sides(self, a: _Candidate, b: _Candidate) -> bool:
        sa, ta, sb, tb = (self._side_key(x) for x in (a.source, a.target, b.source, b.target))
        if sa == sb and ta == tb:
            return True
        return (a.reciprocal or b.reciprocal) and sa == tb and ta == sb

    def _last_groups(self, t: _Text, a: int, b: int, found: list[_Candidate]):
        """The last pairs of actors of a sentence, for `kedua pihak`: a reciprocal event's sides, and a
        pair of coordinated actors outside a prepositional phrase ("dengan mediasi A dan B" names no
        sides)."""
        recip = None
        for c in reversed(found):
            if c.reciprocal and c.target is not None and c.mode != "skip":
                recip = [c.source, c.target]
                break
        coord = None
        for np in reversed(self._nps_in(t, a, b)):
            group = self._coord_left(t, np, a)
            k = group[0].start - 1
            oblique = k >= a and (t.low[k] in self.lex.prepositions or t.low[k] in self.lex.prep_stops)
            if len(group) == 2 and not oblique and group[0].code != group[1].code:
                coord = group
                break
        return recip, coord

    @staticmethod
    def _nps_in(t: _Text, a: int, b: int) -> list[Actor]:
        """The actor noun phrases starting in tokens a..b."""
        if not t.np_starts and t.nps:
            t.np_starts = [n.start for n in t.nps]
        return t.nps[bisect.bisect_left(t.np_starts, a) : bisect.bisect_left(t.np_starts, b)]

    def _sentence_person(self, t: _Text, a: int, b: int, quotes) -> Actor | None:
        """The person "ia"/"dia" in the next sentence points back to: the first person named in this
        sentence outside a prepositional phrase, a possessive ("pengakuan Presiden X") and a quote;
        None when that person is no actor."""
        lo_i = bisect.bisect_left(t.person_starts, a)
        for m in t.person_starts[lo_i:]:
            if m >= b:
                break
            pos = t.starts[m]
            if any(qs <= pos < qe for qs, qe, _, _ in quotes):
                continue
            np = next((n for n in self._nps_in(t, a, m + 1) if n.start <= m < n.end), None)
            start = np.start if np is not None else m
            if self._in_pp(t, start, a) or (start - 1 >= a and self._plain_word(t, start - 1)):
                continue
            return np if np is not None and np.label == "PER" else None
        return None

    def _location_of_entity(self, eid: str | None, entities, name: str | None = None) -> Location | None:
        ent = entities.get(eid) if eid else None
        if ent is not None:
            lat, lon = ent.lat, ent.lon
            if lat is None and ent.name:
                place = self._geocode(ent.name)
                if place is not None:
                    lat, lon = place.lat, place.lon
            return Location(name=ent.name, country=ent.country, lat=lat, lon=lon)
        if name:
            return self._geocode(name)
        return None

    def _geocode(self, name: str) -> Location | None:
        if name in self._geo_cache:
            return self._geo_cache[name]
        loc = None
        try:
            from kabar import geo

            place = geo.geocode(name, lang=self.pack.code)
            if place is not None:
                loc = Location(name=place.name, country=place.country, lat=place.lat, lon=place.lon)
        except Exception:  # noqa: BLE001 - geocoding is optional: no place rather than no events
            loc = None
        self._geo_cache[name] = loc
        return loc

    def _sentence_place(self, t: _Text, c: _Candidate, a: int, b: int, entities) -> Location | None:
        """A place named in the sentence: after di (or ke, for travel), nearest after the trigger first."""
        best = None
        for np in t.nps:
            if not (a <= np.start < b) or np.label not in ("GPE", "LOC"):
                continue
            k = np.start - 1
            ok = False
            while k >= a and np.start - k <= 3:
                w = t.low[k]
                if w == "di" or (w == "ke" and c.code[:3] in _VISIT_CODES) or (w == "ke" and c.root in ("19", "18")):
                    ok = True
                    break
                if w not in self.lex.place_words:
                    break
                k -= 1
            if not ok:
                continue
            if np.start >= c.trigger:
                return self._location_of_entity(np.entity, entities, np.name)
            best = np
        if best is not None:
            return self._location_of_entity(best.entity, entities, best.name)
        return None

    def _dates_and_places(self, cands, extra, sentences, times, doc, body_text, sent_tok, entities, pub) -> None:
        pub_date = pub.date() if pub else None
        # narrative date: the latest past day-precision date the article gave up to each sentence
        sent_dates: list[str | None] = []
        ti = 0
        current = None
        for _, s_end in sentences:
            sent_dates.append(current)
            while ti < len(times) and times[ti].start < s_end:
                tx = times[ti]
                if tx.date is not None and tx.precision == "day" and tx.relation != "future":
                    if pub_date is None or 0 <= (pub_date - tx.date).days <= self.lex.background_days:
                        current = tx.date.isoformat()
                ti += 1
        first_date = next((d for d in sent_dates[1:] + [current] if d), None)
        dateline = None
        if doc.dateline_place:
            dateline = self._geocode(doc.dateline_place) or Location(name=doc.dateline_place)
        last_place: tuple[int, Location] | None = None
        for c in cands:
            c.date = self._event_date(c, sent_dates[c.sent] if 0 <= c.sent < len(sent_dates) else None, pub_date)
            a, b = sent_tok[c.sent]
            place = self._sentence_place(body_text, c, a, b, entities)
            if c.mode != "reported":
                c.place = place  # told, not happening now: only a place its own sentence gives
                continue
            if place is not None:
                last_place = (c.sent, place)
            elif last_place is not None and 0 <= c.sent - last_place[0] <= self.narrative_place_sentences:
                place = last_place[1]
            else:
                place = dateline
            c.place = place
        for c in extra:
            c.date = self._event_date(c, first_date, pub_date)

    def _event_date(self, c: _Candidate, narrative: str | None, pub_date) -> str | None:
        explicit = _pick_time(c.times, c.trig_char, ("day", "week"))
        if explicit is not None:
            return explicit.date.isoformat()
        if c.mode == "background":
            return None
        if narrative:
            return narrative
        return pub_date.isoformat() if pub_date else None

    def _merge(self, cands: list[_Candidate], extra: list[_Candidate]) -> list[Event]:
        merged: list[_Candidate] = []
        for c in cands:
            c.mentions = [c.evidence]
            target = self._find_merge(merged, c)
            if target is None:
                merged.append(c)
            else:
                self._fold(target, c)
        for c in extra:
            target = self._find_merge(merged, c)
            if target is not None:
                c.mentions = [c.evidence]
                self._fold(target, c)
        events = []
        for c in merged:
            try:
                info = cameo.event(c.code)
            except KeyError:
                continue
            mentions = sorted(
                {(m.where, m.start, m.end, m.text): m for m in c.mentions}.values(),
                key=lambda m: (m.where != "body", m.where, m.start),
            )
            conf = min(0.95, c.confidence + 0.05 * (len(mentions) - 1))
            events.append(
                Event(
                    code=info.code,
                    root=info.root,
                    quad_class=info.quad_class,
                    goldstein=info.goldstein,
                    source=c.source.event_actor(),
                    target=c.target.event_actor() if c.target is not None else None,
                    date=c.date,
                    location=c.place,
                    evidence=c.evidence,
                    confidence=round(max(0.05, min(0.95, conf)), 2),
                    factual=c.mode == "reported",
                    mode=c.mode,
                    mentions=mentions,
                    symmetric=c.reciprocal and c.target is not None,
                )
            )
        events.sort(key=lambda e: (e.evidence.start, e.code))
        return events

    def _dates_close(self, a: str | None, b: str | None) -> bool:
        if a is None or b is None:
            return True
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= 1

    def _find_merge(self, merged: list[_Candidate], c: _Candidate) -> _Candidate | None:
        factual = c.mode == "reported"
        for m in merged:
            if (m.mode == "reported") != factual or (not factual and m.mode != c.mode):
                continue
            if not self._dates_close(m.date, c.date):
                continue
            if m.root == c.root and self._same_sides(m, c):
                if m.code[:3] in ("042",) and c.code[:3] == "043" or m.code[:3] == "043" and c.code[:3] == "042":
                    continue  # visit and hosting in the same direction are told apart below
                return m
            # a host welcoming a visitor (043 Y -> X) tells the visit already found (042 X -> country of Y)
            if c.code == "043" and m.code == "042" and c.target is not None and m.target is not None:
                if c.target.code == m.source.code and c.source.country and c.source.country == m.target.country:
                    return m
        return None

    def _fold(self, into: _Candidate, c: _Candidate) -> None:
        if into.code[:3] == "042" and c.code == "043":
            pass  # the visit keeps its code
        else:
            into.code = _more_specific(into.code, c.code)
        into.mentions.extend(c.mentions or [c.evidence])
        into.confidence = max(into.confidence, c.confidence)
        if into.place is None and c.place is not None:
            into.place = c.place
        if into.date is None and c.date is not None:
            into.date = c.date


_EVAL_ENTRY = Entry("111", ("subj",), ("obj",), ("subj",), ("obj",), False, True, None, None, frozenset(), False, None)


# Scraped text that joined paragraphs with a comma: `…kalimat.,Kalimat …` or `…,” kata X.,“Kami …`.
_JOINED = re.compile(r"(?<=[.!?])[\"”’]?,+(?=\s*[\"“”]?[A-Z])")


_FUTURE_WORDS = frozenset({"depan", "mendatang", "akan", "nanti", "rencana", "direncanakan", "dijadwalkan", "besok"})
_VISIT_FRAMES = frozenset({"dalam", "selama", "saat", "ketika", "usai", "seusai", "sesudah", "setelah"})


def _pieces(body: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences cut where a scraper joined paragraphs with a comma, so that each piece is read (and shown
    as evidence) on its own."""
    out: list[tuple[int, int]] = []
    for s, e in sentences:
        start = s
        for m in _JOINED.finditer(body, s, e):
            out.append((start, m.end() - 1))
            start = m.end()
        out.append((start, e))
    cleaned = []
    for s, e in out:
        while s < e and (body[s].isspace() or body[s] == ","):
            s += 1
        while e > s and body[e - 1].isspace():
            e -= 1
        if e > s:
            cleaned.append((s, e))
    return cleaned


def _side(a: Actor) -> str:
    """What tells two sides apart at the level of states: the country, else the code (IGOs)."""
    return a.country or a.code


def _copy_candidate(c: _Candidate, **changes) -> _Candidate:
    from dataclasses import replace

    return replace(c, mentions=list(c.mentions), **changes)


def _pick_time(times: list[TimeExpr], trig_char: int, precisions: tuple[str, ...]) -> TimeExpr | None:
    """The time expression of a trigger: the first one after it in the sentence, else the last before it;
    on each side a calendar date first, then a day ("… yang dilanda banjir pekan lalu, Selasa
    (19/3/2024)": the Tuesday)."""
    usable = [tx for tx in times if tx.date is not None and tx.precision in precisions]
    if not usable:
        return None
    before = [tx for tx in usable if tx.start < trig_char]
    after = [tx for tx in usable if tx.start >= trig_char]
    side = after if after else before[::-1]
    for test in (lambda tx: tx.explicit, lambda tx: tx.precision == "day"):
        for tx in side:
            if test(tx):
                return tx
    return side[0]


def _more_specific(a: str, b: str) -> str:
    """Of two codes with the same root, the more specific: 4 digits over 3, 3 over 2, x1-x9 over x0."""

    def rank(code: str) -> tuple[int, int]:
        return (len(code), 0 if code.endswith("0") else 1)

    return b if rank(b) > rank(a) else a
