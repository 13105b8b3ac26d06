"""Actors across the store: one row per person, and corrections that survive rebuilds."""
import csv
import io

import pytest

from kg import api, identity
from kg.errors import KgError
from kg.identity import Person, people_merges

ID = "https://w3id.org/irkg/id/actor/person/"


def people(*rows):
    """(key, label, country, mentions, articles) -> Person records."""
    out = []
    for key, label, country, n, arts in rows:
        out.append(Person(ID + key, label, country, n, {label}, set(arts)))
    return out


@pytest.mark.parametrize("rows,merged", [
    # a surname alone is the one person of the store with that surname
    ([("bashar-al-assad", "Bashar al-Assad", "SYR", 5, "a"), ("assad", "Assad", None, 1, "b")],
     {"assad": "bashar-al-assad"}),
    # spelling: accents, Arabic articles, doubled letters, hyphens, word order, middle initials, nicknames
    ([("abdel-fattah-el-sisi", "Abdel Fattah el-Sisi", "EGY", 3, "a"),
      ("abdel-fattah-el-sissi", "Abdel-Fattah el-Sissi", "EGY", 1, "b")], {"abdel-fattah-el-sissi": "abdel-fattah-el-sisi"}),
    ([("donald-trump", "Donald Trump", "USA", 9, "a"), ("trump-donald", "Trump Donald", None, 1, "b")],
     {"trump-donald": "donald-trump"}),
    ([("eliot-l-engel", "Eliot L. Engel", "USA", 2, "a"), ("eliot-engel", "Eliot Engel", "USA", 1, "b")],
     {"eliot-engel": "eliot-l-engel"}),
    ([("michael-flynn", "Michael Flynn", "USA", 3, "a"), ("mike-flynn", "Mike Flynn", None, 1, "b")],
     {"mike-flynn": "michael-flynn"}),
    ([("enrique-pena-nieto", "Enrique Peña Nieto", "MEX", 3, "a"), ("enrique-pena-nieto2", "Enrique Pena Nieto", None, 1, "b")],
     {"enrique-pena-nieto2": "enrique-pena-nieto"}),
    # a first name is the one person of the same article with it
    ([("michelle-obama", "Michelle Obama", None, 1, "a"), ("michelle", "Michelle", None, 1, "a"),
      ("michelle-bachelet", "Michelle Bachelet", "CHL", 1, "b")], {"michelle": "michelle-obama"}),
    # two Kims: a bare "Kim" stays apart
    ([("kim-jong-un", "Kim Jong Un", "PRK", 5, "a"), ("kim-yo-jong", "Kim Yo Jong", "PRK", 2, "b"),
      ("kim", "Kim", None, 1, "c")], {}),
    # two countries: not one person
    ([("john-smith", "John Smith", "GBR", 2, "a"), ("john-smith-2", "John Smith", "USA", 2, "b")], {}),
    # different middle initials are different people; none is either, if only one is in the store
    ([("george-w-bush", "George W. Bush", "USA", 5, "a"), ("george-h-w-bush", "George H.W. Bush", "USA", 2, "b")], {}),
    ([("george-w-bush", "George W. Bush", "USA", 5, "a"), ("george-bush", "George Bush", "USA", 1, "b")],
     {"george-bush": "george-w-bush"}),
    # the end of a compound name, in the article that gives the full one
    ([("alexandria-ocasio-cortez", "Alexandria Ocasio-Cortez", "USA", 2, "a"),
      ("ocasio-cortez", "Ocasio-Cortez", None, 1, "a")], {"ocasio-cortez": "alexandria-ocasio-cortez"}),
    ([("enrique-pena-nieto", "Enrique Peña Nieto", "MEX", 3, "a"), ("pena-nieto", "Pena Nieto", None, 1, "a")],
     {"pena-nieto": "enrique-pena-nieto"}),
    # one letter off in a long word: the same article's person, or the gazetteer's anywhere
    ([("mamo-al-bagsri", "Mamo al-Bagsri", None, 1, "a"), ("bagsiri", "Bagsiri", None, 1, "a")],
     {"bagsiri": "mamo-al-bagsri"}),
    ([("xi-jinping", "Xi Jinping", "CHN", 9, "a"), ("xi-jingping", "Xi Jingping", None, 1, "b")],
     {"xi-jingping": "xi-jinping"}),
    ([("anna-kowalska", "Anna Kowalska", None, 1, "a"), ("anna-kowalski", "Anna Kowalski", None, 1, "b")], {}),
    ([("mark-bush", "Mark Bush", None, 1, "a"), ("mark-bash", "Mark Bash", None, 1, "a")], {}),
    # a nickname: an epithet and the name of a person of the same article, never of the store alone
    ([("chuck-schumer", "Chuck Schumer", "USA", 3, "a"), ("crying-chuck", "Crying Chuck", None, 1, "a")],
     {"crying-chuck": "chuck-schumer"}),
    ([("chuck-schumer", "Chuck Schumer", "USA", 3, "a"), ("crying-chuck", "Crying Chuck", None, 1, "b")], {}),
    # a patronymic is no surname: "Salman" is not Mohammed bin Salman
    ([("mohammed-bin-salman", "Mohammed bin Salman", "SAU", 3, "a"), ("salman", "Salman", None, 1, "b")], {}),
])
def test_identity_people_merge_when_the_store_makes_it_unambiguous(rows, merged):
    got = people_merges(people(*rows))
    assert {k[len(ID):]: v[len(ID):] for k, v in got.items()} == merged


ARTICLES = [
    ("a1", "Syrian President Bashar al-Assad met Russian President Vladimir Putin in Moscow on Monday."),
    ("a2", "Assad told reporters in Damascus that the war was nearly over."),
    ("a3", "Analysts at the Brookings Institution said the sanctions on Syria had failed."),
]


def _write(tmp_path, articles):
    path = tmp_path / "articles.jsonl"
    import json
    path.write_text("".join(json.dumps({"id": i, "text": t, "date": "2019-05-02"}) + "\n" for i, t in articles),
                    encoding="utf-8")
    return path


def _actors(store):
    out = io.StringIO()
    from kg import export
    from kg.store import open_store
    rows = export.actor_table(open_store(store)).dicts()
    return {r["label"]: r for r in rows}


@pytest.mark.model
def test_identity_one_row_per_person_across_articles_with_the_surname_as_alias(tmp_path):
    store = tmp_path / "store"
    api.build([str(_write(tmp_path, ARTICLES))], store)
    rows = _actors(store)
    assert "Assad" not in rows
    assert "Assad" in rows["Bashar al-Assad"]["aliases"].split("|")
    assert rows["Bashar al-Assad"]["mentions"] in (2, "2")


@pytest.mark.model
def test_identity_corrections_survive_a_rebuild(tmp_path):
    store = tmp_path / "store"
    articles = _write(tmp_path, ARTICLES)
    api.build([str(articles)], store)
    fixes = tmp_path / "fixes.tsv"
    fixes.write_text("action\tactor\tvalue\n"
                     "country\tBrookings Institution\tUSA\n"
                     "rename\tVladimir Putin\tVladimir V. Putin\n"
                     "drop\tperson/bashar-al-assad\t\n", encoding="utf-8")
    api.actors(store, corrections=fixes)

    def check():
        rows = _actors(store)
        assert rows["Brookings Institution"]["country"] == "USA"
        assert "Vladimir V. Putin" in rows and "Vladimir Putin" in rows["Vladimir V. Putin"]["aliases"]
        assert "Bashar al-Assad" not in rows
        events = api.query(store, "PREFIX ir: <https://w3id.org/irkg/ontology#> SELECT ?e WHERE { "
                                  "?e ir:source <https://w3id.org/irkg/id/actor/person/bashar-al-assad> }")
        assert events.rows == []

    check()
    report = api.build([str(articles)], store, force=True)
    assert report.built == 3
    check()


@pytest.mark.model
def test_identity_a_corrections_line_naming_no_actor_is_an_error_with_its_line(tmp_path):
    store = tmp_path / "store"
    api.build([str(_write(tmp_path, ARTICLES[:1]))], store)
    fixes = tmp_path / "fixes.tsv"
    fixes.write_text("# my fixes\ncountry\tVladimir Putin\tRUS\ndrop\tVladimir Putn\n", encoding="utf-8")
    with pytest.raises(KgError) as e:
        api.actors(store, corrections=fixes)
    assert e.value.code == "E212" and "line 3" in str(e.value) and "vladimir putin" in str(e.value).lower()


@pytest.mark.parametrize("text,detail", [
    ("mrege\tA\tB\n", "did you mean 'merge'"),
    ("merge\tA\n", "needs a value"),
    ("country\tA\tXYZ\n", "unknown country code"),
    ("drop\n", "needs an actor"),
])
def test_identity_a_bad_corrections_file_names_its_line(tmp_path, text, detail):
    path = tmp_path / "fixes.tsv"
    path.write_text("action\tactor\tvalue\n" + text, encoding="utf-8")
    with pytest.raises(KgError) as e:
        identity.read_corrections(path)
    assert "line 2" in str(e.value) and detail in str(e.value)


@pytest.mark.model
def test_identity_an_alias_finds_the_actor_for_focus(tmp_path):
    from kg import network
    store = tmp_path / "store"
    api.build([str(_write(tmp_path, ARTICLES))], store)
    g = network.build(api.open_store(store))
    assert network.find_node(g, "Assad") == ID + "bashar-al-assad"
    assert network.find_node(g, "Bashar Assad") == ID + "bashar-al-assad"
