"""The showcase article, end to end with the real model: what the issues promise it shows."""
import csv
import io

import pytest
from rdflib import Graph

from kg import api, export

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def events(seed_store):
    return export.event_table(api.open_store(seed_store)).dicts()


@pytest.fixture(scope="module")
def actors(seed_store):
    return export.actor_table(api.open_store(seed_store)).dicts()


def _has(events, source, relation, target=None, **fields):
    for e in events:
        if e["source"] == source and e["relation"] == relation and (target is None or e["target"] == target) \
                and all(e.get(k) == v for k, v in fields.items()):
            return True
    return False


@pytest.mark.parametrize("partner", ["Antony Blinken", "Luigi Di Maio", "Gordan Grlic Radman"])
def test_seed_chung_meets_each_counterpart(events, partner):
    assert any(e["source"] == "Chung Eui-yong" and e["target"] == partner and e["plover"] == "CONSULT"
               for e in events)


def test_seed_meeting_with_blinken_is_dated_tuesday_in_paris(events):
    assert _has(events, "Chung Eui-yong", "met", "Antony Blinken", date="2021-10-05", location="Paris")


@pytest.mark.parametrize("weapon", ["cruise missile", "hypersonic missile", "ballistic missile"])
def test_seed_north_korea_tested_each_weapon_last_month(events, weapon):
    assert _has(events, "North Korea", "tested", object=weapon, source_country="PRK", date="2021-09",
                date_precision="month", plover="MOBILIZE")


def test_seed_south_korea_pledged_aid_to_covax(events):
    assert _has(events, "South Korea", "pledged aid to", "COVAX", plover="AGREE")


def test_seed_pyongyang_cut_off_contact_in_august(events):
    assert _has(events, "North Korea", "cut off contact with", date="2021-08", plover="SANCTION")


def test_seed_state_department_demanded_north_korea_halt_provocations(events):
    assert _has(events, "US State Department", "demanded", "North Korea", plover="REQUEST")


def test_seed_has_not_responded_gives_no_event(events):
    sentence = [e for e in events if "has not responded" in e["sentence"]]
    assert all(e["source"] != "North Korea" for e in sentence)


def test_seed_every_event_keeps_sentence_and_offsets(events, seed_path):
    from kg.ingest import read_paths
    [article] = list(read_paths([seed_path]))
    for e in events:
        assert article.text[int(e["start"]):int(e["end"])] == e["sentence"]
        assert 0 < float(e["confidence"]) <= 1


@pytest.mark.parametrize("label,country,title", [
    ("Chung Eui-yong", "KOR", "Foreign Minister"),
    ("Antony Blinken", "USA", "Secretary of State"),
    ("Moon Jae-in", "KOR", "President"),
    ("Luigi Di Maio", "ITA", "Foreign Minister"),
    ("Gordan Grlic Radman", "HRV", "Foreign Minister"),
])
def test_seed_each_person_is_one_actor_with_country_and_title(actors, label, country, title):
    rows = [a for a in actors if a["label"] == label]
    assert len(rows) == 1
    assert (rows[0]["type"], rows[0]["country"], rows[0]["title"]) == ("Person", country, title)


def test_seed_no_truncated_or_short_name_actors(actors):
    labels = {a["label"] for a in actors}
    assert not labels & {"Moon Jae", "Chung", "Moon", "Blinken", "State", "COVID-19", "Paris"}


def test_seed_states_and_organisations(actors):
    states = {a["country"] for a in actors if a["type"] == "State"}
    assert {"KOR", "PRK", "USA", "ITA", "HRV"} <= states
    orgs = {a["label"] for a in actors if a["type"] != "State" and a["type"] != "Person"}
    assert {"UN Security Council", "UN General Assembly", "COVAX"} <= orgs
    assert any("Economic Co" in o for o in orgs)


def test_seed_who_met_whom_lists_the_meetings(seed_store):
    rows = api.query(seed_store, "who-met-whom").dicts()
    pairs = {(r["source"], r["target"]) for r in rows}
    assert {("Chung Eui-yong", "Antony Blinken"), ("Chung Eui-yong", "Luigi Di Maio"),
            ("Chung Eui-yong", "Gordan Grlic Radman")} <= pairs


def test_seed_meeting_is_found_from_either_side(seed_store):
    rows = api.query(seed_store, """
        PREFIX ir: <https://w3id.org/irkg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?who WHERE { ?b rdfs:label "Antony Blinken" . ?b ir:met ?x . ?x rdfs:label ?who }""").dicts()
    assert {"Chung Eui-yong"} <= {r["who"] for r in rows}


def test_seed_event_table_reads_a_meeting_from_either_side_and_nothing_else(events):
    stated = [e for e in events if e["direction"] == "stated"]
    mirrored = [e for e in events if e["direction"] == "mirrored"]
    meeting = next(e for e in stated if e["source"] == "Chung Eui-yong" and e["target"] == "Antony Blinken")
    back = [e for e in mirrored if e["event_id"] == meeting["event_id"]]
    assert len(back) == 1
    assert (back[0]["source"], back[0]["source_country"], back[0]["target"], back[0]["target_country"]) == \
        ("Antony Blinken", "USA", "Chung Eui-yong", "KOR")
    # Only symmetric relations are mirrored: a test or a demand has one direction.
    from kg import lexicon
    symmetric = {name for name, rel in lexicon.load().relations.items() if rel.symmetric}
    assert {e["relation"] for e in mirrored} <= symmetric
    assert not any(e["plover"] in ("MOBILIZE", "REQUEST") for e in mirrored)
    assert len({e["event_id"] for e in stated}) == len(stated)


def test_seed_turtle_export_parses(seed_store, tmp_path):
    out = tmp_path / "graph.ttl"
    api.export_graph(seed_store, str(out))
    g = Graph().parse(out, format="turtle")
    assert len(g) > 500


def test_seed_events_csv_has_the_required_columns(seed_store, tmp_path):
    out = tmp_path / "events.csv"
    api.export_events(seed_store, str(out))
    header = next(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    for col in ("event_id article_id date relation cameo plover source source_country source_sector target "
                "target_country target_sector object location sentence start end confidence").split():
        assert col in header


def test_seed_stats_rank_chung_first_among_people_and_list_the_kor_usa_dyad(seed_store):
    from kg import analytics
    tables = analytics.stats(api.actor_network(seed_store))
    people = [r for r in tables["centrality"] if r["type"] == "Person"]
    assert people[0]["label"] == "Chung Eui-yong"
    assert any(r["kind"] == "country" and {r["a"], r["b"]} == {"KOR", "USA"} for r in tables["dyads"])
