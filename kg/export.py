"""Readers of the store that write files: the event and actor tables, RDF in several formats.

Every file is written to a temporary name beside its target and renamed into place,
so an interrupted export never leaves half a file. `-` writes to standard output.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph

from . import files
from . import lexicon as lx
from .errors import KgError
from .query import Table, load_query, run
from .store import ONTOLOGY_GRAPH, Store, to_rdflib
from .vocab import PREFIXES

EVENT_COLUMNS = ["event_id", "article_id", "date", "date_precision", "relation", "cameo", "plover", "quad",
                 "goldstein", "mode", "source", "source_id", "source_country", "source_sector", "target", "target_id",
                 "target_country", "target_sector", "object", "object_type", "location", "sentence", "start", "end",
                 "confidence", "direction"]
# Columns that trade places in the mirrored row of a symmetric event.
_SWAP = [("source", "target"), ("source_id", "target_id"), ("source_country", "target_country"),
         ("source_sector", "target_sector")]
ACTOR_COLUMNS = ["actor_id", "label", "type", "country", "sector", "title", "aliases", "mentions"]
RDF_FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld"}
NETWORK_FORMATS = {".graphml": "graphml", ".gexf": "gexf"}
TABLE_FORMATS = {".csv": "csv", ".jsonl": "jsonl", ".tsv": "tsv", ".json": "json"}


@contextmanager
def atomic_text(path: str, force: bool = True):
    """Open `path` for writing text atomically; '-' is standard output."""
    if path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    if Path(path).exists() and not force:
        raise KgError("E208", path=path)
    with files.atomic(path) as f:
        yield f


def table_format(path: str, default: str = "csv") -> str:
    if path == "-":
        return default
    fmt = TABLE_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise KgError("E207", path=path, options=", ".join(TABLE_FORMATS))
    return fmt


def event_table(store: Store, *, mirror: bool = True, min_confidence: float | None = None) -> Table:
    """One row per event; with `mirror`, a symmetric event (met, agreed with: see relations.tsv)
    also gets a row in the other direction, marked `mirrored`, so that a dyad's events read the
    same from either side, as the directed (source, target) tables of GDELT and ICEWS are read.
    min_confidence: leave out events the model finds less likely than that (None: no limit)."""
    symmetric = {label for label, rel in lx.load().relations.items() if rel.symmetric}
    rows = []
    for r in run(store, load_query("events")).dicts():
        if min_confidence is not None and float(r.get("confidence") or 0.0) < min_confidence:
            continue
        r["direction"] = "stated"
        rows.append([r.get(c) for c in EVENT_COLUMNS])
        if mirror and r.get("target_id") and r.get("relation") in symmetric:
            m = dict(r, direction="mirrored")
            for a, b in _SWAP:
                m[a], m[b] = r.get(b), r.get(a)
            rows.append([m.get(c) for c in EVENT_COLUMNS])
    return Table(EVENT_COLUMNS, rows)


def actor_table(store: Store) -> Table:
    t = run(store, load_query("actors"))
    return Table(ACTOR_COLUMNS, [[r.get(c) for c in ACTOR_COLUMNS] for r in t.dicts()])


def write_table(table: Table, path: str, fmt: str | None = None) -> int:
    fmt = fmt or table_format(path)
    with atomic_text(path) as f:
        if fmt == "jsonl":
            for row in table.dicts():
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif fmt == "json":
            json.dump(list(table.dicts()), f, ensure_ascii=False, indent=1)
            f.write("\n")
        else:
            # One line per row: a sentence that ran over lines in its article reads as one line
            # here (its offsets still point into the article).
            w = csv.writer(f, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
            w.writerow(table.columns)
            for r in table.rows:
                w.writerow([_cell(v) for v in r])
    return len(table.rows)


def _cell(v) -> object:
    if v is None:
        return ""
    if isinstance(v, str) and ("\n" in v or "\r" in v or "\t" in v):
        return " ".join(v.split())
    return v


def rdf_format(path: str) -> str:
    fmt = RDF_FORMATS.get(Path(path).suffix.lower()) if path != "-" else "turtle"
    if fmt is None:
        raise KgError("E207", path=path, options=", ".join(RDF_FORMATS))
    return fmt


def _data_quads(store: Store, with_ontology: bool):
    for q in store.quads():
        if not with_ontology and isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value == ONTOLOGY_GRAPH:
            continue
        yield q


def write_graph(store: Store, path: str, *, with_ontology: bool = False) -> int:
    """RDF out: .nq and .trig and .jsonld keep the named graphs; .ttl and .nt merge them.

    N-Triples and N-Quads come out sorted line by line and Turtle with bound prefixes in
    rdflib's sorted long form, so that exports of the same graph diff cleanly.
    """
    fmt = rdf_format(path)
    quads = list(_data_quads(store, with_ontology))
    if fmt in ("nt", "nquads"):
        terms = [ox.Triple(q.subject, q.predicate, q.object) for q in quads] if fmt == "nt" else quads
        ox_fmt = ox.RdfFormat.N_TRIPLES if fmt == "nt" else ox.RdfFormat.N_QUADS
        lines = sorted(set(ox.serialize(terms, format=ox_fmt).decode("utf-8").splitlines(keepends=True)))
        with atomic_text(path) as f:
            f.writelines(lines)
        return len(lines)
    if fmt == "turtle":
        g = Graph()
        for q in quads:
            g.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        _bind(g)
        text = g.serialize(format="longturtle")
        count = len(g)
    else:
        ds = Dataset()
        _bind(ds)
        for q in quads:
            ds.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object), to_rdflib(q.graph_name)))
        text = ds.serialize(format=fmt, **({"auto_compact": True} if fmt == "json-ld" else {}))
        count = len(quads)
    with atomic_text(path) as f:
        f.write(text)
    return count


def _bind(g) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)


def write_network(g, path: str) -> int:
    """The actor network for Gephi: one edge per (source, target, relation) with its event count."""
    import networkx as nx

    fmt = NETWORK_FORMATS[Path(path).suffix.lower()]
    flat = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        flat.add_node(n, **{k: ("" if v is None else str(v)) for k, v in d.items()})
    for u, v, k, d in g.edges(keys=True, data=True):
        dates = sorted(e["date"] for e in d["events"] if e.get("date"))
        flat.add_edge(u, v, key=k, relation=d["relation"], plover=d.get("plover") or "", quad=d.get("quad") or "",
                      weight=d["count"], first=dates[0] if dates else "", last=dates[-1] if dates else "")
    buf = io.BytesIO()
    (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(flat, buf)
    with atomic_text(path) as f:
        f.write(buf.getvalue().decode("utf-8"))
    return flat.number_of_edges()
