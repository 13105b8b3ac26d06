"""Reading the package's tab-separated data files.

One reader for every file in kg/data/: a header line, `#` comments, `|`-separated
lists. A malformed line is a set-up error that names the file and line.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path

from .errors import KgError

DATA = Path(str(resources.files("kg") / "data"))


def split_list(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


@lru_cache(maxsize=None)
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """Rows of kg/data/NAME as dicts keyed by the header's column names."""
    path = DATA / name
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    with path.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = [c.strip() for c in cells]
                continue
            if len(cells) > len(header):
                raise KgError("E301", path=path, line=lineno,
                              detail=f"{len(cells)} cells, the header has {len(header)}")
            cells += [""] * (len(header) - len(cells))
            rows.append({h: c.strip() for h, c in zip(header, cells)})
    return tuple(rows)
