#!/usr/bin/env python3
"""Time the saved queries (queries/*.rq) on a large synthetic graph. Run by hand, not in tests.

    .venv/bin/python scripts/bench_queries.py                     # about 1,000,000 triples
    .venv/bin/python scripts/bench_queries.py --triples 10000000  # about ten million
    .venv/bin/python scripts/bench_queries.py --store out/corpus   # an existing store (real news)

The graph has the shape of a real build: synthetic articles whose events go through
kg.graph.article_quads (the same code as `kg build`), so every event has its sentence,
offsets, CAMEO and PLOVER codes, date, provenance and direct triple; the actors graph is
kg.graph.actor_quads over the gazetteer's states, organisations and people plus synthetic
office holders (a few thousand actors, drawn with a Zipf-like skew so that a few states
and leaders are in most of the news, as in real news); dates spread over ten years; about
one event in twenty is a weapon test or launch. The ontology graph is loaded as `kg build`
does. Only the language model is skipped: the point is the store, not the extraction.

The quads are written to an N-Quads file, bulk-loaded into a fresh store in a temporary
folder (timed), then each saved query runs with sensible --param values:
  cold: the store freshly opened (Oxigraph's caches empty; the OS page cache is dropped too
        when this runs as root and /proc/sys/vm/drop_caches is writable, else it stays warm);
  warm: the same store again right after;
each the median of --repeat runs (5). The table gives rows and the medians in ms, then the
load time, the store's size on disk and the machine.
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402
from rdflib import Graph, URIRef  # noqa: E402
from rdflib.namespace import RDFS  # noqa: E402

from kg import gazetteer as gz  # noqa: E402
from kg import graph as kg_graph  # noqa: E402
from kg import lexicon as lx  # noqa: E402
from kg.query import load_query, parse_params, saved_queries  # noqa: E402
from kg.records import Actor, Article, Event, Thing  # noqa: E402
from kg.store import Store, load_ontology, to_ox  # noqa: E402
from kg.vocab import IR, ONTOLOGY_DIR  # noqa: E402

MODEL = "synthetic 0.0"
OUTLETS = ["Yonhap", "Reuters", "AP", "AFP", "Korea Herald", "Kyodo", "Xinhua", "BBC", "Al Jazeera", "DW"]
PLACES = ["Paris", "Seoul", "Washington", "Beijing", "Geneva", "New York", "Tokyo", "Brussels", "Moscow", None]
TITLES = ["Foreign Minister", "Defence Minister", "Prime Minister", "Ambassador", "Trade Minister", "Envoy"]
FIRST = ["Kim", "Lee", "Park", "Anna", "John", "Maria", "Ivan", "Li", "Ahmed", "Sofia", "Luca", "Yuki"]
LAST = ["Smith", "Chen", "Novak", "Rossi", "Tanaka", "Haddad", "Petrov", "Garcia", "Okafor", "Jensen"]
START = date(2015, 1, 1)
DAYS = 10 * 365


# --- the synthetic corpus -----------------------------------------------------------------------

def object_relations() -> set[str]:
    """Relation properties whose range is ir:Object (tested, launched, fired), read from ir.ttl."""
    g = Graph().parse(ONTOLOGY_DIR / "ir.ttl", format="turtle")
    return {str(p).rsplit("#", 1)[1] for p in g.subjects(RDFS.range, URIRef(str(IR.Object)))
            if str(p).startswith(str(IR))} - {"object"}


def actor_pool(n: int, rng: random.Random) -> tuple[list[Actor], list[float]]:
    """The gazetteer's actors plus synthetic office holders, n in all, with Zipf-like weights."""
    g = gz.load()
    real = list(g.states.values()) + list(g.people.values()) + list(g.orgs.values())
    states = sorted(g.states)
    synthetic = []
    for i in range(max(0, n - len(real))):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}"
        synthetic.append(Actor(key=f"person/bench-{i}", label=name, type="Person", country=rng.choice(states),
                               sector="GOV", title=rng.choice(TITLES)))
    pool = (real + synthetic)[:n]
    # The states of the seed first, so that partners KOR and dyad-timeline KOR/USA have much to find.
    first = [g.states[c] for c in ("USA", "KOR", "PRK", "CHN", "JPN", "RUS")]
    rest = [a for a in pool if a not in first]
    rng.shuffle(rest)
    pool = first + rest
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(pool))]
    return pool, weights


def synthetic_article(i: int, rng: random.Random, pool, weights, triggers, lex, obj_relations, weapons):
    day = START + timedelta(days=rng.randrange(DAYS))
    aid = f"bench-{i:07d}"
    events, text_len = [], 0
    for _ in range(rng.randint(3, 20)):
        t = rng.choice(triggers)
        rel = lex.relations.get(t.relation)
        source, target = rng.choices(pool, weights, k=2)
        thing = None
        if rel and rel.property in obj_relations:
            w = rng.choice(weapons)
            thing = Thing(w.cls, w.label, text_len + 40, text_len + 40 + len(w.label))
            target = None
        elif target.key == source.key or rng.random() < 0.08:
            target = None
        sentence = (f"{source.label} {t.relation} {target.label if target else (thing.label if thing else '')} "
                    f"on {day.isoformat()}, officials said in a statement on item {i}-{len(events)}.")
        start, end = text_len, text_len + len(sentence)
        text_len = end + 1
        r = rng.random()
        if r < 0.7:
            ev_date, precision, from_article = day.isoformat(), "day", True
        elif r < 0.9:
            ev_date, precision, from_article = (day - timedelta(days=30)).isoformat()[:7], "month", False
        else:
            ev_date, precision, from_article = (day - timedelta(days=rng.randint(1, 6))).isoformat(), "day", False
        code = lex.codes.get(t.cameo)
        events.append(Event(
            article_id=aid, relation=t.relation, cameo=t.cameo, plover=t.plover, source=source, target=target,
            source_sector=source.sector, target_sector=target.sector if target else None, sentence=sentence,
            start=start, end=end, trigger_start=start + len(source.label) + 1,
            trigger_end=start + len(source.label) + 1 + len(t.relation), date=ev_date, date_precision=precision,
            date_from_article=from_article, location=rng.choice(PLACES), object=thing,
            confidence=round(rng.uniform(0.5, 0.95), 3), symmetric=bool(rel and rel.symmetric),
            quad=code.quad if code else "", mode=rng.choice(["asserted"] * 8 + ["intent", "appeal"])))
    article = Article(id=aid, text="x" * text_len, date=day.isoformat(), title=f"Synthetic article {i}",
                      url=f"https://news.example.org/{aid}", source=rng.choice(OUTLETS), author="Bench Writer")
    mentioned = {e.source.key: e.source for e in events}
    mentioned.update({e.target.key: e.target for e in events if e.target})
    return article, events, list(mentioned.values())


def write_corpus(path: Path, triples: int, n_actors: int, seed: int) -> tuple[int, int, int, str]:
    """Write about `triples` quads of synthetic articles and their actors; (quads, articles, events, an article id)."""
    rng = random.Random(seed)
    lex = lx.load()
    triggers = [t for ts in lex.triggers.values() for t in ts if t.relation in lex.relations]
    weapons = [w for w in lex.weapons.values() if w.cls != "Weapon"] or list(lex.weapons.values())
    obj_relations = object_relations()
    pool, weights = actor_pool(n_actors, rng)
    written = articles = events = 0
    used: dict[str, Actor] = {}
    sample_id = ""
    with open(path, "wb") as f:
        while written < triples:
            batch = []
            for _ in range(200):
                article, evs, mentioned = synthetic_article(articles, rng, pool, weights, triggers, lex,
                                                            obj_relations, weapons)
                batch += kg_graph.article_quads(article, evs, mentioned, MODEL)
                used.update({a.key: a for a in mentioned})
                articles += 1
                events += len(evs)
                sample_id = sample_id or article.id
            ox.serialize([ox.Quad(*(to_ox(t) for t in q)) for q in batch], f, format=ox.RdfFormat.N_QUADS)
            written += len(batch)
        actors = kg_graph.actor_quads(used.values())
        ox.serialize([ox.Quad(*(to_ox(t) for t in q)) for q in actors], f, format=ox.RdfFormat.N_QUADS)
        written += len(actors)
    return written, articles, events, sample_id


# --- timing -------------------------------------------------------------------------------------

def drop_os_caches() -> bool:
    try:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
        return True
    except OSError:
        return False


def run_once(store: Store, sparql: str, params: dict) -> tuple[float, int]:
    t0 = time.perf_counter()
    result = store.query(sparql, params)
    rows = 1 if isinstance(result, ox.QueryBoolean) else sum(1 for _ in result)
    return (time.perf_counter() - t0) * 1000, rows


def _time_in_child(conn, store_path: Path, sparql: str, params: dict, repeat: int) -> None:
    """In a child process: cold runs (each on a freshly opened store), then warm runs; each
    timing is sent as soon as it is known, so the parent can stop a query that runs away."""
    for _ in range(repeat):
        dropped = drop_os_caches()
        fresh = Store(store_path, create=False, read_only=True)
        ms, rows = run_once(fresh, sparql, params)
        del fresh
        conn.send(("cold", ms, rows, dropped))
    store = Store(store_path, create=False, read_only=True)
    run_once(store, sparql, params)  # the first warm-up run is not counted
    for _ in range(repeat):
        ms, rows = run_once(store, sparql, params)
        conn.send(("warm", ms, rows, False))
    conn.close()


def time_query(store_path: Path, sparql: str, params: dict, repeat: int, max_seconds: float):
    """(cold median ms, warm median ms, rows, OS cache dropped, finished). Oxigraph cannot
    interrupt a query, so the runs happen in a child process that is killed when one run
    takes longer than max_seconds."""
    import multiprocessing as mp
    ctx = mp.get_context("fork")  # the parent has no store open and no threads: forking is safe
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_time_in_child, args=(child, store_path, sparql, params, repeat))
    proc.start()
    child.close()
    cold, warm, rows, dropped, finished = [], [], 0, False, True
    # the warm-up run between cold and warm is allowed its own max_seconds
    while len(cold) + len(warm) < 2 * repeat:
        budget = max_seconds * (2 if len(cold) == repeat and not warm else 1)
        if not parent.poll(budget):
            finished = False
            break
        try:
            kind, ms, rows, d = parent.recv()
        except EOFError:
            finished = False
            break
        (cold if kind == "cold" else warm).append(ms)
        dropped = dropped or d
    if proc.is_alive():
        proc.kill()
    proc.join()
    med = lambda xs: statistics.median(xs) if xs else float("nan")  # noqa: E731
    return med(cold), med(warm), rows, dropped, finished


def du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def machine() -> str:
    ram = "?"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
    except OSError:
        pass
    cpu = platform.processor() or platform.machine()
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{os.cpu_count()} cores ({cpu}), {ram} RAM, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, pyoxigraph {ox.__version__}")


def run_queries(store_path: Path, params: dict[str, list[str]], args) -> tuple[list, bool]:
    """Time every saved query (or those of --query) on the store; print the table."""
    dropped = False
    rows_out = []
    for name in saved_queries():
        if args.query and name not in args.query:
            continue
        label = name + (" " + " ".join(params[name]) if name in params else "")
        cold, warm, rows, dropped_here, finished = time_query(
            store_path, load_query(name), parse_params(params.get(name, [])), args.repeat, args.max_seconds)
        dropped = dropped or dropped_here
        rows_out.append((label, rows, cold, warm, finished))
        print(f"  {label}: {rows} rows, cold {cold:.0f} ms, warm {warm:.0f} ms"
              + ("" if finished else f" (stopped after {args.max_seconds:g} s)"), file=sys.stderr, flush=True)
    width = max(len(r[0]) for r in rows_out)
    print()
    print(f"{'query'.ljust(width)}  {'rows':>7}  {'cold ms':>9}  {'warm ms':>9}")
    print(f"{'-' * width}  {'-' * 7}  {'-' * 9}  {'-' * 9}")
    for label, rows, c, w, finished in rows_out:
        if not finished:
            print(f"{label.ljust(width)}  {'?':>7}  {'> ' + str(int(args.max_seconds * 1000)):>9}  {'-':>9}"
                  f"  (stopped: one run took over {args.max_seconds:g} s)")
            continue
        flag = "  (> 1 s)" if w > 1000 else ""
        print(f"{label.ljust(width)}  {rows:>7}  {c:>9.1f}  {w:>9.1f}{flag}")
    return rows_out, dropped


def bench_store(args) -> int:
    """--store: the saved queries on an existing store, e.g. a build of real news."""
    store_path = Path(args.store)
    store = Store(store_path, create=False)
    total, sample = len(store), (store.article_ids() or ["-"])[0]
    del store
    params = {"partners": ["country=USA"], "dyad-timeline": ["a=USA", "b=CHN"], "article-facts": [f"article={sample}"]}
    for p in args.param:
        name, _, value = p.partition(":")
        params.setdefault(name, [])
        params[name] = [v for v in params[name] if v.split("=")[0] != value.split("=")[0]] + [value]
    _, dropped = run_queries(store_path, params, args)
    print()
    print(f"store: {store_path} ({total:,} quads, {du(store_path) / 1e6:.0f} MB on disk)")
    print(f"cold = freshly opened store, median of {args.repeat}; OS page cache "
          f"{'dropped before each cold run' if dropped else 'not dropped (not root?): cold runs read from it'}")
    print(f"machine: {machine()}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000, help="about how many quads to generate")
    ap.add_argument("--actors", type=int, default=3000, help="actors to draw sources and targets from")
    ap.add_argument("--repeat", type=int, default=5, help="runs per query, cold and warm (median reported)")
    ap.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same graph")
    ap.add_argument("--workdir", help="where to put the store (default: a temporary folder, removed at the end)")
    ap.add_argument("--keep", action="store_true", help="keep the store and the N-Quads file")
    ap.add_argument("--query", action="append", help="time only this saved query (repeat the option)")
    ap.add_argument("--max-seconds", type=float, default=120.0,
                    help="stop a query whose single run takes longer than this (it is reported as stopped)")
    ap.add_argument("--store", help="time the saved queries on this existing store (say a `kg build` of real "
                                    "news) instead of a synthetic graph")
    ap.add_argument("--param", action="append", default=[], metavar="QUERY:NAME=VALUE",
                    help="with --store: a parameter of a saved query, e.g. partners:country=KOR")
    args = ap.parse_args()
    if args.store:
        return bench_store(args)

    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="irkg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    nq, store_path = work / "corpus.nq", work / "store"
    if store_path.exists():
        shutil.rmtree(store_path)
    try:
        t0 = time.perf_counter()
        quads, articles, events, sample_id = write_corpus(nq, args.triples, args.actors, args.seed)
        gen_s = time.perf_counter() - t0
        print(f"generated {quads:,} quads: {articles:,} articles, {events:,} events ({gen_s:.1f} s)", flush=True)

        store = Store(store_path)
        t0 = time.perf_counter()
        store.load_nquads(nq)
        load_ontology(store, sorted(ONTOLOGY_DIR.glob("*.ttl")))
        store.flush()
        load_s = time.perf_counter() - t0
        total = len(store)
        del store
        size = du(store_path)
        print(f"loaded {total:,} quads in {load_s:.1f} s ({total / load_s:,.0f} quads/s); "
              f"store on disk: {size / 1e6:.0f} MB", flush=True)

        params = {"partners": ["country=KOR"], "dyad-timeline": ["a=KOR", "b=USA"],
                  "article-facts": [f"article={sample_id}"]}
        rows_out, dropped = run_queries(store_path, params, args)
        print()
        print(f"graph: {total:,} quads ({quads:,} data + ontology), {articles:,} articles, {events:,} events, "
              f"{args.actors:,} actors in the pool")
        print(f"generate: {gen_s:.1f} s; bulk load: {load_s:.1f} s; store on disk: {size / 1e6:.0f} MB")
        print(f"cold = freshly opened store, median of {args.repeat}; OS page cache "
              f"{'dropped before each cold run' if dropped else 'not dropped (not root?): cold runs read from it'}")
        print(f"machine: {machine()}")
    finally:
        if args.keep:
            print(f"kept: {work}")
        elif not args.workdir:
            shutil.rmtree(work, ignore_errors=True)
        else:
            nq.unlink(missing_ok=True)
            shutil.rmtree(store_path, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
