"""Who one piece of a speaker phrase names: a person mention, an organisation at its head, a
collective body, a description pointing back (`kementerian itu`), an unnamed source, a title
one entity holds, or a capitalised name NER missed."""

from __future__ import annotations

from kabar.quotes.context import ArticleContext, Phrase, Rules
from kabar.quotes.lexicon import is_cap
from kabar.quotes.model import NOBODY, Speaker
from kabar.quotes.names import NameReader

_EDGE = ",.;: "


class SpeakerReader:
    def __init__(self, rules: Rules):
        self.rules = rules
        self.lex = rules.lexicon
        # "demikian pernyataan X", "begitu dilansir Reuters": the channel or the outlet's verb
        self._head_skips = self.lex.channel_words | self.lex.determiners | self.lex.source_leads
        self.names = NameReader(rules)

    def read(self, ctx: ArticleContext, s: int, e: int, after: bool, names_only: bool = False) -> Speaker:
        """The speaker the piece [s, e) names: after a speech verb (`after`), or as its subject."""
        phrase = Phrase.read(ctx, s, e)
        if not len(phrase):
            return NOBODY
        found = self._trim_after(ctx, phrase) if after else self._trim_before(ctx, phrase)
        if isinstance(found, Speaker):
            return found
        return self._named(ctx, found, after, names_only)

    def _trim_after(self, ctx: ArticleContext, p: Phrase) -> Phrase | Speaker:
        """The words after a speech verb up to a stop word or a verb, or who they point to."""
        lex, words, lows = self.lex, p.words, p.lows
        if lows[0] in lex.pronouns and (len(lows) == 1 or words[1] in lex.stop_words or len(lows) <= 2):
            return Speaker(pronoun=True)
        cut = len(p)
        i = 1
        while i < len(p):
            w = words[i]
            inside = self._bracket_inside(p, i) if w.startswith("(") else 0
            if inside:
                i += inside  # "Ketua Badan Legislasi (Baleg) Supratman …": the title's abbreviation
                continue
            if w in lex.stop_words or w.startswith("(") or lex.verbish(w, lows[i]):
                cut = i
                break
            i += 1
        linked = cut < len(p) - 1 and words[cut] in lex.source_links
        # "sumber diplomatik di Jenewa", "pengamat politik dari Universitas Indonesia"; an
        # institution in lower case goes on to its end (`pejabat senior di kementerian pertahanan`)
        named = linked and is_cap(words[cut + 1])
        institution = linked and lows[cut + 1] in lex.unnamed_first
        unnamed = self.unnamed(lows[:cut])
        if (named or institution) and unnamed is not None:
            n = cut + 1
            while (
                n < len(words)
                and words[n] not in lex.stop_words
                and (
                    self.names.namey(words[n], lows[n], n == cut + 1)
                    if named
                    else not lex.verbish(words[n], lows[n])
                )
            ):
                n += 1
            return Speaker(None, ctx.body[p.spans[unnamed][0] : p.spans[n - 1][1]].strip(_EDGE))
        # "ujar peraih medali emas Olimpiade itu", "tambah Ketua IKAL (…) Angkatan LXII itu"
        ends_anaphor = lows[cut] in lex.anaphors if cut < len(p) else False
        last = cut
        if not ends_anaphor:
            ends_anaphor = lows[-1] in lex.anaphors and len(p) <= 12
            last = len(p) - 1
        if ends_anaphor and last > 0:
            # "Menurut kementerian itu", "kata menteri tersebut": the one named before
            antecedent = self._antecedent(ctx, p.cut(0, last))
            if antecedent is not None:
                return antecedent
            if lows[0] in lex.role_heads and not ctx.mentions.mentions_in(
                p.start, p.spans[last - 1][1], "PER"
            ):
                return Speaker(pronoun=True)
            if lows[0] in lex.statements and all(w in lex.channel_words for w in lows[:last]):
                # "tulis keterangan tersebut", "demikian pernyataan itu": whoever issued it, told
                # of before as the subject of a speech verb
                return Speaker(pronoun=True, additive=True)
            if self.unnamed(lows[:last]) == 0 and (last == cut or lows[cut] in lex.relative_pronouns):
                # "tanya reporter itu", "kata warga yang enggan disebut namanya itu": an unnamed
                # source keeps its whole description (not "polisi dalam surat itu")
                return Speaker(None, ctx.body[p.start : p.spans[last][1]].strip(_EDGE))
        return p.cut(0, cut)

    def _bracket_inside(self, p: Phrase, i: int) -> int:
        """The words of a bracket opening at word `i` when a name goes on after it, else 0."""
        j = i
        while j < len(p) and not p.words[j].endswith(")"):
            j += 1
        nxt = j + 1
        if nxt >= len(p) or j - i > 4 or not is_cap(p.words[nxt]) or p.lows[nxt] in self.lex.calendar:
            return 0
        return nxt - i

    def _trim_before(self, ctx: ArticleContext, p: Phrase) -> Phrase | Speaker:
        """The subject before a speech verb: after a conjunction opening a new clause, before a
        relative clause or another verb, without trailing adverbs; or who it points to."""
        lex = self.lex
        first_verb = next((i for i in range(1, len(p)) if lex.verbish(p.words[i], p.lows[i])), None)
        if first_verb is not None:
            # "X menjalani … dan kemudian Ducati mengumumkan": a new subject after a conjunction
            for i in range(len(p) - 2, first_verb, -1):
                if p.lows[i] in lex.conjunctions and any(
                    is_cap(w) or lw in lex.pronouns for w, lw in zip(p.words[i + 1 :], p.lows[i + 1 :])
                ):
                    p = p.cut(i + 1)
                    break
        for i in range(1, len(p)):
            w = p.words[i]
            if p.lows[i] in lex.relative_pronouns and w[:1].islower() or lex.verbish(w, p.lows[i]):
                p = p.cut(0, i)
                break
        while len(p) and p.lows[-1] in lex.adverbs:
            p = p.cut(0, -1)
        if not len(p):
            return NOBODY
        if len(p) > 1 and p.lows[-1] in lex.anaphors:
            antecedent = self._antecedent(ctx, p.cut(0, -1))
            if antecedent is not None:
                return antecedent  # "Kementerian itu menegaskan …"
        if p.lows[-1] in lex.pronouns or (p.lows[0] in lex.pronouns and len(p) == 1):
            return Speaker(pronoun=True, subject=True, plural=p.lows[-1] in lex.plural_pronouns)
        return p

    def _named(self, ctx: ArticleContext, p: Phrase, after: bool, names_only: bool) -> Speaker:
        lex, body = self.lex, ctx.body
        collective = self._collective(ctx, p)
        if collective is not None:
            return collective
        mentions = ctx.mentions.mentions_in(p.start, p.end)
        persons = [m for m in mentions if m.label == "PER"]
        if persons:
            # "kata Kapolres … AKBP Budi Santoso": the name ends the run
            return self.names.person(ctx, p, persons[-1], len(mentions) == 1)
        head = 0
        while head < len(p) - 1 and p.lows[head] in self._head_skips:
            head += 1
        if not after:
            while head < len(p) - 1 and p.lows[head] in lex.connectives:
                head += 1
        organisation = self._head_organisation(ctx, p, p.spans[head][0])
        if organisation is not None:
            return organisation
        if names_only:
            place = any(m.label in ("GPE", "LOC") for m in mentions)
            if lex.name_like(p.words) and p.lows[0] not in lex.calendar | lex.role_heads and not place:
                return Speaker(None, body[p.start : p.end].strip(_EDGE))
            return NOBODY
        # An unnamed source: "para analis dan pengamat politik", "sumber diplomatik".
        unnamed = self.unnamed(p.lows)
        if unnamed is not None:
            return Speaker(None, body[p.spans[unnamed][0] : p.end].strip(_EDGE))
        # A title one entity holds: "kata Presiden".
        entity = ctx.mentions.title_entity(" ".join(p.lows[head:] if after else p.lows))
        if entity is not None:
            return Speaker(entity.id, body[p.start : p.end].strip(_EDGE))
        return self.names.missed(ctx, p, head, after)

    def _head_organisation(self, ctx: ArticleContext, p: Phrase, head: int) -> Speaker | None:
        """An organisation or country heading the phrase (`Kemlu RI`, `pihak Kepolisian`), unless
        a name follows it (`Kepala Lapas Tangerang Beni Hidayat`)."""
        for m in ctx.mentions.mentions_in(p.start, p.end):
            if m.start <= head < m.end and m.label in ("ORG", "GPE"):
                rest = [(a, w) for (a, _), w in zip(p.spans, p.words) if a >= m.end]
                if (
                    rest
                    and is_cap(rest[0][1])
                    and rest[0][1].lower() not in self.lex.calendar
                    and not any(
                        n.label != "PER" for n in ctx.mentions.mentions_in(rest[0][0], rest[0][0] + 1)
                    )
                ):
                    return None
                return ctx.mentions.speaker(m)
        return None

    def _collective(self, ctx: ArticleContext, p: Phrase) -> Speaker | None:
        """A body speaking as one: `para menteri luar negeri Liga Arab` -> Liga Arab (the
        organisation or country it names, never one of its members); with none named, the phrase
        as an unnamed source (`para menteri`)."""
        lex, lows = self.lex, p.lows
        j = 0
        while j < len(lows) - 1 and lows[j] in lex.connectives:
            j += 1
        k = j + 1 if lows[j] in lex.collective else j
        if k >= len(lows):
            return None
        base = lex.grammar.plural_base(lows[k])
        plural_role = base is not None and base in lex.role_heads
        if not (plural_role or (k > j and lows[k] in lex.role_heads)):
            return None
        start = p.spans[k][0]
        for m in ctx.mentions.mentions_in(start, p.end):
            if m.label in ("ORG", "GPE") and m.start >= start:
                before = ctx.text.words(start, m.start)
                if before and before[-1].lower() in lex.name_links:
                    break  # "para ahli Commonwealth Bank of Australia": a longer name NER missed
                return ctx.mentions.speaker(m, collective=True)
        return Speaker(None, ctx.body[p.spans[j][0] : p.end].strip(_EDGE), collective=True)

    def _antecedent(self, ctx: ArticleContext, p: Phrase) -> Speaker | None:
        """The entity a description with a demonstrative points back to (`kementerian itu` ->
        the last mention before it with the word `Kementerian`), when the description names nobody
        (capitalised only when it is a common noun: `kata Kementerian itu`)."""
        lex = self.lex
        named = any(is_cap(w) and (w.lower(),) not in lex.unnamed_heads for w in p.words)
        if not len(p) or named or ctx.mentions.mentions_in(p.start, p.end):
            return None
        heads = [w for w in p.lows if w not in self.lex.determiners and w not in self.lex.collective]
        if not heads:
            return None
        return ctx.mentions.antecedent(heads[0], p.start)

    def unnamed(self, lows: list[str]) -> int | None:
        """Index where an unnamed-source phrase starts in `lows`, if it is one."""
        lex = self.lex
        for i, w in enumerate(lows):
            if w in lex.determiners or w in lex.unnamed_first:
                j = i
                while j < len(lows) and lows[j] in lex.determiners and lows[j] not in lex.unnamed_first:
                    j += 1
                for size in (3, 2, 1):
                    if tuple(lows[j : j + size]) in lex.unnamed_heads:
                        return i
                # a determiner that is a head itself: "pihak kepolisian", "kalangan DPR"
                if any((w2,) in lex.unnamed_heads for w2 in lows[i:j]):
                    return i
                return None
            if w in lex.connectives or w in lex.channel_words:
                continue
            return None
        return None
