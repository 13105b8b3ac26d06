"""How likely a candidate event is to be right: the learnt part of the event layer.

kg/pairs.py describes every (source, target) pair of a sentence by named features; one
logistic model per PLOVER type, trained by scripts/train_events.py on articles the project
coded itself by ANNOTATION.md and shipped as kg/data/event_model.json (weights only; the
model card is kg/data/event_model.md), gives each pair a score per type. The best-scoring
target of each (source, type) becomes an event, and an isotonic map fitted on held-out folds
of the same articles turns its score into `Event.confidence`: the estimated chance that its
source, type and target are right, as the news scorer judges them.
"""
from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from .records import Event
from .tables import DATA

MODEL_FILE = DATA / "event_model.json"


@dataclass(frozen=True)
class Model:
    types: tuple[str, ...]
    index: dict[str, int]  # feature name -> row of `weights`
    weights: np.ndarray  # (features, types)
    knots_x: tuple[float, ...]  # isotonic calibration: raw score -> probability, piecewise linear
    knots_y: tuple[float, ...]
    threshold: float  # the views' default minimum confidence
    floor: float  # raw scores below this are not worth an event at all
    version: str = ""

    @classmethod
    def from_weights(cls, per_type: dict[str, dict[str, float]], calibration=(), threshold: float = 0.5,
                     floor: float = 0.05, version: str = "") -> "Model":
        types = tuple(sorted(per_type))
        names = sorted({n for w in per_type.values() for n in w})
        index = {n: i for i, n in enumerate(names)}
        weights = np.zeros((len(names), len(types)), dtype=np.float32)
        for j, t in enumerate(types):
            for n, w in per_type[t].items():
                weights[index[n], j] = w
        cal = list(calibration)
        return cls(types, index, weights, tuple(float(x) for x, _ in cal), tuple(float(y) for _, y in cal),
                   float(threshold), float(floor), version)

    def raw(self, features: dict[str, float]) -> np.ndarray:
        """The logistic score of every type for one candidate."""
        return self.raw_many([features])[0]

    def raw_many(self, features: list[dict[str, float]]) -> np.ndarray:
        """raw() of many candidates at once: (candidates, types)."""
        rows, cols, vals = [], [], []
        for r, feats in enumerate(features):
            for k, v in feats.items():
                j = self.index.get(k)
                if j is not None:
                    rows.append(r)
                    cols.append(j)
                    vals.append(v)
        z = np.zeros((len(features), len(self.types)), dtype=np.float32)
        if rows:
            np.add.at(z, np.array(rows), self.weights[np.array(cols)] * np.array(vals, dtype=np.float32)[:, None])
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30.0, 30.0)))

    def calibrated(self, raw: float) -> float:
        xs, ys = self.knots_x, self.knots_y
        if not xs:
            return float(raw)
        if raw <= xs[0]:
            return ys[0]
        if raw >= xs[-1]:
            return ys[-1]
        k = bisect_right(xs, raw) - 1
        x0, x1, y0, y1 = xs[k], xs[k + 1], ys[k], ys[k + 1]
        return y0 + (y1 - y0) * (raw - x0) / (x1 - x0) if x1 > x0 else y1


@dataclass(frozen=True)
class Scorer:
    """The two learnt parts: one weighs the rules' own events, one the candidate pairs."""

    rules: Model
    pairs: Model
    threshold: float  # the views' default minimum confidence
    floor: float  # raw pair scores below this are not decoded at all
    add_floor: float  # an act no rule found enters the graph only this likely
    version: str


def read(path: Path) -> Scorer:
    data = json.loads(path.read_text(encoding="utf-8"))
    r, p = data["rules"], data["pairs"]
    return Scorer(Model.from_weights({"RULE": r["weights"]}, r.get("calibration") or ()),
                  Model.from_weights(p["weights"], p.get("calibration") or ()),
                  float(data.get("threshold", 0.5)), float(data.get("floor", 0.05)),
                  float(data.get("add_floor", 0.2)), str(data.get("version", "")))


@lru_cache(maxsize=1)
def load() -> Scorer | None:
    return read(MODEL_FILE) if MODEL_FILE.exists() else None


def default_threshold() -> float:
    """The minimum confidence the views (export, viz, stats) use unless told otherwise."""
    model = load()
    return model.threshold if model is not None else 0.0


def dedup(events: list[Event]) -> list[Event]:
    """One event per (sentence, source, type, target, weapon, mode): the likeliest."""
    best: dict[tuple, Event] = {}
    order: list[tuple] = []
    for e in events:
        key = (e.start, e.source.key, e.source_sector, e.plover, e.target.key if e.target else None,
               e.object.start if e.object else None, e.mode)
        if key not in best:
            order.append(key)
            best[key] = e
        elif e.confidence > best[key].confidence:
            best[key] = e
    return [best[k] for k in order]


def score_rules(events: list[Event], model: Model) -> list[Event]:
    """The rules' events, each with the calibrated probability that it is right."""
    events = dedup(events)
    scored = [e for e in events if e.extras.get("features") is not None]
    raws = model.raw_many([e.extras["features"] for e in scored])[:, 0] if scored else []
    conf = {id(e): round(model.calibrated(float(r)), 3) for e, r in zip(scored, raws)}
    return [replace(e, confidence=conf[id(e)]) if id(e) in conf else e for e in events]
