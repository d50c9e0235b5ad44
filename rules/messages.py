"""What people read, as gettext catalogues managed with Babel: one ``.po`` per language in
``rules/locale/<lang>/LC_MESSAGES/messages.po`` (ar, de, en, es, fr), for the rules' sentences (explanations,
causes, labels, rule titles) and the service's pages alike.

The English sentence is the message id. A rule marks it where it is defined, ``FIT = N_("{count} × {each} makes
{implied} …")``, with named placeholders filled by ``str.format``; ``rules.explain.say`` renders it in English and
in the document's language, and ``translate`` gives one language. Where one English phrase needs two translations,
``C_(context, phrase)`` gives it a context (gettext's ``msgctxt``). A rule's title is its docstring's first line,
extracted by ``extract_rule``; the sentences of the data files (the slips' labels and texts in
``data/slips.toml``, the identities' ``assumed`` in ``data/identities.toml``) by ``extract_toml``.

``make messages`` extracts every message from rules/ and service/ (``pybabel extract`` with ``locale/babel.cfg``)
and brings each catalogue up to date; ``tests/test_messages.py`` fails when a message is missing or untranslated
in any language. The catalogues are read once, when this module is imported; a lookup is a dictionary access.
"""

from __future__ import annotations

import ast
import io
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_python
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

__all__ = [
    "CATALOGUES",
    "C_",
    "LANGUAGES",
    "LOCALE_DIR",
    "N_",
    "english",
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


def _read(lang: str) -> Catalog:
    with (LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=lang)


def _table(catalog: Catalog) -> dict[str, str]:
    return {(f"{m.context}{_CONTEXT}{m.id}" if m.context else m.id): m.string  # type: ignore[misc]
            for m in catalog if m.id and isinstance(m.id, str) and m.string and not m.fuzzy}


_CATALOGS = {lang: _read(lang) for lang in LANGUAGES}
#: Each language's translations by message (``context\x04id`` for a message with a context).
CATALOGUES: dict[str, dict[str, str]] = {lang: _table(c) for lang, c in _CATALOGS.items()}


def translated(message: str, lang: str) -> str | None:
    """The message in ``lang`` (a language code, ``ar``), or None when that language has no translation of it."""
    table = CATALOGUES.get(lang)
    return None if table is None else table.get(message)


def translate(message: str, lang: str) -> str:
    """The message in ``lang``, or in English when the language has none."""
    table = CATALOGUES.get(lang)
    found = None if table is None else table.get(message)
    return english(message) if found is None else found


def translations(lang: str) -> Translations:
    """The catalogue of ``lang`` as ``gettext`` translations (for Jinja's i18n extension), made from the catalogue
    read at start."""
    mo = io.BytesIO()
    write_mo(mo, _CATALOGS[lang], use_fuzzy=False)
    mo.seek(0)
    return Translations(mo, domain="messages")


# -- extraction (``pybabel extract``, through ``locale/babel.cfg``) ---------------------------------------------------
Extracted = Iterator[tuple[int, str | None, Any, list[str]]]


def extract_rule(fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict[str, Any]) -> Extracted:
    """A rule file's messages: its ``N_``/``C_`` marks, and its title (the docstring's first line) unless the module
    is private (``_time.py``)."""
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
