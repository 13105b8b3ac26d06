"""``kg viz``: the actor network as one self-contained, offline, interactive HTML page.

pyvis builds the vis-network node and edge records and the default options; the page itself
is our own small template (``viz_assets/``) because pyvis's templates either link a CDN or
write a ``lib/`` folder into the working directory. vis-network's JS and CSS are inlined from
the copy shipped inside the pyvis package, so the page makes no request of any kind.

All article text is untrusted. It reaches the page only as JSON inside
``<script type="application/json">`` with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, and
the page script shows it with ``textContent`` (never ``innerHTML``); only http(s) URLs become
links.
"""
from __future__ import annotations

import html
import json
import math
import re
import urllib.parse
from pathlib import Path

import networkx as nx
import numpy as np
from pyvis.network import Network

from . import files
from .analytics import centrality, edge_count, is_actor

ASSETS = Path(__file__).resolve().parent / "viz_assets"
VIS_VERSION = "vis-9.1.2"

# (colour, vis shape) per actor type; shapes are those that draw the label below the node.
# Stars are kept for weapons and other objects so they never look like an actor.
TYPE_STYLE = {
    "State": ("#4e79a7", "dot"),
    "Person": ("#f28e2b", "dot"),
    "IntergovernmentalOrganization": ("#76b7b2", "hexagon"),
    "GovernmentBody": ("#59a14f", "square"),
    "Military": ("#e15759", "triangle"),
    "ArmedGroup": ("#9d2b2b", "triangleDown"),
    "Organization": ("#9c755f", "square"),
    "MediaOrganization": ("#edc948", "diamond"),
    "NonGovernmentalOrganization": ("#b07aa1", "hexagon"),
    "PoliticalParty": ("#ff9da7", "diamond"),
    "Company": ("#8cd17d", "square"),
    "Group": ("#86bcb6", "triangleDown"),
}
UNKNOWN_STYLE = ("#bab0ac", "dot")
OBJECT_STYLE = ("#555555", "star")

QUAD_COLORS = {
    "verbal_cooperation": "#2c7fb8",
    "material_cooperation": "#2ca25f",
    "verbal_conflict": "#f28e2b",
    "material_conflict": "#d7301f",
}
NEUTRAL_COLOR = "#9e9e9e"
QUAD_LABELS = {
    "verbal_cooperation": "verbal cooperation",
    "material_cooperation": "material cooperation",
    "verbal_conflict": "verbal conflict",
    "material_conflict": "material conflict",
    "": "other / uncoded",
}

SIZE_MEASURES = ("degree", "betweenness", "eigenvector")
MIN_SIZE, MAX_SIZE = 10, 40
LAYOUT_SEED = 7
UNIT_PX = 80  # screen pixels (at zoom 1) per layout unit: each node gets about 80 x 80 px


class TooManyNodes(Exception):
    """The graph is too big to draw usefully; the message says which filters narrow it."""

    def __init__(self, nodes: int, limit: int):
        self.nodes, self.limit = nodes, limit
        super().__init__(
            f"the graph has {nodes} nodes, more than the limit of {limit} for one page; "
            "narrow it with --focus NAME --hops N, --since/--until DATE, --relation NAME or --min-events N")


# -- layout for big graphs ------------------------------------------------------------------

def _near_pairs(pos: np.ndarray, r: float) -> tuple[np.ndarray, np.ndarray]:
    """All pairs (i, j), i != j counted once, closer than ``r``, via a grid of cells of side ``r``.

    Only the cell itself and four of its eight neighbours are scanned, so each pair of cells
    is visited once.
    """
    n = len(pos)
    cell = np.floor(pos / r).astype(np.int64)
    cell -= cell.min(axis=0)
    width = int(cell[:, 1].max()) + 3  # +3: a neighbour row offset never wraps to another column
    key = (cell[:, 0] + 1) * width + (cell[:, 1] + 1)
    order = np.argsort(key, kind="stable")
    sorted_key = key[order]
    ii, jj = [], []
    for dx, dy in ((0, 0), (0, 1), (1, -1), (1, 0), (1, 1)):
        target = key + dx * width + dy
        lo = np.searchsorted(sorted_key, target, "left")
        cnt = np.searchsorted(sorted_key, target, "right") - lo
        total = int(cnt.sum())
        if not total:
            continue
        i = np.repeat(np.arange(n), cnt)
        j = order[np.repeat(lo - (np.cumsum(cnt) - cnt), cnt) + np.arange(total)]
        keep = i < j if (dx, dy) == (0, 0) else np.ones(total, bool)
        ii.append(i[keep])
        jj.append(j[keep])
    i, j = np.concatenate(ii), np.concatenate(jj)
    d = pos[i] - pos[j]
    close = (d * d).sum(axis=1) < r * r
    return i[close], j[close]


def _force_layout(n: int, edges: np.ndarray, iterations: int, seed: int, samples: int) -> np.ndarray:
    """Fruchterman-Reingold for one connected component; positions scaled into [0, 1]^2.

    networkx's ``spring_layout`` needs scipy from 500 nodes on (not a dependency here), and its
    dense fallback is O(n^2) per step (about 20 s at 5,000 nodes). Here repulsion is exact
    between nodes closer than twice the ideal edge length (grid lookup) and estimated beyond
    that from a seeded random sample of nodes, which is unbiased and costs O(n * samples).
    """
    src, dst = edges[:, 0], edges[:, 1]
    # ForceAtlas2's degree-weighted repulsion: a hub pushes harder, so its leaves sit on a
    # ring around it instead of piling on it (plain FR packs them within a tenth of an edge).
    mass = np.bincount(src, minlength=n) + np.bincount(dst, minlength=n) + 1.0
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2))
    k = 1.0 / math.sqrt(n)  # ideal edge length in the unit square
    r = 2 * k
    s = min(n, samples)
    temp = 0.1
    cool = temp / (iterations + 1)

    def scatter(index_array, values):
        return np.stack([np.bincount(index_array, values[:, 0], n), np.bincount(index_array, values[:, 1], n)], 1)

    for _ in range(iterations):
        # Far field: each sampled node stands for n / s nodes.
        pick = rng.choice(n, s, replace=False)
        q = pos[pick]
        dist2 = (pos * pos).sum(1)[:, None] + (q * q).sum(1)[None, :] - 2 * pos @ q.T
        w = np.where(dist2 >= r * r, k * k / np.maximum(dist2, 1e-12), 0.0) * mass[pick][None, :]
        disp = (pos * w.sum(1)[:, None] - w @ q) * (mass * (n / s))[:, None]
        # Near field, exact.
        i, j = _near_pairs(pos, r)
        d = pos[i] - pos[j]
        f = d * (k * k * mass[i] * mass[j] / np.maximum((d * d).sum(1), (0.01 * k) ** 2))[:, None]
        disp += scatter(i, f) - scatter(j, f)
        # Springs.
        d = pos[src] - pos[dst]
        f = d * (np.sqrt((d * d).sum(1)) / k)[:, None]
        disp += scatter(dst, f) - scatter(src, f)
        length = np.maximum(np.sqrt((disp * disp).sum(1)), 1e-12)
        pos += disp * (np.minimum(length, temp) / length)[:, None]
        temp -= cool
    pos -= pos.min(axis=0)
    return pos / max(float(pos.max()), 1e-12)


def _median_nearest(pos: np.ndarray, r: float) -> float:
    """Median distance from a node to its nearest neighbour (``r`` for nodes with none closer)."""
    nearest = np.full(len(pos), r)
    i, j = _near_pairs(pos, r)
    d = np.sqrt(((pos[i] - pos[j]) ** 2).sum(1))
    np.minimum.at(nearest, i, d)
    np.minimum.at(nearest, j, d)
    return max(float(np.median(nearest)), 1e-9)


def spread_layout(g: nx.Graph, seed: int = LAYOUT_SEED, samples: int = 200) -> dict:
    """Positions for a big graph, in units where each node has about one unit square of room.

    Each connected component is laid out on its own (:func:`_force_layout`; tiny ones on a
    circle), scaled so that the median distance to a nearest neighbour is one unit, and the
    components' boxes are packed in rows, largest first: without this, components drift
    apart and the main one shrinks to a dot. Runs in
    about 3-4 s at 5,000 nodes; deterministic for a given graph and seed.
    """
    simple = nx.Graph()
    simple.add_nodes_from(g)
    simple.add_edges_from((u, v) for u, v in g.edges() if u != v)
    comps = sorted((sorted(c, key=str) for c in nx.connected_components(simple)), key=lambda c: (-len(c), str(c[0])))
    boxes = []
    for comp in comps:
        m = len(comp)
        if m <= 4:  # no forces needed: a point, a pair, a triangle, a square
            angles = [2 * math.pi * i / m for i in range(m)]
            local = np.array([[0.5 + 0.5 * math.cos(a), 0.5 + 0.5 * math.sin(a)] for a in angles]) * 1.5 if m > 1 \
                else np.zeros((1, 2))
        else:
            index = {v: i for i, v in enumerate(comp)}
            edges = np.array(sorted({(index[u], index[v]) for u, v in simple.subgraph(comp).edges()}), dtype=np.int64)
            local = _force_layout(m, edges, iterations=min(100, 40 + m), seed=seed, samples=samples)
            # Scale so that the typical node has its nearest neighbour one unit away.
            local = local / _median_nearest(local, 2.0 / math.sqrt(m))
        boxes.append((comp, local, 1.0 + float(local.max())))
    row_width = max([boxes[0][2]] + [math.sqrt(sum(b[2] ** 2 for b in boxes)) * 1.1]) if boxes else 0.0
    out, x, y, row_height = {}, 0.0, 0.0, 0.0
    for comp, local, side in boxes:
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for v, (px, py) in zip(comp, local):  # half a unit of margin all round
            out[v] = (float(x + 0.5 + px), float(y + 0.5 + py))
        x += side
        row_height = max(row_height, side)
    return out


# -- page data ------------------------------------------------------------------------------

def display_label(node_id, data: dict) -> str:
    """The node's ``label``; failing that a readable local name, so an IRI is never shown."""
    label = (data.get("label") or "").strip()
    if label:
        return label
    local = re.split(r"[/#:]", str(node_id).rstrip("/#"))[-1]
    local = urllib.parse.unquote(local).replace("_", " ").replace("-", " ").strip()
    return local or "(unnamed)"


def node_style(data: dict) -> tuple[str, str]:
    if not is_actor(data):
        return OBJECT_STYLE
    return TYPE_STYLE.get(data.get("type") or "", UNKNOWN_STYLE)


def _sizes(g: nx.MultiDiGraph, size_by: str) -> dict:
    values = centrality(g, size_by)
    # sqrt so one hub does not flatten everyone else to the minimum size
    scaled = {n: math.sqrt(max(values.get(n, 0.0), 0.0)) for n in g}
    top = max(scaled.values(), default=0.0) or 1.0
    return {n: round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * v / top, 2) for n, v in scaled.items()}


def _width(count: int) -> float:
    return round(min(10.0, 1.0 + 1.5 * math.log2(max(count, 1))), 2)


def _json_for_script(obj) -> str:
    """JSON that is safe inside <script type="application/json">: no <, >, & or line separators."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=str)
    for ch, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _options(net: Network, physics: bool, n: int) -> dict:
    opts = json.loads(net.options.to_json())  # pyvis defaults, adjusted below
    opts["edges"] = {
        "smooth": False,  # straight by default; parallel edges get their own curve
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
        "font": {"size": 10, "color": "#444444", "strokeWidth": 3, "strokeColor": "#ffffff", "align": "middle"},
        "selectionWidth": 2,
    }
    opts["nodes"] = {"font": {"size": 14, "color": "#222222", "strokeWidth": 3, "strokeColor": "#ffffff"},
                     "borderWidth": 1}
    opts["interaction"] = {"hover": True, "tooltipDelay": 150, "navigationButtons": False,
                           "hideEdgesOnDrag": n > 300, "hideEdgesOnZoom": n > 300}
    opts["layout"] = {"randomSeed": LAYOUT_SEED, "improvedLayout": physics and n <= 150}
    if physics:
        opts["physics"] = {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"gravitationalConstant": -6000, "springLength": 140, "springConstant": 0.03,
                          "avoidOverlap": 0.2},
            "stabilization": {"enabled": True, "iterations": 1000 if n <= 200 else 400,
                              "updateInterval": 25, "fit": True},
        }
    else:
        opts["physics"] = {"enabled": False}
    return opts


def page_data(g: nx.MultiDiGraph, *, title: str, size_by: str, physics: bool) -> dict:
    """Everything the page script needs, as plain JSON-able data."""
    n = g.number_of_nodes()
    net = Network(directed=True, cdn_resources="remote")  # in memory only: we never call its writers
    ids = {node: str(node) for node in g}
    sizes = _sizes(g, size_by) if n else {}
    positions = None
    if not physics:
        positions = {v: (round(x * UNIT_PX, 1), round(y * UNIT_PX, 1)) for v, (x, y) in spread_layout(g).items()}
    node_info, legend = {}, {}
    for node, d in g.nodes(data=True):
        color, shape = node_style(d)
        label = display_label(node, d)
        options = {"size": sizes.get(node, MIN_SIZE),
                   "color": {"background": color, "border": "#333333",
                             "highlight": {"background": color, "border": "#000000"},
                             "hover": {"background": color, "border": "#000000"}}}
        if positions:
            options["x"], options["y"] = positions[node]
        net.add_node(ids[node], label=label, shape=shape, **options)
        kind = "actor" if is_actor(d) else "object"
        typ = d.get("type") or ("Actor" if kind == "actor" else "Object")
        node_info[ids[node]] = {"label": label, "type": typ, "kind": kind, "country": d.get("country"),
                                "sector": d.get("sector"), "title": d.get("title"),
                                "aliases": [x for x in (d.get("aliases") or "").split("|") if x]}
        entry = legend.setdefault((kind, typ), {"type": typ, "kind": kind, "color": color, "shape": shape, "count": 0})
        entry["count"] += 1

    edge_info, quads_present = {}, set()
    parallel: dict[frozenset, int] = {}
    pair_sizes = {}
    for u, v in g.edges():
        pair = frozenset((u, v))
        pair_sizes[pair] = pair_sizes.get(pair, 0) + 1
    for number, (u, v, key, d) in enumerate(g.edges(keys=True, data=True)):
        eid = f"e{number}"
        quad = d.get("quad") if d.get("quad") in QUAD_COLORS else ""
        quads_present.add(quad)
        color = QUAD_COLORS.get(quad, NEUTRAL_COLOR)
        relation = d.get("relation") or str(key)
        count = edge_count(d)
        options = {"id": eid, "label": relation, "width": _width(count),
                   "color": {"color": color, "highlight": color, "hover": color, "opacity": 0.85}}
        pair = frozenset((u, v))
        if pair_sizes[pair] > 1 and u != v:
            # vis draws parallel edges on top of each other unless each has its own curve:
            # alternate sides, bending further every other edge. The side is flipped for edges
            # running the other way, since u->v clockwise is the same arc as v->u anticlockwise.
            rank = parallel.get(pair, 0)
            parallel[pair] = rank + 1
            side = (rank % 2) ^ (ids[u] > ids[v])
            options["smooth"] = {"enabled": True, "type": ("curvedCW", "curvedCCW")[side],
                                 "roundness": round(min(1.0, 0.15 + 0.2 * (rank // 2)), 2)}
        net.add_edge(ids[u], ids[v], **options)
        events = [dict(ev) for ev in (d.get("events") or [])]
        events.sort(key=lambda ev: (ev.get("date") or "", ev.get("event_id") or ""))
        edge_info[eid] = {"relation": relation, "plover": d.get("plover") or "", "quad": quad, "count": count,
                          "events": events}

    relations = sorted({e["relation"] for e in edge_info.values()})
    plovers = sorted({e["plover"] for e in edge_info.values()})
    countries = sorted({i["country"] for i in node_info.values() if i["country"]})
    dates = sorted(ev["date"] for e in edge_info.values() for ev in e["events"] if ev.get("date"))
    return {
        "title": title,
        "physics": physics,
        "sizeBy": size_by,
        "options": _options(net, physics, n),
        "nodes": net.nodes,
        "edges": net.edges,
        "nodeInfo": node_info,
        "edgeInfo": edge_info,
        "legend": sorted(legend.values(), key=lambda e: (e["kind"] != "actor", -e["count"], e["type"])),
        "edgeLegend": [{"quad": q, "label": QUAD_LABELS[q], "color": QUAD_COLORS.get(q, NEUTRAL_COLOR)}
                       for q in [*QUAD_COLORS, ""] if q in quads_present],
        "relations": relations,
        "plovers": plovers,
        "countries": countries,
        "dateRange": [dates[0], dates[-1]] if dates else None,
    }


# -- the page -------------------------------------------------------------------------------

def _asset(path: Path, closing: str) -> str:
    text = path.read_text(encoding="utf-8")
    # An inlined file containing the closing tag would end the element early and turn the
    # rest into markup; fail loudly if a pyvis upgrade ever ships such a file.
    if closing in text.lower():
        raise RuntimeError(f"{path} contains {closing!r} and cannot be inlined")
    return text


def _vis_dir() -> Path:
    import pyvis
    base = Path(pyvis.__file__).resolve().parent
    for candidate in (base / "templates" / "lib" / VIS_VERSION, base / "lib" / VIS_VERSION):
        if (candidate / "vis-network.min.js").is_file():
            return candidate
    raise RuntimeError(f"vis-network ({VIS_VERSION}) not found inside the pyvis package at {base}")


def page(data: dict) -> str:
    vis = _vis_dir()
    parts = {
        "TITLE": html.escape(data["title"]),
        "VIS_CSS": _asset(vis / "vis-network.css", "</style"),
        "CSS": _asset(ASSETS / "page.css", "</style"),
        "VIS_JS": _asset(vis / "vis-network.min.js", "</script"),
        "JS": _asset(ASSETS / "page.js", "</script"),
        "DATA": _json_for_script(data),
    }
    template = (ASSETS / "page.html").read_text(encoding="utf-8")
    # One pass, so text substituted in is never scanned for placeholders again.
    return re.sub(r"@@([A-Z_]+)@@", lambda m: parts[m.group(1)], template)


def _write_atomic(path: str, text: str) -> int:
    data = text.encode("utf-8")
    with files.atomic(path, "wb") as fh:
        fh.write(data)
    return len(data)


def render(g: nx.MultiDiGraph, path: str, *, title: str = "irkg graph", size_by: str = "degree",
           max_nodes: int = 5000, layout_threshold: int = 1000) -> dict:
    """Write the interactive page of ``g`` to ``path`` (one self-contained UTF-8 HTML file).

    Parameters
    ----------
    g : networkx.MultiDiGraph
        The graph of :func:`kg.network.build`.
    path : str
        Output file; written atomically (a temporary file beside it, then ``os.replace``).
        Nothing else is written anywhere.
    title : str
        Page title and heading (shown as text).
    size_by : {"degree", "betweenness", "eigenvector"}
        What node size shows.
    max_nodes : int
        Above this many nodes raise :class:`TooManyNodes` and write nothing.
    layout_threshold : int
        Up to this many nodes the browser lays the graph out (physics, stopped once
        stabilised); above it positions are computed here and physics is off.

    Returns
    -------
    dict
        ``nodes``, ``edges``, ``bytes`` (size of the file) and ``physics`` (bool).
    """
    n = g.number_of_nodes()
    if n > max_nodes:
        raise TooManyNodes(n, max_nodes)
    if size_by not in SIZE_MEASURES:
        raise ValueError(f"unknown size measure {size_by!r}: use one of {', '.join(SIZE_MEASURES)}")
    physics = n <= layout_threshold
    text = page(page_data(g, title=title, size_by=size_by, physics=physics))
    size = _write_atomic(path, text)
    return {"nodes": n, "edges": g.number_of_edges(), "bytes": size, "physics": physics}
