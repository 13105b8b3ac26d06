"""Score extraction against gold event codings (PLOVER gold-standard-record format).

Gold: JSON Lines with `id`, `text`, optional `date`, `event` (a PLOVER type) and `source` /
`target` (lists of {actorText, code}). Each record is built as an article in a temporary
store; the predicted event table is matched as in OEDA's scorer: a gold record with several
sources or targets expands to every (source, event, target) tuple; a predicted tuple matches
when source and event type agree and the targets agree or the gold has none; each gold tuple
is matched at most once, exact targets first.
"""
from __future__ import annotations

import json
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import api, export

# PLOVER renamed these types after the 2016 gold records were coded.
OLD_TO_NEW = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE"}
# CAMEO country codes that survive in gold files where ISO 3166 differs.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}

Tuple = tuple[str | None, str, str | None]


def _code(value: object) -> str | None:
    code = str(value or "").strip().upper()
    return CAMEO_TO_ISO.get(code, code) or None


def _event(value: object) -> str:
    event = str(value or "").strip().upper()
    return OLD_TO_NEW.get(event, event)


def _actors(value: object) -> list[str | None]:
    if not value or isinstance(value, str):
        return [None]
    return [_code(a.get("code")) for a in value if isinstance(a, dict)] or [None]


def load_gold(path: str | Path) -> tuple[dict[str, list[Tuple]], dict[str, str]]:
    gold, texts, _ = _read_gold(path)
    return gold, texts


def _read_gold(path: str | Path) -> tuple[dict[str, list[Tuple]], dict[str, str], dict[str, str | None]]:
    gold: dict[str, list[Tuple]] = {}
    texts: dict[str, str] = {}
    dates: dict[str, str | None] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            if r.get("event") == "DOCUMENT":
                continue
            rid = str(r["id"])
            texts[rid] = r.get("text", "")
            dates[rid] = r.get("date")
            ev = _event(r.get("event"))
            tuples = gold.setdefault(rid, [])
            for s in _actors(r.get("source")):
                for t in _actors(r.get("target")):
                    tuples.append((s, ev, t))
    return gold, texts, dates


def match(gold: list[Tuple], pred: list[Tuple]) -> tuple[list, list[Tuple], list[Tuple]]:
    free = list(gold)
    hits = []
    for exact in (True, False):
        rest = []
        for p in pred:
            found = next((i for i, g in enumerate(free) if g[0] == p[0] and g[1] == p[1]
                          and (g[2] == p[2] if exact else g[2] is None)), None)
            if found is None:
                rest.append(p)
            else:
                hits.append((free.pop(found), p))
        pred = rest
    return hits, free, pred


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    by_type: Counter = field(default_factory=Counter)
    by_type_hit: Counter = field(default_factory=Counter)
    source_found: int = 0
    target_found: int = 0
    misses: list[tuple[str, Tuple, str]] = field(default_factory=list)
    false_alarms: list[tuple[str, Tuple, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"gold": self.gold, "predicted": self.predicted, "matched": self.matched,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "source_found": round(self.source_found / self.gold, 4) if self.gold else 0.0,
                "target_found": round(self.target_found / self.gold, 4) if self.gold else 0.0,
                "recall_by_event": {k: f"{self.by_type_hit[k]}/{v}" for k, v in sorted(self.by_type.items())}}


def score(gold: dict[str, list[Tuple]], texts: dict[str, str], rows: list[dict]) -> Score:
    pred: dict[str, list[Tuple]] = {}
    for r in rows:
        if r.get("plover"):
            pred.setdefault(str(r["article_id"]), []).append(
                (_code(r.get("source_country")), _event(r.get("plover")), _code(r.get("target_country"))))
    s = Score()
    for gid, gt in gold.items():
        pt = pred.get(gid, [])
        hits, missed, extra = match(gt, pt)
        s.gold += len(gt)
        s.predicted += len(pt)
        s.matched += len(hits)
        s.by_type.update(g[1] for g in gt)
        s.by_type_hit.update(g[1] for g, _ in hits)
        srcs, tgts = {p[0] for p in pt}, {p[2] for p in pt}
        s.source_found += sum(1 for g in gt if g[0] in srcs)
        s.target_found += sum(1 for g in gt if (g[2] is None and pt) or g[2] in tgts)
        s.misses += [(gid, g, texts.get(gid, "")) for g in missed]
        s.false_alarms += [(gid, p, texts.get(gid, "")) for p in extra]
    return s


def evaluate(gold_path: str | Path, model: str | None = None, store: str | Path | None = None) -> Score:
    """Build the gold records' texts and score the events extracted from them."""
    gold, texts, dates = _read_gold(gold_path)
    with tempfile.TemporaryDirectory(prefix="kg-evaluate-") as tmp:
        # Gold records use `source` for actors, not for the outlet: build from id, text, date only.
        articles = Path(tmp) / "articles.jsonl"
        with articles.open("w", encoding="utf-8") as f:
            for rid, text in texts.items():
                f.write(json.dumps({"id": rid, "text": text, "date": dates.get(rid)}) + "\n")
        path = Path(store) if store else Path(tmp) / "store"
        api.build([str(articles)], path, model=model)
        rows = export.event_table(api.open_store(path)).dicts()
    return score(gold, texts, rows)


def report(s: Score, worst: int = 10) -> str:
    d = s.as_dict()
    lines = [f"precision {d['precision']:.3f}  recall {d['recall']:.3f}  F1 {d['f1']:.3f}  "
             f"({d['matched']} matched of {d['gold']} gold, {d['predicted']} predicted)",
             f"right source found for {d['source_found']:.1%} of gold events, right target for {d['target_found']:.1%}",
             "recall by event type: " + ", ".join(f"{k} {v}" for k, v in d["recall_by_event"].items())]
    if worst:
        lines.append(f"worst misses (first {worst}):")
        lines += [f"  {gid} {g[0] or '-'} {g[1]} {g[2] or '-'}: {text[:110]}" for gid, g, text in s.misses[:worst]]
        lines.append(f"false alarms (first {worst}):")
        lines += [f"  {gid} {p[0] or '-'} {p[1]} {p[2] or '-'}: {text[:110]}" for gid, p, text in s.false_alarms[:worst]]
    return "\n".join(lines) + "\n"
