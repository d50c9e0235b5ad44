"""What people read, as gettext catalogues managed with Babel: one ``.po`` per language in
``rules/locale/<lang>/LC_MESSAGES/messages.po`` (ar, de, en, es, fr), for the rules' sentences (explanations,
causes, labels, rule titles) and the service's pages alike.

The English sentence is the message id. A rule marks it where it is defined, ``FIT = N_("{count} × {each} makes
{implied} …")``, with named placeholders filled by ``str.format``; ``rules.explain.say`` renders it in English and
in the document's language, and ``translate`` gives one language. Where one English phrase needs two translations,
``C_(context, phrase)`` gives it a context (gettext's ``msgctxt``). A rule's title is its docstring's first line,
extracted by ``extract_rule``; the sentences of the data files (the slips' labels and texts in
``data/slips.toml``, the identities' ``assumed`` in ``data/identities.toml``) by ``extract_toml``.

A problem's message (``rules.model.Problem``: what could not be read, and why) is a message too: ``Said`` holds
its id and named values (the reader's ``Unreadable`` carries one), and ``problem`` makes the ``Problem``, its
``message`` in English and its ``local`` in the document's language.

``make messages`` extracts every message from rules/ and service/ (``pybabel extract`` with ``locale/babel.cfg``)
and brings each catalogue up to date; ``tests/test_messages.py`` fails when a message is missing or untranslated
in any language. Each language's catalogue is read once, when it is first used (from a cache of its table when the
file has not changed: ``catalogue``); a lookup is a dictionary access.
"""

from __future__ import annotations

import ast
import hashlib
import io
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import msgspec

from rules import cache
from rules.model import Problem

if TYPE_CHECKING:
    from babel.messages.catalog import Catalog
    from babel.support import Translations

__all__ = [
    "CATALOGUES",
    "C_",
    "LANGUAGES",
    "LOCALE_DIR",
    "N_",
    "SEPARATOR",
    "Said",
    "english",
    "joined",
    "problem",
    "reasons",
    "translate",
    "translated",
    "translations",
]

#: The languages with catalogues, English first (the language of the message ids).
LANGUAGES = ("en", "ar", "fr", "es", "de")
LOCALE_DIR = Path(__file__).parent / "locale"
_CONTEXT = "\x04"  # gettext's separator between a message's context and its id


def N_(message: str) -> str:
    """Marks a message for ``pybabel extract`` where it is defined; translated where it is shown."""
    return message


def C_(context: str, message: str) -> str:
    """A message with a context, for an English phrase that needs two translations (``C_("role", "former")``)."""
    return f"{context}{_CONTEXT}{message}"


def english(message: str) -> str:
    """The English text of a message (its id, without a context)."""
    return message.rpartition(_CONTEXT)[2]


def _po(locale_dir: Path, lang: str) -> Path:
    return locale_dir / lang / "LC_MESSAGES" / "messages.po"


@lru_cache(maxsize=len(LANGUAGES))
def _read(lang: str) -> Catalog:
    from babel.messages.pofile import read_po

    with _po(LOCALE_DIR, lang).open("rb") as f:
        return read_po(f, locale=lang)


def _table(catalog: Catalog) -> dict[str, str]:
    return {(f"{m.context}{_CONTEXT}{m.id}" if m.context else m.id): m.string  # type: ignore[misc]
            for m in catalog if m.id and isinstance(m.id, str) and m.string and not m.fuzzy}


_TABLE = msgspec.msgpack.Decoder(dict[str, str])


def catalogue(lang: str, locale_dir: Path = LOCALE_DIR) -> dict[str, str]:
    """The table (``_table``) of ``lang``'s catalogue in ``locale_dir``. Parsing a ``.po`` file with Babel is
    10–15 ms, so each language's table is kept in the cache directory (``rules.cache``) under the SHA-256 of its file
    and of this module's source, and read from there (about a millisecond) when neither changed since; writing it
    removes that language's tables of other digests."""
    data = _po(locale_dir, lang).read_bytes()
    digest = hashlib.sha256(Path(__file__).read_bytes())
    digest.update(f"\0{lang}\0{len(data)}\0".encode())
    digest.update(data)
    place = cache.folder("messages")
    kept = place / f"{lang}-{digest.hexdigest()}.msgpack" if place is not None else None
    if kept is not None:
        try:
            return _TABLE.decode(kept.read_bytes())
        except (OSError, msgspec.DecodeError):
            pass
    from babel.messages.pofile import read_po

    table = _table(read_po(io.BytesIO(data), locale=lang))
    if kept is not None:
        cache.write(kept, msgspec.msgpack.encode(table), replaces=f"{lang}-*.msgpack")
    return table


def catalogues(locale_dir: Path = LOCALE_DIR) -> dict[str, dict[str, str]]:
    """Each language's table (``catalogue``)."""
    return {lang: catalogue(lang, locale_dir) for lang in LANGUAGES}


_LOADED: dict[str, dict[str, str]] = {}


def _catalogue(lang: str) -> dict[str, str] | None:
    """``lang``'s table, read when first asked for (a first check reads its document's language and English, not
    all five), or None for a language without a catalogue."""
    table = _LOADED.get(lang)
    if table is None and lang in LANGUAGES:
        table = _LOADED[lang] = catalogue(lang)
    return table


class _Catalogues(Mapping[str, dict[str, str]]):
    """Each language's table, read when first asked for (``_catalogue``)."""

    def __getitem__(self, lang: str) -> dict[str, str]:
        table = _catalogue(lang)
        if table is None:
            raise KeyError(lang)
        return table

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


#: Each language's translations by message (``context\x04id`` for a message with a context).
CATALOGUES: Mapping[str, dict[str, str]] = _Catalogues()


def translated(message: str, lang: str) -> str | None:
    """The message in ``lang`` (a language code, ``ar``), or None when that language has no translation of it."""
    table = _catalogue(lang)
    return None if table is None else table.get(message)


def translate(message: str, lang: str) -> str:
    """The message in ``lang``, or in English when the language has none."""
    table = _catalogue(lang)
    found = None if table is None else table.get(message)
    return english(message) if found is None else found


#: between the items of a list inside a sentence ("؛ " in Arabic)
SEPARATOR = N_("; ")


def joined(texts: Iterable[str], lang: str) -> str:
    """``texts`` as one list inside a sentence in ``lang``, with that language's separator."""
    return translate(SEPARATOR, lang).join(texts)


def translations(lang: str) -> Translations:
    """The catalogue of ``lang`` as ``gettext`` translations (for Jinja's i18n extension), made from its ``.po``
    file (read when a page first needs it)."""
    from babel.messages.mofile import write_mo
    from babel.support import Translations

    mo = io.BytesIO()
    write_mo(mo, _read(lang), use_fuzzy=False)
    mo.seek(0)
    return Translations(mo, domain="messages")


@lru_cache(maxsize=256)
def _base(language: str) -> str:
    """The catalogue's language of a document's language tag (``ar-EG`` → ``ar``, ``AR_eg`` → ``ar``)."""
    return language.replace("_", "-").partition("-")[0].lower()


class Said:
    """A message (an English id, marked with ``N_``) and the values of its named placeholders, to be said in any
    language. A value is said in the same language when it is a ``Said`` itself, called with the language when it
    is a function (``lambda lang: …``), and written as it is otherwise (printed text, a number, a code word)."""

    __slots__ = ("_en", "message", "values")

    def __init__(self, message: str, /, **values: Any):
        self.message = message
        self.values = values
        self._en: str | None = None  # written when first asked for: a reader's Unreadable is often caught and dropped

    @property
    def en(self) -> str:
        """In English."""
        if self._en is None:
            self._en = self._render("en", english(self.message))
        return self._en

    def key(self) -> tuple[Any, ...] | None:
        """What the message says, hashable, when every value is plain (text or a number, the same in every
        language); None when a value is said by language."""
        for v in self.values.values():
            if type(v) is not str and type(v) is not int:
                return None
        return (self.message, *self.values.items())

    def _render(self, lang: str, text: str) -> str:
        if not self.values:
            return text
        return text.format(**{k: v.text(lang) if isinstance(v, Said) else v(lang) if callable(v) else v
                              for k, v in self.values.items()})

    def text(self, language: str) -> str:
        """In ``language``; in English when its catalogue does not translate the message."""
        return self.local(language) or self.en

    def local(self, language: str | None) -> str | None:
        """In ``language``, or None when it is English (or none is known) or its catalogue does not translate
        the message."""
        if not language:
            return None
        lang = _base(language)
        table = None if lang == "en" else _catalogue(lang)
        found = None if table is None else table.get(self.message)
        return None if found is None else self._render(lang, found)

    def __repr__(self) -> str:
        return f"Said({self.en!r})"


def problem(language: str | None, code: str, message: str | Said, /, *, claim: str | None = None,
            field: str | None = None, **values: Any) -> Problem:
    """A problem whose ``message`` (an English id with named placeholders, or a ``Said``) is written in English and,
    as ``local``, in ``language`` (the document's) when that is not English and its catalogue translates it. The
    problem's ``claim`` and ``field`` are not placeholders: a message names the claim as ``{id}``."""
    said = message if isinstance(message, Said) else Said(message, **values)
    key = said.key()
    if key is None:
        return Problem(code=code, message=said.en, local=said.local(language), claim=claim, field=field)
    memo_key = (language, code, claim, field, key)
    found = _PROBLEMS.get(memo_key)
    if found is None:
        if len(_PROBLEMS) >= _MEMO_SIZE:
            _PROBLEMS.clear()
        found = _PROBLEMS[memo_key] = Problem(code=code, message=said.en, local=said.local(language), claim=claim,
                                              field=field)
    return found


#: Problems made, by what they say: a ``Problem`` is frozen, and a claim that cannot be read is read again by every
#: request that sends it (a time is not memoised, its reading depends on the publication date).
_MEMO_SIZE = 1 << 14
_PROBLEMS: dict[tuple[Any, ...], Problem] = {}


def forget() -> None:
    """Empty the problems made (``rules.engine.forget``)."""
    _PROBLEMS.clear()


def reasons(problems: Iterable[Problem], otherwise: str | Said) -> Callable[[str], str]:
    """The problems' messages joined (``joined``) as a value of a sentence (``rules.explain.say``): each in the
    language the sentence is said in when the problem has it (``local``), else in English; ``otherwise`` when
    there are none."""
    found = list(problems)

    def text(lang: str) -> str:
        return joined((p.local if lang != "en" and p.local else p.message for p in found), lang) or (
            otherwise.text(lang) if isinstance(otherwise, Said) else otherwise)
    return text


# -- extraction (``pybabel extract``, through ``locale/babel.cfg``) ---------------------------------------------------
Extracted = Iterator[tuple[int, str | None, Any, list[str]]]


def extract_rule(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict[str, Any]) -> Extracted:
    """A rule file's messages: its ``N_``/``C_`` marks, and its title (the docstring's first line) unless the module
    is private (``_time.py``)."""
    from babel.messages.extract import extract_python

    yield from extract_python(fileobj, keywords, comment_tags, options)
    if Path(getattr(fileobj, "name", "_")).name.startswith("_"):
        return
    fileobj.seek(0)
    doc = ast.get_docstring(ast.parse(fileobj.read()))
    if doc:
        yield 1, None, doc.partition("\n")[0].strip().rstrip("."), ["the rule's title"]


#: The keys of a data file's tables whose values people read (``data/slips.toml``, ``data/identities.toml``).
_READ = ("label", "text", "assumed")


def extract_toml(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict[str, Any]) -> Extracted:
    """The English of every table's ``label``, ``text`` and ``assumed`` in a TOML data file."""
    data = tomllib.loads(fileobj.read().decode("utf-8"))
    for table in data.values():
        if isinstance(table, dict):
            for key in _READ:
                if isinstance(table.get(key), str):
                    yield 1, None, table[key], []
