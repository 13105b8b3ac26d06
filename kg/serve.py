"""`kg serve`: a read-only SPARQL 1.1 Protocol endpoint over the store, on the standard library.

    kg serve --store out/store            # http://127.0.0.1:8000/sparql

GET /sparql?query=..., POST /sparql with application/x-www-form-urlencoded (query=...) or
application/sparql-query. Results follow the Accept header (or a format=/output= parameter):
SELECT as application/sparql-results+json (the default), text/csv, text/tab-separated-values
or application/sparql-results+xml; ASK as JSON or XML; CONSTRUCT and DESCRIBE as Turtle (the
default), N-Triples, RDF/XML or JSON-LD. The default graph is the union of the named graphs;
GRAPH reaches each article's graph, the actors graph and the ontology graph.

What it refuses, and why:
- updates (application/sparql-update, update=, or a text that starts like INSERT, DELETE,
  LOAD, CLEAR, DROP, CREATE, ADD, MOVE, COPY, WITH): 403. The store is opened read-only
  and only ever queried, so an update could not run anyway; the check gives a clear answer.
- SERVICE (federated queries): 403. Oxigraph would fetch the remote endpoint over HTTP; an
  endpoint on a laptop must not be made to reach out. As a second line, the query workers
  also try to leave the network (a network namespace of their own, where the kernel allows
  it); the start-up line says whether they could.
- queries over 100 kB: 413 (a GET URL over 64 kB is already refused by http.server, 414).
- queries that run longer than --timeout: 503, on time. Oxigraph cannot interrupt a query
  from Python, and a thread that is abandoned would go on eating a core; so each query runs
  in a small pool of worker processes (`python -m kg.serve --worker STORE`, each with the
  store open read-only), and a worker whose query overruns is killed and replaced.
- more than --max-rows solutions (or triples): only the first max_rows are sent, and the
  response says so: headers X-Irkg-Truncated: true and X-Irkg-Row-Limit: N, plus a
  top-level "irkg": {"truncated": true, "limit": N, "next_offset": N} member in SPARQL JSON
  and a comment in XML, Turtle and N-Triples; a Link: rel="next" header pages on (offset=).

The store is opened read-only (pyoxigraph.Store.read_only) by the workers and, at start-up,
by the server for the summary on its home page. Reading a store that another process is
writing is undefined in RocksDB: serve a store no `kg build` or `kg remove` is writing, and
restart `kg serve` after a build to see the new data.

It listens on 127.0.0.1 unless told otherwise (--host), answers only for its own Host (DNS
rebinding), sends CORS headers only for the origins --cors names, serves a short HTML page
at / and a Service Description to RDF clients at /sparql, speaks HTTP/1.1 with keep-alive,
shares its workers fairly between client addresses, stops the query of a client that hangs
up and of one past --max-memory, logs one line per request to stderr (control characters
escaped), and stops cleanly on SIGINT or SIGTERM. docs/serve.md has the details and why.
"""
from __future__ import annotations

import html
import json
import os
import re
import select
import signal
import socket
import socketserver
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from itertools import islice
from pathlib import Path
from urllib.parse import parse_qs, quote, urlencode, urlsplit

MAX_QUERY_BYTES = 100_000
DRAIN_LIMIT = 16 * 1024 * 1024  # an oversized body up to this is read and dropped, so the 413 reaches the client
WORKERS = max(1, min(4, os.cpu_count() or 1))  # queries running at once; more wait for a free worker
STARTUP_TIMEOUT = 60.0
DEFAULT_MAX_MEMORY = 2048  # MiB a query may grow its worker by (kg serve --max-memory; 0: no limit)
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
# Prefixes for Turtle output (those of kg.vocab.PREFIXES; not imported from there because
# kg.vocab loads rdflib and the ontology, which would slow every worker's start).
# id: is left out: the local names of its IRIs have slashes, which Turtle would escape.
PREFIXES = {"ir": "https://w3id.org/irkg/ontology#",
            "cameo": "https://w3id.org/irkg/cameo/", "plover": "https://w3id.org/irkg/plover/",
            "prov": "http://www.w3.org/ns/prov#", "skos": "http://www.w3.org/2004/02/skos/core#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#", "dcterms": "http://purl.org/dc/terms/",
            "owl": "http://www.w3.org/2002/07/owl#"}

# --- content negotiation --------------------------------------------------------------------
# media type asked for -> format key; FORMATS gives each key the media type sent back.
SOLUTION_TYPES = {"application/sparql-results+json": "json", "application/json": "json",
                  "application/sparql-results+xml": "xml", "application/xml": "xml", "text/xml": "xml",
                  "text/csv": "csv", "text/tab-separated-values": "tsv"}
BOOLEAN_TYPES = {k: v for k, v in SOLUTION_TYPES.items() if v in ("json", "xml")}
GRAPH_TYPES = {"text/turtle": "turtle", "application/x-turtle": "turtle", "application/n-triples": "nt",
               "text/plain": "nt", "application/rdf+xml": "rdfxml", "application/xml": "rdfxml",
               "application/ld+json": "jsonld", "application/n-quads": "nq", "application/trig": "trig"}
FORMATS = {"json": "application/sparql-results+json; charset=utf-8",
           "xml": "application/sparql-results+xml; charset=utf-8",
           "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8",
           "turtle": "text/turtle; charset=utf-8", "nt": "application/n-triples; charset=utf-8",
           "rdfxml": "application/rdf+xml; charset=utf-8", "jsonld": "application/ld+json; charset=utf-8",
           "nq": "application/n-quads; charset=utf-8", "trig": "application/trig; charset=utf-8"}
SHORT_NAMES = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "turtle": "turtle", "ttl": "turtle",
               "nt": "nt", "ntriples": "nt", "n-triples": "nt", "rdfxml": "rdfxml", "rdf": "rdfxml",
               "jsonld": "jsonld", "json-ld": "jsonld", "nq": "nq", "nquads": "nq", "n-quads": "nq", "trig": "trig"}


def _preferences(accept: str) -> list[str]:
    """Media types of an Accept header, best first (by q, then by order); q=0 dropped."""
    prefs = []
    for i, part in enumerate(accept.split(",")):
        fields = part.strip().split(";")
        mime = fields[0].strip().lower()
        q = 1.0
        for f in fields[1:]:
            key, _, value = f.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if mime and q > 0:
            prefs.append((-q, i, mime))
    return [m for _, _, m in sorted(prefs)]


def negotiate(accept: str | None, offers: dict[str, str], default: str, override: str | None = None) -> str | None:
    """The format key to answer with, or None when the Accept header takes nothing on offer
    (406). A format= / output= parameter naming an offered format wins over the header. For
    "text/*" a plain-text format (CSV, Turtle) is picked before XML."""
    if override:
        key = SHORT_NAMES.get(override.strip().lower()) or offers.get(override.strip().lower())
        if key in offers.values():
            return key
    for mime in _preferences(accept or "*/*"):
        if mime in offers:
            return offers[mime]
        if mime == "*/*":
            return default
        if mime.endswith("/*"):
            fits = [key for offered, key in offers.items() if offered.startswith(mime[:-1])]
            if fits:
                return sorted(fits, key=lambda k: k in ("xml", "rdfxml"))[0]
    return None


def _not_acceptable(offers: dict[str, str]) -> tuple[int, dict, bytes]:
    return _text_response(406, "nothing this query can be answered in is acceptable to the Accept header; "
                               "offered: " + ", ".join(sorted(set(offers))))


# --- what a query text is -------------------------------------------------------------------
# Strings, IRIs and comments are blanked out before looking for keywords, so that a label
# "Secret Service" or <http://example.org/service> is not taken for the SERVICE keyword.
# (Oxigraph, like the SPARQL grammar, reads \\u escapes only inside strings and IRIs, so a
# keyword cannot be spelt with escapes.) An IRI with escapes is not blanked: it is then
# searched too, which can only refuse more, never less.
_LEXEMES = re.compile(r'''
    "{3}(?:[^"\\]|\\.|"(?!""))*"{3}      # """long string"""
  | '{3}(?:[^'\\]|\\.|'(?!''))*'{3}      # \'\'\'long string\'\'\'
  | "(?:[^"\\\n\r]|\\.)*"                # "string"
  | '(?:[^'\\\n\r]|\\.)*'                # 'string'
  | <[^<>"{}|^`\\\x00-\x20]*>            # <iri>
  | \#[^\n\r]*                           # comment
''', re.VERBOSE | re.DOTALL)
_PROLOGUE = re.compile(r"\A\s*(?:(?:PREFIX\s+[\w.-]*:|BASE)\s*)*", re.IGNORECASE)
# SERVICE as a keyword: not part of a variable (?service), a prefixed name (ex:service,
# service:x), a blank node label, a language tag or a longer word.
_SERVICE = re.compile(r"(?<![\w?$:@])SERVICE(?![\w:-])", re.IGNORECASE)
UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}


def _code(text: str) -> str:
    return _LEXEMES.sub(" ", text)


MAX_NESTING = 1000


_UNARY_RUN = re.compile(r"(?:[!^+-]\s*){2,}")


def _nesting(text: str) -> int:
    """How deep the parser must recurse: the deepest nesting of braces, parentheses and
    square brackets (group graph patterns, expressions and paths, blank-node property
    lists), or the longest run of unary operators ("!!!!x", "- - -1", "^^^p"), outside
    strings, IRIs and comments. Oxigraph's recursive parser overflows its stack on either."""
    code = _code(text).replace("!=", "  ")
    depth = deepest = 0
    for ch in code:
        if ch in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "})]":
            depth -= 1
    runs = max((len(re.sub(r"\s", "", m.group(0))) for m in _UNARY_RUN.finditer(code)), default=0)
    return max(deepest, runs)


def classify(text: str) -> str | None:
    """'update' for a SPARQL update, 'service' for a query with SERVICE, None otherwise."""
    code = _code(text)
    first = re.match(r"\s*([A-Za-z]+)", code[_PROLOGUE.match(code).end():])
    if first and first.group(1).upper() in UPDATE_KEYWORDS:
        return "update"
    if _SERVICE.search(code):
        return "service"
    return None


# --- the worker: runs queries, in its own process ----------------------------------------------

def _json_term(term) -> dict:
    import pyoxigraph as ox
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value not in (XSD_STRING, RDF_LANG_STRING):
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):  # RDF-star / RDF 1.2 triple terms
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    raise TypeError(f"not an RDF term: {term!r}")


def _truncation_note(limit: int) -> str:
    # No "--" in it: the note also goes into XML comments, where "--" is not allowed.
    return (f"truncated: only {limit} results are shown (the max-rows setting of kg serve); the Link header "
            f"with rel=next gives the URL of the next page (offset=)")


def _text_response(status: int, message: str) -> tuple[int, dict, bytes]:
    return status, {"Content-Type": "text/plain; charset=utf-8"}, (message.rstrip("\n") + "\n").encode("utf-8")


def execute(store, job: dict) -> tuple[int, dict, bytes]:
    """Run one query on a pyoxigraph store; (status, headers, body) for the HTTP answer."""
    import pyoxigraph as ox

    kwargs: dict = {}
    if job.get("default_graphs") or job.get("named_graphs"):
        # The protocol's default-graph-uri / named-graph-uri replace the whole dataset.
        try:
            kwargs["default_graph"] = [ox.NamedNode(u) for u in job.get("default_graphs") or []]
            kwargs["named_graphs"] = [ox.NamedNode(u) for u in job.get("named_graphs") or []]
        except ValueError as e:
            return _text_response(400, f"bad graph IRI: {e}")
    else:
        kwargs["use_default_graph_as_union"] = True
    limit = int(job["max_rows"])
    accept, override = job.get("accept"), job.get("format")
    offset = int(job.get("offset") or 0)
    try:
        result = store.query(job["query"], base_iri=job.get("base") or None, **kwargs)
        if isinstance(result, ox.QueryBoolean):
            fmt = negotiate(accept, BOOLEAN_TYPES, "json", override)
            if fmt is None:
                return _not_acceptable(BOOLEAN_TYPES)
            body = result.serialize(format=ox.QueryResultsFormat.JSON if fmt == "json" else ox.QueryResultsFormat.XML)
            return 200, {"Content-Type": FORMATS[fmt]}, body
        if isinstance(result, ox.QuerySolutions):
            fmt = negotiate(accept, SOLUTION_TYPES, "json", override)
            if fmt is None:
                return _not_acceptable(SOLUTION_TYPES)
            variables = [v.value for v in result.variables]
            # one more than allowed tells whether it was capped; `offset` pages through the rest
            rows = list(islice(result, offset, offset + limit + 1))
            truncated = len(rows) > limit
            rows = rows[:limit]
            doc: dict = {"head": {"vars": variables}, "results": {"bindings": [
                {v: _json_term(sol[v]) for v in variables if sol[v] is not None} for sol in rows]}}
            if fmt == "json":
                if truncated:
                    doc["irkg"] = {"truncated": True, "limit": limit, "next_offset": offset + limit}
                body = json.dumps(doc, ensure_ascii=False).encode("utf-8")
            else:
                # Oxigraph writes CSV, TSV and XML from the same (capped) solutions.
                parsed = ox.parse_query_results(json.dumps(doc).encode("utf-8"), format=ox.QueryResultsFormat.JSON)
                body = parsed.serialize(format={"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                                                "xml": ox.QueryResultsFormat.XML}[fmt])
                if truncated and fmt == "xml":
                    body = _xml_comment(body, _truncation_note(limit))
            return 200, _result_headers(fmt, len(rows), truncated, limit, offset), body
        # CONSTRUCT / DESCRIBE: the row limit counts triples.
        fmt = negotiate(accept, GRAPH_TYPES, "turtle", override)
        if fmt is None:
            return _not_acceptable(GRAPH_TYPES)
        triples = list(islice(result, offset, offset + limit + 1))
        truncated = len(triples) > limit
        triples = triples[:limit]
        rdf_format = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML,
                      "jsonld": ox.RdfFormat.JSON_LD, "nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}[fmt]
        if fmt in ("nq", "trig"):  # a graph's triples, in the default graph of a dataset format
            triples = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
        body = ox.serialize(triples, format=rdf_format,
                            **({"prefixes": PREFIXES} if fmt in ("turtle", "trig") else {}))
        if truncated and fmt in ("turtle", "nt", "nq", "trig"):
            body = f"# {_truncation_note(limit)}\n".encode("utf-8") + body
        elif truncated and fmt == "rdfxml":
            body = _xml_comment(body, _truncation_note(limit))
        return 200, _result_headers(fmt, len(triples), truncated, limit, offset), body
    except SyntaxError as e:
        return _text_response(400, f"bad query: {e}")
    except OSError as e:  # evaluation errors surface while the solutions are read
        return _text_response(500, f"query failed: {e}")


def _result_headers(fmt: str, rows: int, truncated: bool, limit: int, offset: int = 0) -> dict:
    out = {"Content-Type": FORMATS[fmt], "X-Irkg-Rows": str(rows),
           "X-Irkg-Truncated": "true" if truncated else "false", "X-Irkg-Row-Limit": str(limit)}
    if truncated:
        out["X-Irkg-Next-Offset"] = str(offset + limit)  # the handler turns it into a Link: rel=next
    return out


def _xml_comment(body: bytes, note: str) -> bytes:
    """Put a comment right after the XML declaration (a comment may not come before it)."""
    while "--" in note:
        note = note.replace("--", "-")
    comment = f"<!-- {note.rstrip('-')} -->".encode("utf-8")
    if body.startswith(b"<?xml"):
        end = body.index(b"?>") + 2
        return body[:end] + b"\n" + comment + body[end:]
    return comment + b"\n" + body


def _leave_network() -> bool:
    """Best effort: move this process into a network namespace of its own (no interfaces but
    a down loopback), so that nothing it runs can reach out. Needs Linux and either root or
    unprivileged user namespaces; it must run before any thread starts."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        clone_newnet, clone_newuser = 0x40000000, 0x10000000
        # A new user namespace keeps the process's real uid for file access, so the store stays readable.
        return libc.unshare(clone_newnet) == 0 or libc.unshare(clone_newuser | clone_newnet) == 0
    except (OSError, AttributeError):
        return False


def _cap_memory(limit_mib: int) -> None:
    """A hard ceiling on the worker's heap, behind the server's watch of its size (which looks
    every POLL seconds and may be outrun by a query that doubles a string): what the worker
    has now plus twice the limit. Past it an allocation fails and the worker ends; the server
    replaces it."""
    import resource
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            data_kb = next(int(line.split()[1]) for line in f if line.startswith("VmData:"))
    except (OSError, StopIteration, ValueError):
        return
    ceiling = data_kb * 1024 + 2 * limit_mib * MIB
    try:
        resource.setrlimit(resource.RLIMIT_DATA, (ceiling, resource.getrlimit(resource.RLIMIT_DATA)[1]))
    except (ValueError, OSError):
        pass


def _write_message(out, meta: dict, body: bytes = b"") -> None:
    meta = dict(meta, length=len(body))
    out.write(json.dumps(meta).encode("utf-8") + b"\n" + body)
    out.flush()


def worker_main(store_path: str) -> int:
    """The worker process: jobs as JSON lines on stdin; for each, a JSON line of status and
    headers with the body's length, then the body, on stdout."""
    isolated = _leave_network()
    out = os.fdopen(os.dup(1), "wb")
    limit = int(os.environ.get("IRKG_MAX_MEMORY_MIB") or 0)
    os.dup2(2, 1)  # anything else written to stdout goes to stderr, not into the replies
    sys.stdout = sys.stderr
    import pyoxigraph as ox
    try:
        store = ox.Store.read_only(store_path)
    except OSError as e:
        _write_message(out, {"ready": False, "error": str(e)})
        return 1
    if limit:
        _cap_memory(limit)
    _write_message(out, {"ready": True, "network_isolated": isolated})
    for line in sys.stdin.buffer:
        try:
            status, headers, body = execute(store, json.loads(line))
        except MemoryError:
            status, headers, body = _text_response(503, f"query stopped: it needed more than {limit} MiB of "
                                                        "memory (kg serve --max-memory)")
        except Exception as e:  # every job gets an answer, or the server would wait for nothing
            status, headers, body = _text_response(500, f"query failed: {type(e).__name__}: {e}")
        _write_message(out, {"status": status, "headers": headers}, body)
    return 0


# --- the server side of the pool -------------------------------------------------------------

class _Timeout(Exception):
    pass


class _WorkerGone(Exception):
    pass


class _ClientGone(Exception):
    pass


class _TooBig(Exception):
    pass


POLL = 0.05  # seconds between looks at the client and at the worker's memory while a query runs
MIB = 1 << 20


def _rss(pid: int) -> int:
    """Resident memory of a process in bytes (Linux; 0 where /proc is not there)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


class _Worker:
    """One worker process and the bytes read from it so far."""

    def __init__(self, store_path: Path, max_memory: int = 0) -> None:
        env = dict(os.environ)
        env["IRKG_MAX_MEMORY_MIB"] = str(max_memory)
        # The child must import this very kg package, wherever the command was started from.
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).resolve().parent.parent),
                                                          env.get("PYTHONPATH")]))
        self.proc = subprocess.Popen([sys.executable, "-m", "kg.serve", "--worker", str(store_path)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0, env=env)
        self.buf = bytearray()
        self.ready = False
        self.network_isolated = False

    def _fill(self, deadline: float, watch=None) -> None:
        fd = self.proc.stdout.fileno()
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _Timeout
            readable, _, _ = select.select([fd], [], [], min(remaining, POLL) if watch else remaining)
            if readable:
                break
            if watch is not None:
                watch()  # raises to stop the query
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            raise _WorkerGone(f"worker exited with code {self.proc.poll()}")
        self.buf += chunk

    def _message(self, deadline: float, watch=None) -> tuple[dict, bytes]:
        while b"\n" not in self.buf:
            self._fill(deadline, watch)
        end = self.buf.index(b"\n")
        meta = json.loads(bytes(self.buf[:end]))
        del self.buf[:end + 1]
        while len(self.buf) < meta["length"]:
            self._fill(deadline, watch)
        body = bytes(self.buf[:meta["length"]])
        del self.buf[:meta["length"]]
        return meta, body

    def wait_ready(self, deadline: float) -> None:
        if self.ready:
            return
        meta, _ = self._message(deadline)
        if not meta.get("ready"):
            raise _WorkerGone(meta.get("error") or "worker could not open the store")
        self.ready = True
        self.network_isolated = bool(meta.get("network_isolated"))

    def run(self, job: dict, deadline: float, gone=None) -> tuple[dict, bytes]:
        """The worker's answer to `job`; `gone()` says whether its client left. With
        job["max_memory"], a worker that grows by more than that many MiB is stopped."""
        self.wait_ready(deadline)
        limit = int(job.get("max_memory") or 0) * MIB
        start = _rss(self.proc.pid) if limit else 0

        def watch() -> None:
            if gone is not None and gone():
                raise _ClientGone
            if limit and _rss(self.proc.pid) - start > limit:
                raise _TooBig

        data = memoryview(json.dumps(job).encode("utf-8") + b"\n")
        fd = self.proc.stdin.fileno()
        while data:
            data = data[os.write(fd, data):]
        return self._message(deadline, watch)

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.wait(timeout=5)
        except (OSError, subprocess.TimeoutExpired):
            pass
        for pipe in (self.proc.stdin, self.proc.stdout):
            try:
                pipe.close()
            except OSError:
                pass


class _Pool:
    """A fixed number of workers; a request borrows one, and one that overran is replaced.

    Fair by client address: a client that already holds a worker may not take the last idle
    one, and among the clients that may take one, the first to ask gets it. So one client's
    runaway queries (however many it sends) leave a worker for everybody else."""

    def __init__(self, store_path: Path, size: int, max_memory: int = 0) -> None:
        self.store_path = store_path
        self.max_memory = max_memory
        self.cond = threading.Condition()
        self.idle: list[_Worker] = []
        self.all: set[_Worker] = set()
        self.holding: dict[str, int] = {}  # client address -> workers it has now
        self.waiting: list[str] = []  # addresses waiting for a worker, first come first
        self.closed = False
        for _ in range(size):
            self.idle.append(self._new())

    def _new(self) -> _Worker:
        w = _Worker(self.store_path, self.max_memory)
        with self.cond:
            self.all.add(w)
        return w

    def start(self, timeout: float) -> bool:
        """Wait until every worker has the store open; True if all are off the network."""
        deadline = time.monotonic() + timeout
        workers = list(self.all)
        for w in workers:
            w.wait_ready(deadline)
        return all(w.network_isolated for w in workers)

    def _may_take(self, addr: str) -> bool:
        def eligible(a: str) -> bool:
            return bool(self.idle) and not (self.holding.get(a) and len(self.idle) == 1)
        if not eligible(addr):
            return False
        for a in self.waiting:  # the first waiter that may take one goes first
            if eligible(a):
                return a == addr
        return True

    def _acquire(self, addr: str, deadline: float) -> _Worker | None:
        with self.cond:
            self.waiting.append(addr)
            try:
                while not self.closed:
                    if self._may_take(addr):
                        self.holding[addr] = self.holding.get(addr, 0) + 1
                        return self.idle.pop()
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        return None
                    self.cond.wait(remaining)
                return None
            finally:
                self.waiting.remove(addr)

    def _release(self, w: _Worker, addr: str, broken: bool = False) -> None:
        if broken:
            w.kill()  # the only way to stop an Oxigraph query: end its process
            with self.cond:
                self.all.discard(w)
            w = None if self.closed else self._new()
        with self.cond:
            n = self.holding.get(addr, 0) - 1
            if n > 0:
                self.holding[addr] = n
            else:
                self.holding.pop(addr, None)
            if w is not None and not self.closed:
                self.idle.append(w)
            self.cond.notify_all()

    def run(self, job: dict, timeout: float, addr: str = "", gone=None) -> tuple[int | None, dict, bytes]:
        """(status, headers, body) of the job; status None when the client left (query stopped)."""
        deadline = time.monotonic() + timeout
        w = self._acquire(addr, deadline)
        if w is None:
            return _text_response(503, f"all {len(self.all)} query workers stayed busy for the whole "
                                       f"{timeout:g} s timeout; try again later")
        try:
            meta, body = w.run(job, deadline, gone)
        except _ClientGone:
            self._release(w, addr, broken=True)
            return None, {}, b""
        except _TooBig:
            self._release(w, addr, broken=True)
            return _text_response(503, f"query stopped: it needed more than {job.get('max_memory')} MiB of memory "
                                       f"(kg serve --max-memory); narrow it down or add a LIMIT")
        except _Timeout:
            self._release(w, addr, broken=True)
            return _text_response(503, f"query timed out after {timeout:g} s (the timeout of kg serve, "
                                       f"--timeout) and was stopped; narrow it down or add a LIMIT")
        except (_WorkerGone, OSError, ValueError, KeyError) as e:
            code = w.proc.poll()
            self._release(w, addr, broken=True)
            if job.get("max_memory") and code in (-signal.SIGABRT, -signal.SIGSEGV, -signal.SIGKILL):
                # an allocation past the worker's ceiling (_cap_memory) ends it
                return _text_response(503, f"query stopped: it needed more than {job.get('max_memory')} MiB of "
                                           f"memory (kg serve --max-memory); narrow it down or add a LIMIT")
            return _text_response(500, f"query worker failed: {e}")
        self._release(w, addr)
        return meta["status"], meta["headers"], body

    def close(self) -> None:
        with self.cond:
            self.closed = True
            workers = list(self.all)
            self.all.clear()
            self.cond.notify_all()
        for w in workers:
            w.kill()


# --- HTTP ------------------------------------------------------------------------------------

class _Server(ThreadingHTTPServer):
    daemon_threads = True  # a slow client does not hold up the shutdown
    request_queue_size = 128  # socketserver's default backlog of 5 resets concurrent clients

    def __init__(self, address: tuple[str, int], app: "_App") -> None:
        self.app = app
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks the host name up (getfqdn), which can hang without DNS.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    def handle_error(self, request, client_address) -> None:
        exc = sys.exc_info()[1]
        if isinstance(exc, (BrokenPipeError, ConnectionResetError)):
            return  # the client left before the answer: nothing to tell
        self.app.log(f"{client_address[0]} internal error: {type(exc).__name__}: {exc}")


class _App:
    """What the handlers share: settings, the worker pool, the home page, the log."""

    def __init__(self, pool: _Pool, timeout: float, max_rows: int, cors: tuple[str, ...] = (),
                 max_memory: int = 0) -> None:
        self.pool = pool
        self.timeout = timeout
        self.max_rows = max_rows
        self.cors = tuple(cors)  # origins a browser page may read answers from; () = none
        self.max_memory = max_memory  # MiB a query may grow its worker by; 0 = no limit
        self.hosts: set[str] = set()  # Host header values accepted (see allowed_hosts)
        self.any_ip_host = False
        self.base = ""  # the endpoint's URL: the base IRI of queries
        self.page = b""
        self._log_lock = threading.Lock()

    def host_ok(self, value: str | None) -> bool:
        if value is None:
            return True  # HTTP/1.0 without Host: no browser sends that
        value = value.strip().lower()
        if value in self.hosts:
            return True
        return self.any_ip_host and _ip_literal(value)

    def log(self, line: str) -> None:
        with self._log_lock:
            sys.stderr.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {_printable(line)}\n")
            sys.stderr.flush()


def _printable(text: str) -> str:
    """Control characters (an ESC from a request path would drive the terminal) as \\xNN."""
    return "".join(ch if ch >= " " and ch != "\x7f" else f"\\x{ord(ch):02x}" for ch in text)


def _ip_literal(host: str) -> bool:
    """'192.0.2.1', '192.0.2.1:8000', '[::1]:8000': an address, not a name."""
    import ipaddress
    if host.startswith("["):
        addr = host[1:host.find("]")] if "]" in host else ""
    else:
        addr = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    try:
        ipaddress.ip_address(addr)
        return True
    except ValueError:
        return False


def allowed_hosts(listen: str, port: int, names: tuple[str, ...] = ()) -> tuple[set[str], bool]:
    """The Host header values the server answers, and whether any address literal is fine.

    A page of another site can reach 127.0.0.1 through DNS rebinding (its own name made to
    resolve to 127.0.0.1), but its requests then carry its own name as Host: refusing every
    Host that is not the server's address, a loopback name or one the user named stops it.
    An address literal cannot be rebound, so a server listening on every interface answers
    any address it is reached by."""
    import ipaddress
    out: set[str] = set()
    hosts = {listen.lower(), *(n.lower() for n in names)}
    try:
        ip = ipaddress.ip_address(listen)
        loopback, wildcard = ip.is_loopback, ip.is_unspecified
    except ValueError:
        loopback, wildcard = listen.lower() == "localhost", False
    if loopback:
        hosts |= {"localhost", "127.0.0.1" if ":" not in listen else "::1"}
    for h in hosts:
        shown = f"[{h}]" if ":" in h and not h.startswith("[") else h
        out |= {shown, f"{shown}:{port}"}
    return out, wildcard


class _Handler(BaseHTTPRequestHandler):
    server_version = "irkg-sparql/0.2"
    protocol_version = "HTTP/1.1"  # keep-alive; every answer has a Content-Length
    server: _Server
    timeout = 60  # an idle connection must not hold a thread for ever

    # --- strict HTTP/1.1: every answer has a status line; ambiguous framing is refused
    def parse_request(self) -> bool:
        line = str(self.raw_requestline, "iso-8859-1").rstrip("\r\n")
        words = line.split()
        if len(words) != 3 or not words[2].startswith("HTTP/"):
            # http.server would take a two-word line for HTTP/0.9 and answer with no status line
            self.command, self.path = (words + ["-", "-"])[:2]
            self.request_version, self.requestline, self.close_connection = "HTTP/1.0", line, True
            self.headers = None
            self._error(400, "bad request line: send METHOD PATH HTTP/1.1")
            return False
        if words[2] not in ("HTTP/1.0", "HTTP/1.1"):
            self.command, self.path = words[:2]
            self.request_version, self.requestline, self.close_connection = "HTTP/1.0", line, True
            self.headers = None
            self._error(505, "HTTP version not supported: send HTTP/1.1 or HTTP/1.0")
            return False
        if not super().parse_request():
            return False
        lengths = {v.strip() for v in self.headers.get_all("Content-Length") or []}
        if len(lengths) > 1 or (lengths and self.headers.get("Transfer-Encoding")):
            self.close_connection = True
            self._error(400, "conflicting Content-Length / Transfer-Encoding headers")
            return False
        return True

    def handle_expect_100(self) -> bool:
        # "Expect: 100-continue" with a body we would refuse: refuse it before it is sent.
        length = self._length()
        if length is not None and (length < 0 or length > MAX_QUERY_BYTES):
            self.close_connection = True
            self._error(413 if length > 0 else 400, "request body refused")
            return False
        return super().handle_expect_100()

    def _length(self) -> int | None:
        try:
            return int(self.headers.get("Content-Length"))
        except (TypeError, ValueError):
            return None

    # --- logging: one line per request, written when the status goes out
    def setup(self) -> None:
        super().setup()
        self._started = time.monotonic()
        self._note = ""

    def log_request(self, code="-", size="-") -> None:
        path = urlsplit(self.path).path if getattr(self, "path", None) else "-"
        ms = (time.monotonic() - self._started) * 1000
        note = f" {self._note}" if self._note else ""
        self.server.app.log(f"{self.client_address[0]} {getattr(self, 'command', None) or '-'} {path} "
                            f"{int(code) if str(code).isdigit() else code} {ms:.0f}ms{note}")

    def log_error(self, format, *args) -> None:
        pass  # the request's own line (log_request) already has the status

    # --- answers
    def _send(self, status: int, body: bytes, headers: dict) -> None:
        try:
            self.send_response(status)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            origin = self._cors_origin()
            if origin is not None:
                self.send_header("Access-Control-Allow-Origin", origin)
                self.send_header("Access-Control-Expose-Headers", "X-Irkg-Truncated, X-Irkg-Row-Limit, X-Irkg-Rows, Link")
                if origin != "*":
                    self.send_header("Vary", "Origin")
            self.send_header("X-Content-Type-Options", "nosniff")
            if self.close_connection:
                self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _error(self, status: int, message: str, headers: dict | None = None) -> None:
        self._note = self._note or message.split(";")[0][:80]
        _, h, body = _text_response(status, message)
        self._send(status, body, {**h, **(headers or {})})

    def _cors_origin(self) -> str | None:
        """The Access-Control-Allow-Origin to send: only for origins named by --cors."""
        allowed = self.server.app.cors
        if not allowed:
            return None
        if "*" in allowed:
            return "*"
        origin = self.headers.get("Origin") if getattr(self, "headers", None) is not None else None
        return origin if origin in allowed else None

    def _host_refused(self) -> bool:
        """403 for a Host the server does not go by (DNS rebinding), before anything runs."""
        if self.server.app.host_ok(self.headers.get("Host")):
            return False
        self.close_connection = True  # a body, if any, is left unread
        self._error(403, "this server does not answer for that Host; it answers for the address it listens "
                         "on and the names given with kg serve --host / --allow-host")
        return True

    # --- methods
    def do_OPTIONS(self) -> None:  # CORS preflight, for the origins of --cors
        if self._host_refused():
            return
        extra = {"Allow": "GET, POST, OPTIONS"}
        if self._cors_origin() is not None:
            extra.update({"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                          "Access-Control-Allow-Headers": "Content-Type, Accept",
                          "Access-Control-Max-Age": "86400"})
        self._send(204, b"", extra)

    def do_GET(self) -> None:
        if self._host_refused():
            return
        url = urlsplit(self.path)
        if url.path in ("/", "/index.html"):
            self._home()
            return
        if url.path != "/sparql":
            self._error(404, "not found: the SPARQL endpoint is /sparql")
            return
        params = parse_qs(url.query, keep_blank_values=True)
        if "update" in params:
            self._refuse_update()
            return
        if "query" not in params:
            # A browser opening /sparql gets the page that explains it; an RDF client, the
            # SPARQL Service Description.
            prefs = _preferences(self.headers.get("Accept") or "*/*")
            if prefs and prefs[0] != "text/html" and negotiate(self.headers.get("Accept"), GRAPH_TYPES, "turtle"):
                self._description()
            else:
                self._home()
            return
        self._query(params["query"], params)

    do_HEAD = do_GET

    def _description(self) -> None:
        import pyoxigraph as ox
        fmt = negotiate(self.headers.get("Accept"), GRAPH_TYPES, "turtle")
        app = self.server.app
        triples = [q.triple for q in ox.parse(service_description(app.base).encode("utf-8"), format=ox.RdfFormat.TURTLE)]
        rdf_format = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML,
                      "jsonld": ox.RdfFormat.JSON_LD, "nq": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}[fmt]
        if fmt in ("nq", "trig"):
            triples = [ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples]
        self._send(200, ox.serialize(triples, format=rdf_format), {"Content-Type": FORMATS[fmt]})

    def _home(self) -> None:
        # The page shows text from the store (article titles), escaped; the policy forbids
        # scripts anyway.
        self._send(200, self.server.app.page, {
            "Content-Type": "text/html; charset=utf-8",
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"})

    def do_POST(self) -> None:
        if self._host_refused():
            return
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._error(404, "not found: the SPARQL endpoint is /sparql")
            return
        params = parse_qs(url.query, keep_blank_values=True)
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if self.headers.get("Content-Length") is None:
            self._error(411, "a POST needs a Content-Length")
            return
        length = self._length()
        if length is None or length < 0 or not self.headers["Content-Length"].strip().isdigit():
            self.close_connection = True
            self._error(400, "bad Content-Length")
            return
        if length > MAX_QUERY_BYTES:
            # Refused before it is read; what the client goes on sending is read and dropped
            # afterwards (up to a bound), so that it gets this answer rather than a reset.
            self.close_connection = True
            self._error(413, f"request too large: {length} bytes; the limit is {MAX_QUERY_BYTES} bytes")
            self._drain(length)
            return
        body = self.rfile.read(length)
        if len(body) < length:
            self.close_connection = True
            return  # the client left mid-body
        if ctype == "application/sparql-update" or "update" in params:
            self._refuse_update()
            return
        if ctype == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", errors="replace"), keep_blank_values=True)
            if "update" in form:
                self._refuse_update()
                return
            merged = {k: params.get(k, []) + form.get(k, []) for k in set(params) | set(form)}
            if "query" not in merged:
                self._error(400, "no query: send query=... (form) or an application/sparql-query body")
                return
            self._query(merged["query"], merged)
        elif ctype == "application/sparql-query":
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError:
                self._error(400, "the query is not valid UTF-8")
                return
            self._query([text], params)
        else:
            self._error(415, f"unsupported Content-Type '{ctype}': use application/x-www-form-urlencoded "
                             "(query=...) or application/sparql-query")

    def _read_only(self) -> None:
        self._error(405, "this endpoint is read-only: only GET, POST (queries) and OPTIONS",
                    {"Allow": "GET, POST, OPTIONS"})

    do_PUT = do_DELETE = do_PATCH = _read_only  # no Graph Store Protocol writes either

    # --- the query itself
    def _refuse_update(self) -> None:
        self._note = "update refused"
        self._error(403, "this endpoint is read-only: SPARQL updates (INSERT, DELETE, LOAD, CLEAR, DROP, "
                         "CREATE, ADD, MOVE, COPY) are refused; change the store with kg build / kg remove")

    def _drain(self, length: int) -> None:
        """Read and drop, for at most a second, a body we refused, so that the client, still
        sending, reads our answer rather than a reset connection."""
        self.close_connection = True
        left = min(length, DRAIN_LIMIT)
        end = time.monotonic() + 1.0
        try:
            self.connection.settimeout(0.2)
            while left > 0 and time.monotonic() < end:
                chunk = self.rfile.read1(min(left, 1 << 16))
                if not chunk:
                    break
                left -= len(chunk)
        except OSError:
            pass

    def _query(self, values: list[str], params: dict[str, list[str]]) -> None:
        app = self.server.app
        if len(values) != 1:
            self._error(400, "give exactly one query")
            return
        text = values[0]
        size = len(text.encode("utf-8"))
        if size > MAX_QUERY_BYTES:
            self._error(413, f"query too large: {size} bytes; the limit is {MAX_QUERY_BYTES} bytes")
            return
        if _nesting(text) > MAX_NESTING:
            # Oxigraph's recursive parser overflows its stack on very deep nesting.
            self._error(400, f"query nested too deeply (more than {MAX_NESTING} levels)")
            return
        kind = classify(text)
        if kind == "update":
            self._refuse_update()
            return
        if kind == "service":
            self._note = "SERVICE refused"
            self._error(403, "federated queries (SERVICE) are refused: this endpoint does not query other "
                             "endpoints")
            return
        fmt = (params.get("format") or params.get("output") or [None])[0]
        try:
            offset = int((params.get("offset") or ["0"])[0])
            if offset < 0:
                raise ValueError
        except ValueError:
            self._error(400, "offset must be a whole number of rows, 0 or more")
            return
        job = {"query": text, "accept": self.headers.get("Accept"), "format": fmt, "max_rows": app.max_rows,
               "offset": offset, "base": app.base, "max_memory": app.max_memory,
               "default_graphs": params.get("default-graph-uri", []),
               "named_graphs": params.get("named-graph-uri", [])}
        status, headers, body = app.pool.run(job, app.timeout, self.client_address[0], self._client_gone)
        if status is None:  # the client hung up; its query was stopped
            self._note = "client gone, query stopped"
            self.close_connection = True
            self.log_request("-")
            return
        headers = dict(headers)
        following = headers.pop("X-Irkg-Next-Offset", None)
        if following is not None and self.command == "GET":
            rest = [(k, v) for k, vs in params.items() if k != "offset" for v in vs]
            headers["Link"] = f'<{urlsplit(self.path).path}?{urlencode(rest + [("offset", following)])}>; rel="next"'
        elif following is not None:
            headers["Link"] = f'<?offset={following}>; rel="next"'  # POST it again with offset={following}
        if status == 200:
            self._note = (f"rows={headers['X-Irkg-Rows']}" if "X-Irkg-Rows" in headers else "") + (
                " truncated" if headers.get("X-Irkg-Truncated") == "true" else "")
        else:
            self._note = body.decode("utf-8", errors="replace").split("\n")[0][:100]
        self._send(status, body, headers)

    def _client_gone(self) -> bool:
        """True once the client has closed its end (a hung-up client's query is stopped at once)."""
        try:
            readable, _, _ = select.select([self.connection], [], [], 0)
            if not readable:
                return False
            return self.connection.recv(1, socket.MSG_PEEK) == b""
        except (OSError, ValueError):
            return True


# --- the home page and the service description -------------------------------------------------

def service_description(url: str) -> str:
    """The SPARQL 1.1 Service Description of the endpoint at `url`, in Turtle."""
    formats = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle",
               "N-Triples", "RDF_XML", "JSON-LD", "N-Quads", "TriG")
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix formats: <http://www.w3.org/ns/formats/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
<{url}> a sd:Service ;
    rdfs:label "irkg SPARQL endpoint (read-only)" ;
    sd:endpoint <{url}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:resultFormat {", ".join("formats:" + f for f in formats)} ;
    sd:feature sd:UnionDefaultGraph ;
    sd:defaultEntailmentRegime <http://www.w3.org/ns/entailment/Simple> ;
    sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .
"""



EXAMPLE_QUERY = """PREFIX ir: <https://w3id.org/irkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?source ?relation ?target ?date WHERE {
  ?e a ir:Consult ; ir:source ?s ; ir:target ?t ; ir:relation ?r .
  ?s rdfs:label ?source . ?t rdfs:label ?target . ?r rdfs:label ?relation .
  OPTIONAL { ?e ir:date ?date }
}
ORDER BY ?date
LIMIT 50"""


def _summary(store_path: Path) -> dict:
    """What the home page says about the store (read once, at start-up)."""
    from .store import Store
    store = Store(store_path, create=False, read_only=True)
    prefixes = """PREFIX ir: <https://w3id.org/irkg/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        """
    n_articles = next(iter(store.query(prefixes + "SELECT (COUNT(?a) AS ?n) WHERE { ?a a ir:Article }")))["n"]
    latest = [(r["id"].value, r["title"].value if r["title"] else "", r["date"].value if r["date"] else "")
              for r in store.query(prefixes + """SELECT ?id ?title ?date WHERE {
                  ?a a ir:Article ; ir:articleId ?id .
                  OPTIONAL { ?a dcterms:title ?title } OPTIONAL { ?a dcterms:date ?date }
                } ORDER BY DESC(?date) ?id LIMIT 20""")]
    return {"triples": len(store), "graphs": len(store.named_graphs()), "articles": int(n_articles.value),
            "latest": latest}


def _page(store_path: Path, url: str, summary: dict, timeout: float, max_rows: int, isolated: bool) -> bytes:
    e = html.escape
    n = summary["articles"]
    shown = "".join(f"<li><code>{e(aid)}</code> {e(title)} {e(date)}</li>" for aid, title, date in summary["latest"])
    more = f"<li>… and {n - len(summary['latest'])} more</li>" if n > len(summary["latest"]) else ""
    example = f"{url}?query={quote(EXAMPLE_QUERY)}"
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>irkg SPARQL endpoint</title>
<style>body{{font:15px/1.5 system-ui,sans-serif;max-width:52rem;margin:2rem auto;padding:0 1rem}}
code,textarea{{font:13px ui-monospace,monospace}}textarea{{width:100%;height:12rem}}</style></head>
<body>
<h1>irkg SPARQL endpoint</h1>
<p>A read-only <a href="https://www.w3.org/TR/sparql11-protocol/">SPARQL 1.1 Protocol</a> endpoint
over an irkg international-relations knowledge graph:
{summary['triples']} triples in {summary['graphs']} named graphs, {n} articles.</p>
<p>Endpoint: <code>{e(url)}</code>. GET with <code>?query=</code>, or POST
<code>application/x-www-form-urlencoded</code> (<code>query=</code>) or <code>application/sparql-query</code>.
The default graph is the union of all named graphs; <code>GRAPH ?g</code> reaches each article's graph,
the actors graph and the ontology graph.</p>
<p>Results by the <code>Accept</code> header: <code>application/sparql-results+json</code> (default),
<code>text/csv</code>, <code>text/tab-separated-values</code>, <code>application/sparql-results+xml</code>;
CONSTRUCT and DESCRIBE as <code>text/turtle</code> (default), <code>application/n-triples</code>,
<code>application/rdf+xml</code>, <code>application/ld+json</code>.</p>
<p>Limits: a query may run {timeout:g} s; at most {max_rows} rows are returned, and a capped result
says so (<code>X-Irkg-Truncated: true</code>). Updates and <code>SERVICE</code> are refused
(query workers {'have no network' if isolated else 'keep the network; SERVICE is refused by a check of the query text'}).</p>
<form action="/sparql" method="get">
<textarea name="query" spellcheck="false">{e(EXAMPLE_QUERY)}</textarea>
<p><label>format <select name="format"><option>json</option><option>csv</option><option>tsv</option>
<option>xml</option></select></label> <button type="submit">Run</button>
<a href="{e(example)}">(the same as a link)</a></p>
</form>
<p>From a shell: <code>curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE {{ ?s ?p ?o }} LIMIT 10' {e(url)}</code></p>
<h2>Latest articles</h2>
<ul>{shown}{more}</ul>
</body></html>
""".encode("utf-8")


# --- entry point -----------------------------------------------------------------------------

def serve(store_path, host: str = "127.0.0.1", port: int = 8000, timeout: float = 30.0,
          max_rows: int = 10000, cors: tuple[str, ...] = (), allow_hosts: tuple[str, ...] = (),
          max_memory: int = DEFAULT_MAX_MEMORY) -> None:
    """Serve the store at http://HOST:PORT/sparql until SIGINT or SIGTERM. Port 0 picks a free one."""
    path = Path(store_path)
    summary = _summary(path)  # also fails early, with the store's own error, on a missing store
    pool = _Pool(path, WORKERS + 1, max_memory)  # one more than the cores: kept free for another client
    try:
        isolated = pool.start(STARTUP_TIMEOUT)
    except (_Timeout, _WorkerGone, ValueError) as e:
        pool.close()
        from .errors import KgError
        raise KgError("E202", path=path, detail=f"a query worker could not open it: {e}") from None
    app = _App(pool, timeout, max_rows, cors, max_memory)
    try:
        server = _Server((host, port), app)
    except OSError as e:
        pool.close()
        sys.stderr.write(f"kg: error: cannot listen on {host}:{port}: {e.strerror or e}\n")
        raise SystemExit(3) from None
    bound_host, bound_port = server.server_address[:2]
    shown_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    url = f"http://{shown_host}:{bound_port}/sparql"
    app.base = url
    app.hosts, app.any_ip_host = allowed_hosts(bound_host, bound_port, (host, *allow_hosts))
    app.page = _page(path, url, summary, timeout, max_rows, isolated)

    stop = threading.Event()
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, lambda signum, frame: stop.set())
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    thread.start()
    app.log(f"kg serve: listening on {url} (store {path}: {summary['triples']} triples, "
            f"{summary['graphs']} named graphs; read-only; timeout {timeout:g} s; max rows {max_rows}; "
            f"max memory {f'{max_memory} MiB' if max_memory else 'unlimited'} a query; "
            f"CORS {'for ' + ', '.join(cors) if cors else 'off'}; "
            f"{WORKERS + 1} query workers, {'without network' if isolated else 'network not isolated'}); "
            f"Ctrl-C stops")
    try:
        while not stop.wait(0.5):
            pass
    finally:
        app.log("kg serve: stopping")
        server.shutdown()
        server.server_close()
        pool.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        app.log("kg serve: stopped")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--worker":
        raise SystemExit(worker_main(sys.argv[2]))
    sys.stderr.write("usage: python -m kg.serve --worker STORE (started by kg serve; use `kg serve` instead)\n")
    raise SystemExit(2)
