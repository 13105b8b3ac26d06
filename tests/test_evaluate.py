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


# --- whole articles coded sentence by sentence ---------------------------------------------------
def _news_gold(tmp_path, records):
    p = tmp_path / "news-gold.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return p


def _sentence(article, start, end, events):
    return {"article": article, "sent": 0, "start": start, "end": end, "text": "x" * (end - start), "events": events}


def _ev(event, source, target=None, mode="asserted", alt=()):
    return {"event": event, "mode": mode, "source": [{"text": "s", "code": source}],
            "target": [{"text": "t", "code": target}] if target else [], "relation": "r", "date": "2020-01-01",
            "alt": list(alt)}


def _row(article, start, end, s, plover, t=None, direction="stated"):
    return {"article_id": article, "start": start, "end": end, "source_country": s, "plover": plover,
            "target_country": t or "", "direction": direction, "date": "2020-01-01"}


def test_news_gold_is_told_apart_from_sentence_gold(tmp_path):
    from kg.evaluate import is_news_gold
    news = _news_gold(tmp_path, [_sentence("a", 0, 10, [])])
    gsr = tmp_path / "gsr.jsonl"
    gsr.write_text(json.dumps({"id": "g", "text": "t", "event": "ACCUSE", "source": []}) + "\n", encoding="utf-8")
    assert is_news_gold(news) and not is_news_gold(gsr)


def test_news_scoring_counts_false_alarms_on_quiet_sentences_and_ignores_mirrored_rows(tmp_path):
    from kg.evaluate import load_news_gold, score_news
    gold = load_news_gold(_news_gold(tmp_path, [
        _sentence("a", 0, 50, [_ev("ACCUSE", "IRN", "ISR")]),
        _sentence("a", 51, 100, []),
    ]))
    rows = [_row("a", 0, 50, "IRN", "ACCUSE", "ISR"), _row("a", 0, 50, "ISR", "ACCUSE", "IRN", "mirrored"),
            _row("a", 51, 100, "USA", "THREATEN", "CHN")]
    d = score_news(gold, rows).as_dict()
    assert (d["matched"], d["gold"], d["predicted"]) == (1, 1, 2)
    assert d["false_alarms_on_quiet_sentences"] == 1 and d["quiet_sentences_without_false_alarm"] == 0.0


def test_news_scoring_accepts_alternative_types_any_target_for_targetless_gold_and_meetings_either_way(tmp_path):
    from kg.evaluate import load_news_gold, score_news
    gold = load_news_gold(_news_gold(tmp_path, [
        _sentence("a", 0, 50, [_ev("SANCTION", "USA", "RUS", alt=["COERCE"]), _ev("MOBILIZE", "PRK"),
                               _ev("CONSULT", "KOR", "USA")]),
    ]))
    rows = [_row("a", 0, 50, "USA", "COERCE", "RUS"), _row("a", 0, 50, "PRK", "MOBILIZE", "JPN"),
            _row("a", 0, 50, "USA", "CONSULT", "KOR")]
    s = score_news(gold, rows)
    assert len(s.hits) == 3 and not s.alarms and not s.misses


def test_news_scoring_neither_rewards_nor_punishes_future_and_historical_events(tmp_path):
    from kg.evaluate import load_news_gold, score_news
    gold = load_news_gold(_news_gold(tmp_path, [
        _sentence("a", 0, 50, [_ev("CONSULT", "FRA", "DEU", mode="future"), _ev("ASSAULT", "RUS", "UKR")]),
    ]))
    s = score_news(gold, [_row("a", 0, 50, "FRA", "CONSULT", "DEU")])
    assert (len(s.hits), len(s.alarms), len(s.misses)) == (0, 0, 1)


def test_news_scoring_gives_each_row_to_the_sentence_it_overlaps_most(tmp_path):
    from kg.evaluate import load_news_gold, score_news
    gold = load_news_gold(_news_gold(tmp_path, [
        _sentence("a", 0, 40, []), _sentence("a", 41, 100, [_ev("REQUEST", "IGO", "SYR")])]))
    # a row whose sentence offsets run a little into the first sentence still belongs to the second
    s = score_news(gold, [_row("a", 35, 100, "IGO", "REQUEST", "SYR")])
    assert len(s.hits) == 1


@pytest.mark.model
def test_evaluate_reads_news_gold_with_its_articles(tmp_path):
    from kg.evaluate import evaluate_news
    text = "Chile accused Bolivia of smuggling on Monday. The weather was fine."
    arts = tmp_path / "arts.jsonl"
    arts.write_text(json.dumps({"id": "n1", "date": "2024-01-10", "text": text}) + "\n", encoding="utf-8")
    first = text.index(".") + 1
    gold = _news_gold(tmp_path, [_sentence("n1", 0, first, [_ev("ACCUSE", "CHL", "BOL")]),
                                 _sentence("n1", first + 1, len(text), [])])
    s = evaluate_news(gold, arts, min_confidence=0.0)
    assert len(s.hits) == 1 and s.as_dict()["quiet_sentences"] == 1
