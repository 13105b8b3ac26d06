"""ingest -> nlp -> actors -> events -> graph -> store, in batches.

The corpus is streamed: articles are read, parsed and written a batch at a time, so
memory does not grow with the corpus. Before a batch is parsed, one lookup asks the
store for the content hashes of all its articles; an article whose hash is already
there is skipped. Each batch is written in one transaction.

With workers > 1 the batches go to a pool of forked processes that each run the
language model and the extraction (the model is loaded once, before the fork, and
shared); the main process reads, checks hashes and writes, in input order, with at
most two batches per worker in flight. The graph is the same whatever the number of
workers or the batch size.
"""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from . import actors as actors_mod
from . import events as events_mod
from . import furniture, gazetteer, graph, nlp, pairs, scorer
from .errors import message
from .ingest import read_paths
from .records import Actor, Article, Event, Problem


@dataclass
class Extraction:
    article: Article
    actors: dict[str, Actor]
    events: list[Event]


@dataclass
class Built:
    """One article's graph, ready for the store: its own quads and its shared actor quads."""

    article_id: str
    quads: list[graph.Quad]
    actor_quads: list[graph.Quad]
    events: int


@dataclass
class BuildReport:
    built: int = 0
    unchanged: int = 0
    events: int = 0
    problems: list[Problem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # corrections that named no actor of the store

    @property
    def skipped(self) -> int:
        return sum(1 for p in self.problems if p.skipped)


def extract_doc(doc, article: Article, min_confidence: float = 0.0) -> Extraction:
    found = actors_mod.resolve(doc, date=article.date)
    evs = events_mod.extract(doc, article, found)
    model = scorer.load()
    if model is not None:
        # The rules propose and the learnt scorer weighs: each rule event gets the probability
        # that it is right, and the pairs of actors of each sentence add the acts the rules missed.
        ruled = scorer.score_rules(evs, model.rules)
        cands = pairs.candidates(doc, article, found, evs)
        raws = model.pairs.raw_many([c.features for c in cands])
        scored = pairs.decode(cands, raws, model.pairs.types, model.pairs.calibrated, model.floor, article, evs,
                              keep=model.add_floor)
        evs = ruled + pairs.additions(ruled, scored)
        evs.sort(key=lambda e: (e.start, e.trigger_start))
    if min_confidence:
        evs = [e for e in evs if e.confidence >= min_confidence]
    mentioned = found.actors()
    # "Croatian Foreign Minister X" mentions Croatia too.
    g = gazetteer.load()
    for actor in list(mentioned.values()):
        state = g.states.get(actor.country or "")
        if state is not None:
            mentioned.setdefault(state.key, state)
    return Extraction(article, mentioned, evs)


def extract_articles(articles: Iterable[Article], model: str | None = None, *, parse: str = nlp.DEFAULT_PARSE,
                     batch_size: int = 32, min_confidence: float = 0.0) -> Iterator[Extraction | Problem]:
    """Run the language model once per article and extract from each doc, streamed.

    The model reads the text with its page furniture masked (kg.furniture): captions and
    credits give no actors and no events, and every offset still points into the article."""
    for doc, article in nlp.annotate(((furniture.mask(a.text), a) for a in articles), model=model, parse=parse,
                                     batch_size=batch_size):
        try:
            yield extract_doc(doc, article, min_confidence)
        except Exception as e:  # one article's failure must not cost the batch
            yield _failed(article, e)


def _failed(article: Article, e: Exception) -> Problem:
    return Problem(article.origin or article.id, "E115",
                   message("E115", id=article.id, detail=f"{type(e).__name__}: {e}"))


def quads_for(ex: Extraction, model_name: str) -> list[graph.Quad]:
    mentioned = list(ex.actors.values())
    return graph.article_quads(ex.article, ex.events, mentioned, model_name)


def build_articles(articles: list[Article], model: str | None = None, *, parse: str = nlp.DEFAULT_PARSE,
                   label: str | None = None, min_confidence: float = 0.0) -> list[Built | Problem]:
    """Articles -> their graphs (or a Problem each), in order: the unit of work of a build,
    in this process, in a worker, or in a partition of a distributed job."""
    label = label or extraction_label(model, parse, min_confidence)
    out: list[Built | Problem] = []
    for result in extract_articles(articles, model, parse=parse, batch_size=max(1, len(articles)),
                                   min_confidence=min_confidence):
        if isinstance(result, Problem):
            out.append(result)
            continue
        try:
            out.append(Built(result.article.id, quads_for(result, label),
                             graph.actor_quads(result.actors.values()), len(result.events)))
        except Exception as e:
            out.append(_failed(result.article, e))
    return out


def shared_quads(built: Iterable[Built]) -> list[graph.Quad]:
    """The union of the articles' actor descriptions (the same whatever the batching)."""
    return list(dict.fromkeys(q for b in built for q in b.actor_quads))


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def default_workers() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


# --- the worker pool ----------------------------------------------------------------------
_WORKER: dict = {}


def _init_worker(model: str | None, parse: str, label: str, min_confidence: float) -> None:
    _WORKER.update(model=model, parse=parse, label=label, min_confidence=min_confidence)


def _work(articles: list[Article]) -> list[Built | Problem]:
    return build_articles(articles, _WORKER["model"], parse=_WORKER["parse"], label=_WORKER["label"],
                          min_confidence=_WORKER["min_confidence"])


class _Runner:
    """Runs build_articles on batches, here or in a pool, and gives results back in order."""

    def __init__(self, workers: int, model: str | None, parse: str, label: str, min_confidence: float) -> None:
        self.workers, self.model, self.parse, self.label = workers, model, parse, label
        self.min_confidence = min_confidence
        self.pool = None
        self.pending: deque = deque()

    def submit(self, batch: list[Article]) -> None:
        if self.workers <= 1:
            self.pending.append(build_articles(batch, self.model, parse=self.parse, label=self.label,
                                               min_confidence=self.min_confidence))
            return
        if self.pool is None:
            # Fork where there is fork: the workers share the loaded model instead of loading it
            # again (elsewhere each worker loads it once).
            methods = multiprocessing.get_all_start_methods()
            ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
            self.pool = ctx.Pool(self.workers, initializer=_init_worker,
                                 initargs=(self.model, self.parse, self.label, self.min_confidence))
        self.pending.append(self.pool.apply_async(_work, (batch,)))

    @property
    def full(self) -> bool:
        return len(self.pending) >= max(1, 2 * self.workers if self.workers > 1 else 1)

    def next(self) -> list[Built | Problem]:
        item = self.pending.popleft()
        return item if isinstance(item, list) else item.get()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate() if self.pending else self.pool.close()
            self.pool.join()
            self.pool = None


def extraction_label(model: str | None = None, parse: str = nlp.DEFAULT_PARSE, min_confidence: float = 0.0) -> str:
    """What made an article's graph, as recorded in it (ir:languageModel) and in its content hash:
    the language model, the event scorer's version and the build's minimum confidence, so that
    changing any of them rebuilds the articles instead of skipping them as unchanged."""
    text = nlp.label(model, parse)
    model_file = scorer.load()
    if model_file is not None:
        text += f" events={model_file.version}"
    if min_confidence:
        text += f" min-confidence={min_confidence:g}"
    return text


def build(paths: Iterable[str], store, *, model: str | None = None, workers: int | None = 1,
          batch_size: int = 64, force: bool = False, parse: str = nlp.DEFAULT_PARSE,
          on_article: Callable[[str, str], None] | None = None,
          on_problem: Callable[[Problem], None] | None = None, min_confidence: float = 0.0) -> BuildReport:
    """Build the graph of every article under `paths` into `store` (a Store or RemoteStore).

    workers: processes for the language model and extraction (None: one per core).
    parse: "gated" or "all" (see kg.nlp). on_article(article_id, status) is called with
    status "built" or "unchanged" once the article is safely stored; on_problem(problem)
    for every input that was skipped.
    """
    report = BuildReport()
    nlp.check_parse(parse)
    label = extraction_label(model, parse, min_confidence)  # loads the model, once, before any fork
    workers = default_workers() if workers is None else max(1, workers)

    def problem(p: Problem) -> None:
        report.problems.append(p)
        if on_problem:
            on_problem(p)

    def fresh_batches() -> Iterator[list[Article]]:
        for batch in _batches(read_paths(paths), batch_size):
            articles = []
            for item in batch:
                if isinstance(item, Problem):
                    problem(item)
                else:
                    articles.append(item)
            if articles and not force:
                known = store.content_hashes([a.id for a in articles])  # one lookup per batch
                fresh = []
                for a in articles:
                    if known.get(a.id) == graph.content_hash(a, label):
                        report.unchanged += 1
                        if on_article:
                            on_article(a.id, "unchanged")
                    else:
                        fresh.append(a)
                articles = fresh
            if articles:
                yield articles

    def write(results: list[Built | Problem]) -> None:
        built = []
        for r in results:
            if isinstance(r, Problem):
                problem(r)
            else:
                built.append(r)
        if not built:
            return
        store.replace_articles([(b.article_id, b.quads) for b in built], shared_quads(built))
        report.built += len(built)
        report.events += sum(b.events for b in built)
        if on_article:
            for b in built:
                on_article(b.article_id, "built")

    runner = _Runner(workers, model, parse, label, min_confidence)
    try:
        for batch in fresh_batches():
            runner.submit(batch)
            while runner.full:
                write(runner.next())
        while runner.pending:
            write(runner.next())
    finally:
        runner.close()
    store.flush()
    return report
