"""The spaCy `Language` object a pack uses: its trained model if it ships one, else a blank one.

kabar's stages do not use its tokenizer: the NER reads Docs built from the text view's tokens
(kabar.entities.model). So it splits raw text at white space only; building spaCy's Indonesian
rules for it took 0.1 s of every start. To tokenise raw text as the model was trained, load the
model with `kabar.tokenizer.TOKENIZER_CONFIG` (as bench/ner_eval.py does).
"""

from __future__ import annotations

import functools
from typing import Any

import spacy
from spacy.attrs import IS_SPACE, LOWER, NORM, PREFIX, SHAPE, SUFFIX
from spacy.language import Language
from thinc.api import NumpyOps

from kabar.lang import LanguagePack, load_pack
from kabar.tokenizer import WORDS_ONLY_CONFIG

NER_MODEL_DIR = "models/ner"


def has_ner_model(pack: LanguagePack) -> bool:
    return (pack.file(NER_MODEL_DIR) / "config.cfg").exists()


@functools.cache
def _load(code: str) -> Language:
    pack = load_pack(code)
    if has_ner_model(pack):
        nlp = spacy.load(pack.file(NER_MODEL_DIR), exclude=["tokenizer"], config=WORDS_ONLY_CONFIG)
    else:
        nlp = spacy.blank(code, config=WORDS_ONLY_CONFIG)
    if "ner" in nlp.pipe_names:
        _numpy_ops(nlp, ["ner"])
    _lean_lexemes(nlp)
    return nlp


# What kabar's models read of a word: the NER's and the parser's features (NORM, PREFIX, SUFFIX,
# SHAPE), the NER's rule that no entity starts on white space (IS_SPACE), and LOWER.
LEXEME_ATTRIBUTES = (LOWER, NORM, PREFIX, SUFFIX, SHAPE, IS_SPACE)


def _lean_lexemes(nlp: Language) -> None:
    """Every article brings words the vocabulary has not seen, and spaCy computes 22 attributes
    in Python for each new one (flags such as LIKE_URL, LIKE_NUM, IS_STOP that no kabar model or
    stage reads): 5% of the pipeline's time. Only the attributes the models read are kept."""
    vocab: Any = nlp.vocab  # spaCy's stubs for Vocab omit lex_attr_getters
    getters = vocab.lex_attr_getters
    vocab.lex_attr_getters = {attr: getters[attr] for attr in LEXEME_ATTRIBUTES if attr in getters}


def _numpy_ops(nlp: Language, pipes: list[str]) -> None:
    """blis falls back to slow generic kernels on CPUs it does not know (seen here on AMD);
    numpy's BLAS gives the same entities 5-15% faster, and the same parses 5-10% faster. Set
    on kabar's models only, not as thinc's global default."""
    ops = NumpyOps(use_blis=False)
    for name in pipes:
        component: Any = nlp.get_pipe(name)
        for node in component.model.walk():
            node.ops = ops


def load_nlp(pack: LanguagePack) -> Language:
    """The shared spaCy pipeline for a language pack (loaded once per process)."""
    return _load(pack.code)


PARSER_MODEL_DIR = "models/parser"


def has_parser_model(pack: LanguagePack) -> bool:
    return (pack.file(PARSER_MODEL_DIR) / "config.cfg").exists()


@functools.cache
def _load_parser(path: str) -> Language:
    # the parser reads Docs made from the text view's words: it needs no tokenizer of its own
    nlp = spacy.load(path, exclude=["tokenizer"], config=WORDS_ONLY_CONFIG)
    _numpy_ops(nlp, list(nlp.pipe_names))
    _lean_lexemes(nlp)
    return nlp


def load_parser(pack: LanguagePack) -> Language | None:
    """The pack's dependency parser and UPOS tagger (tok2vec, tagger, parser), loaded once per
    process, or None when the pack ships none. It reads Docs made from the text view's words:
    `parser(Doc(parser.vocab, words=..., spaces=...))` (raw text is split at white space only)."""
    if not has_parser_model(pack):
        return None
    return _load_parser(str(pack.file(PARSER_MODEL_DIR)))
