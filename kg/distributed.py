"""Distributed extraction on Apache Spark: a corpus in, N-Quads part files out.

    python -m kg.distributed --input corpus.jsonl --output parts/ --master local[2]
    kg load --store out/store parts/graphs/part-* parts/actors/part-*

The executors run the same extraction as `kg build` (kg.pipeline.build_articles) on
partitions of the corpus, and the job writes:

- OUTPUT/graphs/part-NNNNN: the article graphs of one partition, as N-Quads;
- OUTPUT/actors/part-00000: the shared actors graph (the union over all articles);
- OUTPUT/problems.jsonl: every input that was skipped or warned about, as `kg build` reports it;
- OUTPUT/summary.json: the counts.

Loaded into a store (`kg load`, or `kg.api.load`), the parts give the same graph as a
single-process `kg build` of the same corpus: the same quads, so `kg export graph -o x.nq`
writes the same bytes. Input is read by the executors: JSON Lines files with Spark's text
reader (line numbers kept for messages and default ids), text files by path (so on a
cluster they must be on a file system every executor sees). An article id seen twice is
kept where it comes first in input order, as `kg build` does. See docs/scale.md for
spark-submit to a cluster.
"""
from __future__ import annotations

import sys

if __name__ == "__main__" and not __package__:
    # Run as a file (spark-submit kg/distributed.py): import kg as the package it is, not its
    # modules as top-level ones from this folder.
    import os.path as _p
    sys.path[:] = [d for d in sys.path if _p.abspath(d or ".") != _p.dirname(_p.abspath(__file__))]

import argparse
import json
import os
import shutil
from pathlib import Path

from kg import nlp
from kg.ingest import BOMS, READERS, expand_paths, jsonl_line, kind_of, problem, shown
from kg.records import Article, Problem

DEFAULT_MASTER = "local[*]"


# --- reading, on the executors -------------------------------------------------------------------
def _wide_bom(path: str) -> str | None:
    """The encoding named by a UTF-16/32 byte-order mark that starts a local file, if any:
    `kg build` skips such a JSON Lines file whole (E121)."""
    try:
        with open(path, "rb") as f:
            head = f.read(4)
    except OSError:
        return None  # not a local file (hdfs://, s3a://...): Spark reads it
    return next((enc for bom, enc in BOMS if head.startswith(bom)), None)


def _problem_dict(p: Problem) -> dict:
    return {"origin": p.origin, "code": p.code, "message": p.message, "skipped": p.skipped}


def _first_wins(a: tuple, b: tuple) -> tuple:
    return a if a[0] <= b[0] else b


def _build_partition(items, model: str | None, parse: str, batch_size: int):
    """(order, article) pairs -> ("graph", N-Quads text) per article, ("actors", lines) per
    partition, ("problem", dict) and ("events", n) records."""
    from itertools import islice

    from kg.pipeline import build_articles, shared_quads
    from kg.store import nquads

    built_all = []
    it = (article for _, article in items)
    while batch := list(islice(it, batch_size)):
        for r in build_articles(batch, model, parse=parse):
            if isinstance(r, Problem):
                yield ("problem", _problem_dict(r))
                continue
            built_all.append(r)
            yield ("graph", nquads(r.quads).decode("utf-8").rstrip("\n"))
            yield ("events", r.events)
    for line in nquads(shared_quads(built_all)).decode("utf-8").splitlines():
        yield ("actors", line)


# --- the job ----------------------------------------------------------------------------------
def spark_session(master: str | None = DEFAULT_MASTER, app_name: str = "irkg"):
    """A SparkSession whose Python workers run this interpreter (so they find kg).

    master None: the one spark-submit was given (or DEFAULT_MASTER outside spark-submit)."""
    if master is None and not os.environ.get("PYSPARK_GATEWAY_PORT"):
        master = DEFAULT_MASTER
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    try:
        from pyspark.sql import SparkSession
    except ImportError as e:  # pragma: no cover - depends on the install
        raise SystemExit("kg.distributed needs pyspark: pip install 'irkg[spark]' (and a Java 17 runtime)") from e
    builder = SparkSession.builder.appName(app_name).config("spark.ui.enabled", "false") \
        .config("spark.ui.showConsoleProgress", "false")
    if master is not None:
        builder = builder.master(master)
    if master is not None and master.startswith("local"):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        builder = builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    return spark


def run(inputs: list[str], output: str | Path, *, master: str | None = DEFAULT_MASTER, spark=None,
        partitions: int | None = None, model: str | None = None, parse: str = nlp.DEFAULT_PARSE,
        batch_size: int = 64) -> dict:
    """Extract every article under `inputs` on Spark and write the parts under `output`.

    `inputs` and `output` may be URLs that Spark reads and writes (hdfs://, s3a://...): an
    input URL is read as JSON Lines; an output URL must not exist yet (a local output
    folder is replaced). Returns the summary (also written to OUTPUT/summary.json)."""
    nlp.check_parse(parse)
    remote_out = _is_url(output)
    out = str(output).rstrip("/")
    if not remote_out and Path(out).exists():
        shutil.rmtree(out)
    own = False
    if spark is None:
        from pyspark.sql import SparkSession
        spark = SparkSession.getActiveSession()
        if spark is None:
            spark, own = spark_session(master), True
    sc = spark.sparkContext
    try:
        n = partitions or sc.defaultParallelism
        problems: list[dict] = []
        sources = []  # RDDs of (order, Article | Problem); order = (file index, line)
        for index, item in enumerate(_inputs(inputs)):
            if isinstance(item, Problem):
                if item.code != "E122":  # a file of another kind in a folder is not an article
                    problems.append(_problem_dict(item))
                continue
            path = str(item)
            if isinstance(item, str) or kind_of(item) == "jsonl":  # Spark reads .gz and .bz2 itself
                wide = None if isinstance(item, str) else _wide_bom(path)
                if wide is not None:
                    problems.append(_problem_dict(problem(f"{path}:1", "E121", encoding=wide.upper())))
                    continue
                lines = sc.textFile(path, minPartitions=n, use_unicode=False).zipWithIndex()
                sources.append(lines.flatMap(
                    lambda li, path=path, index=index: [((index, li[1] + 1), r)
                                                        for r in jsonl_line(path, li[1] + 1, li[0])]))
            else:
                sources.append(sc.parallelize([(index, path)], 1).flatMap(
                    lambda ip: [((ip[0], n), r) for n, r in enumerate(READERS[kind_of(Path(ip[1])) or "text"](
                        Path(ip[1])))]))
        if not sources:
            records = sc.emptyRDD()
        else:
            records = sc.union(sources) if len(sources) > 1 else sources[0]
        records = records.cache()
        read_problems = records.filter(lambda x: isinstance(x[1], Problem)).map(lambda x: x[1]).collect()
        # An id seen twice: the first in input order is built, the others reported (E111),
        # and their warnings dropped, as kg build does.
        by_id = records.filter(lambda x: isinstance(x[1], Article)).map(lambda x: (x[1].id, x))
        firsts = by_id.reduceByKey(_first_wins, numPartitions=n)
        dups = by_id.join(firsts).filter(lambda kv: kv[1][0][0] != kv[1][1][0]).map(
            lambda kv: (kv[1][0][1].origin, problem(kv[1][0][1].origin, "E111", id=shown(kv[0]),
                                                     first=kv[1][1][1].origin))).collect()
        dup_origins = {origin for origin, _ in dups}
        problems += [_problem_dict(p) for p in read_problems if p.skipped or p.origin not in dup_origins]
        problems += [_problem_dict(p) for _, p in dups]
        results = firsts.values().mapPartitions(
            lambda items: _build_partition(items, model, parse, batch_size)).cache()
        results.filter(lambda r: r[0] == "graph").map(lambda r: r[1]).saveAsTextFile(f"{out}/graphs")
        results.filter(lambda r: r[0] == "actors").map(lambda r: r[1]).distinct().coalesce(1) \
            .saveAsTextFile(f"{out}/actors")
        problems += results.filter(lambda r: r[0] == "problem").map(lambda r: r[1]).collect()
        counts = dict(results.filter(lambda r: r[0] in ("graph", "events"))
                      .map(lambda r: (r[0], 1 if r[0] == "graph" else r[1])).reduceByKey(lambda a, b: a + b).collect())
        records.unpersist()
        results.unpersist()
        problems.sort(key=lambda p: p["origin"])
        summary = {"built": counts.get("graph", 0), "events": counts.get("events", 0),
                   "skipped": sum(1 for p in problems if p["skipped"]), "problems": len(problems)}
        lines = {"problems.jsonl": [json.dumps(p, ensure_ascii=False) for p in problems],
                 "summary.json": [json.dumps(summary)]}
        for name, rows in lines.items():
            if remote_out:
                sc.parallelize(rows, 1).saveAsTextFile(f"{out}/{name}")
            else:
                Path(out, name).write_text("".join(r + "\n" for r in rows), encoding="utf-8")
    finally:
        if own:
            spark.stop()
    return summary


def _is_url(path: object) -> bool:
    return "://" in str(path)


def _inputs(inputs: list[str]):
    """Local files and folders expanded as kg build does; URLs (hdfs://...) as they are."""
    seen: set[str] = set()
    for p in inputs:
        if _is_url(p):
            yield str(p)
        else:
            yield from expand_paths([p], seen)


def part_files(output: str | Path) -> list[Path]:
    """The N-Quads parts of a job's output, in the order to load them."""
    out = Path(output)
    return sorted((out / "graphs").glob("part-*")) + sorted((out / "actors").glob("part-*"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kg.distributed", description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", "-i", nargs="+", required=True, help="JSON Lines files, text files or folders.")
    ap.add_argument("--output", "-o", required=True, help="Folder for the parts (replaced if it exists).")
    ap.add_argument("--master", default=None,
                    help=f"Spark master (default: spark-submit's, else {DEFAULT_MASTER}), e.g. local[2].")
    ap.add_argument("--partitions", type=int, default=None, help="Partitions (default: Spark's parallelism).")
    ap.add_argument("--model", default=None, help="spaCy pipeline (default: $KG_MODEL or the project's).")
    ap.add_argument("--parse", choices=nlp.PARSE_MODES, default=nlp.DEFAULT_PARSE, help="As `kg build --parse`.")
    ap.add_argument("--batch-size", type=int, default=64, help="Articles per language-model batch.")
    ap.add_argument("--store", default=None, help="Also load the parts into this store (folder or URL).")
    args = ap.parse_args(argv)
    summary = run(args.input, args.output, master=args.master, partitions=args.partitions, model=args.model,
                  parse=args.parse, batch_size=args.batch_size)
    if not _is_url(args.output):
        for line in open(Path(args.output) / "problems.jsonl", encoding="utf-8"):
            p = json.loads(line)
            print(f"{'skipped' if p['skipped'] else 'warning'}: {p['origin']}: {p['code']} {p['message']}",
                  file=sys.stderr)
    print(f"built {summary['built']} articles ({summary['skipped']} skipped), {summary['events']} events; "
          f"parts in {args.output}")
    if args.store:
        from kg import api
        api.load([str(p) for p in part_files(args.output)], args.store)
        print(f"loaded into {args.store}")
    return 1 if summary["skipped"] else 0


if __name__ == "__main__":
    sys.exit(main())
