"""Distributed extraction on Spark (local[2]) gives the same graph as a single-process build.

Needs pyspark (test extras) and a Java runtime; deselect with `-m "not spark"`.
"""
import json
import os
import random
import shutil

import pytest

from kg import api

pytestmark = [pytest.mark.model, pytest.mark.spark]

COUNTRIES = ["France", "Germany", "Japan", "India", "Brazil", "Kenya", "Egypt", "Turkey", "Canada", "Mexico",
             "Nigeria", "Indonesia", "Australia", "Spain", "Poland", "Vietnam", "Pakistan", "Iran", "Israel",
             "Russia", "China", "Ukraine", "South Korea", "North Korea", "Saudi Arabia", "Argentina", "Chile"]
PEOPLE = [("Foreign Minister", "Anna Keller"), ("President", "Rafael Ortega"), ("Prime Minister", "Kenji Sato"),
          ("Defence Minister", "Amit Rao"), ("Foreign Minister", "Lina Haddad")]
SENTENCES = [
    "{a} and {b} held talks on trade in {city} on {day}.",
    "{a} accused {b} of violating the ceasefire.",
    "{a} imposed sanctions on {b} after the vote.",
    "{a} pledged aid to {b} following the floods.",
    "{a} condemned the missile test by {b}.",
    "{a} signed a defence agreement with {b} on {day}.",
    "{a} threatened to expel diplomats from {b}.",
    "{a} urged {b} to release the detained journalists.",
    "{demonym} troops attacked rebel positions near the border.",
    "{title} {person} of {a} met {b}'s ambassador in {city}.",
    "{person} said {a} would not negotiate with {b}.",
    "{a} refused to meet the delegation from {b}.",
    "Talks between {a} and {b} resumed in {city} last week.",
    "{a} tested a ballistic missile on {day}, officials in {b} said.",
    "The weather in {city} was mild on {day}.",
]
CITIES = ["Geneva", "Vienna", "Doha", "Oslo", "Singapore", "Nairobi", "Brussels", "Istanbul"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
DEMONYMS = ["French", "German", "Turkish", "Indian", "Egyptian", "Russian", "Ukrainian"]


def synthetic_corpus(n: int, seed: int = 7) -> list[dict]:
    """n short news articles of varied sentences about real countries, deterministic."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        sents = []
        for _ in range(rng.randint(2, 6)):
            a, b = rng.sample(COUNTRIES, 2)
            title, person = rng.choice(PEOPLE)
            sents.append(rng.choice(SENTENCES).format(a=a, b=b, city=rng.choice(CITIES), day=rng.choice(DAYS),
                                                      demonym=rng.choice(DEMONYMS), title=title, person=person))
        rec = {"id": f"syn-{i:04d}", "text": " ".join(sents), "title": f"Report {i}"}
        if i % 3:
            rec["date"] = f"2023-{1 + i % 12:02d}-{1 + i % 27:02d}"
        out.append(rec)
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("dist")
    path = d / "corpus.jsonl"
    lines = [json.dumps(r) for r in synthetic_corpus(200)]
    lines.insert(50, "{not json")  # reported and skipped, as kg build does
    lines.append(json.dumps({"id": "syn-0003", "text": "A duplicate id: Chile met Peru."}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def spark():
    pytest.importorskip("pyspark")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java runtime")
    from kg import distributed
    session = distributed.spark_session("local[2]")
    yield session
    session.stop()


def _export(store, path):
    api.export_graph(store, str(path))
    return path.read_bytes()


def test_distributed_build_gives_the_same_nquads_as_a_local_build(corpus, spark, tmp_path):
    from kg import distributed
    summary = distributed.run([str(corpus)], tmp_path / "parts", spark=spark, partitions=3)
    assert summary["built"] == 200 and summary["skipped"] == 2
    problems = [json.loads(line) for line in (tmp_path / "parts" / "problems.jsonl").open()]
    assert sorted(p["code"] for p in problems) == ["E104", "E111"]
    parts = distributed.part_files(tmp_path / "parts")
    assert len([p for p in parts if p.parent.name == "graphs"]) == 3
    api.load([str(p) for p in parts], tmp_path / "dist")

    report = api.build([str(corpus)], tmp_path / "local", workers=1)
    assert report.built == 200 and report.skipped == 2
    local = _export(tmp_path / "local", tmp_path / "local.nq")
    assert local.count(b"\n") > 10000
    assert _export(tmp_path / "dist", tmp_path / "dist.nq") == local


def test_distributed_main_writes_parts_and_loads_them(corpus, spark, tmp_path):
    from kg import distributed
    small = tmp_path / "small.jsonl"
    small.write_text("\n".join(corpus.read_text(encoding="utf-8").splitlines()[:20]) + "\n", encoding="utf-8")
    code = distributed.main(["--input", str(small), "--output", str(tmp_path / "parts"), "--master", "local[2]",
                             "--store", str(tmp_path / "store")])
    assert code == 0  # the bad line is line 51: not in the first 20
    assert api.summary(tmp_path / "store").articles == 20
    assert (tmp_path / "parts" / "summary.json").exists()
