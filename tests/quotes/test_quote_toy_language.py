"""The stage with a second, toy pack (English words, a made-up grammar): nothing in its code
is Indonesian, so another language is another quotes.yaml and grammar."""

from __future__ import annotations

import re

from toy_grammar.quotes import ToyQuoteGrammar

from kabar.document import Document, MentionRef
from kabar.lang import LanguagePack
from kabar.model import Entity, Mention
from kabar.quotes import QuoteFinder
from kabar.segment import split_sentences
from kabar.textview import build_view

TOY_QUOTES = """
quote_marks:
  - {name: double, open: ['"', "“"], close: ['"', "”"]}
post_verbs: [said, added]
speech_verbs: [said, says, added]
bare_indirect_verbs: [said, says]
continuations: [he added]
additive_continuations: [he added]
according_to: [according to]
complementizers: [that]
pronouns: [he, she, they]
plural_pronouns: [they]
speaker_stop_words: ["on", in, at, to]
role_heads: [minister, spokesman]
unnamed_heads: [officials, analysts]
unnamed_determiners: [some, several]
relative_pronouns: [who]
"""


# The toy pack's own grammar (tests/toy_grammar), which the whole-pipeline toy test uses too.
ToyGrammar = ToyQuoteGrammar


class ToyPack(LanguagePack):
    def grammar(self, part: str) -> ToyGrammar:  # type: ignore[override]
        return ToyGrammar()


def toy_document(body: str, people: dict[str, str]) -> Document:
    doc = Document(source="<toy>", raw=body)
    doc.article.body = body
    spans = [m.span() for m in re.finditer(r"\w+|[^\w\s]", body)]
    doc.view = build_view(body, spans, split_sentences(body, frozenset()))
    for entity_id, name in people.items():
        entity = Entity(id=entity_id, name=name, type="PER")
        for m in re.finditer(re.escape(name), body):
            entity.mentions.append(Mention(name, m.start(), m.end()))
            doc.mentions.append(MentionRef(entity_id, m.start(), m.end(), name, "PER"))
        doc.article.entities.append(entity)
    doc.mentions.sort(key=lambda m: m.start)
    return doc


def test_a_toy_language_finds_quotes_and_speakers(tmp_path):
    info = {"code": "toy", "name": "Toy", "detector_languages": ["ENGLISH"], "abbreviations": ["Mr"]}
    (tmp_path / "quotes.yaml").write_text(TOY_QUOTES, encoding="utf-8")
    finder = QuoteFinder(ToyPack(code="toy", path=tmp_path, config=info))
    body = (
        '"We are ready," said Minister Smith. He said that the talks would go on all week.\n\n'
        '"It is hard," Smith added. According to some officials, the talks may fail tomorrow.'
    )
    doc = toy_document(body, {"E1": "Smith"})
    finder(doc)
    got = [(q.kind, q.text, q.speaker, q.speaker_name) for q in doc.article.quotes]
    assert got == [
        ("direct", "We are ready", "E1", "Smith"),
        ("indirect", "the talks would go on all week", "E1", "Smith"),
        ("direct", "It is hard", "E1", "Smith"),
        ("indirect", "the talks may fail tomorrow", None, "some officials"),
    ]
