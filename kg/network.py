"""The actor network as networkx sees it, built from the store with the viz/stats filters.

Nodes are actors (and, for events with an object but no target, the objects, such as
the missiles a state tested); edges are aggregated per (source, target, relation) and
carry every event behind them with its provenance.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

import networkx as nx

from . import names
from .errors import KgError
from .export import actor_table, event_table
from .query import load_query, run
from .store import Store


@dataclass
class Filters:
    since: str | None = None  # ISO date prefix, inclusive
    until: str | None = None
    relations: list[str] = field(default_factory=list)  # readable relation names ("met")
    plovers: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)  # ISO3: keep events touching them
    min_events: int = 1
    focus: str | None = None  # actor label (case-insensitive) or id
    hops: int = 1
    include_objects: bool = True
    min_confidence: float = 0.0  # leave out events the scorer finds less likely than this

    def checked(self) -> "Filters":
        """The same filters with every name checked (E213-E215 with suggestions) and normalised:
        countries by name or code become codes, event types upper case, dates validated."""
        return replace(self, countries=[names.country_code(c) for c in self.countries],
                       plovers=[names.plover_type(p) for p in self.plovers],
                       relations=[names.relation(r) for r in self.relations],
                       since=names.date_prefix(self.since, "--since") if self.since else None,
                       until=names.date_prefix(self.until, "--until") if self.until else None)

    def keep(self, ev: dict) -> bool:
        if self.min_confidence and float(ev.get("confidence") or 0.0) < self.min_confidence:
            return False
        date = ev.get("date") or ""
        if self.since and (not date or date < self.since[: len(date)]):
            return False
        if self.until and (not date or date[: len(self.until)] > self.until):
            return False
        if self.relations and ev.get("relation") not in self.relations:
            return False
        if self.plovers and (ev.get("plover") or "") not in self.plovers:
            return False
        if self.countries and not ({ev.get("source_country"), ev.get("target_country")} & set(self.countries)):
            return False
        return True


def articles(store: Store) -> dict[str, dict]:
    return {r["article_id"]: r for r in run(store, load_query("articles")).dicts()}


def build(store: Store, filters: Filters | None = None) -> nx.MultiDiGraph:
    f = (filters or Filters()).checked()
    actors = {r["actor_id"]: r for r in actor_table(store).dicts()}
    if f.focus and _find(actors, f.focus) is None:
        every = [n for a in actors.values() for n in [a["label"], *(a.get("aliases") or "").split("|")] if n]
        raise KgError("E216", value=f.focus, hint=names.suggest(f.focus, every))
    arts = articles(store)
    g = nx.MultiDiGraph()
    for ev in event_table(store, mirror=False).dicts():
        if not f.keep(ev):
            continue
        src = ev["source_id"]
        if ev.get("target_id"):
            dst = ev["target_id"]
        elif ev.get("object") and f.include_objects:
            dst = f"object:{ev['object']}"
            g.add_node(dst, label=ev["object"], type=ev.get("object_type") or "Weapon", kind="object",
                       country=None, sector=None, title=None)
        else:
            continue
        for node in (src, dst):
            if node in actors and node not in g:
                a = actors[node]
                g.add_node(node, label=a["label"], type=a["type"], kind="actor", country=a.get("country"),
                           sector=a.get("sector"), title=a.get("title"), aliases=a.get("aliases") or "")
        key = ev["relation"]
        if g.has_edge(src, dst, key):
            data = g.edges[src, dst, key]
        else:
            g.add_edge(src, dst, key, relation=key, plover=ev.get("plover"), quad=ev.get("quad"), events=[])
            data = g.edges[src, dst, key]
        art = arts.get(ev["article_id"], {})
        data["events"].append({
            "event_id": ev["event_id"], "date": ev.get("date"), "sentence": ev.get("sentence"),
            "confidence": ev.get("confidence"), "mode": ev.get("mode"), "object": ev.get("object"),
            "location": ev.get("location"), "article_id": ev["article_id"], "article_title": art.get("title"),
            "article_date": art.get("date"), "article_url": art.get("url")})
    for u, v, k in list(g.edges(keys=True)):
        g.edges[u, v, k]["count"] = len(g.edges[u, v, k]["events"])
        if g.edges[u, v, k]["count"] < f.min_events:
            g.remove_edge(u, v, k)
    g.remove_nodes_from([n for n in list(g) if g.degree(n) == 0])
    if f.focus:
        center = find_node(g, f.focus)
        if center is None:
            return nx.MultiDiGraph()
        keep = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), center, cutoff=f.hops)
        g = g.subgraph(keep).copy()
    return g


def find_node(g: nx.MultiDiGraph, name: str) -> str | None:
    return _find(dict(g.nodes(data=True)), name)


def _find(nodes: dict[str, dict], name: str) -> str | None:
    if name in nodes:
        return name
    low = name.lower()

    def labels(d: dict) -> list[str]:
        return [(d.get("label") or "").lower(), *(x.lower() for x in (d.get("aliases") or "").split("|") if x)]

    # the name or an alias ("Assad" for Bashar al-Assad), then a name or alias containing it
    for n, d in nodes.items():
        if low in labels(d):
            return n
    for n, d in nodes.items():
        if any(low in x for x in labels(d)):
            return n
    return None
