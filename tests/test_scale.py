"""Scale: streaming in batches, batched hash lookups, workers, the gated parse, the faster
attribute ruler and lemmatizer (same annotations as spaCy's)."""
import json
import os

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

from kg import api, nlp, pipeline
from kg.store import Store

TEXTS = [
    "Japan and Australia held talks on Monday. The weather was mild. It rained in Tokyo.",
    "Iran accused Israel of sabotage at the plant, officials said. That is what they said.",
    "Gon na y'all ain't let's go. I told you it was there, and you knew it.",
    "The European Union imposed sanctions on Russia.\n\nPresident Joe Biden did not comment.",
    "Kenya and Uganda signed a trade agreement; both sides said the deal would help.",
]


def _articles(tmp_path, n):
    path = tmp_path / "corpus.jsonl"
    rows = [{"id": f"a{i}", "text": TEXTS[i % len(TEXTS)] + f" Article {i}.", "date": "2024-05-15"}
            for i in range(n)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return path


class _Recorder(Store):
    """An embedded store that records how the build talks to it."""

    def __init__(self, path):
        super().__init__(path)
        self.lookups, self.writes = [], []

    def content_hashes(self, article_ids):
        ids = list(article_ids)
        self.lookups.append(ids)
        return super().content_hashes(ids)

    def replace_articles(self, articles, shared):
        self.writes.append([a for a, _ in articles])
        super().replace_articles(articles, shared)


@pytest.mark.model
def test_scale_build_streams_batches_with_one_hash_lookup_each(tmp_path):
    corpus = _articles(tmp_path, 7)
    store = _Recorder(tmp_path / "store")
    report = pipeline.build([str(corpus)], store, batch_size=3, workers=1)
    assert report.built == 7
    assert [len(ids) for ids in store.lookups] == [3, 3, 1]
    assert store.writes == [["a0", "a1", "a2"], ["a3", "a4", "a5"], ["a6"]]
    store.lookups.clear()
    again = pipeline.build([str(corpus)], store, batch_size=3, workers=1)
    assert (again.built, again.unchanged) == (0, 7)
    assert [len(ids) for ids in store.lookups] == [3, 3, 1]


@pytest.mark.model
def test_scale_workers_and_batch_size_do_not_change_the_graph(tmp_path):
    corpus = _articles(tmp_path, 9)
    outs = []
    for name, workers, batch in (("one", 1, 64), ("two", 2, 2)):
        api.build([str(corpus)], tmp_path / name, workers=workers, batch_size=batch)
        api.export_graph(tmp_path / name, str(tmp_path / f"{name}.nq"))
        outs.append((tmp_path / f"{name}.nq").read_bytes())
    assert outs[0] == outs[1]
    assert outs[0].count(b"\n") > 100


@pytest.mark.model
def test_scale_parse_mode_is_recorded_and_switching_rebuilds(tmp_path):
    corpus = _articles(tmp_path, 2)
    api.build([str(corpus)], tmp_path / "s", parse="all")
    switched = api.build([str(corpus)], tmp_path / "s", parse="gated")
    assert (switched.built, switched.unchanged) == (2, 0)
    assert nlp.label(parse="gated") != nlp.label(parse="all")
    with pytest.raises(ValueError, match="parse mode"):
        api.build([str(corpus)], tmp_path / "s", parse="sometimes")


@pytest.mark.model
def test_scale_gated_parse_parses_event_sentences_and_flattens_the_rest():
    text = "Japan and Australia held talks on Monday. The weather was mild in the hills today."
    [(doc, _)] = nlp.annotate([(text, None)], parse="gated")
    first, second = list(doc.sents)
    assert {t.dep_ for t in first} >= {"nsubj", "dobj"}
    assert all(t.head.i == second.start for t in second)
    assert {t.dep_ for t in second} == {"ROOT", "dep"}
    [(full, _)] = nlp.annotate([(text, None)], parse="all")
    assert [(t.dep_, t.head.i) for t in first] == [(t.dep_, t.head.i) for t in list(full.sents)[0]]
    assert [t.pos_ for t in doc] == [t.pos_ for t in full] and [t.lemma_ for t in doc] == [t.lemma_ for t in full]


@pytest.mark.model
def test_scale_gated_build_keeps_the_seed_events(seed_path, tmp_path):
    api.build([str(seed_path)], tmp_path / "gated", parse="gated")
    rows = api.query(tmp_path / "gated", "who-met-whom").dicts()
    assert {("Chung Eui-yong", "Antony Blinken"), ("Chung Eui-yong", "Luigi Di Maio"),
            ("Chung Eui-yong", "Gordan Grlic Radman")} <= {(r["source"], r["target"]) for r in rows}


@pytest.mark.model
@pytest.mark.parametrize("disable", [[], ["parser"]])
def test_scale_fast_attribute_ruler_and_lemmatizer_match_spacy(disable, seed_path):
    plain = spacy.load(nlp.DEFAULT_MODEL)
    fast = spacy.load(nlp.DEFAULT_MODEL)
    assert nlp.fast_attribute_ruler(fast.get_pipe("attribute_ruler"))
    assert nlp.fast_lemmatizer(fast.get_pipe("lemmatizer"))
    texts = TEXTS + [seed_path.read_text(encoding="utf-8"), "", "   \n "]
    cols = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    with plain.select_pipes(disable=disable), fast.select_pipes(disable=disable):
        for a, b in zip(plain.pipe(texts), fast.pipe(texts)):
            assert np.array_equal(a.to_array(cols), b.to_array(cols))
        for text in texts[:3]:  # one Doc at a time goes through __call__
            assert np.array_equal(plain(text).to_array(cols), fast(text).to_array(cols))


def test_scale_default_workers_are_the_usable_cores():
    expected = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert pipeline.default_workers() == expected
