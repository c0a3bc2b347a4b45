"""Stage `structure`: from raw scraped text or an HTML page to the article's parts.

Plain text as scraped from news pages is read line by line: a dateline at the top,
photo captions (bullet lines; a caption repeated on the next line is kept once),
body paragraphs, author initials such as `(RM)` closing the last paragraph, a
`Tags` trailer, and site furniture (`Baca juga: …`, share buttons, copyright
lines) dropped. HTML goes through trafilatura first for the main text and
metadata, then through the same line rules. Metadata given by the caller wins
over what is found in the text.
"""

from __future__ import annotations

import html as html_lib
import re
import warnings
from typing import Any

from kabar import geo
from kabar.dates import DateParser
from kabar.document import Document
from kabar.errors import FormatError
from kabar.lang import LanguagePack
from kabar.readers import READER_WARNINGS
from kabar.registry import PerDocumentStage, register_stage

# Site furniture is short; a long line that starts like it ("Hak cipta …") is article text.
MAX_FURNITURE_CHARS = 200
MAX_CAPTION_CHARS = 400
# What a scraper leaves of a dropped dateline ("JAKARTA, KOMPAS.com - " without its words).
_DATELINE_RESIDUE = re.compile(r"^[\s,]*[-–—]+\s+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
# control characters, and the invisible marks that split a word or phrase without showing
# (soft hyphen, left-to-right and right-to-left marks, word joiner, byte order mark): "telah
# \u200emenetapkan" is "telah menetapkan" to a reader and must be to every pattern
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad\u200e\u200f\u2060\ufeff]")
_INITIALS = re.compile(r"\s*\(\s*([A-Z]{1,5}(?:\s*[/,]\s*[A-Z]{1,5})*)\s*\)\s*$")
# "JAKARTA, KOMPAS.com -", "Tehran, ParsToday -", "BANDUNG (Antara) -"
_DATELINE_PLACE = re.compile(
    r"^([A-Z][A-Za-z .'-]{1,40}?)\s*"
    r"(?:,\s*[A-Za-z][\w.]*(?:\.(?:com|id|co\.id|net))?|\((?:[A-Za-z.]+)\))\s*[-–—]+\s+"
)
# "Jakarta - ", "WASHINGTON - ": a place and a dash with no outlet; read as a dateline only when the
# words name a place the gazetteer knows, as a body rarely opens with "Jokowi - Ma'ruf ...".
_DATELINE_CITY = re.compile(r"^([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2})\s+[-–—]+\s+")
_META_PUBLISHED = re.compile(
    r"""<meta[^>]+(?:property|name|itemprop)\s*=\s*["'](?:article:published_time|og:published_time|"""
    r"""datePublished|pubdate|publishdate|content_PublishedDate|dc\.date)["'][^>]*>""",
    re.I,
)
_META_CONTENT = re.compile(r"""content\s*=\s*["']([^"']+)["']""", re.I)
_HTML_END = re.compile(r"</(?:html|body)\s*>", re.I)
_JSONLD_PUBLISHED = re.compile(r""""datePublished"\s*:\s*"([^"]+)\"""")


@register_stage(
    "structure",
    requires=("raw", "metadata"),
    assigns=("body", "title", "published", "captions", "author", "tags"),
)
class StructureReader(PerDocumentStage):
    name = "structure"

    def __init__(self, pack: LanguagePack):
        settings = pack.info.structure
        self.pack = pack
        self.dates = DateParser(pack)
        self.bullets = tuple(settings.caption_bullets)
        self.boilerplate = [re.compile(p, re.I) for p in settings.boilerplate]
        labels = "|".join(re.escape(x) for x in settings.tag_labels)
        # "Tags" alone on its line, or "Tags: a, b, c"
        self.tag_line = re.compile(rf"^(?:{labels})(?:\s*|\s*[:：]\s*(.*))$", re.I)
        author_labels = "|".join(re.escape(x) for x in settings.author_labels)
        self.author_line = (
            re.compile(rf"^(?:{author_labels})\s*[:：]\s*(.+)$", re.I) if author_labels else None
        )

    def __call__(self, doc: Document) -> None:
        meta = doc.metadata
        article = doc.article
        for warning in meta.get(READER_WARNINGS) or ():
            doc.warn(f"{doc.source}: {warning}")
        found: dict[str, Any] = {}
        text = doc.raw
        if doc.is_html:
            text, found = self._from_html(doc)
        parts = self._read_lines(text)
        found = {**parts, **{k: v for k, v in found.items() if v}}
        if not parts["body"].strip():
            raise FormatError(
                doc.source, "no article text found (only a dateline, captions or site furniture)"
            )

        article.body = parts["body"]
        article.captions = parts["captions"]
        article.tags = _dedupe(_tag_list(meta.get("tags")) or list(found.get("tags") or []))
        article.title = _clean(meta.get("title")) or _clean(found.get("title"))  # type: ignore[arg-type]
        article.author = _clean(meta.get("author")) or _clean(found.get("author"))  # type: ignore[arg-type]
        article.url = meta.get("url") or found.get("url")  # type: ignore[assignment]
        doc.dateline_place = parts.get("dateline_place")  # type: ignore[assignment]

        published = meta.get("published")
        if published:
            iso = self.dates.to_iso(str(published))
            if iso is None:
                doc.warn(f"{doc.source}: publication date {published!r} not understood; left empty")
            article.published = iso
        else:
            article.published = found.get("published")  # type: ignore[assignment]

    # -- plain text ----------------------------------------------------------------------
    def _read_lines(self, text: str) -> dict:
        text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
        lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
        published = None
        captions: list[str] = []
        seen_captions: set[str] = set()
        paragraphs: list[str] = []
        tags: list[str] = []
        author = None
        in_tags = False

        for line in lines:
            if not line:
                continue
            if in_tags:
                tags.extend(_split_tags(line))
                continue
            if published is None and not paragraphs and not captions:
                parsed = self.dates.parse_dateline(line)
                if parsed is not None:
                    published = parsed.isoformat()
                    continue
            caption = self._caption(line, body_started=bool(paragraphs))
            if caption is not None:
                if caption not in seen_captions:
                    seen_captions.add(caption)
                    captions.append(caption)
                continue
            if line in seen_captions:  # the same caption again, without its bullet
                continue
            tag_match = self.tag_line.match(line)
            if tag_match:
                in_tags = True
                tags.extend(_split_tags(tag_match.group(1) or ""))
                continue
            if self.author_line and (match := self.author_line.match(line)) and len(line) < 80:
                author = author or match.group(1).strip()
                continue
            if len(line) <= MAX_FURNITURE_CHARS and any(p.fullmatch(line) for p in self.boilerplate):
                continue
            paragraphs.append(line)

        if paragraphs:
            match = _INITIALS.search(paragraphs[-1])
            if match:
                author = author or re.sub(r"\s+", "", match.group(1))
                paragraphs[-1] = paragraphs[-1][: match.start()].rstrip()
                if not paragraphs[-1]:
                    paragraphs.pop()

        dateline_place = None
        if paragraphs:
            match = (
                _DATELINE_PLACE.match(paragraphs[0])
                or self._city_dateline(paragraphs[0])
                or _DATELINE_RESIDUE.match(paragraphs[0])
            )
            if match and len(paragraphs[0]) > match.end() + 20:
                if match.re is not _DATELINE_RESIDUE:
                    dateline_place = match.group(1).strip().title()
                paragraphs[0] = paragraphs[0][match.end() :]

        return {
            "body": "\n\n".join(paragraphs),
            "captions": captions,
            "published": published,
            "author": author,
            "tags": _dedupe(tags),
            "dateline_place": dateline_place,
        }

    def _city_dateline(self, paragraph: str) -> re.Match[str] | None:
        match = _DATELINE_CITY.match(paragraph)
        if match and geo.geocode(match.group(1), lang=self.pack) is not None:
            return match
        return None

    def _caption(self, line: str, body_started: bool) -> str | None:
        if len(line) > MAX_CAPTION_CHARS:
            return None
        for bullet in self.bullets:
            if line.startswith(bullet) and len(line) > len(bullet) + 1 and line[len(bullet)] == " ":
                # A dash or star opens a list item in the body as often as a caption:
                # inside the body only round bullets mark captions.
                if body_started and bullet.isascii() or body_started and bullet in "–—":
                    return None
                return line[len(bullet) :].strip()
        return None

    # -- HTML --------------------------------------------------------------------------
    def _from_html(self, doc: Document) -> tuple[str, dict]:
        import trafilatura

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                result = trafilatura.bare_extraction(
                    doc.raw,
                    url=doc.metadata.get("url"),
                    with_metadata=True,
                    include_comments=False,
                    include_tables=False,
                )
            except Exception as exc:  # trafilatura raises many kinds on broken markup
                raise FormatError(doc.source, f"HTML could not be parsed ({exc})") from exc
        if result is None:
            raise FormatError(
                doc.source, "no article text found in the HTML page (truncated or not an article?)"
            )
        data = result.as_dict() if hasattr(result, "as_dict") else dict(result)
        text = data.get("text") or ""
        title = data.get("title")
        lines = text.split("\n")
        if title:  # the headline repeated at the top of the text (after a menu line, say)
            for i, line in enumerate(lines[:3]):
                if line.strip() == title.strip():
                    text = "\n".join(lines[:i] + lines[i + 1 :])
                    break
        if not _HTML_END.search(doc.raw[-4096:]):
            doc.warn(f"{doc.source}: HTML page looks truncated (no closing </html>); text may be missing")
        tags: list[str] = []
        for value in (data.get("tags") or []) + (data.get("categories") or []):
            tags.extend(_split_tags(value))
        published = self._html_published(doc.raw) or (
            self.dates.to_iso(data["date"]) if data.get("date") else None
        )
        return text, {
            "title": html_lib.unescape(title) if title else None,
            "author": data.get("author"),
            "url": data.get("url"),
            "tags": tags,
            "published": published,
        }

    def _html_published(self, raw: str) -> str | None:
        """Publication time with its zone from page metadata, which trafilatura reduces to a date."""
        for tag in _META_PUBLISHED.findall(raw):
            content = _META_CONTENT.search(tag)
            if content:
                iso = self.dates.to_iso(content.group(1))
                if iso:
                    return iso
        match = _JSONLD_PUBLISHED.search(raw)
        return self.dates.to_iso(match.group(1)) if match else None


def _split_tags(text: str) -> list[str]:
    return [t.strip(" #") for t in re.split(r"[,;|#]", text) if t.strip(" #")]


def _tag_list(value: Any) -> list[str]:
    """Tags given by the caller: a list of strings, or one string of them (other shapes give none)."""
    if isinstance(value, str):
        return _split_tags(value)
    if isinstance(value, (list, tuple)):
        return [t.strip() for t in value if isinstance(t, str) and t.strip()]
    return []


def _dedupe(items: list[str]) -> list[str]:
    seen: set[str] = set()
    out = []
    for item in items:
        key = item.casefold()
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = _SPACES.sub(" ", _CONTROL.sub("", str(value))).strip()
    return value or None
