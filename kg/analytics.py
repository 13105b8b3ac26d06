"""Network statistics for ``kg stats``: counts, centrality, communities, dyads, countries, timeline.

Everything here reads the :class:`networkx.MultiDiGraph` made by :func:`kg.network.build`
(one edge per source, target and relation, carrying ``count`` and ``events``) and never
touches the store. Every table is a list of row dicts whose keys are in a fixed column order,
and rows are sorted deterministically so two runs on the same graph print the same text.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", label="Korea", type="State", kind="actor", country="KOR")
>>> g.add_node("b", label="Japan", type="State", kind="actor", country="JPN")
>>> g.add_edge("a", "b", "met", relation="met", plover="CONSULT", quad="verbal_cooperation",
...            count=2, events=[{"date": "2024-05-01"}, {"date": "2024-06-02"}])
'met'
>>> t = stats(g)
>>> [(r["label"], r["events"]) for r in t["centrality"]]
[('Japan', 2), ('Korea', 2)]
>>> t["dyads"][1]
{'kind': 'country', 'a': 'JPN', 'b': 'KOR', 'cooperation': 2, 'conflict': 0, 'total': 2}
>>> print(render({"timeline": t["timeline"]}, "csv"))
month,verbal_cooperation,material_cooperation,verbal_conflict,material_conflict,other,total
2024-05,1,0,0,0,0,1
2024-06,1,0,0,0,0,1
<BLANKLINE>
"""
from __future__ import annotations

import csv
import io
import json
from collections import Counter, defaultdict

import networkx as nx
import numpy as np

COOPERATION = {"verbal_cooperation", "material_cooperation"}
CONFLICT = {"verbal_conflict", "material_conflict"}
QUADS = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]

# Exact betweenness is O(nodes * edges): past this many actors we sample pivots (seeded) so
# `kg stats` stays in seconds on a 5,000-actor graph; the ranking barely moves.
EXACT_BETWEENNESS_MAX = 2000
BETWEENNESS_SAMPLES = 300
SEED = 42

COLUMNS = {
    "counts": ["category", "name", "count"],
    "centrality": ["label", "type", "country", "events", "degree", "betweenness", "eigenvector", "community"],
    "communities": ["community", "size", "members"],
    "dyads": ["kind", "a", "b", "cooperation", "conflict", "total"],
    "countries": ["country", "actors", "as_source", "as_target", "cooperation", "conflict"],
    "timeline": ["month", *QUADS, "other", "total"],
}


# -- helpers shared with kg.viz -------------------------------------------------------------

def is_actor(data: dict) -> bool:
    """True for actor nodes (``kind`` missing counts as an actor), False for weapons/objects."""
    return (data.get("kind") or "actor") == "actor"


def edge_count(data: dict) -> int:
    """Number of events behind one aggregated edge (``count``, else the length of ``events``)."""
    count = data.get("count")
    return int(count) if count is not None else len(data.get("events") or [])


def quad_class(quad: str | None) -> str:
    """Collapse a PLOVER quad class to ``cooperation``, ``conflict`` or ``other``."""
    if quad in COOPERATION:
        return "cooperation"
    if quad in CONFLICT:
        return "conflict"
    return "other"


def weighted_graph(g: nx.MultiDiGraph, actors_only: bool = True) -> nx.Graph:
    """Collapse ``g`` to an undirected simple graph whose edge ``weight`` is the number of events.

    Relations and directions are merged; self-loops are dropped because they say nothing about
    who is between whom. With ``actors_only`` the weapon/object nodes are left out.
    """
    h = nx.Graph()
    h.add_nodes_from(n for n, d in g.nodes(data=True) if not actors_only or is_actor(d))
    for u, v, d in g.edges(data=True):
        if u == v or u not in h or v not in h:
            continue
        w = edge_count(d)
        if h.has_edge(u, v):
            h[u][v]["weight"] += w
        else:
            h.add_edge(u, v, weight=w)
    return h


def betweenness(h: nx.Graph) -> dict:
    """Betweenness on hop distance; sampled with a fixed seed above ``EXACT_BETWEENNESS_MAX`` nodes."""
    if len(h) > EXACT_BETWEENNESS_MAX:
        return nx.betweenness_centrality(h, k=BETWEENNESS_SAMPLES, seed=SEED)
    return nx.betweenness_centrality(h)


def eigenvector(h: nx.Graph) -> dict:
    """Weighted eigenvector centrality per connected component, never raising.

    On a disconnected graph the plain measure gives every component but the leading one
    zero, so a state whose only story is apart from the rest would rank with the isolated.
    Each component is therefore solved on its own (unit norm within it) and scaled by its
    share of the nodes; on a connected graph this is the usual measure. Power iteration is
    tried first; if it does not converge, a dense symmetric eigendecomposition (numpy only:
    scipy is not a dependency, so ``eigenvector_centrality_numpy`` is unavailable). Isolated
    nodes get 0.
    """
    out = {}
    for comp in nx.connected_components(h):
        nodes = sorted(comp, key=str)
        if len(nodes) == 1:
            out[nodes[0]] = 0.0
            continue
        sub = h.subgraph(nodes)
        try:
            values = nx.eigenvector_centrality(sub, max_iter=1000, tol=1e-6, weight="weight")
        except nx.PowerIterationFailedConvergence:
            _, vecs = np.linalg.eigh(nx.to_numpy_array(sub, nodelist=nodes, weight="weight"))
            v = np.abs(vecs[:, -1])
            values = dict(zip(nodes, (v / (np.linalg.norm(v) or 1.0)).tolist()))
        for node in nodes:
            out[node] = float(values[node]) * len(nodes) / len(h)
    return out


def centrality(g: nx.MultiDiGraph, measure: str) -> dict:
    """One centrality for every node of ``g`` (objects included), used by ``kg viz`` for sizes.

    ``degree`` is the multigraph degree (one per source, target and relation edge);
    ``betweenness`` and ``eigenvector`` are computed on :func:`weighted_graph` of all nodes.
    """
    if measure == "degree":
        return dict(g.degree())
    if measure == "betweenness":
        return betweenness(weighted_graph(g, actors_only=False))
    if measure == "eigenvector":
        return eigenvector(weighted_graph(g, actors_only=False))
    raise ValueError(f"unknown centrality {measure!r}: use degree, betweenness or eigenvector")


def _label(g: nx.MultiDiGraph, n) -> str:
    return g.nodes[n].get("label") or str(n)


# -- the tables -----------------------------------------------------------------------------

def _counts(g: nx.MultiDiGraph) -> list[dict]:
    actor_types, object_types = Counter(), Counter()
    for _, d in g.nodes(data=True):
        (actor_types if is_actor(d) else object_types)[d.get("type") or "(none)"] += 1
    plovers, relations = Counter(), Counter()
    for _, _, d in g.edges(data=True):
        plovers[d.get("plover") or "(none)"] += edge_count(d)
        relations[d.get("relation") or "(none)"] += edge_count(d)
    # What the network holds, named so that nobody takes it for the store's counts (`kg build`):
    # only events at the views' confidence that link two actors or an actor and an object.
    totals = {"actors in the network": sum(actor_types.values()),
              "objects in the network": sum(object_types.values()),
              "edges (one per pair and relation)": g.number_of_edges(),
              "events with a target or an object": sum(relations.values())}
    rows = [{"category": "total", "name": k, "count": v} for k, v in totals.items()]
    for category, counter in (("actor_type", actor_types), ("object_type", object_types),
                              ("event_type", plovers), ("relation", relations)):
        for name, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            rows.append({"category": category, "name": name, "count": count})
    return rows


def _communities(h: nx.Graph) -> list[list]:
    """Louvain communities, largest first, ties broken by their first member's label."""
    if len(h) == 0:
        return []
    comms = nx.community.louvain_communities(h, weight="weight", seed=SEED)
    labelled = [sorted(c, key=lambda n: (h.nodes[n]["label"], str(n))) for c in comms]
    labelled.sort(key=lambda c: (-len(c), h.nodes[c[0]]["label"], str(c[0])))
    return labelled


def _events_touching(g: nx.MultiDiGraph, n) -> int:
    # Every edge once, even a self-loop that appears among both out- and in-edges.
    seen = {(u, v, k): d for u, v, k, d in g.out_edges(n, keys=True, data=True)}
    seen.update({(u, v, k): d for u, v, k, d in g.in_edges(n, keys=True, data=True)})
    return sum(edge_count(d) for d in seen.values())


def _dyads(g: nx.MultiDiGraph) -> list[dict]:
    acc = {"actor": defaultdict(Counter), "country": defaultdict(Counter)}
    for u, v, d in g.edges(data=True):
        du, dv = g.nodes[u], g.nodes[v]
        if not (is_actor(du) and is_actor(dv)):
            continue
        cls, count = quad_class(d.get("quad")), edge_count(d)
        pairs = [("actor", tuple(sorted((_label(g, u), _label(g, v)))))]
        if du.get("country") and dv.get("country"):
            pairs.append(("country", tuple(sorted((du["country"], dv["country"])))))
        for kind, pair in pairs:
            acc[kind][pair][cls] += count
            acc[kind][pair]["total"] += count
    rows = []
    for kind in ("actor", "country"):
        for (a, b), c in sorted(acc[kind].items(), key=lambda kv: (-kv[1]["total"], kv[0])):
            rows.append({"kind": kind, "a": a, "b": b, "cooperation": c["cooperation"],
                         "conflict": c["conflict"], "total": c["total"]})
    return rows


def _countries(g: nx.MultiDiGraph) -> list[dict]:
    rows: dict[str, Counter] = defaultdict(Counter)
    for _, d in g.nodes(data=True):
        if is_actor(d) and d.get("country"):
            rows[d["country"]]["actors"] += 1
    for u, v, d in g.edges(data=True):
        cu, cv = g.nodes[u].get("country"), g.nodes[v].get("country")
        count, cls = edge_count(d), quad_class(d.get("quad"))
        if cu:
            rows[cu]["as_source"] += count
        if cv:
            rows[cv]["as_target"] += count
        for c in {cu, cv} - {None, ""}:  # an event inside one country counts once for it
            if cls != "other":
                rows[c][cls] += count
    out = [{"country": c, "actors": r["actors"], "as_source": r["as_source"], "as_target": r["as_target"],
            "cooperation": r["cooperation"], "conflict": r["conflict"]} for c, r in rows.items()]
    out.sort(key=lambda r: (-(r["as_source"] + r["as_target"]), r["country"]))
    return out


def _month(date: str | None) -> str:
    # Year-only dates keep their year ("2024" sorts just before "2024-01"); undated go last.
    if not date:
        return "unknown"
    return date[:7] if len(date) >= 7 else date[:4]


def _timeline(g: nx.MultiDiGraph) -> list[dict]:
    months: dict[str, Counter] = defaultdict(Counter)
    for _, _, d in g.edges(data=True):
        quad = d.get("quad") if d.get("quad") in QUADS else "other"
        events = d.get("events") or []
        for ev in events:
            months[_month(ev.get("date"))][quad] += 1
        if len(events) < edge_count(d):  # a count without its event list: undated
            months["unknown"][quad] += edge_count(d) - len(events)
    rows = []
    for m in sorted(months, key=lambda m: (m == "unknown", m)):
        c = months[m]
        rows.append({"month": m, **{q: c[q] for q in QUADS}, "other": c["other"], "total": sum(c.values())})
    return rows


def stats(g: nx.MultiDiGraph) -> dict[str, list[dict]]:
    """Compute the ``kg stats`` tables of an actor network.

    Parameters
    ----------
    g : networkx.MultiDiGraph
        The graph of :func:`kg.network.build`: nodes with ``label``, ``type``, ``kind``,
        ``country``; edges keyed by relation with ``relation``, ``plover``, ``quad``, ``count``
        and ``events``.

    Returns
    -------
    dict of str to list of dict
        ``counts`` (category, name, count: totals, actor/object types, PLOVER event types,
        relations); ``centrality`` (one row per actor: events touching it, multigraph degree,
        betweenness and weighted eigenvector centrality on the undirected actor graph, community
        id), sorted by events then degree (descending) then label; ``communities`` (Louvain,
        seed 42: id, size, member labels); ``dyads`` (actor pairs then country pairs, unordered
        and sorted, with cooperative, conflictual and total events); ``countries`` (actors,
        events as source and as target, cooperative and conflictual events); ``timeline``
        (events per month by quad class, ``other`` for events without one).

    Notes
    -----
    Betweenness uses hop distance and is sampled (300 pivots, fixed seed) above 2,000 actors.
    Floats are rounded to 6 decimals so the output is stable across platforms.
    """
    h = weighted_graph(g, actors_only=True)
    for n in h:
        h.nodes[n]["label"] = _label(g, n)
    comms = _communities(h)
    community_of = {n: i + 1 for i, c in enumerate(comms) for n in c}
    btw, eig = betweenness(h), eigenvector(h)
    central = []
    for n in h:
        d = g.nodes[n]
        central.append({"label": h.nodes[n]["label"], "type": d.get("type"), "country": d.get("country"),
                        "events": _events_touching(g, n), "degree": g.degree(n),
                        "betweenness": round(btw.get(n, 0.0), 6), "eigenvector": round(eig.get(n, 0.0), 6),
                        "community": community_of.get(n)})
    central.sort(key=lambda r: (-r["events"], -r["degree"], r["label"], r["country"] or ""))
    return {
        "counts": _counts(g),
        "centrality": central,
        "communities": [{"community": i + 1, "size": len(c), "members": [h.nodes[n]["label"] for n in c]}
                        for i, c in enumerate(comms)],
        "dyads": _dyads(g),
        "countries": _countries(g),
        "timeline": _timeline(g),
    }


# -- output ---------------------------------------------------------------------------------

TABLE_CELL_MAX = 80  # the plain-text table clips long cells (member lists); csv/json keep them


def _cell(value, clip: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        text = "; ".join(str(v) for v in value)
    elif isinstance(value, float):
        text = f"{value:.4f}" if clip else repr(value)
    else:
        text = str(value)
    if clip and len(text) > TABLE_CELL_MAX:
        text = text[: TABLE_CELL_MAX - 3] + "..."
    return text


def _columns(name: str, rows: list[dict]) -> list[str]:
    return list(rows[0]) if rows else COLUMNS.get(name, [])


def render(tables: dict[str, list[dict]], fmt: str) -> str:
    """Format the tables of :func:`stats` as text.

    Parameters
    ----------
    tables : dict of str to list of dict
        Named tables; each row dict has the same keys in the same order.
    fmt : {"table", "csv", "json"}
        ``table``: aligned plain text, one section per table under a ``== name ==`` heading
        (numbers right-aligned, long cells clipped); ``csv``: a ``# name`` line then the CSV of
        each table, sections separated by a blank line; ``json``: one object of tables.

    Returns
    -------
    str
        The text, ending with a newline.

    Raises
    ------
    ValueError
        If ``fmt`` is not one of the three formats.
    """
    if fmt == "json":
        return json.dumps(tables, indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        if len(tables) == 1:
            # one table, one plain CSV file that any reader loads
            (name, rows), = tables.items()
            buf = io.StringIO()
            w = csv.writer(buf, lineterminator="\n")
            cols = _columns(name, rows)
            w.writerow(cols)
            for r in rows:
                w.writerow([_cell(r.get(c)) for c in cols])
            return buf.getvalue()
        sections = []
        for name, rows in tables.items():
            buf = io.StringIO()
            buf.write(f"# {name}\n")
            w = csv.writer(buf, lineterminator="\n")
            cols = _columns(name, rows)
            w.writerow(cols)
            for r in rows:
                w.writerow([_cell(r.get(c)) for c in cols])
            sections.append(buf.getvalue())
        return "\n".join(sections)
    if fmt == "table":
        sections = []
        for name, rows in tables.items():
            cols = _columns(name, rows)
            cells = [[_cell(r.get(c), clip=True) for c in cols] for r in rows]
            numeric = [bool(rows) and all(isinstance(r.get(c), (int, float)) and not isinstance(r.get(c), bool)
                                          for r in rows if r.get(c) is not None) for c in cols]
            widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(cols)]

            def line(values):
                parts = [v.rjust(w) if num else v.ljust(w) for v, w, num in zip(values, widths, numeric)]
                return "  ".join(parts).rstrip()

            out = [f"== {name} ==", line(cols), line(["-" * w for w in widths])]
            out += [line(row) for row in cells] if cells else ["(none)"]
            sections.append("\n".join(out) + "\n")
        return "\n".join(sections)
    raise ValueError(f"unknown format {fmt!r}: use table, csv or json")
