#!/usr/bin/env python3
"""Derive the CAMEO/PLOVER data files of irkg from the reference files.

Generates (deterministically; re-running rewrites identical bytes):

* kg/data/cameo.tsv   -- every CAMEO code with label, PLOVER type and quad class
* ontology/cameo.ttl  -- CAMEO as a SKOS concept scheme
* ontology/plover.ttl -- PLOVER 2021 event types as a SKOS concept scheme

and then checks the hand-curated files (kg/data/verbs.tsv, relations.tsv,
modality.tsv, weapons.tsv) against them, printing how much of verbs.tsv is
attested in the PETRARCH2 verb dictionary CAMEO.2.0.txt.

Reference files (default: ../shared/reference next to the repository, or the
IRKG_REFERENCE environment variable, or --reference DIR):

* cameo/CAMEO_codefile.txt       MIT, Copyright (c) 2014 Philip Schrodt
* plover/CAMEO2PLOVER-2021.txt   CC BY-SA 4.0, Open Event Data Alliance
* phoenix/CAMEO.2.0.txt          MIT, Copyright (c) 2015 Open Event Data Alliance

Usage:
    python scripts/derive_lexicon.py            # regenerate, then check
    python scripts/derive_lexicon.py --check    # only verify files are current and consistent

Exit status is non-zero if a check fails.
"""
from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "kg" / "data"
ONTOLOGY = ROOT / "ontology"

CAMEO_NS = "https://w3id.org/irkg/cameo/"  # same as kg/vocab.py CAMEO
PLOVER_NS = "https://w3id.org/irkg/plover/"  # same as kg/vocab.py PLOVER

# PLOVER 2021 event types in the order of the PLOVER manual (chapter 3).
PLOVER_TYPES = [
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
]

# Quad category of each PLOVER type as given in the type's own section
# ("3.x.4 Quad category") of the PLOVER manual, Draft 0.8 (2021).  Note: the
# manual's summary Table 7.2 lists SANCTION under verbal conflict, contradicting
# section 3.13.4; the section is used here.
PLOVER_QUAD = {
    "AGREE": "verbal_cooperation", "CONSULT": "verbal_cooperation",
    "SUPPORT": "verbal_cooperation", "CONCEDE": "verbal_cooperation",
    "COOPERATE": "material_cooperation", "AID": "material_cooperation",
    "RETREAT": "material_cooperation",
    "REQUEST": "verbal_conflict", "ACCUSE": "verbal_conflict",
    "REJECT": "verbal_conflict", "THREATEN": "verbal_conflict",
    "PROTEST": "material_conflict", "SANCTION": "material_conflict",
    "MOBILIZE": "material_conflict", "COERCE": "material_conflict",
    "ASSAULT": "material_conflict",
}

QUADS = ["verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"]

# Decisions for what CAMEO2PLOVER-2021.txt does not say (see kg/data/lexicon.md).
# Roots without a header row in the table: 01 has no PLOVER type (PLOVER dropped
# "make public statement"), 02 APPEAL is folded into REQUEST ("all requests,
# demands, and orders").
ROOT_PLOVER_DEFAULTS = {"01": "", "02": "REQUEST"}
# Code-level overrides of the table.  163 "Impose embargo, boycott, or
# sanctions" is COERCE in the 2021 table but the manual (3.13.3, SANCTION mode
# 'discontinue') says international sanctions are SANCTION.
PLOVER_OVERRIDES = {"163": "SANCTION"}

# Quad class by CAMEO root (the standard GDELT/ICEWS quad classes), except that
# the neutral 01 statements get no quad class.
def quad_for(code: str) -> str:
    root = int(code[:2])
    if root == 1:
        return ""
    if root <= 5:
        return "verbal_cooperation"
    if root <= 8:
        return "material_cooperation"
    if root <= 13:
        return "verbal_conflict"
    return "material_conflict"

# Typos in the codefile labels that are corrected (documented in lexicon.md).
LABEL_CORRECTIONS = {
    "055": "Apologize",
    "1051": "Demand easing of administrative sanctions",
    "1444": "Obstruct passage to demand change in institutions, regime",
}

CAMEO_ATTRIBUTION = (
    "CAMEO codes and labels: CAMEO_codefile.txt (openeventdata/text_to_CAMEO), "
    "Copyright (c) 2014 Philip Schrodt, MIT License."
)
GOLDSTEIN_ATTRIBUTION = (
    "Goldstein scores: CAMEO.goldsteinscale.txt as the GDELT Project publishes it for its GoldsteinScale "
    "column, after Goldstein, J. S. (1992), A Conflict-Cooperation Scale for WEIS Events Data, "
    "J. Conflict Resolution 36(2); a code missing there takes its parent's score."
)
PLOVER_ATTRIBUTION = (
    "PLOVER types: CAMEO2PLOVER-2021.txt and PLOVER manual (openeventdata/PLOVER), "
    "Open Event Data Alliance, CC BY-SA 4.0; derived material shared under CC BY-SA 4.0."
)


# --------------------------------------------------------------------------
# reference parsing

def find_reference(explicit: str | None = None) -> Path:
    candidates = []
    if explicit:
        candidates.append(Path(explicit))
    if os.environ.get("IRKG_REFERENCE"):
        candidates.append(Path(os.environ["IRKG_REFERENCE"]))
    candidates += [ROOT.parent / "shared" / "reference", Path("/work/shared/reference")]
    for c in candidates:
        if (c / "cameo" / "CAMEO_codefile.txt").is_file():
            return c
    raise FileNotFoundError("reference directory not found (tried: %s)" % ", ".join(map(str, candidates)))


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8", errors="replace").splitlines()


def parse_codefile(path: Path) -> dict[str, str]:
    """Return {code: label} for every numeric 2-, 3- and 4-digit code.

    Root labels come from the '//NN: TITLE' / '//NN= TITLE' comment lines,
    other labels from 'LABEL: code= text' lines (the last one for a code wins;
    'LABELi' variants and non-numeric codes such as '0811i' are ignored)."""
    codes: dict[str, str] = {}
    for line in read_lines(path):
        m = re.match(r"^//(\d{2})\s*[:=]\s*(.+?)\s*$", line)
        if m:
            title = m.group(2).strip()
            codes[m.group(1)] = title[:1].upper() + title[1:].lower()
            continue
        m = re.match(r"^LABEL:\s*(\d{3,4})\s*=\s*(.+?)\s*$", line)
        if m:
            codes[m.group(1)] = m.group(2)
    codes.update({k: v for k, v in LABEL_CORRECTIONS.items() if k in codes})
    return codes


def parse_cameo2plover(path: Path) -> tuple[dict[str, str], dict[str, str]]:
    """Return ({code: PLOVER type}, {root: PLOVER type of the first header row})."""
    codes: dict[str, str] = {}
    roots: dict[str, str] = {}
    for line in read_lines(path):
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^(\d{2}):\s*([A-Z]+)\s*$", line)
        if m:
            roots.setdefault(m.group(1), m.group(2))
            continue
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*,", line)
        if m:
            codes.setdefault(m.group(1), m.group(2))
    return codes, roots


def cameo_rows(ref: Path) -> list[tuple[str, str, str, str]]:
    labels = parse_codefile(ref / "cameo" / "CAMEO_codefile.txt")
    table, roots = parse_cameo2plover(ref / "plover" / "CAMEO2PLOVER-2021.txt")
    unknown = (set(table.values()) | set(roots.values())) - set(PLOVER_TYPES)
    if unknown:
        raise ValueError(f"unknown PLOVER types in table: {sorted(unknown)}")

    def plover(code: str) -> str:
        if code in PLOVER_OVERRIDES:
            return PLOVER_OVERRIDES[code]
        if code in table:
            return table[code]
        if len(code) == 4 and code[:3] in table:
            return table[code[:3]]
        root = code[:2]
        if root in ROOT_PLOVER_DEFAULTS:
            return ROOT_PLOVER_DEFAULTS[root]
        return roots[root]

    return [(c, labels[c], plover(c), quad_for(c)) for c in sorted(labels)]


# --------------------------------------------------------------------------
# rendering

def parse_goldstein(path: Path) -> dict[str, float]:
    """{CAMEO code: Goldstein score} of GDELT's CAMEO.goldsteinscale.txt."""
    scale = {}
    for line in read_lines(path):
        parts = line.split()
        if len(parts) == 2 and parts[0].isdigit():
            scale[parts[0]] = float(parts[1])
    return scale


def goldstein_of(code: str, scale: dict[str, float]) -> float:
    """The code's own score, else its parent's (GDELT scores a few four-digit codes only at three)."""
    for c in (code, code[:3], code[:2]):
        if c in scale:
            return scale[c]
    raise ValueError(f"CAMEO code {code} has no Goldstein score, nor has its parent")


def render_cameo_tsv(rows, scale: dict[str, float]) -> str:
    out = [
        "# CAMEO event codes (2-, 3- and 4-digit) with PLOVER 2021 type, quad class and Goldstein score.",
        "# GENERATED by scripts/derive_lexicon.py -- do not edit by hand; see kg/data/lexicon.md.",
        "# " + CAMEO_ATTRIBUTION,
        "# " + PLOVER_ATTRIBUTION,
        "# " + GOLDSTEIN_ATTRIBUTION,
        "code\tlabel\tplover\tquad\tgoldstein",
    ]
    out += ["\t".join((*r, f"{goldstein_of(r[0], scale):.1f}")) for r in rows]
    return "\n".join(out) + "\n"


def ttl_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def quad_label(q: str) -> str:
    return q.replace("_", " ")


def quad_local(q: str) -> str:
    return "".join(p.capitalize() for p in q.split("_"))


PREFIXES = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""


def render_cameo_ttl(rows) -> str:
    out = [
        "# CAMEO event codes as a SKOS concept scheme.",
        "# GENERATED by scripts/derive_lexicon.py -- do not edit by hand.",
        "# " + CAMEO_ATTRIBUTION,
        "# " + PLOVER_ATTRIBUTION,
        PREFIXES.rstrip("\n"),
        f"@prefix cameo: <{CAMEO_NS}> .",
        f"@prefix plover: <{PLOVER_NS}> .",
        "",
        f"<{CAMEO_NS}> a skos:ConceptScheme ;",
        '    skos:prefLabel "CAMEO event codes"@en ;',
        '    dct:source "CAMEO_codefile.txt, Conflict and Mediation Event Observations codebook v0.7b5" ;',
        f"    dct:rights {ttl_str(CAMEO_ATTRIBUTION + ' ' + PLOVER_ATTRIBUTION)} ;",
    ]
    roots = [r[0] for r in rows if len(r[0]) == 2]
    out.append("    skos:hasTopConcept " + ", ".join(f"cameo:{c}" for c in roots) + " .")
    out.append("")
    for code, label, plover, quad in rows:
        lines = [f"cameo:{code} a skos:Concept",
                 f"    skos:inScheme <{CAMEO_NS}>",
                 f"    skos:notation {ttl_str(code)}",
                 f"    skos:prefLabel {ttl_str(label)}@en"]
        if len(code) == 2:
            lines.append(f"    skos:topConceptOf <{CAMEO_NS}>")
        else:
            lines.append(f"    skos:broader cameo:{code[:-1]}")
        if plover:
            lines.append(f"    skos:broadMatch plover:{plover}")
        out.append(" ;\n".join(lines) + " .")
        out.append("")
    for q in QUADS:
        members = [r[0] for r in rows if r[3] == q]
        out.append(f"cameo:{quad_local(q)} a skos:Collection ;")
        out.append(f"    skos:prefLabel {ttl_str('CAMEO quad class: ' + quad_label(q))}@en ;")
        out.append(f"    skos:notation {ttl_str(q)} ;")
        out.append("    skos:member " + ", ".join(f"cameo:{c}" for c in members) + " .")
        out.append("")
    return "\n".join(out)


def render_plover_ttl(rows) -> str:
    out = [
        "# PLOVER 2021 event types as a SKOS concept scheme.",
        "# GENERATED by scripts/derive_lexicon.py -- do not edit by hand.",
        "# " + PLOVER_ATTRIBUTION,
        PREFIXES.rstrip("\n"),
        f"@prefix plover: <{PLOVER_NS}> .",
        "",
        f"<{PLOVER_NS}> a skos:ConceptScheme ;",
        '    skos:prefLabel "PLOVER event types"@en ;',
        '    dct:source "CAMEO2PLOVER-2021.txt; PLOVER manual Draft 0.8, 17 September 2021" ;',
        f"    dct:rights {ttl_str(PLOVER_ATTRIBUTION)} ;",
        "    skos:hasTopConcept " + ", ".join(f"plover:{t}" for t in PLOVER_TYPES) + " .",
        "",
    ]
    for t in PLOVER_TYPES:
        cameo = sorted({r[0] for r in rows if r[2] == t and len(r[0]) == 2})
        lines = [f"plover:{t} a skos:Concept",
                 f"    skos:inScheme <{PLOVER_NS}>",
                 f"    skos:topConceptOf <{PLOVER_NS}>",
                 f"    skos:notation {ttl_str(t)}",
                 f"    skos:prefLabel {ttl_str(t.capitalize())}@en"]
        if cameo:
            lines.append(f"    skos:scopeNote {ttl_str('CAMEO roots mapped here: ' + ', '.join(cameo))}@en")
        out.append(" ;\n".join(lines) + " .")
        out.append("")
    for q in QUADS:
        members = [t for t in PLOVER_TYPES if PLOVER_QUAD[t] == q]
        out.append(f"plover:{quad_local(q)} a skos:Collection ;")
        out.append(f"    skos:prefLabel {ttl_str('PLOVER quad category: ' + quad_label(q))}@en ;")
        out.append(f"    skos:notation {ttl_str(q)} ;")
        out.append("    skos:member " + ", ".join(f"plover:{t}" for t in members) + " .")
        out.append("")
    return "\n".join(out)


def generated_files(ref: Path) -> dict[Path, str]:
    rows = cameo_rows(ref)
    return {
        DATA / "cameo.tsv": render_cameo_tsv(rows, parse_goldstein(ref / "cameo" / "CAMEO.goldsteinscale.txt")),
        ONTOLOGY / "cameo.ttl": render_cameo_ttl(rows),
        ONTOLOGY / "plover.ttl": render_plover_ttl(rows),
    }


# --------------------------------------------------------------------------
# reading the curated TSV files

def read_tsv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    """Read a UTF-8 TSV with '#' comment lines and a header line."""
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) != len(header):
            raise ValueError(f"{path.name}:{n}: {len(cells)} cells, expected {len(header)}")
        row = dict(zip(header, cells))
        row["_line"] = str(n)
        rows.append(row)
    return header or [], rows


# --------------------------------------------------------------------------
# PETRARCH2 dictionary support (informational)

def parse_petrarch(path: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Return ({VERB: codes}, {VERB: pattern words}) from the verb-pattern section.

    A verb's codes are its own bracketed code, else its block's code, plus the
    codes of the block's patterns.  Pattern words are the upper-case words of the
    block's '- ...' pattern lines (objects, particles, prepositions)."""
    lines = read_lines(path)
    start = next(i for i, l in enumerate(lines) if "VERB PATTERNS" in l)
    end = next(i for i, l in enumerate(lines) if "TRANSFORMATIONS" in l)
    blocks: list[tuple[str, list[tuple[str, str]], set[str], set[str]]] = []
    for line in lines[start + 1:end]:
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
        if m:
            blocks.append((m.group(2), [], set(), set()))
            continue
        if not blocks:
            continue
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        if text.startswith("-"):
            m = re.search(r"\[([^\]]*)\]", text)
            if m:
                blocks[-1][2].add(m.group(1))
            words = re.findall(r"[A-Z][A-Z'\-]*", re.sub(r"\[[^\]]*\]", "", text))
            blocks[-1][3].update(w.rstrip("S") for w in words)
            blocks[-1][3].update(words)
            continue
        m = re.match(r"^\+?([A-Z][A-Z_'\-]*)\s*(?:\{[^}]*\})?\s*(?:\[([^\]]*)\])?", text)
        if m:
            blocks[-1][1].append((m.group(1), m.group(2) or ""))
    verbs: dict[str, set[str]] = {}
    patterns: dict[str, set[str]] = {}
    for code, members, pcodes, pwords in blocks:
        for verb, own in members:
            key = verb.split("_")[0]
            c = own or code
            cs = {x for x in (c.split(":")[0], *[p.split(":")[0] for p in pcodes]) if re.fullmatch(r"\d{2,4}", x)}
            verbs.setdefault(key, set()).update(cs)
            patterns.setdefault(key, set()).update(pwords)
    return verbs, patterns


# --------------------------------------------------------------------------
# checks

def check(ref: Path, stale_ok: bool = False) -> list[str]:
    errors: list[str] = []
    rows = cameo_rows(ref)
    cameo = {r[0]: r for r in rows}
    for path, text in generated_files(ref).items():
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            if not stale_ok:
                errors.append(f"{path.relative_to(ROOT)} is not up to date; run scripts/derive_lexicon.py")

    _, relations = read_tsv(DATA / "relations.tsv")
    rel = {r["relation"]: r for r in relations}
    for r in relations:
        if r["plover"] not in PLOVER_TYPES + [""]:
            errors.append(f"relations.tsv:{r['_line']}: unknown plover {r['plover']!r}")
        if r["symmetric"] not in ("yes", "no"):
            errors.append(f"relations.tsv:{r['_line']}: symmetric must be yes/no")

    _, verbs = read_tsv(DATA / "verbs.tsv")
    bare: dict[tuple[str, str, str], str] = {}
    alternatives: dict[tuple[str, str, str], dict[str, str]] = {}
    for r in verbs:
        where = f"verbs.tsv:{r['_line']} ({r['lemma']})"
        if r["cameo"] not in cameo:
            errors.append(f"{where}: CAMEO code {r['cameo']!r} not in cameo.tsv")
        elif cameo[r["cameo"]][2] != r["plover"]:
            errors.append(f"{where}: plover {r['plover']!r} != cameo.tsv {cameo[r['cameo']][2]!r}")
        if r["relation"] not in rel:
            errors.append(f"{where}: relation {r['relation']!r} not in relations.tsv")
        if r["pos"] not in ("VERB", "NOUN"):
            errors.append(f"{where}: pos must be VERB or NOUN")
        if r["pos"] == "NOUN" and r["particle"]:
            errors.append(f"{where}: NOUN rows take no particle (their `object` is a required modifier)")
        # Matching must be unambiguous: one bare row per (lemma, pos, particle), and object (or, on NOUN
        # rows, modifier) alternatives listed on one row only.
        key = (r["lemma"], r["pos"], r["particle"])
        objs = [o for o in r["object"].split("|") if o]
        if not objs:
            if key in bare:
                errors.append(f"{where}: second row without object for {key} (first on line {bare[key]})")
            bare.setdefault(key, r["_line"])
        seen = alternatives.setdefault(key, {})
        for o in objs:
            if o in seen:
                errors.append(f"{where}: object {o!r} of {key} already listed on line {seen[o]}")
            seen.setdefault(o, r["_line"])

    _, modality = read_tsv(DATA / "modality.tsv")
    for r in modality:
        where = f"modality.tsv:{r['_line']} ({r['lemma']})"
        if r["cameo"] and r["cameo"] not in cameo:
            errors.append(f"{where}: CAMEO code {r['cameo']!r} not in cameo.tsv")
        if r["relation"] and r["relation"] not in rel:
            errors.append(f"{where}: relation {r['relation']!r} not in relations.tsv")

    # Every relation is used by a verb row, a modality row or the stance table (kg/data/intents.tsv).
    used = {r["relation"] for r in verbs} | {r["relation"] for r in modality if r["relation"]}
    if (DATA / "intents.tsv").is_file():
        _, intents = read_tsv(DATA / "intents.tsv")
        used |= {cell.split(":", 1)[1].strip() for r in intents for k, cell in r.items()
                 if k not in ("plover", "_line") and ":" in cell}
    for name in sorted(set(rel) - used):
        errors.append(f"relations.tsv:{rel[name]['_line']}: relation {name!r} is not used by the lexicon")

    # PETRARCH2 support of verbs.tsv (informational)
    pverbs, ppatterns = parse_petrarch(ref / "phoenix" / "CAMEO.2.0.txt")
    in_dict = same_root = obj_attested = with_obj = 0
    verb_rows = [r for r in verbs if r["pos"] == "VERB"]
    for r in verb_rows:
        key = r["lemma"].upper()
        if key in pverbs:
            in_dict += 1
            if any(c[:2] == r["cameo"][:2] for c in pverbs[key]):
                same_root += 1
        if r["object"]:
            with_obj += 1
            words = ppatterns.get(key, set())
            if any(o.upper() in words for o in r["object"].split("|")):
                obj_attested += 1
    nouns = [r for r in verbs if r["pos"] == "NOUN"]
    noun_mods = sum(1 for r in nouns if r["object"])
    all_pattern_words = set().union(*ppatterns.values()) if ppatterns else set()
    noun_attested = sum(1 for r in nouns if r["lemma"].upper() in all_pattern_words)
    print(f"cameo.tsv: {len(rows)} codes; relations: {len(relations)}; verbs.tsv: {len(verbs)} rows "
          f"({len(verb_rows)} VERB, {len(nouns)} NOUN, {noun_mods} of them with a required modifier); "
          f"modality.tsv: {len(modality)} rows")
    print(f"PETRARCH2 CAMEO.2.0.txt support: {in_dict}/{len(verb_rows)} verb lemmas are dictionary verbs, "
          f"{same_root} of them with a code of the same CAMEO root; {obj_attested}/{with_obj} verb+object rows "
          f"have an object attested in the verb's patterns; {noun_attested}/{len(nouns)} noun lemmas occur in patterns")
    return errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--reference", help="reference directory (contains cameo/, plover/, phoenix/)")
    ap.add_argument("--check", action="store_true", help="do not write; fail if generated files are stale")
    args = ap.parse_args(argv)
    ref = find_reference(args.reference)
    if not args.check:
        for path, text in generated_files(ref).items():
            path.parent.mkdir(parents=True, exist_ok=True)
            old = path.read_text(encoding="utf-8") if path.is_file() else None
            if old != text:
                path.write_text(text, encoding="utf-8")
                print(f"wrote {path.relative_to(ROOT)}")
            else:
                print(f"unchanged {path.relative_to(ROOT)}")
    errors = check(ref)
    for e in errors:
        print("ERROR:", e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
