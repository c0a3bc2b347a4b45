"""An office written alone stands for the person holding it whom the article named before
("Presiden Joko Widodo tiba di Bandung. Presiden kemudian bertemu ...", "Kepala Negara bahkan
ingin ..."): the pack lists those offices and the titles their holder bears
(`anaphora.sole_offices` in events.yaml)."""

from __future__ import annotations

from collections.abc import Mapping

from kabar import cameo
from kabar.events.lexicon import Lexicon
from kabar.events.phrases import compiled
from kabar.events.state import Actor, Tokens
from kabar.model import Entity

Offices = dict[str, list[tuple[tuple[str, ...], frozenset[str]]]]  # first word -> (words, titles)

def _offices(lex: Lexicon) -> Offices:
    """The pack's offices filed by first word, longest first ("wakil presiden" before "wakil")."""

    def file(table: dict[str, list[str]]) -> Offices:
        filed: Offices = {}
        for phrase, titles in table.items():
            words = lex.words(phrase)
            if words:
                accepted = frozenset(" ".join(title.lower().split()) for title in titles)
                filed.setdefault(words[0], []).append((words, accepted))
        for forms in filed.values():
            forms.sort(key=lambda form: -len(form[0]))
        return filed

    return compiled(lex.data.anaphora.sole_offices, file)


def _other_holder(lex: Lexicon) -> set[str]:
    """Words after an office that make it another holder than the one named before: an ordinal or
    "sebelumnya" (`former_after`), "terpilih", "periode" (`anaphora.sole_office_stops`)."""
    stops = lex.data.anaphora.sole_office_stops
    return compiled(stops, lambda words: lex.word_set([*words, *lex.data.former_after]))


def _alone(lex: Lexicon, t: Tokens, i: int, end: int) -> bool:
    """Is the office at tokens i..end written alone: capitalised, no name or number after it
    ("Presiden AS", "Presiden kedua"), no noun it qualifies before it ("Staf Khusus Presiden",
    "calon presiden"), and no word saying it is held no more ("mantan Presiden")?"""
    if not t.tokens[i][:1].isupper():
        return False
    if end < len(t.tokens):
        after = t.tokens[end]
        if after == "(" or (after == "," and end + 1 < len(t.tokens) and t.tokens[end + 1] == "("):
            return False  # "Wakil Presiden (Wapres) Jusuf Kalla": the name follows
        if after[:1].isupper() or after[:1].isdigit() or t.low[end] in _other_holder(lex):
            return False
    if i == 0:
        return True
    before = t.low[i - 1]
    if before in lex.former_office or before in lex.np_openers:
        return False
    return not before.isalpha() or before in lex.function_words or lex.is_verb_like(before)


def _holder(
    lex: Lexicon, t: Tokens, nps: list[Actor], i: int, titles: frozenset[str], entities: Mapping[str, Entity]
) -> Actor | None:
    """The last person named before token i whose title is one of `titles` and who is an actor
    of his own, in office (a former holder's code bears the role of one)."""
    for np in reversed(nps):
        if np.start >= i or np.label != "PER" or np.entity is None:
            continue
        ent = entities.get(np.entity)
        if ent is None or not ent.title or " ".join(ent.title.lower().split()) not in titles:
            continue
        if any(t.low[k] in lex.former_office for k in range(max(0, np.start - 2), np.start + 1)):
            continue
        roles = cameo.split_actor_code(np.code)[1]
        if not roles or lex.former_role in roles:
            continue
        return np
    return None


def sole_offices(lex: Lexicon, t: Tokens, nps: list[Actor], entities: Mapping[str, Entity]) -> list[Actor]:
    """`nps` with each office written alone added as the person holding it, named before."""
    filed = _offices(lex)
    if not filed or not nps:
        return nps
    taken = t.mention_tokens.union(*(range(np.start, np.end) for np in nps))
    added: list[Actor] = []
    for i, w in enumerate(t.low):
        forms = filed.get(w)
        if not forms or i in taken:
            continue
        for words, titles in forms:
            end = i + len(words)
            if tuple(t.low[i:end]) != words or any(k in taken for k in range(i, end)):
                continue
            if not _alone(lex, t, i, end):
                break
            person = _holder(lex, t, nps, i, titles, entities)
            if person is not None:
                held = person.as_anaphor()
                held.start, held.end = i, end
                added.append(held)
                taken.update(range(i, end))
            break
    if not added:
        return nps
    return sorted(nps + added, key=lambda a: a.start)
