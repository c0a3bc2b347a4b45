"""Invented Indonesian news-style articles for the store tests (no real article text).

`write_corpus(path, n)` writes n articles as JSON Lines (id, url, published, title, text),
deterministic for a seed; every `copy_every`-th article is a syndicated copy of an earlier
one (new id, URL, outlet and dateline, one sentence edited), so near-duplicate detection
has something to find.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

PEOPLE = [
    ("Menteri Luar Negeri", "Arif Wicaksana"),
    ("Menteri Pertahanan", "Dewi Larasati"),
    ("Duta Besar", "Hendra Kusumo"),
    ("Juru bicara kepolisian", "Rina Puspitasari"),
    ("Gubernur", "Bambang Sutrisno"),
    ("Wakil Presiden", "Yusuf Hidayat"),
    ("Ketua DPR", "Maria Simanjuntak"),
    ("Panglima", "Agus Prasetya"),
]
FOREIGN = [
    ("Menteri Luar Negeri Malaysia", "Ahmad Rahimi"),
    ("Perdana Menteri Australia", "Thomas Whitfield"),
    ("Presiden Filipina", "Carlos Mendoza"),
    ("Menteri Pertahanan Jepang", "Kenji Matsuda"),
    ("Duta Besar Rusia", "Ivan Sokolov"),
    ("Menteri Luar Negeri Iran", "Reza Karimi"),
]
CITIES = ["Jakarta", "Surabaya", "Bandung", "Medan", "Makassar", "Semarang", "Denpasar", "Pontianak", "Kupang"]
TOPICS = ["perdagangan", "keamanan maritim", "energi terbarukan", "pendidikan", "kesehatan", "perikanan",
          "penanggulangan bencana", "infrastruktur", "pariwisata", "pertanian"]  # fmt: skip
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
OUTLETS = ["kabarsatu.example.id", "beritadua.example.co.id", "warta.example.com", "harian.example.id"]

SENTENCES = [
    "{role} {name} bertemu dengan {frole} {fname} di {city} pada {day} ({date}).",
    "Kedua pihak membahas kerja sama di bidang {topic} dan {topic2}.",
    "\u201cKami sepakat untuk memperkuat kerja sama {topic} dalam lima tahun ke depan,\u201d kata {name}.",
    "{fname} mengatakan pemerintahnya siap mengirim tim teknis ke {city} bulan depan.",
    "Pertemuan itu berlangsung selama hampir dua jam di sebuah hotel di pusat kota {city}.",
    "{role} {name} juga mengecam aksi perusakan fasilitas umum yang terjadi pekan lalu.",
    "Polisi menangkap dua orang yang diduga terlibat dalam penyelundupan barang di pelabuhan {city}.",
    "Ratusan warga menggelar unjuk rasa di depan kantor gubernur di {city} menuntut perbaikan jalan.",
    "Menurut {name}, anggaran untuk program {topic} akan dinaikkan sebesar {pct} persen tahun depan.",
    "Pemerintah daerah {city} menyatakan akan membantu {n} keluarga yang terdampak banjir.",
    "\u201cKami tidak akan mentoleransi pelanggaran di wilayah perairan kita,\u201d ujar {name} kepada wartawan.",
    "Sebelumnya, {frole} {fname} telah berkunjung ke {city2} untuk meninjau proyek {topic}.",
    "Nota kesepahaman tentang {topic} ditandatangani oleh kedua menteri setelah pertemuan tersebut.",
    "Sejumlah pengamat menilai kesepakatan ini penting bagi hubungan kedua negara.",
    "Kegiatan serupa direncanakan digelar kembali di {city2} pada akhir tahun.",
    "Data resmi menunjukkan nilai perdagangan kedua negara mencapai {n} juta dolar AS tahun lalu.",
]


def _article(rng: random.Random, i: int) -> dict:
    role, name = rng.choice(PEOPLE)
    frole, fname = rng.choice(FOREIGN)
    city, city2 = rng.sample(CITIES, 2)
    topic, topic2 = rng.sample(TOPICS, 2)
    day = rng.randrange(1, 28)
    month = rng.randrange(1, 13)
    date = f"{day}/{month}/2023"
    values = dict(
        role=role, name=name, frole=frole, fname=fname, city=city, city2=city2, topic=topic, topic2=topic2,
        day=rng.choice(DAYS), date=date, pct=rng.randrange(5, 40), n=rng.randrange(20, 900),
    )  # fmt: skip
    picked = [SENTENCES[0]] + rng.sample(SENTENCES[1:], rng.randrange(7, 12))
    body = " ".join(s.format(**values) for s in picked)
    # Paragraphs of two or three sentences, as news sites print them.
    sentences = body.split(". ")
    paragraphs, para = [], []
    for s in sentences:
        para.append(s)
        if len(para) >= rng.randrange(2, 4):
            paragraphs.append(". ".join(para))
            para = []
    if para:
        paragraphs.append(". ".join(para))
    text = f"{city.upper()}, KABAR \u2013 " + ".\n\n".join(paragraphs)
    outlet = OUTLETS[i % len(OUTLETS)]
    return {
        "id": f"synth-{i:05d}",
        "url": f"https://{outlet}/berita/{i:05d}",
        "published": f"2023-{month:02d}-{day:02d}T{rng.randrange(6, 22):02d}:{rng.randrange(0, 60):02d}:00+07:00",
        "title": f"{role} {name} Bertemu {fname} Bahas {topic.title()}",
        "text": text,
    }


def syndicated_copy(original: dict, i: int) -> dict:
    """A republished copy: other id, URL and outlet, another dateline, one sentence edited."""
    text = original["text"]
    head, _, rest = text.partition("\u2013 ")
    rest = rest.replace("kata ", "ujar ", 1).replace("Pertemuan itu", "Pertemuan tersebut", 1)
    outlet = OUTLETS[(i + 1) % len(OUTLETS)]
    return {
        "id": f"synth-{i:05d}",
        "url": f"https://{outlet}/read/{i:05d}/salinan",
        "published": original["published"].replace("T", "T").replace(":00+07:00", ":30+07:00"),
        "title": original["title"],
        "text": f"{head.split(',')[0]}, {outlet.split('.')[0].upper()}.COM \u2013 {rest}",
    }


def make_corpus(n: int, seed: int = 7, copy_every: int = 10) -> list[dict]:
    rng = random.Random(seed)
    items: list[dict] = []
    for i in range(n):
        if copy_every and i and i % copy_every == 0:
            items.append(syndicated_copy(items[rng.randrange(0, i)], i))
        else:
            items.append(_article(rng, i))
    return items


def write_corpus(path: Path, n: int, seed: int = 7, copy_every: int = 10) -> Path:
    path = Path(path)
    with path.open("w", encoding="utf-8") as fh:
        for item in make_corpus(n, seed, copy_every):
            fh.write(json.dumps(item, ensure_ascii=False) + "\n")
    return path


# --------------------------------------------------------------------------------------
# Articles built by hand (kabar.model objects), for tests that must not depend on extraction.

LEAD = (
    "Menteri Luar Negeri Arif Wicaksana bertemu dengan Menteri Luar Negeri Malaysia Ahmad Rahimi "
    "di Jakarta pada Senin (6/3/2023)."
)
FILLER = [
    "Kedua menteri membahas kerja sama keamanan maritim di Selat Malaka dan perdagangan lintas batas.",
    "Pertemuan itu berlangsung selama hampir dua jam di gedung kementerian di pusat kota Jakarta.",
    "Menurut Arif, kedua negara akan membentuk kelompok kerja bersama sebelum akhir tahun ini.",
    "Ahmad mengatakan pemerintahnya siap mengirim tim teknis ke Batam bulan depan untuk survei.",
    "Sejumlah pengamat menilai langkah itu penting bagi stabilitas kawasan Asia Tenggara.",
    "Data kementerian menunjukkan nilai perdagangan kedua negara naik dua belas persen tahun lalu.",
]


def actor(entity: str | None, name: str, code: str | None, country: str | None):
    from kabar.model import EventActor

    return EventActor(entity=entity, name=name, actor_code=code, country=country)


def make_event(
    body: str,
    sentence: str,
    *,
    code: str = "042",
    quad: int = 1,
    goldstein: float = 1.9,
    source=None,
    target=None,
    date: str | None = "2023-03-06",
    place: tuple[str, str | None, float | None, float | None] | None = ("Jakarta", "IDN", -6.2, 106.8),
    factual: bool = True,
    mode: str = "reported",
    confidence: float = 0.8,
    extra_spans: int = 0,
    symmetric: bool = False,
    also_in: list[tuple[str, str]] = (),
):
    """An Event whose evidence is `sentence` of `body`; `also_in` adds spans outside the body:
    (where, text) pairs such as ("title", title) or ("captions[0]", caption), offsets into that text."""
    from kabar.model import Event, Evidence, Location

    start = body.index(sentence)
    ev = Evidence(text=sentence, start=start, end=start + len(sentence))
    spans = [ev] + [Evidence(text=sentence, start=start, end=start + len(sentence)) for _ in range(extra_spans)]
    spans += [Evidence(text=text, start=0, end=len(text), where=where) for where, text in also_in]
    return Event(
        code=code,
        root=code[:2],
        quad_class=quad,
        goldstein=goldstein,
        source=source,
        target=target,
        date=date,
        location=Location(*place) if place else None,
        evidence=ev,
        confidence=confidence,
        factual=factual,
        mode=mode,
        mentions=spans,
        symmetric=symmetric,
    )


def make_article(
    id: str,
    *,
    url: str | None = None,
    published: str = "2023-03-06T10:00:00+07:00",
    lead: str = LEAD,
    filler: list[str] | None = None,
    events: list | None = None,
    with_default_event: bool = True,
    title: str = "Menlu Bertemu Menlu Malaysia",
):
    """A whole Article (entities, mentions, a quote, an event) as kabar.extract would return it."""
    from kabar.model import Article, Entity, Mention, Quote, Sentence

    parts = [lead] + (FILLER if filler is None else filler)
    quote = "\u201cKami sepakat memperkuat patroli bersama,\u201d kata Arif."
    body = " ".join(parts + [quote])
    sentences, pos = [], 0
    for p in parts + [quote]:
        start = body.index(p, pos)
        sentences.append(Sentence(start=start, end=start + len(p)))
        pos = start + len(p)

    def mentions(text: str) -> list:
        out, i = [], body.find(text)
        while i >= 0:
            out.append(Mention(text=text, start=i, end=i + len(text)))
            i = body.find(text, i + 1)
        return out

    entities = [
        Entity(id="e1", name="Arif Wicaksana", type="PER", country="IDN", actor_code="IDNGOV",
               title="Menteri Luar Negeri", mentions=mentions("Arif")),
        Entity(id="e2", name="Ahmad Rahimi", type="PER", country="MYS", actor_code="MYSGOV",
               title="Menteri Luar Negeri", mentions=mentions("Ahmad")),
        Entity(id="e3", name="Jakarta", type="GPE", country="IDN", lat=-6.2, lon=106.8, mentions=mentions("Jakarta")),
        Entity(id="e4", name="Malaysia", type="GPE", country="MYS", actor_code="MYS", mentions=mentions("Malaysia")),
    ]  # fmt: skip
    qs = body.index(quote)
    quotes = [Quote(text=quote[1:41], start=qs + 1, end=qs + 41, kind="direct", speaker="e1", speaker_name="Arif")]
    if events is None:
        events = []
    if with_default_event:
        events = [
            make_event(
                body, lead, code="042", source=actor("e1", "Arif Wicaksana", "IDNGOV", "IDN"),
                target=actor("e2", "Ahmad Rahimi", "MYSGOV", "MYS"),
            )
        ] + [e(body) if callable(e) else e for e in events]
    else:
        events = [e(body) if callable(e) else e for e in events]
    return Article(
        id=id, body=body, language="id", language_confidence=0.99, published=published, title=title,
        author="Redaksi", captions=["Foto: pertemuan kedua menteri."], tags=["diplomasi"],
        url=url if url is not None else f"https://kabarsatu.example.id/{id}", sentences=sentences,
        entities=entities, quotes=quotes, events=events,
    )  # fmt: skip
