"""The persistent store: an embedded Oxigraph database in a folder, or a SPARQL 1.1 server.

One interface for what the rest of irkg needs: replace an article's named graph
atomically, know which articles are in and with what content hash, run SPARQL with
bound parameters, dump RDF, bulk-load N-Quads. Queries see the union of all named graphs.

`open_store(spec)` picks the kind: a folder gives the embedded `Store`; an http(s) URL
gives a `RemoteStore` (see its doc for the URL forms).
"""
from __future__ import annotations

import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from .errors import KgError
from .graph import ACTORS_GRAPH, Quad, actor_iri, article_iri, graph_iri
from .vocab import ID, IR

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


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_rdflib(term: object) -> object:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == _XSD_STRING:
            return Literal(term.value)  # a plain literal, as RDF 1.1 reads "x"
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    return term


def _quads(quads: Iterable[Quad]) -> list[ox.Quad]:
    return [ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g)) for s, p, o, g in quads]


def graphs_in(path: str | os.PathLike) -> list[str]:
    """The named graphs of an N-Quads file that a load replaces: all but the shared actors graph."""
    seen: dict[str, None] = {}
    for q in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
        if isinstance(q.graph_name, ox.NamedNode):
            seen[q.graph_name.value] = None
    seen.pop(str(ACTORS_GRAPH), None)
    return list(seen)


def nquads(quads: Iterable[Quad]) -> bytes:
    """Quads as N-Quads text (one statement a line, in the order given)."""
    return ox.serialize(_quads(quads), format=ox.RdfFormat.N_QUADS)


_AT = re.compile(r"error at (\d+):(\d+)(?:-\d+:\d+)?: (.*)")
_PREFIXED = re.compile(r"([A-Za-z][\w-]*):[\w.-]*\s*$")


def _query_error(e: Exception, sparql: str = "") -> KgError:
    """One line a user can act on: where the syntax error is, in the query's own lines and
    columns, what stands there, and for the common slips what to do."""
    text = str(e).splitlines()[0] if str(e) else type(e).__name__
    m = _AT.match(text)
    if m is None or not sparql:
        return KgError("E210" if "projection" in text else "E203", detail=text)
    line, col, expected = int(m.group(1)), int(m.group(2)), m.group(3)
    lines = sparql.splitlines() or [""]
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    before, rest = here[:col - 1].strip()[-30:], here[col - 1:].strip()
    end = "" if rest else " (the end of the query)" if line >= len(lines) else " (the end of the line)"
    found = f"after '{before}'{end}" if before else f"at '{rest[:30]}'"
    word = _PREFIXED.search(here[:col - 1]) if "Prefix not found" in expected else None
    if word is not None:
        hint = f"the prefix '{word.group(1)}:' is not declared; add a line PREFIX {word.group(1)}: <...>"
    else:
        hint = "something is missing or out of place just before it (a term, a bracket, a brace or a dot)"
    return KgError("E217", line=line, column=col, found=found, hint=hint)


class Store:
    """An embedded, persistent store in the folder `path` (created on first write).

    Writes are flushed to disk every FLUSH_QUADS quads: RocksDB's write buffers otherwise
    keep growing with the corpus (about 60 MB per 1,000 short articles), and memory would not
    stay flat."""

    FLUSH_QUADS = 20_000

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
        self._unflushed = 0

    # --- writing ------------------------------------------------------------------------
    def replace_articles(self, articles: list[tuple[str, list[Quad]]], shared: list[Quad]) -> None:
        """Replace each article's named graph and add the shared actor quads.

        The old graphs go first, then everything new in one transaction, so an interrupted
        write leaves each article either absent or whole (absent ones are rebuilt next run).
        """
        # One SPARQL update is one transaction: a kill leaves each article old or new, never absent.
        self._replace([str(graph_iri(aid)) for aid, _ in articles],
                      _quads([q for _, quads in articles for q in quads] + shared))

    def _replace(self, graphs: list[str], quads: list[ox.Quad]) -> None:
        drops = "".join(f"DROP SILENT GRAPH <{g}> ;\n" for g in graphs)
        by_graph: dict[str, list[str]] = {}
        for q in quads:
            by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
        data = "\n".join(f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items())
        try:
            self._db.update(f"{drops}INSERT DATA {{\n{data}\n}}")
            self._unflushed += len(quads)
            if self._unflushed >= self.FLUSH_QUADS:
                self.flush()
        except (OSError, RuntimeError) as e:
            raise KgError("E202", path=self.path, detail=str(e).splitlines()[0]) from e

    def remove(self, article_id: str) -> bool:
        g = ox.NamedNode(str(graph_iri(article_id)))
        if not self._db.contains_named_graph(g):
            return False
        self._db.remove_graph(g)
        self.prune_actors()
        return True

    def prune_actors(self) -> None:
        """Drop actor descriptions that no article mentions any more, nor links to.

        The kept set is computed in Python (mentions, then the country, part-of and office
        links out of them): one pass over the actors graph instead of a nested SPARQL test."""
        actors = ox.NamedNode(str(ACTORS_GRAPH))
        mentions = ox.NamedNode(str(IR.mentions))
        links = {str(IR.country), str(IR.partOf), str(IR.holdsOffice), str(IR.officeOf)}
        keep = {q.object for q in self._db.quads_for_pattern(None, mentions, None, None)
                if q.graph_name != actors}
        out: dict = {}
        quads = list(self._db.quads_for_pattern(None, None, None, actors))
        for q in quads:
            if q.predicate.value in links:
                out.setdefault(q.subject, []).append(q.object)
        todo = list(keep)
        while todo:
            for o in out.get(todo.pop(), ()):
                if o not in keep:
                    keep.add(o)
                    todo.append(o)
        stale = [q for q in quads if q.subject not in keep]
        for q in stale:
            self._db.remove(q)

    def settle_actors(self) -> int:
        """One label and one country per actor: see `settle`. Returns how many actors changed."""
        actors = ox.NamedNode(str(ACTORS_GRAPH))
        mentions = ox.NamedNode(str(IR.mentions))
        seen: dict[ox.NamedNode, set] = {}

        def mentioned_in(x: ox.NamedNode) -> set:
            # once per node: a state like the US is a candidate country for many actors
            if x not in seen:
                seen[x] = {q.graph_name for q in self._db.quads_for_pattern(None, mentions, x, None)}
            return seen[x]

        drop, add, n = settle(self._db.quads_for_pattern(None, None, None, actors), mentioned_in)
        for q in drop:
            self._db.remove(q)
        for q in add:
            self._db.add(q)
        return n

    def load_nquads(self, path: str | os.PathLike) -> None:
        """Bulk-load an N-Quads file (e.g. a part written by a distributed build).

        Each article graph in the file replaces the one in the store; the shared actors
        graph is added to. The bulk loader is not transactional: a load that fails half
        way is run again."""
        try:
            for g in graphs_in(path):
                self._db.remove_graph(ox.NamedNode(g))
            self._db.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS)
        except (OSError, SyntaxError) as e:
            raise KgError("E202", path=self.path, detail=str(e)) from e

    def replace_graph(self, graph: str, quads: list[ox.Quad]) -> None:
        """Replace one named graph with these (pyoxigraph) quads, in one transaction; a graph
        that already holds exactly these quads is left alone."""
        g = ox.NamedNode(graph)
        if set(self._db.quads_for_pattern(None, None, None, g)) == set(quads):
            return
        self._replace([graph], quads)

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update (irkg's own, never text a user typed)."""
        try:
            self._db.update(sparql)
        except (SyntaxError, OSError, RuntimeError) as e:
            raise KgError("E202", path=self.path, detail=str(e)) from e

    def flush(self) -> None:
        self._db.flush()
        self._unflushed = 0

    def optimize(self) -> None:
        self._db.optimize()

    # --- reading ------------------------------------------------------------------------
    def content_hashes(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The stored content hash of each of these articles that is in the store.

        One index lookup per article (an embedded store has no round trips to save)."""
        out = {}
        pred = ox.NamedNode(str(IR.contentHash))
        for aid in article_ids:
            a = ox.NamedNode(str(article_iri(aid)))
            g = ox.NamedNode(str(graph_iri(aid)))
            for q in self._db.quads_for_pattern(a, pred, None, g):
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
        except (SyntaxError, OSError, RuntimeError) as e:
            raise _query_error(e, sparql) from e

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


def settle(actor_quads: Iterable[ox.Quad], mentioned_in: Callable[[ox.NamedNode], set]
           ) -> tuple[list[ox.Quad], list[ox.Quad], int]:
    """What makes the shared actors graph hold one label, one country and one sector per actor
    and one title per office:
    (quads to remove, quads to add, how many actors change).

    Each article writes the descriptions of its actors into the shared graph, and two articles
    can name one actor differently ("Bashar al-Assad", "Bashar Al-Assad") or, for an actor no
    list knows, place it differently from their context. The label kept is the best written one
    (`_label_rank`), the others become skos:altLabel; the country kept is the one whose state is
    mentioned in most of the article graphs that mention the actor (`mentioned_in(node)` gives
    those graphs), and the offices of the other countries go with theirs. The choice depends on
    the store's content only, not on the order the articles came in."""
    actors = ox.NamedNode(str(ACTORS_GRAPH))
    label, pref, alt = (ox.NamedNode(str(x)) for x in (RDFS.label, SKOS.prefLabel, SKOS.altLabel))
    code, country, holds = (ox.NamedNode(str(x)) for x in (IR.countryCode, IR.country, IR.holdsOffice))
    sector, title = ox.NamedNode(str(IR.sector)), ox.NamedNode(str(IR.title))
    values: dict[tuple, list] = {}
    offices: dict[ox.NamedNode, list[ox.Quad]] = {}
    for q in actor_quads:
        if q.predicate in (label, code, sector, title):
            values.setdefault((q.subject, q.predicate), []).append(q.object)
        elif q.predicate == holds:
            offices.setdefault(q.subject, []).append(q)
    drop: list[ox.Quad] = []
    add: list[ox.Quad] = []
    settled = set()
    for (subject, pred), objs in values.items():
        if len(objs) < 2:
            continue
        settled.add(subject)
        if pred == label:
            best = min(objs, key=lambda o: _label_rank(o.value))
            for o in objs:
                if o != best:
                    drop += [ox.Quad(subject, label, o, actors), ox.Quad(subject, pref, o, actors)]
                    add.append(ox.Quad(subject, alt, o, actors))
            continue
        if pred == title:
            # "Vice President" and "Vice-President" are one office: the best written title stays
            best = min(objs, key=lambda o: _label_rank(o.value))
            drop += [ox.Quad(subject, title, o, actors) for o in objs if o != best]
            continue
        if pred == sector:
            # a senator is GOV in one article and LEG in another: the gazetteer's sector, else the
            # most specific one (any but GOV), the same whatever order the articles came in
            known = _gazetteer_sector(subject.value)
            best = next((o for o in objs if o.value == known), None) or \
                min(objs, key=lambda o: (o.value == "GOV", o.value))
            drop += [ox.Quad(subject, sector, o, actors) for o in objs if o != best]
            continue
        graphs = mentioned_in(subject)
        state = {o: ox.NamedNode(str(actor_iri(f"state/{o.value}"))) for o in objs}
        best = min(objs, key=lambda o: (-len(graphs & mentioned_in(state[o])), o.value))
        for o in objs:
            if o != best:
                drop += [ox.Quad(subject, code, o, actors), ox.Quad(subject, country, state[o], actors)]
                drop += [q for q in offices.get(subject, []) if q.object.value.startswith(f"{ID}office/{o.value}/")]
    return drop, add, len(settled)


def _gazetteer_sector(iri: str) -> str | None:
    from . import gazetteer
    key = iri[len(str(ID)):] if iri.startswith(str(ID)) else iri
    key = key.removeprefix("actor/")
    actor = gazetteer.load().actor(key)
    return actor.sector if actor is not None else None


def _label_rank(text: str) -> tuple:
    """Smaller is better written: mixed case, then fewest characters outside letters, digits,
    spaces, hyphens, dots and apostrophes, then the text itself (so the choice is stable)."""
    one_case = text.isupper() or text.islower()
    stray = sum(1 for c in text if not (c.isalnum() or c in " -.'’"))
    return one_case, stray, text


def load_ontology(store: Store | RemoteStore, files: Iterable[Path]) -> None:
    """Put the ontology and code schemes in a graph of their own, so queries can read labels."""
    g = ox.NamedNode(ONTOLOGY_GRAPH)
    quads = []
    for f in files:
        for t in ox.parse(path=str(f), format=ox.RdfFormat.TURTLE):
            quads.append(ox.Quad(t.subject, t.predicate, t.object, g))
    store.replace_graph(ONTOLOGY_GRAPH, quads)


# --- a SPARQL 1.1 server ---------------------------------------------------------------------
REMOTE_SCHEMES = ("http://", "https://")
_SPARQL_JSON = "application/sparql-results+json"
_NQUADS = "application/n-quads"


def is_remote(spec: object) -> bool:
    return str(spec).startswith(REMOTE_SCHEMES)


def open_store(spec: str | os.PathLike, *, create: bool = True, read_only: bool = False) -> Store | RemoteStore:
    """A folder -> the embedded Store; an http(s) URL -> a RemoteStore."""
    if is_remote(spec):
        return RemoteStore(str(spec))
    return Store(spec, create=create, read_only=read_only)


class RemoteStore:
    """A store on a SPARQL 1.1 server: Query and Update endpoints and a Graph Store endpoint.

    The spec is a URL. Bare, it names an Oxigraph server (`oxigraph serve`) and its
    endpoints BASE/query, BASE/update and BASE/store:

        http://127.0.0.1:7878

    Other servers name their endpoints in the URL's query string, each an absolute URL or
    a path on the same host (Fuseki, for instance):

        http://host:3030/ds?query=/ds/query&update=/ds/update&store=/ds/data

    Queries see the union of the named graphs, as on the embedded store. By default each
    query asks for it with Oxigraph's `union-default-graph` request parameter; for a server
    whose default graph is already the union (`oxigraph serve --union-default-graph`,
    Fuseki's unionDefaultGraph, GraphDB...), add `union=server` to the URL and nothing is
    added to the queries.

    Writes are bulk: replacing a batch of articles is one update request (DROP SILENT GRAPH
    for each) and one POST of N-Quads (application/n-quads) to the Graph Store endpoint.
    """

    def __init__(self, spec: str, *, timeout: float = 300.0) -> None:
        url = urllib.parse.urlsplit(spec)
        params = dict(urllib.parse.parse_qsl(url.query))
        base = urllib.parse.urlunsplit((url.scheme, url.netloc, url.path.rstrip("/"), "", ""))
        self.path = base  # what messages name
        self.timeout = timeout

        def endpoint(name: str) -> str:
            given = params.get(name)
            if given is None:
                return f"{base}/{name}"
            return urllib.parse.urljoin(base + "/", given)

        self.query_url = endpoint("query")
        self.update_url = endpoint("update")
        self.store_url = endpoint("store")
        self.union = params.get("union", "param")
        if self.union not in ("param", "server"):
            raise KgError("E202", path=self.path, detail=f"union={self.union}: use union=param or union=server")

    # --- HTTP ------------------------------------------------------------------------------
    def _request(self, url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None,
                 method: str | None = None, on_error: str = "E202"):
        req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
        try:
            return urllib.request.urlopen(req, timeout=self.timeout)
        except urllib.error.HTTPError as e:
            detail = e.read().decode("utf-8", "replace").strip().splitlines()
            raise (KgError("E203", detail=detail[0] if detail else str(e)) if on_error == "E203" else
                   KgError("E202", path=self.path, detail=f"HTTP {e.code}: {detail[0] if detail else e.reason}")) from e
        except (urllib.error.URLError, OSError) as e:
            raise KgError("E202", path=self.path, detail=str(getattr(e, "reason", e))) from e

    def _update(self, sparql: str) -> None:
        with self._request(self.update_url, data=sparql.encode("utf-8"),
                           headers={"Content-Type": "application/sparql-update"}):
            pass

    def update(self, sparql: str) -> None:
        """Run a SPARQL Update (irkg's own, never text a user typed)."""
        self._update(sparql)

    def _post_nquads(self, data: bytes) -> None:
        if data:
            with self._request(self.store_url, data=data, headers={"Content-Type": _NQUADS}, method="POST"):
                pass

    def _select(self, sparql: str, union: bool = True) -> ox.QuerySolutions | ox.QueryBoolean:
        return self._query(sparql, _SPARQL_JSON, union)

    def _query(self, sparql: str, accept: str, union: bool = True):
        fields = {"query": sparql}
        if union and self.union == "param":
            fields["union-default-graph"] = ""
        body = urllib.parse.urlencode(fields).encode("utf-8")
        resp = self._request(self.query_url, data=body, on_error="E203",
                             headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
        with resp:
            data = resp.read()
            kind = resp.headers.get_content_type()
        if kind in ("application/n-triples", "text/plain", "application/n-quads"):
            return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))
        return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)

    # --- writing ---------------------------------------------------------------------------
    def replace_articles(self, articles: list[tuple[str, list[Quad]]], shared: list[Quad]) -> None:
        """Drop the articles' graphs (one update request), then POST all their quads and
        the shared ones (one N-Quads request). Interrupted between the two, an article is
        absent, and the next build rebuilds it."""
        if articles:
            self._update(" ;\n".join(f"DROP SILENT GRAPH <{graph_iri(aid)}>" for aid, _ in articles))
        self._post_nquads(nquads([q for _, quads in articles for q in quads] + shared))

    def replace_graph(self, graph: str, quads: list[ox.Quad]) -> None:
        self._update(f"DROP SILENT GRAPH <{graph}>")
        self._post_nquads(ox.serialize(quads, format=ox.RdfFormat.N_QUADS))

    def remove(self, article_id: str) -> bool:
        g = graph_iri(article_id)
        if not bool(self._select(f"ASK {{ GRAPH <{g}> {{ ?s ?p ?o }} }}", union=False)):
            return False
        self._update(f"DROP GRAPH <{g}>")
        return True

    def load_nquads(self, path: str | os.PathLike) -> None:
        """POST an N-Quads file to the Graph Store endpoint, as one request, streamed, after
        dropping the article graphs it holds (the shared actors graph is added to)."""
        try:
            graphs = graphs_in(path)
        except (OSError, SyntaxError) as e:
            raise KgError("E202", path=self.path, detail=str(e)) from e
        for k in range(0, len(graphs), 500):
            self._update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs[k:k + 500]))
        size = os.path.getsize(path)
        with open(path, "rb") as f:
            req = urllib.request.Request(self.store_url, data=f, method="POST",
                                         headers={"Content-Type": _NQUADS, "Content-Length": str(size)})
            try:
                with urllib.request.urlopen(req, timeout=self.timeout):
                    pass
            except urllib.error.HTTPError as e:
                raise KgError("E202", path=self.path, detail=f"HTTP {e.code}: {e.reason}") from e
            except (urllib.error.URLError, OSError) as e:
                raise KgError("E202", path=self.path, detail=str(getattr(e, "reason", e))) from e

    def flush(self) -> None:
        pass

    def optimize(self) -> None:
        pass

    # --- reading ---------------------------------------------------------------------------
    def content_hashes(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The stored content hashes of these articles: one query for the whole batch."""
        ids = list(article_ids)
        if not ids:
            return {}
        rows = " ".join(f"(<{article_iri(a)}> <{graph_iri(a)}>)" for a in ids)
        by_iri = {str(article_iri(a)): a for a in ids}
        sols = self._select(f"SELECT ?a ?h WHERE {{ VALUES (?a ?g) {{ {rows} }} "
                            f"GRAPH ?g {{ ?a <{IR.contentHash}> ?h }} }}", union=False)
        return {by_iri[s["a"].value]: s["h"].value for s in sols}

    def article_ids(self) -> list[str]:
        sols = self._select(f"SELECT ?id WHERE {{ GRAPH ?g {{ ?a <{IR.articleId}> ?id }} }}", union=False)
        return sorted(s["id"].value for s in sols)

    def named_graphs(self) -> list[str]:
        sols = self._select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", union=False)
        return sorted(s["g"].value for s in sols)

    def __len__(self) -> int:
        # irkg writes nothing to the default graph: every statement is in a named graph.
        sols = self._select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", union=False)
        return int(next(iter(sols))["n"].value)

    def query(self, sparql: str, bindings: dict[str, object] | None = None):
        """Run SPARQL over the union of the named graphs; `bindings` are bound, never pasted:
        each value goes in as an escaped RDF term in a VALUES clause at the end of the query."""
        if bindings:
            names = " ".join(f"?{k}" for k in bindings)
            terms = " ".join(str(to_ox(v)) for v in bindings.values())
            sparql = f"{sparql}\nVALUES ({names}) {{ ({terms}) }}"
        upper = sparql.upper()
        accept = "application/n-triples" if ("CONSTRUCT" in upper or "DESCRIBE" in upper) and \
            "SELECT" not in upper and "ASK" not in upper else _SPARQL_JSON
        try:
            return self._query(sparql, accept)
        except (SyntaxError, ValueError) as e:
            raise _query_error(e, sparql) from e

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the store, from the Graph Store endpoint as N-Quads, streamed."""
        resp = self._request(self.store_url, headers={"Accept": _NQUADS})
        with resp:
            yield from ox.parse(resp, format=ox.RdfFormat.N_QUADS)

    def dump(self, output, fmt: str, graph: str | None = None) -> None:
        rdf_format = _FORMATS[fmt]
        quads = self.quads()
        if rdf_format.supports_datasets:
            ox.serialize(quads, output, rdf_format)
            return
        want = graph or None
        triples = (ox.Triple(q.subject, q.predicate, q.object) for q in quads
                   if (q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else None) == want)
        ox.serialize(triples, output, rdf_format)

    def settle_actors(self) -> int:
        """One label and one country per actor, as on the embedded store (see `settle`)."""
        g = str(ACTORS_GRAPH)
        rows = self._select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}", union=False)
        actors = ox.NamedNode(g)
        quads = [ox.Quad(r["s"], r["p"], r["o"], actors) for r in rows]
        where: dict[ox.NamedNode, set] = {}
        for r in self._select(f"SELECT ?g ?a WHERE {{ GRAPH ?g {{ ?x <{IR.mentions}> ?a }} }}", union=False):
            where.setdefault(r["a"], set()).add(r["g"])
        drop, add, n = settle(quads, lambda x: where.get(x, set()))
        if drop or add:
            data = lambda qs: "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in qs)  # noqa: E731
            self._update(f"DELETE DATA {{ GRAPH <{g}> {{\n{data(drop)}\n}} }} ;\n"
                         f"INSERT DATA {{ GRAPH <{g}> {{\n{data(add)}\n}} }}")
        return n

    def actors_graph(self) -> str:
        return str(ACTORS_GRAPH)
