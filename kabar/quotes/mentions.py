"""The article's entity mentions by offset, and the lookups speakers resolve against:
a title one entity holds, the entity a description points back to, a name NER missed."""

from __future__ import annotations

import bisect

from kabar.document import Document, MentionRef
from kabar.model import Entity
from kabar.quotes.lexicon import Lexicon, is_cap
from kabar.quotes.model import Speaker


def body_mentions(doc: Document) -> list[MentionRef]:
    """The document's mentions in body order; from its entities when the stage before kept none."""
    mentions = list(doc.mentions)
    if not mentions:
        for ent in doc.article.entities:
            for m in ent.mentions:
                if m.where == "body":  # caption and title offsets do not index the body
                    mentions.append(MentionRef(ent.id, m.start, m.end, m.text, ent.type))
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions


class MentionIndex:
    def __init__(self, doc: Document, lexicon: Lexicon):
        self.doc = doc
        self.lexicon = lexicon
        self.body = doc.article.body
        self.mentions = body_mentions(doc)
        self.starts = [m.start for m in self.mentions]
        self.max_length = max((m.end - m.start for m in self.mentions), default=0)
        self.labels = {e.id: e.type for e in doc.article.entities}
        for m in self.mentions:
            self.labels.setdefault(m.entity_id, m.label)
        self._titles: dict[str, set[str]] | None = None
        self._by_surface: dict[str, set[str]] = {}
        self._by_word: dict[str, set[str]] | None = None
        self._person_words: dict[str, list[str]] = {}

    def mentions_in(self, a: int, b: int, label: str | None = None) -> list[MentionRef]:
        """Mentions overlapping [a, b), of one label if given."""
        i = bisect.bisect_left(self.starts, a - self.max_length)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < b:
            m = self.mentions[i]
            if m.end > a and (label is None or m.label == label):
                out.append(m)
            i += 1
        return out

    def label_of(self, entity_id: str) -> str | None:
        return self.labels.get(entity_id)

    def name(self, m: MentionRef) -> str:
        return m.text or self.body[m.start : m.end]

    def speaker(self, m: MentionRef, collective: bool = False) -> Speaker:
        return Speaker(m.entity_id, self.name(m), collective=collective)

    def antecedent(self, word: str, pos: int, lookback: int = 60) -> Speaker | None:
        """The entity of the last mention before `pos` that has `word` among its words."""
        i = bisect.bisect_left(self.starts, pos) - 1
        stop = max(-1, i - lookback)
        while i > stop:
            m = self.mentions[i]
            i -= 1
            if m.end > pos:
                continue
            if word in self.name(m).lower().replace("-", " ").split():
                return self.speaker(m)
        return None

    def title_entity(self, phrase: str) -> Entity | None:
        """The one entity of the article whose title or role is `phrase`."""
        if self._titles is None:
            self._titles = {}
            for e in self.doc.article.entities:
                for t in (e.title, e.role):
                    if t:
                        self._titles.setdefault(t.lower().strip(), set()).add(e.id)
        ids = self._titles.get(phrase.strip())
        if ids and len(ids) == 1:
            return self.doc.article.entity(next(iter(ids)))
        return None

    def link_name(self, name: str) -> str | None:
        """The one entity a name NER did not mark here refers to, found by the words of its
        name elsewhere in the article (`Maman` -> `Menteri UMKM Maman Abdurrahman`)."""
        by_word = self._word_index()
        ids = self._by_surface.get(name.lower())
        if ids and len(ids) == 1:
            return next(iter(ids))
        words = self._name_words(name)
        for k in range(len(words), 0, -1):
            tail = words[-k:]
            if k == 1 and len(tail[0]) < 3:
                break
            common = set.intersection(*(by_word.get(w, set()) for w in tail))
            if len(common) == 1:
                return next(iter(common))
            if common:
                return None  # ambiguous
        # the name holds all the words of one person's name: "Achmad Deni Daruri" -> "Deni"
        found = {
            eid for eid, ewords in self._person_words.items() if ewords and all(w in words for w in ewords)
        }
        return next(iter(found)) if len(found) == 1 else None

    def _word_index(self) -> dict[str, set[str]]:
        if self._by_word is None:
            self._by_word = {}
            for e in self.doc.article.entities:
                surfaces = {e.name} | {m.text for m in e.mentions}
                for surface in surfaces:
                    self._by_surface.setdefault(surface.lower(), set()).add(e.id)
                if e.type == "PER":
                    self._person_words[e.id] = self._name_words(e.name)
                    for w in {w for surface in surfaces for w in self._name_words(surface)}:
                        self._by_word.setdefault(w, set()).add(e.id)
        return self._by_word

    def _name_words(self, text: str) -> list[str]:
        lex = self.lexicon
        out = []
        # an entity's name, not article text: split on its own spaces
        for w in text.replace("(", " ").replace(")", " ").split():
            low = w.lower().strip(",.")
            if not is_cap(w) or low in lex.role_heads or low in lex.honorifics or low in lex.determiners:
                continue
            out.append(low)
        return out
