"""Peak memory of `kg build` as the corpus grows (by hand; not a test).

    .venv/bin/python scripts/bench_memory.py --corpus ../shared/corpus/ir-news.jsonl.gz --sizes 1000 10000

For each size it writes a JSON Lines corpus of that many articles to a temporary folder
(the corpus replicated with new ids past its end; `--max-chars` cuts each text, to keep
the run short), runs `kg build` on it in a subprocess, and samples every process of the
build (the main one and its workers) until it ends: peak RSS of the main process, and
peak total PSS (proportional set size: pages the forked workers share with the main
process, the model above all, are counted once). Flat memory means the peaks barely
move from the small corpus to the large one.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _kib(path: str, field: str) -> int:
    try:
        with open(path) as f:
            for line in f:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    todo += [int(c) for c in f.read().split()]
        except OSError:
            pass
    return out


def write_corpus(src: Path, n: int, out: Path, max_chars: int) -> int:
    opener = gzip.open if src.suffix == ".gz" else open
    with opener(src, "rt", encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    words = 0
    with out.open("w", encoding="utf-8") as w:
        for i in range(n):
            r = dict(records[i % len(records)])
            r["id"] = f"{r['id']}-{i // len(records)}"
            if max_chars:
                r["text"] = r["text"][:max_chars]
            words += len(r["text"].split())
            w.write(json.dumps(r) + "\n")
    return words


def measure(corpus: Path, store: Path, workers: int | None, parse: str) -> dict:
    kg = Path(sys.executable).parent / "kg"
    cmd = [str(kg), "build", str(corpus), "--store", str(store), "--quiet", "--parse", parse]
    if workers:
        cmd += ["--workers", str(workers)]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    peak_main = peak_pss = 0
    while proc.poll() is None:
        peak_main = max(peak_main, _kib(f"/proc/{proc.pid}/status", "VmRSS:"))
        peak_pss = max(peak_pss, sum(_kib(f"/proc/{p}/smaps_rollup", "Pss:") for p in _tree(proc.pid)))
        time.sleep(0.25)
    out = proc.stdout.read().strip()
    return {"seconds": time.perf_counter() - t, "main_rss_mib": peak_main / 1024, "total_pss_mib": peak_pss / 1024,
            "exit": proc.returncode, "summary": out}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=Path("../shared/corpus/ir-news.jsonl.gz"))
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--workers", type=int, default=None, help="default: kg build's (one per core)")
    ap.add_argument("--parse", default="all", choices=("all", "gated"))
    ap.add_argument("--max-chars", type=int, default=2000, help="cut each text to this many characters (0: whole)")
    args = ap.parse_args()
    print(f"cores {len(os.sched_getaffinity(0))}, workers {args.workers or 'default'}, parse {args.parse}, "
          f"max chars {args.max_chars or 'all'}", flush=True)
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix="kg-mem-") as tmp:
            corpus = Path(tmp) / f"corpus-{n}.jsonl"
            words = write_corpus(args.corpus, n, corpus, args.max_chars)
            r = measure(corpus, Path(tmp) / "store", args.workers, args.parse)
        print(f"{n:>6} articles ({words} words): peak main RSS {r['main_rss_mib']:.0f} MiB, peak total PSS "
              f"{r['total_pss_mib']:.0f} MiB, {r['seconds']:.0f} s, {words / r['seconds']:.0f} words/s, "
              f"exit {r['exit']}: {r['summary']}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
