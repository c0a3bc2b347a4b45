"""The typed shape of a pack's `quotes.yaml`: every list and threshold the stage reads,
with its default here and nowhere else. Unknown keys are refused (see `PackSection`)."""

from __future__ import annotations

from pydantic import Field

from kabar.lang.schema import PackSection


class QuoteMarkFamily(PackSection):
    """Marks that pair with each other; `open`/`close` give the nominal direction, used when
    the characters around a mark do not decide."""

    name: str = ""
    open: list[str] = Field(default_factory=list)
    close: list[str] = Field(default_factory=list)


class QuotesConfig(PackSection):
    """quotes.yaml. Word lists are matched on whole words, in lower case unless noted."""

    quote_marks: list[QuoteMarkFamily] = Field(default_factory=list)
    # attribution after a closing mark, before an opening one, and passive
    post_verbs: list[str] = Field(default_factory=list)
    continuations: list[str] = Field(default_factory=list)
    additive_continuations: list[str] = Field(default_factory=list)
    additive_post_verbs: list[str] = Field(default_factory=list)
    speech_verbs: list[str] = Field(default_factory=list)
    passive_speech_verbs: list[str] = Field(default_factory=list)
    bare_indirect_verbs: list[str] = Field(default_factory=list)
    statement_verbs: list[str] = Field(default_factory=list)
    according_to: list[str] = Field(default_factory=list)
    according_to_pronouns: list[str] = Field(default_factory=list)
    demonstratives: list[str] = Field(default_factory=list)
    complementizers: list[str] = Field(default_factory=list)
    # clauses: is a bare complement what was said, or a noun object?
    predicate_markers: list[str] = Field(default_factory=list)
    np_enders: list[str] = Field(default_factory=list)
    noun_objects: list[str] = Field(default_factory=list)
    feelings: list[str] = Field(default_factory=list)
    labelling_verbs: list[str] = Field(default_factory=list)
    labelling_markers: list[str] = Field(default_factory=list)
    not_nominals: list[str] = Field(default_factory=list)
    not_predicates: list[str] = Field(default_factory=list)
    not_verbs: list[str] = Field(default_factory=list)
    subordinators: list[str] = Field(default_factory=list)
    attribution_tails: list[str] = Field(default_factory=list)
    source_leads: list[str] = Field(default_factory=list)
    verb_conjunctions: list[str] = Field(default_factory=list)
    conjunctions: list[str] = Field(default_factory=list)
    connectives: list[str] = Field(default_factory=list)
    negations: list[str] = Field(default_factory=list)
    relativizers: list[str] = Field(default_factory=list)
    relative_pronouns: list[str] = Field(default_factory=list)
    adverbs: list[str] = Field(default_factory=list)
    anaphors: list[str] = Field(default_factory=list)
    # speaker phrases
    pronouns: list[str] = Field(default_factory=list)
    plural_pronouns: list[str] = Field(default_factory=list)
    role_links: list[str] = Field(default_factory=list)
    role_heads: list[str] = Field(default_factory=list)
    collective_determiners: list[str] = Field(default_factory=list)
    name_links: list[str] = Field(default_factory=list)
    inclusion_words: list[str] = Field(default_factory=list)
    speaker_stop_words: list[str] = Field(default_factory=list)
    channel_words: list[str] = Field(default_factory=list)
    statement_channels: list[str] = Field(default_factory=list)
    unnamed_heads: list[str] = Field(default_factory=list)
    unnamed_determiners: list[str] = Field(default_factory=list)
    name_particles: list[str] = Field(default_factory=list)
    honorifics: list[str] = Field(default_factory=list)
    source_links: list[str] = Field(default_factory=list)  # matched as written (case-sensitive)
    degree_regex: str = ""
    # tuning
    min_words_uncued_sentence_start: int = 3
    min_words_uncued_inline: int = 6
    min_words_indirect: int = 3
    max_unclosed_chars: int = 600
    max_speaker_chars: int = 160
    title_case_share: float = 0.6
