"""History told beside the news (issue 11, hand checks of seeds 31 and 32), on invented sentences:
a case's earlier suspects recapped as a tally, the steps of a case's origin dated long ago, a
standing tone, and attacks that are no use of force."""

from __future__ import annotations

import pytest
from eventdocs import root_modes, run, segmenter, stage  # noqa: F401 - the shared fixtures

PUBLISHED = "2024-03-20T09:00:00+07:00"
LEAD = "KPK menahan Budi Santoso, Selasa (19/3/2024). "


def _modes(stage, segmenter, body: str) -> list[tuple[str, str]]:
    return root_modes(stage, segmenter, body, PUBLISHED)


@pytest.mark.parametrize(
    "recap",
    [
        "Sebelumnya, KPK telah menetapkan lima tersangka dalam kasus ini.",
        "KPK sebelumnya telah menetapkan empat orang sebagai tersangka.",
        "Sebelumnya, tiga orang telah ditahan oleh KPK.",
    ],
)
def test_a_tally_of_earlier_suspects_is_background(stage, segmenter, recap):
    assert _modes(stage, segmenter, LEAD + recap) == [("17", "reported"), ("17", "background")]


def test_an_earlier_step_that_names_one_suspect_stays_news(stage, segmenter):
    body = LEAD + "Sebelumnya, KPK telah menahan Ahmad Rahman."
    assert _modes(stage, segmenter, body) == [("17", "reported"), ("17", "reported")]


def test_the_steps_of_an_origin_dated_long_ago_are_background(stage, segmenter):
    # the "," a paragraph break leaves after the "." does not hide the origin's opening words
    body = (
        "KPK memanggil Budi Santoso, Selasa (19/3/2024). Kasus ini bermula ketika pemerintah "
        "kabupaten mengajukan dana pada APBN Tahun 2017.,Saat proses pengajuan, Budi Santoso "
        "bertemu dengan Ahmad Rahman."
    )
    assert ("04", "background") in _modes(stage, segmenter, body)


def test_the_steps_of_an_undated_origin_stay_news(stage, segmenter):
    body = (
        "KPK memanggil Budi Santoso, Selasa (19/3/2024). Kasus ini bermula ketika Budi Santoso "
        "meminta uang.,Saat proses pengajuan, Budi Santoso bertemu dengan Ahmad Rahman."
    )
    assert ("04", "reported") in _modes(stage, segmenter, body)


def test_a_flashback_goes_on_after_a_paragraph_break(stage, segmenter):
    # "Kala itu ..." goes on with the story dated long ago, and the sentence after it (past the
    # ".," a paragraph break leaves) with that scene, as it does without the break
    for sep in (". ", ".,"):
        body = (
            "Rusia menyerang Jepang pada Maret 2022. Kala itu Malaysia mengecam Rusia" + sep
            + "Vietnam mengecam Rusia."
        )
        assert _modes(stage, segmenter, body)[-1] == ("11", "background")


def test_a_standing_tone_is_background(stage, segmenter):
    body = "Malaysia membicarakan kemajuan negosiasi, tetapi Uni Eropa secara konsisten terdengar pesimis."
    assert ("01", "background") in _modes(stage, segmenter, body)


def test_exchanges_in_the_past_are_background(stage, segmenter):
    assert _modes(stage, segmenter, "Malaysia mengecam Singapura di masa lalu.") == [("11", "background")]


@pytest.mark.parametrize(
    "body",
    [
        "China melancarkan serangan diplomatik terhadap Filipina.",
        "China melancarkan serangan verbal terhadap Filipina.",
        "Budi Santoso mengalami serangan jantung di Jakarta.",
    ],
)
def test_an_attack_in_another_field_is_no_use_of_force(stage, segmenter, body):
    assert _modes(stage, segmenter, body) == []


def test_an_air_attack_stays_one(stage, segmenter):
    assert _modes(stage, segmenter, "China melancarkan serangan udara terhadap Filipina.") == [("19", "reported")]


def test_an_act_joined_to_a_repeated_past_in_contrast_is_background(stage, segmenter):
    body = (
        "Sementara Malaysia telah mengadakan beberapa pembicaraan dengan Singapura secara pribadi dan "
        "Malaysia sepakat dengan Singapura bahwa sengketa harus selesai, para pejabat lain meragukannya."
    )
    assert {m for _, m in _modes(stage, segmenter, body)} == {"background"}


def test_a_standing_warning_told_as_earlier_near_the_lead_is_background(stage, segmenter):
    # 'X sebelumnya telah memperingatkan ...' in the second sentence, the pointer back ('peringatan
    # tersebut') in a later clause of another side
    body = (
        "Budi Santoso mengatakan, pihaknya sedang mempertimbangkan langkah baru, Selasa (19/3/2024). "
        "Malaysia sebelumnya telah memperingatkan Singapura bahwa negara itu akan menghadapi sanksi, "
        "tetapi Singapura menolak peringatan tersebut."
    )
    assert ("13", "background") in _modes(stage, segmenter, body)


def test_an_earlier_act_pointing_back_in_its_own_clause_stays_news(stage, segmenter):
    body = (
        "Budi Santoso bertemu Ahmad Rahman di Jakarta, Senin (18/3/2024). Rahman mengatakan "
        "pertemuan itu merusak hubungan. Ia menambahkan, Malaysia sebelumnya telah memanggil duta "
        "besar Singapura sebagai protes atas pertemuan tersebut."
    )
    assert ("11", "background") not in _modes(stage, segmenter, body)


_STORY = (
    "Kasus itu kembali disorot{lead}. Budi Santoso diduga menjadi mata-mata. Kasus ini mengingatkan "
    "pada kasus lain. Ahmad Rahman adalah mantan agen. Akibat serangan racun terhadap Rahman ini, "
    "Malaysia pun menjatuhkan sanksi kepada Singapura. Keputusan itu disebut merusak hubungan. "
    "{dated}"
)


def test_a_story_dated_only_after_its_first_sentences_is_background(stage, segmenter):
    body = _STORY.format(lead="", dated="Rahman selamat setelah terpapar racun pada Maret 2020.")
    assert _modes(stage, segmenter, body) == [("16", "background")]


@pytest.mark.parametrize(
    "lead, dated",
    [
        # the article has dated its news near publication before
        (", Senin (18/3/2024)", "Rahman selamat setelah terpapar racun pada Maret 2020."),
        # the dated sentence sets itself apart as earlier than what was told before it
        ("", "Sebelumnya, Rahman selamat dari racun pada Maret 2020."),
        ("", "Rahman juga pernah diracun pada Maret 2020."),
    ],
)
def test_a_later_old_date_leaves_the_news_before_it(stage, segmenter, lead, dated):
    assert _modes(stage, segmenter, _STORY.format(lead=lead, dated=dated)) == [("16", "reported")]


@pytest.mark.parametrize(
    "body",
    [
        "Israel telah menduduki Lebanon dalam perang Timur Tengah 1967.",
        "Malaysia mendukung Singapura dalam pemilu 2014.",
    ],
)
def test_an_act_within_an_event_named_by_an_old_year_is_background(stage, segmenter, body):
    assert [m for _, m in _modes(stage, segmenter, body)] == ["background"]


def test_an_act_within_an_event_of_this_year_stays_news(stage, segmenter):
    assert _modes(stage, segmenter, "Malaysia mendukung Singapura dalam pemilu 2024.") == [("05", "reported")]


def test_an_answer_in_a_relative_clause_on_a_standing_act_is_background(stage, segmenter):
    body = (
        "Budi Santoso mengatakan, pihaknya sedang mempertimbangkan langkah baru, Selasa (19/3/2024). "
        "Ahmad Rahman tiba di Jakarta. Lim Wei bertemu Maria Santos di Manila. "
        "Malaysia telah menyalahkan Singapura atas serangan sebelumnya, yang kemudian dibantah Singapura."
    )
    modes = _modes(stage, segmenter, body)
    assert ("11", "background") in modes and ("01", "background") in modes, modes


def test_an_act_of_a_former_leaders_government_is_background(stage, segmenter):
    body = "Pemerintahan mantan Presiden Bambang Wijaya membebaskan Ahmad Rahman."
    assert _modes(stage, segmenter, body) == [("08", "background")]


@pytest.mark.parametrize(
    "body",
    [
        # the government of a leader in office
        "Pemerintahan Presiden Bambang Wijaya membebaskan Ahmad Rahman.",
        # a former leader's own act of today
        "Mantan Presiden Bambang Wijaya membebaskan Ahmad Rahman, Selasa (19/3/2024).",
    ],
)
def test_an_act_of_a_government_in_office_or_of_a_former_leader_stays_news(stage, segmenter, body):
    assert _modes(stage, segmenter, body) == [("08", "reported")]


def test_acts_a_prosecutor_narrates_from_an_indictment_are_background(run):
    # "Jaksa menuturkan, Kivlan mulanya meminta Helmi ...": alleged acts of months before the hearing
    told = "Jaksa menuturkan, Budi Santoso meminta Agus Salim mencarikan senjata, Selasa (19/3/2024)."
    assert not [e for e in run(told) if e[0] == "020"]
    assert [e for e in run("Budi Santoso meminta Agus Salim mencarikan senjata, Selasa (19/3/2024).") if e[0] == "020"]


def test_an_act_done_before_said_at_the_sentences_end_is_background(run):
    # "Houthi telah melancarkan serangan terhadap ladang-ladang minyak di Arab Saudi sebelumnya."
    body = "Front Pembebasan telah melancarkan serangan terhadap Malaysia sebelumnya."
    assert not [e for e in run(body) if e[0].startswith("19")]
    assert [e for e in run("Front Pembebasan melancarkan serangan terhadap Malaysia.") if e[0].startswith("19")]


@pytest.mark.parametrize("verb", ["meringkus", "membekuk"])
def test_a_tally_of_people_caught_before_is_background(run, verb):
    # "Sebelumnya, polisi juga telah meringkus dua orang yang diduga ..."
    assert not run(f"Sebelumnya, Polda Jawa Timur telah {verb} dua orang pelaku di Surabaya.")
    assert run(f"Polda Jawa Timur {verb} dua orang pelaku di Surabaya, Senin (18/3/2024).")


@pytest.mark.parametrize(
    "recap",
    [
        "Dalam kasus ini, KPK telah menetapkan tiga tersangka.",
        "Polisi juga sudah menetapkan enam tersangka lainnya pada kasus ini.",
        "KPK sendiri telah menetapkan empat orang sebagai tersangka dalam kasus suap itu.",
    ],
)
def test_suspects_named_in_the_perfect_in_this_case_are_its_history(stage, segmenter, recap):
    # hand checks of seeds 38, 40 and 41: the case's suspects, named months before, told as a tally
    assert _modes(stage, segmenter, LEAD + recap) == [("17", "reported"), ("17", "background")]


@pytest.mark.parametrize(
    "news",
    [
        "KPK telah menetapkan tiga tersangka pada Selasa (19/3/2024) dalam kasus ini.",  # its own date
        "KPK telah menetapkan tiga tersangka baru terkait kasus suap pengadaan alat.",  # no pointer back
    ],
)
def test_suspects_named_in_the_perfect_with_a_date_or_a_new_case_stay_news(stage, segmenter, news):
    assert _modes(stage, segmenter, LEAD + news) == [("17", "reported"), ("17", "reported")]
