"""kg.viz: one self-contained, offline, injection-safe HTML page per graph."""
from __future__ import annotations

import json
import os
import re

import networkx as nx
import pytest

from kg import viz
from network_graphs import BASE, add_actor, add_event

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "</script>",
    "javascript:alert(1)",
]


def korea_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    kor = add_actor(g, "KOR", "South Korea", "State", "KOR")
    usa = add_actor(g, "USA", "United States", "State", "USA")
    prk = add_actor(g, "PRK", "North Korea", "State", "PRK")
    yoon = add_actor(g, "yoon", "Yoon Suk Yeol", "Person", "KOR")
    un = add_actor(g, "un", "United Nations", "IntergovernmentalOrganization", "IGO")
    missile = add_actor(g, "object:Hwasong-18", "Hwasong-18", "BallisticMissile", kind="object")
    add_event(g, yoon, usa, "met", "CONSULT", "verbal_cooperation", "2024-05-01")
    add_event(g, yoon, usa, "met", "CONSULT", "verbal_cooperation", "2024-06-01")
    add_event(g, yoon, usa, "met", "CONSULT", "verbal_cooperation", "2024-06-03")
    add_event(g, usa, yoon, "pledged", "AGREE", "verbal_cooperation", "2024-05")
    add_event(g, yoon, usa, "aided", "AID", "material_cooperation", "2024")
    add_event(g, prk, missile, "tested", "MOBILIZE", "material_conflict", "2024-04-12")
    add_event(g, usa, prk, "sanctioned", "SANCTION", "material_conflict", "2024-04-20")
    add_event(g, un, prk, "condemned", "PROTEST", "verbal_conflict", "2024-04-13")
    add_event(g, kor, prk, "accused", "ACCUSE", "verbal_conflict", None)
    add_event(g, kor, usa, "said", None, None, "2024-03-01")
    return g


def hostile_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    a = add_actor(g, "evil", HOSTILE[0], "State", "<b>X</b>")
    b = add_actor(g, "evil2", HOSTILE[1], "Person", "USA")
    c = add_actor(g, "object:</script>", HOSTILE[2], "Weapon", kind="object")
    add_event(g, a, b, "<script>alert(1)</script>", "ACCUSE", "verbal_conflict",
              sentence="He said </script><script>alert(1)</script> and <img src=x onerror=alert(1)>",
              url="javascript:alert(1)", title="<img src=x onerror=alert(1)>")
    add_event(g, b, c, "tested", "MOBILIZE", "material_conflict", sentence="\u2028</script>\u2029",
              url="https://news.example.com/ok?a=<b>&c=</script>", title="</script><script>alert(2)</script>")
    return g


def chain_graph(n: int) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    nodes = [add_actor(g, f"a{i}", f"Actor {i}", "Person", "USA") for i in range(n)]
    for u, v in zip(nodes, nodes[1:]):
        add_event(g, u, v, "met", "CONSULT", "verbal_cooperation")
    return g


def split_page(text: str) -> tuple[str, str]:
    """(the JSON data block, the rest of the page)."""
    m = re.search(r'<script type="application/json" id="irkg-data">(.*?)</script>', text, re.S)
    assert m, "no JSON data block"
    return m.group(1), text[: m.start(1)] + text[m.end(1):]


def page_data(path) -> dict:
    block, _ = split_page(open(path, encoding="utf-8").read())
    return json.loads(block)


@pytest.fixture
def empty_cwd(tmp_path, monkeypatch):
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return cwd


def test_page_makes_no_external_reference(empty_cwd):
    viz.render(korea_graph(), "graph.html")
    text = (empty_cwd / "graph.html").read_text(encoding="utf-8")
    _, rest = split_page(text)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", rest, re.I)
    assert not re.search(r"<link\b", rest, re.I)
    assert not re.search(r"""url\(\s*["']?\s*(?:https?:)?//""", rest, re.I)
    assert not re.search(r"@import", rest, re.I)
    assert "bootstrap" not in rest.lower()
    assert "vis.Network" in rest and "vis-network" in rest  # the library is inlined, not linked


def test_only_the_output_file_is_written(empty_cwd, tmp_path):
    viz.render(korea_graph(), "graph.html")
    assert sorted(os.listdir(empty_cwd)) == ["graph.html"]
    out = tmp_path / "out"
    out.mkdir()
    viz.render(korea_graph(), str(out / "g.html"))
    viz.render(korea_graph(), str(out / "g.html"))  # overwrite in place, no temp file left behind
    assert sorted(os.listdir(out)) == ["g.html"]
    assert sorted(os.listdir(empty_cwd)) == ["graph.html"]


def test_render_returns_figures(tmp_path):
    path = tmp_path / "g.html"
    figures = viz.render(korea_graph(), str(path))
    assert figures == {"nodes": 6, "edges": 8, "bytes": path.stat().st_size, "physics": True}
    assert path.read_bytes().decode("utf-8").startswith("<!DOCTYPE html>")


def test_labels_are_names_never_iris(tmp_path):
    g = korea_graph()
    g.add_node(BASE + "no_label_actor", type="Person", kind="actor", country=None)
    add_event(g, BASE + "no_label_actor", BASE + "KOR", "met")
    viz.render(g, str(tmp_path / "g.html"))
    data = page_data(tmp_path / "g.html")
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert labels[BASE + "yoon"] == "Yoon Suk Yeol"
    assert labels["object:Hwasong-18"] == "Hwasong-18"
    assert labels[BASE + "no_label_actor"] == "no label actor"
    assert not any(lbl.startswith(("http", "object:")) or "/" in lbl for lbl in labels.values())


def test_nodes_styled_by_type_and_sized_by_degree(tmp_path):
    viz.render(korea_graph(), str(tmp_path / "g.html"))
    data = page_data(tmp_path / "g.html")
    nodes = {n["id"]: n for n in data["nodes"]}
    state, person = nodes[BASE + "USA"], nodes[BASE + "yoon"]
    assert state["color"]["background"] == viz.TYPE_STYLE["State"][0]
    assert person["color"]["background"] == viz.TYPE_STYLE["Person"][0]
    assert nodes[BASE + "un"]["shape"] == viz.TYPE_STYLE["IntergovernmentalOrganization"][1]
    assert nodes["object:Hwasong-18"]["shape"] == "star"
    assert all(n["shape"] != "star" for i, n in nodes.items() if not i.startswith("object:"))
    assert state["size"] == max(n["size"] for n in nodes.values())  # USA has the most links
    legend = {(e["kind"], e["type"]) for e in data["legend"]}
    assert legend == {("actor", "State"), ("actor", "Person"), ("actor", "IntergovernmentalOrganization"),
                      ("object", "BallisticMissile")}


def test_size_by_centrality(tmp_path):
    g = chain_graph(5)  # the middle of a chain is the most between
    viz.render(g, str(tmp_path / "g.html"), size_by="betweenness")
    sizes = {n["id"]: n["size"] for n in page_data(tmp_path / "g.html")["nodes"]}
    assert max(sizes, key=sizes.get) == BASE + "a2"
    assert sizes[BASE + "a0"] == viz.MIN_SIZE
    viz.render(g, str(tmp_path / "e.html"), size_by="eigenvector")
    with pytest.raises(ValueError, match="size"):
        viz.render(g, str(tmp_path / "x.html"), size_by="pagerank")
    assert not (tmp_path / "x.html").exists()


def test_one_edge_per_relation_coloured_by_quad_and_wider_with_count(tmp_path):
    g = korea_graph()
    viz.render(g, str(tmp_path / "g.html"))
    data = page_data(tmp_path / "g.html")
    assert len(data["edges"]) == g.number_of_edges()
    by_label = {e["label"]: e for e in data["edges"]}
    assert set(by_label) == {d["relation"] for _, _, d in g.edges(data=True)}
    assert by_label["met"]["width"] > by_label["aided"]["width"]
    assert by_label["met"]["color"]["color"] == viz.QUAD_COLORS["verbal_cooperation"]
    assert by_label["sanctioned"]["color"]["color"] == viz.QUAD_COLORS["material_conflict"]
    assert by_label["said"]["color"]["color"] == viz.NEUTRAL_COLOR
    assert all(e["arrows"] == "to" for e in data["edges"])
    # yoon and usa share three edges (two ways): each gets its own arc so none hides another.
    # An arc is its side seen from the first endpoint in id order, and how far it bends.
    def arc(e):
        flipped = e["from"] > e["to"]
        return (e["smooth"]["type"] == "curvedCW") != flipped, e["smooth"]["roundness"]

    assert len({arc(by_label[r]) for r in ("met", "pledged", "aided")}) == 3
    assert "smooth" not in by_label["sanctioned"]  # a lone edge stays straight
    met = data["edgeInfo"][by_label["met"]["id"]]
    assert met["count"] == 3 and [e["date"] for e in met["events"]] == ["2024-05-01", "2024-06-01", "2024-06-03"]


def test_hostile_strings_only_exist_as_escaped_json(tmp_path):
    g = hostile_graph()
    viz.render(g, str(tmp_path / "g.html"), title="<script>alert('title')</script>")
    text = (tmp_path / "g.html").read_text(encoding="utf-8")
    block, rest = split_page(text)
    for bad in HOSTILE[:2] + ["onerror=alert", "alert(1)", "alert(2)", "alert('title')", "javascript:alert"]:
        assert bad not in rest, bad
    # exactly the three real script elements close: nothing in the data closed one early
    assert len(re.findall(r"</script", text, re.I)) == 3
    assert not re.search(r"[<>&\u2028\u2029]", block)
    data = json.loads(block)  # and the data survives the escaping intact
    labels = {n["label"] for n in data["nodes"]}
    assert labels == set(HOSTILE[:3])
    events = [ev for e in data["edgeInfo"].values() for ev in e["events"]]
    assert {ev["article_url"] for ev in events} == {"javascript:alert(1)", "https://news.example.com/ok?a=<b>&c=</script>"}
    assert any(ev["sentence"] == "\u2028</script>\u2029" for ev in events)
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in rest
    assert data["title"] == "<script>alert('title')</script>"


def test_page_script_never_uses_innerhtml():
    js = (viz.ASSETS / "page.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/", "", js, flags=re.S)  # the header comment names it on purpose
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function", code)


def test_too_many_nodes_is_refused_before_writing(tmp_path):
    path = tmp_path / "g.html"
    with pytest.raises(viz.TooManyNodes) as err:
        viz.render(chain_graph(6), str(path), max_nodes=5)
    msg = str(err.value)
    assert "6 nodes" in msg and "limit of 5" in msg
    for flag in ("--focus", "--hops", "--since", "--until", "--relation", "--min-events"):
        assert flag in msg
    assert not path.exists() and os.listdir(tmp_path) == []
    assert viz.render(chain_graph(5), str(path), max_nodes=5)["nodes"] == 5


def test_big_graph_gets_python_layout_and_no_physics(tmp_path):
    small = viz.render(chain_graph(10), str(tmp_path / "s.html"), layout_threshold=10)
    assert small["physics"] is True
    data = page_data(tmp_path / "s.html")
    assert data["options"]["physics"]["enabled"] is True
    assert data["options"]["physics"]["stabilization"]["enabled"] is True
    assert not any("x" in n for n in data["nodes"])

    big = viz.render(chain_graph(11), str(tmp_path / "b.html"), layout_threshold=10)
    assert big["physics"] is False
    data = page_data(tmp_path / "b.html")
    assert data["physics"] is False and data["options"]["physics"]["enabled"] is False
    xy = [(n["x"], n["y"]) for n in data["nodes"]]
    assert len(xy) == 11 and len(set(xy)) == 11  # every node placed, none on top of another


def test_layout_is_deterministic_spread_and_packs_components():
    g = nx.star_graph(60)
    nx.add_path(g, [100, 101, 102, 103, 104, 105])  # a second component
    g.add_node(200)  # and an isolated node
    a, b = viz.spread_layout(g), viz.spread_layout(g)
    assert a == b
    assert set(a) == set(g)
    side = 3 * len(g) ** 0.5
    assert all(0.0 <= x <= side and 0.0 <= y <= side for x, y in a.values())
    leaves = [a[i] for i in range(1, 61)]
    min_gap = min(((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5
                  for i, (x1, y1) in enumerate(leaves) for (x2, y2) in leaves[i + 1:])
    assert min_gap > 0.2  # in node-sized units: the hub's leaves are not piled on each other

    def box(nodes):
        xs, ys = [a[n][0] for n in nodes], [a[n][1] for n in nodes]
        return min(xs), min(ys), max(xs), max(ys)

    star, path, solo = box(range(61)), box(range(100, 106)), box([200])
    for p, q in ((star, path), (star, solo), (path, solo)):  # components do not overlap
        assert p[2] < q[0] or q[2] < p[0] or p[3] < q[1] or q[3] < p[1]
    assert viz.spread_layout(nx.Graph()) == {}


def test_empty_graph_renders(tmp_path):
    figures = viz.render(nx.MultiDiGraph(), str(tmp_path / "g.html"))
    assert figures["nodes"] == 0 and figures["edges"] == 0
    assert page_data(tmp_path / "g.html")["nodes"] == []


def test_json_escaping_for_script_blocks():
    text = viz._json_for_script({"a": "</script><!-- & \u2028\u2029 >"})
    assert not re.search(r"[<>&\u2028\u2029]", text)
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 >"}
