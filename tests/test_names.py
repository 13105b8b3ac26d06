"""Names a user types are checked: a typo is an error that suggests the right name, never an
empty result; countries are taken by name or code; exports are files any tool reads."""
import csv
import json
import os
import stat
import subprocess
import sys

import pytest

from kg import names
from kg.errors import KgError

pytestmark = pytest.mark.model
KG = [sys.executable, "-m", "kg.cli"]


def kg(*args):
    return subprocess.run([*KG, *map(str, args)], capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("typed,code", [
    ("RUS", "RUS"), ("rus", "RUS"), ("Russia", "RUS"), ("south korea", "KOR"), ("the United States", "USA"),
    ("IGO", "IGO"), ("IMG", "IMG"),
])
def test_a_country_is_taken_by_code_or_by_name(typed, code):
    assert names.country_code(typed) == code


@pytest.mark.parametrize("check,value,code,hint", [
    (names.country_code, "Rusia", "E213", "RUS (Russia)"),
    (names.plover_type, "acuse", "E214", "'ACCUSE'"),
    (names.relation, "meet", "E214", "'met'"),
    (lambda v: names.date_prefix(v, "--since"), "2018-13", "E215", ""),
    (lambda v: names.date_prefix(v, "--since"), "2018-02-30", "E215", ""),
    (lambda v: names.date_prefix(v, "--since"), "March 2018", "E215", ""),
])
def test_an_unknown_name_is_an_error_that_suggests_the_closest(check, value, code, hint):
    with pytest.raises(KgError) as e:
        check(value)
    assert e.value.code == code and hint in str(e.value)


@pytest.mark.parametrize("date", ["2018", "2018-03", "2018-03-05"])
def test_dates_at_any_precision_are_accepted(date):
    assert names.date_prefix(date, "--since") == date


@pytest.mark.parametrize("args,code,hint", [
    (["viz", "-o", "{tmp}/g.html", "--focus", "Moon Jae-inn"], "E216", "'Moon Jae-in'"),
    (["viz", "-o", "{tmp}/g.html", "--country", "Koreaa"], "E213", "KOR"),
    (["viz", "-o", "{tmp}/g.html", "--relation", "meet"], "E214", "'met'"),
    (["stats", "--plover", "consul"], "E214", "'CONSULT'"),
    (["stats", "--since", "2018-13"], "E215", ""),
    (["query", "partnrs"], "E204", "'partners'"),
    (["query", "partners", "-p", "country=Soth Korea"], "E213", "KOR"),
])
def test_cli_typos_exit_2_with_a_suggestion(seed_store, tmp_path, args, code, hint):
    args = [a.format(tmp=tmp_path) for a in args]
    r = kg(args[0], "--store", seed_store, *args[1:])
    assert r.returncode == 2, r.stderr
    assert code in r.stderr and hint in r.stderr
    assert not (tmp_path / "g.html").exists()


def test_cli_a_country_name_filters_like_its_code(seed_store, tmp_path):
    by_name = kg("query", "--store", seed_store, "partners", "-p", "country=South Korea", "-f", "json")
    by_code = kg("query", "--store", seed_store, "partners", "-p", "country=KOR", "-f", "json")
    assert by_name.returncode == 0 and json.loads(by_name.stdout) == json.loads(by_code.stdout) != []
    r = kg("viz", "--store", seed_store, "-o", tmp_path / "g.html", "--country", "South Korea")
    assert r.returncode == 0 and " 0 nodes" not in r.stderr


def test_exports_are_json_arrays_one_line_rows_and_world_readable(seed_store, tmp_path):
    old = os.umask(0o022)
    try:
        for name in ("events.json", "events.csv", "graph.ttl"):
            what = "graph" if name.endswith(".ttl") else "events"
            r = kg("export", what, "--store", seed_store, "-o", tmp_path / name)
            assert r.returncode == 0, r.stderr
            assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644
    finally:
        os.umask(old)
    rows = json.loads((tmp_path / "events.json").read_text(encoding="utf-8"))
    assert isinstance(rows, list) and rows and "plover" in rows[0]
    with open(tmp_path / "events.csv", newline="", encoding="utf-8") as f:
        table = list(csv.DictReader(f))
    assert len(table) == len(rows)
    assert not any("\n" in v or "\r" in v for r in table for v in r.values())


def test_the_queries_of_docs_graph_md_run_and_find_the_seed_facts(seed_store):
    import re
    from pathlib import Path
    text = (Path(__file__).resolve().parent.parent / "docs" / "graph.md").read_text(encoding="utf-8")
    queries = re.findall(r"```sparql\n(.*?)```", text, re.S)
    params = [[], ["-p", "country=South Korea"], ["-p", "article_id=000_752275d0ded06cc5"], [], []]
    assert len(queries) == len(params)
    for q, p in zip(queries, params):
        r = kg("query", "--store", seed_store, q, *p, "-f", "json")
        assert r.returncode == 0, r.stderr
        assert json.loads(r.stdout), q


def test_the_store_defaults_to_kg_store_then_out_store_and_the_version_prints(seed_store, tmp_path):
    import kg as kg_pkg
    r = kg("--version")
    assert r.returncode == 0 and r.stdout.strip() == f"irkg {kg_pkg.__version__}"
    env = {**os.environ, "KG_STORE": str(seed_store)}
    by_env = subprocess.run([*KG, "query", "who-met-whom", "-f", "json"], capture_output=True, text=True,
                            env=env, timeout=300)
    assert by_env.returncode == 0 and json.loads(by_env.stdout)
    env.pop("KG_STORE")
    none = subprocess.run([*KG, "stats"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert none.returncode == 3 and "E201 store 'out/store' does not exist" in none.stderr


def test_ctrl_c_stops_a_build_cleanly_and_the_same_command_resumes(tmp_path):
    import signal
    import time
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(400):
        (folder / f"a{i:03d}.txt").write_text(f"Germany sanctioned Belarus on Friday, report {i} said.\n",
                                              encoding="utf-8")
    store = tmp_path / "store"
    cmd = [*KG, "build", folder, "--store", store, "--workers", "1", "--batch-size", "1"]
    p = subprocess.Popen(list(map(str, cmd)), stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    first = p.stderr.readline()  # "built a000": the model is loaded and batches are being written
    assert first.startswith("built "), first
    time.sleep(0.5)
    p.send_signal(signal.SIGINT)
    out, err = p.communicate(timeout=120)
    assert p.returncode == 130, err
    last = err.strip().splitlines()[-1]
    assert last.startswith("kg: stopped after ") and last.endswith("run the same command to resume")
    assert "Traceback" not in err
    done = int(last.split("stopped after ")[1].split()[0])
    assert 0 < done < 400
    again = subprocess.run(list(map(str, cmd)), capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    assert again.stderr.count("unchanged ") >= done
    assert "store: 400 articles" in again.stdout
