"""`kg build URL...`: news pages and feeds fetched over HTTP(S), politely, once.

- A clear user agent (USER_AGENT), a timeout per request ($KG_FETCH_TIMEOUT, default 20 s), a
  size limit (the ingest limit for a file), HTTP(S) only; redirects are followed by urllib.
- robots.txt is read once per host and obeyed for our user agent; a robots.txt that cannot be
  fetched (404, error) allows everything, as the convention has it.
- Every answer is kept in a cache folder ($KG_FETCH_CACHE, default ~/.cache/irkg/fetch), one
  file per URL: a rebuild reads the cache and fetches nothing. Delete the folder to fetch afresh.
- A failed fetch (bad status, timeout, refused by robots.txt, too large, not a page or feed)
  is a Problem like any bad input (E125); the rest of the build goes on.
"""
from __future__ import annotations

import hashlib
import json
import os
import socket
import urllib.error
import urllib.request
import urllib.robotparser
from pathlib import Path
from urllib.parse import urlsplit

USER_AGENT = "irkg/0.1 (news-to-knowledge-graph builder; +https://w3id.org/irkg)"
ROBOTS_AGENT = "irkg"


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def timeout() -> float:
    try:
        return max(0.1, float(os.environ.get("KG_FETCH_TIMEOUT", "20")))
    except ValueError:
        return 20.0


def cache_dir() -> Path:
    return Path(os.environ.get("KG_FETCH_CACHE") or Path.home() / ".cache" / "irkg" / "fetch")


class FetchError(Exception):
    pass


def _get(url: str, max_bytes: int) -> tuple[int, str, str, bytes]:
    """(status, final URL, content type, body) of a GET; raises FetchError for what is no answer."""
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,"
                                               "application/rss+xml,application/atom+xml,text/plain;q=0.8,*/*;q=0.1"})
    try:
        with urllib.request.urlopen(req, timeout=timeout()) as r:
            body = r.read(max_bytes + 1)
            if len(body) > max_bytes:
                raise FetchError(f"larger than {max_bytes} bytes")
            return r.status, r.geturl(), r.headers.get("Content-Type") or "", body
    except urllib.error.HTTPError as e:
        return e.code, url, e.headers.get("Content-Type") or "" if e.headers else "", b""
    except (socket.timeout, TimeoutError):
        raise FetchError(f"timed out after {timeout():g} s") from None
    except urllib.error.URLError as e:
        reason = e.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise FetchError(f"timed out after {timeout():g} s") from None
        raise FetchError(str(getattr(reason, "strerror", None) or reason)) from None
    except (OSError, ValueError) as e:
        raise FetchError(str(e) or type(e).__name__) from None


_ROBOTS: dict[str, urllib.robotparser.RobotFileParser | None] = {}


def allowed(url: str) -> bool:
    parts = urlsplit(url)
    root = f"{parts.scheme}://{parts.netloc}"
    if root not in _ROBOTS:
        rp = None
        try:
            status, _, _, body = _get(root + "/robots.txt", 500_000)
            if status == 200:
                rp = urllib.robotparser.RobotFileParser()
                rp.parse(body.decode("utf-8", errors="replace").splitlines())
        except FetchError:
            rp = None
        _ROBOTS[root] = rp
    rp = _ROBOTS[root]
    return rp is None or rp.can_fetch(ROBOTS_AGENT, url)


def fetch(url: str, max_bytes: int) -> tuple[str, str, bytes]:
    """(final URL, content type, body) of a page, from the cache when it has it."""
    key = hashlib.sha256(url.encode("utf-8")).hexdigest()
    folder = cache_dir()
    meta_path, body_path = folder / f"{key}.json", folder / f"{key}.body"
    if meta_path.exists() and body_path.exists():
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        return meta["url"], meta["type"], body_path.read_bytes()
    if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).netloc:
        raise FetchError("not an http(s) URL")
    if not allowed(url):
        raise FetchError("robots.txt of the site does not allow it")
    status, final, ctype, body = _get(url, max_bytes)
    if status != 200:
        raise FetchError(f"HTTP {status}")
    folder.mkdir(parents=True, exist_ok=True)
    # body first, then its metadata, each by rename: a half-written cache entry is never read
    for path, data in ((body_path, body), (meta_path, json.dumps({"url": final, "type": ctype, "asked": url})
                                           .encode("utf-8"))):
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    return final, ctype, body
