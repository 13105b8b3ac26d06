"""The Python API: everything the command line does, as plain functions.

    from kg import api
    report = api.build(["seeds/"], "out/store")
    table = api.query("out/store", "who-met-whom")
    ds = api.dataset("out/store")   # the same store as an rdflib Dataset, no copy
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from . import export, identity, names, network, pipeline, query as query_mod
from .errors import KgError
from .records import Problem
from .store import RemoteStore, Store, load_ontology
from .store import open_store as _open
from .vocab import ONTOLOGY_DIR


@dataclass
class Summary:
    """The store's counts, each defined once and used by every command that prints one."""

    articles: int  # article graphs
    actors: int  # actors described in the actors graph (every one an article mentions, and the
    #              bodies they are part of), the rows of `kg export actors`
    events: int  # every stored event, at any confidence
    triples: int  # every statement of every graph, the ontology's included
    shown: int = 0  # events at the views' default confidence (what export, viz and stats show)
    ontology: int = 0  # statements of the ontology graph (not exported with the data)

    def line(self, threshold: float) -> str:
        return (f"{self.articles} articles, {self.actors} actors, {self.events} events ({self.shown} at "
                f"confidence >= {threshold:.2f}, the views' default), {self.triples} triples "
                f"({self.triples - self.ontology} of data, {self.ontology} of the ontology)")


def open_store(path: str | Path, *, must_exist: bool = True) -> Store | RemoteStore:
    """The store in folder `path`, or on the SPARQL server at URL `path` (see RemoteStore)."""
    return _open(path, create=not must_exist)


def dataset(store_path: str | Path, *, writable: bool = False):
    """The store as an rdflib ``Dataset`` over the Oxigraph database itself (oxrdflib): rdflib's
    graphs, SPARQL and serialisers work on it without a copy. Read-only unless ``writable``
    (a write then raises RuntimeError); writable, it holds the store's lock as a build does.

        ds = api.dataset("out/store")
        actors = ds.get_graph(URIRef("https://w3id.org/irkg/id/graph/actors"))
        ds.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    """
    from oxrdflib import OxigraphStore
    from rdflib import Dataset
    if str(store_path).startswith(("http://", "https://")):
        raise KgError("E219", url=store_path)
    store = Store(store_path, create=False, read_only=not writable)
    return Dataset(store=OxigraphStore(store=store._db))


def build(paths: Iterable[str], store_path: str | Path, *, model: str | None = None, workers: int | None = 1,
          batch_size: int = 64, force: bool = False, parse: str = pipeline.nlp.DEFAULT_PARSE,
          on_article: Callable[[str, str], None] | None = None,
          on_problem: Callable[[Problem], None] | None = None,
          min_confidence: float = 0.0, corrections: str | Path | None = None) -> pipeline.BuildReport:
    """Build into the store folder (or server URL) `store_path`; workers=None: one per core.
    min_confidence: events less likely than that are not stored (0: every event the scorer keeps).
    corrections: an actor corrections file (kg.identity.read_corrections) to keep in the store and
    apply now and after every later build."""
    if corrections is not None:
        identity.read_corrections(corrections)  # a bad file stops the build before it starts
    store = _open(store_path)
    load_ontology(store, sorted(ONTOLOGY_DIR.glob("*.ttl")))
    report = pipeline.build(paths, store, model=model, workers=workers, batch_size=batch_size, force=force,
                            parse=parse, on_article=on_article, on_problem=on_problem,
                            min_confidence=min_confidence)
    if corrections is not None:
        identity.save_corrections(store, identity.read_corrections(corrections))
    if report.built or corrections is not None:
        report.notes += settle(store)
    return report


def settle(store: Store | RemoteStore) -> list[str]:
    """The store's actors as a whole (kg.identity): one row per person, one label and one country
    per actor, then the analyst's stored corrections; returns notes on corrections that named no
    actor of the store."""
    identity.rewrite(store, identity.people_merges(identity.store_people(store)))
    # Articles may name or place an actor differently: one description stays.
    store.settle_actors()
    notes = identity.apply_corrections(store, identity.stored_corrections(store))
    if hasattr(store, "prune_actors"):
        # A re-built article may no longer mention an actor: its description goes too.
        store.prune_actors()
    return notes


def load(parts: Iterable[str | Path], store_path: str | Path) -> int:
    """Bulk-load N-Quads files (the parts of a distributed build) into a store; returns how many."""
    store = _open(store_path)
    load_ontology(store, sorted(ONTOLOGY_DIR.glob("*.ttl")))
    n = 0
    for part in parts:
        store.load_nquads(part)
        n += 1
    settle(store)
    store.flush()
    return n


def summary(store_path: str | Path, threshold: float | None = None) -> Summary:
    """The store's counts (see Summary); `threshold`: the confidence `shown` counts from
    (default: the views' default)."""
    from .scorer import default_threshold
    from .store import ONTOLOGY_GRAPH
    store = open_store(store_path)
    threshold = default_threshold() if threshold is None else threshold
    counts = query_mod.run(store, """
        PREFIX ir: <https://w3id.org/irkg/ontology#>
        SELECT (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?e) AS ?events) WHERE {
          { ?a a ir:Article } UNION { ?e a ir:Event } }""").rows[0]
    actors = query_mod.run(store, """
        PREFIX ir: <https://w3id.org/irkg/ontology#>
        SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ir:Actor }""").rows[0][0]
    # a number irkg computed, not text a user typed: written into the query as a decimal
    shown = query_mod.run(store, f"""
        PREFIX ir: <https://w3id.org/irkg/ontology#>
        SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a ir:Event ; ir:confidence ?c FILTER(?c >= {float(threshold):.6f}) }}"""
                          ).rows[0][0]
    ontology = query_mod.run(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?s ?p ?o }} }}"
                             ).rows[0][0]
    return Summary(int(counts[0]), int(actors), int(counts[1]), len(store), int(shown), int(ontology))


def query(store_path: str | Path, text_or_name: str, params: dict | None = None):
    return query_mod.run(open_store(store_path), query_mod.load_query(text_or_name), params)


def export_events(store_path: str | Path, out: str, min_confidence: float | None = None) -> tuple[int, int]:
    """Write the event table; (rows, events): a symmetric event also has a mirrored row.
    min_confidence: leave out events less likely than that (None: every stored event)."""
    fmt = export.table_format(out)
    table = export.event_table(open_store(store_path), min_confidence=min_confidence)
    rows = export.write_table(table, out, fmt)
    direction = table.columns.index("direction")
    return rows, sum(1 for r in table.rows if r[direction] == "stated")


def series(store_path: str | Path, *, by: str = "month", a: str | None = None, b: str | None = None,
           min_confidence: float | None = None):
    """Dyadic series (kg/series.py): events and mean Goldstein score per period, directed dyad
    (country a -> country b; None: every one) and quad class."""
    from . import series as series_mod
    a, b = (names.country_code(x) if x else None for x in (a, b))
    return series_mod.series(open_store(store_path), by=by, a=a, b=b, min_confidence=min_confidence)


def export_gdelt(store_path: str | Path, out: str, min_confidence: float | None = None) -> int:
    """Write the events as GDELT 2.0 event-table lines (kg/export.py gdelt_table); the count."""
    return export.write_gdelt(export.gdelt_table(open_store(store_path), min_confidence=min_confidence), out)


def export_actors(store_path: str | Path, out: str) -> int:
    fmt = export.table_format(out)
    return export.write_table(export.actor_table(open_store(store_path)), out, fmt)


def actors(store_path: str | Path, *, corrections: str | Path | None = None, every: bool = False
           ) -> tuple[export.Table, list[str]]:
    """The actor table's suspect rows (or every row): those with no country, mentioned by one
    article only, or not in the gazetteer, each with its reasons. With `corrections`, the file is
    checked against the store (a line naming no actor is an error), kept in the store and applied
    now and after every later build. Returns (table, notes)."""
    store = open_store(store_path)
    notes: list[str] = []
    if corrections is not None:
        lines = identity.read_corrections(corrections)
        identity.check_corrections(store, lines)
        identity.save_corrections(store, lines)
        notes = settle(store)
    return identity.suspects(export.actor_table(store), every=every), notes


def export_graph(store_path: str | Path, out: str) -> int:
    if Path(out).suffix.lower() in export.NETWORK_FORMATS:
        return export.write_network(network.build(open_store(store_path)), out)
    return export.write_graph(open_store(store_path), out)


def remove(store_path: str | Path, article_id: str) -> None:
    if not open_store(store_path).remove(article_id):
        raise KgError("E209", id=article_id)


def actor_network(store_path: str | Path, filters: network.Filters | None = None):
    return network.build(open_store(store_path), filters)
