"""`kg serve`: the SPARQL 1.1 Protocol endpoint, started from the command line as a separate
process, and spoken to by curl, urllib, SPARQLWrapper and rdflib's SPARQLStore."""
from __future__ import annotations

import csv
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest

from endpoint import Server
from kg.serve import MAX_QUERY_BYTES, classify, negotiate, SOLUTION_TYPES

pytestmark = pytest.mark.model

COUNT_GRAPHS = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
ARTICLE = "https://w3id.org/irkg/id/article/000_752275d0ded06cc5"
DCTERMS_TITLE = "http://purl.org/dc/terms/title"
NASTY_TITLE = "<script>alert('x')</script> & Co"


# --- fixtures: a private copy of the seed store, and servers started from the CLI -------------

@pytest.fixture(scope="module")
def served_store(seed_store, tmp_path_factory) -> Path:
    """A copy of the seed store for the servers alone (a store read by a server must not be
    written meanwhile), with an article title that would be markup if not escaped."""
    path = tmp_path_factory.mktemp("served") / "store"
    src = ox.Store.read_only(str(seed_store))
    quads = list(src)
    graph = next(q.graph_name for q in quads if q.subject == ox.NamedNode(ARTICLE))
    quads.append(ox.Quad(ox.NamedNode(ARTICLE), ox.NamedNode(DCTERMS_TITLE), ox.Literal(NASTY_TITLE), graph))
    dst = ox.Store(str(path))
    dst.extend(quads)
    dst.flush()
    del dst, src
    return path


@pytest.fixture
def start_server(served_store, tmp_path):
    """Start `kg serve` with extra options; every server started is stopped at the end."""
    servers = []

    def start(*args: str) -> Server:
        s = Server(served_store, tmp_path / f"serve{len(servers)}.log", *args)
        servers.append(s)
        return s

    yield start
    for s in servers:
        s.stop()


@pytest.fixture(scope="module")
def server(served_store, tmp_path_factory):
    s = Server(served_store, tmp_path_factory.mktemp("log") / "serve.log")
    yield s
    s.stop()


def http(url: str, data: bytes | None = None, headers: dict | None = None, method: str | None = None):
    """(status, headers, body) for any status, with urllib."""
    req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def post_query(url: str, query: str, accept: str | None = None):
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if accept:
        headers["Accept"] = accept
    return http(url, urllib.parse.urlencode({"query": query}).encode(), headers)


def _n_graphs(store: Path) -> int:
    s = ox.Store.read_only(str(store))
    return len(list(s.named_graphs()))


# --- the count of named graphs, to four clients ------------------------------------------------

@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed (Debian package curl)")
def test_serve_answers_curl(server, served_store):
    out = subprocess.run(["curl", "-sS", "--fail", "-H", "Accept: application/sparql-results+json",
                          "--data-urlencode", f"query={COUNT_GRAPHS}", server.url],
                         capture_output=True, text=True, timeout=60, check=True).stdout
    n = int(json.loads(out)["results"]["bindings"][0]["n"]["value"])
    assert n == _n_graphs(served_store) == 3  # the article, the actors, the ontology
    # GET too, and CSV
    out = subprocess.run(["curl", "-sS", "--fail", "-G", "-H", "Accept: text/csv",
                          "--data-urlencode", f"query={COUNT_GRAPHS}", server.url],
                         capture_output=True, text=True, timeout=60, check=True).stdout
    assert out.splitlines() == ["n", "3"]


def test_serve_answers_urllib_get_and_both_posts(server):
    q = urllib.parse.quote(COUNT_GRAPHS)
    status, headers, body = http(f"{server.url}?query={q}")
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "3"
    status, _, body = post_query(server.url, COUNT_GRAPHS)
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "3"
    status, _, body = http(server.url, COUNT_GRAPHS.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "3"


def test_serve_answers_sparqlwrapper(server):
    from SPARQLWrapper import JSON, SPARQLWrapper
    sw = SPARQLWrapper(server.url)
    sw.setQuery(COUNT_GRAPHS)
    sw.setReturnFormat(JSON)
    res = sw.query().convert()
    assert int(res["results"]["bindings"][0]["n"]["value"]) == 3
    sw.setMethod("POST")
    assert int(sw.query().convert()["results"]["bindings"][0]["n"]["value"]) == 3


def test_serve_answers_rdflib_sparqlstore(server):
    from rdflib import Graph
    from rdflib.plugins.stores.sparqlstore import SPARQLStore
    g = Graph(store=SPARQLStore(server.url))
    [row] = list(g.query(COUNT_GRAPHS))
    assert int(row[0]) == 3
    # rdflib asks for XML results by default: the same per-graph counts as JSON
    rows = {str(r[0]): int(r[1]) for r in g.query(PER_GRAPH)}
    assert set(rows) >= {"https://w3id.org/irkg/id/graph/actors", "https://w3id.org/irkg/ontology",
                         "https://w3id.org/irkg/id/graph/000_752275d0ded06cc5"}


# --- formats ----------------------------------------------------------------------------------

def test_serve_result_formats_by_accept(server):
    status, h, body = post_query(server.url, PER_GRAPH)
    assert status == 200
    expected = [(b["g"]["value"], b["n"]["value"]) for b in json.loads(body)["results"]["bindings"]]
    assert len(expected) == 3

    status, h, body = post_query(server.url, PER_GRAPH, "text/csv")
    assert status == 200 and h["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    assert rows[0] == ["g", "n"] and [tuple(r) for r in rows[1:]] == expected

    status, h, body = post_query(server.url, PER_GRAPH, "text/tab-separated-values")
    assert status == 200 and h["Content-Type"].startswith("text/tab-separated-values")
    lines = body.decode("utf-8").splitlines()
    assert lines[0] == "?g\t?n"
    got = [tuple(x.split("\t")) for x in lines[1:]]
    assert [g for g, _ in got] == [f"<{g}>" for g, _ in expected]
    # TSV terms are in Turtle syntax, where an integer may be written bare
    assert all(n in (m, f'"{m}"^^<http://www.w3.org/2001/XMLSchema#integer>')
               for (_, n), (_, m) in zip(got, expected))

    status, h, body = post_query(server.url, PER_GRAPH, "application/sparql-results+xml")
    assert status == 200 and h["Content-Type"].startswith("application/sparql-results+xml")
    from rdflib.query import Result
    parsed = Result.parse(io.BytesIO(body), format="xml")
    assert [(str(r[0]), str(r[1])) for r in parsed] == expected


def test_serve_ask_construct_and_graph(server):
    status, h, body = post_query(server.url, "ASK { ?s a <https://w3id.org/irkg/ontology#Event> }")
    assert status == 200 and json.loads(body) == {"head": {}, "boolean": True}
    status, h, body = post_query(server.url, "ASK { ?s a <urn:nothing> }", "application/sparql-results+xml")
    assert status == 200 and b"<boolean>false</boolean>" in body

    q = f"CONSTRUCT {{ <{ARTICLE}> ?p ?o }} WHERE {{ <{ARTICLE}> ?p ?o }}"
    status, h, body = post_query(server.url, q)
    assert status == 200 and h["Content-Type"].startswith("text/turtle")
    from rdflib import Graph
    g = Graph().parse(data=body.decode("utf-8"), format="turtle")
    status, h, body = post_query(server.url, q, "application/n-triples")
    assert status == 200 and h["Content-Type"].startswith("application/n-triples")
    assert len(Graph().parse(data=body.decode("utf-8"), format="nt")) == len(g) > 10

    # GRAPH reaches the named graphs; the default graph is their union
    status, _, body = post_query(server.url, "SELECT ?g WHERE { GRAPH ?g { ?a a <https://w3id.org/irkg/ontology#Article> } }")
    assert [b["g"]["value"] for b in json.loads(body)["results"]["bindings"]] == [
        "https://w3id.org/irkg/id/graph/000_752275d0ded06cc5"]
    status, _, body = post_query(server.url, "SELECT (COUNT(*) AS ?n) WHERE { ?e a <https://w3id.org/irkg/ontology#Event> }")
    assert int(json.loads(body)["results"]["bindings"][0]["n"]["value"]) >= 15


def test_serve_bad_query_is_400_and_a_string_saying_service_is_fine(server):
    status, _, body = post_query(server.url, "SELECT WHERE {")
    assert status == 400 and b"bad query" in body
    q = 'SELECT ?x WHERE { BIND("Secret Service" AS ?x) }'  # the word, in a string, is no SERVICE
    status, _, body = post_query(server.url, q)
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["x"]["value"] == "Secret Service"


# --- what it refuses ---------------------------------------------------------------------------

def _triples(url: str) -> int:
    status, _, body = post_query(url, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert status == 200
    return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])


def test_serve_refuses_updates_and_the_store_is_unchanged(server, served_store):
    before = _triples(server.url)
    update = "INSERT DATA { GRAPH <urn:g> { <urn:s> <urn:p> <urn:o> } }"
    attempts = [
        (server.url, urllib.parse.urlencode({"update": update}).encode(), {"Content-Type": "application/x-www-form-urlencoded"}),
        (server.url, update.encode(), {"Content-Type": "application/sparql-update"}),
        (server.url, b"DROP ALL", {"Content-Type": "application/sparql-update"}),
        (server.url, urllib.parse.urlencode({"query": update}).encode(), {"Content-Type": "application/x-www-form-urlencoded"}),
        (server.url, b"PREFIX x: <urn:x#>\n# a comment\nDELETE WHERE { ?s ?p ?o }", {"Content-Type": "application/sparql-query"}),
        (f"{server.url}?update={urllib.parse.quote('CLEAR ALL')}", None, {}),
    ]
    for url, data, headers in attempts:
        status, _, body = http(url, data, headers)
        assert status == 403, (data, status, body)
        assert b"read-only" in body
    assert http(server.url, b"", method="DELETE")[0] == 405
    assert _triples(server.url) == before
    status, _, body = post_query(server.url, "ASK { GRAPH ?g { <urn:s> ?p ?o } }")
    assert json.loads(body)["boolean"] is False
    assert len(ox.Store.read_only(str(served_store))) == before


def test_serve_refuses_service_and_reaches_nobody(server):
    # A listener on loopback that counts connections: a federated query must not reach it.
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    hits = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
                hits.append(1)
                conn.close()
            except OSError:
                pass

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    try:
        for q in [f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
                  f"select * {{ service silent <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
                  f"SELECT * WHERE {{ ?a ?b ?c .SERVICE<http://127.0.0.1:{port}/>{{ ?s ?p ?o }} }} LIMIT 1"]:
            status, _, body = post_query(server.url, q)
            assert status == 403, (q, body)
            assert b"SERVICE" in body
        time.sleep(0.5)
    finally:
        stop.set()
        t.join(2)
        listener.close()
    assert hits == []


def test_serve_refuses_oversized_query_with_413(server):
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * MAX_QUERY_BYTES
    status, _, body = http(server.url, big.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 413 and b"limit" in body
    status, _, body = post_query(server.url, big)
    assert status == 413


@pytest.mark.parametrize("text,kind", [
    ("SELECT * WHERE { ?s ?p ?o }", None),
    ("DESCRIBE <urn:x>", None),
    ('SELECT * WHERE { ?s ?p "SERVICE" }', None),
    ("SELECT * WHERE { ?s ?p '''a\nservice''' }", None),
    ("SELECT ?service WHERE { ?service ?p ?o }", None),
    ("PREFIX service: <urn:s#> SELECT * WHERE { ?s service:x ?o . ?s <urn:SERVICE> ?o } # SERVICE", None),
    ("PREFIX ex: <urn:s#> SELECT * WHERE { ?s ex:SERVICE ?o }", None),
    ("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", "service"),
    ("SELECT * WHERE { service silent ?endpoint { ?s ?p ?o } }", "service"),
    ("SELECT * WHERE { ?s ?p ?o .SERVICE<http://x/>{} }", "service"),
    ('SELECT * WHERE { ?s ?p "a \\" SERVICE <http://x/> {} " }', None),
    ('SELECT * WHERE { ?s ?p "a \\\\" . SERVICE <http://x/> {} }', "service"),
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "update"),
    ("PREFIX ex: <urn:x#>\nBASE <urn:y>\n# c\n  delete where { ?s ?p ?o }", "update"),
    ("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "update"),
    ("LOAD <http://example.org/data.ttl>", "update"),
    ("drop all", "update"),
])
def test_classify(text, kind):
    assert classify(text) == kind


def test_negotiate():
    assert negotiate(None, SOLUTION_TYPES, "json") == "json"
    assert negotiate("text/csv", SOLUTION_TYPES, "json") == "csv"
    assert negotiate("text/csv;q=0.5, application/sparql-results+xml", SOLUTION_TYPES, "json") == "xml"
    assert negotiate("text/html, */*;q=0.1", SOLUTION_TYPES, "json") == "json"
    assert negotiate("text/*", SOLUTION_TYPES, "json") == "csv"  # plain text before XML
    assert negotiate("image/png", SOLUTION_TYPES, "json") is None  # 406
    assert negotiate("*/*;q=0", SOLUTION_TYPES, "json") is None
    assert negotiate("text/csv", SOLUTION_TYPES, "json", override="tsv") == "tsv"


# --- limits -----------------------------------------------------------------------------------

def test_serve_row_cap_is_reported(start_server):
    s = start_server("--max-rows", "3")
    q = "SELECT * WHERE { ?s ?p ?o }"
    status, h, body = post_query(s.url, q)
    doc = json.loads(body)
    assert status == 200 and len(doc["results"]["bindings"]) == 3
    assert h["X-Irkg-Truncated"] == "true" and h["X-Irkg-Row-Limit"] == "3"
    assert doc["irkg"] == {"truncated": True, "limit": 3, "next_offset": 3}
    status, h, body = post_query(s.url, q, "text/csv")
    assert len(body.decode("utf-8").splitlines()) == 1 + 3 and h["X-Irkg-Truncated"] == "true"
    status, h, body = post_query(s.url, "CONSTRUCT WHERE { ?s ?p ?o }", "application/n-triples")
    lines = body.decode("utf-8").splitlines()
    assert lines[0].startswith("# truncated") and len(lines) == 1 + 3 and h["X-Irkg-Truncated"] == "true"
    # not capped: said too, and the JSON is plain SPARQL JSON
    status, h, body = post_query(s.url, COUNT_GRAPHS)
    assert h["X-Irkg-Truncated"] == "false" and "irkg" not in json.loads(body)
    assert "rows=3 truncated" in s.log()


def test_serve_pages_through_a_capped_result_by_its_next_links(start_server):
    s = start_server("--max-rows", "5")
    where = "WHERE { ?s a <https://w3id.org/irkg/ontology#Event> ; ?p ?o . FILTER(isIRI(?o) || isLiteral(?o)) }"
    q = f"SELECT DISTINCT ?s ?p ?o {where} ORDER BY ?s ?p ?o"
    _, _, whole = post_query(server_url := s.url, f"SELECT (COUNT(DISTINCT *) AS ?n) {where}")
    total = int(json.loads(whole)["results"]["bindings"][0]["n"]["value"])
    seen, path, pages = [], "/sparql?" + urllib.parse.urlencode({"query": q}), 0
    while path:
        status, h, body = s.request("GET", path, headers={"Accept": "text/csv"})
        assert status == 200
        seen += [tuple(r) for r in list(csv.reader(io.StringIO(body.decode("utf-8"))))[1:]]
        link = h.get("link")
        path = link[1:link.index(">")] if link else None
        pages += 1
    assert len(seen) == total == len(set(seen)) and pages == -(-total // 5)
    # XML stays well-formed when cut: the note holds no "--"
    status, h, body = post_query(server_url, q, "application/sparql-results+xml")
    import xml.dom.minidom
    xml.dom.minidom.parseString(body)
    assert b"<!--" in body and h["X-Irkg-Truncated"] == "true"


def test_serve_timeout_answers_on_time_and_recovers(start_server):
    s = start_server("--timeout", "1")
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 4000^3 rows
    t0 = time.monotonic()
    status, _, body = post_query(s.url, slow)
    elapsed = time.monotonic() - t0
    assert status == 503, body
    assert b"timed out after 1 s" in body
    assert elapsed < 5
    # the worker was replaced: the next query is answered
    status, _, body = post_query(s.url, COUNT_GRAPHS)
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "3"


# --- the page, CORS, logging, the address, shutdown --------------------------------------------

def test_serve_home_page_escapes_store_text(server):
    status, h, body = http(server.base + "/")
    page = body.decode("utf-8")
    assert status == 200 and h["Content-Type"].startswith("text/html")
    assert "irkg SPARQL endpoint" in page and server.url in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Co" in page
    assert "<script>" not in page
    assert "default-src 'none'" in h["Content-Security-Policy"]
    assert http(server.base + "/nothing")[0] == 404


def test_serve_sends_no_cors_headers_unless_an_origin_is_named(server, start_server):
    cross = {"Origin": "https://evil.example", "Content-Type": "application/x-www-form-urlencoded"}
    body = urllib.parse.urlencode({"query": COUNT_GRAPHS}).encode()
    status, h, _ = http(server.url, body, cross)
    assert status == 200 and "Access-Control-Allow-Origin" not in h
    status, h, _ = http(server.url, method="OPTIONS", headers={**cross, "Access-Control-Request-Method": "POST"})
    assert "Access-Control-Allow-Origin" not in h and "Access-Control-Allow-Methods" not in h
    s = start_server("--cors", "https://yasgui.example")
    status, h, _ = http(s.url, body, {**cross, "Origin": "https://yasgui.example"})
    assert h["Access-Control-Allow-Origin"] == "https://yasgui.example" and h["Vary"] == "Origin"
    status, h, _ = http(s.url, method="OPTIONS", headers={"Origin": "https://yasgui.example",
                                                          "Access-Control-Request-Method": "POST"})
    assert status == 204 and "POST" in h["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Origin" not in http(s.url, body, cross)[1]  # another origin still gets none


@pytest.mark.parametrize("host,status", [
    ("evil.example", 403), ("evil.example:{port}", 403), ("127.0.0.1.nip.io:{port}", 403),
    ("127.0.0.1:{port}", 200), ("localhost:{port}", 200), ("LOCALHOST:{port}", 200),
])
def test_serve_answers_only_for_its_own_host(server, host, status):
    """DNS rebinding: a page of evil.example whose name now resolves to 127.0.0.1 sends its
    own name as Host, and gets nothing; nothing runs."""
    got, _, body = server.request("GET", "/sparql?" + urllib.parse.urlencode({"query": COUNT_GRAPHS}),
                                  headers={"Host": host.format(port=server.port)})
    assert got == status, body
    got, _, body = server.request("GET", "/", headers={"Host": host.format(port=server.port)})
    assert got == status


def test_serve_home_page_shows_no_filesystem_path(server, served_store):
    page = http(server.base + "/")[2].decode("utf-8")
    assert str(served_store) not in page and served_store.name not in page and "/tmp" not in page


def test_serve_logs_one_line_per_request(start_server):
    s = start_server()
    post_query(s.url, COUNT_GRAPHS)
    http(s.base + "/")
    post_query(s.url, "DROP ALL")
    time.sleep(0.3)
    lines = [x for x in s.log().splitlines() if " 127.0.0.1 " in x]
    assert len(lines) == 1 + 3, lines  # the start-up poll of / by the fixture, then ours
    assert " POST /sparql 200 " in lines[1] and "rows=1" in lines[1]
    assert " GET / 200 " in lines[2]
    assert " POST /sparql 403 " in lines[3] and "update refused" in lines[3]


def _listening(port: int) -> list[str]:
    """Local addresses (hex, as in /proc/net/tcp{,6}) listening on `port`."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not os.path.exists(table):
            continue
        with open(table) as f:
            next(f)
            for line in f:
                fields = line.split()
                addr, state = fields[1], fields[3]
                if state == "0A" and int(addr.rsplit(":", 1)[1], 16) == port:
                    found.append(addr.rsplit(":", 1)[0])
    return found


@pytest.mark.skipif(not os.path.exists("/proc/net/tcp"), reason="needs Linux /proc/net/tcp")
def test_serve_listens_on_loopback_only_by_default(server):
    assert _listening(server.port) == ["0100007F"]  # 127.0.0.1, and nothing else
    assert f"listening on http://127.0.0.1:{server.port}/sparql" in server.log()


def _workers_of(pid: int) -> list[int]:
    """The query worker processes that the server `pid` started."""
    pids = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                ppid = int((d / "stat").read_text().rsplit(")", 1)[1].split()[1])
                cmd = (d / "cmdline").read_bytes().split(b"\0")
            except (OSError, IndexError, ValueError):
                continue
            if ppid == pid and b"--worker" in cmd:
                pids.append(int(d.name))
    return pids


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.skipif(not os.path.exists("/proc/self/stat"), reason="needs Linux /proc")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_serve_stops_cleanly_on_signal(start_server, sig):
    s = start_server()
    workers = _workers_of(s.proc.pid)
    assert len(workers) >= 1
    assert s.stop(sig) == 0
    assert "kg serve: stopped" in s.log()
    deadline = time.monotonic() + 5
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(p) for p in workers)
    with pytest.raises(OSError):
        urllib.request.urlopen(s.base + "/", timeout=2)


# --- fair scheduling: runaways, hung-up clients, memory, parser depth ------------------------------

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 4000^3 rows


def _post_from(source: str, port: int, query: str, timeout: float = 60) -> tuple[int, bytes]:
    """POST a query from a given loopback address (127.0.0.0/8 is all this host's)."""
    import http.client

    class Conn(http.client.HTTPConnection):
        def connect(self):
            self.sock = socket.create_connection((self.host, self.port), self.timeout, (source, 0))

    conn = Conn("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", "/sparql", urllib.parse.urlencode({"query": query}),
                     {"Content-Type": "application/x-www-form-urlencoded"})
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


def test_serve_runaways_of_one_client_do_not_delay_another_client(start_server):
    s = start_server("--timeout", "20")
    def runaway():
        try:
            _post_from("127.0.0.1", s.port, RUNAWAY)
        except OSError:
            pass  # the server stops at the end of the test, under the runaways' feet

    runaways = [threading.Thread(target=runaway, daemon=True) for _ in range(3)]
    for t in runaways:
        t.start()
    time.sleep(1.0)  # all three sent: they hold what they may of the workers
    t0 = time.monotonic()
    status, body = _post_from("127.0.0.2", s.port, COUNT_GRAPHS)
    assert status == 200 and json.loads(body)["results"]["bindings"][0]["n"]["value"] == "3"
    assert time.monotonic() - t0 < 1.0


def test_serve_stops_the_query_of_a_client_that_hangs_up(start_server):
    s = start_server("--timeout", "60")
    sock = socket.create_connection(("127.0.0.1", s.port))
    body = urllib.parse.urlencode({"query": RUNAWAY}).encode()
    sock.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                 + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    time.sleep(0.5)
    sock.close()
    t0 = time.monotonic()
    while "client gone, query stopped" not in s.log():
        assert time.monotonic() - t0 < 1.0, s.log()
        time.sleep(0.05)
    status, _, body = post_query(s.url, COUNT_GRAPHS)  # and the pool is whole again
    assert status == 200


def test_serve_stops_a_query_past_the_memory_limit(start_server):
    s = start_server("--timeout", "60", "--max-memory", "200")
    t0 = time.monotonic()
    # a cartesian product sorted: every row is held in memory
    status, _, body = post_query(s.url, "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f")
    assert status == 503 and b"more than 200 MiB" in body, body
    assert time.monotonic() - t0 < 30
    assert post_query(s.url, COUNT_GRAPHS)[0] == 200


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { ?s ?p " + "[a " * 14000 + "1" + "]" * 14000 + " }",  # blank-node property lists
    "SELECT * WHERE { ?s ?p ?o FILTER(" + "!" * 40000 + "true) }",  # unary not
    "SELECT * WHERE { ?s ?p ?o FILTER(" + "- " * 20000 + "1) }",  # unary minus
    "SELECT * WHERE { ?s " + "^" * 20000 + "<urn:p> ?o }",  # inverse paths
    "SELECT * WHERE " + "{ " * 5000 + "?s ?p ?o" + " }" * 5000,  # group patterns
    "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "true" + ")" * 5000 + ") }",  # brackets
    "SELECT * WHERE { ?s ?p " + "(" * 5000 + "1" + ")" * 5000 + " }",  # collections
])
def test_serve_answers_parser_crashing_depth_with_400(server, query):
    status, _, body = http(server.url, query.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 400 and b"nested too deeply" in body
    assert post_query(server.url, COUNT_GRAPHS)[0] == 200  # the workers are fine
