"""What the tests of private files look at: files on disk, and what a browser gets from a bucket."""

import urllib.error
import urllib.request


def files_under(folder) -> list[str]:
    """Every file below `folder`, as paths relative to it (none when it does not exist)."""
    if not folder.exists():
        return []
    return sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    """GET `url` as a browser would, with no credentials: status, headers (lower-case names), body."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (a test server on 127.0.0.1)
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()
