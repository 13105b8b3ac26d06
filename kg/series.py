"""Dyadic event series: counts and mean Goldstein score per period, dyad and quad class.

ICEWS and GDELT users read events as monthly (or weekly, daily) series of a directed dyad,
source country -> target country, split by quad class. This module makes that table from the
event table (kg/export.py): one row per (period, source country, target country, quad class)
with the number of events and their mean Goldstein score. A symmetric event (met, agreed with)
counts in both directions, as its mirrored row does in the event table. Only asserted events
with both countries and a date at least as fine as the period are counted; the others are
counted apart in `Series.left_out` so that nothing is dropped without a word.
The saved query `dyad-series` gives the monthly table from SPARQL.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from . import names
from .errors import KgError
from .export import event_table
from .query import Table
from .store import Store

PERIODS = ("month", "week", "day")
COLUMNS = ["period", "source_country", "target_country", "quad", "events", "goldstein_mean"]
_FINE_ENOUGH = {"month": {"day", "month"}, "week": {"day"}, "day": {"day"}}


@dataclass
class Series:
    table: Table
    left_out: Counter = field(default_factory=Counter)  # reason -> events not counted


def period_of(date: str, by: str) -> str:
    """'2019-05-13' -> '2019-05' (month), '2019-W20' (ISO week) or '2019-05-13' (day)."""
    if by == "month":
        return date[:7]
    day = dt.date.fromisoformat(date[:10])
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"
    return day.isoformat()


def series(store: Store, *, by: str = "month", a: str | None = None, b: str | None = None,
           min_confidence: float | None = None) -> Series:
    """The dyadic series of the store; `a`, `b`: only events from country a (to country b)."""
    if by not in PERIODS:
        raise KgError("E214", kind="period", value=by, hint=names.suggest(by, PERIODS), options=", ".join(PERIODS))
    events = event_table(store, mirror=True, min_confidence=min_confidence)
    col = {c: i for i, c in enumerate(events.columns)}
    count: Counter = Counter()
    total: Counter = Counter()
    left_out: Counter = Counter()
    for row in events.rows:
        src, tgt = row[col["source_country"]], row[col["target_country"]]
        if a and src != a or b and tgt != b:
            continue
        if row[col["mode"]] != "asserted":
            left_out["not asserted (intent, appeal, rejected, future, historical)"] += 1
        elif not src or not tgt:
            left_out["no country on one side"] += 1
        elif not row[col["date"]]:
            left_out["no date"] += 1
        elif row[col["date_precision"]] not in _FINE_ENOUGH[by]:
            left_out[f"dated only to the {row[col['date_precision']]}"] += 1
        else:
            key = (period_of(row[col["date"]], by), src, tgt, row[col["quad"]] or "none")
            count[key] += 1
            total[key] += float(row[col["goldstein"]] or 0.0)
    rows = [[*key, n, round(total[key] / n, 2)] for key, n in sorted(count.items())]
    return Series(Table(list(COLUMNS), rows), left_out)
