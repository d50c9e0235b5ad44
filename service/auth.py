"""API keys: each bound to a newsroom and a role, stored only as SHA-256 digests.

A key is ``tq_`` and 43 random URL-safe characters (256 bits). Keys that random need no slow hash: a SHA-256
digest cannot be reversed, and looking a digest up reveals nothing about other keys. The server never keeps a
key itself; it is shown once, when made (``tadqiq key``, or ``tadqiq serve`` on first run).

Where keys are configured (both may be used):

- a TOML file (``TADQIQ_KEYS_FILE``; ``make run`` makes ``.tadqiq/keys.toml``), one ``[[key]]`` table each::

      [[key]]
      id = "desk-reviewer"      # shown in the audit trail; letters, digits, . _ -
      newsroom = "akhbarona"    # the reports a key sees; letters, digits, . _ -
      role = "reviewer"         # submitter | reviewer | admin
      sha256 = "9f86d0…"        # hex digest of the key
      name = "Layla, data desk" # optional: who holds it, for the audit trail

- ``TADQIQ_KEYS``: entries ``id:newsroom:role:sha256`` separated by commas or spaces.

The same file may describe each newsroom, for what it publishes (ClaimReview's ``author``, ``service.exports``)::

      [[newsroom]]
      id = "akhbarona"                       # as the keys name it
      name = "أخبارنا"                       # the publisher's name; default: the id
      url = "https://www.akhbarona.com/"     # the publisher's site (http or https); default: none

A newsroom without a record publishes under its id, with no ``url``: this server's address is not the newsroom's.

Roles: a *submitter* checks articles and reads its newsroom's reports; a *reviewer* also reviews verdicts; an
*admin* may do everything a reviewer may (keys themselves are made on the server with ``tadqiq key``).

Requests authenticate with ``Authorization: Bearer <key>``. The browser pages use a session instead: signing in
at ``/login`` with a key stores a session on the server (``service.storage``: the SHA-256 of a random 256-bit id,
the key's digest, when it ends) and gives the browser only the id, in the ``tadqiq_session`` cookie (HttpOnly,
SameSite=Strict); signing out deletes the session, so the cookie is worth nothing afterwards.

Keys take effect without a restart: the keys file is read again when it changes, and ``tadqiq key revoke ID``
records the key's digest as revoked in the database, which every instance reads again within a second (the key's
sessions end with it at once). Wrong keys are counted per client address and throttled (``service.throttle``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import secrets
import time
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from litestar import Request

from service.problems import ProblemError
from service.throttle import address

log = logging.getLogger("tadqiq")

__all__ = ["COOKIE", "ROLES", "Caller", "Keys", "authorize", "digest", "ensure_local_key", "new_key", "session_caller"]

Role = Literal["submitter", "reviewer", "admin"]
ROLES: tuple[Role, ...] = ("submitter", "reviewer", "admin")
COOKIE = "tadqiq_session"
_NAME = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
_HEX = re.compile(r"^[0-9a-f]{64}$")
#: A newsroom's site: an absolute http(s) address without spaces or quotes, of sensible length.
_SITE = re.compile(r"^https?://[^\s\"<>]{1,2000}$")
#: the challenge sent with every 401 (RFC 9110 §11.6.1)
CHALLENGE = {"WWW-Authenticate": 'Bearer realm="tadqiq"'}
#: ... with the error code of RFC 6750 §3.1 when a key was sent wrongly, or was not accepted
INVALID_REQUEST = {"WWW-Authenticate": 'Bearer realm="tadqiq", error="invalid_request"'}
INVALID_TOKEN = {"WWW-Authenticate": 'Bearer realm="tadqiq", error="invalid_token"'}


@dataclass(frozen=True)
class Caller:
    key: str
    newsroom: str
    role: Role
    name: str | None = None
    digest: str = ""

    @property
    def who(self) -> str:
        return self.name or self.key

    def may(self, role: Role) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)


@dataclass(frozen=True)
class Newsroom:
    """Who publishes a newsroom's fact checks: its name and its site (the keys file's ``[[newsroom]]``)."""

    id: str
    name: str | None = None
    url: str | None = None


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def new_key() -> str:
    return "tq_" + secrets.token_urlsafe(32)


class Keys:
    """The configured keys, by digest; the file is read again whenever it changes."""

    def __init__(self, callers: dict[str, Caller], file: str | Path | None = None, env: str | None = None,
                 newsrooms: dict[str, Newsroom] | None = None):
        self.by_digest = callers
        self.newsrooms = newsrooms or {}
        self.file, self.env = (Path(file) if file else None), env
        self._stamp = self._stat()

    @classmethod
    def load(cls, file: str | Path | None = None, env: str | None = None) -> Keys:
        return cls(cls._read(file, env), file, env, cls._newsrooms(file))

    @staticmethod
    def _newsrooms(file: str | Path | None) -> dict[str, Newsroom]:
        path = Path(file) if file else None
        if path is None or not path.exists():
            return {}
        found = {}
        for e in tomllib.loads(path.read_text("utf-8")).get("newsroom", []):
            nid, name, url = e.get("id", ""), e.get("name") or None, e.get("url") or None
            if not _NAME.match(nid) or (name is not None and not 0 < len(name) <= 200) or (
                    url is not None and not _SITE.match(url)):
                raise ValueError(f"newsroom {nid!r}: needs an id (letters, digits, . _ -), a name of at most 200 "
                                 "characters and a url that is an http(s) address, if given")
            found[nid] = Newsroom(id=nid, name=name, url=url)
        return found

    def newsroom(self, newsroom_id: str) -> Newsroom:
        """The newsroom's record, or one with its id alone."""
        self.refresh()
        return self.newsrooms.get(newsroom_id) or Newsroom(id=newsroom_id)

    @staticmethod
    def _read(file: str | Path | None, env: str | None) -> dict[str, Caller]:
        entries: list[dict[str, Any]] = []
        if file:
            path = Path(file)
            if path.exists():
                entries += tomllib.loads(path.read_text("utf-8")).get("key", [])
        for item in (env or "").replace(",", " ").split():
            parts = item.split(":")
            if len(parts) != 4:
                raise ValueError(f"TADQIQ_KEYS: '{item}' is not id:newsroom:role:sha256")
            entries.append(dict(zip(("id", "newsroom", "role", "sha256"), parts)))
        callers = {}
        for e in entries:
            key_id, newsroom, role, sha = e.get("id", ""), e.get("newsroom", ""), e.get("role", ""), e.get("sha256", "")
            if not (_NAME.match(key_id) and _NAME.match(newsroom) and role in ROLES and _HEX.match(sha.lower())):
                raise ValueError(f"key {key_id!r}: needs id, newsroom (letters, digits, . _ -), role "
                                 f"({'|'.join(ROLES)}) and a 64-digit hex sha256")
            callers[sha.lower()] = Caller(key=key_id, newsroom=newsroom, role=role, name=e.get("name") or None,
                                          digest=sha.lower())
        return callers

    def _stat(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.file) if self.file else None
        except OSError:
            return None
        return (st.st_mtime_ns, st.st_size) if st else None

    def refresh(self) -> None:
        """Read the file again if it changed (a key added or removed takes effect without a restart)."""
        stamp = self._stat()
        if stamp != self._stamp:
            try:
                self.by_digest, self.newsrooms = self._read(self.file, self.env), self._newsrooms(self.file)
            except (ValueError, tomllib.TOMLDecodeError, OSError) as exc:  # half-written: keep the keys we had
                log.warning("keys file %s not read again: %s", self.file, exc)
                return
            self._stamp = stamp

    def find(self, key: str | None) -> Caller | None:
        if not key or len(key) > 200:
            return None
        self.refresh()
        return self.by_digest.get(digest(key))

    def with_id(self, key_id: str) -> list[Caller]:
        self.refresh()
        return [c for c in self.by_digest.values() if c.key == key_id]


class Revoked:
    """The revoked key digests, read from the database at most once a second (``ttl``): a revocation reaches every
    instance within that second, and a request costs no query."""

    def __init__(self, store, ttl: float = 1.0):  # type: ignore[no-untyped-def]
        self.store, self.ttl = store, ttl
        self._digests: set[str] = set()
        self._read_at = -1e9

    async def __call__(self, key_digest: str) -> bool:
        if time.monotonic() - self._read_at >= self.ttl:
            self._digests = await self.store.revoked()
            self._read_at = time.monotonic()
        return key_digest in self._digests


async def authorize(request: Request[Any, Any, Any], role: Role = "submitter") -> Caller:
    """The caller of an API route, or a 401 (no, unknown or revoked key) / 403 (a key whose role may not do this) /
    429 (too many requests for this key, or too many wrong keys from this address)."""
    state = request.app.state
    header = request.headers.get("authorization")
    scheme, _, token = (header or "").strip().partition(" ")
    if not header or not header.strip():
        raise ProblemError(401, "No API key", "This route needs an API key: send 'Authorization: Bearer <key>'.",
                           headers=CHALLENGE)
    if scheme.lower() != "bearer" or not token.strip():
        raise ProblemError(401, "Malformed Authorization header",
                           f"Send the key as 'Authorization: Bearer <key>'"
                           + (f", not with the '{scheme[:20]}' scheme." if token.strip() and scheme else "."),
                           headers=INVALID_REQUEST)
    where = address(request)
    await state.throttle.locked(where)
    caller = state.api_keys.find(token.strip())
    revoked = caller is not None and await state.revoked(caller.digest)
    if caller is None or revoked:
        await state.throttle.failed(where)
        raise ProblemError(401, "API key not accepted",
                           "This key was revoked; ask for a new one." if revoked else
                           "This key is not known here: check that it was copied whole.", headers=INVALID_TOKEN)
    await state.throttle.hit(f"key:{caller.digest}")
    if not caller.may(role):
        raise ProblemError(403, "Forbidden", f"This key's role ({caller.role}) may not do this; a {role} may.")
    return caller


def session_id(cookie: str) -> str:
    """What the database keeps of a session cookie: its SHA-256."""
    return digest(cookie)


async def session_caller(request: Request[Any, Any, Any]) -> Caller | None:
    """The signed-in caller of a page: a live session whose key is still configured and not revoked."""
    cookie = request.cookies.get(COOKIE)
    if not cookie or len(cookie) > 100:
        return None
    state = request.app.state
    key_digest = await state.store.session(session_id(cookie))
    if key_digest is None:
        return None
    state.api_keys.refresh()
    caller = state.api_keys.by_digest.get(key_digest)
    if caller is not None:
        await state.throttle.hit(f"key:{caller.digest}")
    return caller


def append_key(file: Path, key_id: str, newsroom: str, role: Role, name: str | None = None) -> str:
    """Make a key, append its digest to ``file`` (created if missing) and return the key (shown once)."""
    if not (_NAME.match(key_id) and _NAME.match(newsroom) and role in ROLES):
        raise ValueError("id and newsroom: letters, digits, . _ - (at most 64); role: " + "|".join(ROLES))
    key = new_key()
    file.parent.mkdir(parents=True, exist_ok=True)
    head = "" if file.exists() else ("# tadqiq API keys (see service/auth.py): id, newsroom, role, sha256 of the key, "
                                     "optional name.\n")
    entry = f'\n[[key]]\nid = "{key_id}"\nnewsroom = "{newsroom}"\nrole = "{role}"\nsha256 = "{digest(key)}"\n'
    if name:
        entry += f"name = {_quote(name)}\n"
    with file.open("a", encoding="utf-8") as f:
        f.write(head + entry)
    return key


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def ensure_local_key(data_dir: str | Path) -> tuple[Path, Path | None]:
    """For ``make run``: the keys file under ``data_dir``, made on first run with one admin key for the newsroom
    ``local``, whose key is written (mode 600) to ``local-key.txt`` beside it. Returns (keys file, key file if
    made now or still there)."""
    directory = Path(data_dir)
    keys_file = directory / "keys.toml"
    key_file = directory / "local-key.txt"
    if not keys_file.exists():
        key = append_key(keys_file, "local-admin", "local", "admin", "local admin (make run)")
        key_file.touch(mode=0o600)
        key_file.write_text(key + "\n", encoding="utf-8")
    return keys_file, key_file if key_file.exists() else None
