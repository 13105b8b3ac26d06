"""Readers of the store that write files: the event and actor tables, RDF in several formats.

Every file is written to a temporary name beside its target and renamed into place,
so an interrupted export never leaves half a file. `-` writes to standard output.
"""
from __future__ import annotations

import csv
import hashlib
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


# GDELT 2.0 event table (GDELT-Event_Codebook-V2.0): its 61 tab-separated columns, no header.
GDELT_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
               "Type1Code", "Type2Code", "Type3Code"]
GDELT_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT_COLUMNS = (["GlobalEventID", "Day", "MonthYear", "Year", "FractionDate"]
                 + [f"Actor1{c}" for c in GDELT_ACTOR] + [f"Actor2{c}" for c in GDELT_ACTOR]
                 + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
                    "NumMentions", "NumSources", "NumArticles", "AvgTone"]
                 + [f"Actor1Geo_{c}" for c in GDELT_GEO] + [f"Actor2Geo_{c}" for c in GDELT_GEO]
                 + [f"ActionGeo_{c}" for c in GDELT_GEO] + ["DATEADDED", "SOURCEURL"])
GDELT_QUAD = {"verbal_cooperation": "1", "material_cooperation": "2", "verbal_conflict": "3", "material_conflict": "4"}
_GROUP_CODES = {"IGO", "NGO", "MNC"}  # CAMEO's transnational codes: GDELT's KnownGroupCode side


def gdelt_table(store: Store, *, min_confidence: float | None = None) -> Table:
    """The events as GDELT 2.0 event-table rows, one per event (a symmetric one once, as GDELT
    has it), with the columns that have a meaning here filled: dates, actor codes (country +
    sector, as "USAGOV"), names, countries, sector as Type1Code, CAMEO codes, quad class,
    Goldstein score, mentions/sources/articles, the event's place name and the article's URL.
    Tone and coordinates are left empty: irkg measures neither. The mentions of one reported
    event (graph.reported_iri: every article's report of the same act) are one line, with their
    numbers of mentions, articles and outlets (an article of no known outlet counts as its own)."""
    articles = {r["article_id"]: r for r in run(store, _ARTICLE_DATES).dicts()}
    reported = {r["event_id"]: r["reported"] for r in run(store, _REPORTED).dicts()}
    groups: dict[str, list[dict]] = {}
    for r in event_table(store, mirror=False, min_confidence=min_confidence).dicts():
        groups.setdefault(reported.get(r["event_id"]) or r["event_id"], []).append(r)
    rows = []
    for key, mentions in groups.items():
        # the event's line is its first report's; the counts are of every report
        mentions.sort(key=lambda m: (articles.get(m["article_id"] or "", {}).get("date") or "", m["event_id"]))
        r = mentions[0]
        art = articles.get(r["article_id"] or "", {})
        outlets = {articles.get(m["article_id"] or "", {}).get("outlet") or m["article_id"] for m in mentions}
        date = r["date"] if r["date_precision"] == "day" and r["date"] else (art.get("date") or r["date"] or "")
        day = date.replace("-", "")[:8]
        year = day[:4]
        frac = ""
        if len(day) == 8:
            frac = f"{int(year) + (int(day[4:6]) - 1) / 12 + (int(day[6:8]) - 1) / 365:.4f}"
        digest = hashlib.sha1((key or "").encode("utf-8")).hexdigest()
        row = {"GlobalEventID": str(int(digest[:15], 16)), "Day": day, "MonthYear": day[:6], "Year": year,
               "FractionDate": frac, "IsRootEvent": "1" if str(r["start"]) == "0" else "0",
               "EventCode": r["cameo"] or "", "EventBaseCode": (r["cameo"] or "")[:3],
               "EventRootCode": (r["cameo"] or "")[:2], "QuadClass": GDELT_QUAD.get(r["quad"] or "", ""),
               "GoldsteinScale": r["goldstein"] or "", "NumMentions": str(len(mentions)),
               "NumSources": str(len(outlets)), "NumArticles": str(len({m["article_id"] for m in mentions})),
               "ActionGeo_FullName": r["location"] or "", "ActionGeo_Type": "",
               "DATEADDED": f"{day}000000" if len(day) == 8 else "", "SOURCEURL": art.get("url") or ""}
        for n, side in (("1", "source"), ("2", "target")):
            country, sector, name = r[f"{side}_country"] or "", r[f"{side}_sector"] or "", r[side] or ""
            if not name:
                continue
            row[f"Actor{n}Code"] = country + sector
            row[f"Actor{n}Name"] = name.upper()
            row[f"Actor{n}CountryCode" if country not in _GROUP_CODES else f"Actor{n}KnownGroupCode"] = country
            row[f"Actor{n}Type1Code"] = sector
        rows.append([row.get(c, "") for c in GDELT_COLUMNS])
    return Table(list(GDELT_COLUMNS), rows)


_ARTICLE_DATES = """PREFIX ir: <https://w3id.org/irkg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?article_id ?date ?url ?outlet WHERE {
  ?a a ir:Article ; ir:articleId ?article_id .
  OPTIONAL { ?a dcterms:date ?d } OPTIONAL { ?a ir:url ?u } OPTIONAL { ?a ir:outlet ?outlet }
  BIND(STR(?d) AS ?date) BIND(STR(?u) AS ?url)
}"""
_REPORTED = """PREFIX ir: <https://w3id.org/irkg/ontology#>
SELECT ?event_id ?reported WHERE { ?e ir:reportOf ?r BIND(STR(?e) AS ?event_id) BIND(STR(?r) AS ?reported) }"""


def write_gdelt(table: Table, path: str) -> int:
    """GDELT's own layout: tab-separated, no header, one line per event."""
    with atomic_text(path) as f:
        for r in table.rows:
            f.write("\t".join(" ".join(str(v).split()) for v in r) + "\n")
    return len(table.rows)


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
