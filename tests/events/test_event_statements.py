"""Statements that CAMEO codes as interactions (issue 11, helper stmt): approval of another
side's proposal (019), lobbying (020), and headlines that name both sides of a statement by the
short name the body writes after an office ("Presiden Jokowi" -> "Jokowi Minta ..."). Invented
sentences."""

from __future__ import annotations

import pytest
from eventdocs import PUBLISHED, run  # noqa: F401 - the shared fixtures

import kabar


def _factual(article) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.code, e.source.actor_code if e.source else None, e.target.actor_code if e.target else None)
        for e in article.events
        if e.factual
    ]


def test_approving_a_proposal_is_accord_with_its_author(run):
    body = "Menteri Budi Santoso menyetujui usulan Malaysia agar dibentuk tim bersama, Selasa (19/3/2024)."
    assert ("019", "IDNGOV", "MYS") in run(body)


def test_a_bill_approved_in_parliament_is_no_accord(run):
    body = "Menteri Budi Santoso menyetujui usulan Malaysia soal revisi UU perdagangan, Selasa (19/3/2024)."
    assert not [e for e in run(body) if e[0] == "019"]


def test_lobbying_a_side_is_an_appeal(run):
    body = "Menteri Budi Santoso melobi Malaysia agar membeli lebih banyak kopi, Selasa (19/3/2024)."
    assert ("020", "IDNGOV", "MYS") in run(body)


def test_headline_names_the_person_without_the_office_the_body_gives():
    body = (
        "Presiden Jokowi berbicara kepada wartawan di Istana Bogor, Jumat (15/3/2024). "
        "Ia berharap impor kopi oleh Malaysia naik tahun ini."
    )
    title = "Jokowi Minta Malaysia Beli Lebih Banyak Kopi"
    article = kabar.extract(body, lang="id", published=PUBLISHED, title=title)
    assert ("020", "IDNGOV", "MYS") in _factual(article)


def test_headline_word_between_two_sides_is_the_verb():
    body = (
        "Ketua Umum Partai Gerindra Prabowo berbicara kepada wartawan di Bogor, Kamis (14/3/2024). "
        "Menteri Keuangan Sri Mulyani belum menanggapi."
    )
    title = "Prabowo Kritik Sri Mulyani soal Anggaran"
    article = kabar.extract(body, lang="id", published=PUBLISHED, title=title)
    assert [e for e in _factual(article) if e[0] == "111" and e[2] == "IDNGOV"]


def test_headline_noun_before_a_thing_is_no_act_against_a_side_named_later():
    body = (
        "Ketua Umum Partai Gerindra Prabowo berbicara kepada wartawan di Bogor, Kamis (14/3/2024). "
        "Presiden Jokowi belum menanggapi."
    )
    title = "Prabowo Protes Gambar Wajah Jokowi di Sampul Majalah"
    article = kabar.extract(body, lang="id", published=PUBLISHED, title=title)
    assert not [e for e in _factual(article) if e[0].startswith("11")]


def test_agreeing_to_compete_for_an_office_is_no_cooperation(run):
    body = "Budi Santoso dan Ahmad Rahman sepakat bersaing secara terbuka dalam pemilihan ketua umum, Selasa (19/3/2024)."
    assert not [e for e in run(body) if e[0].startswith("03")]


def test_reminding_a_side_to_act_is_an_appeal(run):
    body = "Menteri Budi Santoso mengingatkan Malaysia agar tidak menutup perbatasan, Selasa (19/3/2024)."
    assert ("020", "IDNGOV", "MYS") in run(body)


def test_a_reminder_of_a_fact_or_of_no_side_is_no_appeal(run):
    body = (
        "Menteri Budi Santoso mengingatkan bahwa Malaysia adalah mitra dagang penting, Selasa (19/3/2024). "
        "Ia juga mengingatkan pentingnya persatuan agar bangsa tidak terpecah."
    )
    assert not [e for e in run(body) if e[0] == "020"]


def test_an_act_reminded_or_forced_on_a_side_is_not_done(run):
    body = (
        "Menteri Budi Santoso mengingatkan Malaysia agar segera menarik pasukannya dari Filipina, "
        "Selasa (19/3/2024). Massa memaksa Ahmad Rahman agar meminta maaf kepada Lim Wei."
    )
    events = run(body)
    assert not [e for e in events if e[0] in ("087", "055")]
    assert ("020", "IDNGOV", "MYS") in events


def _quoted(sentence: str):
    body = f'"{sentence}," kata Menteri Luar Negeri Retno Marsudi di Jakarta, Selasa (19/3/2024).'
    return _factual(kabar.extract(body, lang="id", published=PUBLISHED))


def test_a_pejorative_predicate_of_a_side_in_a_quote_criticises_it():
    events = _quoted("Saya kira jawaban-jawaban Malaysia itu seperti arogan sekali")
    assert [e for e in events if e[0] == "111" and e[2] == "MYS"]


def test_a_side_wronged_or_a_pejorative_denied_is_no_criticism_of_it():
    assert not [e for e in _quoted("Fitnah terhadap Malaysia itu sangat keji") if e[2] == "MYS"]
    assert not [e for e in _quoted("Menurut saya Malaysia tidak arogan") if e[2] == "MYS"]


def test_a_countrys_newspaper_is_no_side_told(run):
    body = "Menteri Budi Santoso mengatakan kepada koran Malaysia bahwa kerja sama itu penting, Selasa (19/3/2024)."
    assert not [e for e in run(body) if e[2] == "MYS"]


# The ceiling study's criticisms of a domestic body ('Kepala BNPB sebut kepala daerah cuek'), and a
# judgement denied ('menilai X tidak arogan') that is no criticism.
def test_calling_a_side_neglectful_criticises_it(run):
    body = "Menteri Budi Santoso menyebut Malaysia cuek terhadap kebakaran hutan, Selasa (19/3/2024)."
    assert ("111", "IDNGOV", "MYS") in run(body)
    body = "Menteri Budi Santoso menilai Malaysia tidak profesional dalam menangani kasus itu, Selasa (19/3/2024)."
    assert ("111", "IDNGOV", "MYS") in run(body)


def test_a_judgement_denied_is_no_criticism(run):
    for body in (
        "Menteri Budi Santoso menilai Malaysia tidak arogan dalam rapat itu, Selasa (19/3/2024).",
        "Menteri Budi Santoso menilai Malaysia tidak represif terhadap nelayan, Selasa (19/3/2024).",
    ):
        assert not [e for e in run(body) if e[0] == "111"]


def test_a_letter_that_asks_is_an_appeal(run):
    # "menyurati DPR meminta agar pengesahan RUU ditunda": the letter asks
    asking = run("Partai Maju menyurati Komisi Pemberantasan Korupsi meminta agar pemeriksaan ditunda, Senin (18/3/2024).")
    assert [code for code, _, _ in asking] == ["020"]
    telling = run("Partai Maju menyurati Komisi Pemberantasan Korupsi terkait pemeriksaan itu, Senin (18/3/2024).")
    assert [code for code, _, _ in telling] == ["010"]


def test_weighing_factors_is_no_policy_option_considered(run):
    assert not run("Partai Maju hanya mempertimbangkan faktor sosiologis dalam RUU itu, Senin (18/3/2024).")
    assert [c for c, _, _ in run("Malaysia mempertimbangkan sanksi terhadap Kamboja, Senin (18/3/2024).")] == ["014"]


def test_a_letter_of_request_is_an_appeal(run):
    # "KPK sendiri baru melayangkan surat permohonan tersebut ke DPR"
    asking = run("Partai Maju melayangkan surat permohonan kepada Komisi Pemberantasan Korupsi, Senin (18/3/2024).")
    assert [code for code, _, _ in asking] == ["020"]


def test_headline_bare_sebut_with_a_pejorative_is_a_criticism():
    body = (
        "Kepala Badan Nasional Penanggulangan Bencana (BNPB) Doni Monardo berbicara di Jakarta, "
        "Kamis (14/3/2024). Dewan Perwakilan Rakyat (DPR) belum menanggapi."
    )
    article = kabar.extract(body, lang="id", published=PUBLISHED, title="Doni Monardo Sebut DPR Lamban")
    assert [e for e in _factual(article) if e[0] == "111" and e[2] == "IDNLEG"]


def test_headline_bare_sebut_without_a_pejorative_is_no_event():
    body = (
        "Kepala Badan Nasional Penanggulangan Bencana (BNPB) Doni Monardo berbicara di Jakarta, "
        "Kamis (14/3/2024). Dewan Perwakilan Rakyat (DPR) belum menanggapi."
    )
    article = kabar.extract(body, lang="id", published=PUBLISHED, title="Doni Monardo Sebut DPR Siap Bekerja")
    assert not [e for e in _factual(article) if e[0].startswith("11")]


def test_headline_that_opens_a_possibility_reports_no_act():
    body = (
        "Presiden Amerika Serikat (AS) Donald Trump ditanya wartawan soal sanksi terhadap Iran. "
        "Trump mengatakan: kita akan lihat apa yang terjadi."
    )
    for title in ("Trump Buka Peluang Longgarkan Sanksi Iran", "Trump Buka Kemungkinkan Longgarkan Sanksi Iran"):
        article = kabar.extract(body, lang="id", published=PUBLISHED, title=title)
        assert not [e for e in _factual(article) if e[0].startswith("08")]


def test_headline_names_a_well_known_person_by_another_name_than_the_body():
    # the pack's actors list knows "Jokowi" for Joko Widodo; the body writes only the full name
    body = "Presiden Joko Widodo berbicara soal Israel kepada wartawan di Istana Bogor, Jumat (15/3/2024)."
    article = kabar.extract(body, lang="id", published=PUBLISHED, title="Jokowi Kecam Israel")
    assert ("111", "IDNGOV", "ISR") in _factual(article)


def test_a_capitalised_word_of_an_office_is_no_event_noun():
    body = (
        "Koordinator Bidang Komunikasi Golkar Ace Hasan angkat bicara mengenai pencekalan Ketua Fraksi "
        "Golkar di DPR, Selasa (10/9/2019)."
    )
    article = kabar.extract(body, lang="id", published=PUBLISHED)
    assert not [e for e in article.events if e.code.startswith("04")]


def test_a_letter_sent_with_berkirim_is_a_statement_or_an_appeal(run):
    telling = run("Partai Maju berkirim surat kepada Komisi Pemberantasan Korupsi, Senin (18/3/2024).")
    asking = run("Partai Maju berkirim surat ke Komisi Pemberantasan Korupsi meminta agar kasus itu ditunda.")
    assert [c for c, _, _ in telling] == ["010"] and [c for c, _, _ in asking] == ["020"]


@pytest.mark.parametrize(
    ("body", "event"),
    [
        # a verb of two words before a crowd: "mundur" is no noun the crowd would modify
        ("Polisi memukul mundur massa di depan Gedung KPK, Selasa (19/3/2024).", ("175", "IDNCOP", "IDNCVL")),
        # "pelaku" alone is a perpetrator; "pelaku usaha" are business people
        (
            "Sejumlah pelaku usaha meminta pemerintah agar menunda pencabutan subsidi listrik, Senin (18/3/2024).",
            ("020", "IDNBUS", "IDNGOV"),
        ),
    ],
)
def test_domestic_actors_of_national_news(body, event):
    assert event in _factual(kabar.extract(body, lang="id", published=PUBLISHED))


def test_an_act_hoped_for_with_a_petition_noun_in_its_subject_is_not_done():
    body = (
        "Jaksa KPK berharap permohonan peninjauan kembali terpidana kasus korupsi Setya Novanto ditolak "
        "oleh majelis hakim, Selasa (19/3/2024)."
    )
    article = kabar.extract(body, lang="id", published=PUBLISHED)
    assert [(e.code, e.mode) for e in article.events] == [("120", "intended")]


def test_a_prayed_for_meeting_is_no_meeting():
    # "mendoakan ... bertemu": a prayer that the late president meet his wife, no meeting
    body = '"Saya mendoakan almarhum bertemu dengan almarhumah Ibu Ainun," kata Budi Santoso, Selasa (19/3/2024).'
    article = kabar.extract(body, lang="id", published=PUBLISHED)
    assert not [e for e in article.events if e.code.startswith("04") and e.factual]
