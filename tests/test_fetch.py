"""`kg build URL`: pages and feeds fetched from a local HTTP server on 127.0.0.1 (never the
internet), with its robots.txt, a slow page, a missing one, and the cache."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kg import fetch, ingest
from kg.records import Article, Problem
from test_formats import FEED, PAGE

HITS: list[str] = []


class Site(BaseHTTPRequestHandler):
    pages = {"/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /private/\n"),
             "/world/talks": ("text/html; charset=utf-8", PAGE.encode()),
             "/feed": ("application/rss+xml", FEED.encode()),
             "/private/memo": ("text/html", b"<html><body><p>Secret.</p></body></html>"),
             "/logo.png": ("image/png", b"\x89PNG....")}

    def do_GET(self):
        HITS.append(self.path)
        if self.path == "/slow":
            time.sleep(3)
        page = self.pages.get(self.path)
        if page is None:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", page[0])
        self.send_header("Content-Length", str(len(page[1])))
        self.end_headers()
        self.wfile.write(page[1])

    def log_message(self, *args):
        pass


@pytest.fixture
def site(tmp_path, monkeypatch):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("KG_FETCH_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("KG_FETCH_TIMEOUT", "1")
    fetch._ROBOTS.clear()
    HITS.clear()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def read(urls):
    got = list(ingest.read_paths(urls))
    return [r for r in got if isinstance(r, Article)], [r for r in got if isinstance(r, Problem)]


def test_a_page_url_is_fetched_with_our_user_agent_and_read_as_a_page(site):
    arts, probs = read([f"{site}/world/talks"])
    assert not probs
    [a] = arts
    assert a.title == "Blinken and Wang meet in Rome" and a.date == "2021-10-06" and "Wang Yi" in a.text
    assert a.url == "https://news.example/world/talks"  # the page's canonical URL
    assert "Copyright" not in a.text


def test_a_feed_url_gives_its_items(site):
    arts, _ = read([f"{site}/feed"])
    assert [a.title for a in arts] == ["Iran rejects talks", "Russia warns NATO", "Japan aids Tonga"]


@pytest.mark.parametrize("path,says", [
    ("/missing", "HTTP 404"), ("/slow", "timed out after 1 s"), ("/private/memo", "robots.txt"),
    ("/logo.png", "not a page or a feed"),
])
def test_a_failed_fetch_is_reported_like_any_bad_input_and_the_rest_goes_in(site, path, says):
    t0 = time.monotonic()
    arts, probs = read([f"{site}{path}", f"{site}/world/talks"])
    assert [a.title for a in arts] == ["Blinken and Wang meet in Rome"]
    [p] = probs
    assert p.origin == f"{site}{path}" and p.code == "E125" and says in p.message and p.skipped
    assert time.monotonic() - t0 < 3


def test_a_rebuild_reads_the_cache_and_fetches_nothing(site):
    read([f"{site}/world/talks", f"{site}/feed"])
    before = list(HITS)
    assert "/robots.txt" in before and before.count("/robots.txt") == 1  # once per host
    arts, probs = read([f"{site}/world/talks", f"{site}/feed"])
    assert len(arts) == 4 and not probs and HITS == before
