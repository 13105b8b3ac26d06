"""Judging the actor table of a build by hand: which articles, what to read, the figures.

Issue 13's yardstick is a build of 100 corpus articles whose actor table is read row by row.
The articles are dated ones outside the corpus's sample/ folder and outside every coded/ file
(so nothing we trained or tuned on), shuffled with a fixed seed. The corpus is not ours to
redistribute: `select` writes the articles to a path you give, the ids alone are kept in
coded/actor-judge-ids.json.

    python scripts/judge_actors.py select -o /tmp/judge.jsonl
    kg build /tmp/judge.jsonl --store /tmp/judge-store
    python scripts/judge_actors.py sheet --store /tmp/judge-store --articles /tmp/judge.jsonl -o sheet.tsv
    # fill the `verdict` and `why` columns, then
    python scripts/judge_actors.py score sheet.tsv
    # after a change: a new sheet whose unchanged rows keep the old verdicts
    python scripts/judge_actors.py sheet --store ... --articles ... --carry sheet.tsv -o sheet2.tsv

Verdicts: `ok`; `junk` (not an actor: fragment, furniture, place, thing, law, event, common word);
`wrong-country` (an actor whose country is wrong); `no-country` (an actor whose country is plain
from the text but missing); `split:<actor_id>` (the same person or body as another row).
"""
from __future__ import annotations

import argparse
import csv
import gzip
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "ir-news.jsonl.gz"
IDS = ROOT / "coded" / "actor-judge-ids.json"
SEED = 13


def select(n: int = 100, corpus: Path = CORPUS) -> list[dict]:
    sample = {p.stem for p in (corpus.parent / "sample").glob("*.txt")}
    coded = set()
    for path in (ROOT / "coded").glob("*.jsonl"):
        with open(path, encoding="utf-8") as f:
            coded |= {json.loads(line)["article"] for line in f if line.strip()}
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        arts = [json.loads(line) for line in f]
    ok = [a for a in arts if a["id"] not in sample | coded and a["date"] and 150 <= len(a["text"].split()) <= 1200]
    random.Random(SEED).shuffle(ok)
    seen, picked = set(), []
    for a in ok:
        if a["title"].strip().lower() not in seen:
            seen.add(a["title"].strip().lower())
            picked.append(a)
    return picked[:n]


MENTIONS = """
PREFIX ir: <https://w3id.org/irkg/ontology#>
SELECT ?actor ?id WHERE { GRAPH ?g { ?a ir:mentions ?actor ; ir:articleId ?id } }
"""


# A row keeps an earlier verdict only if everything a verdict reads is unchanged.
SAME_ROW = ("actor_id", "label", "type", "country", "sector", "title", "aliases")


def carried(path: str | None) -> dict[tuple, tuple[str, str]]:
    """(verdict, why) of an earlier judged sheet, by the columns of SAME_ROW."""
    if not path:
        return {}
    with open(path, encoding="utf-8", newline="") as f:
        return {tuple(r.get(c) or "" for c in SAME_ROW): (r["verdict"], r["why"])
                for r in csv.DictReader(f, delimiter="\t") if r.get("verdict")}


def sheet(store_path: str, articles: str, out: str, carry: str | None = None) -> int:
    from kg import export
    from kg.store import open_store

    store = open_store(store_path)
    table = export.actor_table(store)
    texts = {}
    with open(articles, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            texts[a["id"]] = a["text"]
    where: dict[str, list[str]] = {}
    for r in store.query(MENTIONS):
        where.setdefault(r["actor"].value, []).append(r["id"].value)
    from kg.graph import ID
    before = carried(carry)
    rows = []
    for r in table.dicts():
        iri = r["actor_id"] if r["actor_id"].startswith("http") else f"{ID}{r['actor_id']}"
        names = [r["label"], *[x for x in (r["aliases"] or "").split("|") if x]]
        context = []
        for aid in sorted(where.get(iri, []))[:3]:
            text = texts.get(aid, "")
            for name in names:
                m = re.search(re.escape(name), text)
                if m:
                    s, e = max(0, m.start() - 110), min(len(text), m.end() + 110)
                    context.append(f"[{aid}] …{' '.join(text[s:e].split())}…")
                    break
        verdict, why = before.get(tuple(str(r.get(c) or "") for c in SAME_ROW), ("", ""))
        rows.append({**r, "context": "  ||  ".join(context[:2]), "verdict": verdict, "why": why})
    cols = [*export.ACTOR_COLUMNS, "context", "verdict", "why"]
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, cols, delimiter="\t", lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    return len(rows)


def score(path: str) -> dict:
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    verdicts = Counter((r.get("verdict") or "").split(":")[0].strip() for r in rows)
    n = len(rows)
    split_people = sum(1 for r in rows if (r.get("verdict") or "").startswith("split") and r["type"] == "Person")
    return {"rows": n, "judged": n - verdicts.get("", 0), **{k or "unjudged": v for k, v in sorted(verdicts.items())},
            "junk %": round(100 * verdicts["junk"] / n, 1) if n else 0,
            "wrong country %": round(100 * verdicts["wrong-country"] / n, 1) if n else 0,
            "people split": split_people}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("select")
    s.add_argument("-n", type=int, default=100)
    s.add_argument("-o", "--out", required=True)
    h = sub.add_parser("sheet")
    h.add_argument("--store", required=True)
    h.add_argument("--articles", required=True)
    h.add_argument("-o", "--out", required=True)
    h.add_argument("--carry", help="an earlier judged sheet: unchanged rows keep its verdicts")
    c = sub.add_parser("score")
    c.add_argument("path")
    a = ap.parse_args()
    if a.cmd == "select":
        picked = select(a.n)
        with open(a.out, "w", encoding="utf-8") as f:
            for art in picked:
                f.write(json.dumps({k: art[k] for k in ("id", "date", "title", "url", "source", "text")},
                                   ensure_ascii=False) + "\n")
        IDS.write_text(json.dumps([x["id"] for x in picked]) + "\n", encoding="utf-8")
        print(f"{a.out}: {len(picked)} articles; ids in {IDS.relative_to(ROOT)}")
    elif a.cmd == "sheet":
        print(f"{a.out}: {sheet(a.store, a.articles, a.out, a.carry)} actor rows")
    else:
        print(json.dumps(score(a.path), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
