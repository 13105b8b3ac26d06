"""SPARQL over the store: saved queries by name, bound parameters, tabular output.

Parameters are bound as RDF literals through the store's substitution mechanism
(SEP-0007), never pasted into the query text.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal

from . import names
from .errors import KgError
from .store import Store
from .vocab import ROOT

QUERIES_DIR = ROOT / "queries"
# The queries behind the export tables (events, actors, articles) live with the code.
TABLES_DIR = Path(__file__).resolve().parent / "sparql"
FORMATS = ("table", "csv", "tsv", "json")


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str | None]]

    def dicts(self) -> list[dict[str, str | None]]:
        return [dict(zip(self.columns, r)) for r in self.rows]


def saved_queries() -> dict[str, Path]:
    return {p.stem: p for d in (TABLES_DIR, QUERIES_DIR) for p in sorted(d.glob("*.rq"))}


def load_query(text_or_name: str) -> str:
    """A SPARQL text, a path to a .rq file, or the name of a saved query."""
    saved = saved_queries()
    if text_or_name in saved:
        return saved[text_or_name].read_text(encoding="utf-8")
    path = Path(text_or_name)
    if text_or_name.endswith(".rq"):
        if not path.is_file():
            raise KgError("E204", name=text_or_name, names=", ".join(saved))
        return path.read_text(encoding="utf-8")
    looks_like_sparql = any(c in text_or_name for c in "{?") or any(c.isspace() for c in text_or_name.strip())
    if not looks_like_sparql and not any(w in text_or_name.upper() for w in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        # a word: the name of a saved query (text with spaces or braces is SPARQL, and its parser says where it is wrong)
        raise KgError("E204", name=text_or_name, hint=names.suggest(text_or_name, saved), names=", ".join(saved))
    return text_or_name


def parse_params(values: list[str]) -> dict[str, Literal]:
    out = {}
    for v in values:
        name, sep, value = v.partition("=")
        if not sep or not name.strip().isidentifier():
            raise KgError("E205", value=v)
        name = name.strip()
        # A country is bound as the code the graph stores, whether given as "RUS" or "Russia".
        out[name] = Literal(names.country_code(value) if name == "country" or name.endswith("_country") else value)
    return out


def _text(term) -> str | None:
    if term is None:
        return None
    return term.value if hasattr(term, "value") else str(term)


def run(store: Store, sparql: str, params: dict[str, object] | None = None) -> Table | bool | list:
    result = store.query(sparql, params)
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QuerySolutions):
        cols = [v.value for v in result.variables]
        return Table(cols, [[_text(sol[c]) for c in cols] for sol in result])
    return list(result)


def render(table: Table, fmt: str) -> str:
    if fmt not in FORMATS:
        raise KgError("E206", value=fmt, options=", ".join(FORMATS))
    if fmt == "json":
        return json.dumps(table.dicts(), ensure_ascii=False, indent=1) + "\n"
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        w = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(table.columns)
        for r in table.rows:
            w.writerow(["" if v is None else v for v in r])
        return buf.getvalue()
    return format_table(table)


def format_table(table: Table, max_width: int = 60) -> str:
    def cell(v: str | None) -> str:
        v = "" if v is None else " ".join(str(v).split())
        return v if len(v) <= max_width else v[: max_width - 1] + "…"
    rows = [[cell(v) for v in r] for r in table.rows]
    widths = [max([len(c)] + [len(r[i]) for r in rows]) for i, c in enumerate(table.columns)]
    line = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
    out = [line(table.columns), line(["-" * w for w in widths])] + [line(r) for r in rows]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
