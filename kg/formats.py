"""Article formats beyond plain text and JSON Lines: web pages, feeds, web archives, compression.

- HTML (.html, .htm): the main text, title, publication date, author, site name and canonical
  URL, by trafilatura (Apache 2.0; of the maintained extractors it is the one the comparisons
  in its documentation and in the ScrapingHub article-extraction benchmark put first, and it
  reads metadata too). Captions, bylines, datelines and credits are dropped before extraction:
  they are furniture, and a byline read as text makes its author an actor ("Blinken agreed with
  Jane Smith").
- RSS and Atom (.rss, .atom): each item is an article, with its link, title and date; its text
  is the item's content (or summary). Parsed by feedparser.
- WARC (.warc): each HTML response is an article, its URL the record's target. Read by warcio.
- Any of these, and .txt, .md, .jsonl, compressed: .gz, .bz2, .xz, and .zst when the zstandard
  package is installed; streamed, so a JSON Lines dump's line numbers are those of its lines.
"""
from __future__ import annotations

import bz2
import gzip
import hashlib
import lzma
import re
import zlib
from collections.abc import Iterator
from pathlib import Path

COMPRESSED = (".gz", ".bz2", ".xz", ".zst")
# Errors a damaged compressed file raises while it is read.
DECOMPRESSION_ERRORS: tuple[type[BaseException], ...] = (OSError, EOFError, zlib.error, lzma.LZMAError)

# Elements that are page furniture inside an article body: dropped before the extractor reads it.
_FURNITURE_XPATH = ("//figure|//figcaption|//time|//aside|//nav|//footer|//form|//noscript|//script|//style"
                    "|//*[@class or @id][" + " or ".join(
                        f"contains(translate(concat(@class,' ',@id),'ABCDEFGHIJKLMNOPQRSTUVWXYZ',"
                        f"'abcdefghijklmnopqrstuvwxyz'),'{w}')"
                        for w in ("byline", "caption", "credit", "dateline", "newsletter", "related",
                                  "share", "social", "promo", "advert")) + "]")


def inner_suffix(path: Path) -> tuple[str, str | None]:
    """('.jsonl', '.gz') for news.jsonl.gz; ('.txt', None) for a.txt."""
    suffixes = [s.lower() for s in path.suffixes]
    compression = suffixes.pop() if suffixes and suffixes[-1] in COMPRESSED else None
    return (suffixes[-1] if suffixes else ""), compression


def stem(path: Path) -> str:
    """The file name less its type and compression: 'news' for news.jsonl.gz."""
    name = path.name
    inner, compression = inner_suffix(path)
    for s in (compression, inner):
        if s and name.lower().endswith(s):
            name = name[: -len(s)]
    return name or path.stem


def open_binary(path: Path):
    """The file's bytes, decompressed as its suffix says, as a binary file object."""
    _, compression = inner_suffix(path)
    if compression == ".gz":
        return gzip.open(path, "rb")
    if compression == ".bz2":
        return bz2.open(path, "rb")
    if compression == ".xz":
        return lzma.open(path, "rb")
    if compression == ".zst":
        try:
            import zstandard
        except ImportError:
            raise OSError("reading .zst needs the zstandard package (pip install zstandard), "
                          "or decompress it first (zstd -d)") from None
        return zstandard.open(path, "rb")
    return path.open("rb")


# --- HTML --------------------------------------------------------------------------------------

def _drop_furniture(data: bytes | str):
    from lxml import html as lh
    tree = lh.fromstring(data)
    for el in tree.xpath(_FURNITURE_XPATH):
        if el.getparent() is not None:
            el.drop_tree()
    return tree


def html_fields(data: bytes | str, url: str | None = None) -> dict | None:
    """{text, title, date, author, source, url} of a web page, or None when it has no main text."""
    import trafilatura
    from lxml import etree
    from lxml import html as lh
    try:
        meta = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                           include_tables=False, include_images=False)
        tree = _drop_furniture(data)
    except (ValueError, etree.ParserError, TypeError):
        return None
    text = trafilatura.extract(lh.tostring(tree, encoding="unicode"), output_format="txt", include_comments=False,
                               include_tables=False, include_images=False, favor_precision=True)
    if not text or not text.strip():
        return None
    title = (meta.title if meta is not None else None) or None
    lines = text.strip().split("\n")
    if title and lines and _same_words(lines[0], title):
        lines = lines[1:]  # the headline, which the record keeps as its title
    text = "\n\n".join(l.strip() for l in lines if l.strip())
    return {"text": text, "title": title,
            "date": (meta.date if meta is not None else None) or None,
            "author": (meta.author if meta is not None else None) or None,
            "source": (meta.sitename if meta is not None else None) or None,
            "url": (meta.url if meta is not None else None) or url}


def _same_words(a: str, b: str) -> bool:
    def words(s: str) -> list[str]:
        return re.findall(r"\w+", s.lower())
    wa, wb = words(a), words(b)
    return bool(wa) and (wa == wb or wb[:len(wa)] == wa)  # "Talks resume" of "Talks resume - Example News"


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed item's content), paragraph by paragraph."""
    from lxml import etree
    from lxml import html as lh
    if "<" not in fragment:
        return fragment.strip()
    try:
        tree = _drop_furniture(f"<div>{fragment}</div>")
    except (ValueError, etree.ParserError):
        return ""
    for br in tree.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = [" ".join(p.text_content().split()) for p in tree.iter("p", "li", "h2", "h3", "blockquote")]
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks) if blocks else " ".join(tree.text_content().split())


# --- feeds -------------------------------------------------------------------------------------

def item_id(prefix: str, key: str) -> str:
    """A stable id for an item known by its link: the same item of a refreshed feed is the same article."""
    return f"{prefix}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"


def feed_items(data: bytes) -> Iterator[dict]:
    """The items of an RSS or Atom feed: {key, text, title, date, url, author, source}."""
    import feedparser
    parsed = feedparser.parse(data)
    source = (parsed.feed.get("title") or None) if parsed.get("feed") else None
    for n, e in enumerate(parsed.entries, 1):
        content = ""
        if e.get("content"):
            content = max((c.get("value") or "" for c in e.content), key=len)
        content = content or e.get("summary") or e.get("description") or ""
        when = e.get("published_parsed") or e.get("updated_parsed")
        yield {"n": n, "key": e.get("id") or e.get("link") or f"{e.get('title', '')}#{n}",
               "text": fragment_text(content), "title": e.get("title") or None,
               "date": f"{when.tm_year:04d}-{when.tm_mon:02d}-{when.tm_mday:02d}" if when else None,
               "url": e.get("link") or None, "author": e.get("author") or None, "source": source}


def looks_like_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


# --- web archives ------------------------------------------------------------------------------

def warc_pages(handle) -> Iterator[tuple[int, str | None, bytes]]:
    """(record number, target URL, HTML body) of each HTML response of a WARC file."""
    from warcio.archiveiterator import ArchiveIterator
    for n, record in enumerate(ArchiveIterator(handle), 1):
        if record.rec_type != "response" or record.http_headers is None:
            continue
        ctype = (record.http_headers.get_header("Content-Type") or "").lower()
        status = record.http_headers.get_statuscode() or ""
        if "html" not in ctype or not status.startswith("2"):
            continue
        yield n, record.rec_headers.get_header("WARC-Target-URI"), record.content_stream().read()
