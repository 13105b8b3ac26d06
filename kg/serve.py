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
  top-level "irkg": {"truncated": true, "limit": N} member in SPARQL JSON and a comment in
  XML, Turtle and N-Triples.

The store is opened read-only (pyoxigraph.Store.read_only) by the workers and, at start-up,
by the server for the summary on its home page. Reading a store that another process is
writing is undefined in RocksDB: serve a store no `kg build` or `kg remove` is writing, and
restart `kg serve` after a build to see the new data.

It listens on 127.0.0.1 unless told otherwise (--host), sends CORS headers (so that YASGUI
and other browser clients can use it), serves a short HTML page at /, logs one line per
request to stderr, and stops cleanly on SIGINT or SIGTERM.
"""
from __future__ import annotations

import html
import json
import os
import queue
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
from urllib.parse import parse_qs, quote, urlsplit

MAX_QUERY_BYTES = 100_000
DRAIN_LIMIT = 16 * 1024 * 1024  # an oversized body up to this is read and dropped, so the 413 reaches the client
WORKERS = max(1, min(4, os.cpu_count() or 1))  # queries running at once; more wait for a free worker
STARTUP_TIMEOUT = 60.0
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
               "application/ld+json": "jsonld"}
FORMATS = {"json": "application/sparql-results+json; charset=utf-8",
           "xml": "application/sparql-results+xml; charset=utf-8",
           "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8",
           "turtle": "text/turtle; charset=utf-8", "nt": "application/n-triples; charset=utf-8",
           "rdfxml": "application/rdf+xml; charset=utf-8", "jsonld": "application/ld+json; charset=utf-8"}
SHORT_NAMES = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "turtle": "turtle", "ttl": "turtle",
               "nt": "nt", "ntriples": "nt", "n-triples": "nt", "rdfxml": "rdfxml", "rdf": "rdfxml",
               "jsonld": "jsonld", "json-ld": "jsonld"}


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


def negotiate(accept: str | None, offers: dict[str, str], default: str, override: str | None = None) -> str:
    """The format key to answer with. Nothing acceptable on offer: the default (lenient, as
    most endpoints are, rather than 406)."""
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
            for offered, key in offers.items():
                if offered.startswith(mime[:-1]):
                    return key
    return default


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


def _nesting(text: str) -> int:
    """The deepest nesting of braces and brackets outside strings, IRIs and comments."""
    depth = deepest = 0
    for ch in _code(text):
        if ch in "{(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "})":
            depth -= 1
    return deepest


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
    return f"truncated: only the first {limit} results are shown (kg serve --max-rows)"


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
    try:
        result = store.query(job["query"], **kwargs)
        if isinstance(result, ox.QueryBoolean):
            fmt = negotiate(accept, BOOLEAN_TYPES, "json", override)
            body = result.serialize(format=ox.QueryResultsFormat.JSON if fmt == "json" else ox.QueryResultsFormat.XML)
            return 200, {"Content-Type": FORMATS[fmt]}, body
        if isinstance(result, ox.QuerySolutions):
            variables = [v.value for v in result.variables]
            rows = list(islice(result, limit + 1))  # one more than allowed tells whether it was capped
            truncated = len(rows) > limit
            rows = rows[:limit]
            doc: dict = {"head": {"vars": variables}, "results": {"bindings": [
                {v: _json_term(sol[v]) for v in variables if sol[v] is not None} for sol in rows]}}
            fmt = negotiate(accept, SOLUTION_TYPES, "json", override)
            if fmt == "json":
                if truncated:
                    doc["irkg"] = {"truncated": True, "limit": limit}
                body = json.dumps(doc, ensure_ascii=False).encode("utf-8")
            else:
                # Oxigraph writes CSV, TSV and XML from the same (capped) solutions.
                parsed = ox.parse_query_results(json.dumps(doc).encode("utf-8"), format=ox.QueryResultsFormat.JSON)
                body = parsed.serialize(format={"csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV,
                                                "xml": ox.QueryResultsFormat.XML}[fmt])
                if truncated and fmt == "xml":
                    body = _xml_comment(body, _truncation_note(limit))
            return 200, _result_headers(fmt, len(rows), truncated, limit), body
        # CONSTRUCT / DESCRIBE: the row limit counts triples.
        triples = list(islice(result, limit + 1))
        truncated = len(triples) > limit
        triples = triples[:limit]
        fmt = negotiate(accept, GRAPH_TYPES, "turtle", override)
        rdf_format = {"turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML,
                      "jsonld": ox.RdfFormat.JSON_LD}[fmt]
        body = ox.serialize(triples, format=rdf_format, **({"prefixes": PREFIXES} if fmt == "turtle" else {}))
        if truncated and fmt in ("turtle", "nt"):
            body = f"# {_truncation_note(limit)}\n".encode("utf-8") + body
        elif truncated and fmt == "rdfxml":
            body = _xml_comment(body, _truncation_note(limit))
        return 200, _result_headers(fmt, len(triples), truncated, limit), body
    except SyntaxError as e:
        return _text_response(400, f"bad query: {e}")
    except OSError as e:  # evaluation errors surface while the solutions are read
        return _text_response(500, f"query failed: {e}")


def _result_headers(fmt: str, rows: int, truncated: bool, limit: int) -> dict:
    return {"Content-Type": FORMATS[fmt], "X-Irkg-Rows": str(rows),
            "X-Irkg-Truncated": "true" if truncated else "false", "X-Irkg-Row-Limit": str(limit)}


def _xml_comment(body: bytes, note: str) -> bytes:
    """Put a comment right after the XML declaration (a comment may not come before it)."""
    comment = f"<!-- {note} -->".encode("utf-8")
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


def _write_message(out, meta: dict, body: bytes = b"") -> None:
    meta = dict(meta, length=len(body))
    out.write(json.dumps(meta).encode("utf-8") + b"\n" + body)
    out.flush()


def worker_main(store_path: str) -> int:
    """The worker process: jobs as JSON lines on stdin; for each, a JSON line of status and
    headers with the body's length, then the body, on stdout."""
    isolated = _leave_network()
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything else written to stdout goes to stderr, not into the replies
    sys.stdout = sys.stderr
    import pyoxigraph as ox
    try:
        store = ox.Store.read_only(store_path)
    except OSError as e:
        _write_message(out, {"ready": False, "error": str(e)})
        return 1
    _write_message(out, {"ready": True, "network_isolated": isolated})
    for line in sys.stdin.buffer:
        try:
            status, headers, body = execute(store, json.loads(line))
        except Exception as e:  # every job gets an answer, or the server would wait for nothing
            status, headers, body = _text_response(500, f"query failed: {type(e).__name__}: {e}")
        _write_message(out, {"status": status, "headers": headers}, body)
    return 0


# --- the server side of the pool -------------------------------------------------------------

class _Timeout(Exception):
    pass


class _WorkerGone(Exception):
    pass


class _Worker:
    """One worker process and the bytes read from it so far."""

    def __init__(self, store_path: Path) -> None:
        env = dict(os.environ)
        # The child must import this very kg package, wherever the command was started from.
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).resolve().parent.parent),
                                                          env.get("PYTHONPATH")]))
        self.proc = subprocess.Popen([sys.executable, "-m", "kg.serve", "--worker", str(store_path)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0, env=env)
        self.buf = bytearray()
        self.ready = False
        self.network_isolated = False

    def _fill(self, deadline: float) -> None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise _Timeout
        fd = self.proc.stdout.fileno()
        readable, _, _ = select.select([fd], [], [], remaining)
        if not readable:
            raise _Timeout
        chunk = os.read(fd, 1 << 16)
        if not chunk:
            raise _WorkerGone(f"worker exited with code {self.proc.poll()}")
        self.buf += chunk

    def _message(self, deadline: float) -> tuple[dict, bytes]:
        while b"\n" not in self.buf:
            self._fill(deadline)
        end = self.buf.index(b"\n")
        meta = json.loads(bytes(self.buf[:end]))
        del self.buf[:end + 1]
        while len(self.buf) < meta["length"]:
            self._fill(deadline)
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

    def run(self, job: dict, deadline: float) -> tuple[dict, bytes]:
        self.wait_ready(deadline)
        data = memoryview(json.dumps(job).encode("utf-8") + b"\n")
        fd = self.proc.stdin.fileno()
        while data:
            data = data[os.write(fd, data):]
        return self._message(deadline)

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
    """A fixed number of workers; a request borrows one, and one that overran is replaced."""

    def __init__(self, store_path: Path, size: int) -> None:
        self.store_path = store_path
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.all: set[_Worker] = set()
        self.lock = threading.Lock()
        self.closed = False
        for _ in range(size):
            self.idle.put(self._new())

    def _new(self) -> _Worker:
        w = _Worker(self.store_path)
        with self.lock:
            self.all.add(w)
        return w

    def _replace(self, w: _Worker) -> None:
        w.kill()
        with self.lock:
            self.all.discard(w)
            if self.closed:
                return
        self.idle.put(self._new())

    def start(self, timeout: float) -> bool:
        """Wait until every worker has the store open; True if all are off the network."""
        deadline = time.monotonic() + timeout
        workers = list(self.all)
        for w in workers:
            w.wait_ready(deadline)
        return all(w.network_isolated for w in workers)

    def run(self, job: dict, timeout: float) -> tuple[int, dict, bytes]:
        deadline = time.monotonic() + timeout
        try:
            w = self.idle.get(timeout=timeout)
        except queue.Empty:
            return _text_response(503, f"all {len(self.all)} query workers stayed busy for the whole "
                                       f"{timeout:g} s timeout; try again later")
        try:
            meta, body = w.run(job, deadline)
        except _Timeout:
            self._replace(w)  # the only way to stop an Oxigraph query: end its process
            return _text_response(503, f"query timed out after {timeout:g} s (the timeout of kg serve, "
                                       f"--timeout) and was stopped; narrow it down or add a LIMIT")
        except (_WorkerGone, OSError, ValueError, KeyError) as e:
            self._replace(w)
            return _text_response(500, f"query worker failed: {e}")
        self.idle.put(w)
        return meta["status"], meta["headers"], body

    def close(self) -> None:
        with self.lock:
            self.closed = True
            workers = list(self.all)
            self.all.clear()
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

    def __init__(self, pool: _Pool, timeout: float, max_rows: int) -> None:
        self.pool = pool
        self.timeout = timeout
        self.max_rows = max_rows
        self.page = b""
        self._log_lock = threading.Lock()

    def log(self, line: str) -> None:
        with self._log_lock:
            sys.stderr.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {line}\n")
            sys.stderr.flush()


class _Handler(BaseHTTPRequestHandler):
    server_version = "irkg-sparql/0.1"
    server: _Server
    timeout = 60  # an idle connection must not hold a thread for ever

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
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Access-Control-Expose-Headers", "X-Irkg-Truncated, X-Irkg-Row-Limit, X-Irkg-Rows")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _error(self, status: int, message: str, headers: dict | None = None) -> None:
        self._note = self._note or message.split(";")[0][:80]
        _, h, body = _text_response(status, message)
        self._send(status, body, {**h, **(headers or {})})

    # --- methods
    def do_OPTIONS(self) -> None:  # CORS preflight
        self._send(204, b"", {"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                              "Access-Control-Allow-Headers": "Content-Type, Accept",
                              "Access-Control-Max-Age": "86400"})

    def do_GET(self) -> None:
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
        if "query" not in params:  # a browser opening /sparql gets the page that explains it
            self._home()
            return
        self._query(params["query"], params)

    def _home(self) -> None:
        # The page shows text from the store (article titles), escaped; the policy forbids
        # scripts anyway.
        self._send(200, self.server.app.page, {
            "Content-Type": "text/html; charset=utf-8",
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"})

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        if url.path != "/sparql":
            self._error(404, "not found: the SPARQL endpoint is /sparql")
            return
        params = parse_qs(url.query, keep_blank_values=True)
        ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if self.headers.get("Content-Length") is None:
            self._error(411, "a POST needs a Content-Length")
            return
        try:
            length = int(self.headers["Content-Length"])
        except ValueError:
            self._error(400, "bad Content-Length")
            return
        if length > MAX_QUERY_BYTES:
            self._drain(length)
            self._error(413, f"request too large: {length} bytes; the limit is {MAX_QUERY_BYTES} bytes")
            return
        body = self.rfile.read(length)
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
        """Read and drop a body we refuse, so that the client, still sending, gets our answer
        rather than a reset connection."""
        self.close_connection = True
        left = min(length, DRAIN_LIMIT)
        while left > 0:
            chunk = self.rfile.read(min(left, 1 << 16))
            if not chunk:
                break
            left -= len(chunk)

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
        job = {"query": text, "accept": self.headers.get("Accept"), "format": fmt, "max_rows": app.max_rows,
               "default_graphs": params.get("default-graph-uri", []),
               "named_graphs": params.get("named-graph-uri", [])}
        status, headers, body = app.pool.run(job, app.timeout)
        if status == 200:
            self._note = (f"rows={headers['X-Irkg-Rows']}" if "X-Irkg-Rows" in headers else "") + (
                " truncated" if headers.get("X-Irkg-Truncated") == "true" else "")
        else:
            self._note = body.decode("utf-8", errors="replace").split("\n")[0][:100]
        self._send(status, body, headers)


# --- the home page ---------------------------------------------------------------------------

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
over the irkg international-relations knowledge graph in the store <code>{e(str(store_path))}</code>:
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
          max_rows: int = 10000) -> None:
    """Serve the store at http://HOST:PORT/sparql until SIGINT or SIGTERM. Port 0 picks a free one."""
    path = Path(store_path)
    summary = _summary(path)  # also fails early, with the store's own error, on a missing store
    pool = _Pool(path, WORKERS)
    try:
        isolated = pool.start(STARTUP_TIMEOUT)
    except (_Timeout, _WorkerGone, ValueError) as e:
        pool.close()
        from .errors import KgError
        raise KgError("E202", path=path, detail=f"a query worker could not open it: {e}") from None
    app = _App(pool, timeout, max_rows)
    try:
        server = _Server((host, port), app)
    except OSError as e:
        pool.close()
        sys.stderr.write(f"kg: error: cannot listen on {host}:{port}: {e.strerror or e}\n")
        raise SystemExit(3) from None
    bound_host, bound_port = server.server_address[:2]
    shown_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    url = f"http://{shown_host}:{bound_port}/sparql"
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
            f"{WORKERS} query workers, {'without network' if isolated else 'network not isolated'}); "
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
