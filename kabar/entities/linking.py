"""Later mentions of a person named in full elsewhere in the article: the full name again, even
where a gazetteer split it ("Indra Jepang"), or one of its words alone ("Purbaya", "Maman"
after "Menteri Keuangan Purbaya Yudhi Sadewa", "Menteri UMKM Maman Abdurrahman")."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from itertools import compress

from kabar.entities.grouping import initials_of
from kabar.entities.knowledge import Knowledge, fold, subsequence
from kabar.entities.text import Candidate, EntityText, TextJob

NameWords = tuple[str, ...]
NAME_INNER_MARKS = frozenset({"-", "'", "’", "."})
MIN_NAME_PART = 3


@dataclass
class FullNames:
    """The people an article names with two words or more."""

    by_first: dict[str, set[NameWords]] = field(default_factory=dict)  # first word -> full names
    owners: dict[str, set[NameWords]] = field(default_factory=dict)  # any word -> full names holding it
    times: dict[NameWords, int] = field(default_factory=dict)  # how often each full name is written

    def one_owner(self, word: str) -> bool:
        """Whether a word several full names hold points to one person: the names are one
        person's (one holds the others), or one of them is written more often than the others."""
        names = self.owners[word]
        longest: NameWords = ()
        for name in names:
            if len(name) > len(longest):
                longest = name
        if all(subsequence(list(x), list(longest)) or initials_of(list(x), list(longest)) for x in names):
            return True
        counts = sorted((self.times.get(x, 0) for x in names), reverse=True)
        return counts[0] > counts[1]


class NameLinker:
    def __init__(self, kb: Knowledge):
        self.kb = kb
        self.joiners = {fold(w) for w in kb.cues.list_joiners}

    def full_names(self, jobs: list[TextJob]) -> FullNames:
        names = FullNames()
        for job in jobs:
            t = job.text
            for c in job.candidates:
                if c.label != "PER" or c.weak or c.name_i < 0:
                    continue
                words = tuple(t.word_keys(c.name_i, c.j))
                if len(words) < 2:
                    continue
                names.by_first.setdefault(words[0], set()).add(words)
                names.times[words] = names.times.get(words, 0) + 1
                for w in words:
                    if len(w) >= MIN_NAME_PART and w not in self.kb.not_name_parts:
                        names.owners.setdefault(w, set()).add(words)
        return names

    def link(self, jobs: list[TextJob]) -> None:
        names = self.full_names(jobs)
        if not names.by_first:
            return
        wanted = set(names.by_first) | set(names.owners)
        for job in jobs:
            self._link_text(job, names, wanted)

    def _link_text(self, job: TextJob, names: FullNames, wanted: Collection[str]) -> None:
        t = job.text
        # (a word written in lower case names no one here: only the capitalised ones are read)
        hits = [k for k in compress(range(t.n), t.cap) if t.folded[k] in wanted]
        if not hits:
            return
        at = {x: c for c in job.candidates for x in range(c.i, c.j)}
        new: list[Candidate] = []
        gone: set[int] = set()  # ids of gazetteer candidates a full name replaces
        done = 0  # tokens before this are settled
        for k in hits:
            if k < done or not t.cap[k] or self._inside_run(t, k):
                continue
            f = t.folded[k]
            end = self._full_name_at(t, k, names.by_first.get(f, ()))
            if end > k:
                inside = {id(at[x]): at[x] for x in range(k, end) if x in at}
                split = all(c.source == "gaz" and c.label == "GPE" for c in inside.values())
                if split and all(k <= c.i and c.j <= end for c in inside.values()):
                    gone.update(inside)
                    new.append(Candidate(k, end, "PER", "rule", name=t.span(k, end), name_i=k))
                    done = end
                    continue
            if k in at or f not in names.owners or t.capitalised_word(k + 1):
                continue
            if not names.one_owner(f):
                continue  # two people share the word: no telling which one
            if self._sentence_word(t, k) and not self._listed_with_name(t, k, names, at):
                continue
            new.append(Candidate(k, k + 1, "PER", "rule", name=t.words[k], name_i=k))
        if new:
            job.candidates = sorted([c for c in job.candidates if id(c) not in gone] + new, key=lambda c: c.i)

    def _inside_run(self, t: EntityText, k: int) -> bool:
        """A capitalised word before k makes it part of a longer name, unless that word is a
        title or a sentence-initial function word ("Menurut Ilham")."""
        return (
            k > 0
            and t.is_word[k - 1]
            and t.cap[k - 1]
            and (k - 1) not in t.title_tokens
            and not (t.initial[k - 1] and t.folded[k - 1] in self.kb.words.function_words)
        )

    def _sentence_word(self, t: EntityText, k: int) -> bool:
        """ "Bagus, ..." at a sentence start is the word, unless a speech verb follows it."""
        f = t.folded[k]
        speech = k + 1 < t.n and t.folded[k + 1] in self.kb.words.speech_after
        return (
            t.initial[k]
            and (self.kb.is_dictionary_word(f) or f in self.kb.words.function_words)
            and not speech
        )

    def _listed_with_name(self, t: EntityText, k: int, names: FullNames, at: dict[int, Candidate]) -> bool:
        """ "Haris dan Muafaq telah divonis": a word listed with another person's name (one named
        in full in the article, or a person found here) is a name too, at a sentence start."""
        x = k + 2
        if x >= t.n or t.folded[k + 1] not in self.joiners or not t.capitalised_word(x):
            return False
        other = at.get(x)
        return (other is not None and other.label == "PER") or t.folded[x] in names.owners

    def _full_name_at(self, t: EntityText, k: int, names: Collection[NameWords]) -> int:
        """End of the longest of `names` written at token k, with nothing capitalised right
        after it; k if none."""
        best = k
        for name in names:
            x, w = k, 0
            while x < t.n and w < len(name):
                if t.is_word[x]:
                    if t.folded[x] != name[w] or not (t.cap[x] or t.folded[x] in self.kb.words.particles):
                        break
                    w += 1
                elif t.words[x] not in NAME_INNER_MARKS:
                    break
                x += 1
            if w == len(name) and x > best and not t.capitalised_word(x):
                best = x
        return best
