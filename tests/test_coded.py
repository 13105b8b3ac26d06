"""The project's own coded articles: well formed, apart from each other, and still fitting the corpus."""
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CODED = ROOT / "coded"
TYPES = set("AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST "
            "SANCTION MOBILIZE COERCE ASSAULT".split())


def _records(name):
    return [json.loads(line) for line in (CODED / name).open(encoding="utf-8") if line.strip()]


@pytest.mark.parametrize("name", ["corpus-train.jsonl", "corpus-check.jsonl", "corpus-extra.jsonl"])
def test_coded_records_are_well_formed_and_carry_no_article_text(name):
    for r in _records(name):
        assert set(r) == {"article", "sent", "start", "end", "events"}
        assert 0 <= r["start"] < r["end"]
        for e in r["events"]:
            assert e["event"] in TYPES and set(e.get("alt") or []) <= TYPES
            assert e.get("mode", "asserted") in ("asserted", "future", "historical")
            assert e["source"], "every event has a source"
            for a in e["source"] + e["target"]:
                assert set(a) == {"code", "start", "end"} and a["start"] < a["end"]


def test_coded_training_and_check_sets_share_no_article_and_no_evaluation_article():
    train = {r["article"] for r in _records("corpus-train.jsonl")}
    check = {r["article"] for r in _records("corpus-check.jsonl")}
    extra = {r["article"] for r in _records("corpus-extra.jsonl")}
    assert train and check and extra and not train & check and not extra & (train | check)
    news = ROOT.parent / "shared" / "eval" / "news" / "news-dev-articles.jsonl"
    if news.exists():
        evaluation = {json.loads(line)["id"] for line in news.open(encoding="utf-8") if line.strip()}
        assert not (train | check | extra) & evaluation


def test_coded_offsets_restore_the_text_from_the_corpus():
    sys.path.insert(0, str(ROOT / "scripts"))
    import coded
    if not coded.CORPUS.exists():
        pytest.skip("../shared/corpus is not beside the repository")
    articles, gold = coded.load(CODED / "corpus-check.jsonl")
    texts = {a["id"]: a["text"] for a in articles}
    for r in gold:
        assert texts[r["article"]][r["start"]:r["end"]] == r["text"]
        for e in r["events"]:
            for a in e["source"] + e["target"]:
                assert a["text"].strip(), "an actor's words are not blank"
