"""Targets from the hand check of issue 11, on invented sentences: a minister named by the usual
abbreviation alone; the person after an office's body and its abbreviation or an ordinal; "our"
students are the home country's; a speaker's anecdote is background."""

from __future__ import annotations

from eventdocs import make_doc, segmenter, stage  # noqa: F401 - the shared fixtures

PUBLISHED = "2024-03-20T09:00:00+07:00"



def _events(stage, segmenter, body: str):
    doc = make_doc(segmenter, body, PUBLISHED)
    stage(doc)
    return doc.article.events


def _targets(events) -> list[tuple[str, str | None, str]]:
    return [(e.target.name, e.target.actor_code, e.mode) for e in events if e.target]


def test_a_minister_by_abbreviation_is_a_target(stage, segmenter):
    body = "Di Jakarta, para anggota Komisi Keamanan menuntut Menlu memperkuat diplomasi."
    assert ("Menlu", "IDNGOV", "reported") in _targets(_events(stage, segmenter, body))


def test_a_named_minister_after_the_abbreviation_stays_the_person(stage, segmenter):
    body = "Budi Santoso bertemu Menlu Malaysia Ahmad Rahman di Jakarta."
    assert [t[1] for t in _targets(_events(stage, segmenter, body))] == ["MYSGOV"]


def test_the_person_after_a_body_and_its_abbreviation_is_the_target(stage, segmenter):
    body = "Budi Santoso mengundang anggota Komisi Keamanan (Komisi Keamanan) Kenji Tanaka ke Jakarta."
    assert _targets(_events(stage, segmenter, body))[0][0] == "Kenji Tanaka"


def test_the_person_after_an_ordinal_office_is_the_target(stage, segmenter):
    body = "Ahmad Rahman mengunjungi Presiden Jepang ke-3 Kenji Tanaka di Jakarta."
    assert _targets(_events(stage, segmenter, body))[0][0] == "Kenji Tanaka"


def test_our_students_abroad_are_the_home_countrys(stage, segmenter):
    body = "Budi Santoso bertemu dengan 12 mahasiswa kita di Jepang, Senin (18/3/2024)."
    assert [t[1] for t in _targets(_events(stage, segmenter, body))] == ["IDNEDU"]


def test_a_speakers_anecdote_is_background(stage, segmenter):
    body = "Waktu kami ke Jepang, Budi Santoso bertemu Kenji Tanaka."
    assert [e.mode for e in _events(stage, segmenter, body)] == ["background"]


def _codes(stage, segmenter, body: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.code, e.source.actor_code if e.source else None, e.target.actor_code if e.target else None)
        for e in _events(stage, segmenter, body)
        if e.factual
    ]


def test_a_protest_at_a_countrys_embassy_is_addressed_to_it(stage, segmenter):
    # the embassy is named in a later clause of the sentence, after "setelah"
    body = (
        "Ribuan warga Filipina berunjuk rasa di Manila setelah berkumpul di depan gedung Kedutaan "
        "Besar China."
    )
    assert _codes(stage, segmenter, body) == [("141", "PHLCVL", "CHNGOV")]


def test_an_embassy_acting_in_the_sentence_is_no_protest_target(stage, segmenter):
    # near miss: the embassy is the subject of another clause, in no locative phrase
    body = (
        "Ribuan warga Filipina berunjuk rasa di Manila setelah Kedutaan Besar China menolak "
        "permintaan mereka."
    )
    assert ("141", "PHLCVL", None) in _codes(stage, segmenter, body)


def test_a_protest_at_a_body_that_is_no_mission_keeps_no_target(stage, segmenter):
    body = (
        "Ribuan warga Filipina berunjuk rasa di Manila setelah berkumpul di depan gedung Komisi "
        "Keamanan."
    )
    assert _codes(stage, segmenter, body) == [("141", "PHLCVL", None)]


def test_people_inside_an_unnamed_body_are_not_the_public(stage, segmenter):
    # "elemen masyarakat yang ada di dalam lembaga ...": the body's own people, not the public
    body = (
        "Budi Santoso menyampaikan permohonan maafnya kepada seluruh elemen masyarakat yang ada di "
        "dalam lembaga antirasuah."
    )
    assert _codes(stage, segmenter, body) == [("055", "IDNGOV", None)]


def test_people_inside_a_named_body_are_its_own(stage, segmenter):
    body = "Budi Santoso menyampaikan permohonan maafnya kepada seluruh pegawai yang bekerja di KPK."
    assert _codes(stage, segmenter, body) == [("055", "IDNGOV", "IDNGOV")]


def test_people_in_a_place_stay_civilians(stage, segmenter):
    # near miss: the relative clause places them in a city, not inside a body
    body = "Budi Santoso menyampaikan permohonan maafnya kepada seluruh masyarakat yang berada di Jakarta."
    assert _codes(stage, segmenter, body) == [("055", "IDNGOV", "IDNCVL")]


def _pipeline_codes(body: str) -> list[tuple[str, str | None, str | None]]:
    import kabar

    return [
        (e.code, e.source.actor_code if e.source else None, e.target.actor_code if e.target else None)
        for e in kabar.extract(body, lang="id", published=PUBLISHED).events
        if e.factual
    ]


def test_a_national_sports_committee_is_no_government_office():
    # KONI is set up by the sports federations: the country alone, and still a target of an
    # Indonesian body (a body coded by its country alone is no state)
    body = (
        "Komisi Pemberantasan Korupsi (KPK) memeriksa lima pejabat Komite Olahraga Nasional "
        "Indonesia (KONI)."
    )
    assert _pipeline_codes(body) == [("090", "IDNGOV", "IDN")]


def test_the_sports_ministry_stays_a_government_office():
    body = (
        "Komisi Pemberantasan Korupsi (KPK) memeriksa lima pejabat Kementerian Pemuda dan "
        "Olahraga (Kemenpora)."
    )
    assert _pipeline_codes(body) == [("090", "IDNGOV", "IDNGOV")]


def test_the_sources_own_country_is_still_no_target():
    assert _pipeline_codes("Komisi Pemberantasan Korupsi (KPK) mengkritik Indonesia pada Jumat.") == []


def test_customers_and_believers_addressed_are_targets(stage, segmenter):
    # "kepada para pelanggan", "pada umat": the sides an apology or a call is addressed to
    apology = "Budi Santoso menyampaikan permohonan maafnya kepada para pelanggan, terutama pengguna baru."
    assert _codes(stage, segmenter, apology) == [("055", "IDNGOV", "IDNCVL")]
    call = "Budi Santoso menyerukan pada umat bahwa rencana itu harus ditolak."
    assert _codes(stage, segmenter, call) == [("020", "IDNGOV", "IDNCVL")]


def test_customers_as_a_modifier_or_a_day_after_pada_are_no_target(stage, segmenter):
    leak = "Budi Santoso menyampaikan permohonan maafnya atas kebocoran data pelanggan."
    assert _codes(stage, segmenter, leak) == [("055", "IDNGOV", None)]
    day = "Budi Santoso menyerukan pada Senin agar rencana itu ditolak."
    assert _codes(stage, segmenter, day) == [("020", "IDNGOV", None)]


def test_the_unitary_state_by_its_full_name_is_the_country():
    # "Negara Kesatuan Republik Indonesia" is Indonesia, no organisation cut from its name
    body = "Pemerintah Malaysia masih mendukung kedaulatan Negara Kesatuan Republik Indonesia (NKRI)."
    assert _pipeline_codes(body) == [("051", "MYSGOV", "IDN")]


def test_the_author_of_a_denied_accusation_is_the_target(stage, segmenter):
    body = "Malaysia membantah tuduhan dari Singapura dan Vietnam soal kapal itu."
    found = {(e.code, e.target.name) for e in _events(stage, segmenter, body) if e.target}
    assert ("016", "Singapore") in found and ("016", "Vietnam") in found


def test_a_place_after_a_rejected_claim_is_no_author(stage, segmenter):
    body = "Malaysia menolak klaim dari para nelayan di perbatasan Singapura."
    assert all(e.target is None or e.target.name != "Singapore" for e in _events(stage, segmenter, body))


def _pairs(stage, segmenter, body: str) -> list[tuple[str, str, str | None]]:
    return [(e.code, e.source.name, e.target.name if e.target else None) for e in _events(stage, segmenter, body)]


def test_the_author_of_a_denied_statement_of_the_same_country_is_the_target(stage, segmenter):
    # seed 18 #36: "Agus membantah pernyataan Alex", both of the same body
    body = "Budi Santoso membantah pernyataan Bambang Wijaya soal anggaran itu."
    assert ("016", "Budi Santoso", "Bambang Wijaya") in _pairs(stage, segmenter, body)
    body = "Budi Santoso menepis tuduhan Bambang Wijaya soal anggaran itu."
    assert ("016", "Budi Santoso", "Bambang Wijaya") in _pairs(stage, segmenter, body)


def test_a_member_of_a_party_told_with_a_demonstrative_is_the_person_before(stage, segmenter):
    # seed 19 #45: "menyindir balik politikus PKS itu" is the politician who asked, not the party
    body = "Bambang Wijaya bertanya soal anggaran. Budi Santoso malah menyindir balik politikus Partai Maju itu."
    found = _pairs(stage, segmenter, body)
    assert ("111", "Budi Santoso", "Bambang Wijaya") in found
    assert all(t != "Partai Maju" for _, _, t in found)


def test_a_member_of_a_party_with_no_person_before_is_no_target(stage, segmenter):
    body = "Budi Santoso mengkritik kader Partai Maju tersebut."
    assert all(t != "Partai Maju" for _, _, t in _pairs(stage, segmenter, body))


def test_a_classifier_keeps_the_words_that_say_who(stage, segmenter):
    # seed 19 #31: "10 orang Capim KPK" was cut to "10 orang"
    body = "Komisi Keamanan bertemu dengan 10 orang Capim KPK di Jakarta."
    assert ("040", "Komisi Keamanan", "10 orang Capim KPK") in _pairs(stage, segmenter, body)
    body = "Polda Jawa Timur menetapkan empat orang sebagai tersangka dalam kasus itu."
    assert [t for _, _, t in _pairs(stage, segmenter, body)] == ["empat orang"]




def test_a_merged_events_evidence_names_its_finer_side():
    import kabar

    # seed-41 dev #15: two tellings of one appeal, to a country and to its parliament; the event
    # keeps the parliament, and its evidence is the telling that names it
    body = (
        "Ribuan pengunjuk rasa Hong Kong menyerukan agar Amerika Serikat membantu mereka, Selasa (19/3/2024). "
        "Para pengunjuk rasa itu juga mendesak Kongres Amerika Serikat meloloskan undang-undang tentang Hong Kong."
    )
    article = kabar.extract(body, published=PUBLISHED)
    appeals = [e for e in article.events if e.code.startswith("02") and e.target]
    assert [(e.target.actor_code, e.evidence.text.split()[0]) for e in appeals] == [("USALEG", "Para")]


def test_the_subject_of_a_denied_claim_is_not_its_accuser(stage, segmenter):
    # seed 31 #35: "membantah tudingan polisi dimanfaatkan ...": the police are defended, not accusing
    body = "Budi Santoso membantah tudingan polisi dimanfaatkan oleh segelintir elite politik."
    assert ("016", "Budi Santoso", None) in _pairs(stage, segmenter, body)
    body = "Budi Santoso membantah tudingan Bambang Wijaya dimanfaatkan oleh segelintir elite politik."
    assert ("016", "Budi Santoso", None) in _pairs(stage, segmenter, body)


def test_someone_unnamed_is_no_side(stage, segmenter):
    # seed 31 #43: "menetapkan seseorang menjadi tersangka", a rule told in general
    body = "Polda Jawa Timur menetapkan seseorang sebagai tersangka dalam kasus itu."
    assert _pairs(stage, segmenter, body) == []


def test_sides_urged_together_to_act_are_all_targets(stage, segmenter):
    # seed 31 #20: "mendesak Paris dan Moskow untuk ...": the own side aside, the other is urged
    body = "Budi Santoso mendesak Malaysia dan Singapura untuk bekerja sama menangani kabut asap."
    found = _pairs(stage, segmenter, body)
    assert ("020", "Budi Santoso", "Malaysia") in found and ("020", "Budi Santoso", "Singapore") in found


def test_a_side_that_goes_on_to_act_is_no_target_of_the_first_verb(stage, segmenter):
    body = "Budi Santoso mengecam Malaysia dan Singapura akan menutup perbatasan."
    assert all(t != "Singapore" for c, _, t in _pairs(stage, segmenter, body) if c.startswith("11"))
