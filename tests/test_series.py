"""Dyadic series (kg series, the dyad-series saved query) on a store made by hand: events whose
counts, periods and Goldstein means are known in advance."""
import csv
import io
import subprocess
import sys

import pytest

from kg import api, graph, lexicon, series
from kg.records import Actor, Article, Event
from kg.store import Store, load_ontology
from kg.vocab import ONTOLOGY_DIR

USA = Actor("state/USA", "United States", "State", "USA")
CHN = Actor("state/CHN", "China", "State", "CHN")
RUS = Actor("state/RUS", "Russia", "State", "RUS")


def kg(*args):
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], capture_output=True, text=True,
                          timeout=300)


def _event(article, src, tgt, relation, cameo, plover, date, precision="day", mode="asserted", start=0,
           confidence=0.8):
    quad = lexicon.load().code(cameo).quad
    symmetric = lexicon.load().relations[relation].symmetric
    return Event(article, relation, cameo, plover, src, tgt, "GOV", "GOV", "A sentence.", start, start + 11,
                 start, start + 1, date=date, date_precision=precision, confidence=confidence, quad=quad,
                 mode=mode, symmetric=symmetric)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("series") / "store"
    rel = {r.plover: name for name, r in lexicon.load().relations.items() if r.plover and not r.symmetric}
    met = next(name for name, r in lexicon.load().relations.items() if r.symmetric and r.plover == "CONSULT")
    arts = {
        "a1": [_event("a1", USA, CHN, rel["ACCUSE"], "112", "ACCUSE", "2019-05-03"),  # -2.0
               _event("a1", USA, CHN, rel["SANCTION"], "163", "SANCTION", "2019-05-20", start=20),  # -8.0
               _event("a1", USA, CHN, rel["ACCUSE"], "112", "ACCUSE", "2019-05", "month", start=40)],
        "a2": [_event("a2", USA, CHN, met, "040", "CONSULT", "2019-06-11"),  # 1.0, both directions
               _event("a2", CHN, USA, rel["THREATEN"], "130", "THREATEN", "2019-06-12", mode="intent", start=20),
               _event("a2", RUS, None, rel["ACCUSE"], "112", "ACCUSE", "2019-06-12", start=40),
               _event("a2", RUS, CHN, rel["ACCUSE"], "112", "ACCUSE", "2019-06-13", start=60, confidence=0.05)],
    }
    st = Store(path, create=True)
    load_ontology(st, sorted(ONTOLOGY_DIR.glob("*.ttl")))  # relation labels and symmetry, as a build has them
    st.replace_articles([(aid, graph.article_quads(Article(aid, "text", "2019-06-30"), evs, [USA, CHN, RUS], "test"))
                         for aid, evs in arts.items()], graph.actor_quads([USA, CHN, RUS]))
    del st  # the embedded database is one process's at a time: the CLI opens it next
    return str(path)


def _rows(table):
    return [(r["period"], r["source_country"], r["target_country"], r["quad"], int(r["events"]),
             float(r["goldstein_mean"])) for r in table.dicts()]


def test_series_counts_directed_dyads_per_month_with_the_mean_goldstein_score(store):
    s = api.series(store, by="month", min_confidence=0.1)
    assert _rows(s.table) == [
        ("2019-05", "USA", "CHN", "material_conflict", 1, -8.0),
        ("2019-05", "USA", "CHN", "verbal_conflict", 2, -2.0),
        ("2019-06", "CHN", "USA", "verbal_cooperation", 1, 1.0),  # the meeting, read from China's side
        ("2019-06", "USA", "CHN", "verbal_cooperation", 1, 1.0),
    ]
    # nothing vanishes without a word: the intent and the event with no target are counted apart
    assert sum(s.left_out.values()) == 2


def test_series_by_week_leaves_out_an_event_dated_only_to_the_month(store):
    s = api.series(store, by="week", a="USA", b="CHN", min_confidence=0.1)
    assert [(p, n) for p, _, _, _, n, _ in _rows(s.table)] == [("2019-W18", 1), ("2019-W21", 1), ("2019-W24", 1)]
    assert any("month" in reason for reason in s.left_out)


def test_series_of_one_dyad_by_country_name(store):
    s = api.series(store, a="United States", b="China", min_confidence=0.1)
    assert {(r[1], r[2]) for r in _rows(s.table)} == {("USA", "CHN")}


def test_series_min_confidence_keeps_out_unlikely_events(store):
    assert not any(r[1] == "RUS" for r in _rows(api.series(store, min_confidence=0.1).table))
    assert any(r[1] == "RUS" for r in _rows(api.series(store, min_confidence=0.0).table))


@pytest.mark.parametrize("date,by,period", [
    ("2019-05-13", "month", "2019-05"), ("2019-05-13", "week", "2019-W20"), ("2019-12-30", "week", "2020-W01"),
    ("2019-05-13", "day", "2019-05-13"),
])
def test_series_periods_are_iso_months_weeks_and_days(date, by, period):
    assert series.period_of(date, by) == period


def test_series_saved_query_gives_the_same_monthly_table_as_kg_series(store):
    from_cli = list(csv.DictReader(io.StringIO(kg("series", "--store", store, "-f", "csv").stdout)))
    from_sparql = list(csv.DictReader(io.StringIO(kg("query", "--store", store, "dyad-series", "-f", "csv").stdout)))
    key = lambda r: (r["period"], r["source_country"], r["target_country"], r["quad"], int(r["events"]),
                     float(r["goldstein_mean"]))
    assert from_cli and sorted(map(key, from_cli)) == sorted(map(key, from_sparql))
    one = kg("query", "--store", store, "dyad-series", "-p", "source_country=CHN", "-f", "csv").stdout
    assert [r["target_country"] for r in csv.DictReader(io.StringIO(one))] == ["USA"]


def test_series_cli_names_a_bad_period_or_parameter_with_suggestions(store):
    r = kg("series", "--store", store, "--by", "mnth")
    assert r.returncode == 2 and "did you mean 'month'" in r.stderr
    r = kg("series", "--store", store, "-p", "c=USA")
    assert r.returncode == 2 and "E214" in r.stderr
