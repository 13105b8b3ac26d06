"""`kg serve` under load and under attack, started from the command line on the seed store.

A bounded load (scripts/load_endpoint.py: 20 concurrent clients for 10 s, from a second
process) must fail no request beyond those refused by design, and the server's memory must
come back to its level; then updates, LOAD, SERVICE, oversized, endless, huge and malformed
queries and idle connections are each refused or cut with a clear status, and the server
goes on answering. Traffic goes to 127.0.0.1 only.
"""
from __future__ import annotations

import csv
import io
import json
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

import endpoint

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parent.parent
KG = endpoint.KG
LOAD = ROOT / "scripts" / "load_endpoint.py"
TIMEOUT = 3  # --timeout of the server under test, seconds
MAX_ROWS = 200  # --max-rows
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # ~10^14 rows to count
MANY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"  # ~2 * 10^7 rows
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            out += [int(x) for x in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def threads(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    return -1


class Server(endpoint.Server):
    """The shared `kg serve` process, with the query forms and health checks of a load test."""

    def __init__(self, store: Path, log: Path, *args: str) -> None:
        super().__init__(store, log, *args)
        self.workers = len(children(self.proc.pid))

    def query(self, text: str, accept: str = "application/sparql-results+json", how: str = "post",
              timeout: float = 30) -> tuple[int, dict, bytes]:
        if how == "get":
            return self.request("GET", "/sparql?" + urllib.parse.urlencode({"query": text}), headers={"Accept": accept},
                                timeout=timeout)
        if how == "form":
            return self.request("POST", "/sparql", urllib.parse.urlencode({"query": text}).encode(),
                                {"Content-Type": "application/x-www-form-urlencoded", "Accept": accept}, timeout)
        return self.request("POST", "/sparql", text.encode("utf-8"),
                            {"Content-Type": "application/sparql-query", "Accept": accept}, timeout)

    def healthy(self) -> None:
        """It answers a normal query, quickly, with all its query workers."""
        started = time.monotonic()
        status, _, body = self.query(COUNT)
        assert status == 200, body
        assert time.monotonic() - started < TIMEOUT + 2
        deadline = time.monotonic() + 10  # a replaced worker may still be starting
        while len(children(self.proc.pid)) != self.workers and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(children(self.proc.pid)) == self.workers


@pytest.fixture(scope="module")
def server(seed_store, tmp_path_factory):
    s = Server(seed_store, tmp_path_factory.mktemp("serve") / "serve.log", "--timeout", str(TIMEOUT),
               "--max-rows", str(MAX_ROWS))
    yield s
    s.stop()


@pytest.fixture(scope="module")
def load(server):
    """20 clients for 10 s from a second process; its figures (also printed as a table)."""
    r = subprocess.run([sys.executable, str(LOAD), "--url", server.url, "--clients", "20", "--seconds", "10",
                        "--pid", str(server.proc.pid), "--settle", "2", "--json"],
                       capture_output=True, text=True, timeout=120)
    assert r.stdout, r.stderr
    figures = json.loads(r.stdout)
    sys.path.insert(0, str(LOAD.parent))
    try:
        import load_endpoint
        print("\n" + load_endpoint.table(figures))
    finally:
        sys.path.pop(0)
    return figures


# --- load -------------------------------------------------------------------------------------

def test_load_fails_no_request(load):
    assert load["requests"] > 200
    assert load["failed"] == 0, (load["status"], load["errors"])


def test_load_latency_is_reported_and_bounded(load):
    lat = load["latency_ms"]
    assert lat["p50"] is not None and lat["p99"] is not None
    print(f"p50 {lat['p50']} ms, p99 {lat['p99']} ms, {load['requests_per_second']} requests/s")
    assert lat["p50"] < 1000 and lat["p99"] < 5000
    assert set(load["status"]) <= {"200", "503"} | {s for s in load["status"] if s.startswith("error")}


def test_load_memory_returns_to_its_level(load, server):
    m = load["memory_kb"]
    before, peak, after = m["before"], m["peak"], m["after"]
    print(f"server RSS {before['server']} -> peak {peak['server']} -> {after['server']} kB; "
          f"workers {before['workers']} -> peak {peak['workers']} -> {after['workers']} kB")
    assert after["server"] <= before["server"] * 1.25 + 16 * 1024
    assert after["workers"] <= before["workers"] * 1.5 + 16 * 1024
    assert after["processes"] == before["processes"] == server.workers
    # the threads of the finished connections are gone
    assert threads(server.proc.pid) < 20


# --- attacks ----------------------------------------------------------------------------------

def test_updates_and_load_are_refused_with_403_and_the_store_is_unchanged(server):
    _, _, body = server.query(COUNT)
    count = json.loads(body)["results"]["bindings"][0]["n"]["value"]
    attempts = [
        server.request("POST", "/sparql", b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                       {"Content-Type": "application/sparql-update"}),
        server.request("POST", "/sparql", b"update=" + urllib.parse.quote_plus("CLEAR ALL").encode(),
                       {"Content-Type": "application/x-www-form-urlencoded"}),
        server.request("GET", "/sparql?update=" + urllib.parse.quote_plus("DROP ALL")),
        server.query("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }"),
        server.query("PREFIX ir: <https://w3id.org/irkg/ontology#>\nDELETE WHERE { ?s ?p ?o }", how="form"),
        server.query("# a comment first\nLOAD <http://127.0.0.1:9/evil.ttl> INTO GRAPH <urn:g>", how="get"),
        server.query("load silent <http://127.0.0.1:9/x>"),
        server.query("WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"),
    ]
    for status, _, body in attempts:
        assert status == 403, body
        assert b"read-only" in body
    for method in ("PUT", "DELETE", "PATCH"):
        assert server.request(method, "/sparql", b"<urn:a> <urn:b> <urn:c> .", {"Content-Type": "text/turtle"})[0] == 405
    _, _, body = server.query(COUNT)
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == count
    server.healthy()


def test_service_is_refused_with_403_and_reaches_nobody(server):
    trap = socket.socket()
    trap.bind(("127.0.0.1", 0))
    trap.listen(5)
    trap.settimeout(0.5)
    port = trap.getsockname()[1]
    try:
        for text in [f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
                     f"select * where {{ service silent <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
                     f"PREFIX e: <http://127.0.0.1:{port}/>\nSELECT * WHERE {{ SeRvIcE e:x {{ ?s ?p ?o }} }}",
                     f"SELECT * WHERE {{ ?s ?p ?o OPTIONAL {{ SERVICE <http://127.0.0.1:{port}/> {{ ?s ?q ?r }} }} }}"]:
            for how in ("post", "get", "form"):
                status, _, body = server.query(text, how=how)
                assert status == 403 and b"SERVICE" in body, body
        with pytest.raises(socket.timeout):
            trap.accept()  # nobody called
    finally:
        trap.close()
    server.healthy()


def test_oversized_queries_are_refused_with_413(server):
    big = "SELECT * WHERE { ?s ?p ?o } # " + "x" * 200_000
    assert server.query(big)[0] == 413
    assert server.query(big, how="form")[0] == 413
    assert server.request("POST", "/sparql", b"x" * 5_000_000, {"Content-Type": "application/sparql-query"})[0] == 413
    status, _, _ = server.query("SELECT * WHERE { ?s ?p ?o } #" + "x" * 70_000, how="get")
    assert status in (413, 414)  # http.server refuses a request line over 64 kB itself
    server.healthy()


def test_a_query_past_the_timeout_is_cut_with_503_on_time(server):
    started = time.monotonic()
    status, _, body = server.query(SLOW, timeout=60)
    took = time.monotonic() - started
    assert status == 503 and b"timed out" in body, body
    assert TIMEOUT - 0.5 <= took < TIMEOUT + 3, took
    server.healthy()  # the worker that ran it was killed and replaced


def test_a_flood_of_endless_queries_is_cut_and_the_server_recovers(server):
    results: list[tuple[int, float]] = []

    def slow():
        started = time.monotonic()
        status, _, _ = server.query(SLOW, timeout=60)
        results.append((status, time.monotonic() - started))

    clients = [threading.Thread(target=slow) for _ in range(6)]
    for t in clients:
        t.start()
    for t in clients:
        t.join(60)
    assert [s for s, _ in results] == [503] * 6
    # two at a time per worker: the last waited for a worker, then ran, each within the timeout
    assert max(took for _, took in results) < 2 * TIMEOUT + 4
    server.healthy()


def test_a_huge_result_is_capped_and_says_so(server):
    status, headers, body = server.query(MANY)
    assert status == 200
    assert headers["x-irkg-truncated"] == "true" and headers["x-irkg-row-limit"] == str(MAX_ROWS)
    doc = json.loads(body)
    assert doc["irkg"] == {"truncated": True, "limit": MAX_ROWS, "next_offset": MAX_ROWS}
    assert len(doc["results"]["bindings"]) == MAX_ROWS
    status, headers, body = server.query(MANY, accept="text/csv", how="get")
    assert status == 200 and headers["x-irkg-truncated"] == "true"
    assert len(list(csv.reader(io.StringIO(body.decode())))) == MAX_ROWS + 1  # and the header line
    status, headers, body = server.query("CONSTRUCT { ?a ?b ?c . ?d ?e ?f } WHERE { ?a ?b ?c . ?d ?e ?f }",
                                         accept="text/turtle")
    assert status == 200 and headers["x-irkg-truncated"] == "true" and body.startswith(b"# truncated")
    server.healthy()


NESTED = "SELECT * WHERE " + "{" * 20_000 + "}" * 20_000


def test_a_deeply_nested_query_does_not_take_the_server_down(server):
    status, _, body = server.query(NESTED)
    assert 400 <= status < 600, body
    server.healthy()


def test_a_deeply_nested_query_is_refused_as_a_bad_query(server):
    status, _, body = server.query(NESTED)
    assert status == 400, body


def test_malformed_requests_get_a_4xx_never_a_crash(server):
    def raw(data: bytes) -> bytes:
        with socket.create_connection(("127.0.0.1", server.port), timeout=10) as s:
            s.sendall(data)
            s.shutdown(socket.SHUT_WR)
            out = b""
            while chunk := s.recv(65536):
                out += chunk
            return out

    cases = [
        (b"POST /sparql HTTP/1.0\r\nContent-Type: application/sparql-query\r\nContent-Length: abc\r\n\r\nSELECT", 400),
        (b"POST /sparql HTTP/1.0\r\nContent-Type: application/sparql-query\r\n\r\nSELECT * {}", 411),
        (b"POST /sparql HTTP/1.0\r\nContent-Type: text/plain\r\nContent-Length: 10\r\n\r\nSELECT * {", 415),
        (b"POST /sparql HTTP/1.0\r\nContent-Type: application/sparql-query\r\nContent-Length: 4\r\n\r\n\xff\xfe\xfd\xfc", 400),
        (b"GET /../../../../etc/passwd HTTP/1.0\r\n\r\n", 404),
        (b"GET /sparql?query=SELECT%20*%20WHERE%20%7B HTTP/1.0\r\n\r\n", 400),
        (b"BREW /sparql HTTP/1.0\r\n\r\n", 501),
        (b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 64, 400),  # a TLS hello
    ]
    for data, want in cases:
        reply = raw(data)
        if reply.startswith(b"HTTP/"):
            assert reply.split(b"\r\n", 1)[0].split(b" ")[1] == str(want).encode(), (data[:40], reply[:200])
        else:  # not even a request line: http.server answers as to HTTP/0.9, the body alone
            assert f"Error code: {want}".encode() in reply, (data[:40], reply[:200])
    server.healthy()
    assert "Traceback" not in server.log() and "internal error" not in server.log()


def test_idle_and_half_sent_connections_do_not_stop_others(server):
    socks = []
    try:
        for _ in range(30):
            socks.append(socket.create_connection(("127.0.0.1", server.port), timeout=10))
        for _ in range(10):
            s = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            s.sendall(b"POST /sparql HTTP/1.0\r\nContent-Type: application/sparql-query\r\nContent-Length: 5000\r\n\r\nSELECT")
            socks.append(s)
        started = time.monotonic()
        server.healthy()
        assert time.monotonic() - started < 2
        print(f"threads with 40 idle connections: {threads(server.proc.pid)}")
    finally:
        for s in socks:
            s.close()
    deadline = time.monotonic() + 10
    while threads(server.proc.pid) > 20 and time.monotonic() < deadline:
        time.sleep(0.2)
    print(f"threads after: {threads(server.proc.pid)}")
    assert threads(server.proc.pid) <= 20  # each connection's thread ended with it


def test_it_listens_on_loopback_only(server):
    assert f"listening on http://127.0.0.1:{server.port}/sparql" in server.log()
    listening = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            local, state = fields[1], fields[3]
            if state == "0A" and int(local.rsplit(":", 1)[1], 16) == server.port:  # LISTEN
                listening.append((table, local.rsplit(":", 1)[0]))
    assert listening == [("/proc/net/tcp", "0100007F")]
