"""kg evaluate: the same matching rules as OEDA's scorer, on gold data written here."""
import json

import pytest

from kg.evaluate import evaluate, load_gold, match, score


def test_evaluate_match_prefers_exact_targets_then_wildcards():
    gold = [("USA", "CONSULT", "RUS"), ("USA", "CONSULT", None)]
    pred = [("USA", "CONSULT", "CHN"), ("USA", "CONSULT", "RUS"), ("USA", "ACCUSE", "RUS")]
    hits, missed, extra = match(gold, pred)
    assert sorted((h[0] for h in hits), key=str) == sorted(gold, key=str)
    assert missed == [] and extra == [("USA", "ACCUSE", "RUS")]


def test_evaluate_gold_expands_compound_actors_and_maps_old_labels(tmp_path):
    p = tmp_path / "gold.jsonl"
    p.write_text(json.dumps({"id": "a", "text": "t", "event": "DISAPPROVE",
                             "source": [{"code": "JAP"}, {"code": "KOR"}], "target": ""}) + "\n", encoding="utf-8")
    gold, _ = load_gold(p)
    assert gold == {"a": [("JPN", "ACCUSE", None), ("KOR", "ACCUSE", None)]}


def test_evaluate_score_counts_precision_recall_and_slots():
    gold = {"a": [("IRN", "ACCUSE", "ISR")], "b": [("FRA", "CONSULT", None)]}
    rows = [{"article_id": "a", "source_country": "IRN", "plover": "ACCUSE", "target_country": "ISR"},
            {"article_id": "a", "source_country": "IRN", "plover": "THREATEN", "target_country": "ISR"}]
    s = score(gold, {}, rows)
    assert (s.matched, s.gold, s.predicted) == (1, 2, 2)
    assert s.precision == 0.5 and s.recall == 0.5
    assert s.as_dict()["recall_by_event"] == {"ACCUSE": "1/1", "CONSULT": "0/1"}


@pytest.mark.model
def test_evaluate_builds_gold_texts_and_scores_them(tmp_path):
    gold = tmp_path / "mine.jsonl"
    records = [
        {"id": "g1", "date": "2024-01-10", "text": "Chile accused Bolivia of smuggling on Monday.", "event": "ACCUSE",
         "source": [{"code": "CHL"}], "target": [{"code": "BOL"}]},
        {"id": "g2", "date": "2024-01-10", "text": "Norway pledged aid to Sudan.", "event": "AGREE",
         "source": [{"code": "NOR"}], "target": [{"code": "SDN"}]},
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    s = evaluate(gold)
    assert s.gold == 2 and s.matched == 2 and s.f1 == 1.0
