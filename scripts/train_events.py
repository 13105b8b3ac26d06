"""Train the event scorer (kg/data/event_model.json) on the project's own coded articles.

    .venv/bin/python scripts/train_events.py            # train on coded/corpus-train.jsonl, report on
                                                        # coded/corpus-check.jsonl, write the model and card
    .venv/bin/python scripts/train_events.py --dry-run  # report only

Every (source, target) candidate pair that kg/pairs.py finds in a coded sentence is labelled,
per PLOVER type, right when a gold event of that sentence has that type (or lists it as an
alternative), the source's country and the target's country (or no target when the pair has
none; meetings read either way); a type that matches only a future or historical gold event
is left out of that pair's training. One logistic regression per type over the pairs'
features; out-of-fold scores (five folds by article) are decoded into events exactly as a
build does, each judged by the news scorer's rules, and an isotonic map from score to the
share judged right is the calibration. The views' default threshold is, of the calibrated
confidences within 1% of the best F1 on those out-of-fold events, the highest (precision first).
Rule events and pair events each get their own calibration; a pair event that codes an act no
rule event codes is kept only at --add-floor or above. Needs scikit-learn
(`pip install -e ".[train]"`) and ../shared/corpus for the text; parses are cached in --cache.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

import coded  # noqa: E402
from kg import actors, evaluate, events, furniture, nlp, pairs  # noqa: E402
from kg import lexicon as lx  # noqa: E402
from kg.records import Article  # noqa: E402

MODEL = ROOT / "kg" / "data" / "event_model.json"
CARD = ROOT / "kg" / "data" / "event_model.md"
TYPES = ("ACCUSE", "AGREE", "AID", "ASSAULT", "COERCE", "CONCEDE", "CONSULT", "COOPERATE", "MOBILIZE",
         "PROTEST", "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN")


def parse(articles: list[dict], cache: Path | None) -> list:
    from spacy.tokens import DocBin
    arts = [Article(a["id"], a["text"], a.get("date"), a.get("title"), a.get("url"), a.get("source")) for a in articles]
    model = nlp.load()
    key = hashlib.sha256(json.dumps([[a.id, a.text] for a in arts]).encode() + nlp.label().encode()
                         + (ROOT / "kg" / "data" / "furniture.tsv").read_bytes()).hexdigest()[:16]
    path = cache / f"docs-{key}.spacy" if cache else None
    if path is not None and path.exists():
        docs = list(DocBin().from_bytes(path.read_bytes()).get_docs(model.vocab))
    else:
        docs = [d for d, _ in nlp.annotate(((furniture.mask(a.text), a) for a in arts))]
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = DocBin(store_user_data=False)
            for d in docs:
                db.add(d)
            path.write_bytes(db.to_bytes())
    return list(zip(docs, arts))


class Doc:
    """One coded article, ready for training: its candidates and the rule events they borrow from."""

    def __init__(self, doc, art: Article, lex: lx.Lexicon) -> None:
        self.article = art
        found = actors.resolve(doc, date=art.date)
        self.rules = events.extract(doc, art, found, lex)
        self.rule_events = _dedup(self.rules)
        self.cands = pairs.candidates(doc, art, found, self.rules, lex)


def _overlaps(m, span) -> bool:
    return m.start < span["end"] and span["start"] < m.end


def _side_fits(side, spans: list[dict], sent) -> str:
    """"span" when the candidate's mention is the gold actor's words (or the gold words stand
    outside the sentence and the country agrees), "country" when only the country agrees, "" else."""
    if side is None:
        return "span" if not spans else ""
    best = ""
    for sp in spans:
        if evaluate._news_code(sp["code"]) != evaluate._news_code(side.actor.country):
            continue
        outside = sp["end"] <= sent["start"] or sp["start"] >= sent["end"]
        if _overlaps(side.mention, sp) or outside or side.context:
            return "span"
        best = "country"
    return best


def labels(cands: list[pairs.Candidate], gold: list[dict]) -> np.ndarray:
    """(candidates, types): 1 right, 0 wrong, -1 left out. Right: a gold event of the sentence has
    the type (or lists it as an alternative) and the candidate's source and target are the gold
    actors' own words. A pair whose countries agree but whose words are other mentions of them is
    left out, as is one that matches only a future or historical gold event."""
    y = np.zeros((len(cands), len(TYPES)), dtype=np.int8)
    col = {t: j for j, t in enumerate(TYPES)}
    for i, c in enumerate(cands):
        best, overlap = None, 0
        for g in gold:
            o = min(c.sent.end_char, g["end"]) - max(c.sent.start_char, g["start"])
            if o > overlap:
                best, overlap = g, o
        if best is None:
            continue
        for e in best["events"]:
            types = {evaluate._event(e["event"]), *(evaluate._event(x) for x in e.get("alt") or [])}
            optional = (e.get("mode") or "asserted") in evaluate.OPTIONAL_MODES
            fits = []
            fits.append((_side_fits(c.source, e.get("source") or [], best),
                         _side_fits(c.target, e.get("target") or [], best)))
            if evaluate._event(e["event"]) in evaluate.EITHER_WAY and c.target is not None:
                fits.append((_side_fits(c.target, e.get("source") or [], best),
                             _side_fits(c.source, e.get("target") or [], best)))
            for fs, ft in fits:
                if not fs or not ft:
                    continue
                value = 1 if fs == "span" and ft == "span" and not optional else -1
                for t in types:
                    j = col.get(t)
                    if j is not None and y[i, j] != 1:
                        y[i, j] = value
    return y


def rows(evs: list) -> list[dict]:
    return [{"article_id": e.article_id, "start": e.start, "end": e.end, "plover": e.plover,
             "source_country": e.source.country or "", "target_country": (e.target.country or "") if e.target else "",
             "date": e.date or "", "confidence": e.confidence, "raw": e.extras.get("raw", e.confidence)}
            for e in evs]


def _int32(x):
    """liblinear takes 32-bit sparse indices only."""
    x = x.tocsr()
    x.indices = x.indices.astype(np.int32)
    x.indptr = x.indptr.astype(np.int32)
    return x


def _dedup(evs: list) -> list:
    """One rule event per (sentence, source, type, target, weapon, mode), as a build keeps them."""
    from kg.scorer import dedup
    return dedup(evs)


def fit(feats: list[dict], y: np.ndarray, c: float) -> dict[str, dict[str, float]]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    vec = DictVectorizer()
    x = _int32(vec.fit_transform(feats))
    names = vec.get_feature_names_out()
    out = {}
    for j, ptype in enumerate(TYPES):
        mask = y[:, j] >= 0
        yj = y[mask, j]
        if yj.sum() == 0:
            out[ptype] = {"bias": -8.0}
            continue
        clf = LogisticRegression(C=c, max_iter=3000, solver="liblinear", fit_intercept=False)
        clf.fit(x[mask], yj)
        out[ptype] = {n: round(float(w), 4) for n, w in zip(names, clf.coef_[0]) if abs(w) >= 0.01}
    return out


def raw_scores(model: dict[str, dict[str, float]], cands: list[pairs.Candidate]) -> list[np.ndarray]:
    from kg.scorer import Model
    m = Model.from_weights(model)
    order = [m.types.index(t) for t in TYPES]
    return [m.raw(c.features)[order] for c in cands]


def judged(evs: list, gold: dict) -> list[tuple[float, int]]:
    """(raw score, 1 if the news scorer counts the event right) for every decoded event."""
    rs = rows(evs)
    s = evaluate.score_news(gold, rs)
    hit_ids = {id(r) for _, _, r in s.hits}
    return [(r["raw"], 1 if id(r) in hit_ids else 0) for r in rs]


def isotonic(points: list[tuple[float, int]], knots: int = 30) -> list[tuple[float, float]]:
    from sklearn.isotonic import IsotonicRegression
    xs = np.array([p for p, _ in points])
    ys = np.array([y for _, y in points])
    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(xs, ys)
    grid = sorted(set(np.quantile(xs, np.linspace(0, 1, knots)).round(4)))
    return [(float(x), round(float(iso.predict([x])[0]), 4)) for x in grid]


def calibrator(cal: list[tuple[float, float]]):
    from kg.scorer import Model
    m = Model.from_weights({"X": {}}, cal)
    return m.calibrated


def sweep(evs: list, gold: dict, thresholds) -> list[tuple[float, dict]]:
    return [(t, evaluate.score_news(gold, rows([e for e in evs if e.confidence >= t])).as_dict()) for t in thresholds]


def reliability(evs: list, gold: dict, edges=(0.0, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)) -> list[tuple]:
    rs = rows(evs)
    s = evaluate.score_news(gold, rs)
    hit_ids = {id(r) for _, _, r in s.hits}
    out = []
    for lo, hi in zip(edges, edges[1:]):
        inside = [r for r in rs if lo <= r["confidence"] < hi]
        right = sum(1 for r in inside if id(r) in hit_ids)
        mean = sum(r["confidence"] for r in inside) / len(inside) if inside else 0.0
        out.append((lo, min(hi, 1.0), len(inside), right, mean))
    return out


def summary(d: dict) -> str:
    return (f"P {d['precision']:.3f} R {d['recall']:.3f} F1 {d['f1']:.3f} ({d['matched']}/{d['gold']} gold, "
            f"{d['predicted']} predicted; quiet sentences clean {d['quiet_sentences_without_false_alarm']:.1%})")


def prepare(path: str, corpus: str, cache: Path | None, lex: lx.Lexicon):
    arts, gold_records = coded.load(Path(path), Path(corpus))
    tmp = (cache or Path("/tmp")) / f"gold-{Path(path).stem}.jsonl"
    tmp.parent.mkdir(parents=True, exist_ok=True)
    tmp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in gold_records), encoding="utf-8")
    gold = evaluate.load_news_gold(tmp)
    docs = [Doc(d, a, lex) for d, a in parse(arts, cache)]
    records: dict[str, list[dict]] = {}
    for r in gold_records:
        records.setdefault(r["article"], []).append(r)
    return docs, gold, records


def rule_labels(evs: list, gold: dict) -> np.ndarray:
    """1 where a rule event fits a required gold event of its sentence, -1 where it fits only a
    future or historical one, 0 else (the news scorer's rules)."""
    y = np.zeros(len(evs), dtype=np.int8)
    for i, e in enumerate(evs):
        sent = evaluate.sentence_of(gold.get(e.article_id, []), e.start, e.end)
        if sent is None or not e.plover:
            continue
        p = (e.source.country, e.plover, e.target.country if e.target else None)
        if any(evaluate.fits(g, p, ex) for g in sent.required for ex in (True, False)):
            y[i] = 1
        elif any(evaluate.fits(g, p, ex) for g in sent.optional for ex in (True, False)):
            y[i] = -1
    return y


def fit_rules(evs: list, y: np.ndarray, c: float) -> dict[str, float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    keep = y >= 0
    vec = DictVectorizer()
    x = _int32(vec.fit_transform([e.extras["features"] for e, k in zip(evs, keep) if k]))
    clf = LogisticRegression(C=c, max_iter=3000, solver="liblinear", fit_intercept=False).fit(x, y[keep])
    return {n: round(float(w), 4) for n, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) >= 0.01}


def rule_raw(weights: dict[str, float], evs: list) -> list[float]:
    from kg.scorer import Model
    m = Model.from_weights({"RULE": weights})
    return [float(m.raw(e.extras["features"])[0]) for e in evs]


def combined(docs: list[Doc], rule_raws: list[list[float]], pair_raws: list[list[np.ndarray]], floor: float,
             cal_rules=lambda x: x, cal_pairs=lambda x: x) -> tuple[list, list]:
    """(rule events, pair events added where no rule event codes the act), confidence set."""
    lex = lx.load()
    rules_out, adds_out = [], []
    for d, rr, pr in zip(docs, rule_raws, pair_raws):
        revs = [replace(e, confidence=round(cal_rules(r), 3), extras={**e.extras, "raw": r})
                for e, r in zip(d.rule_events, rr)]
        pevs = pairs.decode(d.cands, pr, TYPES, lambda x: x, floor, d.article, d.rules, lex)
        pevs = [replace(e, confidence=round(cal_pairs(e.confidence), 3), extras={"raw": e.confidence}) for e in pevs]
        rules_out += revs
        adds_out += pairs.additions(revs, pevs)
    return rules_out, adds_out


def _table(rel: list[tuple]) -> str:
    lines = ["| confidence | events | right | share right | mean confidence |", "|---|---|---|---|---|"]
    for lo, hi, n, r, mean in rel:
        if n:
            lines.append(f"| {lo:.1f}-{hi:.1f} | {n} | {r} | {r / n:.0%} | {mean:.2f} |")
    return "\n".join(lines)


def card(version: str, n_articles: int, n_rules: int, n_pairs: int, threshold: float, a, oof: dict,
         rel_train: list, check: dict | None) -> str:
    """The model card: what the model is, what it was trained on, how well it does."""
    out = [f"# Event scorer (kg/data/event_model.json, version {version})", "",
           "Written by `scripts/train_events.py`; do not edit by hand.", "",
           "## What it is",
           "Two logistic regressions with isotonic calibration, weights only (numpy at run time):",
           "- **rule events**: one model over the features of each event the rules of kg/events.py read off a",
           "  trigger word (kg/event_features.py): its confidence is the probability that its source, type and",
           "  target are right;",
           "- **candidate pairs**: one model per PLOVER type over every (source, target) pair of actors of a",
           "  sentence (kg/pairs.py); the best target of each source and type becomes an event, and one that",
           f"  codes an act no rule event codes is kept at confidence {a.add_floor:g} or more.",
           "Each calibration maps the out-of-fold score (five folds by article) to the share of events the news",
           "scorer's rules judge right (source country, PLOVER type or an alternative, target country or none",
           f"when the gold has none). Views default to confidence {threshold:g}: of the thresholds within 1% of",
           "the best out-of-fold F1, the highest.", "",
           "## Trained on",
           f"`coded/corpus-train.jsonl`: {n_articles} articles of ../shared/corpus coded sentence by sentence by",
           "../shared/eval/news/ANNOTATION.md (see coded/README.md for which and how); "
           f"{n_rules} rule events and {n_pairs} candidate pairs. `coded/corpus-check.jsonl` (32 other articles)",
           "is held out for checking. Neither evaluation set of ../shared/eval was used to train or tune.", "",
           "## How well", f"Out of fold on the training articles, at {threshold:g}: precision {oof['precision']:.3f}, "
           f"recall {oof['recall']:.3f}, F1 {oof['f1']:.3f}.", "", "Reliability out of fold (among events at a"
           " confidence, the share judged right):", "", _table(rel_train), ""]
    if check:
        ch = check["at_threshold"]
        out += [f"On the check articles ({check['articles']}), at {threshold:g}: precision {ch['precision']:.3f}, "
                f"recall {ch['recall']:.3f}, F1 {ch['f1']:.3f} (the rules alone: precision "
                f"{check['rules_alone']['precision']:.3f}, recall {check['rules_alone']['recall']:.3f}).", "",
                _table(check["reliability"]), ""]
    out += ["## Limits",
            "Coded by the project's own coders (one per article), on US-heavy outlets of 2012-2020; the",
            "confidence is calibrated for such news, not for edited single sentences. Recall is low: most",
            "events in news are told in ways the candidate generator does not yet reach (see the README).", ""]
    return "\n".join(out)


def folds_of(docs: list[Doc], k: int) -> dict[str, int]:
    return {d.article.id: i % k for i, d in enumerate(sorted(docs, key=lambda d: d.article.id))}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--train", default=str(ROOT / "coded" / "corpus-train.jsonl"))
    ap.add_argument("--check", default=str(ROOT / "coded" / "corpus-check.jsonl"))
    ap.add_argument("--corpus", default=str(coded.CORPUS))
    ap.add_argument("--cache", default=str(ROOT / ".cache" / "train"))
    ap.add_argument("--c-rules", type=float, default=0.3)
    ap.add_argument("--c-pairs", type=float, default=0.1)
    ap.add_argument("--floor", type=float, default=0.05)
    ap.add_argument("--add-floor", type=float, default=0.2,
                    help="the least confidence at which an act no rule found is kept (a build stores nothing below)")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--threshold", type=float, default=None,
                    help="the views' default minimum confidence, instead of the out-of-fold choice (the shipped "
                         "model uses 0.10: at 0.15 the sentence set loses 0.03 F1 for 0.003 on real news)")
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    t0 = time.time()
    cache = Path(a.cache) if a.cache else None
    lex = lx.load()

    docs, gold, records = prepare(a.train, a.corpus, cache, lex)
    feats = [c.features for d in docs for c in d.cands]
    y = np.concatenate([labels(d.cands, records.get(d.article.id, [])) for d in docs])
    all_rules = [e for d in docs for e in d.rule_events]
    ry = rule_labels(all_rules, gold)
    print(f"train: {len(docs)} articles; {len(all_rules)} rule events, {int((ry == 1).sum())} right; "
          f"{len(feats)} candidate pairs, {int((y == 1).sum())} right (pair, type) ({time.time() - t0:.0f} s)")
    print(f"  rules alone: {summary(evaluate.score_news(gold, rows(all_rules)).as_dict())}")

    fold = folds_of(docs, a.folds)
    pair_span, rule_span = [], []
    p0 = r0 = 0
    for d in docs:
        pair_span.append((p0, p0 + len(d.cands)))
        rule_span.append((r0, r0 + len(d.rule_events)))
        p0 += len(d.cands)
        r0 += len(d.rule_events)
    oof_pairs: list = [None] * len(docs)
    oof_rules: list = [None] * len(docs)
    for k in range(a.folds):
        pidx = [i for d, (lo, hi) in zip(docs, pair_span) if fold[d.article.id] != k for i in range(lo, hi)]
        ridx = [i for d, (lo, hi) in zip(docs, rule_span) if fold[d.article.id] != k for i in range(lo, hi)]
        pm = fit([feats[i] for i in pidx], y[pidx], a.c_pairs)
        rm = fit_rules([all_rules[i] for i in ridx], ry[ridx], a.c_rules)
        for n, d in enumerate(docs):
            if fold[d.article.id] == k:
                oof_pairs[n] = raw_scores(pm, d.cands)
                oof_rules[n] = rule_raw(rm, d.rule_events)
    revs, adds = combined(docs, oof_rules, oof_pairs, a.floor)
    pts = judged(revs + adds, gold)
    cal_r = isotonic(pts[:len(revs)])
    cal_p = isotonic(pts[len(revs):])
    revs, adds = combined(docs, oof_rules, oof_pairs, a.floor, calibrator(cal_r), calibrator(cal_p))
    print("  additions alone, out-of-fold, at the add floor: " + summary(evaluate.score_news(
        gold, rows([e for e in adds if e.confidence >= a.add_floor])).as_dict()))
    adds = [e for e in adds if e.confidence >= a.add_floor]
    union = revs + adds
    table = sweep(union, gold, [x / 20 for x in range(1, 19)])
    # Precision first: of the thresholds within 1% of the best F1, the highest.
    best_f1 = max(x["f1"] for _, x in table)
    threshold, d = max(((t, x) for t, x in table if x["f1"] >= 0.99 * best_f1), key=lambda td: td[0])
    if a.threshold is not None:
        threshold, d = a.threshold, evaluate.score_news(
            gold, rows([e for e in union if e.confidence >= a.threshold])).as_dict()
    print(f"  out-of-fold, rules + additions, threshold {threshold:.2f} (best F1 {best_f1:.3f}): {summary(d)}")
    for t, x in table:
        if round(t * 20) % 2 == 0:
            print(f"    at {t:.2f}: {summary(x)}")
    print("  rules only, out-of-fold, at the threshold: "
          + summary(evaluate.score_news(gold, rows([e for e in revs if e.confidence >= threshold])).as_dict()))
    rel_train = reliability(union, gold)
    pair_model = fit(feats, y, a.c_pairs)
    rule_model = fit_rules(all_rules, ry, a.c_rules)

    check = None
    if Path(a.check).exists():
        cdocs, cgold, _ = prepare(a.check, a.corpus, cache, lex)
        crevs, cadds = combined(cdocs, [rule_raw(rule_model, dd.rule_events) for dd in cdocs],
                                [raw_scores(pair_model, dd.cands) for dd in cdocs], a.floor,
                                calibrator(cal_r), calibrator(cal_p))
        cu = crevs + [e for e in cadds if e.confidence >= a.add_floor]
        dd = evaluate.score_news(cgold, rows([e for e in cu if e.confidence >= threshold])).as_dict()
        before = evaluate.score_news(cgold, rows([e for dd_ in cdocs for e in dd_.rule_events])).as_dict()
        print(f"check ({len(cdocs)} articles): rules alone {summary(before)}")
        print(f"check at {threshold:.2f}: {summary(dd)}")
        for t, x in sweep(cu, cgold, [0.2, 0.3, 0.4, 0.5, 0.6]):
            print(f"    at {t:.2f}: {summary(x)}")
        rel = reliability(cu, cgold)
        print("  reliability on check (confidence: events, right, mean confidence):")
        for lo, hi, n, r, mean in rel:
            print(f"    {lo:.1f}-{hi:.1f}: {n:4d} events, {r:4d} right ({r / n if n else 0:.0%}), mean {mean:.2f}")
        check = {"articles": len(cdocs), "rules_alone": before, "at_threshold": dd, "reliability": rel}

    if a.dry_run:
        return 0
    blob = {"rules": rule_model, "pairs": pair_model}
    version = hashlib.sha256(json.dumps(blob, sort_keys=True).encode()).hexdigest()[:12]
    MODEL.write_text(json.dumps({
        "version": version,
        "kind": "rule events: one logistic regression over their features; candidate pairs: one logistic "
                "regression per PLOVER type; each with an isotonic calibration fitted out of fold",
        "trained_on": {"file": "coded/corpus-train.jsonl", "articles": len(docs), "rule_events": len(all_rules),
                       "pairs": len(feats)},
        "c_rules": a.c_rules, "c_pairs": a.c_pairs, "threshold": threshold, "floor": a.floor,
        "add_floor": a.add_floor,
        "rules": {"weights": rule_model, "calibration": [[x, v] for x, v in cal_r]},
        "pairs": {"weights": pair_model, "calibration": [[x, v] for x, v in cal_p]}},
        ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    (ROOT / ".cache").mkdir(exist_ok=True)
    (ROOT / ".cache" / "train-report.json").write_text(json.dumps(
        {"version": version, "threshold": threshold, "oof": d, "oof_reliability": rel_train, "check": check},
        indent=1), encoding="utf-8")
    CARD.write_text(card(version, len(docs), len(all_rules), len(feats), threshold, a, d, rel_train, check),
                    encoding="utf-8")
    print(f"wrote {MODEL} and {CARD.name} (version {version}) in {time.time() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
