"""Ingest: files, folders and JSON Lines become Articles; bad input becomes Problems."""
import json

import pytest

from kg.ingest import parse_date, read_paths, split_header_and_byline
from kg.records import Article, Problem


def _articles(items):
    return [x for x in items if isinstance(x, Article)]


def _problems(items):
    return [x for x in items if isinstance(x, Problem)]


@pytest.mark.parametrize("raw,text,date,author", [
    (" date 2021-10-06 First paragraph.\nSecond.\nBy Jane Roe (jane@example.com",
     "First paragraph.\nSecond.", "2021-10-06", "Jane Roe"),
    ("date 2020-01-02\nBody only.", "Body only.", "2020-01-02", None),
    ("No header here.\nBy the way, this is text.", "No header here.\nBy the way, this is text.", None, None),
    ("Plain text.", "Plain text.", None, None),
])
def test_ingest_header_and_byline_are_not_article_text(raw, text, date, author):
    got_text, got_date, got_author, _ = split_header_and_byline(raw)
    assert (got_text, got_date, got_author) == (text, date, author)


def test_ingest_seed_has_date_author_and_clean_text(seed_path):
    [a] = _articles(read_paths([seed_path]))
    assert a.id == "000_752275d0ded06cc5"
    assert a.date == "2021-10-06"
    assert a.author == "Ahn Sung-mi"
    assert a.text.startswith("South Korean Foreign Minister")
    assert "date 2021" not in a.text and "heraldcorp" not in a.text


@pytest.mark.parametrize("value,expected", [
    ("2021-10-06", "2021-10-06"), ("2021-10-06T12:00:00Z", "2021-10-06"), ("2021/10/06", "2021-10-06"),
    ("October 6, 2021", "2021-10-06"), ("6 October 2021", "2021-10-06"), ("2021-02-30", None),
    ("yesterday", None), ("", None), (None, None), (20211006, "2021-10-06"),
])
def test_ingest_parse_date_accepts_common_spellings_and_rejects_impossible_dates(value, expected):
    assert parse_date(value) == expected


def test_ingest_jsonl_reads_fields_and_reports_bad_lines_with_line_numbers(tmp_path):
    p = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Iran met Iraq.", "date": "2020-05-01", "title": "T", "url": "http://x",
                    "source": "Wire", "extra": 1}),
        "{not json",
        json.dumps({"id": "a3"}),
        json.dumps({"id": "a4", "text": 42}),
        json.dumps(["a list"]),
        "",
        json.dumps({"id": "a1", "text": "duplicate id"}),
        json.dumps({"text": "No id, so one is made from the file and line."}),
        json.dumps({"id": "a9", "text": "   "}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_paths([p]))
    arts = _articles(items)
    assert [a.id for a in arts] == ["a1", "batch-8"]
    assert arts[0].title == "T" and arts[0].url == "http://x" and arts[0].source == "Wire"
    probs = {(pr.origin.rsplit(":", 1)[1], pr.code) for pr in _problems(items)}
    assert probs == {("2", "E104"), ("3", "E105"), ("4", "E106"), ("5", "E110"), ("7", "E111"), ("9", "E107")}


@pytest.mark.parametrize("name,data,code", [
    ("empty.txt", b"", "E101"),
    ("binary.txt", b"\x00\x01\x02\xff\x00PNG", "E102"),
    ("latin1.txt", "Caf\xe9 in Paris".encode("latin-1"), "E103"),
    ("blank.txt", b"   \n\t\n", "E107"),
    ("image.png", b"\x89PNG", "E108"),
])
def test_ingest_bad_file_is_reported_with_its_path_and_skipped(tmp_path, name, data, code):
    bad = tmp_path / name
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text("Japan met China.", encoding="utf-8")
    items = list(read_paths([bad, good]))
    [prob] = _problems(items)
    assert prob.code == code and str(bad) in str(prob)
    assert [a.id for a in _articles(items)] == ["good"]


def test_ingest_utf8_bom_and_utf16_are_read(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffIndia met Nepal.".encode("utf-8"))
    (tmp_path / "wide.txt").write_bytes("Chile met Peru.".encode("utf-16"))
    arts = _articles(read_paths([tmp_path]))
    assert sorted(a.text for a in arts) == ["Chile met Peru.", "India met Nepal."]


def test_ingest_folder_is_read_recursively_in_a_stable_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.md").write_text("Two.", encoding="utf-8")
    (tmp_path / "one.txt").write_text("One.", encoding="utf-8")
    (tmp_path / "skip.csv").write_text("x", encoding="utf-8")
    assert [a.id for a in _articles(read_paths([tmp_path]))] == ["two", "one"]


def test_ingest_missing_path_is_a_problem_not_a_crash(tmp_path):
    [prob] = list(read_paths([tmp_path / "nope.txt"]))
    assert prob.code == "E100"


def test_ingest_symlink_loop_is_reported_once(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    items = list(read_paths([tmp_path]))
    assert [a.id for a in _articles(items)] == ["x"]
    assert [p.code for p in _problems(items)] == ["E113"]
