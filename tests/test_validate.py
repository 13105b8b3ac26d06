"""SHACL validation (`kg validate`): the seed graph conforms, broken graphs do not, and the
report names the problem."""
from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, Namespace
from typer.testing import CliRunner

from pathlib import Path

from kg import api
from kg import validate as validate_mod
from kg.cli import app
from kg.store import Store

pytestmark = pytest.mark.model

# Plain Namespaces: pytest's collection pokes at module attributes, and rdflib's closed
# XSD namespace warns about every unknown name it is asked for.
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
PROV = Namespace("http://www.w3.org/ns/prov#")
IR = Namespace("https://w3id.org/irkg/ontology#")
ID = Namespace("https://w3id.org/irkg/id/")
CAMEO = Namespace("https://w3id.org/irkg/cameo/")
ARTICLE = "000_752275d0ded06cc5"
CHUNG = ID["actor/person/chung-eui-yong"]
BLINKEN = ID["actor/person/antony-blinken"]
KOR = ID["actor/state/KOR"]
USA = ID["actor/state/USA"]


@pytest.fixture(scope="module")
def seed_data(seed_store) -> Graph:
    return validate_mod.data_graph(Store(seed_store, create=False))


def _copy(g: Graph) -> Graph:
    out = Graph()
    for t in g:
        out.add(t)
    return out


def _meeting(g: Graph):
    """The seed's event 'Chung Eui-yong met Antony Blinken'."""
    [e] = [e for e in g.subjects(IR.relation, IR.met)
           if (e, IR.source, CHUNG) in g and (e, IR.target, BLINKEN) in g]
    return e


def test_validate_seed_graph_conforms(seed_store):
    conforms, text = validate_mod.validate(Store(seed_store, create=False))
    assert conforms, text
    assert "conforms" in text


def test_validate_checks_the_data_graphs_not_the_ontology(seed_data):
    # The ontology graph is left out: no owl:Class in the data, but the events are there.
    assert (IR.Event, RDF.type, None) not in seed_data
    assert len(set(seed_data.subjects(RDF.type, IR.Event))) >= 15
    assert (None, IR.countryCode, Literal("KOR")) in seed_data  # xsd:string literals made plain


def test_validate_event_without_source_is_reported(seed_data):
    g = _copy(seed_data)
    e = _meeting(g)
    g.remove((e, IR.source, None))
    conforms, text = validate_mod.validate_graph(g)
    assert not conforms
    assert "exactly one ir:source" in text
    assert "ir:source" in text and "MinCount" in text
    assert e.split("/")[-1] in text  # the focus node is named


def test_validate_bad_country_code_is_reported(seed_data):
    g = _copy(seed_data)
    g.set((KOR, IR.countryCode, Literal("Korea")))
    conforms, text = validate_mod.validate_graph(g)
    assert not conforms
    assert 'id:actor/state/KOR' in text and 'ir:countryCode' in text and '"Korea"' in text
    assert text.splitlines()[0].startswith("the graph does not conform") and "1 violation " in text


@pytest.mark.parametrize("breakage,expected", [
    ("unbacked", "not backed by any ir:Event"),
    ("missing_direct", "direct triple"),
    ("mode", "ir:mode"),
    ("confidence", "from 0 to 1"),
    ("date", "does not fit"),
    ("cameo", "CAMEO scheme"),
    ("provenance", "prov:wasDerivedFrom"),
    ("relation", "sub-properties"),
])
def test_validate_other_breakages_are_reported(seed_data, breakage, expected):
    g = _copy(seed_data)
    e = _meeting(g)
    if breakage == "unbacked":      # a direct triple that no event asserts
        g.add((CHUNG, IR.attacked, USA))
    elif breakage == "missing_direct":  # an event whose direct triple was lost (and its symmetric twin)
        g.remove((CHUNG, IR.met, BLINKEN))
    elif breakage == "mode":
        g.set((e, IR.mode, Literal("maybe")))
    elif breakage == "confidence":
        g.set((e, IR.confidence, Literal("1.5", datatype=XSD.decimal)))
    elif breakage == "date":        # a month where the precision says day
        g.set((e, IR.date, Literal("2021-10", datatype=XSD.gYearMonth)))
    elif breakage == "cameo":
        g.set((e, IR.cameo, CAMEO["999"]))
    elif breakage == "provenance":
        g.remove((e, PROV.wasDerivedFrom, None))
    elif breakage == "relation":
        g.set((e, IR.relation, IR.country))
    conforms, text = validate_mod.validate_graph(g)
    assert not conforms
    assert expected in text, text


def test_validate_report_is_capped_with_a_count(seed_data):
    g = _copy(seed_data)
    events = sorted(set(g.subjects(RDF.type, IR.Event)))
    for e in events:
        g.remove((e, IR.sentence, None))
        g.remove((e, IR.mode, None))
        g.remove((e, IR.cameo, None))
    conforms, text = validate_mod.validate_graph(g)
    assert not conforms
    n = 3 * len(events)
    assert f"{n} violations on {len(events)} nodes" in text
    assert "by rule:" in text
    if n > validate_mod.MAX_SHOWN:
        assert f"and {n - validate_mod.MAX_SHOWN} more violations not shown" in text
    assert len(text.splitlines()) < 6 * validate_mod.MAX_SHOWN


# --- the command line ----------------------------------------------------------------------

def _broken_store(seed_store, path) -> None:
    """A copy of the seed store whose South Korea has the country code 'Korea'."""
    src = ox.Store.read_only(str(seed_store))
    code = ox.NamedNode(str(IR.countryCode))
    kor = ox.NamedNode(str(KOR))
    quads = [q for q in src if not (q.subject == kor and q.predicate == code)]
    quads.append(ox.Quad(kor, code, ox.Literal("Korea"), ox.NamedNode(str(ID["graph/actors"]))))
    dst = ox.Store(str(path))
    dst.extend(quads)
    dst.flush()
    del dst, src


def test_cli_validate_exit_codes(seed_store, tmp_path):
    runner = CliRunner()
    ok = runner.invoke(app, ["validate", "--store", str(seed_store)])
    assert ok.exit_code == 0, ok.output
    assert "conforms" in ok.output

    broken = tmp_path / "broken"
    _broken_store(seed_store, broken)
    bad = runner.invoke(app, ["validate", "--store", str(broken)])
    assert bad.exit_code == 1, bad.output
    assert "does not conform" in bad.output and '"Korea"' in bad.output and "ir:countryCode" in bad.output

    missing = runner.invoke(app, ["validate", "--store", str(tmp_path / "nowhere")])
    assert missing.exit_code == 3


CORPUS_SAMPLE = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "sample"


@pytest.mark.model
def test_validate_a_build_of_real_articles_conforms(tmp_path):
    """Real news, not the seed: articles that name one actor in several ways (a senator GOV here and
    LEG there, "Vice President" and "Vice-President") still give one sector per actor and one title
    per office, so irkg's own output never fails its own shapes."""
    if not CORPUS_SAMPLE.is_dir():
        pytest.skip("../shared/corpus/sample is not beside the repository")
    files = sorted(CORPUS_SAMPLE.glob("*.txt"))[:40]
    store = tmp_path / "store"
    report = api.build([str(f) for f in files], store)
    assert report.built == len(files)
    conforms, text = validate_mod.validate(api.open_store(store))
    assert conforms, text[:2000]
