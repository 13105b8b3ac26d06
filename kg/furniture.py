"""Page furniture: the parts of a scraped page that are not the article's reporting.

Captions, photo credits, "Read more" links, newsletter and video blurbs, contributor
lines and datelines are recognised by the patterns of kg/data/furniture.tsv and masked
(replaced by spaces, line breaks kept) before the language model reads the text, so
that they give neither actors ("Getty Images Image caption Soldiers") nor events.
Masking keeps every offset: what the extractor reports still points into the article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .tables import read_table

KINDS = ("paragraph", "ending", "span", "prefix")
LONE_PARAGRAPH_WORDS = 80


@dataclass(frozen=True)
class Rule:
    kind: str
    pattern: re.Pattern
    max_words: int | None
    note: str


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    out = []
    for row in read_table("furniture.tsv"):
        kind = row["kind"]
        if kind not in KINDS:
            raise ValueError(f"furniture.tsv: unknown kind {kind!r}")
        out.append(Rule(kind, re.compile(row["pattern"]), int(row["max_words"]) if row.get("max_words") else None,
                        row.get("note", "")))
    return tuple(out)


_PARAGRAPH = re.compile(r"[^\n]+")


def spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, note) of every piece of furniture in `text`, in order."""
    found: list[tuple[int, int, str]] = []
    paragraphs = list(_PARAGRAPH.finditer(text))
    for para in paragraphs:
        body = para.group()
        lead = len(body) - len(body.lstrip())
        start, stripped = para.start() + lead, body.strip()
        if not stripped:
            continue
        end = start + len(stripped)
        words = len(stripped.split())
        whole = None
        # A text that is one long paragraph (wire copy with its line breaks lost) is an article,
        # whatever its first words look like.
        can_be_whole = len(paragraphs) > 1 or words <= LONE_PARAGRAPH_WORDS
        for r in rules() if can_be_whole else ():
            if r.max_words is not None and words > r.max_words:
                continue
            if r.kind == "paragraph" and r.pattern.match(stripped):
                whole = r
            elif r.kind == "ending" and r.pattern.search(stripped):
                whole = r
            if whole is not None:
                break
        if whole is not None:
            found.append((start, end, whole.note))
            continue
        for r in rules():
            if r.max_words is not None and words > r.max_words:
                continue
            if r.kind == "prefix":
                m = r.pattern.match(stripped)
                if m and m.end() > 0:
                    found.append((start, start + m.end(), r.note))
            elif r.kind == "span":
                # a group named `cut` is the furniture; the rest of the match is context it needs
                g = "cut" if "cut" in r.pattern.groupindex else 0
                found += [(start + m.start(g), start + m.end(g), r.note) for m in r.pattern.finditer(stripped)
                          if m.end(g) > m.start(g)]
    return sorted(found)


def mask(text: str) -> str:
    """`text` with its furniture blanked out, same length, line breaks kept."""
    pieces = spans(text)
    if not pieces:
        return text
    chars = list(text)
    for start, end, _ in pieces:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
