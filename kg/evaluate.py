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


def greedy(gold: list, preds: list, fits) -> tuple[list, list, list]:
    """One-to-one matching as OEDA's scorers do it: each prediction takes the first free gold
    tuple it fits with an exact target, then what is left takes gold tuples without a target.
    fits(gold, prediction, exact) -> bool. Returns (pairs, unmatched gold, unmatched predictions)."""
    free, pairs, left = list(gold), [], []
    for exact in (True, False):
        left = []
        for p in preds:
            g = next((g for g in free if fits(g, p, exact)), None)
            if g is None:
                left.append(p)
            else:
                free.remove(g)
                pairs.append((g, p))
        preds = left
    return pairs, free, left


def match(gold: list[Tuple], pred: list[Tuple]) -> tuple[list, list[Tuple], list[Tuple]]:
    return greedy(gold, pred, lambda g, p, exact: g[0] == p[0] and g[1] == p[1]
                  and (g[2] == p[2] if exact else g[2] is None))


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


def evaluate(gold_path: str | Path, model: str | None = None, store: str | Path | None = None,
             min_confidence: float | None = None) -> Score:
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
        rows = export.event_table(api.open_store(path), min_confidence=min_confidence).dicts()
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


# --- whole articles coded sentence by sentence (../shared/eval/news/ANNOTATION.md) ----------------
# Events in these modes may be matched but are not required: a prediction that matches one is
# neither a hit nor a false alarm.
OPTIONAL_MODES = {"future", "historical"}
# Meetings read the same in either direction.
EITHER_WAY = {"CONSULT"}
SAME_CODE = {"ISIS": "IMG", "JAP": "JPN"}


def _news_code(value: object) -> str | None:
    code = str(value or "").strip().upper()
    return SAME_CODE.get(code, code) or None


@dataclass
class GoldTuple:
    source: str | None
    types: frozenset[str]
    target: str | None
    event: str
    date: str
    relation: str


@dataclass
class GoldSentence:
    article: str
    start: int
    end: int
    text: str
    coded: bool  # the sentence has at least one event, required or not
    required: list[GoldTuple] = field(default_factory=list)
    optional: list[GoldTuple] = field(default_factory=list)


def is_news_gold(path: str | Path) -> bool:
    """Whether a gold file is coded sentence by sentence (records with `sent` and `events`)."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                return isinstance(r, dict) and "events" in r and "start" in r
    return False


def load_news_gold(path: str | Path) -> dict[str, list[GoldSentence]]:
    out: dict[str, list[GoldSentence]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            r = json.loads(line)
            events = r.get("events") or []
            s = GoldSentence(str(r["article"]), int(r["start"]), int(r["end"]), r.get("text", ""), bool(events))
            for e in events:
                types = frozenset({_event(e["event"]), *(_event(a) for a in e.get("alt") or [])})
                bucket = s.optional if (e.get("mode") or "asserted") in OPTIONAL_MODES else s.required
                for src in e.get("source") or [{}]:
                    for tgt in e.get("target") or [{}]:
                        bucket.append(GoldTuple(_news_code(src.get("code")), types, _news_code(tgt.get("code")),
                                                _event(e["event"]), e.get("date") or "", e.get("relation", "")))
            out.setdefault(s.article, []).append(s)
    return out


def sentence_of(sents: list[GoldSentence], start: int, end: int) -> GoldSentence | None:
    """The gold sentence a predicted row overlaps most."""
    best, overlap = None, 0
    for s in sents:
        o = min(end, s.end) - max(start, s.start)
        if o > overlap:
            best, overlap = s, o
    return best


def fits(g: GoldTuple, p: Tuple, exact_target: bool) -> bool:
    if p[1] not in g.types:
        return False
    pairs = [(p[0], p[2])] + ([(p[2], p[0])] if g.event in EITHER_WAY else [])
    return any(s == g.source and g.source is not None and (t == g.target if exact_target else g.target is None)
               for s, t in pairs)


def match_sentence(gold: list[GoldTuple], preds: list) -> tuple[list, list[GoldTuple], list]:
    """greedy() over one sentence; `preds` are (tuple, payload) pairs."""
    return greedy(gold, preds, lambda g, p, exact: fits(g, p[0], exact))


@dataclass
class NewsScore:
    articles: int = 0
    sentences: int = 0
    quiet: int = 0  # sentences with no event
    quiet_alarms: int = 0  # false alarms on those
    quiet_with_alarm: int = 0  # of those sentences, how many have at least one false alarm
    hits: list = field(default_factory=list)  # (GoldSentence, GoldTuple, row)
    misses: list = field(default_factory=list)  # (GoldSentence, GoldTuple)
    alarms: list = field(default_factory=list)  # (GoldSentence | None, row)
    dates: Counter = field(default_factory=Counter)
    # (role, matched, predicted, gold) counts of the countries in each role, sentence by sentence
    roles: dict = field(default_factory=dict)

    def _prf(self, tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def precision(self) -> float:
        return self._prf(len(self.hits), len(self.hits) + len(self.alarms), 0)[0]

    @property
    def recall(self) -> float:
        return self._prf(len(self.hits), 0, len(self.hits) + len(self.misses))[1]

    @property
    def f1(self) -> float:
        return self._prf(len(self.hits), len(self.hits) + len(self.alarms), len(self.hits) + len(self.misses))[2]

    def as_dict(self) -> dict:
        hits, misses, alarms = self.hits, self.misses, self.alarms
        intl = lambda s, t: t is not None and s != t  # noqa: E731
        ih = sum(intl(g.source, g.target) for _, g, _ in hits)
        ig = ih + sum(intl(g.source, g.target) for _, g in misses)
        ip = ih + sum(intl(_news_code(r.get("source_country")), _news_code(r.get("target_country")))
                      for _, r in alarms)
        ipr = self._prf(ih, ip, ig)
        by_hit = Counter(g.event for _, g, _ in hits)
        by_all = by_hit + Counter(g.event for _, g in misses)
        return {"articles": self.articles, "sentences": self.sentences, "gold": len(hits) + len(misses),
                "predicted": len(hits) + len(alarms), "matched": len(hits),
                "precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "international": {"gold": ig, "predicted": ip, "matched": ih, "precision": round(ipr[0], 4),
                                  "recall": round(ipr[1], 4), "f1": round(ipr[2], 4)},
                "quiet_sentences": self.quiet, "false_alarms_on_quiet_sentences": self.quiet_alarms,
                "quiet_sentences_without_false_alarm": round(1 - self.quiet_with_alarm / self.quiet, 4)
                if self.quiet else 1.0,
                "dates_of_matched": dict(self.dates),
                "countries": {role: dict(zip(("precision", "recall", "f1"),
                                             (round(x, 4) for x in self._prf(*self.roles.get(role, (0, 0, 0))))))
                              for role in ("source", "target")},
                "recall_by_event": {k: f"{by_hit[k]}/{v}" for k, v in sorted(by_all.items())}}


def score_news(gold: dict[str, list[GoldSentence]], rows: list[dict]) -> NewsScore:
    """Match an event table against sentence-by-sentence gold, as ../shared/eval/news/score_news.py
    does: stated rows only, each to the gold sentence it overlaps most."""
    s = NewsScore(articles=len(gold), sentences=sum(len(v) for v in gold.values()))
    by_sentence: dict[tuple[str, int | None], list] = {}
    for r in rows:
        if (r.get("direction") or "stated") == "mirrored":
            continue
        aid = str(r.get("article_id") or "")
        if aid not in gold:
            continue
        try:
            sent = sentence_of(gold[aid], int(r.get("start") or -1), int(r.get("end") or -1))
        except ValueError:
            sent = None
        p = (_news_code(r.get("source_country")), _event(r.get("plover")), _news_code(r.get("target_country")))
        by_sentence.setdefault((aid, id(sent) if sent else None), []).append((p, r, sent))
    for aid, sents in gold.items():
        for sent in sents:
            preds = [(p, r) for p, r, _ in by_sentence.get((aid, id(sent)), [])]
            pairs, missed, left = match_sentence(sent.required, preds)
            _, _, left = match_sentence(sent.optional, left)
            s.hits += [(sent, g, p[1]) for g, p in pairs]
            s.misses += [(sent, g) for g in missed]
            s.alarms += [(sent, p[1]) for p in left]
            if not sent.coded:
                s.quiet += 1
                s.quiet_alarms += len(left)
                s.quiet_with_alarm += 1 if left else 0
        s.alarms += [(None, r) for _, r, _ in by_sentence.get((aid, None), [])]
    _role_countries(s, gold, by_sentence)
    for _, g, r in s.hits:
        d = r.get("date") or ""
        s.dates["same day" if d == g.date and len(d) == 10 else
                "same month" if g.date and d[:7] == g.date[:7] else "other"] += 1
    return s


def _role_countries(s: NewsScore, gold: dict[str, list[GoldSentence]], by_sentence: dict) -> None:
    """How well the actors are resolved, whatever the event type: the set of source (target)
    countries predicted in a sentence against the set the gold events of that sentence have."""
    for role, k in (("source", 0), ("target", 2)):  # the place of the role in a predicted tuple
        tp = npred = ngold = 0
        for aid, sents in gold.items():
            for sent in sents:
                req = {getattr(t, role) for t in sent.required} - {None}
                opt = {getattr(t, role) for t in sent.optional} - {None}
                have = {p[k] for p, _, _ in by_sentence.get((aid, id(sent)), [])} - {None}
                tp += len(have & req)
                npred += len(have & req) + len(have - req - opt)
                ngold += len(req)
        s.roles[role] = (tp, npred, ngold)


def evaluate_news(gold_path: str | Path, articles_path: str | Path, model: str | None = None,
                  store: str | Path | None = None, min_confidence: float | None = None) -> NewsScore:
    """Build the coded articles and score their event table against the sentence-by-sentence gold."""
    gold = load_news_gold(gold_path)
    with tempfile.TemporaryDirectory(prefix="kg-evaluate-") as tmp:
        path = Path(store) if store else Path(tmp) / "store"
        api.build([str(articles_path)], path, model=model)
        rows = export.event_table(api.open_store(path), min_confidence=min_confidence).dicts()
    return score_news(gold, rows)


def report_news(s: NewsScore, worst: int = 10) -> str:
    d = s.as_dict()
    i = d["international"]
    lines = [f"precision {d['precision']:.3f}  recall {d['recall']:.3f}  F1 {d['f1']:.3f}  "
             f"({d['matched']} matched of {d['gold']} gold, {d['predicted']} predicted; "
             f"{d['articles']} articles, {d['sentences']} sentences)",
             f"between countries: precision {i['precision']:.3f}  recall {i['recall']:.3f}  F1 {i['f1']:.3f}",
             f"sentences with no event: {d['quiet_sentences']}, {d['quiet_sentences_without_false_alarm']:.1%} "
             f"without a false alarm ({d['false_alarms_on_quiet_sentences']} false alarms on them)",
             "countries, sentence by sentence: " + "; ".join(
                 f"{role} precision {c['precision']:.3f} recall {c['recall']:.3f}" for role, c in d["countries"].items()),
             "dates of matched events: " + ", ".join(f"{k} {v}" for k, v in sorted(d["dates_of_matched"].items())),
             "recall by event type: " + ", ".join(f"{k} {v}" for k, v in d["recall_by_event"].items())]
    if worst:
        lines.append(f"misses (first {worst}):")
        lines += [f"  {sent.article} {g.source or '-'} {g.event} {g.target or '-'} ({g.relation}): {sent.text[:110]}"
                  for sent, g in s.misses[:worst]]
        lines.append(f"false alarms (first {worst}):")
        lines += [f"  {r.get('article_id')} {r.get('source_country') or '-'} {r.get('plover') or '-'} "
                  f"{r.get('target_country') or '-'} ({r.get('relation', '')}, {r.get('confidence', '')}): "
                  f"{(sent.text if sent else r.get('sentence', ''))[:110]}" for sent, r in s.alarms[:worst]]
    return "\n".join(lines) + "\n"
