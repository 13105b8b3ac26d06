"""kg.analytics: the tables of `kg stats` and their three renderings."""
from __future__ import annotations

import csv
import doctest
import io
import json

import networkx as nx
import pytest

from kg import analytics
from kg.analytics import render, stats

BASE = "https://example.org/irkg/actor/"


def add_actor(g, key, label, typ="State", country=None, kind="actor"):
    node = key if key.startswith("object:") else BASE + key
    g.add_node(node, label=label, type=typ, kind=kind, country=country, sector=None, title=None)
    return node


def add_events(g, src, dst, relation, plover, quad, dates):
    events = [{"event_id": f"{src}-{dst}-{relation}-{i}", "date": d, "sentence": "s", "article_id": "a"}
              for i, d in enumerate(dates)]
    g.add_edge(src, dst, relation, relation=relation, plover=plover, quad=quad, count=len(events), events=events)


def hub_graph() -> nx.MultiDiGraph:
    """Blinken meets and talks with everyone; two small side stories; one missile test."""
    g = nx.MultiDiGraph()
    hub = add_actor(g, "blinken", "Antony Blinken", "Person", "USA")
    usa = add_actor(g, "USA", "United States", "State", "USA")
    kor = add_actor(g, "KOR", "South Korea", "State", "KOR")
    jpn = add_actor(g, "JPN", "Japan", "State", "JPN")
    prk = add_actor(g, "PRK", "North Korea", "State", "PRK")
    park = add_actor(g, "park", "Park Jin", "Person", "KOR")
    un = add_actor(g, "un", "United Nations", "IntergovernmentalOrganization", "IGO")
    missile = add_actor(g, "object:Hwasong-18", "Hwasong-18", "BallisticMissile", kind="object")
    add_events(g, hub, park, "met", "CONSULT", "verbal_cooperation", ["2024-05-01", "2024-05-02"])
    add_events(g, hub, kor, "met", "CONSULT", "verbal_cooperation", ["2024-05-01"])
    add_events(g, hub, jpn, "met", "CONSULT", "verbal_cooperation", ["2024-05-03"])
    add_events(g, hub, un, "met", "CONSULT", "verbal_cooperation", ["2024-06"])
    add_events(g, hub, prk, "accused", "ACCUSE", "verbal_conflict", ["2024-06-10"])
    add_events(g, park, hub, "pledged", "AGREE", "verbal_cooperation", ["2024-05-01"])
    add_events(g, usa, prk, "sanctioned", "SANCTION", "material_conflict", ["2024-04-20", "2024-04-21", "2024-07-01"])
    add_events(g, usa, kor, "aided", "AID", "material_cooperation", ["2024"])
    add_events(g, prk, missile, "tested", "MOBILIZE", "material_conflict", ["2024-04-12"])
    add_events(g, kor, prk, "said", None, None, [None])
    return g


def test_hub_ranked_first_by_degree():
    rows = stats(hub_graph())["centrality"]
    assert rows[0]["label"] == "Antony Blinken"
    assert rows[0]["events"] == 7 and rows[0]["degree"] == 6
    assert rows[0]["betweenness"] == max(r["betweenness"] for r in rows)
    assert list(rows[0]) == analytics.COLUMNS["centrality"]
    assert "Hwasong-18" not in {r["label"] for r in rows}  # objects are not actors
    assert [r["events"] for r in rows] == sorted((r["events"] for r in rows), reverse=True)


def test_dyads_count_cooperation_and_conflict_per_pair():
    dyads = stats(hub_graph())["dyads"]
    countries = {(r["a"], r["b"]): r for r in dyads if r["kind"] == "country"}
    # KOR-USA: Blinken met Park (2) and South Korea (1), Park pledged (1), USA aided KOR (1)
    assert countries[("KOR", "USA")] == {"kind": "country", "a": "KOR", "b": "USA",
                                         "cooperation": 5, "conflict": 0, "total": 5}
    assert countries[("PRK", "USA")]["conflict"] == 4 and countries[("PRK", "USA")]["cooperation"] == 0
    assert countries[("KOR", "PRK")] == {"kind": "country", "a": "KOR", "b": "PRK",
                                         "cooperation": 0, "conflict": 0, "total": 1}
    actors = {(r["a"], r["b"]): r for r in dyads if r["kind"] == "actor"}
    assert actors[("Antony Blinken", "Park Jin")]["cooperation"] == 3  # both directions, one pair
    assert all(r["a"] <= r["b"] for r in dyads)
    kinds = [r["kind"] for r in dyads]
    assert kinds == sorted(kinds)  # actor pairs, then country pairs


def test_counts_communities_countries_timeline():
    t = stats(hub_graph())
    counts = {(r["category"], r["name"]): r["count"] for r in t["counts"]}
    assert counts[("total", "actors in the network")] == 7 and counts[("total", "objects in the network")] == 1
    assert counts[("total", "events with a target or an object")] == 13
    assert counts[("actor_type", "State")] == 4 and counts[("object_type", "BallisticMissile")] == 1
    assert counts[("event_type", "CONSULT")] == 5 and counts[("event_type", "(none)")] == 1
    assert counts[("relation", "met")] == 5

    members = [m for c in t["communities"] for m in c["members"]]
    assert sorted(members) == sorted(r["label"] for r in t["centrality"])
    assert [c["community"] for c in t["communities"]] == list(range(1, len(t["communities"]) + 1))
    assert {r["community"] for r in t["centrality"]} == {c["community"] for c in t["communities"]}

    usa = next(r for r in t["countries"] if r["country"] == "USA")
    assert usa == {"country": "USA", "actors": 2, "as_source": 10, "as_target": 1, "cooperation": 7, "conflict": 4}

    months = {r["month"]: r for r in t["timeline"]}
    assert months["2024-04"]["material_conflict"] == 3
    assert months["2024-05"]["verbal_cooperation"] == 5
    assert months["2024"]["material_cooperation"] == 1  # year-only date
    assert months["unknown"]["other"] == 1
    assert [r["month"] for r in t["timeline"]][-1] == "unknown"
    assert sum(r["total"] for r in t["timeline"]) == 13


def test_stats_are_deterministic():
    assert stats(hub_graph()) == stats(hub_graph())


def test_render_table_csv_json():
    t = stats(hub_graph())
    text = render(t, "table")
    for name in t:
        assert f"== {name} ==" in text
    lines = text.splitlines()
    header = lines[lines.index("== centrality ==") + 1]
    assert header.split() == analytics.COLUMNS["centrality"]
    assert "Antony Blinken" in lines[lines.index("== centrality ==") + 3]

    out = render(t, "csv")
    sections = out.strip("\n").split("\n\n")
    assert [s.splitlines()[0] for s in sections] == [f"# {name}" for name in t]
    dyads = list(csv.DictReader(io.StringIO(sections[3].split("\n", 1)[1])))
    assert len(dyads) == len(t["dyads"]) and list(dyads[0]) == analytics.COLUMNS["dyads"]
    comms = list(csv.DictReader(io.StringIO(sections[2].split("\n", 1)[1])))
    assert "; " in comms[0]["members"] or int(comms[0]["size"]) == 1

    assert json.loads(render(t, "json")) == t
    with pytest.raises(ValueError):
        render(t, "xml")


def test_render_empty_tables_keep_their_headers():
    t = stats(nx.MultiDiGraph())
    assert "(none)" in render(t, "table")
    assert "kind,a,b,cooperation,conflict,total" in render(t, "csv")


@pytest.mark.parametrize("build", [
    lambda g: None,  # empty
    lambda g: add_actor(g, "solo", "Solo"),  # one isolated actor
    lambda g: add_events(g, add_actor(g, "a", "A"), add_actor(g, "b", "B"), "met", "CONSULT", "verbal_cooperation", ["2024"]),
    lambda g: add_events(g, add_actor(g, "a", "A"), add_actor(g, "a", "A"), "said", None, None, ["2024"]),  # self-loop
    lambda g: add_events(g, add_actor(g, "a", "A"), add_actor(g, "object:x", "X", "Weapon", kind="object"),
                         "tested", "MOBILIZE", "material_conflict", ["2024-01"]),  # only an object edge
], ids=["empty", "isolated", "pair", "self-loop", "object-only"])
def test_tiny_graphs_do_not_crash(build):
    g = nx.MultiDiGraph()
    build(g)
    t = stats(g)
    for fmt in ("table", "csv", "json"):
        render(t, fmt)
    assert len(t["centrality"]) == sum(1 for _, d in g.nodes(data=True) if d.get("kind") == "actor")


def test_disconnected_graph_has_centrality_for_every_actor():
    g = nx.MultiDiGraph()
    for i in range(3):  # three separate pairs and a triangle
        add_events(g, add_actor(g, f"p{i}", f"P{i}"), add_actor(g, f"q{i}", f"Q{i}"), "met", "CONSULT",
                   "verbal_cooperation", ["2024-01"])
    t1, t2, t3 = (add_actor(g, k, k.upper()) for k in ("t1", "t2", "t3"))
    for u, v in ((t1, t2), (t2, t3), (t3, t1)):
        add_events(g, u, v, "met", "CONSULT", "verbal_cooperation", ["2024-02"])
    rows = stats(g)["centrality"]
    assert len(rows) == 9
    # every component has a centre, not just the biggest one
    assert all(r["eigenvector"] > 0 and r["community"] is not None for r in rows)
    assert len(stats(g)["communities"]) == 4


def test_eigenvector_falls_back_per_component_when_power_iteration_fails(monkeypatch):
    def fail(*args, **kwargs):
        raise nx.PowerIterationFailedConvergence(1000)

    monkeypatch.setattr(analytics.nx, "eigenvector_centrality", fail)
    h = nx.Graph()
    nx.add_star(h, [0, 1, 2, 3, 4], weight=1)
    h.add_edge(10, 11, weight=1)
    h.add_node(20)
    ev = analytics.eigenvector(h)
    assert set(ev) == set(h)
    assert ev[0] == max(ev.values())  # the star's centre stays on top
    assert ev[10] == pytest.approx(ev[11])


def test_module_doctest():
    result = doctest.testmod(analytics)
    assert result.attempted > 0 and result.failed == 0
