"""The persistent store: an embedded Oxigraph database in a folder.

One interface for what the rest of irkg needs: replace an article's named graph
atomically, know which articles are in and with what content hash, run SPARQL with
bound parameters, dump RDF. Queries see the union of all named graphs.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef

from .errors import KgError
from .graph import ACTORS_GRAPH, Quad, article_iri, graph_iri
from .vocab import IR

_FORMATS = {"nq": ox.RdfFormat.N_QUADS, "nt": ox.RdfFormat.N_TRIPLES, "ttl": ox.RdfFormat.TURTLE,
            "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD, "xml": ox.RdfFormat.RDF_XML}


def to_ox(term: object) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def to_rdflib(term: object) -> object:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    return term


def _quads(quads: Iterable[Quad]) -> list[ox.Quad]:
    return [ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g)) for s, p, o, g in quads]


class Store:
    """An embedded, persistent store in the folder `path` (created on first write)."""

    def __init__(self, path: str | os.PathLike, *, create: bool = True, read_only: bool = False) -> None:
        self.path = Path(path)
        if not create and not self.path.exists():
            raise KgError("E201", path=self.path)
        try:
            if not read_only:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = ox.Store.read_only(str(self.path)) if read_only else ox.Store(str(self.path))
        except OSError as e:
            text = str(e).lower()
            if "lock" in text or "resource temporarily unavailable" in text:
                raise KgError("E200", path=self.path) from e
            raise KgError("E202", path=self.path, detail=str(e)) from e

    # --- writing ------------------------------------------------------------------------
    def replace_articles(self, articles: list[tuple[str, list[Quad]]], shared: list[Quad]) -> None:
        """Replace each article's named graph and add the shared actor quads.

        The old graphs go first, then everything new in one transaction, so an interrupted
        write leaves each article either absent or whole (absent ones are rebuilt next run).
        """
        try:
            for article_id, _ in articles:
                self._db.remove_graph(ox.NamedNode(str(graph_iri(article_id))))
            self._db.extend(_quads([q for _, quads in articles for q in quads] + shared))
        except OSError as e:
            raise KgError("E202", path=self.path, detail=str(e)) from e

    def remove(self, article_id: str) -> bool:
        g = ox.NamedNode(str(graph_iri(article_id)))
        if not self._db.contains_named_graph(g):
            return False
        self._db.remove_graph(g)
        return True

    def load_nquads(self, path: str | os.PathLike) -> None:
        """Bulk-load an N-Quads file (e.g. the parts written by a distributed build)."""
        self._db.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)

    def flush(self) -> None:
        self._db.flush()

    def optimize(self) -> None:
        self._db.optimize()

    # --- reading ------------------------------------------------------------------------
    def content_hashes(self, article_ids: Iterable[str]) -> dict[str, str]:
        out = {}
        for aid in article_ids:
            a = ox.NamedNode(str(article_iri(aid)))
            g = ox.NamedNode(str(graph_iri(aid)))
            for q in self._db.quads_for_pattern(a, ox.NamedNode(str(IR.contentHash)), None, g):
                out[aid] = q.object.value
        return out

    def article_ids(self) -> list[str]:
        rows = self._db.query(f"SELECT ?id WHERE {{ GRAPH ?g {{ ?a <{IR.articleId}> ?id }} }}")
        return sorted(r["id"].value for r in rows)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._db.named_graphs())

    def __len__(self) -> int:
        return len(self._db)

    def query(self, sparql: str, bindings: dict[str, object] | None = None):
        """Run SPARQL over the union of the named graphs; `bindings` are bound, never pasted."""
        subs = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        try:
            return self._db.query(sparql, use_default_graph_as_union=True, substitutions=subs or None)
        except SyntaxError as e:
            raise KgError("E203", detail=str(e).splitlines()[0]) from e
        except (OSError, RuntimeError) as e:
            if "projection" in str(e):
                raise KgError("E210", detail=str(e).splitlines()[0]) from e
            raise KgError("E203", detail=str(e).splitlines()[0]) from e

    def dump(self, output, fmt: str, graph: str | None = None) -> None:
        """Serialise the store: quads formats keep named graphs, triples formats merge them."""
        rdf_format = _FORMATS[fmt]
        if rdf_format.supports_datasets:
            self._db.dump(output, rdf_format)
        else:
            self._db.dump(output, rdf_format, from_graph=ox.NamedNode(graph) if graph else ox.DefaultGraph())

    def quads(self) -> Iterable[ox.Quad]:
        return self._db.quads_for_pattern(None, None, None, None)

    def actors_graph(self) -> str:
        return str(ACTORS_GRAPH)


ONTOLOGY_GRAPH = "https://w3id.org/irkg/ontology"


def load_ontology(store: Store, files: Iterable[Path]) -> None:
    """Put the ontology and code schemes in a graph of their own, so queries can read labels."""
    g = ox.NamedNode(ONTOLOGY_GRAPH)
    quads = []
    for f in files:
        for t in ox.parse(path=str(f), format=ox.RdfFormat.TURTLE):
            quads.append(ox.Quad(t.subject, t.predicate, t.object, g))
    store._db.remove_graph(g)
    store._db.extend(quads)
