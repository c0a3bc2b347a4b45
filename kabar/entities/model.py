"""The statistical NER model (`kabar/lang/<code>/models/ner`, labels PER/ORG/LOC) over the pieces
of text it can add something to.

The model reads spaCy Docs built from the text view's own tokens, so the body is tokenised once
(by `segment`). With `skip_plain` it reads only the stretches around capitalised words that no
gazetteer or title accounts for (and that are not a sentence-initial function or dictionary
word), `context` words either side; the rest cannot give it anything the rules have not found.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from kabar.entities.knowledge import Knowledge
from kabar.entities.text import EntityText, ModelSpan, TextJob

# pieces of text per spaCy batch: a pipeline batch of 32 articles gives about 530 pieces, and one
# spaCy batch for all of them took the NER 1.1-1.25 ms an article against 1.6 ms in batches of 64
# (the same entities on 1,500 corpus articles): the parser's cost per batch is mostly fixed
NER_BATCH = 1024
# words read either side of each word the NER model is needed for: 4 gave the entities and mentions
# of 8 on 599 of 600 corpus articles (one mention more or less), at 73% of the model's tokens and
# 81% of its time; 8 had matched the whole-text run on 1,797 of 1,798 (bench/results/entities.md)
MODEL_CONTEXT = 4
SENTENCE_MARGIN = 3  # words around a whole sentence, when the model reads whole sentences


def doc_from_tokens(vocab: Any, t: EntityText, lo: int, hi: int) -> Doc:
    """A spaCy Doc over tokens lo..hi of `t`, its text exactly t.text[starts[lo]:ends[hi-1]].

    Whitespace other than one space between tokens becomes a whitespace token, as spaCy's own
    tokenizer leaves it (the model was trained on such Docs)."""
    if all(t.plain_gap[lo : hi - 1]):
        spaces = [t.ends[k] != t.starts[k + 1] for k in range(lo, hi - 1)] + [False]
        return Doc(vocab, words=t.words[lo:hi], spaces=spaces)
    words: list[str] = []
    spaces = []
    text, starts, ends = t.text, t.starts, t.ends
    for k in range(lo, hi):
        words.append(t.words[k])
        if k + 1 == hi:
            spaces.append(False)
            break
        gap = text[ends[k] : starts[k + 1]]
        spaces.append(gap.startswith(" "))
        rest = gap[1:] if gap.startswith(" ") else gap
        if rest:
            words.append(rest)
            spaces.append(False)
    return Doc(vocab, words=words, spaces=spaces)


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
        ranges: list[list[int]] = []  # token ranges, in text order, merged
        for a, b in job.sentences:
            if self.context is None:
                pieces = [(a, b)] if any(need[a:b]) else []
                margin = SENTENCE_MARGIN
            else:
                pieces = [(k, k + 1) for k in range(a, b) if need[k]]
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
        for k in range(t.n):
            if not (t.cap[k] and t.is_word[k]) or covered[k]:
                continue
            f = t.folded[k]
            if t.initial[k] and (f in function_words or self.kb.is_common(f)):
                continue
            out[k] = True
        return out

    def read(self, jobs: Iterable[TextJob]) -> None:
        """Run the NER over every piece of `jobs` (in spaCy batches); keep its spans as token
        ranges of each job's text."""
        if self.ner is None or self.nlp is None:
            return
        vocab = self.nlp.vocab
        pieces = [(job, lo, hi) for job in jobs for lo, hi in job.pieces]
        docs = [doc_from_tokens(vocab, job.text, lo, hi) for job, lo, hi in pieces]
        for (job, lo, _), sdoc in zip(pieces, self._parse(docs), strict=True):
            t = job.text
            offset = t.starts[lo]
            for ent in sdoc.ents:
                start, end = ent.start_char + offset, ent.end_char + offset
                a = bisect.bisect_left(t.starts, start)
                b = min(bisect.bisect_right(t.ends, end), t.n)
                while b > a and t.ends[b - 1] > end:
                    b -= 1
                if b > a:
                    job.spans.append(ModelSpan(a, b, ent.label_))

    def _parse(self, docs: Sequence[Doc]) -> Iterable[Doc]:
        pipe: Callable[..., Iterable[Doc]] | None = getattr(self.ner, "pipe", None)
        if pipe is not None:
            return list(pipe(docs, batch_size=NER_BATCH))
        return [self.ner(d) for d in docs]  # a plain callable standing in for the model (tests)
