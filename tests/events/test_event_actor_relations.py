"""Actors from the hand checks of issue 11 (seeds 27-30), on invented sentences: a pronoun does not
point back to a person named inside a complement clause."""

from __future__ import annotations

import kabar

PUBLISHED = "2024-03-20T09:00:00+07:00"


def _sides(body: str) -> list[tuple[str, str | None, str | None]]:
    article = kabar.extract(body, published=PUBLISHED)
    return [
        (e.code, e.source.name if e.source else None, e.target.name if e.target else None)
        for e in article.events
        if e.factual
    ]


def test_a_pronoun_skips_a_person_named_in_a_complement_clause():
    body = (
        "Ketua Umum partai itu bersaksi bahwa mantan Gubernur Jawa Timur Sutrisno Wijaya merupakan sosok "
        "yang baik selama hidupnya. Ia pun mengajak seluruh masyarakat untuk mendoakan almarhum."
    )
    assert all(src != "Sutrisno Wijaya" for _, src, _ in _sides(body))


def test_a_pronoun_skips_the_subject_of_a_that_clause():
    body = (
        "Menteri itu menegaskan bahwa Gubernur Jawa Timur Sutrisno Wijaya tidak bersalah. "
        "Dia juga meminta warga tetap tenang."
    )
    assert _sides(body) == []


def test_a_pronoun_still_points_back_to_the_object_of_an_act():
    body = (
        "KPK menetapkan Bupati Lamongan Hadi Santoso sebagai tersangka kasus suap. "
        "Dia juga mengkritik Kejaksaan Agung."
    )
    assert any(code == "111" and "Hadi Santoso" in (src or "") for code, src, _ in _sides(body))


def test_a_kin_title_before_an_office_ties_the_name_to_the_person_after_the_comma():
    body = (
        "Putra Presiden kedua RI Hartono Wibisono, Dimas Prakoso, membantah kabar yang menyebutkan "
        "bahwa ayahnya dalam kondisi kritis."
    )
    assert _sides(body) == [("016", "Dimas Prakoso", None)]


def test_a_kin_title_before_an_office_without_a_name_after_gives_no_actor():
    body = "Istri Gubernur Jawa Tengah Hartono Wibisono membantah kabar itu."
    assert all(src != "Hartono Wibisono" for _, src, _ in _sides(body))


def test_an_agent_title_before_an_office_gives_the_name_after_the_comma():
    body = "Kuasa hukum mantan Ketua DPR Hartono Wibisono, Dedi Kurniawan, membantah tuduhan jaksa."
    assert [src for _, src, _ in _sides(body)] == ["Dedi Kurniawan"]


def test_an_agent_title_without_an_office_keeps_the_person():
    body = "Juru bicara Kementerian Luar Negeri China Li Wenhao mengecam Amerika Serikat."
    assert [src for _, src, _ in _sides(body)] == ["Li Wenhao"]


def test_a_crown_prince_is_his_own_title():
    body = "Putra Mahkota Arab Saudi Faisal bin Nayef mengecam serangan terhadap kilang minyak itu."
    assert all(src != "Arab Saudi" for _, src, _ in _sides(body))


def test_a_member_named_after_his_body_and_faction_is_the_actor():
    body = "Anggota Komisi III DPR dari Fraksi Partai Demokrat, Rudi Hartanto mengkritik Kejaksaan Agung."
    article = kabar.extract(body, published=PUBLISHED)
    assert [(e.source.name, e.source.actor_code) for e in article.events if e.source] == [
        ("Rudi Hartanto", "IDNLEG")
    ]


def test_a_member_of_a_regional_council_takes_its_role_not_his_party():
    body = "Anggota DPRD Jawa Barat dari PKS, Rudi Hartanto mendesak Gubernur Jawa Barat mencabut aturan itu."
    article = kabar.extract(body, published=PUBLISHED)
    assert [(e.source.name, e.source.actor_code) for e in article.events if e.source] == [
        ("Rudi Hartanto", "IDNLEG")
    ]


def _sources_of(body: str, code: str) -> list[str | None]:
    return [src for c, src, _ in _sides(body) if c == code]


def test_a_judge_named_before_is_no_unnamed_indicter():
    body = (
        "Sidang perkara suap itu digelar di Pengadilan Tipikor Jakarta, Senin. Ketua Majelis Hakim "
        "Bambang Sulistyo akan mempertimbangkan permintaan terdakwa. Terdakwa Andi Saputra didakwa "
        "menerima suap sebesar Rp 500 juta dari seorang pengusaha."
    )
    assert "Bambang Sulistyo" not in _sources_of(body, "173")


def test_a_judge_before_the_name_alone_is_no_unnamed_indicter():
    body = (
        "Sidang digelar di Pengadilan Tipikor Jakarta, Senin. Hakim Bambang Sulistyo menunda sidang. "
        "Andi Saputra didakwa menerima suap sebesar Rp 500 juta dari seorang pengusaha."
    )
    assert "Bambang Sulistyo" not in _sources_of(body, "173")


def test_a_prosecutor_named_before_is_the_unnamed_indicter():
    body = (
        "Jaksa Penuntut Umum Dedi Kurniawan membacakan surat dakwaan di Pengadilan Negeri Bandung. "
        "Terdakwa Andi Saputra didakwa menerima suap sebesar Rp 500 juta dari seorang pengusaha."
    )
    assert _sources_of(body, "173") == ["Dedi Kurniawan"]


def test_the_one_bribed_after_the_charge_is_no_indicter():
    body = (
        "Pengusaha Andi Saputra didakwa menyuap Kepala Seksi Pidana Khusus Kejaksaan Negeri Bandung, "
        "Rudi Hartanto, sebesar Rp 200 juta."
    )
    assert "Rudi Hartanto" not in _sources_of(body, "173")


def test_a_court_still_passes_sentence_as_the_unnamed_agent():
    body = (
        "Pengadilan Negeri Bandung menggelar sidang putusan perkara suap itu pada Senin. "
        "Andi Saputra divonis lima tahun penjara."
    )
    assert _sources_of(body, "116") == ["Pengadilan Negeri Bandung"]


def _named(side: object) -> tuple[str, str | None] | None:
    return (side.name, side.actor_code) if side is not None else None  # type: ignore[attr-defined]


def _actors(body: str) -> list[tuple[str, str | None, str | None]]:
    article = kabar.extract(body, published=PUBLISHED)
    return [
        (e.code, e.source.name if e.source else None, _named(e.target))
        for e in article.events
    ]


def test_an_envoy_of_a_named_president_is_the_guest_not_the_president():
    body = "Presiden Joko Widodo menerima utusan Presiden Korea Selatan Park Min-ho di Istana Bogor, Senin."
    targets = [tgt for _, _, tgt in _actors(body)]
    assert targets and all(tgt is not None and tgt[0] != "Park Min-ho" for tgt in targets)
    assert all(tgt is not None and tgt[1] == "KORGOV" for tgt in targets)


def test_an_envoy_of_a_named_president_is_the_visitor():
    body = "Utusan khusus Presiden Rusia Vladimir Petrov tiba di Jakarta pada Senin untuk membahas kerja sama"
    assert all(src != "Vladimir Petrov" for _, src, _ in _actors(body))


def test_an_envoy_of_a_body_keeps_his_name():
    body = "Utusan Khusus PBB Martin Hughes bertemu pemimpin Houthi di Sanaa, Senin."
    assert [src for _, src, _ in _actors(body)] == ["Martin Hughes"]


def test_an_envoy_named_after_the_comma_is_the_guest():
    body = (
        "Presiden Joko Widodo menerima utusan khusus Presiden Korea Selatan Park Min-ho, Kim Dae-sung, "
        "di Istana Bogor."
    )
    assert [tgt[0] for _, _, tgt in _actors(body) if tgt] == ["Kim Dae-sung"]


def test_the_leader_named_after_his_group_is_no_actor():
    body = "Kelompok bersenjata pimpinan Abu Rahman menembak dua warga di Aceh Timur, Senin (18/3/2024)."
    assert all(src != "Abu Rahman" for _, src, _ in _sides(body))


def test_a_leader_as_the_object_of_a_verb_stays_the_target():
    body = "Presiden Joko Widodo meminta pimpinan Budi Santoso mundur dari jabatannya."
    assert any(tgt == "Budi Santoso" for _, _, tgt in _sides(body))


def test_a_former_minister_unnamed_is_of_the_elites():
    body = (
        "Komisi Pemberantasan Korupsi (KPK) menahan Mantan Menteri Pemuda dan Olahraga, Senin (18/3/2024), "
        "untuk 20 hari ke depan."
    )
    article = kabar.extract(body, published=PUBLISHED)
    assert [e.target.actor_code for e in article.events if e.target] == ["IDNELI"]


def test_a_list_of_examples_leaves_the_noun_it_exemplifies_the_subject():
    body = (
        "Mahasiswa dari berbagai kampus seperti mahasiswa Universitas Sriwijaya, Universitas Andalas, "
        "Universitas Jambi berunjuk rasa di depan Gedung DPRD Sumatera Selatan, Senin (18/3/2024)."
    )
    sources = [src for code, src, _ in _sides(body) if code.startswith("14")]
    assert sources and all(src is not None and not src.startswith("Universitas") for src in sources)


def test_a_warning_without_that_takes_the_side_its_complement_names():
    body = (
        "Menteri Luar Negeri AS Mike Pompeo menuduh Iran menyerang kilang minyak Saudi. Garda Revolusi Iran "
        "memperingatkan telah siap berperang dan aset militer AS berada dalam jangkauan rudal-rudal Iran."
    )
    article = kabar.extract(body, published=PUBLISHED)
    threats = [e for e in article.events if e.code.startswith("13") and e.target]
    assert threats and all(e.target.actor_code == "USAMIL" for e in threats)


def test_an_office_name_joined_by_and_leads_to_its_holder():
    body = (
        "Presiden Joko Widodo mengundang Menteri Hukum dan Hak Asasi Manusia Bambang Sulistyo "
        "ke Istana Negara, Senin (18/3/2024)."
    )
    assert any("Bambang Sulistyo" in (tgt or "") for _, _, tgt in _sides(body))


def test_an_aide_of_a_named_minister_is_the_one_held_not_the_minister():
    body = (
        "Menteri Perhubungan (Menhub) Rudi Hartawan menghadiri rapat di Jakarta, Senin. "
        "Penyidik KPK menahan asisten pribadi Menhub Rudi Hartawan pada Selasa (19/3/2024)."
    )
    held = [tgt for code, _, tgt in _actors(body) if code.startswith("17")]
    assert held and all(tgt is not None and tgt[0] != "Rudi Hartawan" and tgt[1] == "IDNGOV" for tgt in held)


def test_a_staffer_whose_title_holds_the_aide_noun_keeps_his_name():
    body = "Staf Khusus Presiden Adita Wulandari mengkritik DPR di Jakarta, Senin (18/3/2024)."
    assert [src for _, src, _ in _actors(body)] == ["Adita Wulandari"]


def test_an_aide_named_after_the_office_keeps_his_name():
    body = "Ajudan Presiden Kompol Syarif Hidayat menemui warga di Jakarta, Senin (18/3/2024)."
    assert [src for _, src, _ in _actors(body)] == ["Syarif Hidayat"]


def test_candidates_for_a_body_are_not_the_body():
    body = "Komisi III DPR meminta capim KPK menandatangani pakta integritas di Jakarta, Senin (18/3/2024)."
    targets = [tgt for _, _, tgt in _actors(body) if tgt is not None]
    assert targets and all(tgt[0] != "Komisi Pemberantasan Korupsi" and tgt[1] == "IDN" for tgt in targets)


def test_candidates_of_a_party_stay_the_party():
    body = "Sejumlah caleg PDIP mengkritik KPU di Jakarta, Senin (18/3/2024)."
    assert [src for _, src, _ in _actors(body)] == ["Partai Demokrasi Indonesia Perjuangan"]


def test_an_office_of_a_body_told_with_a_demonstrative_is_its_holder_named_before():
    body = (
        "Ketua DPR Rudi Hartawan menjenguk Faisal Akbar di rumah sakit, Senin (18/3/2024). Faisal Akbar "
        "sedang menjalani operasi. Ketua DPR ini juga meminta para mahasiswa untuk menahan diri."
    )
    assert ("020", "Rudi Hartawan", ("para mahasiswa", "IDNEDU")) in _actors(body)


def test_an_office_of_a_body_stays_the_body_when_no_holder_is_named():
    body = (
        "Wakil Ketua DPR Rudi Hartawan hadir di Jakarta, Senin (18/3/2024). Ketua DPR itu juga meminta para "
        "mahasiswa untuk menahan diri."
    )
    sources = [src for code, src, _ in _actors(body) if code == "020"]
    assert sources and "Rudi Hartawan" not in sources


def test_the_public_spoken_to_is_not_the_subject_of_the_verb_joined_after():
    body = (
        "Gubernur Papua Yosias Wenda hadir di Wamena, Senin (18/3/2024). Ia meminta maaf kepada seluruh "
        "lapisan masyarakat dan menyampaikan ucapan bela sungkawa untuk korban meninggal."
    )
    sources = {src for _, src, _ in _actors(body)}
    assert sources == {"Yosias Wenda"}
