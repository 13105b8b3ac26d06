"""ingest -> nlp -> actors -> events -> graph -> store, in batches.

The corpus is streamed: articles are read, parsed and written a batch at a time, so
memory does not grow with the corpus. A batch is written in one transaction; an
article whose content hash is already in the store is skipped.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from . import actors as actors_mod
from . import events as events_mod
from . import gazetteer, graph, nlp
from .errors import message
from .ingest import read_paths
from .records import Actor, Article, Event, Problem
from .store import Store


@dataclass
class Extraction:
    article: Article
    actors: dict[str, Actor]
    events: list[Event]


@dataclass
class BuildReport:
    built: int = 0
    unchanged: int = 0
    events: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def skipped(self) -> int:
        return sum(1 for p in self.problems if p.skipped)


def extract_doc(doc, article: Article) -> Extraction:
    found = actors_mod.resolve(doc)
    evs = events_mod.extract(doc, article, found)
    mentioned = found.actors()
    # "Croatian Foreign Minister X" mentions Croatia too.
    g = gazetteer.load()
    for actor in list(mentioned.values()):
        state = g.states.get(actor.country or "")
        if state is not None:
            mentioned.setdefault(state.key, state)
    return Extraction(article, mentioned, evs)


def extract_articles(articles: list[Article], model: str | None = None, workers: int = 1,
                     batch_size: int = 32) -> Iterator[Extraction | Problem]:
    """Run the language model once per article and extract from each doc."""
    pipe = nlp.load(model)
    texts = ((a.text, a) for a in articles)
    kwargs = {"batch_size": batch_size, "as_tuples": True}
    if workers > 1:
        kwargs["n_process"] = workers
    for doc, article in pipe.pipe(texts, **kwargs):
        try:
            yield extract_doc(doc, article)
        except Exception as e:  # one article's failure must not cost the batch
            yield Problem(article.origin or article.id, "E115",
                          message("E115", id=article.id, detail=f"{type(e).__name__}: {e}"))


def quads_for(ex: Extraction, model_name: str) -> list[graph.Quad]:
    mentioned = list(ex.actors.values())
    return graph.article_quads(ex.article, ex.events, mentioned, model_name)


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def default_workers() -> int:
    return max(1, os.cpu_count() or 1)


def build(paths: Iterable[str], store: Store, *, model: str | None = None, workers: int = 1,
          batch_size: int = 64, force: bool = False,
          on_article: Callable[[str, str], None] | None = None,
          on_problem: Callable[[Problem], None] | None = None) -> BuildReport:
    """Build the graph of every article under `paths` into `store`.

    on_article(article_id, status) is called with status "built" or "unchanged" once the
    article is safely stored; on_problem(problem) for every input that was skipped.
    """
    report = BuildReport()
    model_name = nlp.model_name(model)
    pipe = nlp.load(model)
    model_label = f"{model_name} {pipe.meta.get('version', '')}".strip()

    def problem(p: Problem) -> None:
        report.problems.append(p)
        if on_problem:
            on_problem(p)

    stream = read_paths(paths)
    for batch in _batches(stream, batch_size):
        articles = []
        for item in batch:
            if isinstance(item, Problem):
                problem(item)
            else:
                articles.append(item)
        if not articles:
            continue
        if not force:
            known = store.content_hashes(a.id for a in articles)
            fresh = []
            for a in articles:
                if known.get(a.id) == graph.content_hash(a, model_label):
                    report.unchanged += 1
                    if on_article:
                        on_article(a.id, "unchanged")
                else:
                    fresh.append(a)
            articles = fresh
        written: list[tuple[str, list[graph.Quad]]] = []
        all_actors: dict[str, Actor] = {}
        n_events = 0
        for result in extract_articles(articles, model, workers=workers):
            if isinstance(result, Problem):
                problem(result)
                continue
            written.append((result.article.id, quads_for(result, model_label)))
            all_actors.update(result.actors)
            n_events += len(result.events)
        if written:
            store.replace_articles(written, graph.actor_quads(all_actors.values()))
            report.built += len(written)
            report.events += n_events
            if on_article:
                for aid, _ in written:
                    on_article(aid, "built")
    store.flush()
    return report
