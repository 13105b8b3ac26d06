"""Files, folders and JSON Lines -> a stream of Article records (and Problems).

Nothing here raises on bad input: each bad file or line becomes a Problem naming
its file and line, and the stream goes on, so one bad article never costs a batch.
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import message
from .records import Article, Problem

TEXT_SUFFIXES = {".txt", ".md"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
MAX_BYTES = 50_000_000

# ` date 2021-10-06 First paragraph...`: a header that shares its line with the text.
_HEADER = re.compile(r"\A\s*date\s+(\S+)[ \t]*")
# A closing byline such as `By Ahn Sung-mi (sahn@heraldcorp.com`.
_BYLINE = re.compile(r"\n[ \t]*By\s+((?:[A-Z][\w'’.-]*(?:[ \t]+|(?=[(\n])|\Z)){1,5}?)[ \t]*(?:\([^\n]*)?\s*\Z")
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%d %b %Y")


def parse_date(value: object) -> str | None:
    """An ISO YYYY-MM-DD date from common spellings, or None when it is not a real date."""
    from datetime import datetime

    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    m = re.match(r"(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$", text)
    if m:
        text = m.group(1)
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


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
    return path.stem


def _decode(data: bytes) -> tuple[str | None, str | None, dict]:
    """Decode bytes as text; return (text, error_code, fields)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None, {}
        except UnicodeDecodeError as e:
            return None, "E103", {"pos": e.start}
    if b"\x00" in data:
        return None, "E102", {}
    try:
        return data.decode("utf-8-sig"), None, {}
    except UnicodeDecodeError as e:
        return None, "E103", {"pos": e.start}


def _problem(origin: str, code: str, skipped: bool = True, **fields: object) -> Problem:
    return Problem(origin, code, message(code, **fields), skipped)


def read_text_file(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[Article | Problem]:
    origin = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            yield _problem(origin, "E114", size=size, limit=max_bytes)
            return
        data = path.read_bytes()
    except OSError as e:
        yield _problem(origin, "E112", detail=e.strerror or str(e))
        return
    if not data:
        yield _problem(origin, "E101")
        return
    raw, code, fields = _decode(data)
    if raw is None:
        yield _problem(origin, code, **fields)
        return
    text, when, author, bad_date = split_header_and_byline(raw)
    if bad_date is not None:
        yield _problem(origin + ":1", "E109", skipped=False, value=bad_date)
    if not text:
        yield _problem(origin, "E107")
        return
    yield Article(id=article_id_from_path(path), text=text, date=when, author=author, origin=origin)


def read_jsonl(path: Path, max_bytes: int = MAX_BYTES) -> Iterator[Article | Problem]:
    try:
        handle = path.open("rb")
    except OSError as e:
        yield _problem(str(path), "E112", detail=e.strerror or str(e))
        return
    with handle:
        for lineno, line in enumerate(handle, 1):
            origin = f"{path}:{lineno}"
            if not line.strip():
                continue
            if len(line) > max_bytes:
                yield _problem(origin, "E114", size=len(line), limit=max_bytes)
                continue
            try:
                record = json.loads(line.decode("utf-8-sig"))
            except UnicodeDecodeError as e:
                yield _problem(origin, "E103", pos=e.start)
                continue
            except json.JSONDecodeError as e:
                yield _problem(origin, "E104", detail=e.msg)
                continue
            yield from _article_from_record(record, origin, default_id=f"{path.stem}-{lineno}")


def _article_from_record(record: object, origin: str, default_id: str) -> Iterator[Article | Problem]:
    if not isinstance(record, dict):
        yield _problem(origin, "E110")
        return
    if "text" not in record or record["text"] is None:
        yield _problem(origin, "E105")
        return
    if not isinstance(record["text"], str):
        yield _problem(origin, "E106")
        return
    raw_id = record.get("id")
    art_id = str(raw_id).strip() if raw_id not in (None, "") else default_id
    text, header_date, author, _ = split_header_and_byline(record["text"])
    if not text:
        yield _problem(origin, "E107")
        return
    when = parse_date(record.get("date"))
    if record.get("date") not in (None, "") and when is None:
        yield _problem(origin, "E109", skipped=False, value=str(record.get("date"))[:40])
    yield Article(
        id=art_id,
        text=text,
        date=when or header_date,
        title=_opt_str(record.get("title")),
        url=_opt_str(record.get("url")),
        source=_opt_str(record.get("source")),
        author=_opt_str(record.get("author")) or author,
        origin=origin,
    )


def _opt_str(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _walk(folder: Path, seen: set[str]) -> Iterator[Path | Problem]:
    real = os.path.realpath(folder)
    if real in seen:
        yield _problem(str(folder), "E113")
        return
    seen.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as e:
        yield _problem(str(folder), "E112", detail=e.strerror or str(e))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(entry, seen)
        elif entry.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
            yield entry


def read_paths(paths: Iterable[str | Path], max_bytes: int = MAX_BYTES) -> Iterator[Article | Problem]:
    """Every article under `paths`, in a stable order, with Problems for what cannot be read.

    An article id seen twice in one run is reported and the later one skipped.
    """
    seen_ids: dict[str, str] = {}
    seen_dirs: set[str] = set()
    for item in _expand(paths, seen_dirs):
        if isinstance(item, Problem):
            yield item
            continue
        reader = read_jsonl if item.suffix.lower() in JSONL_SUFFIXES else read_text_file
        for result in reader(item, max_bytes):
            if isinstance(result, Article):
                first = seen_ids.get(result.id)
                if first is not None:
                    yield _problem(result.origin, "E111", id=result.id, first=first)
                    continue
                seen_ids[result.id] = result.origin
            yield result


def _expand(paths: Iterable[str | Path], seen_dirs: set[str]) -> Iterator[Path | Problem]:
    for p in paths:
        path = Path(p)
        if path.is_dir():
            yield from _walk(path, seen_dirs)
        elif not path.exists():
            yield _problem(str(path), "E100")
        elif path.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
            yield path
        else:
            yield _problem(str(path), "E108", suffix=path.suffix or "(none)")
