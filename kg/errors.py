"""The error catalogue: every message irkg prints for bad input or a bad command.

Codes are stable so that they can be grepped and documented. Each message says what
went wrong and, where it helps, what to do.
"""
from __future__ import annotations


class Errors:
    # Input (1xx): the article is skipped, the rest of the batch goes on.
    E100 = "path does not exist"
    E101 = "file is empty"
    E102 = "file looks binary (NUL bytes), not text"
    E103 = "file is not valid UTF-8 (byte {pos}{line}); convert it to UTF-8"
    E104 = "line is not valid JSON: {detail}"
    E105 = "JSON record has no 'text' field"
    E106 = "JSON record's 'text' is not a string"
    E107 = "article text is empty"
    E108 = ("unsupported file type '{suffix}'; use .txt, .md, .jsonl, .html, .rss, .atom, .warc (each may be "
            ".gz, .bz2, .xz or .zst compressed) or a folder; for PDF, convert it first (pdftotext FILE.pdf)")
    E109 = ("date '{value}' is not a date irkg reads (YYYY-MM-DD and common spellings, years 1800-2200); "
            "the article is kept without a date")
    E110 = "JSON record is not an object"
    E111 = "duplicate article id '{id}' (first seen at {first}); this one is skipped"
    E112 = "cannot read file: {detail}"
    E113 = "symbolic link loop or repeated folder; skipped"
    E114 = "file or line is too large ({size} bytes; the limit is {limit}); split it"
    E115 = "extraction failed for article '{id}' ({detail}); the article is skipped, please report this"
    E116 = ("article is too long ({chars} characters; the limit is {limit}); split it, or raise the limit "
            "with {env}=N")
    E117 = "the text had {n} control or invalid character(s); each was replaced by a space (or U+FFFD)"
    E118 = "field '{field}' is not a string or a number; it is ignored"
    E119 = "file has a {encoding} byte-order mark but is not valid {encoding} (byte {pos}); convert it to UTF-8"
    E120 = "article id '{id}' {why}; it is stored as '{new}'"
    E121 = "JSON Lines file is {encoding} (byte-order mark), not UTF-8; convert it to UTF-8 (the whole file is skipped)"
    E122 = "not an article file ('{suffix}'); not read"
    E123 = "same text as {first}; built once, this one is skipped"
    E124 = "no article text found in this {kind}"
    E125 = "cannot fetch: {detail}"
    # Store and query (2xx): the command stops with a clear message.
    E200 = "store '{path}' is in use by another process; wait for it to finish"
    E201 = "store '{path}' does not exist; build it first with `kg build PATH --store {path}`"
    E202 = "cannot write to store '{path}': {detail}"
    E203 = "query failed: {detail}"
    E204 = "no saved query named '{name}'{hint}; saved queries: {names}"
    E205 = "bad --param '{value}'; use name=value"
    E206 = "unknown output format '{value}'; use one of {options}"
    E207 = "cannot tell the format of '{path}' from its extension; use one of {options}"
    E208 = "output file '{path}' exists; use --force to overwrite it"
    E209 = "article '{id}' is not in the store"
    E211 = "cannot write '{path}': {detail}"
    E210 = "a --param must name a variable that the query returns ({detail})"
    E212 = "corrections file {path} line {line}: {detail}"
    E213 = "unknown country '{value}'{hint}; give an ISO 3166 alpha-3 code (RUS) or a country's name"
    E214 = "unknown {kind} '{value}'{hint}; known: {options}"
    E215 = "{option} '{value}' is not a date; use YYYY, YYYY-MM or YYYY-MM-DD"
    E216 = "no actor named '{value}' in the graph{hint}"
    E217 = "SPARQL syntax error at line {line}, column {column}, {found}: {hint}"
    E218 = "a CSV file holds one table: choose it with --table ({options}), or use --format json for all"
    E219 = "an rdflib Dataset opens a store folder, not the server {url}; use rdflib's SPARQLStore on its /sparql endpoint"
    # Set-up (3xx)
    E300 = "spaCy pipeline '{name}' is not installed; install it or name another with --model / KG_MODEL"
    E301 = "data file {path} line {line}: {detail}"
    E302 = "ontology term '{term}' is not defined in ontology/ir.ttl"
    # An unexpected exception, for the command line to print on one line (exit code 3) instead
    # of a traceback (whose exit code 1 would read as "some inputs were skipped").
    E399 = "internal error ({detail}); please report it with the command that caused it"


class _Fields(dict):
    """Message fields; one that a caller did not give is left empty rather than an error
    (optional details such as E103's line), so that reporting a problem never fails."""

    def __missing__(self, key: str) -> str:
        return ""


class KgError(Exception):
    """An error with a catalogue code; the CLI prints it as one line and exits non-zero."""

    def __init__(self, code: str, **fields: object) -> None:
        self.code = code
        self.fields = fields
        super().__init__(f"{code} {message(code, **fields)}")


def message(code: str, **fields: object) -> str:
    return getattr(Errors, code).format_map(_Fields(fields))
