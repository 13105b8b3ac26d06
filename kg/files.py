"""Files written atomically, with the mode a plain open() would give them.

Every file irkg writes goes to a temporary name beside its target and is renamed into place,
so an interrupted write never leaves half a file. mkstemp creates its file 0600; the file is
given the usual mode under the user's umask (0644 by default) before the rename, so exports
and pages can be shared like any other file.
"""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path


def usual_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextmanager
def atomic(path: str | Path, mode: str = "w"):
    """Open `path` for writing ("w" text, "wb" bytes); it appears whole or not at all."""
    target = Path(path).absolute()
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        opened = os.fdopen(fd, mode) if "b" in mode else os.fdopen(fd, mode, encoding="utf-8", newline="")
        with opened as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, usual_mode())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
