"""A bounded load on a `kg serve` endpoint on this machine: N concurrent clients for S seconds.

    kg serve --store out/store --port 8000 &
    python scripts/load_endpoint.py --url http://127.0.0.1:8000/sparql --clients 20 --seconds 30 --pid $!

Each client sends, one after another until the time is up, a mix of read-only queries (the
saved queries that need no parameter, a count, an ASK, a CONSTRUCT, a DESCRIBE, in JSON, CSV
and Turtle), by GET and POST, and records each status and latency. With --pid, the server's
resident memory (VmRSS of the process and of its query workers, from /proc) is read before,
every 0.2 s during, and a few seconds after the load.

It prints a table (or, with --json, one JSON object): requests, requests per second, status
counts, failed requests (connection errors and any status other than 200, or 503 when every
query worker stayed busy for the whole timeout, which kg serve documents), latency
percentiles, and the memory figures. The exit code is 1 when a request failed, else 0.

It only ever talks to a loopback address (127.0.0.1, ::1 or localhost): it is a test tool,
not a way to load someone else's server.
"""
from __future__ import annotations

import argparse
import http.client
import ipaddress
import json
import socket
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "queries"
SAVED = ("who-met-whom", "weapons-tested", "office-holders", "events", "actors", "articles")
EXTRA = [
    ("count", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "application/sparql-results+json"),
    ("ask", "PREFIX ir: <https://w3id.org/irkg/ontology#> ASK { ?e a ir:Event }", "application/sparql-results+json"),
    ("graphs", "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g", "text/csv"),
    ("construct", "PREFIX ir: <https://w3id.org/irkg/ontology#> CONSTRUCT { ?s ir:met ?o } WHERE { ?s ir:met ?o }",
     "text/turtle"),
    ("describe", "PREFIX ir: <https://w3id.org/irkg/ontology#> DESCRIBE ?e WHERE { ?e a ir:Consult } LIMIT 2",
     "application/n-triples"),
    ("labels", "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?x ?l WHERE { ?x rdfs:label ?l } "
               "LIMIT 200", "text/tab-separated-values"),
]
REFUSED_BY_DESIGN = {503}  # every worker busy for the whole timeout (documented by kg serve)
LOOPBACK_NAMES = {"localhost"}


def query_mix() -> list[tuple[str, str, str]]:
    """(name, SPARQL text, Accept) for each query of the mix."""
    mix = []
    for name in SAVED:
        path = QUERIES / f"{name}.rq"
        if path.is_file():
            mix.append((name, path.read_text(encoding="utf-8"), "application/sparql-results+json"))
    return mix + EXTRA


def check_loopback(url: str) -> tuple[str, int, str]:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme != "http" or not parts.hostname:
        raise SystemExit(f"load_endpoint: {url}: give an http:// URL of a kg serve endpoint")
    host = parts.hostname
    if host not in LOOPBACK_NAMES:
        try:
            loopback = ipaddress.ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if not loopback:
            raise SystemExit(f"load_endpoint: {host} is not a loopback address; this tool only loads a server on "
                             "this machine (127.0.0.1)")
    return host, parts.port or 80, parts.path or "/sparql"


def rss_kb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def children(pid: int) -> list[int]:
    out = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            text = (task / "children").read_text().split()
            out += [int(x) for x in text]
    except OSError:
        pass
    return out


def memory(pid: int | None) -> dict | None:
    """{'server': kB, 'workers': kB (all of its child processes), 'processes': n}."""
    if pid is None:
        return None
    main = rss_kb(pid)
    kids = [k for k in children(pid)]
    worker_rss = [r for r in (rss_kb(k) for k in kids) if r is not None]
    return {"server": main, "workers": sum(worker_rss), "processes": len(worker_rss)}


def percentile(sorted_values: list[float], p: float) -> float | None:
    if not sorted_values:
        return None
    k = min(len(sorted_values) - 1, max(0, int(round(p / 100 * len(sorted_values) + 0.5)) - 1))
    return sorted_values[k]


class Load:
    def __init__(self, host: str, port: int, path: str, clients: int, seconds: float, timeout: float) -> None:
        self.host, self.port, self.path = host, port, path
        self.clients, self.seconds, self.timeout = clients, seconds, timeout
        self.mix = query_mix()
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.by_status: dict[str, int] = {}
        self.by_query: dict[str, list[float]] = {}
        self.errors: list[str] = []

    def one(self, name: str, text: str, accept: str, method: str) -> None:
        started = time.perf_counter()
        status: str
        try:
            conn = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            try:
                if method == "GET":
                    conn.request("GET", f"{self.path}?{urllib.parse.urlencode({'query': text})}",
                                 headers={"Accept": accept})
                else:
                    conn.request("POST", self.path, body=urllib.parse.urlencode({"query": text}).encode(),
                                 headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded"})
                resp = conn.getresponse()
                resp.read()
                status = str(resp.status)
            finally:
                conn.close()
        except (OSError, http.client.HTTPException) as e:
            status = f"error: {type(e).__name__}"
            with self.lock:
                if len(self.errors) < 20:
                    self.errors.append(f"{name}: {type(e).__name__}: {e}")
        elapsed = time.perf_counter() - started
        with self.lock:
            self.by_status[status] = self.by_status.get(status, 0) + 1
            if status == "200":
                self.latencies.append(elapsed)
                self.by_query.setdefault(name, []).append(elapsed)

    def client(self, number: int, deadline: float) -> None:
        i = number
        while time.monotonic() < deadline:
            name, text, accept = self.mix[i % len(self.mix)]
            self.one(name, text, accept, "GET" if i % 2 else "POST")
            i += 1

    def run(self, pid: int | None, settle: float) -> dict:
        before = memory(pid)
        samples: list[dict] = []
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.2):
                m = memory(pid)
                if m:
                    samples.append(m)

        sampler = threading.Thread(target=sample, daemon=True)
        if pid is not None:
            sampler.start()
        started = time.monotonic()
        deadline = started + self.seconds
        threads = [threading.Thread(target=self.client, args=(n, deadline), daemon=True) for n in range(self.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(self.seconds + self.timeout + 30)
        wall = time.monotonic() - started
        done.set()
        if pid is not None:
            sampler.join(5)
            time.sleep(settle)
        after = memory(pid)
        lat = sorted(self.latencies)
        total = sum(self.by_status.values())
        failed = sum(n for s, n in self.by_status.items() if s != "200" and not (s.isdigit() and int(s) in REFUSED_BY_DESIGN))
        ms = lambda v: None if v is None else round(v * 1000, 1)  # noqa: E731
        return {
            "clients": self.clients, "seconds": round(wall, 2), "requests": total,
            "requests_per_second": round(total / wall, 1) if wall else None,
            "status": dict(sorted(self.by_status.items())), "failed": failed,
            "refused_by_design": sum(n for s, n in self.by_status.items() if s.isdigit() and int(s) in REFUSED_BY_DESIGN),
            "latency_ms": {"p50": ms(percentile(lat, 50)), "p90": ms(percentile(lat, 90)),
                           "p99": ms(percentile(lat, 99)), "max": ms(lat[-1] if lat else None)},
            "per_query_p50_ms": {k: ms(percentile(sorted(v), 50)) for k, v in sorted(self.by_query.items())},
            "memory_kb": None if pid is None else {
                "before": before, "peak": {"server": max((s["server"] or 0 for s in samples), default=None),
                                           "workers": max((s["workers"] for s in samples), default=None)},
                "after": after, "settle_seconds": settle},
            "errors": self.errors,
        }


def table(r: dict) -> str:
    lines = [f"load: {r['clients']} clients for {r['seconds']} s: {r['requests']} requests "
             f"({r['requests_per_second']}/s), {r['failed']} failed, {r['refused_by_design']} refused by design",
             "status: " + ", ".join(f"{k}: {v}" for k, v in r["status"].items()),
             "",
             "| latency (200s) | ms |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in r["latency_ms"].items()]
    m = r.get("memory_kb")
    if m:
        def mb(v):
            return "-" if v is None else f"{v / 1024:.1f}"
        lines += ["", "| RSS (MB) | before | peak | after |", "|---|---|---|---|",
                  f"| server | {mb(m['before']['server'])} | {mb(m['peak']['server'])} | {mb(m['after']['server'])} |",
                  f"| query workers ({m['after']['processes']}) | {mb(m['before']['workers'])} | "
                  f"{mb(m['peak']['workers'])} | {mb(m['after']['workers'])} |"]
    lines += ["", "| query | p50 ms |", "|---|---|"] + [f"| {k} | {v} |" for k, v in r["per_query_p50_ms"].items()]
    if r["errors"]:
        lines += ["", "errors:"] + [f"  {e}" for e in r["errors"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--url", required=True, help="The endpoint, e.g. http://127.0.0.1:8000/sparql (loopback only).")
    ap.add_argument("--clients", type=int, default=20, help="Concurrent clients (default 20).")
    ap.add_argument("--seconds", type=float, default=30.0, help="How long to send for (default 30).")
    ap.add_argument("--pid", type=int, help="The kg serve process, to read its memory from /proc.")
    ap.add_argument("--timeout", type=float, default=60.0, help="Seconds a client waits for an answer (default 60).")
    ap.add_argument("--settle", type=float, default=3.0, help="Seconds to wait after the load before reading memory.")
    ap.add_argument("--json", action="store_true", help="Print one JSON object instead of the table.")
    args = ap.parse_args(argv)
    if args.clients < 1 or args.clients > 1000 or not 0 < args.seconds <= 3600:
        ap.error("--clients must be 1..1000 and --seconds 0..3600")
    host, port, path = check_loopback(args.url)
    socket.setdefaulttimeout(args.timeout)
    result = Load(host, port, path, args.clients, args.seconds, args.timeout).run(args.pid, args.settle)
    print(json.dumps(result) if args.json else table(result))
    return 1 if result["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
