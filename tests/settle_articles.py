"""Three articles that name and place one person differently, and what the store must keep
of him (tests/test_graph_store.py on the embedded store, tests/test_remote_store.py on a server)."""
from __future__ import annotations

from pathlib import Path

from kg.store import ACTORS_GRAPH, open_store
from kg.vocab import ID

ARTICLES = {
    "a1.txt": "President Kwabena Osei-Darko thanked the farmers of Ghana. Ghana exported more cocoa this "
              "year, and Ghana's economy grew.",
    "a2.txt": "President Kwabena Osei Darko met the leaders of Togo. Togo signed a trade deal, and Togo's "
              "exports rose.",
    "a3.txt": "President Kwabena Osei-Darko opened a road in Ghana. Ghana's roads are improving, officials "
              "in Ghana said.",
}
PERSON = ID["actor/person/kwabena-osei-darko"]


def write_settle_articles(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def assert_settled(store_spec: str) -> None:
    """One label (the other spelling an altLabel), one country: Ghana, where two articles of
    three place him, and no office of Togo."""
    rows = open_store(store_spec, create=False).query(
        "SELECT ?p ?o WHERE { GRAPH <%s> { <%s> ?p ?o } }" % (ACTORS_GRAPH, PERSON))
    values = {(r["p"].value.rsplit("#", 1)[-1].rsplit("/", 1)[-1], r["o"].value) for r in rows}
    labels = {o for p, o in values if p == "label"}
    assert len(labels) == 1, values
    assert {o for p, o in values if p == "altLabel"} | labels == {"Kwabena Osei-Darko", "Kwabena Osei Darko"}
    assert {o for p, o in values if p == "countryCode"} == {"GHA"}, values
    assert not [o for p, o in values if "TGO" in o], values
