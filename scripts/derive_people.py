#!/usr/bin/env python3
"""Derive kg/data/people.tsv from the Phoenix country-actors dictionary.

Phoenix lists about 15,000 political figures with dated CAMEO codes (country + role):
`ABDELAZIZ_BOUTEFLIKA_` with `[DZAGOV >990427]`. irkg uses them to give a named person
a country when the article does not say, e.g. "President Abdelaziz Bouteflika".
Names are matched case-insensitively, so their case here does not matter.

Source: Phoenix.Countries.actors.txt, Open Event Data Alliance, MIT licence
(Copyright (c) 2014 Open Event Data Alliance); see kg/data/gazetteer.md.

    python scripts/derive_people.py [PHOENIX_DIR]
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.tables import read_table  # noqa: E402

DEFAULT_SOURCE = ROOT.parent / "shared" / "reference" / "phoenix"
OUT = ROOT / "kg" / "data" / "people.tsv"
# CAMEO country codes that differ from ISO 3166-1 alpha-3.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "TMP": "TLS", "ZAR": "COD",
                "BRM": "MMR", "SUD": "SDN", "YUG": "SRB"}
NAME = re.compile(r"^([A-Z][A-Z0-9'.\-]*(?:_[A-Z0-9'.\-]+)+)_?\s*(?:#.*)?$")
CODE = re.compile(r"^\s+\[([A-Z]{3})([A-Z]{3})?\s*([<>]?\d{6})?(?:-(\d{6}))?\]")
SECTOR_PREFERENCE = ("GOV", "MIL", "LEG", "JUD", "IGO", "OPP", "REB", "ELI")


def _date(token: str | None) -> str:
    if not token:
        return ""
    token = token.lstrip("<>")
    yy = int(token[:2])
    year = 1900 + yy if yy > 30 else 2000 + yy
    return f"{year:04d}-{token[2:4]}-{token[4:6]}"


def _name(raw: str) -> str:
    parts = [p for p in raw.strip("_").split("_") if p]
    out = []
    for p in parts:
        low = p.lower()
        out.append(low if low in {"al", "bin", "ibn", "de", "da", "van", "von", "el", "la", "le", "du", "del"}
                   else "-".join(w[:1].upper() + w[1:] for w in low.split("-")))
    return " ".join(out)


BODIES = {"university", "institute", "foundation", "council", "committee", "party", "agency", "ministry",
          "company", "corporation", "group", "front", "movement", "army", "association"}


def derive(source: Path) -> list[tuple[str, str, str, str, str]]:
    states = {r["code"] for r in read_table("countries.tsv")}
    rows: dict[str, tuple[str, str, str, str, str]] = {}
    current: str | None = None
    codes: list[tuple[str, str, str, str]] = []

    def flush() -> None:
        if current is None or not codes:
            return
        best = None
        for sector in SECTOR_PREFERENCE:
            best = next((c for c in codes if c[1] == sector), None)
            if best:
                break
        best = best or codes[0]
        country = CAMEO_TO_ISO.get(best[0], best[0])
        if country not in states:
            return
        name = _name(current)
        # The dictionary lists a few bodies among its people ("National Security Council").
        if name.split()[-1].lower() in BODIES:
            return
        if len(name.split()) >= 2 and len(name) >= 6:
            rows.setdefault(name.lower(), (name, country, best[1] or "", best[2], best[3]))

    for line in (source / "Phoenix.Countries.actors.txt").read_text(encoding="latin-1").splitlines():
        m = NAME.match(line)
        if m:
            flush()
            current, codes = m.group(1), []
            continue
        c = CODE.match(line)
        if c and current is not None:
            codes.append((c.group(1), c.group(2) or "", _date(c.group(3)), _date(c.group(4))))
        elif line.strip() and not line.startswith(("\t", " ", "#", "+")):
            flush()
            current, codes = None, []
    flush()
    return sorted(rows.values())


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_SOURCE
    rows = derive(source)
    with OUT.open("w", encoding="utf-8", newline="\n") as f:
        f.write("# People from the Phoenix country-actors dictionary (Open Event Data Alliance, MIT licence,\n"
                "# Copyright (c) 2014 Open Event Data Alliance), derived by scripts/derive_people.py.\n"
                "# country: ISO 3166-1 alpha-3; sector: CAMEO sector of the person's main role; start/end: that role.\n")
        f.write("name\tcountry\tsector\tstart\tend\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"wrote {len(rows)} people to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
