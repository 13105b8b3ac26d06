"""Hostile articles, end to end: built by `kg build`, drawn by `kg viz`, served by `kg serve`,
and opened in a real headless browser (Debian's chromium, driven by Playwright).

Actor names, sentences, titles, URLs and ids carry script tags, event handlers, `javascript:`
URLs and closing `</script>` sequences. Nothing of it may run (no dialog, no console error, no
page error, no request other than file:/data: or the endpoint itself), and all of it must be
shown as text.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from endpoint import Server

pytestmark = [pytest.mark.model, pytest.mark.browser]

KG = [sys.executable, "-m", "kg.cli"]

# Each of these, found by trying, makes the model name an actor with markup in its label.
ACTOR_KIM = "Kim</script>Jong"
ACTOR_AHMED = "Ahmed al-<script>Sharif"
ACTOR_AMAL = "Amal al-Javascript"
SAID = "He said </script><script>alert(2)</script> and <img src=x onerror=alert(3)>."
RECORDS = [
    {"id": "evil-1", "date": "2024-05-01", "title": "<script>alert('title')</script>", "url": "javascript:alert('url')",
     "text": f"Rebel leader {ACTOR_KIM} met Japanese Prime Minister Fumio Kishida in Tokyo on Monday. {SAID}"},
    {"id": "evil-2", "date": "2024-05-02", "title": "</script><svg onload=alert(4)>",
     "url": "https://news.example.com/a?x=<b>&y=</script>\"onmouseover=alert(5)",
     "text": f"{ACTOR_AHMED} accused Iraq of aggression on Monday. <iframe src=javascript:alert(6)></iframe>"},
    {"id": "</script><script>alert(7)</script>", "date": "2024-05-03", "title": "<img src=x onerror=alert(8)>",
     "url": "data:text/html,<script>alert(9)</script>",
     "text": f"{ACTOR_AMAL}:alert(10) accused Iraq of aggression on Tuesday. <a href=\"javascript:alert(11)\">x</a>"},
    {"id": "plain", "date": "2024-05-04", "title": "A plain title", "url": "https://news.example.com/plain",
     "text": "Japan met China in Beijing on Monday."},
]
PAGE_TITLE = "</title><script>alert('page')</script>"


def kg(*args, timeout=180):
    return subprocess.run([*KG, *map(str, args)], capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    feed = root / "evil.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    store = root / "store"
    r = kg("build", feed, "--store", store, "--workers", "1")
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    return store


class Watched:
    """A page with every request, console error, page error and dialog recorded as a problem."""

    def __init__(self, browser, url: str, allowed: tuple[str, ...] = ("file://", "data:")):
        self.problems: list[str] = []
        self.allowed = allowed
        self.page = browser.new_page(viewport={"width": 1400, "height": 850})
        self.page.on("request", self._request)
        self.page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}")
                     if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        self.page.on("dialog", self._dialog)
        self.page.goto(url)

    def _request(self, req):
        if not req.url.startswith(self.allowed):
            self.problems.append(f"request: {req.url}")

    def _dialog(self, dialog):
        self.problems.append(f"dialog {dialog.type}: {dialog.message}")
        dialog.dismiss()

    def js(self, expr, arg=None):
        return self.page.evaluate(expr, arg)


def test_viz_page_of_hostile_articles_runs_nothing_and_shows_it_all_as_text(hostile_store, browser, tmp_path):
    out = tmp_path / "evil.html"
    r = kg("viz", "--store", hostile_store, "-o", out, "--title", PAGE_TITLE)
    assert r.returncode == 0, r.stderr
    html = out.read_text(encoding="utf-8")
    # the data block cannot be closed early: no '</script' and no '<!--' inside it
    data = html.split('id="irkg-data"', 1)[1].split("</script>", 1)[0]
    assert "<" not in data.split(">", 1)[1]

    w = Watched(browser, out.resolve().as_uri())
    w.page.wait_for_selector("body[data-ready='1']", state="attached", timeout=90_000)
    assert w.page.title() == PAGE_TITLE
    assert w.page.locator("#irkg-title").inner_text() == PAGE_TITLE

    labels = w.js("() => irkg.nodes.get().map(n => n.label)")
    for actor in (ACTOR_KIM, ACTOR_AHMED, ACTOR_AMAL):
        assert actor in labels, labels

    # every edge, shown in the details panel: all the hostile text is there, as text
    shown = []
    for eid in w.js("() => irkg.edges.getIds()"):
        w.js("id => irkg.showEdge(id)", eid)
        shown.append(w.js("() => document.getElementById('irkg-details').textContent"))
    text = "\n".join(shown)
    for needle in (ACTOR_KIM, ACTOR_AHMED, ACTOR_AMAL, "<script>alert('title')</script>", "javascript:alert('url')",
                   "</script><svg onload=alert(4)>", "<img src=x onerror=alert(8)>",
                   "data:text/html,<script>alert(9)</script>"):
        assert needle in text, needle
    # each node's panel too
    for nid in w.js("() => irkg.nodes.getIds()"):
        w.js("id => irkg.showNode(id)", nid)
        assert w.js("() => document.getElementById('irkg-details').textContent")

    # nothing from the data became an element, an attribute or a link to anything but http(s)
    assert w.js("() => document.querySelectorAll('img, iframe, object, embed, b, a[onmouseover]').length") == 0
    # (the only svg are the legend's own icons)
    assert w.js("() => Array.from(document.querySelectorAll('svg')).every(s => s.closest('#irkg-legend'))")
    assert w.js("() => document.querySelectorAll('script').length") == 3
    hrefs = w.js("() => Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))")
    assert all(h.startswith(("https://", "http://")) for h in hrefs), hrefs
    assert not any(h.startswith(("javascript:", "data:")) for h in hrefs)
    handlers = w.js("""() => Array.from(document.querySelectorAll('*')).flatMap(e =>
        Array.from(e.attributes).filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name))""")
    assert handlers == []

    # hovering a hostile node shows its tooltip as text
    box = w.page.locator("#irkg-network").bounding_box()
    kim = next(n for n in w.js("() => irkg.nodes.get()") if n["label"] == ACTOR_KIM)
    xy = w.js("id => irkg.network.canvasToDOM(irkg.network.getPositions([id])[id])", kim["id"])
    w.page.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
    tip = w.page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=5000)
    assert ACTOR_KIM in tip.inner_text()
    # the search box takes a hostile name and finds it, as text
    w.page.fill("#irkg-search", ACTOR_AHMED)
    w.page.click("#irkg-search-go")
    assert ACTOR_AHMED in w.page.locator("#irkg-details").inner_text()
    time.sleep(0.3)  # anything that was going to run has had its chance
    assert w.problems == []


@pytest.fixture(scope="module")
def hostile_server(hostile_store, tmp_path_factory):
    server = Server(hostile_store, tmp_path_factory.mktemp("servelog") / "serve.log")
    yield server.base
    server.stop()


def test_endpoint_home_page_escapes_what_it_shows_from_the_store(hostile_server, browser):
    with urllib.request.urlopen(hostile_server + "/", timeout=10) as r:
        body = r.read().decode("utf-8")
        csp = r.headers.get("Content-Security-Policy", "")
        assert r.headers.get("X-Content-Type-Options") == "nosniff"
    assert "default-src 'none'" in csp and "script-src" not in csp  # no script may run at all
    for raw in ("<script>alert", "<img src=x", "<svg onload", "</script><script>"):
        assert raw not in body, raw
    assert "&lt;script&gt;alert(&#x27;title&#x27;)&lt;/script&gt;" in body or "&lt;script&gt;alert(" in body

    w = Watched(browser, hostile_server + "/", allowed=(hostile_server,))
    w.page.wait_for_load_state("load")
    listed = w.page.locator("ul").inner_text()
    for needle in ("<script>alert('title')</script>", "</script><svg onload=alert(4)>",
                   "</script><script>alert(7)</script>", "<img src=x onerror=alert(8)>"):
        assert needle in listed, needle
    assert w.js("() => document.querySelectorAll('script, img, svg, iframe').length") == 0
    time.sleep(0.3)
    assert w.problems == []


def test_endpoint_results_are_data_not_pages(hostile_server):
    """A browser sent to a query URL gets JSON/CSV with nosniff: hostile strings in it are inert."""
    q = "SELECT ?t WHERE { ?a <http://purl.org/dc/terms/title> ?t }"
    for accept in ("application/sparql-results+json", "text/csv", "application/sparql-results+xml"):
        req = urllib.request.Request(hostile_server + "/sparql?" + urllib.parse.urlencode({"query": q}),
                                     headers={"Accept": accept})
        with urllib.request.urlopen(req, timeout=10) as r:
            assert not r.headers.get_content_type().startswith("text/html")
            assert r.headers.get("X-Content-Type-Options") == "nosniff"
            body = r.read().decode()
        if accept.endswith("xml"):
            assert "<script>" not in body and "&lt;script&gt;" in body  # escaped in XML too
        else:
            assert "<script>alert('title')</script>" in body  # data, served as data
