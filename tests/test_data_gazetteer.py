"""Integrity tests for the gazetteer files in kg/data (see kg/data/gazetteer.md)."""
from __future__ import annotations

import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pycountry
import pytest

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "kg" / "data"
SCRIPT = REPO / "scripts" / "derive_gazetteer.py"
PHOENIX = REPO.parent / "shared" / "reference" / "phoenix"

HEADERS = {
    "countries.tsv": ["code", "label", "aliases", "demonyms", "metonyms", "ambiguous"],
    "organizations.tsv": ["id", "label", "aliases", "kind", "country", "sector", "parent"],
    "agents.tsv": ["noun", "sector", "kind", "plural"],
    "titles.tsv": ["title", "sector", "kind", "rank"],
    "leaders.tsv": ["name", "aliases", "country", "title", "start", "end"],
}
LIST_COLUMNS = {
    "countries.tsv": {"aliases", "demonyms", "metonyms", "ambiguous"},
    "organizations.tsv": {"aliases"},
    "agents.tsv": {"plural"},
    "titles.tsv": set(),
    "leaders.tsv": {"aliases"},
    "sectors.tsv": set(),
}

# The 193 UN member states (ISO 3166-1 alpha-3).
UN_MEMBERS = set("""
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN
BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI DMA DOM
ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN
ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU LUX
MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER
NGA PRK MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR ROU RUS RWA KNA LCA VCT WSM SMR STP
SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK TZA THA TLS TGO TON
TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split())
OBSERVERS_AND_OTHERS = {"VAT", "PSE", "TWN", "XKX"}
TERRITORIES = {"HKG", "ESH", "PRI", "GRL"}

ORG_KINDS = {"IGO", "GOVBODY", "MILITARY", "ARMED_GROUP", "MEDIA", "NGO", "PARTY", "COMPANY"}
AGENT_KINDS = {"GOVBODY", "MILITARY", "ARMED_GROUP", "MEDIA", "NGO", "PERSON_GROUP", "PERSON"}
TITLE_KINDS = {"HEAD_OF_STATE", "HEAD_OF_GOVERNMENT", "MINISTER", "DIPLOMAT", "LEGISLATOR", "MILITARY",
               "JUDICIAL", "RELIGIOUS", "OFFICIAL", "STATE_OFFICIAL", "ROYAL"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")


def read_tsv(name: str):
    """Return (comment lines, header, rows as dicts with list columns split)."""
    path = DATA / name
    text = path.read_bytes().decode("utf-8")        # must be valid UTF-8
    lines = text.split("\n")
    assert lines[-1] == "", f"{name} must end with a newline"
    lines = lines[:-1]
    comments = [ln for ln in lines if ln.startswith("#")]
    body = [ln for ln in lines if not ln.startswith("#")]
    header = body[0].split("\t")
    rows = []
    for n, ln in enumerate(body[1:], 2):
        fields = ln.split("\t")
        assert len(fields) == len(header), f"{name}: data line {n} has {len(fields)} fields: {ln!r}"
        row = dict(zip(header, fields))
        for col in LIST_COLUMNS[name]:
            row[col] = row[col].split("|") if row[col] else []
        rows.append(row)
    return comments, header, rows


@pytest.fixture(scope="module")
def countries():
    return read_tsv("countries.tsv")[2]


@pytest.fixture(scope="module")
def orgs():
    return read_tsv("organizations.tsv")[2]


@pytest.fixture(scope="module")
def agents():
    return read_tsv("agents.tsv")[2]


@pytest.fixture(scope="module")
def titles():
    return read_tsv("titles.tsv")[2]


@pytest.fixture(scope="module")
def leaders():
    return read_tsv("leaders.tsv")[2]


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("’", "'")).strip().casefold()


def country_surfaces(row):
    return [row["label"], *row["aliases"], *row["demonyms"], *row["metonyms"]]


def org_surfaces(row):
    return [row["label"], *row["aliases"]]


# ---------------------------------------------------------------- all files

@pytest.mark.parametrize("name", sorted(HEADERS))
def test_files_parse_with_expected_header(name):
    comments, header, rows = read_tsv(name)
    assert header == HEADERS[name]
    assert rows, f"{name} has no rows"


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_files_start_with_attribution_comment(name):
    first = (DATA / name).read_text(encoding="utf-8").split("\n", 1)[0]
    assert first.startswith("# "), f"{name} must start with a comment"
    comments = " ".join(read_tsv(name)[0])
    assert "gazetteer.md" in comments
    if name in ("organizations.tsv", "agents.tsv", "leaders.tsv"):
        assert "Open Event Data Alliance" in comments and "MIT" in comments
    if name == "countries.tsv":
        assert "pycountry" in comments


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_fields_have_no_padding_or_empty_list_items(name):
    _, _, rows = read_tsv(name)
    for row in rows:
        for col, val in row.items():
            items = val if isinstance(val, list) else [val]
            for it in items:
                assert it == it.strip(), f"{name}: padded value {it!r} in {col}"
                if isinstance(val, list):
                    assert it, f"{name}: empty list item in {col} of {row}"


@pytest.mark.parametrize("name,cols", [
    ("countries.tsv", ["label", "aliases", "demonyms", "metonyms"]),
    ("organizations.tsv", ["label", "aliases"]),
    ("leaders.tsv", ["name", "aliases"]),
])
def test_surface_forms_have_no_leading_the_and_no_short_lowercase(name, cols):
    _, _, rows = read_tsv(name)
    for row in rows:
        for col in cols:
            for s in (row[col] if isinstance(row[col], list) else [row[col]]):
                assert not re.match(r"^(the|The|THE)\s", s), f"{name}: leading 'the' in {s!r}"
                assert len(s) >= 2, f"{name}: one-character surface form {s!r}"
                if len(s) <= 3:
                    assert s != s.lower(), f"{name}: short lower-case surface form {s!r}"


# ----------------------------------------------------------------- countries

def test_country_codes_are_unique_valid_iso_alpha3(countries):
    codes = [r["code"] for r in countries]
    assert len(codes) == len(set(codes))
    for c in codes:
        assert re.fullmatch(r"[A-Z]{3}", c)
        assert c == "XKX" or pycountry.countries.get(alpha_3=c) is not None, f"{c} not ISO 3166-1"


def test_every_un_member_state_is_present(countries):
    assert len(UN_MEMBERS) == 193
    missing = UN_MEMBERS - {r["code"] for r in countries}
    assert not missing, f"missing UN members: {sorted(missing)}"


def test_observers_taiwan_kosovo_and_only_documented_extras_present(countries):
    codes = {r["code"] for r in countries}
    assert OBSERVERS_AND_OTHERS <= codes
    assert codes - UN_MEMBERS - OBSERVERS_AND_OTHERS <= TERRITORIES


def test_country_surface_forms_unique_across_countries(countries):
    owner = {}
    for r in countries:
        for s in country_surfaces(r):
            k = norm(s)
            assert owner.setdefault(k, r["code"]) == r["code"], f"{s!r}: {owner[k]} and {r['code']}"


def test_every_country_has_label_demonym_or_alias_and_capital(countries):
    for r in countries:
        assert r["label"], r
        assert r["metonyms"], f"{r['code']} has no capital/metonym"


def test_ambiguous_entries_belong_to_their_row(countries):
    for r in countries:
        surfaces = set(country_surfaces(r))
        for a in r["ambiguous"]:
            assert a in surfaces, f"{r['code']}: ambiguous {a!r} is not a surface form of the row"


def test_known_ambiguous_names_are_flagged(countries):
    flagged = {a for r in countries for a in r["ambiguous"]}
    for a in ["Jordan", "Chad", "Georgia", "Turkey", "Washington", "Congo", "Korea"]:
        assert a in flagged, f"{a} should be flagged ambiguous"


def test_key_country_surface_forms_resolve(countries):
    lookup = {norm(s): r["code"] for r in countries for s in country_surfaces(r)}
    expected = {
        "South Korea": "KOR", "ROK": "KOR", "Republic of Korea": "KOR", "Seoul": "KOR", "Blue House": "KOR",
        "North Korea": "PRK", "DPRK": "PRK", "Democratic People's Republic of Korea": "PRK", "Pyongyang": "PRK",
        "US": "USA", "U.S.": "USA", "United States of America": "USA", "American": "USA", "White House": "USA",
        "UK": "GBR", "Britain": "GBR", "Briton": "GBR", "Downing Street": "GBR",
        "Russia": "RUS", "Kremlin": "RUS", "Moscow": "RUS", "Beijing": "CHN", "Zhongnanhai": "CHN",
        "Chinese": "CHN", "Tehran": "IRN", "Kyiv": "UKR", "Kiev": "UKR", "Élysée": "FRA", "Elysee": "FRA",
        "Türkiye": "TUR", "Turkey": "TUR", "Côte d'Ivoire": "CIV", "Cote d'Ivoire": "CIV", "Ivory Coast": "CIV",
        "Croatian": "HRV", "Palestinian": "PSE", "Vatican": "VAT", "Holy See": "VAT", "Taiwan": "TWN",
        "Kosovo": "XKX", "Burma": "MMR", "Czechia": "CZE", "Laos": "LAO", "Vietnam": "VNM", "Syria": "SYR",
        "Tanzania": "TZA", "Bolivia": "BOL", "Iran": "IRN", "DRC": "COD", "Congo-Brazzaville": "COG",
    }
    for s, code in expected.items():
        assert lookup.get(norm(s)) == code, f"{s!r} -> {lookup.get(norm(s))}, expected {code}"


def test_context_dependent_short_forms_are_not_aliases(countries):
    exact = {s for r in countries for s in country_surfaces(r)}
    for s in ["two Koreas", "the two Koreas", "Koreas", "North", "South", "us", "uk", "Us"]:
        assert s not in exact, f"{s!r} must not be a country surface form"


# ------------------------------------------------------------- organizations

def test_org_ids_are_unique_lowercase_slugs(orgs):
    ids = [r["id"] for r in orgs]
    assert len(ids) == len(set(ids))
    for i in ids:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i), i


def test_org_kind_country_sector_are_consistent(orgs, countries):
    iso = {r["code"] for r in countries}
    for r in orgs:
        k, c = r["kind"], r["country"]
        assert k in ORG_KINDS, r
        assert re.fullmatch(r"[A-Z]{3}", r["sector"]), r
        if k == "IGO":
            assert c == "IGO", r
        elif k == "NGO":
            assert c == "NGO", r
        elif k == "COMPANY":
            assert c == "MNC", r
        elif k == "ARMED_GROUP":
            assert c in ("", "IMG") or c in iso, r  # IMG: transnational, no state (armed_groups.tsv)
        else:
            assert c in iso, f"{r['id']}: {k} needs an ISO country, got {c!r}"


def test_org_parents_exist_and_have_no_cycles(orgs):
    parent = {r["id"]: r["parent"] for r in orgs}
    for oid, p in parent.items():
        assert p == "" or p in parent, f"{oid}: unknown parent {p}"
        seen = {oid}
        while p:
            assert p not in seen, f"parent cycle at {oid}"
            seen.add(p)
            p = parent[p]


def test_org_surface_forms_unique_across_orgs(orgs):
    owner = {}
    for r in orgs:
        for s in org_surfaces(r):
            k = norm(s)
            assert owner.setdefault(k, r["id"]) == r["id"], f"{s!r}: {owner[k]} and {r['id']}"


def test_org_surface_forms_do_not_shadow_country_names(orgs, countries):
    csurf = {norm(s) for r in countries for s in country_surfaces(r)}
    clash = [(r["id"], s) for r in orgs for s in org_surfaces(r) if norm(s) in csurf]
    assert not clash, clash[:10]


def test_required_organizations_present_with_expected_kind(orgs):
    by_id = {r["id"]: r for r in orgs}
    required = {
        "un": "IGO", "unsc": "IGO", "unga": "IGO", "un-secretariat": "IGO", "unhrc": "IGO", "unhcr": "IGO",
        "unicef": "IGO", "wfp": "IGO", "who": "IGO", "iaea": "IGO", "unesco": "IGO", "icj": "IGO", "icc": "IGO",
        "ocha": "IGO", "undp": "IGO", "oecd": "IGO", "nato": "IGO", "eu": "IGO", "european-commission": "IGO",
        "european-council": "IGO", "european-parliament": "IGO", "ecb": "IGO", "au": "IGO", "asean": "IGO",
        "arab-league": "IGO", "gcc": "IGO", "opec": "IGO", "oas": "IGO", "osce": "IGO", "sco": "IGO",
        "brics": "IGO", "imf": "IGO", "world-bank": "IGO", "wto": "IGO", "g7": "IGO", "g20": "IGO",
        "covax": "IGO", "gavi": "NGO", "icrc": "NGO", "msf": "NGO", "amnesty": "NGO", "hrw": "NGO",
        "usa-state-department": "GOVBODY", "usa-pentagon": "GOVBODY", "usa-cia": "GOVBODY",
        "usa-fbi": "GOVBODY", "usa-treasury": "GOVBODY", "usa-congress": "GOVBODY", "usa-senate": "GOVBODY",
        "usa-house": "GOVBODY", "usa-supreme-court": "GOVBODY", "gbr-fcdo": "GOVBODY", "gbr-mi6": "GOVBODY",
        "deu-bundestag": "GOVBODY", "rus-duma": "GOVBODY", "rus-fsb": "GOVBODY", "isr-knesset": "GOVBODY",
        "isr-idf": "MILITARY", "chn-pla": "MILITARY", "prk-kpa": "MILITARY", "prk-kcna": "MEDIA",
        "xinhua": "MEDIA", "tass": "MEDIA", "ria-novosti": "MEDIA", "kor-yonhap": "MEDIA", "reuters": "MEDIA",
        "ap": "MEDIA", "afp": "MEDIA", "bbc": "MEDIA", "cnn": "MEDIA", "al-jazeera": "MEDIA", "voa": "MEDIA",
        "washington-post": "MEDIA", "nyt": "MEDIA", "kor-herald": "MEDIA", "global-times": "MEDIA",
        "taliban": "ARMED_GROUP", "hamas": "ARMED_GROUP", "hezbollah": "ARMED_GROUP", "isis": "ARMED_GROUP",
        "al-qaeda": "ARMED_GROUP", "al-shabaab": "ARMED_GROUP", "boko-haram": "ARMED_GROUP",
        "houthis": "ARMED_GROUP", "pkk": "ARMED_GROUP", "farc": "ARMED_GROUP", "eln": "ARMED_GROUP",
    }
    for oid, kind in required.items():
        assert oid in by_id, f"missing organization {oid}"
        assert by_id[oid]["kind"] == kind, f"{oid}: kind {by_id[oid]['kind']} != {kind}"
    assert by_id["unsc"]["parent"] == "un" and by_id["unga"]["parent"] == "un"
    assert by_id["usa-state-department"]["country"] == "USA" and by_id["prk-kcna"]["country"] == "PRK"
    lookup = {norm(s): r["id"] for r in orgs for s in org_surfaces(r)}
    for s, oid in {"Islamic State": "isis", "ISIS": "isis", "ISIL": "isis", "Daesh": "isis",
                   "State Department": "usa-state-department", "Department of Defense": "usa-pentagon",
                   "People's Liberation Army": "chn-pla", "Korean Central News Agency": "prk-kcna",
                   "Voice of America": "voa", "UN Security Council": "unsc", "Doctors Without Borders": "msf",
                   "Organisation for Economic Co-operation and Development": "oecd"}.items():
        assert lookup.get(norm(s)) == oid, f"{s!r} -> {lookup.get(norm(s))}"


def test_phoenix_bulk_is_present(orgs):
    kinds = defaultdict(int)
    for r in orgs:
        kinds[r["kind"]] += 1
    assert kinds["NGO"] > 500 and kinds["ARMED_GROUP"] > 200 and kinds["IGO"] > 100, dict(kinds)


def test_generic_bodies_are_agents_not_organizations(orgs, agents):
    generic = ["foreign ministry", "defence ministry", "defense ministry", "interior ministry", "foreign office",
               "finance ministry", "parliament", "military", "army", "navy", "air force", "coast guard",
               "government", "cabinet", "police"]
    osurf = {norm(s) for r in orgs for s in org_surfaces(r)}
    nouns = {r["noun"] for r in agents}
    for g in generic:
        assert norm(g) not in osurf, f"{g!r} must not be an organization alias"
        assert g in nouns, f"{g!r} missing from agents.tsv"


# -------------------------------------------------------------------- agents

def test_agents_are_unique_lowercase_with_valid_kind_sector_plural(agents):
    nouns = [r["noun"] for r in agents]
    assert len(nouns) == len(set(nouns))
    for r in agents:
        assert r["noun"] == r["noun"].lower() and re.fullmatch(r"[a-z][a-z' \-]*[a-z]", r["noun"]), r
        assert r["kind"] in AGENT_KINDS, r
        assert re.fullmatch(r"[A-Z]{3}", r["sector"]), r
        assert r["plural"], f"{r['noun']}: no plural"


def test_required_agents_present_with_expected_sector_and_kind(agents):
    by = {r["noun"]: r for r in agents}
    expected = {
        "soldier": ("MIL", "PERSON"), "troop": ("MIL", "PERSON_GROUP"), "police": ("COP", "GOVBODY"),
        "policeman": ("COP", "PERSON"), "rebel": ("REB", "PERSON"), "insurgent": ("REB", "PERSON"),
        "militant": ("UAF", "PERSON"), "protester": ("OPP", "PERSON"), "demonstrator": ("OPP", "PERSON"),
        "student": ("EDU", "PERSON"), "activist": ("OPP", "PERSON"), "government": ("GOV", "GOVBODY"),
        "regime": ("GOV", "GOVBODY"), "administration": ("GOV", "GOVBODY"), "ministry": ("GOV", "GOVBODY"),
        "military": ("MIL", "MILITARY"), "army": ("MIL", "MILITARY"), "navy": ("MIL", "MILITARY"),
        "court": ("JUD", "GOVBODY"), "judge": ("JUD", "PERSON"), "parliament": ("LEG", "GOVBODY"),
        "lawmaker": ("LEG", "PERSON"), "legislator": ("LEG", "PERSON"), "opposition": ("OPP", "PERSON_GROUP"),
        "businessman": ("BUS", "PERSON"), "company": ("BUS", "PERSON_GROUP"), "journalist": ("MED", "PERSON"),
        "newspaper": ("MED", "MEDIA"), "diplomat": ("GOV", "PERSON"), "envoy": ("GOV", "PERSON"),
        "official": ("GOV", "PERSON"), "spokesman": ("GOV", "PERSON"), "spokesperson": ("GOV", "PERSON"),
        "spokeswoman": ("GOV", "PERSON"), "negotiator": ("GOV", "PERSON"), "delegation": ("GOV", "PERSON_GROUP"),
        "refugee": ("REF", "PERSON"), "civilian": ("CVL", "PERSON"), "villager": ("CVL", "PERSON"),
        "militia": ("UAF", "ARMED_GROUP"), "minister": ("GOV", "PERSON"),
    }
    for noun, (sector, kind) in expected.items():
        assert noun in by, f"missing agent {noun!r}"
        assert (by[noun]["sector"], by[noun]["kind"]) == (sector, kind), by[noun]
    assert by["police"]["plural"] == ["police"]
    assert by["troop"]["plural"] == ["troops"]
    assert by["militia"]["plural"] == ["militias"]


def test_agents_contain_no_weapons_or_typos(agents):
    nouns = {r["noun"] for r in agents}
    # Generic military vehicles stand for the forces that crew them ("Israeli tanks fired"), so a
    # few are agents on purpose; model names and munitions are not.
    for bad in ["f-16", "humvee", "battleship", "stealth fighter", "cruise missile",
                "enterpreneur", "traffiker", "prime minster", "hospital", "presidential palace guard"]:
        assert bad not in nouns, bad


# -------------------------------------------------------------------- titles

def test_titles_unique_with_valid_kind_rank_sector(titles):
    names = [r["title"] for r in titles]
    assert len(names) == len(set(names))
    for r in titles:
        assert r["kind"] in TITLE_KINDS, r
        assert r["rank"] in {"1", "2", "3", "4", "5"}, r
        assert re.fullmatch(r"[A-Z]{3}", r["sector"]), r


def test_required_titles_present(titles):
    by = {r["title"]: r for r in titles}
    required = ["President", "Vice President", "Prime Minister", "Deputy Prime Minister", "Foreign Minister",
                "Defence Minister", "Defense Minister", "Secretary of State", "Defense Secretary",
                "Defence Secretary", "Foreign Secretary", "Home Secretary", "Chancellor", "King", "Queen",
                "Crown Prince", "Emir", "Sultan", "Supreme Leader", "Ayatollah", "Premier", "Chairman",
                "General Secretary", "Secretary-General", "Secretary General", "Ambassador", "Envoy",
                "Special Envoy", "Senator", "Sen.", "Rep.", "Representative", "Congressman", "Speaker",
                "Governor", "Mayor", "General", "Gen.", "Admiral", "Colonel", "Commander", "Chief of Staff",
                "Spokesman", "Spokesperson", "Minister", "Interior Minister", "Finance Minister",
                "Trade Minister", "Unification Minister", "Justice Minister", "National Security Adviser",
                "Director", "Pope", "Chief Justice", "Judge", "leader"]
    for t in required:
        assert t in by, f"missing title {t!r}"
    assert len(titles) >= 100
    assert by["President"]["rank"] == "1" and by["Spokesman"]["rank"] == "5"
    assert by["Prime Minister"]["kind"] == "HEAD_OF_GOVERNMENT" and by["King"]["kind"] == "ROYAL"


# ------------------------------------------------------------------- leaders

def test_leader_dates_well_formed_and_ordered(leaders):
    for r in leaders:
        assert DATE_RE.match(r["start"]), r
        assert r["end"] == "" or DATE_RE.match(r["end"]), r
        if r["end"]:
            if len(r["end"]) == len(r["start"]) == 10:
                assert r["end"] > r["start"], r
            else:
                assert r["end"][:4] >= r["start"][:4], r
        assert "1900" <= r["start"][:4] <= "2026", r


def test_leader_titles_and_countries_are_known(leaders, titles, countries):
    tset = {r["title"] for r in titles}
    cset = {r["code"] for r in countries} | {"IGO"}
    for r in leaders:
        assert r["title"] in tset, f"{r['name']}: unknown title {r['title']}"
        assert r["country"] in cset, f"{r['name']}: unknown country {r['country']}"


def test_leader_terms_of_same_office_do_not_overlap(leaders):
    terms = defaultdict(list)
    for r in leaders:
        terms[(r["name"], r["country"], r["title"])].append((r["start"], r["end"] or "9999"))
    for k, spans in terms.items():
        spans.sort()
        for (s1, e1), (s2, e2) in zip(spans, spans[1:]):
            assert e1 <= s2, f"{k}: overlapping terms {s1}-{e1} and {s2}-{e2}"


def test_leader_aliases_do_not_belong_to_two_people(leaders):
    owner = {}
    for r in leaders:
        for s in [r["name"], *r["aliases"]]:
            assert owner.setdefault(norm(s), r["name"]) == r["name"], f"{s!r}: {owner[norm(s)]} and {r['name']}"


def test_leader_aliases_are_not_bare_surnames(leaders):
    mononyms = {"Lula", "Jokowi", "MBS", "MBZ", "AMLO", "Madiba"}
    for r in leaders:
        for a in r["aliases"]:
            assert " " in a or a in mononyms, f"{r['name']}: single-word alias {a!r}"


def test_at_most_one_current_holder_per_office(leaders):
    current = defaultdict(list)
    for r in leaders:
        if not r["end"]:
            current[(r["country"], r["title"])].append(r["name"])
    for k, names in current.items():
        if k[0] == "IGO":
            continue            # several IGOs share titles such as President
        assert len(set(names)) == 1, f"{k}: several current holders {names}"


def test_required_leaders_present(leaders):
    def term(name, country, title):
        return [(r["start"], r["end"]) for r in leaders
                if r["name"] == name and r["country"] == country and r["title"] == title]

    assert ("2017-05-10", "2022-05-10") in term("Moon Jae-in", "KOR", "President")
    assert ("2021-01-26", "2025-01-20") in term("Antony Blinken", "USA", "Secretary of State")
    assert ("2021-02-09", "2022-05-11") in term("Chung Eui-yong", "KOR", "Foreign Minister")
    assert ("2019-09-05", "2022-10-22") in term("Luigi Di Maio", "ITA", "Foreign Minister")
    assert any(e == "" for _, e in term("Kim Jong Un", "PRK", "Supreme Leader"))
    assert any(e == "" for _, e in term("Gordan Grlic Radman", "HRV", "Foreign Minister"))
    assert any(e == "" for _, e in term("Donald Trump", "USA", "President"))
    assert term("Ban Ki-moon", "IGO", "Secretary-General") and term("António Guterres", "IGO", "Secretary-General")
    names = {r["name"] for r in leaders}
    for n in ["Barack Obama", "Joe Biden", "Mike Pompeo", "Rex Tillerson", "John Kerry", "Marco Rubio",
              "Park Geun-hye", "Yoon Suk-yeol", "Lee Jae-myung", "Kang Kyung-wha", "Park Jin", "Kim Jong Il",
              "Xi Jinping", "Li Keqiang", "Li Qiang", "Wang Yi", "Vladimir Putin", "Dmitry Medvedev",
              "Sergei Lavrov", "Mikhail Mishustin", "Shinzo Abe", "Yoshihide Suga", "Fumio Kishida",
              "Shigeru Ishiba", "Theresa May", "Boris Johnson", "Rishi Sunak", "Keir Starmer", "David Cameron",
              "Emmanuel Macron", "François Hollande", "Angela Merkel", "Olaf Scholz", "Friedrich Merz",
              "Narendra Modi", "Recep Tayyip Erdogan", "Hassan Rouhani", "Ebrahim Raisi", "Masoud Pezeshkian",
              "Ali Khamenei", "Mohammad Javad Zarif", "Benjamin Netanyahu", "Volodymyr Zelensky",
              "Petro Poroshenko", "Bashar al-Assad", "Salman bin Abdulaziz Al Saud", "Mohammed bin Salman",
              "Mario Draghi", "Giorgia Meloni"]:
        assert n in names, f"missing leader {n}"
    aliases = {a for r in leaders for a in r["aliases"]}
    for a in ["Kim Jong-un", "Kim Jong-Un", "Volodymyr Zelenskyy", "Volodymyr Zelenskiy",
              "Recep Tayyip Erdoğan", "Gordan Grlić Radman", "Antonio Guterres", "Francois Hollande"]:
        assert a in aliases, f"missing alias {a}"


# ------------------------------------------------------------- regeneration

@pytest.mark.skipif(not (PHOENIX / "Phoenix.agents.txt").exists(), reason="Phoenix sources not available")
def test_derive_script_regenerates_files_identically(tmp_path):
    proc = subprocess.run([sys.executable, str(SCRIPT), "--phoenix", str(PHOENIX), "--out", str(tmp_path)],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    for name in HEADERS:
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), f"{name} differs from a fresh run"


# ---------------------------------------------------------------- places.tsv, sectors.tsv
def _places():
    rows = [ln.split("\t") for ln in (DATA / "places.tsv").read_text(encoding="utf-8").splitlines()
            if ln and not ln.startswith("#")][1:]
    return {name: country for name, country in rows}


@pytest.mark.parametrize("place,country", [("Sindh", "PAK"), ("Oromia", "ETH"), ("Darfur", "SDN"),
                                           ("Chiapas", "MEX"), ("Northern Ireland", "GBR")])
def test_places_know_provinces_and_regions(place, country):
    assert _places()[place] == country


def test_places_leave_out_cross_border_and_everyday_names(countries):
    places = _places()
    assert not {"Sahel", "Savannah", "Ulster", "Punjab", "Kashmir", "Victoria"} & set(places)
    states = {norm(s) for row in countries for s in country_surfaces(row)}
    assert not [p for p in places if norm(p) in states]


def test_sectors_cover_the_agent_sectors_and_mark_domestic_ones(agents):
    comments, header, rows = read_tsv("sectors.tsv")
    codes = {r["sector"] for r in rows}
    assert {a["sector"] for a in agents if a["sector"]} <= codes
    assert {r["domestic"] for r in rows} <= {"", "yes", "where"}
    domestic = {r["sector"] for r in rows if r["domestic"] == "yes"}
    located = {r["sector"] for r in rows if r["domestic"] == "where"}
    # a state's police, judges and unions count for it; its rebels and citizens where the sentence
    # places them; its soldiers and officials, often abroad, and international bodies never by guess
    assert domestic >= {"OPP", "COP", "JUD", "LAB"} and located >= {"REB", "UAF", "CVL"}
    assert not {"MIL", "GOV", "IGO", "SPY"} & (domestic | located)
