"""The `quotes` stage: direct quotes, then indirect speech outside them, then speakers."""

from __future__ import annotations

from kabar.document import Document
from kabar.errors import ConfigError
from kabar.lang import LanguagePack
from kabar.quotes.attribution import Attribution
from kabar.quotes.clauses import Clauses
from kabar.quotes.config import QuotesConfig
from kabar.quotes.context import ArticleContext, Rules
from kabar.quotes.direct import DirectQuotes
from kabar.quotes.grammar import QuoteGrammar
from kabar.quotes.indirect import IndirectQuotes
from kabar.quotes.lexicon import Lexicon
from kabar.quotes.mentions import MentionIndex
from kabar.quotes.model import Role
from kabar.quotes.patterns import cue_patterns, mark_patterns
from kabar.quotes.resolve import SpeakerResolver
from kabar.quotes.speakers import SpeakerReader
from kabar.quotes.text import BodyText
from kabar.registry import PerDocumentStage, register_stage


def load_rules(pack: LanguagePack) -> Rules:
    config = pack.section("quotes.yaml", QuotesConfig)
    grammar: QuoteGrammar = pack.grammar("quotes")
    return Rules(
        config=config,
        lexicon=Lexicon.build(config, grammar, pack),
        marks=mark_patterns(config, Role.OPEN, Role.CLOSE, Role.EITHER),
        cues=cue_patterns(config, grammar),
    )


@register_stage("quotes", requires=("view", "entities", "mentions"), assigns=("quotes",))
class QuoteFinder(PerDocumentStage):
    name = "quotes"

    def __init__(self, pack: LanguagePack):
        self.rules = load_rules(pack)
        attribution = Attribution(self.rules, SpeakerReader(self.rules))
        self.direct = DirectQuotes(self.rules, attribution)
        self.indirect = IndirectQuotes(self.rules, attribution, Clauses(self.rules))
        self.resolver = SpeakerResolver(self.rules, attribution)

    def context(self, doc: Document) -> ArticleContext:
        text = BodyText(doc.view, self.rules.marks.any_mark, self.rules.lexicon.abbreviations)
        return ArticleContext(text, MentionIndex(doc, self.rules.lexicon))

    def __call__(self, doc: Document) -> None:
        if not doc.article.body:
            doc.article.quotes = []
            return
        if doc.view.text != doc.article.body:
            raise ConfigError(
                f"{doc.source}: the quotes stage reads the body's text view; run 'segment' before it"
            )
        ctx = self.context(doc)
        candidates = self.direct.find(ctx)
        candidates += self.indirect.find(ctx, candidates)
        candidates.sort(key=lambda c: (c.start, c.end))
        doc.article.quotes = self.resolver.resolve(ctx, candidates)
