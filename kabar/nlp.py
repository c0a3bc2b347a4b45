"""The spaCy `Language` object a pack uses: its trained model if it ships one, else a blank one.

Tokenizer, NER and anything else that needs the same vocabulary share this one object.
"""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language
from spacy.symbols import ORTH
from thinc.api import NumpyOps

from kabar.lang import LanguagePack, load_pack
from kabar.tokenizer import TOKENIZER_CONFIG

NER_MODEL_DIR = "models/ner"


def has_ner_model(pack: LanguagePack) -> bool:
    return (pack.file(NER_MODEL_DIR) / "config.cfg").exists()


@functools.cache
def _load(code: str) -> Language:
    pack = load_pack(code)
    if has_ner_model(pack):
        # The saved tokenizer is spaCy's default one; kabar's equivalent loads 1.5 s faster.
        nlp = spacy.load(pack.file(NER_MODEL_DIR), exclude=["tokenizer"], config=TOKENIZER_CONFIG)
    else:
        nlp = spacy.blank(code, config=TOKENIZER_CONFIG)
    if "ner" in nlp.pipe_names:
        # blis falls back to slow generic kernels on CPUs it does not know (seen here on
        # AMD); numpy's BLAS gives the same entities 5-15% faster. Set on this model only,
        # not as thinc's global default.
        ops = NumpyOps(use_blis=False)
        for node in nlp.get_pipe("ner").model.walk():
            node.ops = ops
    for abbreviation in pack.get("abbreviations", []):
        # "Mayjen." stays one token, so the full stop cannot end a sentence.
        for form in {abbreviation, abbreviation.lower(), abbreviation.upper(), abbreviation.capitalize()}:
            nlp.tokenizer.add_special_case(f"{form}.", [{ORTH: f"{form}."}])
    return nlp


def load_nlp(pack: LanguagePack) -> Language:
    """The shared spaCy pipeline for a language pack (loaded once per process)."""
    return _load(pack.code)
