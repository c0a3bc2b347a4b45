"""The statistical NER model (`kabar/lang/<code>/models/ner`, labels PER/ORG/LOC) over the pieces
of text it can add something to.

The model reads spaCy Docs built from the text view's own tokens, so the body is tokenised once
(by `segment`). With `skip_plain` it reads only the stretches around capitalised words that no
gazetteer or title accounts for (and that are not a sentence-initial function or dictionary
word), `context` words either side; the rest cannot give it anything the rules have not found.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kabar.entities.knowledge import Knowledge
from kabar.entities.text import EntityText, ModelSpan, TextJob

# texts (one Doc each, all of a text's pieces) per spaCy batch: all of a pipeline batch's at once.
# Batches of 64 pieces took the NER 1.6 ms an article, one batch of all 530 pieces of 32 articles
# 1.1-1.25 ms (the same entities on 1,500 corpus articles): the parser's cost per batch is mostly fixed
NER_BATCH = 1024
# words read either side of each word the NER model is needed for: 4 gave the entities and mentions
# of 8 on 599 of 600 corpus articles (one mention more or less), at 73% of the model's tokens and
# 81% of its time; 8 had matched the whole-text run on 1,797 of 1,798 (bench/results/entities.md)
MODEL_CONTEXT = 4
SENTENCE_MARGIN = 3  # words around a whole sentence, when the model reads whole sentences


PIECE_BREAK = "\n\n"  # between two pieces of one text in the NER's Doc: a paragraph break


PLAIN_GAPS = frozenset({"", " "})  # nothing or one space between two tokens: no token of its own


def _append_tokens(
    t: EntityText, lo: int, hi: int, words: list[str], spaces: list[bool], index: list[int]
) -> None:
    """Tokens lo..hi of `t` as Doc words; `index` gets each word's token (-1: whitespace).

    Whitespace other than one space between tokens becomes a whitespace token, as spaCy's own
    tokenizer leaves it (the model was trained on such Docs)."""
    if hi <= lo:
        return
    text, tokens = t.text, t.words
    gaps = [text[end:start] for end, start in zip(t.ends[lo : hi - 1], t.starts[lo + 1 : hi])]
    if PLAIN_GAPS.issuperset(gaps):  # the common case: the words and a space or none after each
        words.extend(tokens[lo:hi])
        index.extend(range(lo, hi))
        spaces.extend([gap == " " for gap in gaps])
        spaces.append(False)
        return
    for k, gap in zip(range(lo, hi - 1), gaps):
        words.append(tokens[k])
        index.append(k)
        space = gap.startswith(" ")
        spaces.append(space)
        rest = gap[1:] if space else gap
        if rest:
            words.append(rest)
            spaces.append(False)
            index.append(-1)
    words.append(tokens[hi - 1])
    index.append(hi - 1)
    spaces.append(False)


def doc_from_tokens(vocab: Any, t: EntityText, lo: int, hi: int) -> Doc:
    """A spaCy Doc over tokens lo..hi of `t`, its text exactly t.text[starts[lo]:ends[hi-1]]."""
    words: list[str] = []
    spaces: list[bool] = []
    _append_tokens(t, lo, hi, words, spaces, [])
    return Doc(vocab, words=words, spaces=spaces)


def doc_from_pieces(vocab: Any, t: EntityText, pieces: Sequence[tuple[int, int]]) -> tuple[Doc, list[int]]:
    """One Doc for all the token ranges of `t` the NER reads, a paragraph break between two,
    and the token of `t` behind each of its tokens (-1 for whitespace and breaks).

    One Doc per text instead of one per piece: spaCy's cost per Doc was about 15% of the NER's
    time (1.23 against 1.47 ms an article), and the model reads each word with its neighbours
    two tokens either side, inside the margin every piece has (`MODEL_CONTEXT`): the same
    entities on 1,500 corpus articles."""
    words, spaces, index = _piece_words(t, pieces)
    return Doc(vocab, words=words, spaces=spaces), index


def _piece_words(t: EntityText, pieces: Sequence[tuple[int, int]]) -> tuple[list[str], list[bool], list[int]]:
    """The words, spaces and index of doc_from_pieces."""
    words: list[str] = []
    spaces: list[bool] = []
    index: list[int] = []
    for n, (lo, hi) in enumerate(pieces):
        if n:
            words.append(PIECE_BREAK)
            spaces.append(False)
            index.append(-1)
        _append_tokens(t, lo, hi, words, spaces, index)
    return words, spaces, index


class ModelReader:
    def __init__(self, kb: Knowledge, nlp: Language | None):
        self.kb = kb
        self.nlp = nlp
        self.ner: Any = nlp.get_pipe("ner") if nlp is not None and "ner" in nlp.pipe_names else None
        self.skip_plain = True
        # words either side of a word the model is needed for; None = the word's whole sentence
        self.context: int | None = MODEL_CONTEXT

    def plan(self, job: TextJob) -> None:
        """The token ranges of `job`'s text the model reads (`job.pieces`)."""
        t = job.text
        if self.ner is None or t.n == 0:
            return
        if not self.skip_plain:
            job.pieces.append((0, t.n))
            return
        need = self.needs_model(t)
        needed = [k for k in t.cap_words if need[k]]  # (need holds no other token)
        ranges: list[list[int]] = []  # token ranges, in text order, merged
        for a, b in job.sentences:
            if self.context is None:
                pieces = [(a, b)] if any(need[a:b]) else []
                margin = SENTENCE_MARGIN
            else:
                pieces = [(k, k + 1) for k in needed[bisect_left(needed, a) : bisect_left(needed, b)]]
                margin = self.context
            for lo, hi in pieces:
                # a margin either side, across sentence ends too: the model reads a word with the
                # words around it, and so it sees them as it would in the whole text
                lo, hi = max(0, lo - margin), min(t.n, hi + margin)
                if ranges and ranges[-1][1] >= lo:
                    ranges[-1][1] = max(ranges[-1][1], hi)
                else:
                    ranges.append([lo, hi])
        job.pieces.extend((lo, hi) for lo, hi in ranges if hi > lo)

    def needs_model(self, t: EntityText) -> list[bool]:
        """Per token: a capitalised word that neither a gazetteer nor a title accounts for, and
        that is not a sentence-initial function or dictionary word."""
        covered = bytearray(t.n)
        for i, hit in t.gaz.items():
            covered[i : hit.end] = b"\x01" * (hit.end - i)
        for x in t.title_tokens:
            covered[x] = 1
        out = [False] * t.n
        function_words = self.kb.words.function_words
        for k in t.cap_words:
            if covered[k]:
                continue
            f = t.folded[k]
            if t.initial[k] and (f in function_words or self.kb.is_common(f)):
                continue
            out[k] = True
        return out

    def read(self, jobs: Iterable[TextJob]) -> None:
        """Run the NER over the pieces of `jobs` (in spaCy batches, one Doc per text); keep its
        spans as token ranges of each job's text."""
        if self.ner is None or self.nlp is None:
            return
        vocab = self.nlp.vocab
        work = [job for job in jobs if job.pieces]
        built = [_piece_words(job.text, job.pieces) for job in work]
        parsed = self._parse([Doc(vocab, words=words, spaces=spaces) for words, spaces, _ in built])
        for job, (words, _, index), sdoc in zip(work, built, parsed, strict=True):
            for ent in sdoc.ents:
                inside = [index[x] for x in range(ent.start, ent.end) if index[x] >= 0]
                # an entity across a break joins two stretches the text keeps apart: no name
                # (the Doc's tokens are its words)
                if inside and PIECE_BREAK not in words[ent.start : ent.end]:
                    job.spans.append(ModelSpan(min(inside), max(inside) + 1, ent.label_))

    def _parse(self, docs: Sequence[Doc]) -> Iterable[Doc]:
        pipe: Callable[..., Iterable[Doc]] | None = getattr(self.ner, "pipe", None)
        if pipe is not None:
            return list(pipe(docs, batch_size=NER_BATCH))
        return [self.ner(d) for d in docs]  # a plain callable standing in for the model (tests)
