"""The W3C SPARQL 1.1 Protocol tests (tests/data/w3c-protocol/manifest.ttl), run against `kg serve`,
and the HTTP/1.1 the endpoint speaks: status lines, keep-alive, framing, the log."""
from __future__ import annotations

import socket
import time
import urllib.parse
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, Namespace, RDF, RDFS
from rdflib.collection import Collection

from endpoint import Server

pytestmark = pytest.mark.model

DATA = Path(__file__).parent / "data" / "w3c-protocol"
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = Namespace("http://www.w3.org/2011/http#")
CNT = Namespace("http://www.w3.org/2011/content#")
HTS = Namespace("http://www.w3.org/2011/http-statusCodes#")
UT = Namespace("http://www.w3.org/2009/sparql/tests/test-update#")


def _manifest() -> tuple[Graph, list]:
    g = Graph().parse(DATA / "manifest.ttl", format="turtle", publicID="http://example.org/manifest.ttl")
    head = g.value(next(g.subjects(RDF.type, MF.Manifest)), MF.entries)
    return g, list(Collection(g, head))


GRAPH, TESTS = _manifest()


def _name(test) -> str:
    return str(test).rsplit("#", 1)[-1]


@pytest.fixture(scope="module")
def w3c_server(tmp_path_factory):
    """kg serve over the manifest's data: each data file in the graph its label names."""
    path = tmp_path_factory.mktemp("w3c") / "store"
    store = ox.Store(str(path))
    for node in GRAPH.objects(None, UT.graphData):
        iri, label = GRAPH.value(node, UT.graph), GRAPH.value(node, RDFS.label)
        file = DATA / Path(str(iri)).name
        store.load(path=str(file), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(label)))
    store.flush()
    del store
    s = Server(path, tmp_path_factory.mktemp("w3c-log") / "serve.log")
    yield s
    s.stop()


def _requests(test) -> list:
    action = GRAPH.value(test, MF.action)
    return list(Collection(GRAPH, GRAPH.value(action, HT.requests)))


def _send(server: Server, req) -> tuple[int, dict, bytes]:
    method = str(GRAPH.value(req, HT.methodName))
    path = str(GRAPH.value(req, HT.absolutePath)).replace("/sparql/", "/sparql", 1)
    headers = {}
    hs = GRAPH.value(req, HT.headers)
    for h in (Collection(GRAPH, hs) if hs is not None else []):
        headers[str(GRAPH.value(h, HT.fieldName))] = str(GRAPH.value(h, HT.fieldValue))
    body = None
    b = GRAPH.value(req, HT.body)
    if b is not None:
        body = str(GRAPH.value(b, CNT.chars)).encode(str(GRAPH.value(b, CNT.characterEncoding) or "UTF-8"))
    return server.request(method, path, body=body, headers=headers)


def _expect(req) -> tuple[set[str], str | None, bool | None]:
    resp = GRAPH.value(req, HT.resp)
    statuses = {str(s).rsplit("#StatusCode", 1)[-1][0] for s in GRAPH.objects(resp, MF.expectedStatus)}
    fmt = GRAPH.value(resp, MF.expectedFormat)
    boolean = GRAPH.value(resp, MF.expectedBoolean)
    return statuses, (str(fmt) if fmt is not None else None), (boolean.toPython() if boolean is not None else None)


@pytest.mark.parametrize("test", TESTS, ids=_name)
def test_w3c_protocol(w3c_server, test):
    """Every query test passes as the manifest says. kg serve is a read-only query endpoint:
    an update test's update must be refused (403), and its later requests, which check what the
    update did, do not apply; the manifest's bad_update_* tests pass as written (4xx)."""
    reqs = _requests(test)
    positive_update = _name(test).startswith("update_")
    for req in reqs[:1] if positive_update else reqs:
        status, headers, body = _send(w3c_server, req)
        if positive_update:
            assert status == 403, body
            continue
        statuses, fmt, boolean = _expect(req)
        assert str(status)[0] in statuses, (status, body[:300])
        ctype = headers.get("content-type", "").split(";")[0]
        if fmt == "boolean":
            assert ctype in ("application/sparql-results+json", "application/sparql-results+xml")
            if boolean is not None:
                assert (b"true" in body) == boolean and (b"false" in body) != boolean
        elif fmt == "tabular":
            assert ctype in ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                             "text/tab-separated-values")
        elif fmt == "RDF":
            assert ctype in ("application/rdf+xml", "text/turtle", "application/n-triples")
            # it parses (a DESCRIBE of nothing is an empty graph)
            Graph().parse(data=body.decode("utf-8"), format={"application/rdf+xml": "xml",
                                                             "text/turtle": "turtle"}.get(ctype, "nt"))


def test_serve_describes_itself_to_rdf_clients(w3c_server):
    status, h, body = w3c_server.request("GET", "/sparql", headers={"Accept": "text/turtle"})
    assert status == 200 and h["content-type"].startswith("text/turtle")
    g = Graph().parse(data=body.decode("utf-8"), format="turtle")
    sd = Namespace("http://www.w3.org/ns/sparql-service-description#")
    service = next(g.subjects(RDF.type, sd.Service))
    assert str(g.value(service, sd.endpoint)) == w3c_server.url
    assert (service, sd.supportedLanguage, sd.SPARQL11Query) in g
    assert len(list(g.objects(service, sd.resultFormat))) >= 8
    # a browser still gets the page
    status, h, _ = w3c_server.request("GET", "/sparql", headers={"Accept": "text/html,*/*;q=0.8"})
    assert h["content-type"].startswith("text/html")


@pytest.mark.parametrize("accept,ctype", [
    ("application/n-quads", "application/n-quads"), ("application/trig", "application/trig"),
    ("text/*", "text/turtle"), ("application/ld+json", "application/ld+json"),
])
def test_serve_writes_every_rdf_format(w3c_server, accept, ctype):
    q = urllib.parse.urlencode({"query": "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"})
    status, h, body = w3c_server.request("GET", f"/sparql?{q}", headers={"Accept": accept})
    assert status == 200 and h["content-type"].startswith(ctype)
    fmt = {"application/n-quads": ox.RdfFormat.N_QUADS, "application/trig": ox.RdfFormat.TRIG,
           "text/turtle": ox.RdfFormat.TURTLE, "application/ld+json": ox.RdfFormat.JSON_LD}[ctype]
    assert len(list(ox.parse(body, format=fmt))) == 3


@pytest.mark.parametrize("accept", ["image/png", "*/*;q=0", "text/html"])
def test_serve_answers_406_when_nothing_acceptable_is_on_offer(w3c_server, accept):
    q = urllib.parse.urlencode({"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert w3c_server.request("GET", f"/sparql?{q}", headers={"Accept": accept})[0] == 406


# --- HTTP/1.1 on a raw socket -------------------------------------------------------------------

def _raw(server: Server, data: bytes, wait: float = 5.0) -> bytes:
    with socket.create_connection(("127.0.0.1", server.port), timeout=wait) as s:
        s.sendall(data)
        out = b""
        try:
            while chunk := s.recv(65536):
                out += chunk
        except (socket.timeout, ConnectionResetError):
            pass
    return out


def _query_request(q: str = "ASK {}", extra: str = "") -> bytes:
    path = "/sparql?" + urllib.parse.urlencode({"query": q})
    return f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extra}\r\n".encode()


def test_serve_keeps_the_connection_alive_for_several_queries(w3c_server):
    with socket.create_connection(("127.0.0.1", w3c_server.port), timeout=10) as s:
        f = s.makefile("rb")
        for _ in range(3):
            s.sendall(_query_request())
            status = f.readline()
            assert status.startswith(b"HTTP/1.1 200"), status
            length = 0
            while (line := f.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            assert b"true" in f.read(length)


@pytest.mark.parametrize("request_bytes,status", [
    (b"GET /\r\n\r\n", b"400"),  # HTTP/0.9 style: still an answer with a status line
    (b"HELLO\r\n\r\n", b"400"),
    (b"GET / HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n", b"505"),
    (b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
     b"Content-Length: 6\r\nContent-Length: 60\r\n\r\nASK {}", b"400"),  # two different lengths
    (b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
     b"Content-Length: -1\r\n\r\nASK {}", b"400"),
])
def test_serve_answers_bad_requests_with_a_status_line(w3c_server, request_bytes, status):
    out = _raw(w3c_server, request_bytes)
    assert out.startswith(b"HTTP/1.") and out.split(b" ")[1] == status, out[:200]


def test_serve_refuses_an_oversized_body_before_reading_it(w3c_server):
    """The 413 comes at once, while the client has sent only the headers of a 100 MB body."""
    with socket.create_connection(("127.0.0.1", w3c_server.port), timeout=10) as s:
        t0 = time.monotonic()
        s.sendall(b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                  b"Content-Length: 100000000\r\n\r\n")
        answer = s.recv(4096)
        assert answer.startswith(b"HTTP/1.1 413") and time.monotonic() - t0 < 3


def test_serve_escapes_control_characters_in_its_log(w3c_server):
    _raw(w3c_server, b"GET /\x1b[2Jcleared HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    time.sleep(0.2)
    log = w3c_server.log()
    assert "\x1b" not in log and "\\x1b[2Jcleared" in log
