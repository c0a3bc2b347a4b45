"""Stage `quotes`: every quotation in the body, direct or indirect, with its speaker.

The steps, one module each (docs/quotes.md tells what each recognises):

- `marks`: quotation marks read as opening or closing and paired (`MarkSpan`);
- `direct`: a quotation and its attribution after, before or beside it;
- `indirect`: reported speech outside direct quotes (`Menurut X, …`, `X mengatakan bahwa …`);
- `attribution` and `speakers`: the phrase that names who spoke, and whom it names;
- `resolve`: pronouns and continuations (`tambahnya`) across sentences.

Tokens, sentences and glued paragraphs come from the text view (`doc.view`); word lists from
the pack's quotes.yaml (`config.QuotesConfig`); morphology from the pack's grammar
(`grammar.QuoteGrammar`). The stage holds no word of any one language.
"""

from kabar.quotes.config import QuotesConfig
from kabar.quotes.grammar import QuoteGrammar
from kabar.quotes.stage import QuoteFinder

__all__ = ["QuoteFinder", "QuoteGrammar", "QuotesConfig"]
