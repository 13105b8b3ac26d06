"""The store on a real SPARQL 1.1 server: an Oxigraph server (`pip install oxigraph`) that this
module starts on 127.0.0.1 and always stops."""
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from endpoint import free_port

from kg import api
from kg.errors import KgError
from kg.store import RemoteStore, open_store
from settle_articles import assert_settled, write_settle_articles

pytestmark = pytest.mark.model


def _oxigraph() -> str | None:
    here = Path(sys.executable).parent / "oxigraph"
    return str(here) if here.exists() else shutil.which("oxigraph")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The URL of a fresh Oxigraph server, stopped when the module's tests are done."""
    exe = _oxigraph()
    if exe is None:
        pytest.skip("no oxigraph server: pip install oxigraph")
    port = free_port()
    log = open(tmp_path_factory.mktemp("oxigraph-log") / "server.log", "wb")
    proc = subprocess.Popen([exe, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph-data")),
                             "--bind", f"127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"oxigraph did not start (exit {proc.poll()})")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def remote_seed(server, seed_path):
    report = api.build([str(seed_path)], server)
    assert report.built == 1
    return server


def _nq(store, path: Path) -> bytes:
    api.export_graph(store, str(path))
    return path.read_bytes()


def test_remote_store_build_exports_the_same_nquads_as_the_embedded_store(remote_seed, seed_store, tmp_path):
    remote = _nq(remote_seed, tmp_path / "remote.nq")
    assert remote == _nq(seed_store, tmp_path / "local.nq")
    assert remote.count(b"\n") > 500


def test_remote_store_saved_query_who_met_whom(remote_seed):
    pairs = {(r["source"], r["target"]) for r in api.query(remote_seed, "who-met-whom").dicts()}
    assert {("Chung Eui-yong", "Antony Blinken"), ("Chung Eui-yong", "Luigi Di Maio"),
            ("Chung Eui-yong", "Gordan Grlic Radman")} <= pairs


def test_remote_store_param_is_bound_not_pasted(remote_seed):
    # Bound straight to the store: parse_params would already refuse this as an unknown country.
    from rdflib import Literal
    rows = api.query(remote_seed, "partners", {"country": Literal('KOR" } ; DROP ALL ; #')}).dicts()
    assert rows == []
    assert api.summary(remote_seed).articles == 1


def test_remote_store_rebuild_skips_unchanged_with_one_lookup(remote_seed, seed_path, seed_store):
    store = open_store(remote_seed)
    assert isinstance(store, RemoteStore)
    article_id = seed_path.stem
    assert set(store.content_hashes([article_id, "no-such-article"])) == {article_id}
    assert store.content_hashes([article_id]) == api.open_store(seed_store).content_hashes([article_id])
    again = api.build([str(seed_path)], remote_seed)
    assert (again.built, again.unchanged) == (0, 1)


def test_remote_store_remove_then_rebuild_and_load_are_idempotent(server, seed_path, seed_store, tmp_path):
    article_id = seed_path.stem
    before = _nq(server, tmp_path / "before.nq")
    api.remove(server, article_id)
    store = open_store(server)
    assert f"https://w3id.org/irkg/id/graph/{article_id}" not in store.named_graphs()
    with pytest.raises(KgError, match="E209"):
        api.remove(server, article_id)
    assert api.build([str(seed_path)], server).built == 1
    assert _nq(server, tmp_path / "rebuilt.nq") == before
    # Loading an export replaces the article's graph rather than adding to it.
    api.load([str(tmp_path / "before.nq")], server)
    assert _nq(server, tmp_path / "loaded.nq") == before
    assert len(store) == len(api.open_store(seed_store))


def test_remote_store_unreachable_server_is_one_error(tmp_path):
    with pytest.raises(KgError, match="E202"):
        open_store(f"http://127.0.0.1:{free_port()}").content_hashes(["x"])


@pytest.mark.parametrize("spec,query,update,store", [
    ("http://h:7878", "http://h:7878/query", "http://h:7878/update", "http://h:7878/store"),
    ("http://h:3030/ds?query=/ds/query&update=/ds/update&store=/ds/data",
     "http://h:3030/ds/query", "http://h:3030/ds/update", "http://h:3030/ds/data"),
])
def test_remote_store_url_forms(spec, query, update, store):
    s = RemoteStore(spec)
    assert (s.query_url, s.update_url, s.store_url) == (query, update, store)


def test_remote_store_keeps_one_label_and_one_country_per_actor(server, tmp_path):
    # Last among the server tests: these articles stay in the server's store.
    folder = write_settle_articles(tmp_path / "in")
    for name in ("a2.txt", "a1.txt", "a3.txt"):
        report = api.build([str(folder / name)], server)
        assert not report.problems
    assert_settled(server)
