"""The pack files the `events` stage reads, as typed sections with their defaults.

`events.yaml` (the dictionary and the word lists that read a clause), `modality.yaml` (cues
of negation, plans, conditions, questions, background), `time.yaml` (time expressions) and
`generic_actors.tsv` (common nouns that name an actor). Every default lives here; what
`pack.yaml` holds (home country, month and weekday names) comes from `pack.info`.
"""

from __future__ import annotations

from pydantic import Field, field_validator

from kabar.lang import LanguagePack
from kabar.lang.schema import PackSection, validate_section

Words = list[str]


class Settings(PackSection):
    anaphora_sentences: int = 5
    subject_window: int = 10
    short_relative: int = 6  # tokens of a relative clause without commas between subject and verb
    object_skip: int = 3
    prep_window: int = 10
    max_events_per_trigger: int = 6
    narrative_place_sentences: int = 3
    generic_antecedent_sentences: int = 6
    implicit_agent_tokens: int = 150  # how far back the unnamed agent of a passive may be named
    implicit_agent_ahead: int = 40  # how far after its sentence, when none was named before
    security_tokens: int = 80  # how far back a security force gives 'aparat' its role
    member_anaphor_tokens: int = 80  # how far back "politikus PKS itu" finds the person meant
    # roots of a headline's own event that stand without a target ('Kuwait Gelar Latihan Perang'); not
    # protests (14): a headline's 'Demo Ricuh Jakarta' names the place, not who protested
    title_untargeted_roots: list[str] = Field(default_factory=lambda: ["15"])


class EntrySpec(PackSection):
    """One dictionary entry: a CAMEO code, its forms and its frame (see events.yaml)."""

    code: str
    verbs: Words = Field(default_factory=list)
    nouns: Words = Field(default_factory=list)
    source: Words = Field(default_factory=lambda: ["subj"])
    target: Words = Field(default_factory=lambda: ["obj"])
    noun_source: Words | None = None  # default: subj, next, the agent preposition
    noun_target: Words | None = None  # default: the target without obj and subj
    reciprocal: bool = False
    needs_target: bool | None = None  # default: by root (EventsSection.untargeted_roots)
    untargeted_code: str | None = None
    state_code: str | None = None
    with_: Words = Field(default_factory=list, alias="with")
    with_window: int = 6  # how many tokens either side of the trigger a `with` word may stand
    without: Words = Field(default_factory=list)
    not_after: Words = Field(default_factory=list)  # one or two tokens before the trigger
    not_before: Words = Field(default_factory=list)  # the token right after the trigger
    places: bool = False
    confidence: float | None = None
    object_skip: int | None = None
    only_intended: bool = False
    foreign_target: bool = False
    stative_passive: bool = False
    not_target_roles: Words = Field(default_factory=list)
    implicit_agent: Words = Field(default_factory=list)  # roles of the unnamed agent of a passive

    @field_validator("without")
    @classmethod
    def _plain_words(cls, words: Words) -> Words:
        # each word of each phrase is looked for on its own: a hyphen or bracket in one would
        # drop the entry from every sentence that holds one ("undang-undang")
        odd = [w for w in words if not all(part.isalnum() for part in str(w).split())]
        if odd:
            raise ValueError(f"'without' takes plain words only, not {odd}")
        return words


class Anaphora(PackSection):
    pair: Words = Field(default_factory=list)
    states: Words = Field(default_factory=list)
    speaker: Words = Field(default_factory=list)
    person: Words = Field(default_factory=list)
    matrix: Words = Field(default_factory=list)
    demonstratives: Words = Field(default_factory=list)
    referring_nouns: Words = Field(default_factory=list)
    author_prepositions: Words = Field(default_factory=list)  # "(tuduhan) dari X": its author
    member_nouns: Words = Field(default_factory=list)  # "politikus (PKS itu)": a person of the body
    office_nouns: Words = Field(default_factory=list)  # "Ketua (DPR ini)": the holder named before
    sole_offices: dict[str, Words] = Field(default_factory=dict)  # office alone -> its holder's titles
    sole_office_stops: Words = Field(
        default_factory=list
    )  # after an office: another holder than the one named


class Sport(PackSection):
    """A sports story's sentences on play tell no political event (see events.yaml `sport`)."""

    words: Words = Field(default_factory=list)
    min_words: int = 3  # distinct sport words in the title and body that make the story a sports one


class Threats(PackSection):
    roots: Words = Field(default_factory=lambda: ["13"])
    assert_cues: Words = Field(default_factory=list)
    condition_words: Words = Field(default_factory=list)
    advice: Words = Field(default_factory=list)
    scope_stops: Words = Field(default_factory=list)
    alternatives: Words = Field(default_factory=list)
    about_code: str | None = None  # a warning that another side does something: a criticism
    about_keeps: Words = Field(default_factory=list)  # "akan": what that side will do or face


class NotActors(PackSection):
    """Entity mentions that name no actor: a place whose name opens with a building or site word
    (`facilities`: "Bandara X"); a place right after an unknown all-caps name ("AJI Yogyakarta":
    the place ends another body's name) unless that word is one of `name_prefixes` ("DKI
    Jakarta") or a title; a person after a kin noun (`relatives`, with `relative_modifiers`
    between: "putra pertama X" is X's son, not X)."""

    facilities: Words = Field(default_factory=list)
    name_prefixes: Words = Field(default_factory=list)
    relatives: Words = Field(default_factory=list)
    relative_modifiers: Words = Field(default_factory=list)
    kin_titles: Words = Field(default_factory=list)  # "Putra Mahkota X" is X himself
    stances: Words = Field(default_factory=list)  # "massa pro-Beijing": those for X, not X
    extents: Words = Field(default_factory=list)  # "BEM Seluruh Indonesia": how far a body reaches
    agents: Words = Field(default_factory=list)  # "Juru Bicara Presiden X, Y": Y acts for X
    envoys: Words = Field(default_factory=list)  # "utusan Presiden X": X's envoy, not X
    aides: Words = Field(default_factory=list)  # "Aspri Menpora X" (X the minister): his aide, not X
    candidates: Words = Field(default_factory=list)  # "Capim KPK": candidates for the body, not it
    led_by: Words = Field(default_factory=list)  # "Partai pimpinan X": the party, not X


class Charges(PackSection):
    """Acts that are themselves a charge (violating a law or norm): told in another side's quote
    or after its verb of saying, they are that side's accusation (`code`) against the actor."""

    codes: Words = Field(default_factory=list)
    code: str = "112"
    tellers: Words = Field(default_factory=list)  # words between a quote and who tells it
    # acts of these roots told by another side, by an actor who denies in the article (a code of
    # `denials`), are that side's allegation, not coded
    contested_roots: Words = Field(default_factory=list)
    denials: Words = Field(default_factory=list)
    # entry forms that only say who is behind an act ("berada di balik serangan"): an event only as
    # another side's accusation (`code`) told by that side, never as the actor's own act
    alleged: Words = Field(default_factory=list)
    # nouns of saying whose actor tells what follows "bahwa": "penegasan AS bahwa ...", "AS berkukuh
    # dengan tuduhan bahwa ..." (the actor after the noun, else the clause's subject)
    teller_nouns: Words = Field(default_factory=list)
    teller_that: Words = Field(default_factory=list)  # the complementiser after such a noun
    accuser_cues: Words = Field(default_factory=list)  # "(seperti yang) dituduhkan X": X accuses


class Initials(PackSection):
    """A person known only by initials in crime news ("FBK ditangkap", "pria berinisial AIS (34)"):
    capitals not known as any actor, after a cue word or right next to a verb of arrest or charge,
    are an unnamed person of `role`."""

    role: str = "CVL"
    cues: Words = Field(default_factory=list)  # "berinisial AIS", "saudara AB"
    verbs_after: Words = Field(default_factory=list)  # "FBK ditangkap"
    verbs_before: Words = Field(default_factory=list)  # "menangkap BR dan RM"
    between: Words = Field(default_factory=list)  # words besides the auxiliaries before the verb
    max_letters: int = 4


class Evaluative(PackSection):
    code: str = "111"
    confidence: float = 0.55
    words: Words = Field(default_factory=list)
    predicate_words: Words = Field(default_factory=list)  # "X itu sangat <word>": X is described


class Exclusion(PackSection):
    """Frequent words of political sentences consciously left out of the dictionary, and why
    (read by bench/event_coverage.py, never by the stage)."""

    words: Words
    reason: str


class Repression(PackSection):
    """A fight (root 19) of an actor of `roles` against civilians only is coded `code` (the police
    against protesters: violent repression, not a battle)."""

    roles: Words = Field(default_factory=list)
    code: str | None = None


class EventsSection(PackSection):
    """events.yaml."""

    settings: Settings = Field(default_factory=Settings)
    entries: list[EntrySpec] = Field(default_factory=list)
    light_verbs_before: Words = Field(default_factory=list)
    light_verbs_receive: Words = Field(default_factory=list)
    light_verbs_presenting: Words = Field(default_factory=list)
    light_verbs_after: Words = Field(default_factory=list)
    noun_determiners: Words = Field(default_factory=list)
    quantity_words: Words = Field(default_factory=list)
    quantity_units: Words = Field(default_factory=list)
    place_words: Words = Field(default_factory=list)
    pp_fillers: Words = Field(default_factory=list)
    ordinal_markers: Words = Field(default_factory=list)
    imperatives: Words = Field(default_factory=list)
    request_code: str = "020"
    prep_stops: Words = Field(default_factory=list)
    document_words: Words = Field(default_factory=list)
    law_words: Words = Field(default_factory=list)  # a name starting with one names a law, no actor
    np_prepositions: Words = Field(default_factory=list)
    so_called: Words = Field(default_factory=list)
    report_asides: Words = Field(default_factory=list)
    headline_excluded: Words = Field(default_factory=list)
    victim_verbs: Words = Field(default_factory=list)
    victim_links: Words = Field(default_factory=list)
    victim_nouns: Words = Field(default_factory=list)
    visit_alongside: Words = Field(default_factory=list)
    verb_like_nouns: Words = Field(default_factory=list)
    state_roles: Words = Field(default_factory=lambda: ["GOV", "MIL", "COP", "SPY", "JUD", "LEG"])
    state_code_roles: Words = Field(default_factory=lambda: ["GOV", "MIL", "COP", "SPY"])
    civil_roles: Words = Field(default_factory=list)
    civil_force_code: str | None = None
    # a fight whose source is only of these roles is words, not force ("KPK diserang oleh DPR")
    unarmed_roles: Words = Field(default_factory=list)
    unarmed_code: str | None = None
    repression: Repression = Field(default_factory=lambda: Repression())
    countryless_roles: Words = Field(default_factory=list)
    agent_roles: dict[str, Words] = Field(default_factory=dict)  # role -> actor names acting in it
    court_words: Words = Field(default_factory=list)  # "hakim", "pengadilan": who only sentence
    judge_codes: Words = Field(default_factory=list)  # the acts a court is the unnamed agent of
    generic_not_before: Words = Field(default_factory=list)
    sport: Sport = Field(default_factory=lambda: Sport())
    topic_markers: Words = Field(default_factory=list)
    prepositions: Words = Field(default_factory=list)
    clause_stops: Words = Field(default_factory=list)
    subordinators: Words = Field(default_factory=list)
    contrast_joins: Words = Field(default_factory=list)
    reporting_verbs: Words = Field(default_factory=list)
    conjunctions: Words = Field(default_factory=list)
    auxiliaries: Words = Field(default_factory=list)
    np_openers: Words = Field(default_factory=list)
    classifier_stops: Words = Field(default_factory=list)  # end the phrase after "10 orang"
    predicate_markers: Words = Field(default_factory=list)  # "X sebagai tersangka": the object ends
    role_predicates: Words = Field(default_factory=list)  # "menjadi oposisi": a role, no actor
    rank_after_noun: Words = Field(default_factory=list)  # "komandan tinggi militer": the noun joins
    name_links: Words = Field(default_factory=list)  # "X alias Y": two names of one person
    patient_nouns: Words = Field(default_factory=list)  # "pembunuhan X", "pemecatan X": X suffered it
    former_office: Words = Field(default_factory=list)  # an office held no more: "mantan", "almarhum"
    former_role: str = "ELI"
    former_after: Words = Field(default_factory=list)  # "Presiden RI ketiga", "Ketua KPK sebelumnya"
    deceased_nouns: Words = Field(default_factory=list)  # "makam X": X is dead, in office no more
    comitatives: Words = Field(default_factory=list)  # "bersama (dengan) X": X shares the act
    representing: Words = Field(default_factory=list)  # "X mewakili Y (verb)": X is the subject
    mission_words: Words = Field(default_factory=list)  # "Kedutaan Besar X": X's diplomatic mission
    mission_roots: Words = Field(default_factory=lambda: ["14"])
    member_clauses: Words = Field(default_factory=list)  # "(X yang) ada di dalam": X is inside a body
    apposition_links: Words = Field(default_factory=list)  # "di", "kelompok" inside a title apposition
    envoy_prepositions: Words = Field(default_factory=list)  # "Dubes X untuk PBB, Y": two actors
    member_prepositions: Words = Field(default_factory=list)  # "Anggota X dari Fraksi Y, Z": Z
    affiliation_prepositions: Words = Field(default_factory=list)  # "Peneliti dari ICW, Z mengecam": Z
    purpose_after_actor: Words = Field(default_factory=list)  # "masyarakat untuk ... mengepung": intended
    example_words: Words = Field(default_factory=list)  # "X seperti A, B": A and B exemplify X
    with_negations: Words = Field(default_factory=list)  # "menilai X tidak arogan": no `with` word
    member_bodies: Words = Field(default_factory=list)  # "lembaga", "instansi": a body left unnamed
    security_roles: Words = Field(default_factory=lambda: ["COP", "MIL"])  # what "aparat" may be
    not_actors: NotActors = Field(default_factory=NotActors)
    actor_roles: dict[str, Words] = Field(default_factory=dict)
    roleless_titles: Words = Field(default_factory=list)  # "Sekretaris Jenderal": no MIL from "jenderal"
    actor_words: dict[str, str] = Field(default_factory=dict)
    anaphora: Anaphora = Field(default_factory=Anaphora)
    threats: Threats = Field(default_factory=Threats)
    appeal_roots: Words = Field(default_factory=lambda: ["02", "10"])
    plan_nouns: Words = Field(default_factory=list)
    counterpart: dict[str, Words] = Field(default_factory=dict)
    speech_verbs: Words = Field(default_factory=list)
    evaluative: Evaluative = Field(default_factory=Evaluative)
    charges: Charges = Field(default_factory=Charges)
    initials: Initials = Field(default_factory=Initials)
    future_words: Words = Field(default_factory=list)
    visit_frames: Words = Field(default_factory=list)
    visit_code: str = "042"
    hosting_code: str = "043"
    visit_codes: Words = Field(default_factory=lambda: ["042", "043", "044"])
    travel_roots: Words = Field(default_factory=lambda: ["18", "19"])
    untargeted_roots: Words = Field(default_factory=lambda: ["01", "02", "03", "08", "14", "15"])
    excluded: list[Exclusion] = Field(default_factory=list)
    idioms: Words = Field(default_factory=list)  # phrases whose words trigger no event


class WindowCues(PackSection):
    """Cues that count when they stand at most `window` tokens before the event's first word."""

    mode: str | None = None
    window: int = 3
    recode: bool | None = None
    cues: Words = Field(default_factory=list)
    before_subject: Words = Field(default_factory=list)


class GivenCues(PackSection):
    """Acts told as given, not as news (kabar.events.framing): the subordinators that open a
    contrastive or concessive clause, the words of a repeated past and of a standing disposition,
    and the when-clauses that name an earlier period."""

    contrast: Words = Field(default_factory=list)  # "sementara": a contrastive clause
    concessive: Words = Field(default_factory=list)  # "meskipun": a concessive clause
    connectives: Words = Field(default_factory=list)  # "Sementara itu": a discourse link, no clause
    perfect: Words = Field(default_factory=list)  # "telah"
    counts: Words = Field(default_factory=list)  # "beberapa (pembicaraan)": a repeated act
    dispositions: Words = Field(default_factory=list)  # "(menyangkal) berambisi": a standing state
    recall: Words = Field(default_factory=list)  # "sempat": an act once done
    when: Words = Field(default_factory=list)  # "ketika", "saat masih ..."
    periods: Words = Field(default_factory=list)  # "masih menjabat": an earlier period of life
    recalled_states: Words = Field(default_factory=list)  # "(sempat ... ketika) sakit"
    earlier: Words = Field(default_factory=list)  # "sebelum (sakit yang sekarang ini)"
    now: Words = Field(default_factory=list)  # "yang sekarang"
    window: int = 12  # how far after the event's word a when-clause is looked for
    standing_far: int = 3  # sentences from the lead on which a perfect act may be background
    standing_window: int = 3  # tokens before the event's word a perfect marker may stand
    standing_roots: Words = Field(default_factory=list)  # CAMEO roots of standing acts
    anaphors: Words = Field(default_factory=list)  # "(serangan) itu": a pointer back to the story
    recaps: Words = Field(default_factory=list)  # "Sebelumnya, ...": a recap of recent news
    closers: Words = Field(default_factory=list)  # "(petani yang ditangkap) itu": a known participant
    dated_by: Words = Field(default_factory=list)  # "pada (2014)": a year dating the clause
    standing_states: Words = Field(default_factory=list)  # "(X, yang) didukung (Y,)": who X is
    past_rule: Words = Field(default_factory=list)  # "pemerintahan (Obama)": a former leader's rule
    case_roots: Words = Field(default_factory=list)  # CAMEO roots of a case's steps (arrests)
    cases: Words = Field(default_factory=list)  # "(dalam) kasus (ini)": the article's case
    case_reach: int = 6  # tokens from the case word to its pointer
    retold_reach: int = 2  # sentences after a background act in which its retelling is background
    again: Words = Field(default_factory=list)  # "kembali", "lagi": the act done once more


class MeansCues(PackSection):
    """A means clause ("dengan mengundang ..."): the cues before the verb it depends on, at most
    `reach` tokens before its word, count for it too; not after an attempt verb (`attempts`)."""

    words: Words = Field(default_factory=list)
    reach: int = 10
    attempts: Words = Field(default_factory=list)  # "berusaha (meredakan ... dengan menghubungi)"


class TemporalCues(PackSection):
    """A temporal clause after its verb ("akan hadir ... setelah menjenguk X"): the act in it takes
    a plan or advice of that verb, at most `reach` tokens before the clause word;
    after a `before` word also its negation ("tidak mau pulang sebelum bertemu X")."""

    after: Words = Field(default_factory=list)  # "setelah": the act comes before the verb's
    before: Words = Field(default_factory=list)  # "sebelum": the act comes after the verb's
    reach: int = 10


class ClaimCues(PackSection):
    """Claim verbs whose complement holds the event; `through`: clause words the scan crosses;
    `accusations`: verbs whose complement is another side's alleged act, which is not coded;
    `denials`: verbs whose complement is an act denied, which is negated."""

    window: int = 8
    cues: Words = Field(default_factory=list)
    accusations: Words = Field(default_factory=list)
    opinions: Words = Field(default_factory=list)  # "menilai": the act judged is a view
    denials: Words = Field(default_factory=list)
    through: Words = Field(default_factory=list)


class SentenceCues(PackSection):
    sentence: Words = Field(default_factory=list)
    frames: Words = Field(default_factory=list)  # "akan menjadi yang pertama kalinya": a prospect


class QuestionCues(PackSection):
    before: Words = Field(default_factory=list)


class BackgroundCues(WindowCues):
    patterns: Words = Field(default_factory=list)
    older_than_days: int = 30
    year_max_gap: int = 5
    continues: Words = Field(default_factory=list)  # "lalu": the story told before goes on
    continue_sentences: int = 3
    state_opens: Words = Field(default_factory=list)  # "selama": a lasting state as a condition
    state_marks: Words = Field(default_factory=list)  # "masih": the state goes on
    state_window: int = 8
    article_patterns: Words = Field(default_factory=list)  # an "on this day" article's opening
    article_chars: int = 600
    scene_openers: Words = Field(default_factory=list)  # "saat itu": a flashback's setting
    scene_reach: int = 4
    present: Words = Field(default_factory=list)  # "kini": a sentence back from the flashback to now
    instrument_years: Words = Field(default_factory=list)  # "melalui UU Nomor 7/2006" (group y)


class UrgedCues(PackSection):
    """Verbs that urge others to act ("mengajak ... untuk mengepung"): the act urged is intended.
    `purpose`: words after which a coordinated verb is still urged; `through`: words the scan
    crosses after one of them."""

    window: int = 14
    cues: Words = Field(default_factory=list)
    nouns: Words = Field(default_factory=list)  # appeal nouns: only with a purpose word after them
    purpose: Words = Field(default_factory=list)
    through: Words = Field(default_factory=list)
    wishes: Words = Field(default_factory=list)  # cues whose wished act may itself be an appeal


class HedgeCues(PackSection):
    window: int = 3
    penalty: float = 0.1
    cues: Words = Field(default_factory=list)


class ModalitySection(PackSection):
    """modality.yaml."""

    precedence: Words = Field(
        default_factory=lambda: ["question", "conditional", "negated", "intended", "background"]
    )
    negated: WindowCues = Field(default_factory=WindowCues)
    intended: WindowCues = Field(default_factory=WindowCues)
    purpose: WindowCues = Field(default_factory=WindowCues)
    deontic: WindowCues = Field(default_factory=WindowCues)
    possible: WindowCues = Field(default_factory=WindowCues)
    example: WindowCues = Field(default_factory=WindowCues)
    alternative: WindowCues = Field(default_factory=WindowCues)
    means: MeansCues = Field(default_factory=MeansCues)
    temporal: TemporalCues = Field(default_factory=TemporalCues)
    given: GivenCues = Field(default_factory=GivenCues)
    background: BackgroundCues = Field(default_factory=BackgroundCues)
    conditional: SentenceCues = Field(default_factory=SentenceCues)
    question: QuestionCues = Field(default_factory=QuestionCues)
    hedged: HedgeCues = Field(default_factory=HedgeCues)
    urged: UrgedCues = Field(default_factory=UrgedCues)
    claimed: ClaimCues = Field(default_factory=ClaimCues)


class LastNight(PackSection):
    phrases: Words = Field(default_factory=list)
    evening_hour: int = 18


class TimeUnit(PackSection):
    days: int | None = None
    months: int | None = None
    years: int | None = None
    lower_case_only: bool = False  # capitalised, the word is a name (the weekday `Minggu`)


class TimeSection(PackSection):
    """time.yaml (month and weekday names are in pack.yaml: `pack.info`)."""

    relative_days: dict[str, int] = Field(default_factory=dict)
    last_night: LastNight = Field(default_factory=LastNight)
    units: dict[str, TimeUnit] = Field(default_factory=dict)
    se_units: dict[str, str] = Field(default_factory=dict)
    past_markers: Words = Field(default_factory=list)
    future_markers: Words = Field(default_factory=list)
    present_markers: Words = Field(default_factory=list)
    numbers: dict[str, int] = Field(default_factory=dict)
    day_parts: Words = Field(default_factory=list)
    year_words: Words = Field(default_factory=list)
    date_words: Words = Field(default_factory=list)
    weekday_words: Words = Field(default_factory=list)  # may stand before a weekday ("hari Senin")
    month_words: Words = Field(default_factory=list)  # may stand before a month ("bulan Oktober")
    month_past_leads: Words = Field(default_factory=list)  # "pada Februari": the latest February
    month_since_leads: Words = Field(default_factory=list)  # "sejak Desember": the latest December
    since_records: Words = Field(default_factory=list)  # "tertinggi sejak Mei": a record, no state
    future_cues: Words = Field(default_factory=list)


class GenericActor(PackSection):
    phrase: str
    role: str
    flags: str = ""


class GenericActors(PackSection):
    """generic_actors.tsv: one row per common noun that names an actor."""

    rows: list[GenericActor] = Field(default_factory=list)


def events_section(pack: LanguagePack) -> EventsSection:
    return pack.section("events.yaml", EventsSection)


def modality_section(pack: LanguagePack) -> ModalitySection:
    return pack.section("modality.yaml", ModalitySection)


def time_section(pack: LanguagePack) -> TimeSection:
    return pack.section("time.yaml", TimeSection) if pack.has("time.yaml") else TimeSection()


def generic_actors(pack: LanguagePack) -> GenericActors:
    if not pack.has("generic_actors.tsv"):
        return GenericActors()
    rows = [{k: v for k, v in row.items() if v} for row in pack.tsv("generic_actors.tsv")]
    return validate_section({"rows": rows}, GenericActors, f"{pack.code}/generic_actors.tsv")
