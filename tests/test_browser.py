"""The `kg viz` page in a real headless browser (Debian's chromium driven by Playwright).

Every page is opened from a file:// URL while recording requests, console errors, page errors
and dialogs: any request other than file:/data:, any error and any dialog fails the test.
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from kg import viz
from network_graphs import BASE, add_actor, add_event as _add_event

pytestmark = pytest.mark.browser



def add_event(*args, **kwargs):
    return _add_event(*args, location="Seoul", **kwargs)


def korea_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    kor = add_actor(g, "KOR", "South Korea", "State", "KOR")
    usa = add_actor(g, "USA", "United States", "State", "USA")
    prk = add_actor(g, "PRK", "North Korea", "State", "PRK")
    yoon = add_actor(g, "yoon", "Yoon Suk Yeol", "Person", "KOR")
    kim = add_actor(g, "kim", "Kim Jong Un", "Person", "PRK")
    un = add_actor(g, "un", "United Nations", "IntergovernmentalOrganization", "IGO")
    kcna = add_actor(g, "kcna", "KCNA", "MediaOrganization", "PRK")
    usfk = add_actor(g, "usfk", "US Forces Korea", "Military", "USA")
    missile = add_actor(g, "object:Hwasong-18", "Hwasong-18", "BallisticMissile", kind="object")
    add_event(g, yoon, usa, "met", "CONSULT", "verbal_cooperation", "2024-05-01", "Yoon met US officials in Seoul.")
    add_event(g, yoon, usa, "met", "CONSULT", "verbal_cooperation", "2024-06-01", "Yoon met them again.")
    add_event(g, usa, yoon, "pledged", "AGREE", "verbal_cooperation", "2024-05", "The US pledged support.")
    add_event(g, yoon, usa, "aided", "AID", "material_cooperation", "2024", "Aid was sent.")
    add_event(g, prk, missile, "tested", "MOBILIZE", "material_conflict", "2024-04-12", "North Korea tested a missile.")
    add_event(g, usa, prk, "sanctioned", "SANCTION", "material_conflict", "2024-04-20", "Washington sanctioned Pyongyang.")
    add_event(g, kcna, usa, "accused", "ACCUSE", "verbal_conflict", "2024-04-21", "KCNA accused the US.")
    add_event(g, kim, yoon, "threatened", "THREATEN", "verbal_conflict", "2024-05-03", "Kim threatened Seoul.")
    add_event(g, un, prk, "condemned", "PROTEST", "verbal_conflict", "2024-04-13", "The UN condemned the launch.")
    add_event(g, usfk, kor, "met", None, None, None, "US forces met South Korean officers.")
    add_event(g, kor, prk, "accused", "ACCUSE", "verbal_conflict", "2024-04-13", "Seoul accused Pyongyang.")
    return g


HOSTILE_LABEL = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
HOSTILE_SENTENCE = "He said </script><script>alert(2)</script> and <img src=x onerror=alert(3)>"
HOSTILE_TITLE = "</script><svg onload=alert(4)>"


def hostile_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    a = add_actor(g, "evil", HOSTILE_LABEL, "State", "<b>X</b>")
    b = add_actor(g, "evil2", HOSTILE_IMG, "Person", "USA")
    c = add_actor(g, "object:</script>", "</script>", "Weapon", kind="object")
    add_event(g, a, b, "<i>accused</i>", "ACCUSE", "verbal_conflict", sentence=HOSTILE_SENTENCE,
              url="javascript:alert(5)", title=HOSTILE_TITLE)
    add_event(g, b, c, "tested", "MOBILIZE", "material_conflict", sentence="<iframe src=javascript:alert(6)>",
              url="https://news.example.com/ok?a=<b>&c=</script>", title=HOSTILE_IMG)
    return g


class Watched:
    """A page with every request, console error, page error and dialog recorded as a problem."""

    def __init__(self, browser, path: Path):
        self.problems: list[str] = []
        self.page = browser.new_page(viewport={"width": 1400, "height": 850})
        self.page.on("request", self._request)
        self.page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}")
                     if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.problems.append(f"pageerror: {e}"))
        self.page.on("dialog", self._dialog)
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_selector("body[data-ready='1']", state="attached", timeout=90_000)

    def _request(self, req):
        if not req.url.startswith(("file://", "data:")):
            self.problems.append(f"request: {req.url}")

    def _dialog(self, dialog):
        self.problems.append(f"dialog {dialog.type}: {dialog.message}")
        dialog.dismiss()

    def js(self, expr, arg=None):
        return self.page.evaluate(expr, arg)

    def visible(self) -> dict:
        return self.js("() => window.irkg.visible()")

    def click_node(self, node_id):
        """A real mouse click on the node where vis drew it."""
        box = self.page.locator("#irkg-network").bounding_box()
        xy = self.js("id => irkg.network.canvasToDOM(irkg.network.getPositions([id])[id])", node_id)
        self.page.mouse.click(box["x"] + xy["x"], box["y"] + xy["y"])

    def close(self):
        self.page.close()


@pytest.fixture
def open_page(browser):
    pages = []

    def _open(path: Path) -> Watched:
        w = Watched(browser, path)
        pages.append(w)
        return w

    yield _open
    for w in pages:
        w.close()


def test_page_draws_every_node_and_edge_with_no_request_or_error(open_page, tmp_path):
    g = korea_graph()
    viz.render(g, str(tmp_path / "g.html"), title="Korea, spring 2024")
    w = open_page(tmp_path / "g.html")
    assert w.js("() => [irkg.nodes.length, irkg.edges.length]") == [g.number_of_nodes(), g.number_of_edges()]
    drawn = w.js("() => [irkg.network.body.nodeIndices.length, irkg.network.body.edgeIndices.length]")
    assert drawn == [g.number_of_nodes(), g.number_of_edges()]
    assert w.visible() == {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
    assert w.js("() => irkg.network.physics.options.enabled") is False  # laid out, then stopped
    legend = w.page.locator("#irkg-legend").inner_text()
    for typ in ("State", "Person", "IntergovernmentalOrganization", "MediaOrganization", "Military",
                "BallisticMissile (object)", "verbal cooperation", "material conflict"):
        assert typ in legend
    w.page.screenshot(path=str(tmp_path / "korea.png"))
    assert (tmp_path / "korea.png").stat().st_size > 20_000
    assert w.problems == []


def test_search_finds_selects_and_shows_an_actor(open_page, tmp_path):
    viz.render(korea_graph(), str(tmp_path / "g.html"))
    w = open_page(tmp_path / "g.html")
    assert w.js("() => irkg.search('yoon suk yeol')") == BASE + "yoon"
    assert w.js("() => irkg.search('kcn')") == BASE + "kcna"  # partial names work
    assert w.js("() => irkg.search('Atlantis')") is None
    w.page.fill("#irkg-search", "Kim Jong")
    w.page.click("#irkg-search-go")
    assert w.js("() => irkg.network.getSelectedNodes()") == [BASE + "kim"]
    details = w.page.locator("#irkg-details").inner_text()
    assert "Kim Jong Un" in details and "threatened" in details and "Kim threatened Seoul." in details
    link = w.page.locator("#irkg-details a").first
    assert link.get_attribute("href") == "https://news.example.com/a1"
    assert w.problems == []


def test_filters_hide_edges_then_orphaned_nodes(open_page, tmp_path):
    g = korea_graph()
    viz.render(g, str(tmp_path / "g.html"))
    w = open_page(tmp_path / "g.html")
    w.page.select_option("#irkg-relation", "met")
    met = [(u, v) for u, v, k in g.edges(keys=True) if k == "met"]
    assert w.visible() == {"nodes": len({n for e in met for n in e}), "edges": len(met)}
    hidden = w.js("() => irkg.edges.get({filter: e => e.hidden}).map(e => e.label)")
    assert hidden and "met" not in hidden
    assert w.js("() => irkg.network.body.data.edges.get({filter: e => !e.hidden}).length") == len(met)
    w.js("id => irkg.showNode(id)", BASE + "USA")  # the details panel follows the filters
    details = w.page.locator("#irkg-details").inner_text()
    assert "—met→" in details and "sanctioned" not in details and "4 link(s) hidden by the filters" in details

    w.page.select_option("#irkg-relation", [])
    w.page.select_option("#irkg-plover", ["SANCTION", "MOBILIZE"])
    assert w.visible() == {"nodes": 3, "edges": 2}  # USA -> PRK -> missile

    w.page.click("#irkg-reset")
    w.page.fill("#irkg-since", "2024-05")
    w.page.fill("#irkg-until", "2024-05")
    w.page.dispatch_event("#irkg-until", "change")
    # May 2024 and events dated only "2024" (same rule as kg.network.Filters)
    assert w.js("() => irkg.edges.get({filter: e => !e.hidden}).map(e => e.label).sort()") == \
        ["aided", "met", "pledged", "threatened"]

    w.page.click("#irkg-reset")
    w.page.select_option("#irkg-country", "IGO")
    assert w.visible() == {"nodes": 2, "edges": 1}  # the UN condemned North Korea

    w.page.click("#irkg-reset")
    assert w.visible() == {"nodes": g.number_of_nodes(), "edges": g.number_of_edges()}
    w.js("id => irkg.select(id)", BASE + "PRK")
    w.page.click("#irkg-focus")
    assert w.visible()["nodes"] == 1 + len(set(nx.all_neighbors(g, BASE + "PRK")))
    assert w.problems == []


def test_clicking_a_node_and_an_edge_fills_the_details_panel(open_page, tmp_path):
    viz.render(korea_graph(), str(tmp_path / "g.html"))
    w = open_page(tmp_path / "g.html")
    w.click_node(BASE + "un")
    assert w.js("() => irkg.network.getSelectedNodes()") == [BASE + "un"]
    assert "United Nations" in w.page.locator("#irkg-details").inner_text()
    eid = w.js("() => irkg.edges.get({filter: e => e.label === 'sanctioned'})[0].id")
    w.js("id => irkg.showEdge(id)", eid)
    details = w.page.locator("#irkg-details").inner_text()
    assert "sanctioned" in details and "SANCTION" in details and "2024-04-20" in details
    assert "Washington sanctioned Pyongyang." in details and "An article" in details
    assert w.problems == []


def test_big_graph_uses_precomputed_layout(open_page, tmp_path):
    g = nx.MultiDiGraph()
    hubs = [add_actor(g, f"h{i}", f"Hub {i}", "State", "USA") for i in range(4)]
    for i in range(120):
        leaf = add_actor(g, f"l{i}", f"Leaf {i}", "Person", "KOR")
        add_event(g, leaf, hubs[i % 4], "met", "CONSULT", "verbal_cooperation")
    add_event(g, hubs[0], hubs[1], "accused", "ACCUSE", "verbal_conflict")
    figures = viz.render(g, str(tmp_path / "big.html"), layout_threshold=50)
    assert figures["physics"] is False
    w = open_page(tmp_path / "big.html")
    assert w.js("() => irkg.network.physics.options.enabled") is False
    assert w.visible() == {"nodes": 124, "edges": 121}
    w.page.screenshot(path=str(tmp_path / "big.png"))
    assert w.problems == []


def test_hostile_text_stays_text(open_page, tmp_path):
    g = hostile_graph()
    viz.render(g, str(tmp_path / "evil.html"), title=HOSTILE_TITLE)
    w = open_page(tmp_path / "evil.html")
    assert w.page.title() == HOSTILE_TITLE
    assert w.visible() == {"nodes": 3, "edges": 2}

    w.click_node(BASE + "evil")
    panel = w.page.locator("#irkg-details")
    text = panel.inner_text()
    assert HOSTILE_LABEL in text and HOSTILE_SENTENCE in text and HOSTILE_TITLE in text
    assert "javascript:alert(5)" in text  # shown, as text
    assert "<i>accused</i>" in text

    eid = w.js("() => irkg.edges.get({filter: e => e.label === 'tested'})[0].id")
    w.js("id => irkg.showEdge(id)", eid)
    text = panel.inner_text()
    assert "<iframe src=javascript:alert(6)>" in text and HOSTILE_IMG in text
    hrefs = w.js("() => Array.from(document.querySelectorAll('#irkg-details a')).map(a => a.getAttribute('href'))")
    assert hrefs == ["https://news.example.com/ok?a=%3Cb%3E&c=%3C/script%3E"]

    w.js("id => irkg.showNode(id)", BASE + "evil2")
    # nothing from the data became an element anywhere on the page
    assert w.js("() => document.querySelectorAll('img, iframe, svg[onload], i, b').length") == 0
    assert w.js("() => document.querySelectorAll('script').length") == 3

    # the hover tooltip shows the label as text too
    box = w.page.locator("#irkg-network").bounding_box()
    xy = w.js("id => irkg.network.canvasToDOM(irkg.network.getPositions([id])[id])", BASE + "evil2")
    w.page.mouse.move(box["x"] + xy["x"], box["y"] + xy["y"])
    tip = w.page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=5000)
    assert HOSTILE_IMG in tip.inner_text()
    assert w.js("() => document.querySelectorAll('div.vis-tooltip img').length") == 0
    w.page.screenshot(path=str(tmp_path / "evil.png"))
    assert w.problems == []
