"""Inputs other than plain text and JSON Lines: web pages, feeds, web archives, compressed
files, and folders holding other files. Every file here is made by the test."""
from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma

import pytest

from kg import ingest
from kg.records import Article, Problem

PAGE = """<!DOCTYPE html><html><head><title>Blinken and Wang meet in Rome - Example News</title>
<meta property="og:site_name" content="Example News"><link rel="canonical" href="https://news.example/world/talks">
<meta name="author" content="Jane Smith"><meta property="article:published_time" content="2021-10-06T09:00:00Z">
</head><body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<div class="advert">Buy now! Subscribe today for $1.</div>
<article><h1>Blinken and Wang meet in Rome</h1><p class="byline">By Jane Smith</p>
<time datetime="2021-10-06">October 6, 2021</time>
<p>U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi in Rome on Sunday to discuss trade
and security, officials said.</p>
<figure><img src="x.jpg"><figcaption>Blinken arrives in Rome. (Photo: Reuters)</figcaption></figure>
<p>The two sides agreed to keep talking, according to a statement released after the meeting.</p>
<div class="related-links"><a href="/a">Russia tests a missile</a> <a href="/b">Markets fall</a></div>
</article><footer>Copyright 2021 Example News. All rights reserved.</footer></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example</link>
<item><title>Iran rejects talks</title><link>https://wire.example/1</link><pubDate>Mon, 04 Oct 2021 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Iran rejected an offer of direct talks with the United States, its foreign ministry said.&lt;/p&gt;</description></item>
<item><title>Russia warns NATO</title><link>https://wire.example/2</link><pubDate>Tue, 05 Oct 2021 10:00:00 GMT</pubDate>
<description>Russia warned NATO against deploying troops near its border, the Kremlin said.</description></item>
<item><title>Japan aids Tonga</title><link>https://wire.example/3</link><pubDate>Wed, 06 Oct 2021 10:00:00 GMT</pubDate>
<description>Japan sent emergency aid to Tonga after the eruption, the government said.</description></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title>Talks in Doha</title><id>urn:uuid:1</id><link href="https://atom.example/1"/><updated>2021-10-07T10:00:00Z</updated>
<content type="html">&lt;p&gt;Qatar hosted talks between the Taliban and the United States in Doha.&lt;/p&gt;</content></entry>
</feed>"""


def articles(results):
    return [r for r in results if isinstance(r, Article)]


def problems(results):
    return [r for r in results if isinstance(r, Problem)]


def test_a_web_page_gives_its_main_text_and_metadata_without_furniture(tmp_path):
    (tmp_path / "talks.html").write_text(PAGE, encoding="utf-8")
    [a] = articles(ingest.read_paths([tmp_path / "talks.html"]))
    assert (a.id, a.title, a.date, a.author, a.source, a.url) == (
        "talks", "Blinken and Wang meet in Rome", "2021-10-06", "Jane Smith", "Example News",
        "https://news.example/world/talks")
    assert a.text.startswith("U.S. Secretary of State Antony Blinken met Chinese Foreign Minister Wang Yi")
    assert "agreed to keep talking" in a.text
    for furniture in ("Home", "Subscribe", "By Jane Smith", "Reuters", "Copyright", "Russia tests", "October 6"):
        assert furniture not in a.text, furniture


def test_a_feed_gives_one_article_per_item_with_link_title_and_date(tmp_path):
    (tmp_path / "wire.rss").write_text(FEED, encoding="utf-8")
    (tmp_path / "wire.atom").write_text(ATOM, encoding="utf-8")
    got = articles(ingest.read_paths([tmp_path / "wire.rss", tmp_path / "wire.atom"]))
    assert [(a.title, a.date, a.url, a.source) for a in got] == [
        ("Iran rejects talks", "2021-10-04", "https://wire.example/1", "Example Wire"),
        ("Russia warns NATO", "2021-10-05", "https://wire.example/2", "Example Wire"),
        ("Japan aids Tonga", "2021-10-06", "https://wire.example/3", "Example Wire"),
        ("Talks in Doha", "2021-10-07", "https://atom.example/1", "Atom Wire")]
    assert got[0].text == "Iran rejected an offer of direct talks with the United States, its foreign ministry said."
    # the same item of a refreshed feed is the same article
    again = articles(ingest.read_paths([tmp_path / "wire.rss"]))
    assert [a.id for a in again] == [a.id for a in got[:3]]


def test_a_web_archive_gives_each_html_response(tmp_path):
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    path = tmp_path / "crawl.warc.gz"
    with open(path, "wb") as f:
        w = WARCWriter(f, gzip=True)
        for url, ctype, body in [("https://news.example/world/talks", "text/html; charset=utf-8", PAGE.encode()),
                                 ("https://news.example/logo.png", "image/png", b"\x89PNG...."),
                                 ("https://news.example/robots.txt", "text/plain", b"User-agent: *")]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers))
    [a] = articles(ingest.read_paths([path]))
    assert a.url == "https://news.example/world/talks" and a.title == "Blinken and Wang meet in Rome"
    assert "Wang Yi" in a.text and "Copyright" not in a.text


@pytest.mark.parametrize("suffix,pack", [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)])
def test_compressed_json_lines_stream_with_their_own_line_numbers(tmp_path, suffix, pack):
    lines = [json.dumps({"id": "a1", "text": "France condemned the attack."}), "not json",
             json.dumps({"id": "a2", "text": "Germany pledged aid to Ukraine."})]
    path = tmp_path / f"dump.jsonl{suffix}"
    path.write_bytes(pack(("\n".join(lines) + "\n").encode()))
    got = list(ingest.read_paths([path]))
    assert [a.id for a in articles(got)] == ["a1", "a2"]
    [bad] = problems(got)
    assert bad.origin == f"{path}:2" and bad.code == "E104"
    assert ingest.count_articles([path]) == 3


def test_a_compressed_text_file_and_page_are_read_and_named_without_their_suffixes(tmp_path):
    (tmp_path / "note.txt.gz").write_bytes(gzip.compress(b"Kenya and Somalia signed a border accord."))
    (tmp_path / "talks.htm.gz").write_bytes(gzip.compress(PAGE.encode()))
    got = articles(ingest.read_paths([tmp_path]))
    assert sorted(a.id for a in got) == ["note", "talks"]


def test_a_damaged_compressed_file_is_reported_and_the_rest_goes_in(tmp_path):
    good = gzip.compress(b'{"id": "a1", "text": "Chile recalled its ambassador."}\n' * 1)
    (tmp_path / "cut.jsonl.gz").write_bytes(good[: len(good) // 2])
    (tmp_path / "fine.txt").write_text("Peru expelled two diplomats.", encoding="utf-8")
    got = list(ingest.read_paths([tmp_path]))
    assert [a.id for a in articles(got)] == ["fine"]
    [bad] = problems(got)
    assert bad.origin.startswith(str(tmp_path / "cut.jsonl.gz")) and bad.code == "E112" and bad.skipped


def test_a_folder_walk_counts_the_files_it_does_not_read(tmp_path):
    (tmp_path / "a.txt").write_text("Egypt and Israel held talks.", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    got = list(ingest.read_paths([tmp_path]))
    notes = [p for p in problems(got) if p.code == "E122"]
    assert sorted(p.origin.rsplit("/", 1)[-1] for p in notes) == ["logo.png", "report.pdf"]
    assert not any(p.skipped for p in notes)  # not articles: the build's exit code does not change


def test_the_same_text_reached_twice_is_built_once(tmp_path):
    text = "Turkey and Greece agreed to resume talks on the Aegean, the two ministries said."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "other", "text": "  " + text.upper() + "\n"}) + "\n",
                                      encoding="utf-8")
    got = list(ingest.read_paths([tmp_path]))
    assert [a.id for a in articles(got)] == ["a"]
    assert [p.code for p in problems(got)] == ["E123"]


def test_the_same_text_from_two_outlets_or_days_is_two_reports(tmp_path):
    text = "Turkey and Greece agreed to resume talks on the Aegean, the two ministries said."
    rows = [{"id": "z", "text": text, "source": "Wire A", "date": "2021-01-02"},
            {"id": "w", "text": text, "source": "Wire A", "date": "2021-01-03"},
            {"id": "y", "text": text, "source": "Wire B", "date": "2021-01-02"},
            {"id": "v", "text": text, "date": "2021-01-02"}]  # no outlet: z's, given again
    for r in rows:
        (tmp_path / f"{r['id']}.jsonl").write_text(json.dumps(r) + "\n", encoding="utf-8")
    got = list(ingest.read_paths([tmp_path / f"{x}.jsonl" for x in "zwyv"]))
    assert [a.id for a in articles(got)] == ["z", "w", "y"]


def test_records_of_one_file_with_their_own_ids_stay_apart_whatever_their_text(tmp_path):
    text = "Benin opened its borders to its neighbours."
    (tmp_path / "gold.jsonl").write_text("".join(json.dumps({"id": i, "text": text}) + "\n" for i in "ab"),
                                         encoding="utf-8")
    assert [a.id for a in articles(ingest.read_paths([tmp_path / "gold.jsonl"]))] == ["a", "b"]


def test_a_pdf_is_refused_with_how_to_convert_it(tmp_path):
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    [p] = list(ingest.read_paths([tmp_path / "report.pdf"]))
    assert p.code == "E108" and "pdftotext" in p.message
