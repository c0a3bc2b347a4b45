"""The dependency parse in the events stage (kabar/events/syntax.py, kabar/events/parsed.py).

The rules are tested on hand-made parses of invented sentences, so that they do not depend on
the statistical parser's errors; the stage is tested with the pack's parser: loaded once, and
only sentences with a trigger whose source the token patterns missed are parsed."""

from __future__ import annotations

import pytest
from eventdocs import make_doc

import kabar.events.syntax as syntax
from kabar.events import EventExtractor
from kabar.events.arguments import Clause
from kabar.events.lexicon import Lexicon
from kabar.events.parsed import source_of, target_of, worth_parsing
from kabar.events.state import Actor, Tokens, Trigger
from kabar.events.syntax import SentenceParse
from kabar.lang import load_pack
from kabar.nlp import has_parser_model
from kabar.segment import Segmenter

PUBLISHED = "2024-03-20T09:00:00+07:00"


@pytest.fixture(scope="module")
def pack():
    return load_pack("id")


@pytest.fixture(scope="module")
def lex(pack):
    return Lexicon(pack)


def parsed(spec: str, actors: dict[str, str]) -> SentenceParse:
    """A sentence written as `word/dep<head` tokens (head: the index of the head word; the root
    is its own head) and the actor codes of some of its words."""
    words, heads, deps = [], [], []
    for item in spec.split():
        word, rest = item.rsplit("/", 1)
        dep, head = rest.split("<")
        words.append(word)
        deps.append(dep)
        heads.append(int(head))
    starts, pos = [], 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    t = Tokens(
        " ".join(words),
        0,
        words,
        [w.lower() for w in words],
        starts,
        [s + len(w) for s, w in zip(starts, words)],
    )
    for k, w in enumerate(words):
        if w in actors:
            code = actors[w]
            actor = Actor(code, code[:3], w, None, k, k + 1, "GPE")
            t.np_start[k], t.np_end[k + 1] = actor, actor
            t.np_tokens.add(k)
            t.nps.append(actor)
    return SentenceParse(t, 0, len(words), heads, deps)


def trigger(
    lex: Lexicon, parse: SentenceParse, word: str, noun: bool = False, light: str | None = None
) -> Trigger:
    i = parse.t.low.index(word)
    form = next(f for f in lex.triggers[word] if f.noun == noun and not f.rest)
    anchor = i - 1 if light == "before" else i
    return Trigger(form, i, i + 1, anchor, light)


def names(actors: list[Actor]) -> list[str]:
    return [a.name for a in actors]


def test_subject_from_the_parse_across_an_aside(lex):
    p = parsed(
        "Malaysia/nsubj<6 ,/punct<2 lanjut/parataxis<6 dia/nsubj<2 ,/punct<2 sudah/advmod<6 "
        "mengecam/root<6 Israel/obj<6 ./punct<6",
        {"Malaysia": "MYS", "Israel": "ISR"},
    )
    trig = trigger(lex, p, "mengecam")
    assert names(source_of(lex, p, trig)) == ["Malaysia"]
    assert target_of(lex, p, trig, ["obj"]) == ([p.cover[7]], "obj")


def test_a_claimed_act_takes_the_claimant_as_its_subject(lex):
    p = parsed(
        "Israel/nsubj<1 mengklaim/root<1 telah/advmod<3 menyerang/xcomp<1 Lebanon/obj<3",
        {"Israel": "ISR", "Lebanon": "LBN"},
    )
    trig = trigger(lex, p, "menyerang")
    assert names(source_of(lex, p, trig)) == ["Israel"]
    assert names(target_of(lex, p, trig, ["obj"])[0]) == ["Lebanon"]


def test_an_act_urged_on_someone_takes_the_one_urged(lex):
    p = parsed(
        "Malaysia/nsubj<1 mendesak/root<1 Israel/obj<1 menyerang/xcomp<1 Lebanon/obj<3",
        {"Malaysia": "MYS", "Israel": "ISR", "Lebanon": "LBN"},
    )
    assert names(source_of(lex, p, trigger(lex, p, "menyerang"))) == ["Israel"]


def test_an_adverbial_clause_takes_the_agent_of_a_passive_main_verb(lex):
    p = parsed(
        "Hal/nsubj:pass<2 itu/det<0 disampaikan/root<2 Budi/obl<2 usai/mark<5 bertemu/advcl<2 Rahman/obj<5",
        {"Budi": "IDNGOV", "Rahman": "MYSGOV"},
    )
    assert names(source_of(lex, p, trigger(lex, p, "bertemu"))) == ["Budi"]


def test_the_agent_of_a_passive_is_the_source_and_its_subject_the_target(lex):
    p = parsed(
        "Lebanon/nsubj:pass<3 kemarin/advmod<3 kembali/advmod<3 dikecam/root<3 oleh/case<5 Israel/obl<3",
        {"Lebanon": "LBN", "Israel": "ISR"},
    )
    i = 3
    form = next(f for f in lex.triggers["dikecam"] if f.passive)
    trig = Trigger(form, i, i + 1, i, None)
    assert names(source_of(lex, p, trig)) == ["Israel"]
    assert names(target_of(lex, p, trig, ["subj"])[0]) == ["Lebanon"]


def test_an_oblique_target_with_the_entrys_preposition(lex):
    p = parsed(
        "Malaysia/nsubj<1 mengecam/root<1 keras/advmod<1 sikap/obl<1 itu/det<3 dan/cc<7 "
        "kemudian/advmod<7 menyampaikannya/conj<1 ,/punct<10 terutama/advmod<10 kepada/case<11 Israel/obl<1",
        {"Malaysia": "MYS", "Israel": "ISR"},
    )
    trig = trigger(lex, p, "mengecam")
    assert target_of(lex, p, trig, ["obj", "terhadap", "kepada"]) == ([p.cover[11]], "prep")
    assert target_of(lex, p, trig, ["obj", "terhadap"]) == ([], None)  # not the entry's preposition


def test_a_preposition_inside_the_object_is_the_objects_not_the_verbs(lex):
    p = parsed(
        "Malaysia/nsubj<1 mengutuk/root<1 serangan/obj<1 terhadap/case<4 Lebanon/nmod<2",
        {"Malaysia": "MYS", "Lebanon": "LBN"},
    )
    assert target_of(lex, p, trigger(lex, p, "mengutuk"), ["obj", "terhadap"]) == ([], None)


def test_the_actor_inside_an_event_nouns_phrase(lex):
    p = parsed(
        "serangan/nsubj<3 udara/compound<0 Israel/flat<1 menewaskan/root<3 warga/obj<3",
        {"Israel": "ISR"},
    )
    assert names(source_of(lex, p, trigger(lex, p, "serangan", noun=True))) == ["Israel"]
    assert p.np_actor(0) is p.cover[2]
    assert p.np_actor(0, depth=1) is None  # two levels down


def test_no_parse_without_an_actor_where_the_source_could_stand(lex):
    p = parsed(
        "Warga/nsubj<1 mengecam/root<1 keputusan/obj<1 di/case<4 Jakarta/obl<1",
        {"Jakarta": "IDN"},
    )
    trig = trigger(lex, p, "mengecam")
    assert not worth_parsing(lex, Clause(p.t, 0, 5), trig, set())  # only an actor after the verb
    p = parsed("Malaysia/nsubj<1 mengecam/root<1 keputusan/obj<1 itu/det<2", {"Malaysia": "MYS"})
    assert not worth_parsing(lex, Clause(p.t, 0, 4), trigger(lex, p, "mengecam"), set())  # no target
    p = parsed("Menurut/case<1 Malaysia/obl<2 mengecam/root<2", {"Malaysia": "MYS"})
    assert not worth_parsing(lex, Clause(p.t, 0, 3), trigger(lex, p, "mengecam"), set())  # in a PP


# ---- the stage, with the pack's parser ----------------------------------------------------------

needs_parser = pytest.mark.skipif(not has_parser_model(load_pack("id")), reason="the pack ships no parser")


@needs_parser
def test_the_parser_is_loaded_once_and_parses_only_what_the_patterns_miss(pack, monkeypatch):
    loads: list[object] = []
    parsed_spans: list[tuple[int, int]] = []
    real_load, real_run = syntax.load_parser, syntax.Parser._run

    def counting_load(p):
        loads.append(p)
        return real_load(p)

    def spying_run(self, t, lo, hi):
        parsed_spans.append((t.starts[lo], t.ends[hi - 1]))
        return real_run(self, t, lo, hi)

    monkeypatch.setattr(syntax, "load_parser", counting_load)
    monkeypatch.setattr(syntax.Parser, "_run", spying_run)
    stage, segmenter = EventExtractor(pack), Segmenter(pack)
    plain = "Cuaca di Jakarta cerah sepanjang hari."
    told = "Malaysia mengecam Israel pada Senin."
    hidden = "Hal tersebut dikatakan Budi usai bertemu Ahmad Rahman di Jakarta."
    no_target = "Hal itu disampaikan Budi usai berkunjung ke sebuah sekolah."  # no side to meet

    doc = make_doc(segmenter, plain, PUBLISHED)
    stage(doc)
    assert loads == [] and parsed_spans == []  # no trigger: nothing loaded

    body = f"{plain} {told} {hidden} {no_target}"
    doc = make_doc(segmenter, body, PUBLISHED)
    stage(doc)
    assert [body[a:b] for a, b in parsed_spans] == [hidden]
    got = {
        (e.code, e.source.actor_code, e.target.actor_code if e.target else None) for e in doc.article.events
    }
    assert ("111", "MYS", "ISR") in got  # found by the patterns, without a parse
    assert ("040", "IDNGOV", "MYSGOV") in got  # the meeting's subject from the parse

    stage(make_doc(segmenter, body, PUBLISHED))
    assert len(loads) == 1
    assert stage.parser.sentences_parsed == 2  # once per document


@needs_parser
def test_a_long_sentence_is_parsed_around_its_trigger(pack):
    parser = syntax.Parser(pack)
    segmenter = Segmenter(pack)
    body = "Hal tersebut dikatakan Budi usai bertemu Ahmad Rahman di Jakarta" + ", dan seterusnya" * 60 + "."
    doc = make_doc(segmenter, body, PUBLISHED)
    t = Tokens.of(doc.view, 0)
    parse = parser.parse(t, 0, len(t.tokens), around=5)
    assert parse is not None and parse.lo == 0 and parse.hi - parse.lo == syntax.MAX_PARSE_TOKENS
    assert parser.parse(t, 0, len(t.tokens), around=5) is parse  # cached
