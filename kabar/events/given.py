"""The cues of acts told as given rather than as news (modality.yaml, `given`), compiled into
word sets for kabar.events.framing."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kabar.events.config import GivenCues, TemporalCues

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class GivenWords:
    """The `given` cues as word sets (lower case) and phrases."""

    contrast: frozenset[str]
    concessive: frozenset[str]
    connectives: frozenset[str]
    perfect: frozenset[str]
    counts: frozenset[str]
    dispositions: frozenset[str]
    recall: frozenset[str]
    when: frozenset[str]
    periods: frozenset[Phrase]
    recalled_states: frozenset[str]
    earlier: frozenset[str]
    now: frozenset[Phrase]
    window: int
    standing_far: int
    standing_window: int
    standing_roots: tuple[str, ...]
    anaphors: frozenset[str]
    recaps: frozenset[str]
    closers: frozenset[str]
    dated_by: frozenset[str]
    standing_states: frozenset[str]
    past_rule: frozenset[str]
    case_roots: tuple[str, ...]
    cases: frozenset[str]
    case_reach: int
    retold_reach: int
    again: frozenset[str]

    @classmethod
    def of(cls, spec: GivenCues, words: Callable[[str], Phrase]) -> GivenWords:
        def ws(items: Iterable[str]) -> frozenset[str]:
            return frozenset(w for item in items for w in words(item))

        return cls(
            contrast=ws(spec.contrast),
            concessive=ws(spec.concessive),
            connectives=ws(spec.connectives),
            perfect=ws(spec.perfect),
            counts=ws(spec.counts),
            dispositions=ws(spec.dispositions),
            recall=ws(spec.recall),
            when=ws(spec.when),
            periods=frozenset(words(p) for p in spec.periods),
            recalled_states=ws(spec.recalled_states),
            earlier=ws(spec.earlier),
            now=frozenset(words(p) for p in spec.now),
            window=spec.window,
            standing_far=spec.standing_far,
            standing_window=spec.standing_window,
            standing_roots=tuple(spec.standing_roots),
            anaphors=ws(spec.anaphors),
            recaps=ws(spec.recaps),
            closers=ws(spec.closers),
            dated_by=ws(spec.dated_by),
            standing_states=ws(spec.standing_states),
            past_rule=ws(spec.past_rule),
            case_roots=tuple(spec.case_roots),
            cases=ws(spec.cases),
            case_reach=spec.case_reach,
            retold_reach=spec.retold_reach,
            again=ws(spec.again),
        )


@dataclass(frozen=True)
class TemporalWords:
    """The `temporal` cues: the clause words ("setelah", "sebelum") and how far back the verb
    they hang on may stand."""

    words: frozenset[str]
    before: frozenset[str]  # "sebelum": the negation of the verb counts too
    reach: int

    @classmethod
    def of(cls, spec: TemporalCues, word_set: Callable[[Iterable[str]], set[str]]) -> TemporalWords:
        before = frozenset(word_set(spec.before))
        return cls(words=frozenset(word_set(spec.after)) | before, before=before, reach=spec.reach)
