"""Seed-14 hand check classes (issue #11), on invented sentences: a denied act is negated, not
done; an act named as an example of a role another side wants to end is no report; a warning that
another side's act endangers something is a criticism, not a threat."""

from __future__ import annotations

import pytest

import kabar

PUBLISHED = "2024-03-20T09:00:00+07:00"


@pytest.fixture(scope="module")
def events():
    def _run(body: str, title: str | None = None):
        return kabar.extract(body, lang="id", published=PUBLISHED, title=title).events

    return _run


def _factual(evs):
    return [(e.code[:2], e.source.country if e.source else None) for e in evs if e.factual]


@pytest.mark.parametrize(
    "body",
    [
        "Hamas membantah menembakkan roket ke Israel pada Senin malam.",
        "Pemerintah Iran menampik menyerang kilang minyak Arab Saudi.",
        "Militer Rusia menyangkal bahwa pasukannya menyerang rumah sakit di Kharkiv.",
    ],
)
def test_a_denied_act_is_not_done(events, body):
    assert not any(code in ("19", "18") for code, _ in _factual(events(body)))


def test_a_denied_act_in_a_title_is_not_done(events):
    evs = events("Pejabat itu berbicara kepada wartawan pada Senin.", title="Iran Bantah Serang Kapal Tanker Inggris")
    assert not any(code == "19" for code, _ in _factual(evs))


def test_the_denial_itself_stays(events):
    evs = events("Hamas membantah menembakkan roket ke Israel pada Senin malam.")
    assert ("01", "PSE") in _factual(evs)


def test_dismissing_an_attempt_to_blame_is_a_denial(events):
    evs = events("Menteri Luar Negeri Iran menampik upaya Amerika Serikat untuk menyalahkan serangan itu kepada Teheran.")
    assert [e.code for e in evs if e.factual][:1] == ["016"]


def test_an_act_named_as_an_example_of_a_role_is_no_report(events):
    evs = events("Washington ingin mengakhiri peran Iran di kawasan seperti mendukung milisi Houthi di Yaman.")
    assert not any(e.code[:2] == "05" for e in evs if e.factual)


def test_a_plain_act_of_support_stays(events):
    evs = events("Iran mendukung milisi Houthi di Yaman.")
    assert any(e.factual for e in evs)


def test_a_warning_that_another_side_endangers_is_a_criticism(events):
    evs = events("Rusia memperingatkan bahwa Amerika Serikat membahayakan keamanan global dengan menarik diri dari perjanjian itu.")
    assert [(e.code, e.source.country, e.target.country) for e in evs if e.factual] == [("111", "RUS", "USA")]


@pytest.mark.parametrize(
    "body",
    [
        "Iran memperingatkan bahwa Amerika Serikat akan menghadapi konsekuensi berat.",
        "Presiden AS memperingatkan Iran bahwa senjata AS siap digunakan.",
    ],
)
def test_a_warning_of_what_will_come_stays_a_threat(events, body):
    assert any(e.code[:2] == "13" for e in events(body))


def test_a_violation_told_in_another_sides_quote_is_its_accusation(events):
    body = ('Kementerian Luar Negeri China mengeluarkan pernyataan pada Rabu. "Tindakan pihak Belanda secara serius melanggar kedaulatan China," kata juru bicara '
            "Kementerian Luar Negeri China, Wang Wei.")
    evs = [e for e in events(body) if e.factual]
    assert [(e.code, e.source.country, e.target.country) for e in evs] == [("112", "CHN", "NLD")]


def test_a_violation_the_reporter_tells_stays_the_act(events):
    evs = events("Kapal perang Belanda melanggar wilayah perairan Indonesia pada Senin.")
    assert [e.code[:2] for e in evs if e.factual] == ["12"]


def test_a_denial_does_not_reach_a_second_act_after_a_coordinator(events):
    evs = events("Iran telah membantah keterlibatan dan memperingatkan Amerika Serikat bahwa serangan apa pun akan mengarah pada perang.")
    assert any(e.code[:2] == "13" and e.factual for e in evs)


def test_a_building_is_no_actor(events):
    evs = events("Pejabat itu berbicara pada Senin.", title="Operasional Bandara Wamena Dihentikan Akibat Rusuh Demonstran Papua")
    assert not any(e.source and e.source.name.startswith("Bandara") for e in evs)


def test_a_place_ending_an_unknown_bodys_name_is_no_actor(events):
    evs = events("Tak sampai di situ, AJI Yogyakarta juga mengecam penangkapan yang dilakukan polisi terhadap aktivis.")
    assert not any(e.source and e.source.name == "Yogyakarta" for e in evs)


def test_a_relative_of_a_person_is_not_that_person(events):
    evs = events("Pengamat itu mengimbau kepada putra pertama Jokowi itu agar tak menjadi politikus karbitan.")
    assert not any(e.target and e.target.name in ("Jokowi", "Joko Widodo") for e in evs)


def test_a_titled_place_and_a_person_stay_actors(events):
    evs = events("PM Inggris Boris Johnson mengecam serangan Iran terhadap Arab Saudi.")
    assert [(e.source.actor_code, e.target.country) for e in evs if e.factual] == [("GBRGOV", "IRN")]


def test_a_mention_opening_with_a_kin_noun_is_the_relative(events):
    evs = events("Suami Kahiyang Ayu mengunjungi Malaysia pada Senin.")
    assert not any(e.source and e.source.name == "Kahiyang Ayu" for e in evs)


def test_a_relative_in_apposition_is_the_actor(events):
    evs = events("Istri Presiden Joko Widodo, Iriana, mengunjungi Malaysia pada Senin.")
    assert [e.source.name for e in evs if e.factual] == ["Iriana"]


def test_a_violation_in_a_statement_told_after_the_quote_is_its_accusation(events):
    body = ('Kapal fregat Belanda meluncurkan helikopter di perairan itu. "Tindakan pihak Belanda secara serius '
            'melanggar kedaulatan teritorial China," demikian bunyi pernyataan militer China pada Rabu.')
    evs = [e for e in events(body) if e.factual]
    assert [(e.code, e.source.actor_code, e.target.country) for e in evs] == [("112", "CHNMIL", "NLD")]


def test_a_country_after_reduplicated_place_nouns_is_no_subject(events):
    evs = events("Ribuan mahasiswa di kota-kota Indonesia melakukan aksi turun ke jalan untuk menolak revisi UU.")
    assert [e.source.name for e in evs if e.factual] == ["Ribuan mahasiswa"]


def test_an_attack_told_by_another_side_and_denied_is_an_allegation(events):
    body = ("Menlu AS Mike Pompeo mengatakan bahwa Iran menyerang kilang minyak Arab Saudi. "
            "Iran membantah terlibat dalam serangan itu.")
    assert not any(e.code[:2] == "19" and e.factual for e in events(body))


def test_an_attack_told_by_another_side_and_not_denied_stays(events):
    body = "Menlu AS Mike Pompeo mengatakan bahwa Iran menyerang kilang minyak Arab Saudi."
    assert any(e.code[:2] == "19" and e.factual for e in events(body))


def test_an_act_asked_for_in_an_appeal_noun_is_not_done(events):
    evs = events("Bujukan Netanyahu ke Putin agar mengizinkan Israel menggempur Suriah tak pernah diungkap oleh Kremlin.")
    assert not any(e.code[:2] == "19" and e.factual for e in evs)


def test_an_inclination_is_no_act(events):
    evs = events("Trump mengatakan bahwa dia cenderung mengunjungi Korea Utara.")
    assert not any(e.code[:2] == "04" and e.factual for e in evs)


def test_a_state_since_then_is_background(events):
    evs = events("Arab Saudi memimpin koalisi untuk membantu Presiden Hadi dan sejak itu berperang dengan Houthi.")
    assert not any(e.code[:2] == "19" and e.factual for e in evs)


def test_a_place_after_an_organisation_and_a_comma_is_where_it_sits(events):
    evs = events("Fakultas Hukum Universitas Diponegoro, Semarang, Jawa Tengah, menolak rencana merevisi undang-undang itu.")
    assert not any(e.source and e.source.name in ("Semarang", "Jawa Tengah") for e in evs)


def test_a_list_after_an_international_body_stays(events):
    evs = events("PBB, Amerika Serikat, dan Inggris mengecam serangan Rusia terhadap Ukraina.")
    assert {e.source.actor_code for e in evs if e.factual} == {"IGOUNO", "USA", "GBR"}


def test_an_act_wished_for_is_not_done(events):
    evs = events("Dia berharap untuk melihat Pangeran MBS mengunjungi Yerusalem sesegera mungkin.")
    assert not any(e.code[:2] == "04" and e.factual for e in evs)


def test_a_headline_plan_of_another_actor_is_not_done(events):
    body = "Arab Saudi mengutuk rencana Netanyahu mencaplok wilayah Tepi Barat. Saudi meminta OKI bersidang."
    evs = events(body, title="Saudi Kutuk Rencana Netanyahu Caplok Tepi Barat, Serukan Pertemuan OKI")
    assert not any(e.code[:2] == "19" and e.factual for e in evs)


def test_an_act_on_an_appeal_noun_without_purpose_stays_done(events):
    evs = events("Namun tampaknya permintaan Jokowi ini diabaikan oleh anggota dewan.")
    assert any(e.code[:2] == "12" and e.factual for e in evs)


def test_an_act_urged_on_coordinated_addressees_is_not_done(events):
    evs = events("Forum mahasiswa itu mengajak semua elemen masyarakat dan mahasiswa turut turun ke jalan.")
    assert not any(e.code[:2] == "14" and e.factual for e in evs)


def test_a_crown_prince_is_the_person_named(events):
    evs = events("Putra Mahkota Mohammed bin Salman telah memberitahu Trump bahwa Arab Saudi siap membalas.")
    assert any(e.source and e.source.name == "Mohammed bin Salman" for e in evs if e.factual)


def test_a_body_without_code_before_its_parent_with_a_bracketed_short_name_is_one_actor(events):
    evs = events("Kementerian Luar Negeri Palestina mendesak Dewan Keamanan (DK) PBB untuk menjatuhkan sanksi kepada Israel.")
    assert [(e.code, e.target.actor_code if e.target else None) for e in evs if e.factual] == [("020", "IGOUNO")]


@pytest.mark.parametrize(
    "body",
    [
        "Direktur lembaga itu mengusulkan agar pemerintah menetapkan status darurat karhutla.",
        '"Pimpinan KPK harusnya berkoordinasi dengan DPR," kata anggota dewan itu.',
        "Para ahli PBB diharapkan datang ke Arab Saudi pekan depan.",
        "RJ Lino sudah 4 tahun ditetapkan sebagai tersangka oleh KPK.",
    ],
)
def test_proposed_expected_owed_and_lasting_acts_are_not_reported(events, body):
    assert not any(e.factual and e.code[:2] in ("17", "04", "03") for e in events(body))


def test_a_headline_verb_after_a_comma_takes_the_headline_subject(events):
    body = "Arab Saudi mengutuk rencana Netanyahu mencaplok wilayah Tepi Barat. Saudi meminta OKI bersidang."
    evs = events(body, title="Saudi Kutuk Rencana Netanyahu Caplok Tepi Barat, Serukan Pertemuan OKI")
    assert not any(e.source and e.source.name == "West Bank" for e in evs)


def test_a_future_marker_before_a_passive_reaches_over_its_patient(events):
    """'akan banyak orang ditetapkan': the people named between the cue and the passive verb are
    what the act befalls, in the same clause; the act is planned, not done."""
    evs = events("Menurut Kapolda, akan banyak orang ditetapkan sebagai tersangka oleh polisi dalam kasus itu.")
    assert evs and not any(e.factual for e in evs)
    done = events("Polisi menetapkan banyak orang sebagai tersangka dalam kasus kerusuhan itu pada Senin.")
    assert any(e.factual and e.code == "173" for e in done)
