"""One event reported by many articles: mentions of the same act share one ir:ReportedEvent,
counted by the reported-events saved query and by the GDELT export, and kept exact as articles
come and go. The stores are made by hand, so the right answer is known."""
import pytest

from kg import api, export, graph, lexicon
from kg.records import Actor, Article, Event
from kg.store import Store, load_ontology
from kg.vocab import ONTOLOGY_DIR

KOR = Actor("person/chung-eui-yong", "Chung Eui-yong", "Person", "KOR", "GOV")
USA = Actor("person/antony-blinken", "Antony Blinken", "Person", "USA", "GOV")


def _met(article, date, src=KOR, tgt=USA, start=0, mode="asserted", precision="day"):
    rel = next(name for name, r in lexicon.load().relations.items() if r.symmetric and r.plover == "CONSULT")
    return Event(article, rel, "040", "CONSULT", src, tgt, "GOV", "GOV", "They met.", start, start + 9, start,
                 start + 4, date=date, date_precision=precision, confidence=0.9, quad="verbal_cooperation", symmetric=True, mode=mode)


def _store(path, articles):
    st = Store(path, create=True)
    load_ontology(st, sorted(ONTOLOGY_DIR.glob("*.ttl")))
    st.replace_articles([(aid, graph.article_quads(Article(aid, "text", pub, source=outlet), evs, [KOR, USA], "test"))
                         for aid, (pub, outlet, evs) in articles.items()], graph.actor_quads([KOR, USA]))
    # dropped here: the embedded database is one process's and one handle's at a time


def _reported(path):
    return {r["event"]: (int(r["mentions"]), int(r["articles"]), int(r["sources"]))
            for r in api.query(path, "reported-events").dicts()}


def test_reported_three_articles_of_one_meeting_give_one_event_with_three_mentions(tmp_path):
    path = tmp_path / "s"
    # the same meeting, told from either side and by three outlets; one article also reports an intent
    _store(path, {"a": ("2021-10-06", "VOA", [_met("a", "2021-10-06")]),
                      "b": ("2021-10-06", "Yonhap", [_met("b", "2021-10-06", src=USA, tgt=KOR)]),
                      "c": ("2021-10-07", "Reuters", [_met("c", "2021-10-06"),
                                                      _met("c", "2021-10-06", start=30, mode="intent")])})
    assert list(_reported(path).values()) == [(3, 3, 3)]
    lines = export.gdelt_table(Store(path, create=False)).dicts()
    assert sorted(r["NumMentions"] for r in lines) == ["1", "3"]  # the intent is its own line
    assert next(r for r in lines if r["NumMentions"] == "3")["NumSources"] == "3"


def test_reported_two_meetings_of_the_same_pair_on_different_days_stay_two(tmp_path):
    path = tmp_path / "s"
    _store(path, {"a": ("2021-10-06", "VOA", [_met("a", "2021-10-06")]),
                      "b": ("2021-10-20", "VOA", [_met("b", "2021-10-19")])})
    assert sorted(_reported(path).values()) == [(1, 1, 1), (1, 1, 1)]


def test_reported_removing_an_article_removes_its_mention_and_an_event_left_without_one(tmp_path):
    path = tmp_path / "s"
    _store(path, {"a": ("2021-10-06", "VOA", [_met("a", "2021-10-06")]),
                      "b": ("2021-10-06", "Yonhap", [_met("b", "2021-10-06")]),
                      "c": ("2021-10-06", "Reuters", [_met("c", "2021-10-06")]),
                      "d": ("2021-11-02", "VOA", [_met("d", "2021-11-01")])})
    api.remove(str(path), "c")
    api.remove(str(path), "d")
    assert list(_reported(path).values()) == [(2, 2, 2)]


def test_reported_a_later_build_joins_the_event_of_an_earlier_one(tmp_path):
    path = tmp_path / "s"
    _store(path, {"a": ("2021-10-06", "VOA", [_met("a", "2021-10-06")])})
    st = Store(path, create=False)
    st.replace_articles([("b", graph.article_quads(Article("b", "text", "2021-10-07", source="AP"),
                                                   [_met("b", "2021-10-06")], [KOR, USA], "test"))], [])
    del st
    assert list(_reported(path).values()) == [(2, 2, 2)]


def test_reported_two_mentions_dated_only_to_the_year_stay_apart(tmp_path):
    path = tmp_path / "s"  # "their meeting last year": a pair may meet several times a year
    _store(path, {"a": ("2022-03-01", "VOA", [_met("a", "2021", precision="year")]),
                  "b": ("2022-03-02", "AP", [_met("b", "2021", precision="year")])})
    assert _reported(path) == {}
