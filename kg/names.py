"""Names a user types (countries, relations, event types, dates, actors), checked and normalised.

A typo must not read as "no results": every name is checked against what irkg knows, and
an unknown one is an error (non-zero exit) that says what would have matched. Countries may
be given by ISO code or by name ("Russia", "South Korea", "the United States").
"""
from __future__ import annotations

import difflib
import re
from datetime import date

from .errors import KgError

# Codes that are not states but stand for a kind of actor, as the coding rules use them.
NON_STATE_CODES = {"IGO": "international organisations", "NGO": "non-governmental organisations",
                   "MNC": "companies", "IMG": "transnational armed groups"}
TYPES = ("ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "MOBILIZE",
         "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def suggest(word: str, options, n: int = 3) -> str:
    """' (did you mean 'a', 'b'?)' for the options closest to `word`, or ''."""
    opts = list(options)
    lowered = {o.lower(): o for o in opts}
    close = difflib.get_close_matches(word.lower(), list(lowered), n=n, cutoff=0.6)
    return f" (did you mean {', '.join(repr(lowered[c]) for c in close)}?)" if close else ""


def country_code(value: str) -> str:
    """'RUS', 'rus', 'Russia', 'Russian Federation' -> 'RUS'; anything else is E213."""
    from . import gazetteer
    g = gazetteer.load()
    text = " ".join(value.split())
    up = text.upper()
    if up in g.states or up in NON_STATE_CODES:
        return up
    names: dict[str, str] = {}
    for code, state in g.states.items():
        for name in (state.label, *state.aliases):
            names.setdefault(name.lower(), code)
    low = text.lower()
    for form in (low, low[4:] if low.startswith("the ") else low):
        if form in names:
            return names[form]
    hit = g.lookup(text)
    if hit is not None and hit[1].type == "State" and hit[1].country:
        return hit[1].country
    labels = {s.label.lower(): (s.label, c) for c, s in g.states.items()}
    labels.update({c.lower(): (c, c) for c in g.states})
    close = difflib.get_close_matches(low, list(labels), n=4, cutoff=0.6)
    seen = dict.fromkeys(labels[c][1] for c in close)
    hint = ", ".join(f"{c} ({g.states[c].label})" for c in list(seen)[:3])
    raise KgError("E213", value=value, hint=f" (did you mean {hint}?)" if hint else "")


def plover_type(value: str) -> str:
    up = value.strip().upper()
    if up in TYPES:
        return up
    raise KgError("E214", kind="event type", value=value, hint=suggest(value, TYPES),
                  options=", ".join(TYPES))


def relation(value: str) -> str:
    from . import lexicon as lx
    known = sorted(lx.load().relations)
    if value in known:
        return value
    by_low = {k.lower(): k for k in known}
    if value.strip().lower() in by_low:
        return by_low[value.strip().lower()]
    raise KgError("E214", kind="relation", value=value, hint=suggest(value, known),
                  options=", ".join(known[:12]) + ", ... (kg/data/relations.tsv)")


def date_prefix(value: str, option: str) -> str:
    """'2018', '2018-03' or '2018-03-05', a real date; anything else is E215."""
    m = _DATE.match(value.strip())
    if m:
        y, mo, d = int(m[1]), int(m[2] or 1), int(m[3] or 1)
        try:
            date(y, mo, d)
            return value.strip()
        except ValueError:
            pass
    raise KgError("E215", option=option, value=value)
