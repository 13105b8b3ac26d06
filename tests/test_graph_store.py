"""The store and its exports, through the real pipeline (kg.api and the `kg` command): builds are
reproducible, exports round-trip, re-builds and removals leave nothing stale, saved queries
answer what the seed says and bind their parameters safely."""
from __future__ import annotations

import json
import shutil

import networkx as nx
import pytest

from kg.errors import KgError
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from typer.testing import CliRunner

from kg import api
from kg.cli import app
from kg.store import ONTOLOGY_GRAPH, Store, to_rdflib
from settle_articles import assert_settled, write_settle_articles

pytestmark = pytest.mark.model

ARTICLE = "000_752275d0ded06cc5"
ID = Namespace("https://w3id.org/irkg/id/")
IR = Namespace("https://w3id.org/irkg/ontology#")
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")
ARTICLE_GRAPH = str(ID[f"graph/{ARTICLE}"])
ACTORS_GRAPH = str(ID["graph/actors"])
GRLIC_SENTENCE = "He also met Croatian Foreign Minister Gordan Grlic Radman"

runner = CliRunner()


def kg(*args: str) -> str:
    """Run the `kg` command in-process; its output, after checking that it succeeded."""
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (args, result.output)
    return result.output


def _build(paths, store) -> None:
    report = api.build([str(p) for p in paths], store)
    assert not report.problems, report.problems


def _plain(term):
    """RDF 1.1: "x"^^xsd:string is the literal "x"; rdflib keeps them apart, so compare plain."""
    if isinstance(term, Literal) and term.datatype == XSD_STRING:
        return Literal(str(term))
    return term


def _normalised(g: Graph) -> Graph:
    out = Graph()
    for s, p, o in g:
        out.add((_plain(s), p, _plain(o)))
    return out


def _store_graphs(store_path) -> dict[str, Graph]:
    """The store's data graphs (the ontology graph left out), straight from pyoxigraph."""
    graphs: dict[str, Graph] = {}
    for q in Store(store_path, create=False).quads():
        g = q.graph_name.value
        if g == ONTOLOGY_GRAPH:
            continue
        graphs.setdefault(g, Graph()).add(tuple(_plain(to_rdflib(t)) for t in (q.subject, q.predicate, q.object)))
    return graphs


def _assert_isomorphic(got: Graph, expected: Graph, what: str) -> None:
    got, expected = _normalised(got), _normalised(expected)
    if isomorphic(got, expected):
        return
    _, only_got, only_expected = graph_diff(to_isomorphic(got), to_isomorphic(expected))
    lines = sorted(only_got.serialize(format="nt").splitlines())[:20]
    lines2 = sorted(only_expected.serialize(format="nt").splitlines())[:20]
    pytest.fail(f"{what}: not isomorphic ({len(got)} vs {len(expected)} triples)\n"
                f"only in the export:\n  " + "\n  ".join(lines) + "\nonly in the store:\n  " + "\n  ".join(lines2))


# --- reproducibility --------------------------------------------------------------------------

def test_build_twice_and_fresh_build_export_identical_nquads(seed_path, tmp_path):
    store = tmp_path / "a"
    _build([seed_path], store)
    kg("export", "graph", "--store", str(store), "-o", str(tmp_path / "a1.nq"))
    kg("export", "graph", "--store", str(store), "-o", str(tmp_path / "a1-again.nq"))
    assert (tmp_path / "a1.nq").read_bytes() == (tmp_path / "a1-again.nq").read_bytes()

    _build([seed_path], store)  # unchanged: skipped
    kg("export", "graph", "--store", str(store), "-o", str(tmp_path / "a2.nq"))
    report = api.build([str(seed_path)], store, force=True)  # really extracted and written again
    assert report.built == 1
    kg("export", "graph", "--store", str(store), "-o", str(tmp_path / "a3.nq"))

    _build([seed_path], tmp_path / "b")
    kg("export", "graph", "--store", str(tmp_path / "b"), "-o", str(tmp_path / "b.nq"))

    first = (tmp_path / "a1.nq").read_bytes()
    assert first.count(b"\n") > 500
    for other in ("a2.nq", "a3.nq", "b.nq"):
        assert (tmp_path / other).read_bytes() == first, other


# --- round trips ------------------------------------------------------------------------------

def test_turtle_export_round_trips(seed_store, tmp_path):
    out = tmp_path / "graph.ttl"
    kg("export", "graph", "--store", str(seed_store), "-o", str(out))
    got = Graph().parse(out, format="turtle")
    expected = Graph()
    for g in _store_graphs(seed_store).values():
        expected += g  # .ttl merges the named graphs
    _assert_isomorphic(got, expected, "Turtle export")


def test_trig_export_round_trips_graph_by_graph(seed_store, tmp_path):
    out = tmp_path / "graph.trig"
    kg("export", "graph", "--store", str(seed_store), "-o", str(out))
    ds = Dataset()
    ds.parse(out, format="trig")
    expected = _store_graphs(seed_store)
    got_names = {str(c.identifier) for c in ds.graphs() if len(c)}
    assert got_names == set(expected) == {ARTICLE_GRAPH, ACTORS_GRAPH}
    for name, g in expected.items():
        _assert_isomorphic(ds.graph(URIRef(name)), g, f"TriG export, graph {name}")


def test_turtle_export_has_plain_string_literals(seed_store, tmp_path):
    out = tmp_path / "graph.ttl"
    kg("export", "graph", "--store", str(seed_store), "-o", str(out))
    assert "^^xsd:string" not in out.read_text(encoding="utf-8")
    g = Graph().parse(out, format="turtle")
    assert (ID["actor/state/KOR"], RDFS_LABEL, Literal("South Korea")) in g


def test_other_exports_parse(seed_store, tmp_path):
    nt = tmp_path / "graph.nt"
    kg("export", "graph", "--store", str(seed_store), "-o", str(nt))
    g_nt = Graph().parse(nt, format="nt")
    assert len(g_nt) == len(nt.read_text(encoding="utf-8").splitlines()) > 500

    jsonld = tmp_path / "graph.jsonld"
    kg("export", "graph", "--store", str(seed_store), "-o", str(jsonld))
    ds = Dataset()
    ds.parse(jsonld, format="json-ld")
    merged = Graph()
    for c in ds.graphs():
        merged += c
    _assert_isomorphic(merged, g_nt, "JSON-LD export (graphs merged) against the N-Triples export")

    graphml = tmp_path / "graph.graphml"
    kg("export", "graph", "--store", str(seed_store), "-o", str(graphml))
    net = nx.read_graphml(graphml)
    labels = {d.get("label") for _, d in net.nodes(data=True)}
    assert {"Chung Eui-yong", "Antony Blinken"} <= labels, labels
    assert net.number_of_edges() > 5

    gexf = tmp_path / "graph.gexf"
    kg("export", "graph", "--store", str(seed_store), "-o", str(gexf))
    net2 = nx.read_gexf(gexf)
    assert net2.number_of_nodes() == net.number_of_nodes()
    assert net2.number_of_edges() == net.number_of_edges()


# --- graphs, provenance -----------------------------------------------------------------------

def test_one_named_graph_per_article_and_the_actors_graph(seed_store):
    store = Store(seed_store, create=False)
    assert set(store.named_graphs()) == {ARTICLE_GRAPH, ACTORS_GRAPH, ONTOLOGY_GRAPH}
    assert store.article_ids() == [ARTICLE]
    # the article's own facts are in its graph, the actors in theirs
    rows = list(store.query(f"""SELECT ?g WHERE {{ GRAPH ?g {{ ?a <{IR.articleId}> "{ARTICLE}" }} }}"""))
    assert [r["g"].value for r in rows] == [ARTICLE_GRAPH]
    rows = list(store.query(f"""SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?x a <{IR.Actor}> }} }}"""))
    assert [r["g"].value for r in rows] == [ACTORS_GRAPH]


def test_every_event_is_derived_from_its_article(seed_store):
    store = Store(seed_store, create=False)
    prov = "http://www.w3.org/ns/prov#"
    n_events = int(next(iter(store.query(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a <{IR.Event}> }}")))["n"].value)
    assert n_events >= 15
    orphans = list(store.query(f"""
        SELECT ?e WHERE {{
          GRAPH ?g {{ ?e a <{IR.Event}> }}
          FILTER NOT EXISTS {{ GRAPH ?g {{ ?e <{prov}wasDerivedFrom> ?a . ?a a <{IR.Article}> ;
                                              <{IR.articleId}> "{ARTICLE}" }} }}
        }}"""))
    assert orphans == []
    generated = list(store.query(f"""
        SELECT ?e WHERE {{ ?e a <{IR.Event}> FILTER NOT EXISTS {{ ?e <{prov}wasGeneratedBy> ?run .
                                                                  ?run <{prov}used> ?a }} }}"""))
    assert generated == []


# --- re-building and removing -----------------------------------------------------------------

def _events_with(store_path, needle: str) -> list[str]:
    table = api.query(store_path, f"""
        PREFIX ir: <https://w3id.org/irkg/ontology#>
        SELECT ?e ?sentence WHERE {{ ?e ir:sentence ?sentence FILTER(CONTAINS(?sentence, "{needle}")) }}""")
    return [r[0] for r in table.rows]


def test_rebuild_after_editing_the_text_leaves_no_stale_facts(seed_path, tmp_path):
    src = tmp_path / "in" / seed_path.name  # same file name, so the same article id
    src.parent.mkdir()
    shutil.copy(seed_path, src)
    store = tmp_path / "store"
    _build([src], store)
    grlic = ID["actor/person/gordan-grlic-radman"]
    assert _events_with(store, "Grlic Radman")
    met = api.query(store, f"ASK {{ ?s <{IR.met}> <{grlic}> }}")
    assert met is True

    text = src.read_text(encoding="utf-8")
    kept = [line for line in text.splitlines(keepends=True) if not line.startswith(GRLIC_SENTENCE)]
    assert len(kept) == len(text.splitlines()) - 1
    src.write_text("".join(kept), encoding="utf-8")
    report = api.build([str(src)], store)
    assert report.built == 1  # the content hash changed

    assert _events_with(store, "Grlic Radman") == []
    assert api.query(store, f"ASK {{ ?s <{IR.met}> <{grlic}> }}") is False
    assert api.query(store, f"ASK {{ ?a <{IR.mentions}> <{grlic}> }}") is False
    assert api.query(store, f"ASK {{ ?e <{IR.source}>|<{IR.target}> <{grlic}> }}") is False
    # and the rest is still there
    assert _events_with(store, "Luigi Di Maio")
    # no trace of the old extraction: one content hash, the new one
    hashes = api.query(store, f"SELECT ?h WHERE {{ ?a <{IR.contentHash}> ?h }}").rows
    assert len(hashes) == 1


def test_kg_remove_deletes_the_article_graph(seed_path, tmp_path):
    store = tmp_path / "store"
    _build([seed_path], store)
    assert ARTICLE_GRAPH in Store(store, create=False).named_graphs()
    result = runner.invoke(app, ["remove", "--store", str(store), ARTICLE])
    assert result.exit_code == 0, result.output
    s = Store(store, create=False)
    assert ARTICLE_GRAPH not in s.named_graphs()
    assert s.article_ids() == []
    assert list(s.query(f"SELECT ?e WHERE {{ ?e a <{IR.Event}> }}")) == []
    del s
    again = runner.invoke(app, ["remove", "--store", str(store), ARTICLE])
    assert again.exit_code == 3 and "E209" in again.output


# --- saved queries ----------------------------------------------------------------------------

def test_who_met_whom_lists_the_seed_meetings_with_dates(seed_store):
    rows = api.query(seed_store, "who-met-whom").dicts()
    chung = [r for r in rows if r["source"] == "Chung Eui-yong"]
    met = {(r["target"], r["relation"], r["date"]) for r in chung}
    assert ("Antony Blinken", "met", "2021-10-05") in met, met
    assert any(t == "Luigi Di Maio" for t, _, _ in met), met
    assert any(t == "Gordan Grlic Radman" and d for t, _, d in met), met
    assert all(r["article"] == ARTICLE and r["sentence"] for r in chung)
    out = kg("query", "--store", str(seed_store), "who-met-whom", "--format", "json")
    assert json.loads(out) == rows


@pytest.mark.parametrize("value", [
    'x" } ; DROP ALL',
    '000_752275d0ded06cc5" } } ; DROP ALL ; SELECT * { ?s ?p "',
    "' . ?s ?p ?o } #",
    "} ; DROP ALL",
])
def test_saved_query_params_are_bound_not_pasted(seed_store, value):
    before = len(Store(seed_store, create=False))
    out = kg("query", "--store", str(seed_store), "article-facts", "--param", f"article={value}", "--format", "json")
    assert json.loads(out) == []  # just a string that is no article id
    out = kg("query", "--store", str(seed_store), "dyad-timeline", "--param", f"a={value}", "--param", "b=KOR",
             "--format", "json")
    assert json.loads(out) == []
    assert len(Store(seed_store, create=False)) == before
    # the same queries with real values do answer
    assert json.loads(kg("query", "--store", str(seed_store), "article-facts", "--param", f"article={ARTICLE}",
                         "--format", "json"))
    assert json.loads(kg("query", "--store", str(seed_store), "dyad-timeline", "--param", "a=KOR",
                         "--param", "b=USA", "--format", "json"))


# --- bugs this suite found and that stay fixed --------------------------------------------------

def _actor_labels(store_path) -> set[str]:
    t = api.query(store_path, f"SELECT ?l WHERE {{ ?a a <{IR.Actor}> ; <{RDFS_LABEL}> ?l }}")
    return {r[0] for r in t.rows}


def test_partners_lists_only_actors(seed_store):
    rows = api.query(seed_store, "partners", {"country": Literal("KOR")}).dicts()
    partners = {r["partner"] for r in rows}
    assert "Antony Blinken" in partners
    assert partners <= _actor_labels(seed_store), sorted(partners - _actor_labels(seed_store))[:10]


def test_no_orphan_actors_after_an_edit_or_a_removal(seed_path, tmp_path):
    src = tmp_path / "in" / seed_path.name
    src.parent.mkdir()
    src.write_text("".join(line for line in seed_path.read_text(encoding="utf-8").splitlines(keepends=True)
                           if not line.startswith(GRLIC_SENTENCE)), encoding="utf-8")
    store = tmp_path / "store"
    _build([seed_path], store)
    _build([src], store)  # Gordan Grlic Radman is in no sentence any more
    people = {r["person"] for r in api.query(store, "office-holders").dicts()}
    assert "Gordan Grlic Radman" not in people
    api.remove(store, ARTICLE)
    assert api.query(store, f"ASK {{ GRAPH <{ACTORS_GRAPH}> {{ ?s ?p ?o }} }}") is False


# --- one description per actor across articles --------------------------------------------------
def test_an_actor_named_and_placed_differently_by_articles_keeps_one_label_and_one_country(tmp_path):
    folder = write_settle_articles(tmp_path / "in")
    dumps = []
    for order in (["a1.txt", "a2.txt", "a3.txt"], ["a2.txt", "a3.txt", "a1.txt"]):
        store = tmp_path / f"store-{order[0]}"
        for name in order:
            _build([folder / name], store)
        assert_settled(str(store))
        out = tmp_path / f"{order[0]}.nq"
        kg("export", "graph", "--store", str(store), "-o", str(out))
        dumps.append(out.read_bytes())
    assert dumps[0] == dumps[1], "the settled descriptions depend on the order articles came in"


def test_api_dataset_is_the_store_as_an_rdflib_dataset_without_a_copy(seed_store, tmp_path):
    from rdflib import Dataset, URIRef

    from kg import api
    from kg.graph import ACTORS_GRAPH
    ds = api.dataset(seed_store)
    assert isinstance(ds, Dataset)
    graphs = {str(g.identifier) for g in ds.graphs()}
    assert str(ACTORS_GRAPH) in graphs and any("/graph/000_752275d0ded06cc5" in g for g in graphs)
    n = int(next(iter(ds.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")))[0])
    assert n == len(api.open_store(seed_store))  # the same statements: the store itself, not a copy
    assert len(ds.get_graph(URIRef(str(ACTORS_GRAPH)))) > 50
    assert "Chung Eui-yong" in ds.serialize(format="trig")
    with pytest.raises(RuntimeError):  # read-only unless asked
        ds.add((URIRef("http://example.org/a"), URIRef("http://example.org/b"), URIRef("http://example.org/c")))
    with pytest.raises(KgError) as e:
        api.dataset("http://127.0.0.1:7878")
    assert e.value.code == "E219"
    with pytest.raises(KgError) as e:
        api.dataset(tmp_path / "nowhere")
    assert e.value.code == "E201"
