"""Files, folders and JSON Lines -> a stream of Article records (and Problems).

Nothing here raises on bad input: each bad file or line becomes a Problem naming
its file and line, and the stream goes on, so one bad article never costs a batch.
docs/reliability.md lists what happens to each kind of odd or hostile input; in short:

- text files are UTF-8 (a UTF-8 byte-order mark is dropped) or UTF-16/UTF-32 with a
  byte-order mark; anything else (Latin-1, bytes that are not valid UTF-8 anywhere in
  the file) is reported (E103, with the line and byte) and skipped: convert it first;
- a file with NUL bytes is binary (E102); only regular files are read (not devices or
  pipes); a file over MAX_BYTES (E114) or an article over the character limit (E116)
  is skipped before the language model sees it;
- control characters (and, from JSON, unpaired surrogates) cannot be stored or shown
  safely: each is replaced by one space (or U+FFFD), so character offsets do not move,
  and the article is kept with a warning (E117). Markup, right-to-left and zero-width
  characters are text and are kept as they are (whatever shows them escapes them);
- an article id that holds control or formatting characters, or is very long, is made
  safe (E120) so that it can be printed on one line and used in an IRI.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from . import formats
from .errors import message
from .records import Article, Problem

TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
FEED_SUFFIXES = {".rss", ".atom"}
WARC_SUFFIXES = {".warc"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | WARC_SUFFIXES
MAX_BYTES = 50_000_000  # a file, or a JSON Lines line, larger than this is not read (E114)
# An article text longer than this is skipped (E116). spaCy refuses texts over 1,000,000
# characters (nlp.max_length), its parser needs memory in proportion, and extraction time
# grows with the article: 100,000 characters is about 15,000 words, several times the
# longest news feature. KG_MAX_CHARS raises or lowers it.
MAX_CHARS = 100_000
MAX_CHARS_ENV = "KG_MAX_CHARS"
MAX_ID_CHARS = 200  # a longer id is shortened, with a hash of the whole id (E120)
MIN_YEAR, MAX_YEAR = 1800, 2200  # a publication date outside these years is not a date (E109)

# ` date 2021-10-06 First paragraph...`: a header that shares its line with the text.
_HEADER = re.compile(r"\A\s*+date\s++(\S++)[ \t]*+")
# A closing byline such as `By Ahn Sung-mi (sahn@heraldcorp.com`. Possessive quantifiers
# keep the search linear: with plain ones, a long run of spaces after `By Name` made it
# cubic (2,000 spaces took 14 s).
_BYLINE = re.compile(r"\n[ \t]*+By\s++((?:[A-Z][\w'’.-]*+(?:[ \t]++|(?=[(\n])|\Z)){1,5}?)[ \t]*+(?:\([^\n]*+)?\s*+\Z")
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d %b %Y", "%B %d %Y",
                 "%b %d %Y", "%b. %d, %Y", "%d %b. %Y", "%Y.%m.%d")
_ISO_DATETIME = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}(?::\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)?"
                           r"[ ]?(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?")

# Characters replaced in article text: C0 controls but tab, newline and carriage return
# (vertical tab and form feed become newlines), DEL, C1 controls, the non-characters
# U+FFFE and U+FFFF; unpaired surrogates (only JSON "\\ud800" escapes can make them)
# become U+FFFD. One character for one, so offsets into the text stay those of the input.
_TEXT_TABLE = {c: " " for c in [*range(0x00, 0x09), 0x0E, 0x0F, *range(0x10, 0x20), *range(0x7F, 0xA0)]}
_TEXT_TABLE.update({0x0B: "\n", 0x0C: "\n", 0xFFFE: "\ufffd", 0xFFFF: "\ufffd"})
_TEXT_TABLE.update({c: "\ufffd" for c in range(0xD800, 0xE000)})
# A zero-width space (and a byte-order mark inside the text, where it means the same) is
# a space that takes no room: made a plain space, silently, so that `Modi\u200b in Tokyo`
# still names Modi. Other zero-width and bidi characters (joiners, marks) belong to the
# text of many scripts and are kept.
_TEXT_TABLE.update({0x200B: " ", 0xFEFF: " "})
_LINE_TABLE = {**_TEXT_TABLE, 0x09: " ", 0x0A: " ", 0x0D: " ", 0x0B: " ", 0x0C: " ", 0x2028: " ", 0x2029: " "}
_TEXT_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_BAD = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
BOMS = ((b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
         (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"))


SPACY_MAX_CHARS = 1_000_000  # spaCy's nlp.max_length: a longer text makes the model raise


def max_chars_default() -> int:
    """The article character limit: $KG_MAX_CHARS if it is a positive integer (at most
    1,000,000, what spaCy accepts), else MAX_CHARS."""
    value = os.environ.get(MAX_CHARS_ENV, "").strip()
    if value.isdigit() and 0 < len(value) <= 9 and int(value) > 0:
        return min(int(value), SPACY_MAX_CHARS)
    return MAX_CHARS


def _limit(max_chars: int | None) -> int:
    return max_chars_default() if max_chars is None else max(1, min(int(max_chars), SPACY_MAX_CHARS))


def shown(value: object, limit: int = 60) -> str:
    """A value as it may appear in a one-line message: non-printable characters escaped
    (so a newline or a terminal escape sequence in a file name or an id cannot break or
    forge a line of output), and cut to `limit` characters."""
    text = value if isinstance(value, str) else str(value)
    cut = len(text) > limit
    text = text[:limit]
    out = "".join(c if c.isprintable() or c == " " else (f"\\x{ord(c):02x}" if ord(c) < 0x100 else
                                                        f"\\u{ord(c):04x}" if ord(c) < 0x10000 else
                                                        f"\\U{ord(c):08x}") for c in text)
    return out + ("…" if cut else "")


def clean_text(text: str) -> tuple[str, int]:
    """(text with control characters and unpaired surrogates replaced, how many were);
    zero-width spaces become spaces too, uncounted.

    The result has the same length as the input: character offsets are unchanged."""
    n = len(_TEXT_BAD.findall(text))
    if n or "\u200b" in text or "\ufeff" in text:
        return text.translate(_TEXT_TABLE), n
    return text, 0


def clean_line(text: str) -> tuple[str, int]:
    """Like clean_text for one-line fields (title, url...): line breaks become spaces too."""
    n = len(_LINE_BAD.findall(text))
    if n or "\u200b" in text or "\ufeff" in text:
        return text.translate(_LINE_TABLE), n
    return text, 0


def safe_id(raw: str) -> tuple[str, str | None]:
    """(an id that prints on one line and is not absurdly long, why it was changed or None).

    Deterministic: the same raw id always gives the same id."""
    why = []
    text = raw
    if not all(c.isprintable() or c == " " for c in text):
        text = "".join(c if c.isprintable() or c == " " else "_" for c in text)
        why.append("has control or formatting characters")
    text = text.strip()
    if not text:  # nothing printable at all: a name from its hash
        text = "article-" + hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        why = why or ["is blank"]
    if len(text) > MAX_ID_CHARS:
        digest = hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:12]
        text = f"{text[:MAX_ID_CHARS - 13]}-{digest}"
        why.append(f"is longer than {MAX_ID_CHARS} characters")
    return text, " and ".join(why) or None


def parse_date(value: object) -> str | None:
    """An ISO YYYY-MM-DD date from common spellings, or None when it is not a real date.

    Accepted: ISO dates and date-times (with a time zone or not; the date part is taken as
    written), 2021/10/06, 20211006, 6 October 2021, October 6, 2021, Oct. 6, 2021, RFC 2822
    (`Wed, 06 Oct 2021 12:00:00 GMT`, as in RSS feeds). A year outside 1800-2200 is taken
    for a mistake. Never raises."""
    from datetime import datetime
    from email.utils import parsedate_tz

    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, float):
        if not value.is_integer():
            return None
        value = int(value)
    if not isinstance(value, (str, int)):
        return None
    try:
        text = " ".join(str(value).split())
    except ValueError:  # an int too long to print
        return None
    if not text or len(text) > 64:
        return None
    m = _ISO_DATETIME.fullmatch(text)
    if m:
        text = m.group(1)
    found = None
    for fmt in _DATE_FORMATS:
        try:
            found = datetime.strptime(text, fmt).date()
            break
        except ValueError:
            continue
    if found is None and ("," in text or re.fullmatch(r"\d{1,2} [A-Za-z]{3} \d{4} .*", text)):
        try:
            parts = parsedate_tz(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            parts = None
        if parts is not None:
            try:
                from datetime import date
                found = date(parts[0], parts[1], parts[2])
            except (TypeError, ValueError, OverflowError):
                found = None
    if found is None or not MIN_YEAR <= found.year <= MAX_YEAR:
        return None
    return found.isoformat()


def split_header_and_byline(raw: str) -> tuple[str, str | None, str | None, str | None]:
    """Return (text, date, author, bad_date) with the header and byline removed."""
    found_date = bad_date = author = None
    m = _HEADER.match(raw)
    if m:
        found_date = parse_date(m.group(1))
        if found_date is None:
            bad_date = m.group(1)
        raw = raw[m.end():]
    m = _BYLINE.search(raw)
    if m:
        author = m.group(1).strip()
        raw = raw[: m.start()]
    return raw.strip(), found_date, author, bad_date


def article_id_from_path(path: Path) -> str:
    return formats.stem(path)


def kind_of(path: Path) -> str | None:
    """'text', 'jsonl', 'html', 'feed', 'warc' (compressed or not), or None for other files."""
    inner, _ = formats.inner_suffix(path)
    for kind, suffixes in (("text", TEXT_SUFFIXES), ("jsonl", JSONL_SUFFIXES), ("html", HTML_SUFFIXES),
                           ("feed", FEED_SUFFIXES), ("warc", WARC_SUFFIXES)):
        if inner in suffixes:
            return kind
    return None


def _read_whole(path: Path, max_bytes: int) -> tuple[bytes | None, Problem | None]:
    """The file's bytes, decompressed, up to max_bytes; or the Problem that stops it."""
    origin = str(path)
    bad = _regular_file(path, max_bytes)
    if bad is not None:
        return None, bad
    try:
        with formats.open_binary(path) as handle:
            data = handle.read(max_bytes + 1)
    except formats.DECOMPRESSION_ERRORS as e:
        return None, problem(origin, "E112", detail=getattr(e, "strerror", None) or str(e) or type(e).__name__)
    if len(data) > max_bytes:  # it grew since stat(), or decompressed to more
        return None, problem(origin, "E114", size=len(data), limit=max_bytes)
    if not data:
        return None, problem(origin, "E101")
    return data, None


def _line_of(data: bytes, pos: int) -> int:
    return data.count(b"\n", 0, pos) + 1


def _decode(data: bytes) -> tuple[str | None, str | None, dict]:
    """Decode bytes as text; return (text, error_code, message fields)."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError as e:
                return None, "E119", {"encoding": encoding.upper(), "pos": e.start + len(bom)}
            if "\x00" in text:
                return None, "E102", {}
            return text, None, {}
    if b"\x00" in data:
        return None, "E102", {}
    try:
        return data.decode("utf-8-sig"), None, {}
    except UnicodeDecodeError as e:
        skip = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        return None, "E103", {"pos": e.start + skip, "line": f", line {_line_of(data, e.start + skip)}"}


def problem(origin: str, code: str, skipped: bool = True, **fields: object) -> Problem:
    return Problem(shown(origin, 10_000), code, message(code, **fields), skipped)


def _regular_file(path: Path, max_bytes: int) -> Problem | None:
    """A Problem when `path` is not a regular file we may read whole, else None."""
    try:
        st = path.stat()
    except OSError as e:
        return problem(str(path), "E112", detail=e.strerror or str(e))
    if not stat.S_ISREG(st.st_mode):
        return problem(str(path), "E112", detail="not a regular file (a device, pipe or socket)")
    if st.st_size > max_bytes:
        return problem(str(path), "E114", size=st.st_size, limit=max_bytes)
    return None


def _too_long(origin: str, text: str, max_chars: int) -> Problem | None:
    if len(text) > max_chars:
        return problem(origin, "E116", chars=len(text), limit=max_chars, env=MAX_CHARS_ENV)
    return None


def read_text_file(path: Path, max_bytes: int = MAX_BYTES, max_chars: int | None = None) -> Iterator[Article | Problem]:
    origin = str(path)
    max_chars = _limit(max_chars)
    data, bad = _read_whole(path, max_bytes)
    if bad is not None:
        yield bad
        return
    raw, code, fields = _decode(data)
    if raw is None:
        yield problem(origin, code, **fields)
        return
    raw, replaced = clean_text(raw)
    text, when, author, bad_date = split_header_and_byline(raw)
    if not text:
        yield problem(origin, "E107")
        return
    too_long = _too_long(origin, text, max_chars)
    if too_long is not None:
        yield too_long
        return
    if bad_date is not None:
        yield problem(origin + ":1", "E109", skipped=False, value=shown(bad_date, 40))
    art_id, why = safe_id(article_id_from_path(path))
    if why is not None:
        yield problem(origin, "E120", skipped=False, id=shown(article_id_from_path(path)), why=why, new=art_id)
    if replaced:
        yield problem(origin, "E117", skipped=False, n=replaced)
    yield Article(id=art_id, text=text, date=when, author=author, origin=shown(origin, 10_000))


def jsonl_line(path: str | Path, lineno: int, line: bytes, max_bytes: int = MAX_BYTES,
               max_chars: int | None = None) -> list[Article | Problem]:
    """One line of a JSON Lines file (as bytes) -> its Article and warnings, or Problems.

    The same for `kg build` and a distributed build (kg.distributed)."""
    origin = f"{path}:{lineno}"
    if not line.strip():
        return []
    if len(line) > max_bytes:
        return [problem(origin, "E114", size=len(line), limit=max_bytes)]
    try:
        record = json.loads(line.decode("utf-8-sig"))
    except UnicodeDecodeError as e:
        return [problem(origin, "E103", pos=e.start)]
    except json.JSONDecodeError as e:
        return [problem(origin, "E104", detail=e.msg)]
    except RecursionError:
        return [problem(origin, "E104", detail="nested too deeply")]
    except ValueError as e:  # e.g. an integer with more digits than Python converts
        return [problem(origin, "E104", detail=shown(str(e).split(";")[0], 80))]
    return list(_article_from_record(record, origin, default_id=f"{Path(path).stem}-{lineno}", max_chars=max_chars))


def read_jsonl(path: Path, max_bytes: int = MAX_BYTES, max_chars: int | None = None) -> Iterator[Article | Problem]:
    max_chars = _limit(max_chars)
    bad = _regular_file(path, max_bytes=1 << 62)  # a JSON Lines file may be big; its lines may not
    if bad is not None:
        yield bad
        return
    try:
        empty = path.stat().st_size == 0
    except OSError:
        empty = False
    if empty:
        yield problem(str(path), "E101")
        return
    try:
        handle = formats.open_binary(path)
    except OSError as e:
        yield problem(str(path), "E112", detail=e.strerror or str(e))
        return
    with handle:
        lineno = 0
        while True:
            try:
                line = handle.readline(max_bytes + 1)
            except formats.DECOMPRESSION_ERRORS as e:  # a damaged or cut compressed file
                yield problem(f"{path}:{lineno + 1}", "E112",
                              detail=getattr(e, "strerror", None) or str(e) or type(e).__name__)
                return
            if not line:
                return
            lineno += 1
            if lineno == 1:
                wide = next((enc for bom, enc in BOMS if line.startswith(bom)), None)
                if wide is not None:
                    yield problem(f"{path}:1", "E121", encoding=wide.upper())
                    return
            if len(line) > max_bytes:
                size = len(line)
                while not line.endswith(b"\n"):  # drop the rest of the line, a piece at a time
                    line = handle.readline(1 << 20)
                    if not line:
                        break
                    size += len(line)
                yield problem(f"{path}:{lineno}", "E114", size=size, limit=max_bytes)
                continue
            yield from jsonl_line(path, lineno, line, max_bytes, max_chars)


def _page_article(fields: dict | None, origin: str, art_id: str, kind: str,
                  max_chars: int) -> Iterator[Article | Problem]:
    """The Article of a page's (or a feed item's) extracted fields, with its warnings."""
    if fields is None or not (fields.get("text") or "").strip():
        yield problem(origin, "E124", kind=kind)
        return
    text, replaced = clean_text(fields["text"])
    too_long = _too_long(origin, text, max_chars)
    if too_long is not None:
        yield too_long
        return
    safe, why = safe_id(art_id)
    if why is not None:
        yield problem(origin, "E120", skipped=False, id=shown(art_id), why=why, new=safe)
    if replaced:
        yield problem(origin, "E117", skipped=False, n=replaced)
    title = clean_line(fields["title"])[0] if fields.get("title") else None
    yield Article(id=safe, text=text, date=parse_date(fields.get("date")) if fields.get("date") else None,
                  title=title, url=fields.get("url"), source=fields.get("source"), author=fields.get("author"),
                  origin=shown(origin, 10_000))


def read_html_file(path: Path, max_bytes: int = MAX_BYTES, max_chars: int | None = None) -> Iterator[Article | Problem]:
    data, bad = _read_whole(path, max_bytes)
    if bad is not None:
        yield bad
        return
    yield from _page_article(formats.html_fields(data), str(path), article_id_from_path(path), "web page",
                             _limit(max_chars))


def read_feed_file(path: Path, max_bytes: int = MAX_BYTES, max_chars: int | None = None) -> Iterator[Article | Problem]:
    data, bad = _read_whole(path, max_bytes)
    if bad is not None:
        yield bad
        return
    items = list(formats.feed_items(data))
    if not items:
        yield problem(str(path), "E124", kind="feed")
        return
    for item in items:
        yield from _page_article(item, f"{path}#{item['n']}", formats.item_id(article_id_from_path(path), item["key"]),
                                 "feed item", _limit(max_chars))


def read_warc_file(path: Path, max_bytes: int = MAX_BYTES, max_chars: int | None = None) -> Iterator[Article | Problem]:
    bad = _regular_file(path, max_bytes=1 << 62)  # an archive may be big; its pages may not
    if bad is not None:
        yield bad
        return
    n = 0
    try:
        with formats.open_binary(path) as handle:
            for n, url, body in formats.warc_pages(handle):
                origin = f"{path}#{n}"
                if len(body) > max_bytes:
                    yield problem(origin, "E114", size=len(body), limit=max_bytes)
                    continue
                key = url or f"record-{n}"
                yield from _page_article(formats.html_fields(body, url), origin,
                                         formats.item_id(article_id_from_path(path), key), "web page",
                                         _limit(max_chars))
    except formats.DECOMPRESSION_ERRORS + (ValueError,) as e:
        yield problem(f"{path}#{n + 1}", "E112", detail=str(e) or type(e).__name__)


def read_url(url: str, max_bytes: int = MAX_BYTES, max_chars: int | None = None) -> Iterator[Article | Problem]:
    """A web page or a feed fetched over HTTP (kg.fetch: polite, cached)."""
    from . import fetch
    try:
        final, ctype, data = fetch.fetch(url, max_bytes)
    except fetch.FetchError as e:
        yield problem(url, "E125", detail=str(e))
        return
    ctype = ctype.split(";")[0].strip().lower()
    name = formats.item_id("url", final)
    if "rss" in ctype or "atom" in ctype or (ctype.endswith("xml") and formats.looks_like_feed(data)):
        for item in formats.feed_items(data):
            yield from _page_article(item, f"{url}#{item['n']}", formats.item_id("feed", item["key"]), "feed item",
                                     _limit(max_chars))
    elif "html" in ctype or (not ctype and data.lstrip()[:1] == b"<"):
        fields = formats.html_fields(data, final)
        if fields is not None:
            fields["url"] = fields.get("url") or final
        yield from _page_article(fields, url, name, "web page", _limit(max_chars))
    elif ctype.startswith("text/"):
        raw, code, fields = _decode(data)
        if raw is None:
            yield problem(url, code, **fields)
            return
        yield from _page_article({"text": raw, "url": final}, url, name, "text", _limit(max_chars))
    else:
        yield problem(url, "E125", detail=f"'{ctype or 'no content type'}' is not a page or a feed")


READERS = {"text": read_text_file, "jsonl": read_jsonl, "html": read_html_file, "feed": read_feed_file,
           "warc": read_warc_file}


def _article_from_record(record: object, origin: str, default_id: str,
                         max_chars: int | None = None) -> Iterator[Article | Problem]:
    max_chars = _limit(max_chars)
    if not isinstance(record, dict):
        yield problem(origin, "E110")
        return
    if "text" not in record or record["text"] is None:
        yield problem(origin, "E105")
        return
    if not isinstance(record["text"], str):
        yield problem(origin, "E106")
        return
    raw, replaced = clean_text(record["text"])
    text, header_date, author, _ = split_header_and_byline(raw)
    if not text:
        yield problem(origin, "E107")
        return
    too_long = _too_long(origin, text, max_chars)
    if too_long is not None:
        yield too_long
        return
    warnings: list[Problem] = []
    raw_id = record.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int, float, type(None))):
        warnings.append(problem(origin, "E118", skipped=False, field="id"))
        raw_id = None
    try:
        raw_id = None if raw_id is None else str(raw_id).strip()
    except ValueError:
        raw_id = None
    art_id, why = safe_id(raw_id or default_id)
    if why is not None:
        warnings.append(problem(origin, "E120", skipped=False, id=shown(raw_id or default_id), why=why, new=art_id))
    when = parse_date(record.get("date"))
    if record.get("date") not in (None, "") and when is None:
        value = record.get("date")
        warnings.append(problem(origin, "E109", skipped=False,
                                 value=shown(value if isinstance(value, str) else json.dumps(value)[:40], 40)))
    fields = {}
    for name in ("title", "url", "source", "author"):
        value, bad = _opt_str(record.get(name))
        if bad:
            warnings.append(problem(origin, "E118", skipped=False, field=name))
        fields[name] = value
    if replaced:
        warnings.append(problem(origin, "E117", skipped=False, n=replaced))
    yield from warnings
    yield Article(
        id=art_id,
        text=text,
        date=when or header_date,
        title=fields["title"],
        url=fields["url"],
        source=fields["source"],
        author=fields["author"] or author,
        origin=shown(origin, 10_000),
    )


def _opt_str(value: object) -> tuple[str | None, bool]:
    """(the field as one clean line, or None; True when it was there but not usable text)."""
    if value is None:
        return None, False
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None, True
    try:
        text = str(value)
    except ValueError:
        return None, True
    text = clean_line(text)[0].strip()[:10_000]
    return text or None, False


def _walk(folder: Path, seen: set[str]) -> Iterator[Path | Problem]:
    """The readable files under `folder`, in name order, each sub-folder's files where the
    sub-folder comes (depth first). Iterative, with a stack of folder listings, so that a
    very deep tree cannot exhaust Python's recursion limit."""
    stack: list[Iterator[Path]] = [iter((folder,))]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        try:
            is_dir = entry.is_dir()
        except OSError as e:  # e.g. a symbolic link to itself
            yield problem(str(entry), "E112", detail=e.strerror or str(e))
            continue
        if not is_dir:
            if kind_of(entry) is not None:
                yield entry
            else:  # counted, and named with --verbose
                yield problem(str(entry), "E122", skipped=False, suffix=shown(entry.suffix or "(none)", 20))
            continue
        real = os.path.realpath(entry)
        if real in seen:
            yield problem(str(entry), "E113")
            continue
        seen.add(real)
        try:
            entries = sorted((e for e in entry.iterdir() if not e.name.startswith(".")), key=lambda p: p.name)
        except OSError as e:
            yield problem(str(entry), "E112", detail=e.strerror or str(e))
            continue
        stack.append(iter(entries))


def read_paths(paths: Iterable[str | Path], max_bytes: int = MAX_BYTES,
               max_chars: int | None = None) -> Iterator[Article | Problem]:
    """Every article under `paths`, in a stable order, with Problems for what cannot be read.

    An article id seen twice in one run is reported and the later one skipped. Warnings
    (Problems with skipped=False) come just before the Article they are about."""
    max_chars = _limit(max_chars)
    seen_ids: dict[str, str] = {}
    seen_texts: dict[str, list] = {}  # hash of an article's words -> (where, input, (date, outlet, url))
    seen_dirs: set[str] = set()
    for item in expand_paths(paths, seen_dirs):
        if isinstance(item, Problem):
            yield item
            continue
        reader = read_url if isinstance(item, str) else READERS[kind_of(item) or "text"]
        held: list[Problem] = []
        for result in reader(item, max_bytes, max_chars):
            if isinstance(result, Problem) and not result.skipped:
                held.append(result)  # a warning waits for its article, which may yet be a duplicate
                continue
            if isinstance(result, Article):
                first = seen_ids.get(result.id)
                if first is not None:
                    held.clear()
                    yield problem(result.origin, "E111", id=shown(result.id), first=first)
                    continue
                # The same text reached twice from two inputs (a .txt and a JSON Lines record of
                # it, a page saved twice) is built once, spacing and case aside; unless a date,
                # outlet or URL that both give differs: a wire story run by two outlets, or on two
                # days, is two reports. Records of one file with their own ids stay apart: the
                # file says they are two (a gold set codes one sentence twice).
                words = hashlib.sha1(" ".join(result.text.lower().split()).encode("utf-8")).hexdigest()
                facts = (result.date, result.source, result.url)
                first = next((origin for origin, source, other in seen_texts.get(words, ())
                              if source != str(item)
                              and all(a is None or b is None or a == b for a, b in zip(facts, other))), None)
                if first is not None:
                    held.clear()
                    yield problem(result.origin, "E123", first=first)
                    continue
                seen_texts.setdefault(words, []).append((result.origin, str(item), facts))
                seen_ids[result.id] = result.origin
                yield from held
                held.clear()
            yield result
        yield from held


def count_articles(paths: Iterable[str | Path]) -> int:
    """How many articles `paths` hold, read cheaply (files and non-blank JSON Lines, no parsing):
    the total a progress bar shows. Bad or duplicate ones still count; they are few."""
    n = 0
    for item in expand_paths(paths, set()):
        if isinstance(item, Problem):
            continue
        if isinstance(item, str):  # a URL: one page (a feed counts as one until it is read)
            n += 1
            continue
        if kind_of(item) == "jsonl":
            try:
                with formats.open_binary(item) as f:
                    n += sum(1 for line in f if line.strip())
            except formats.DECOMPRESSION_ERRORS:
                continue
        else:
            n += 1
    return n


def expand_paths(paths: Iterable[str | Path], seen_dirs: set[str]) -> Iterator[Path | str | Problem]:
    """Files (as Paths) and URLs (as strings) to read, and Problems."""
    for p in paths:
        if isinstance(p, str) and p.lower().startswith(("http://", "https://")):
            yield p
            continue
        path = Path(p)
        try:
            is_dir = path.is_dir()
            exists = is_dir or path.exists() or path.is_symlink()
        except OSError as e:
            yield problem(str(path), "E112", detail=e.strerror or str(e))
            continue
        if is_dir:
            yield from _walk(path, seen_dirs)
        elif not exists:
            yield problem(str(path), "E100")
        elif kind_of(path) is not None:
            yield path
        else:
            yield problem(str(path), "E108", suffix=shown(path.suffix or "(none)", 20))
