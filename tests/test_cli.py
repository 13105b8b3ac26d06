"""The command line: exit codes, one-line errors, bad input reported and skipped."""
import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.model
KG = [sys.executable, "-m", "kg.cli"]


def kg(*args, cwd=None):
    return subprocess.run([*KG, *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=300)


@pytest.fixture
def corpus(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(" date 2022-03-02 Japanese Prime Minister Fumio Kishida met Indian Prime Minister "
                                "Narendra Modi in Tokyo on Monday.\n", encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x00\x00\x00IHDR")
    (d / "latin1.txt").write_bytes("Le pr\xe9sident a rencontr\xe9 le ministre.".encode("latin-1"))
    lines = [json.dumps({"id": "j1", "text": "Germany sanctioned Belarus on Friday.", "date": "2021-06-25"}),
             "{broken",
             json.dumps({"id": "j3", "title": "no text"})]
    (d / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return d


def test_cli_build_reports_each_bad_input_with_file_and_line_and_builds_the_rest(corpus, tmp_path):
    store = tmp_path / "store"
    r = kg("build", corpus, "--store", store)
    assert r.returncode == 1, r.stderr
    err = r.stderr
    assert f"{corpus / 'empty.txt'}: E101" in err
    assert f"{corpus / 'binary.txt'}: E102" in err
    assert f"{corpus / 'latin1.txt'}: E103" in err
    assert f"{corpus / 'feed.jsonl'}:2: E104" in err
    assert f"{corpus / 'feed.jsonl'}:3: E105" in err
    assert "Traceback" not in err
    assert "built 2 articles" in r.stdout
    ids = kg("query", "--store", store, "articles", "--format", "json")
    assert {row["article_id"] for row in json.loads(ids.stdout)} == {"good", "j1"}


def test_cli_build_clean_input_exits_zero_and_rebuild_skips_unchanged(tmp_path):
    (tmp_path / "a.txt").write_text("Brazil met Argentina.", encoding="utf-8")
    store = tmp_path / "store"
    first = kg("build", tmp_path / "a.txt", "--store", store)
    assert first.returncode == 0, first.stderr
    again = kg("build", tmp_path / "a.txt", "--store", store)
    assert again.returncode == 0
    assert "built 0 articles (1 unchanged" in again.stdout


def test_cli_build_counts_the_other_files_of_a_folder_and_names_them_when_verbose(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text("Brazil met Argentina.", encoding="utf-8")
    (d / "logo.png").write_bytes(b"\x89PNG")
    r = kg("build", d, "--store", tmp_path / "s")
    assert r.returncode == 0, r.stderr
    assert "1 other file not read, -v names them" in r.stdout and "logo.png" not in r.stderr
    r = kg("build", d, "--store", tmp_path / "s2", "--verbose")
    assert r.returncode == 0 and f"{d / 'logo.png'}: E122" in r.stderr


def test_cli_plain_progress_lines_when_not_a_terminal(tmp_path):
    (tmp_path / "a.txt").write_text("Brazil met Argentina.", encoding="utf-8")
    r = kg("build", tmp_path / "a.txt", "--store", tmp_path / "s")
    assert "built a" in r.stderr.splitlines()
    assert "\x1b[" not in r.stderr


def test_cli_progress_bar_on_a_terminal_shows_the_total_and_the_time_left(tmp_path):
    """A real pseudo-terminal: the bar counts against the total the input holds and says how long is left."""
    import os
    import pty
    import time
    d = tmp_path / "in"
    d.mkdir()
    for k in range(6):
        (d / f"a{k}.txt").write_text(f"Brazil met Argentina on day {k}. Chile protested.", encoding="utf-8")
    pid, fd = pty.fork()
    if pid == 0:  # the child: kg build with its stderr on the terminal
        os.execvp(sys.executable, [*KG, "build", str(d), "--store", str(tmp_path / "s")])
    out, deadline = b"", time.time() + 240
    while time.time() < deadline:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    _, status = os.waitpid(pid, 0)
    text = out.decode("utf-8", "replace")
    assert os.waitstatus_to_exitcode(status) == 0, text[-2000:]
    assert "/6" in text and "left" in text, text[-2000:]


@pytest.mark.parametrize("fmt,check", [
    ("csv", lambda out: out.splitlines()[0].startswith("source,relation,target")),
    ("tsv", lambda out: out.splitlines()[0].startswith("source\trelation\ttarget")),
    ("json", lambda out: isinstance(json.loads(out), list)),
    ("table", lambda out: out.rstrip().endswith("rows)")),
])
def test_cli_query_saved_query_in_each_format(seed_store, fmt, check):
    r = kg("query", "--store", seed_store, "who-met-whom", "--format", fmt)
    assert r.returncode == 0, r.stderr
    assert check(r.stdout)


def test_cli_query_param_is_bound_not_pasted(seed_store):
    query = "SELECT ?label WHERE { ?a <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
    r = kg("query", "--store", seed_store, query, "--param", 'label=KOR" } ; DROP ALL ; #', "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout) == []
    assert json.loads(kg("query", "--store", seed_store, query, "--format", "json").stdout)


def test_cli_export_events_to_stdout(seed_store):
    r = kg("export", "events", "--store", seed_store, "-o", "-")
    assert r.returncode == 0
    assert r.stdout.startswith("event_id,article_id,date")


def test_cli_export_events_gives_each_event_the_goldstein_score_of_its_cameo_code(seed_store):
    import csv
    import io
    from kg import lexicon
    rows = list(csv.DictReader(io.StringIO(kg("export", "events", "--store", seed_store, "-o", "-").stdout)))
    assert rows
    for r in rows:
        assert float(r["goldstein"]) == lexicon.load().code(r["cameo"]).goldstein, r["cameo"]
    # the seed reports both cooperation (meetings) and conflict (threats, tests): scores on both sides of 0
    assert any(float(r["goldstein"]) < 0 for r in rows) and any(float(r["goldstein"]) > 0 for r in rows)


def test_cli_export_events_as_gdelt_gives_61_columns_that_gdelt_readers_parse(seed_store):
    import csv
    import io
    from kg.export import GDELT_COLUMNS
    out = kg("export", "events", "--store", seed_store, "-f", "gdelt", "-o", "-")
    assert out.returncode == 0
    lines = [dict(zip(GDELT_COLUMNS, line.split("\t"))) for line in out.stdout.splitlines()]
    table = list(csv.DictReader(io.StringIO(kg("export", "events", "--store", seed_store, "-o", "-").stdout)))
    # one line per reported event, as GDELT has it: the seed tells of one meeting twice
    assert sum(int(line["NumMentions"]) for line in lines) == sum(r["direction"] == "stated" for r in table)
    assert any(line["NumMentions"] == "2" for line in lines)
    assert all(len(line) == 61 for line in lines) and len(GDELT_COLUMNS) == 61
    for line in lines:
        assert len(line["Day"]) == 8 and line["Day"].isdigit() and line["MonthYear"] == line["Day"][:6]
        assert line["EventRootCode"] == line["EventCode"][:2] and line["QuadClass"] in "1234"
        assert -10 <= float(line["GoldsteinScale"]) <= 10 and int(line["GlobalEventID"]) > 0
    met = [line for line in lines if line["EventRootCode"] == "04" and line["Actor2Code"]]
    assert met and met[0]["QuadClass"] == "1" and met[0]["Actor1Code"].endswith(met[0]["Actor1Type1Code"])


@pytest.mark.parametrize("args,code,exit", [
    (["query", "--store", "{missing}", "who-met-whom"], "E201", 3),
    (["query", "--store", "{store}", "no-such-query"], "E204", 2),
    (["query", "--store", "{store}", "SELECT ?x WHERE {{"], "E217", 3),
    (["export", "events", "--store", "{store}", "-o", "{tmp}/events.xlsx"], "E207", 2),
    (["remove", "--store", "{store}", "not-an-article"], "E209", 3),
])
def test_cli_errors_are_one_line_with_a_code_and_exit_3_or_2_for_a_bad_name(seed_store, tmp_path, args, code, exit):
    args = [a.format(missing=tmp_path / "none", store=seed_store, tmp=tmp_path) for a in args]
    r = kg(*args)
    assert r.returncode == exit
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and code in lines[0], r.stderr


@pytest.mark.parametrize("query,where,says", [
    ("SELECT ?x WHERE { ?x ?p }", "line 1, column 26", "something is missing"),
    ("SELECT ?x\nWHERE {\n  ?x foo:bar ?y }", "line 3", "the prefix 'foo:' is not declared"),
    ("SELEC ?x WHERE { ?x ?p ?y }", "line 1", "after 'SELEC ?x'"),
])
def test_cli_sparql_syntax_errors_say_where_in_the_users_lines(seed_store, query, where, says):
    r = kg("query", "--store", str(seed_store), query)
    assert r.returncode == 3
    line = r.stderr.strip()
    assert "E217" in line and where in line and says in line, line
    assert "LATERAL" not in line and len(line.splitlines()) == 1


def test_cli_bad_usage_exits_2():
    assert kg("build").returncode == 2


def test_cli_counts_agree_between_build_export_and_stats(tmp_path):
    """One definition of each count: the build's actors are the rows of the actor export, its
    events at the default confidence are the exported events, its data triples the statements of
    an N-Quads export; stats says it counts the network, not the store."""
    import re
    from pathlib import Path
    seed = Path(__file__).resolve().parents[1] / "seeds"
    store = tmp_path / "store"
    built = kg("build", seed, "--store", store, "--quiet")
    assert built.returncode == 0, built.stderr
    m = re.search(r"(\d+) actors, (\d+) events \((\d+) at confidence >= ([\d.]+), the views' default\), "
                  r"(\d+) triples \((\d+) of data, (\d+) of the ontology\)", built.stdout)
    assert m, built.stdout
    actors, events, shown, _, triples, data, ontology = m.groups()
    assert int(triples) == int(data) + int(ontology)
    out = kg("export", "actors", "--store", store, "-o", tmp_path / "a.csv")
    assert f"wrote {actors} actors" in out.stderr
    out = kg("export", "events", "--store", store, "-o", tmp_path / "e.csv")
    assert f"({shown} events at confidence >= " in out.stderr
    out = kg("export", "events", "--store", store, "--min-confidence", "0", "-o", tmp_path / "e0.csv")
    assert f"({events} events at confidence >= 0.00" in out.stderr
    out = kg("export", "graph", "--store", store, "-o", tmp_path / "g.nq")
    assert f"wrote {data} statements" in out.stderr and "ontology graph is left out" in out.stderr
    stats = kg("stats", "--store", store, "-t", "counts")
    assert "actors in the network" in stats.stdout and "events with a target or an object" in stats.stdout


def test_cli_stats_csv_is_one_table_per_call(seed_store, tmp_path):
    import csv as csv_mod
    r = kg("stats", "--store", seed_store, "-f", "csv")
    assert r.returncode == 2 and "E218" in r.stderr and "--table" in r.stderr
    r = kg("stats", "--store", seed_store, "-f", "csv", "-t", "centrality")
    rows = list(csv_mod.DictReader(r.stdout.splitlines()))
    assert r.returncode == 0 and rows and set(rows[0]) >= {"label", "degree", "betweenness"}
    r = kg("stats", "--store", seed_store, "-t", "centrlity")
    assert r.returncode == 2 and "did you mean 'centrality'" in r.stderr
