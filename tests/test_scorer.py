"""The event scorer: its model file, its calibration, and how it merges rule events and pairs."""
import numpy as np
import pytest

from kg import pairs, scorer
from kg.records import Actor, Event


def _event(source="state/USA", country="USA", plover="ACCUSE", target=None, start=0, conf=0.5, features=None):
    src = Actor(source, source, "State", country)
    tgt = Actor(target, target, "State", target.split("/")[-1]) if target else None
    return Event("a", "criticised", "111", plover, src, tgt, None, None, "s", start, start + 10, start, start + 3,
                 confidence=conf, extras={"features": features} if features is not None else {})


def test_scorer_model_file_loads_with_every_type_and_a_threshold_inside_zero_one():
    m = scorer.load()
    assert m is not None, "kg/data/event_model.json is shipped with the package"
    assert len(m.pairs.types) == 16 and "ACCUSE" in m.pairs.types
    assert 0.0 < m.threshold < 1.0 and 0.0 < m.add_floor < 1.0


def test_scorer_calibration_is_monotone_and_stays_a_probability():
    m = scorer.load()
    for model in (m.rules, m.pairs):
        xs = np.linspace(0, 1, 101)
        ys = [model.calibrated(float(x)) for x in xs]
        assert all(0.0 <= y <= 1.0 for y in ys)
        assert all(b >= a - 1e-9 for a, b in zip(ys, ys[1:]))


def test_scorer_raw_score_ignores_unknown_features_and_is_a_probability_per_type():
    m = scorer.Model.from_weights({"ACCUSE": {"bias": -2.0, "trig:ACCUSE|s=subj": 4.0}, "CONSULT": {"bias": -1.0}})
    low = m.raw({"bias": 1.0, "never-seen": 1.0})
    high = m.raw({"bias": 1.0, "trig:ACCUSE|s=subj": 1.0})
    assert low.shape == (2,) and 0 < low[0] < 0.5 < high[0] < 1


def test_scorer_dedup_keeps_the_likeliest_of_the_same_act():
    a, b = _event(conf=0.2), _event(conf=0.7)
    assert scorer.dedup([a, b]) == [b]


def test_scorer_rule_events_get_the_rule_model_probability():
    m = scorer.Model.from_weights({"RULE": {"bias": 0.0, "good": 3.0}})
    out = scorer.score_rules([_event(features={"bias": 1.0, "good": 1.0})], m)
    assert out[0].confidence == pytest.approx(1 / (1 + np.exp(-3.0)), abs=1e-3)


def test_pairs_add_only_acts_no_rule_event_codes():
    rule = _event(plover="ACCUSE", target="state/ISR")
    same_act = _event(plover="ACCUSE", target="state/IRN")  # same sentence, type and source country
    other_type = _event(plover="THREATEN", target="state/ISR")
    assert pairs.additions([rule], [same_act, other_type]) == [other_type]
