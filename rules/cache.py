"""Where tadqiq keeps what it derives from its own data files between starts (pint's parsed unit definitions, the
message catalogues read from their ``.po`` files): ``TADQIQ_CACHE_DIR``, else the user's cache directory
(``~/.cache/tadqiq``). Whatever is kept there is keyed by the content it was made from, so a changed source file
is read again, never served stale; a place that cannot be written means no cache, not an error."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import platformdirs

__all__ = ["folder", "write"]


def folder(name: str) -> Path | None:
    """The cache's sub-folder ``name``, made if needed; None when it cannot be written."""
    place = Path(os.environ.get("TADQIQ_CACHE_DIR") or platformdirs.user_cache_path("tadqiq")) / name
    try:
        place.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return place if os.access(place, os.W_OK) else None


def write(path: Path, data: bytes, replaces: str | None = None) -> None:
    """``data`` to ``path`` whole or not at all (a temporary file renamed: a process reading it at the same time
    sees the old file or the new one); a failure to write is ignored (the next start makes it again). ``replaces``
    is the pattern (``glob``, in ``path``'s folder) of what ``path`` replaces, the same thing made from other
    sources: those files are removed once ``path`` is written, so that the cache does not grow with every change
    (a process still running older code reads its own in memory, and makes it again at its next start)."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        return
    for old in path.parent.glob(replaces) if replaces else ():
        if old.name != path.name:
            old.unlink(missing_ok=True)
