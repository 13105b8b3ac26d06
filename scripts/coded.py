"""The project's own coded articles: stored without their text, read back with it.

Articles of ../shared/corpus are coded sentence by sentence by ../shared/eval/news/ANNOTATION.md
(see coded/README.md). The corpus is not ours to redistribute, so coded/*.jsonl keeps only
offsets and codes: each sentence as (article, sent, start, end), each actor as the offsets of
its words in the article. `load` puts the text back from the corpus.

    python scripts/coded.py select -n 400 -o picked.json     # which corpus articles to code, in order
    python scripts/coded.py strip GOLD.jsonl ARTICLES.jsonl [...] -o coded/corpus-train.jsonl
    python scripts/coded.py check coded/corpus-train.jsonl   # every offset still fits the corpus
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "ir-news.jsonl.gz"


def _place(text: str, words: str, start: int, end: int) -> tuple[int, int]:
    """Offsets of an actor's words: in its sentence, else the nearest mention before it, else after."""
    at = text.find(words, start, end)
    if at < 0:
        at = text.rfind(words, 0, start)
    if at < 0:
        at = text.find(words, end)
    if at < 0:
        raise ValueError(f"{words!r} is not in the article")
    return at, at + len(words)


def strip(gold_path: Path, articles_path: Path) -> list[dict]:
    texts = {}
    for line in open(articles_path, encoding="utf-8"):
        if line.strip():
            a = json.loads(line)
            texts[a["id"]] = a["text"]
    out = []
    for line in open(gold_path, encoding="utf-8"):
        if not line.strip():
            continue
        r = json.loads(line)
        text = texts[r["article"]]
        events = []
        for e in r.get("events") or []:
            e = dict(e)
            for role in ("source", "target"):
                placed = []
                for actor in e.get(role) or []:
                    s, t = _place(text, actor["text"], r["start"], r["end"])
                    placed.append({"code": actor["code"], "start": s, "end": t})
                e[role] = placed
            if isinstance(e.get("object"), str):
                e["object"] = e["object"][:60]
            events.append(e)
        out.append({"article": r["article"], "sent": r["sent"], "start": r["start"], "end": r["end"],
                    "events": events})
    return out


def corpus_articles(ids: set[str], corpus: Path = CORPUS) -> dict[str, dict]:
    found = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["id"] in ids:
                found[a["id"]] = a
    missing = ids - set(found)
    if missing:
        raise SystemExit(f"{corpus}: {len(missing)} coded articles are not in the corpus: {sorted(missing)[:5]}")
    return found


def load(path: Path, corpus: Path = CORPUS) -> tuple[list[dict], list[dict]]:
    """(articles, gold sentences) of a coded file, text restored from the corpus: articles as
    `kg build` reads them, gold records as ../shared/eval/news/news-dev.jsonl has them."""
    records = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    arts = corpus_articles({r["article"] for r in records}, corpus)
    gold = []
    for r in records:
        text = arts[r["article"]]["text"]
        g = dict(r, text=text[r["start"]:r["end"]])
        g["events"] = [dict(e, **{role: [dict(a, text=text[a["start"]:a["end"]]) for a in e.get(role) or []]
                                  for role in ("source", "target")}) for e in r["events"]]
        gold.append(g)
    order = list(dict.fromkeys(r["article"] for r in records))
    articles = [{k: arts[i][k] for k in ("id", "date", "title", "url", "source", "text")} for i in order]
    return articles, gold


def select(n: int, seed: int = 20261202, corpus: Path = CORPUS, topics: set[str] | None = None,
           skip: int = 0) -> list[str]:
    """The articles to code, in the order they were handed out: dated, 200 to 800 words, outside
    the corpus's sample/ folder, one per title, shuffled with a fixed seed; with `topics`, only the
    articles of those topics among the ones after the first `skip` of the unfiltered order."""
    import random
    sample = {p.stem for p in (corpus.parent / "sample").glob("*.txt")}
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        arts = [json.loads(line) for line in f]
    ok = [a for a in arts if a["id"] not in sample and a["date"] and 200 <= len(a["text"].split()) <= 800]
    random.Random(seed).shuffle(ok)
    seen, picked = set(), []
    for a in ok:
        title = a["title"].strip().lower()
        if title not in seen:
            seen.add(title)
            picked.append(a["id"])
    if topics is None:
        return picked[:n]
    topic = {a["id"]: a["topic"] for a in arts}
    return [i for i in picked[skip:] if topic[i] in topics][:n]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("strip", help="coded gold + its articles -> offsets only")
    s.add_argument("pairs", nargs="+", help="GOLD.jsonl ARTICLES.jsonl, repeated")
    s.add_argument("-o", "--out", required=True)
    p = sub.add_parser("select", help="the corpus articles to code, in order")
    p.add_argument("-n", type=int, default=400)
    p.add_argument("--topics", help="comma-separated corpus topics to keep (after --skip)")
    p.add_argument("--skip", type=int, default=0, help="with --topics: leave out the first N of the order")
    p.add_argument("-o", "--out", required=True)
    c = sub.add_parser("check", help="restore the text of a coded file from the corpus")
    c.add_argument("path")
    c.add_argument("--corpus", default=str(CORPUS))
    a = ap.parse_args()
    if a.cmd == "select":
        topics = set(a.topics.split(",")) if a.topics else None
        Path(a.out).write_text(json.dumps(select(a.n, topics=topics, skip=a.skip)) + "\n", encoding="utf-8")
        return 0
    if a.cmd == "strip":
        if len(a.pairs) % 2:
            ap.error("give GOLD ARTICLES pairs")
        rows = []
        for g, art in zip(a.pairs[::2], a.pairs[1::2]):
            rows += strip(Path(g), Path(art))
        with open(a.out, "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{a.out}: {len(rows)} sentences, {sum(len(r['events']) for r in rows)} events")
    else:
        articles, gold = load(Path(a.path), Path(a.corpus))
        print(f"{a.path}: {len(articles)} articles, {len(gold)} sentences, "
              f"{sum(len(r['events']) for r in gold)} events; text restored from {a.corpus}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
