"""Hand-built actor networks, shaped as kg.network.build returns them, for viz and stats tests."""
from __future__ import annotations

BASE = "https://example.org/irkg/actor/"


def add_actor(g, key, label, typ="State", country=None, kind="actor"):
    node = key if key.startswith("object:") else BASE + key
    g.add_node(node, label=label, type=typ, kind=kind, country=country, sector=None, title=None)
    return node


def add_event(g, src, dst, relation, plover=None, quad=None, date="2024-05-01", sentence="Something happened.",
              url="https://news.example.com/a1", title="An article", location=None):
    if not g.has_edge(src, dst, relation):
        g.add_edge(src, dst, relation, relation=relation, plover=plover, quad=quad, events=[], count=0)
    d = g.edges[src, dst, relation]
    d["events"].append({
        "event_id": f"ev{len(d['events'])}-{relation}", "date": date, "sentence": sentence, "confidence": 0.9,
        "mode": "asserted", "object": None, "location": location, "article_id": "a1", "article_title": title,
        "article_date": "2024-05-02", "article_url": url})
    d["count"] = len(d["events"])
