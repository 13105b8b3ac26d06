#!/usr/bin/env python3
"""Derive kg/data/places.tsv: cities, regions and provinces with the country they lie in.

The Phoenix country-actors dictionary lists, under each country, the places that CAMEO codes
as that country ("+KIRKUK_" under IRAQ_ [IRQ]). irkg uses them to give a country to an actor
qualified by a place ("Darfur rebels", "Baghdad University") and to a place attacked or
entered ("shelled Juba"). A place in a locative phrase ("in Kirkuk") stays a place.

Source: Phoenix.Countries.actors.txt, Open Event Data Alliance, MIT licence
(Copyright (c) 2014 Open Event Data Alliance); see kg/data/gazetteer.md. Added to them: the
first-level subdivisions of ISO 3166-2 (provinces, states, regions: "Sindh", "Oromia") as
pycountry ships them (data from Debian's iso-codes, LGPL-2.1), where the name is unique to one
country, names no state, organisation or demonym, and is not a compass or generic word.

    python scripts/derive_places.py [PHOENIX_DIR]
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.tables import read_table, split_list  # noqa: E402
from scripts.derive_people import CAMEO_TO_ISO, DEFAULT_SOURCE, _name  # noqa: E402

OUT = ROOT / "kg" / "data" / "places.tsv"
CODE = re.compile(r"^\s*\[([A-Z]{3})(?:\s|\])")
# Places often in the news that the Phoenix lists lack (general knowledge; uncontested ones only).
CURATED = [
    ("Gaza", "PSE"), ("Gaza Strip", "PSE"), ("Jericho", "PSE"), ("Hebron", "PSE"), ("Nablus", "PSE"),
    ("Jenin", "PSE"), ("Bethlehem", "PSE"), ("Khan Younis", "PSE"), ("Rafah", "PSE"),
    ("Northern Ireland", "GBR"), ("Belfast", "GBR"), ("Scotland", "GBR"), ("Wales", "GBR"),
    ("South Lebanon", "LBN"), ("Tyre", "LBN"), ("Sidon", "LBN"),
    ("Donetsk", "UKR"), ("Luhansk", "UKR"), ("Kharkiv", "UKR"), ("Odesa", "UKR"), ("Odessa", "UKR"),
    ("Mariupol", "UKR"), ("Zaporizhzhia", "UKR"), ("Kherson", "UKR"), ("Bakhmut", "UKR"),
    ("Idlib", "SYR"), ("Raqqa", "SYR"), ("Homs", "SYR"), ("Deir ez-Zor", "SYR"),
    ("Kandahar", "AFG"), ("Helmand", "AFG"), ("Kunduz", "AFG"), ("Herat", "AFG"),
    ("Chechnya", "RUS"), ("Dagestan", "RUS"), ("Xinjiang", "CHN"), ("Tibet", "CHN"),
    ("Benghazi", "LBY"), ("Misrata", "LBY"), ("Aden", "YEM"), ("Hodeidah", "YEM"), ("Marib", "YEM"),
    ("Fallujah", "IRQ"), ("Ramadi", "IRQ"), ("Basra", "IRQ"), ("Tigray", "ETH"), ("Amhara", "ETH"),
    ("Cox's Bazar", "BGD"), ("Rakhine", "MMR"), ("Mindanao", "PHL"), ("Balochistan", "PAK"),
]
DEMONYM_ENDINGS = ("ian", "ians", "ese", "ish", "ean", "eans", "ite", "ites", "ic")
# ISO 3166-2 first-level kinds that are regions people name in the news (not parishes or councils).
SUBDIVISION_TYPES = {"Province", "Region", "State", "Governorate", "Prefecture", "Autonomous region",
                     "Autonomous republic", "Autonomous community", "Autonomous province", "Regional state",
                     "Republic", "Oblast", "Land", "Voivodship", "Division", "Emirate", "Federal territory",
                     "Union territory", "Territory", "Special administrative region", "Autonomous district"}
GENERIC_WORDS = {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                 "capital", "upper", "lower", "greater", "middle", "new", "region", "province", "state",
                 "district", "city", "territory", "islands", "island", "coast", "lake", "river", "valley",
                 "highlands", "mountain", "plateau", "littoral", "centre", "center", "interior", "federal",
                 # cross-border regions and French/Portuguese compass names of West African regions
                 "sahel", "midlands", "cascades", "plateaux", "savanes", "maritime", "nord", "sud", "est",
                 "ouest", "norte", "sul", "lakes", "mountains", "hills", "andes", "amazon", "sahara", "zambezi",
                 # names that mostly mean something else in English news
                 "gulf", "savannah", "ulster", "acre", "hidalgo", "guerrero", "chin", "mascara", "mila", "arta",
                 "bono", "granma", "santa", "victoria", "georgia", "jersey", "orange", "sofala"}


def derive(source: Path) -> list[tuple[str, str]]:
    known: set[str] = set()
    states = set()
    for r in read_table("countries.tsv"):
        states.add(r["code"])
        for col in ("label", "aliases", "demonyms", "metonyms"):
            known |= {x.lower() for x in split_list(r.get(col, ""))} | {r["label"].lower()}
    for r in read_table("organizations.tsv"):
        known |= {x.lower() for x in (r["label"], *split_list(r.get("aliases", "")))}
    places: dict[str, tuple[str, str]] = {}
    block_syn: list[str] = []
    block_code: str | None = None
    person_block = False

    def flush() -> None:
        if block_code and not person_block:
            country = CAMEO_TO_ISO.get(block_code, block_code)
            if country in states:
                for raw in block_syn:
                    name = _name(raw)
                    low = name.lower()
                    if (len(name) < 3 or low in known or low.endswith(DEMONYM_ENDINGS) or "#" in raw
                            or not re.fullmatch(r"[A-Za-z' .\-]+", name)):
                        continue
                    places.setdefault(low, (name, country))

    for line in (source / "Phoenix.Countries.actors.txt").read_text(encoding="latin-1").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("+"):
            block_syn.append(line[1:].split("#")[0].strip())
            continue
        if line[0] in " \t":
            if block_code is None:
                m = CODE.match(line)
                if m:
                    block_code = m.group(1)
                elif re.match(r"^\s*\[[A-Z]{6}", line):
                    person_block = True  # a person's entry: its + lines are name variants
            continue
        flush()
        block_syn, block_code, person_block = [], None, False
        m = re.search(r"\[([A-Z]{3})\]", line)
        if m:
            block_code = m.group(1)
    flush()
    for name, country in CURATED:
        places.setdefault(name.lower(), (name, country))
    for low, (name, country) in _subdivisions(known, states).items():
        places.setdefault(low, (name, country))
    return sorted(places.values(), key=lambda r: (r[1], r[0]))


def _subdivisions(known: set[str], states: set[str]) -> dict[str, tuple[str, str]]:
    import pycountry

    seen: dict[str, set[str]] = {}
    names: dict[str, tuple[str, str]] = {}
    for sub in pycountry.subdivisions:
        country = pycountry.countries.get(alpha_2=sub.country_code)
        code = country.alpha_3 if country else None
        name = re.sub(r"\s*[\(\[].*$", "", sub.name).strip()
        low = name.lower()
        seen.setdefault(low, set()).add(code)  # unique among all subdivisions, of any level
        if sub.parent_code is not None or sub.type not in SUBDIVISION_TYPES:
            continue
        if (code in states and len(name) >= 4 and re.fullmatch(r"[A-Za-z' .\-]+", name) and low not in known
                and not low.endswith(DEMONYM_ENDINGS) and not set(re.split(r"[ \-]", low)) & GENERIC_WORDS):
            names[low] = (name, code)
    return {low: v for low, v in names.items() if len(seen[low]) == 1}


def main(argv: list[str]) -> int:
    rows = derive(Path(argv[0]) if argv else DEFAULT_SOURCE)
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        f.write("# Places (cities, regions, provinces) and their country, from the Phoenix country-actors dictionary\n"
                "# (Open Event Data Alliance, MIT licence, Copyright (c) 2014 Open Event Data Alliance),\n"
                "# derived by scripts/derive_places.py. Matched case-sensitively as written.\n")
        f.write("place\tcountry\n")
        for name, country in rows:
            f.write(f"{name}\t{country}\n")
    print(f"wrote {len(rows)} places to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
