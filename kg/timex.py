"""Time expressions -> dates, relative to the article's publication date.

`on Tuesday` in an article of Wednesday 2021-10-06 is 2021-10-05 (day precision);
`last month` is 2021-09 and `in August` 2021-08 (month); `next year` 2022 (year).
A resolved date is (value, precision) with value YYYY-MM-DD, YYYY-MM or YYYY.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
_MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None, "few": None}


def _month_num(word: str) -> int | None:
    w = word.lower().rstrip(".")
    if w in MONTHS:
        return MONTHS.index(w) + 1
    return _MONTH_ABBR.get(w) if len(w) >= 3 else None


def _shift_month(d: date, months: int) -> tuple[int, int]:
    m = d.month - 1 + months
    return d.year + m // 12, m % 12 + 1


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


# Relative dates further away than this are not dates an article reports ("999999 weeks ago").
MAX_BACK = {"day": 3660, "week": 520, "month": 1200, "year": 200}


def resolve(text: str, article_date: str | None, future: bool = False) -> tuple[str, str] | None:
    """Resolve one time expression; None when it names no point in time that can be fixed."""
    try:
        got = _resolve(text, article_date, future)
    except (OverflowError, ValueError):
        return None
    if got is None or not re.match(r"\d{4}(-\d{2}){0,2}$", got[0]):
        return None
    return got


def _resolve(text: str, article_date: str | None, future: bool = False) -> tuple[str, str] | None:
    t = " ".join(text.lower().replace(",", " ").split())
    t = re.sub(r"^(on|in|during|since|by|at|of|from|until|the|this past)\s+", "", t)
    t = re.sub(r"^(the|this past)\s+", "", t)
    ref = None
    if article_date:
        try:
            ref = date.fromisoformat(article_date)
        except ValueError:
            ref = None

    # Absolute: 2021-10-05, October 5 2021, 5 October 2021, October 2021, 2021.
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t)
    if m:
        d = _valid(int(m[1]), int(m[2]), int(m[3]))
        return (d.isoformat(), "day") if d else None
    m = re.fullmatch(r"([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)? (\d{4})", t) or None
    if m and _month_num(m[1]):
        d = _valid(int(m[3]), _month_num(m[1]), int(m[2]))
        return (d.isoformat(), "day") if d else None
    m = re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.? (\d{4})", t)
    if m and _month_num(m[2]):
        d = _valid(int(m[3]), _month_num(m[2]), int(m[1]))
        return (d.isoformat(), "day") if d else None
    m = re.fullmatch(r"([a-z]+)\.? (\d{4})", t)
    if m and _month_num(m[1]):
        return f"{int(m[2]):04d}-{_month_num(m[1]):02d}", "month"
    m = re.fullmatch(r"(\d{4})", t)
    if m and 1800 <= int(m[1]) <= 2200:
        return m[1], "year"
    if ref is None:
        return None

    # Relative to the article date.
    if t in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return ref.isoformat(), "day"
    if t in ("yesterday", "last night"):
        return (ref - timedelta(days=1)).isoformat(), "day"
    if t == "tomorrow":
        return (ref + timedelta(days=1)).isoformat(), "day"
    for i, name in enumerate(WEEKDAYS):
        if t in (name, f"{name} morning", f"{name} night", f"{name} evening", f"{name} afternoon",
                 f"last {name}", f"next {name}"):
            delta = (ref.weekday() - i) % 7
            if t.startswith("next") or (future and not t.startswith("last")):
                delta = -((i - ref.weekday()) % 7 or 7)
            elif t.startswith("last") and delta == 0:
                delta = 7
            return (ref - timedelta(days=delta)).isoformat(), "day"
    m = re.fullmatch(r"(last|this|next|past) (week|month|year)", t)
    if m:
        step = {"last": -1, "past": -1, "this": 0, "next": 1}[m[1]]
        if m[2] == "week":
            monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
            return monday.isoformat(), "week"
        if m[2] == "month":
            y, mo = _shift_month(ref, step)
            return f"{y:04d}-{mo:02d}", "month"
        return f"{ref.year + step:04d}", "year"
    if t in ("earlier this month", "later this month", "early this month", "late this month"):
        return f"{ref.year:04d}-{ref.month:02d}", "month"
    if t in ("earlier this year", "later this year"):
        return f"{ref.year:04d}", "year"
    m = re.fullmatch(r"(?:about |some |nearly |almost |more than )?([a-z]+|\d+) (day|week|month|year)s? (ago|earlier)", t)
    if m:
        n = int(m[1]) if m[1].isdigit() else _NUMBERS.get(m[1])
        if n is None or n > MAX_BACK[m[2]]:
            return None
        if m[2] == "day":
            return (ref - timedelta(days=n)).isoformat(), "day"
        if m[2] == "week":
            return (ref - timedelta(weeks=n)).isoformat(), "week"
        if m[2] == "month":
            y, mo = _shift_month(ref, -n)
            return f"{y:04d}-{mo:02d}", "month"
        return f"{ref.year - n:04d}", "year"
    # A month, or a month and day, without a year: the latest one not after the article
    # (the next one when the clause speaks of the future).
    m = re.fullmatch(r"(?:early |late |mid-?)?([a-z]+)\.?(?: (\d{1,2})(?:st|nd|rd|th)?)?", t)
    if m and _month_num(m[1]) and (len(m[1]) >= 3):
        mo = _month_num(m[1])
        day = int(m[2]) if m[2] else None
        year = ref.year
        if future and (mo < ref.month or (mo == ref.month and day is not None and day < ref.day)):
            year += 1
        elif not future and (mo > ref.month or (mo == ref.month and day is not None and day > ref.day)):
            year -= 1
        if day:
            d = _valid(year, mo, day)
            return (d.isoformat(), "day") if d else None
        return f"{year:04d}-{mo:02d}", "month"
    return None
