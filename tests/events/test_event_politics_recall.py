"""Issue 11, politics articles with no factual event (helper C): a death in a named operation
tells the operation as done, the actor inside a noun of several words is its agent, a mocking
verb criticises, a hinted intention to strike is a threat made, a kingdom's full name before an
ambassador's title, al-Qaeda's leaders. Every sentence here is invented for the test."""

from __future__ import annotations

import pytest
from eventdocs import PUBLISHED, run  # noqa: F401 - the shared fixtures

import kabar
from kabar.lang import load_pack

@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the one killed is the target, the actor inside "operasi militer Israel" the source
        ("Dua warga Lebanon tewas dalam operasi militer Israel.", ("190", "ISRMIL", "LBNCVL")),
        ("Seorang pejabat Lebanon telah tewas dalam serangan Israel.", ("190", "ISR", "LBNGOV")),
        # mocking a side's weapons criticises that side
        ("Rusia meledek sistem pertahanan AS yang gagal menangkis serangan.", ("111", "RUS", "USA")),
        # a hinted intention to strike, told of the actor as the subject of the hint, is a threat
        ("Rusia mengisyaratkan akan menggunakan senjata nuklir terhadap AS.", ("1385", "RUS", "USA")),
        # a claim of responsibility told with "bahwa mereka"
        ("Front Pembebasan mengklaim bahwa mereka bertanggung jawab atas serangan itu.",
         ("015", "PHLREB", None)),
        # warships and missiles sent or deployed mobilise armed forces
        ("Amerika Serikat mengirim kapal perang ke Laut China Selatan pada Senin.", ("154", "USA", None)),
        ("Rusia mulai mengerahkan rudal di dekat perbatasan.", ("154", "RUS", None)),
    ],
)
def test_politics_recall(run, body, expected):
    assert expected in run(body)


def test_a_deployment_denied_is_no_act(run):
    assert not [e for e in run("Rusia tidak akan mengerahkan rudal di Eropa.") if e[0] == "154"]


def test_a_death_in_an_operation_spoken_of_as_possible_is_no_act(run):
    assert not [e for e in run("Warga Lebanon bisa tewas dalam operasi militer Israel jika perang pecah.")
                if e[0][:2] == "19"]


@pytest.mark.parametrize(
    ("sentence", "name", "code"),
    [
        # "Kerajaan Arab Saudi" names the country: its ambassador is Saudi, not of the host
        ("Duta Besar Kerajaan Arab Saudi untuk Indonesia Usman Ahmad mengunjungi DPRD Banten.", "Usman Ahmad",
         "SAUGOV"),
        ("Hamza bin Laden dikabarkan berada di perbatasan.", "Hamza bin Laden", "IMGMOSALQ"),
    ],
)
def test_actor_codes(sentence, name, code):
    ents = {e.name: e.actor_code for e in kabar.extract(sentence, published="2019-09-16").entities}
    assert ents.get(name) == code


def _modes(text: str) -> list[tuple[str, str | None, str | None, str]]:
    article = kabar.extract(text, published="2019-09-20")
    return [
        (e.code, e.source.actor_code, e.target.actor_code if e.target else None, e.mode)
        for e in article.events
    ]


def test_a_background_pattern_in_the_narration_after_a_quote_leaves_the_quoted_act_news():
    text = ('"Taiwan menyesali dan sangat mengutuk keputusan Kiribati," kata Wu pada Jumat (20/9/2019), '
            "sembari menambahkan bertahun-tahun bantuan kedua negara telah diabaikan.")
    assert ("111", "TWN", "KIR", "reported") in _modes(text)


def test_a_background_pattern_inside_the_quote_of_the_act_still_counts():
    text = '"Taiwan sudah bertahun-tahun mengecam Kiribati," kata Wu pada Jumat (20/9/2019).'
    assert [m for m in _modes(text) if m[0] == "111"] and all(m[3] == "background" for m in _modes(text))


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        # a headline's fronted verb: its subject is the actor right after the comma
        ("Kunjungi Malaysia, Presiden Bambang Wijaya Bahas Perdagangan", ("042", "IDNGOV", "MYS")),
        ("Dituduh Rusia Serang Pangkalan Militer, Amerika Serikat Siap Membalas", ("112", "RUS", "USA")),
        # a speaker before a colon is not the one who did the fronted act
        ("Kecam Malaysia, Budi Santoso: Kami Akan Menunggu", None),
    ],
)
def test_a_headline_fronted_verb_takes_the_actor_after_the_comma(title, expected):
    from eventdocs import make_doc

    from kabar.events import EventExtractor
    from kabar.segment import Segmenter

    pack = load_pack("id")
    body = "Menurut Malaysia, Bambang Wijaya, Rusia, Amerika Serikat dan Budi Santoso, hal itu terjadi Senin."
    doc = make_doc(Segmenter(pack), body, PUBLISHED, title=title)
    EventExtractor(pack)(doc)
    found = [
        (e.code, e.source.actor_code, e.target.actor_code if e.target else None)
        for e in doc.article.events
        if e.factual
    ]
    assert (expected in found) if expected else not found


def test_an_envoy_to_a_body_set_off_by_commas_before_the_name_is_the_subject():
    """'Duta Besar Rusia untuk PBB, X, ...': the body after 'untuk' is where the envoy serves, not a
    title of X inside a prepositional phrase (no subject was found)."""
    text = "Duta Besar Rusia untuk PBB, Vassily Nebenzia, mengecam Israel pada Jumat."
    codes = [m[:3] for m in _modes(text)]
    assert ("111", "RUSGOV", "ISR") in codes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "rasa duka", "rasa terima kasih": the feeling conveyed is the act
        ("Presiden Joko Widodo menyampaikan rasa terima kasih kepada Jepang atas bantuan itu.",
         ("051", "IDNGOV", "JPN")),
        # a verb made a noun by -nya right after the preposition names the act of the actor after
        # it ("atas meninggalnya X"), and a city after an embassy and a comma is where it sits
        ("Kedutaan Besar Malaysia, Jakarta menyampaikan rasa dukacita atas meninggalnya Presiden Filipina "
         "Maria Santos.", ("018", "MYSGOV", "PHLGOV")),
    ],
)
def test_condolences_and_thanks(text, expected):
    assert expected in [m[:3] for m in _modes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # naming a side the guilty party or the one answerable for an attack accuses it
        ("Juru bicara militer Saudi menunjuk Iran sebagai pihak yang bersalah pada Rabu.",
         ("112", "SAUMIL", "IRN")),
        ("Netanyahu mengatakan dia menganggap Hamas bertanggung jawab atas serangan roket itu.",
         ("112", "ISRGOV", "PSEREB")),
        # pointing a finger at a side
        ("Malaysia menunjuk jari pada Indonesia atas masalah kabut asap.", ("112", "MYS", "IDN")),
        # a death in an operation told with an article and the agent in a relative clause
        ("Seorang pemimpin Taliban tewas dalam sebuah operasi militer yang dilakukan Amerika Serikat.",
         ("190", "USA", "AFGREB")),
        ("Dua warga Lebanon tewas dalam sebuah serangan drone Israel pada Senin.",
         ("195", "ISRMIL", "LBNCVL")),
    ],
)
def test_accusations_and_deaths_in_operations(text, expected):
    assert expected in [m[:3] for m in _modes(text)]


@pytest.mark.parametrize(
    "text",
    [
        # naming someone to an office, or owning a duty, accuses no one
        "Presiden Budi Santoso menunjuk Ahmad Rahman sebagai menteri pertahanan.",
        "Malaysia menganggap Indonesia bertanggung jawab atas standar pelayanan haji.",
        # the agent of another verb in the relative clause did not do the act
        "Dua warga Lebanon tewas dalam sebuah serangan yang dikecam Amerika Serikat.",
    ],
)
def test_no_accusation_or_wrong_agent(text):
    assert not [m for m in _modes(text) if m[0] in ("112", "190") and m[1] in ("IDNGOV", "MYS", "USA")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # aiming an attack at a side's base is attacking it; ready to aim it, a threat
        ("Garda Revolusi Iran menyatakan telah menargetkan pangkalan udara Amerika Serikat pada Kamis.",
         ("190", "IRNMIL", "USA")),
        ("Komandan Garda Revolusi Iran mengatakan bahwa militer Iran siap untuk menargetkan dua pangkalan AS "
         "jika terjadi perang.", ("138", "IRNMIL", "USA")),
    ],
)
def test_targeting_a_base(text, expected):
    assert expected in [m[:3] for m in _modes(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Pemerintah Indonesia menargetkan pendapatan negara naik tahun ini.",
        "Tim nasional Malaysia menargetkan kemenangan atas Indonesia pada Kamis.",
        "Juru bicara Kemlu Pakistan menganggap India menargetkan warga sipil di Kashmir.",
    ],
)
def test_a_goal_set_is_no_attack(text):
    assert not [m for m in _modes(text) if m[0][:2] == "19"]


def test_pressing_a_side_to_act_is_a_demand():
    assert ("100", "USA", "CHN") in [m[:3] for m in _modes("AS menekan China agar menghormati komitmennya.")]


@pytest.mark.parametrize(
    "text",
    ["Toyota menekan harga mobil listrik agar bisa bersaing di Indonesia.",
     "Pemerintah Malaysia menekan angka inflasi agar tetap rendah."],
)
def test_keeping_a_price_down_is_no_demand(text):
    assert not [m for m in _modes(text) if m[0] == "100"]


def test_a_warning_told_as_earlier_stays_background_beside_a_headline_demand():
    """'X sebelumnya telah memperingatkan ...' far into the body is a standing act told as
    background, though a threat may answer the headline's demand (counterpart roots)."""
    body = ("Pemerintah AS masih berbicara dengan Turki pada Jumat. Pejabat itu berbicara kepada wartawan. "
            "Baterai rudal mulai berdatangan di Turki. Turki dan AS bersekutu di NATO. Washington sebelumnya "
            "telah memperingatkan bahwa Ankara akan menghadapi sanksi atas pembelian senjata Moskow.")
    art = kabar.extract(body, published="2019-10-26", title="AS Tekan Turki agar Hancurkan Sistem Rudal Rusia")
    modes = {(e.code, e.mode) for e in art.events}
    assert ("100", "reported") in modes
    assert not [m for c, m in modes if c.startswith("13") and m == "reported"]
