"""Build throughput against the bare language model, in one run (by hand; not a test).

    .venv/bin/python scripts/bench_build.py --corpus ../shared/corpus/ir-news.jsonl.gz -n 500

For N articles of the corpus it times, alternately and `--repeat` times each:
- bare: spaCy's own `nlp.pipe` over the texts, every default component of the model, no irkg;
- build: `kg.api.build` of the same articles into a fresh store (ingest, model, actors,
  events, RDF, store writes: everything `kg build` does),
and prints words/s for both and their ratio (build / bare; >= 1.0: the build is at least as
fast as the bare model), by wall-clock time and by CPU time (this process and its workers:
steadier when other work shares the machine). Both run with the same number of processes
(`--workers`: spaCy's n_process for the bare run). Medians of the runs are reported.
The corpus is read from outside the repository and copied only to a temporary folder.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path


def read_corpus(path: Path, n: int) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    out = []
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
                if len(out) >= n:
                    break
    return out


def cpu() -> float:
    """CPU seconds of this process and of its finished children (the workers)."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpus/ir-news.jsonl.gz"))
    ap.add_argument("-n", "--articles", type=int, default=500)
    ap.add_argument("--workers", type=int, default=1, help="processes, for both (default 1)")
    ap.add_argument("--parse", default="all", choices=("all", "gated"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args()

    import spacy

    from kg import api, nlp

    records = read_corpus(args.corpus, args.articles)
    texts = [r["text"] for r in records]
    words = sum(len(t.split()) for t in texts)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{len(texts)} articles, {words} words; cores {cores}, workers {args.workers}, parse {args.parse}, "
          f"load average {os.getloadavg()[0]:.2f}", flush=True)

    bare_nlp = spacy.load(nlp.model_name())
    nlp.load()  # the build's pipeline, loaded once as `kg build` does
    warm = texts[:5]
    list(bare_nlp.pipe(warm))
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
        api.build([str(corpus)], Path(tmp) / "warm", workers=1, parse=args.parse)  # imports, caches
        bare_t, build_t, bare_c, build_c = [], [], [], []
        for rep in range(args.repeat):
            t, c = time.perf_counter(), cpu()
            for _ in bare_nlp.pipe(texts, n_process=args.workers, batch_size=args.batch_size):
                pass
            bare_t.append(time.perf_counter() - t)
            bare_c.append(cpu() - c)
            t, c = time.perf_counter(), cpu()
            report = api.build([str(corpus)], Path(tmp) / f"store{rep}", workers=args.workers,
                               batch_size=args.batch_size, parse=args.parse)
            build_t.append(time.perf_counter() - t)
            build_c.append(cpu() - c)
            assert report.built == len(texts) - report.skipped, report
            print(f"  run {rep + 1}: bare {words / bare_t[-1]:7.0f} words/s, build {words / build_t[-1]:7.0f} "
                  f"words/s, ratio {bare_t[-1] / build_t[-1]:.3f} (CPU: {bare_c[-1]:.1f} s vs {build_c[-1]:.1f} s, "
                  f"ratio {bare_c[-1] / build_c[-1]:.3f})", flush=True)
    bare, build = statistics.median(bare_t), statistics.median(build_t)
    ratios = [b / k for b, k in zip(bare_t, build_t)]
    cpu_ratios = [b / k for b, k in zip(bare_c, build_c)]
    print(f"bare nlp.pipe: {words / bare:.0f} words/s; kg build: {words / build:.0f} words/s "
          f"({report.events} events); ratio build/bare: wall {statistics.median(ratios):.3f}, "
          f"CPU {statistics.median(cpu_ratios):.3f}; load average now {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
