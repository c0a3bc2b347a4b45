"""Rules from the seed-13 hand check (issue 11), on invented sentences: an act someone urges
others to do is intended, a lasting state given as a condition ("selama ... masih") is background,
and an "on this day" article tells history throughout."""

from __future__ import annotations

import pytest
from eventdocs import make_doc, root_modes, segmenter, stage  # noqa: F401 - the shared fixtures

from kabar.evaluate.events import is_factual

PUBLISHED = "2024-03-20T09:00:00+07:00"



def _events(stage, segmenter, body: str) -> list[tuple[str, str]]:
    return root_modes(stage, segmenter, body, PUBLISHED)


@pytest.mark.parametrize(
    ("body", "root"),
    [
        ("Budi mengajak Malaysia untuk menolak revisi itu, serta menyerang Singapura.", "19"),
        ("Israel menyerukan AS agar memboikot produk Rusia dan menyerang Lebanon.", "19"),
        ("Budi mengimbau Malaysia menyerang Singapura.", "19"),
    ],
)
def test_urged_act_is_not_done(stage, segmenter, body, root):
    found = _events(stage, segmenter, body)
    assert not any(code == root and mode in ("reported", "claimed") for code, mode in found), found


def test_urged_verb_itself_stays_reported(stage, segmenter):
    found = _events(stage, segmenter, "Vietnam meminta China untuk menyerang Jepang.")
    assert ("02", "reported") in found, found


def test_act_after_a_done_request_in_another_clause_stays_reported(stage, segmenter):
    body = "Malaysia meminta data dari Singapura, lalu menyerang Vietnam."
    assert any(code == "19" and mode == "reported" for code, mode in _events(stage, segmenter, body))


def test_lasting_state_as_condition_is_background(stage, segmenter):
    body = "Rusia menegaskan tidak akan bertemu AS selama AS masih menjatuhkan sanksi terhadap Rusia."
    found = _events(stage, segmenter, body)
    assert not any(code == "16" and mode == "reported" for code, mode in found), found


def test_during_a_visit_stays_reported(stage, segmenter):
    body = "Selama kunjungan itu Malaysia menyerang Singapura."
    assert any(mode == "reported" for _, mode in _events(stage, segmenter, body))


@pytest.mark.parametrize(
    "opening",
    [
        "Hari ini dalam sejarah, sejumlah peristiwa penting terjadi.",
        "Banyak kejadian menjadi catatan sejarah. Berikut peristiwa yang terjadi pada 20 Maret.",
        "Pada tanggal ini, 200 tahun lalu, sebuah perang pecah di Jawa.",
        # seed 44 #28 (issue 11): a day's events across the centuries
        "Beragam peristiwa penting dan bersejarah terjadi pada 20 Maret.",
        "Guna menambah wawasan sejarah yang terjadi pada 20 Maret, berikut rangkumannya.",
    ],
)
def test_on_this_day_article_is_history(stage, segmenter, opening):
    body = opening + " Malaysia menyerang Singapura dan Vietnam menyerang China."
    doc = make_doc(segmenter, body, PUBLISHED)
    stage(doc)
    events = doc.article.events
    assert events
    assert not any(is_factual({"mode": e.mode, "factual": e.factual}) for e in events), [
        (e.code, e.mode) for e in events
    ]


def test_news_opening_keeps_events_reported(stage, segmenter):
    body = "Malaysia menyerang Singapura pada Senin. Sejarah kota itu panjang."
    assert any(mode == "reported" for _, mode in _events(stage, segmenter, body))


def test_a_flashback_scene_goes_on_in_background(stage, segmenter):
    body = "Saat itu pada 2010, Malaysia menyerang Singapura. Vietnam menyerang China."
    assert [m for _, m in _events(stage, segmenter, body)] == ["background", "background"]


def test_an_old_date_without_a_scene_leaves_the_next_sentence_news(stage, segmenter):
    body = "Malaysia menyerang Singapura pada 2010. Vietnam menyerang China."
    assert [m for _, m in _events(stage, segmenter, body)] == ["background", "reported"]


def test_a_second_appeal_stays_reported(stage, segmenter):
    body = "Vietnam menyerukan perdamaian untuk kawasan itu dan mendesak China untuk menyerang Jepang."
    found = _events(stage, segmenter, body)
    assert ("02", "reported") in found and not any(c == "19" and m == "reported" for c, m in found), found


def test_an_act_through_an_old_law_is_background(stage, segmenter):
    body = "Malaysia telah menyerang Singapura melalui Undang-Undang Nomor 7/2006 tentang Keamanan."
    assert [m for _, m in _events(stage, segmenter, body)] == ["background"]


def test_an_act_under_an_old_law_stays_news(stage, segmenter):
    body = "Malaysia menyerang Singapura berdasarkan Undang-Undang Nomor 7 Tahun 2006."
    assert [m for _, m in _events(stage, segmenter, body)] == ["reported"]


# Seed-15 hand check (issue 11): a wished appeal, a willingness told through a means clause.


def test_a_wished_appeal_is_not_made(stage, segmenter):
    found = _events(stage, segmenter, "Agus Salim berharap Budi mengajak para pemimpin KPK berdialog.")
    assert found and not any(mode in ("reported", "claimed") for _, mode in found), found


def test_an_appeal_made_stays_reported(stage, segmenter):
    assert ("02", "reported") in _events(stage, segmenter, "Budi mengajak para pemimpin KPK berdialog.")


def test_the_means_of_a_willingness_is_not_done(stage, segmenter):
    body = "Ia menuturkan, Malaysia mau membuka pintu bagi pihak asing dengan mengundang para ahli dari Singapura."
    found = _events(stage, segmenter, body)
    assert found and not any(mode in ("reported", "claimed") for _, mode in found), found


@pytest.mark.parametrize(
    "body",
    [
        "Malaysia membuka pintu bagi pihak asing dengan mengundang para ahli dari Singapura.",
        # the means of an attempt is done
        "Polisi Malaysia berusaha membubarkan massa dengan menyerang Singapura.",
    ],
)
def test_the_means_of_a_done_or_tried_act_stays_reported(stage, segmenter, body):
    found = _events(stage, segmenter, body)
    assert found and all(mode == "reported" for _, mode in found), found


# Seed-24 #22 / seed-26 dev #11 (issue 11): a wish reaches over 'serta' to the second appeal
# coordinated with the wished one; without the wish both appeals stay done.
_WISHED = (
    "Malaysia mengharapkan Vietnam dapat menyerukan kepada Filipina untuk dapat memberikan dukungan kepada "
    "Brunei dan tidak mengakui tindakan ilegal China, serta meminta Thailand membahas tindakan China tersebut."
)


def test_a_wish_reaches_the_appeal_coordinated_with_the_wished_one(stage, segmenter):
    assert ("02", "reported") not in _events(stage, segmenter, _WISHED)


def test_appeals_coordinated_without_a_wish_stay_reported(stage, segmenter):
    body = (
        "Malaysia menyerukan kepada Filipina untuk dapat memberikan dukungan kepada Brunei dan tidak "
        "mengakui tindakan ilegal China, serta meminta Thailand membahas tindakan China tersebut."
    )
    assert _events(stage, segmenter, body).count(("02", "reported")) == 2


# Seed-24 dev (issue 11): 'hanya ketika' (only when) sets a condition; 'ketika' alone tells time.
def test_only_when_is_a_condition(stage, segmenter):
    body = "Malaysia hanya akan berunding dengan Vietnam hanya ketika Vietnam mencabut sanksi terhadap Malaysia."
    assert ("08", "conditional") in _events(stage, segmenter, body)
    assert ("08", "reported") not in _events(stage, segmenter, body)


def test_when_alone_keeps_the_act_reported(stage, segmenter):
    body = "Vietnam mencabut sanksi terhadap Malaysia ketika Presiden Malaysia berkunjung ke Hanoi."
    assert ("08", "reported") in _events(stage, segmenter, body)


# Seed-26 dev #26 (issue 11): 'selayaknya' (ought to) is advice; before a passive, the words of its
# patient do not count against the cue's window.
def test_ought_before_a_passive_is_no_act(stage, segmenter):
    body = "Menurut Budi, tidak selayaknya hak nelayan Vietnam dibatasi oleh Malaysia."
    assert [m for m in _events(stage, segmenter, body) if m[0] == "17"] == []


def test_a_passive_without_advice_stays_reported(stage, segmenter):
    body = "Menurut Budi, hak nelayan Vietnam dibatasi oleh Malaysia pada Senin (18/3/2024)."
    assert ("17", "reported") in _events(stage, segmenter, body)
