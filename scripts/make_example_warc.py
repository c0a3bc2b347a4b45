"""Write a small WARC file of HTML responses, shaped like Common Crawl's CC-NEWS.

    python scripts/make_example_warc.py examples/006_cc_news.warc.gz

The pages are written here (fictional Indonesian news), so the file can be rebuilt.
"""

from __future__ import annotations

import io
import sys

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGES = [
    (
        "https://contoh.example/dunia/008",
        "2024-05-21T13:45:00+07:00",
        "Turki Tawarkan Mediasi bagi Sudan",
        [
            "Menteri Luar Negeri Turki Hakan Fidan menawarkan mediasi kepada pihak-pihak yang bertikai di Sudan "
            "dalam pertemuan di Ankara pada Selasa (21/5/2024).",
            "Fidan bertemu dengan utusan Uni Afrika untuk membahas upaya gencatan senjata.",
            "\u201cTurki siap menjadi tuan rumah perundingan damai,\u201d kata Fidan.",
        ],
    ),
    (
        "https://contoh.example/dunia/009",
        "2024-05-22T09:00:00+07:00",
        "Filipina Protes Manuver Kapal China",
        [
            "Pemerintah Filipina memprotes manuver kapal penjaga pantai China di dekat Second Thomas Shoal "
            "pada Rabu (22/5/2024).",
            "Kementerian Luar Negeri Filipina memanggil duta besar China di Manila.",
            "China menolak protes tersebut dan menyebut kapalnya berada di perairan sendiri.",
        ],
    ),
]


def page(title: str, published: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta property="article:published_time" content="{published}"></head>'
        f"<body><nav>Beranda | Dunia</nav><article><h1>{title}</h1>{body}</article>"
        f"<footer>Copyright 2024 Contoh Media</footer></body></html>"
    ).encode("utf-8")


def main(path: str) -> None:
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=path.endswith(".gz"))
        for url, published, title, paragraphs in PAGES:
            payload = page(title, published, paragraphs)
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(payload), http_headers=headers
            )
            writer.write_record(record)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "examples/006_cc_news.warc.gz")
