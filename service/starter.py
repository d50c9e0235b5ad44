"""The starter library: what a newsroom gets from ``tadqiq references load starter`` (or
``POST /v1/references/starter``), read from the data in ``service/data/starter/``.

- Terms of office (``terms.toml``): one role reference per term, its id ``<office>.<person>.<first year>``, with
  the person's spellings, the office's and its kind's role words (``roles.toml``) and the country's names in the
  five languages (CLDR, through babel) as the other ways the press writes them.
- Currency pegs: the pegs tadqiq's reader already knows (``rules.normalise.currency.PEGS``: the rate and the day
  it took effect), with their authority (``pegs.toml``): one reference per currency, a structured amount (which
  reads the same in every language), its subject the currency's CLDR names in the five languages, its metric the
  words of ``roles.toml``, held throughout its time.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from functools import cache
from pathlib import Path

from babel import Locale
from babel.numbers import get_currency_name

from rules.interval import exact
from rules.library import LANGUAGES, Also, LibraryEntry
from rules.model import Amount, Quantity, Role
from rules.normalise.currency import PEGS

__all__ = ["starter_entries"]

DATA = Path(__file__).parent / "data" / "starter"


def _toml(name: str) -> dict:
    return tomllib.loads((DATA / name).read_text("utf-8"))


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


@cache
def starter_entries() -> tuple[LibraryEntry, ...]:
    roles, data, pegs = _toml("roles.toml")["role"], _toml("terms.toml"), _toml("pegs.toml")["peg"]
    default = dt.date.fromisoformat(data["checked"])
    out: list[LibraryEntry] = []
    for office_id, office in data["office"].items():
        countries = _unique([Locale.parse(lang).territories.get(office["country"], "") for lang in LANGUAGES])
        role_words = _unique([*office.get("also_role", []), *roles[office["kind"]]["spellings"]])
        checked = office.get("checked", default)
        for term in office["terms"]:
            person = data["person"][term["person"]]
            start = term["term"].split("/")[0][:4]
            claim = Role(id=f"{office_id}.{term['person']}.{start}", person=person["name"], role=office["role"],
                         scope=Locale.parse("en").territories[office["country"]], term=term["term"],
                         source=term.get("source", office["source"]), url=term.get("url", office["url"]))
            also = Also(person=_unique(person.get("also", [])), role=role_words,
                        scope=_unique([*countries, *office.get("also_scope", [])]))
            out.append(LibraryEntry(claim=claim, also=also, language="en", note=term.get("note"),
                                    checked=dt.date.fromisoformat(str(term.get("checked", checked)))))
    metric = [w for lang in LANGUAGES for w in roles["metric"][lang]]
    for code, peg in sorted(PEGS.items()):
        names = _unique([get_currency_name(code, count=n, locale=lang) for lang in LANGUAGES for n in (1, 2)])
        claim = Quantity(id=f"peg.{code}", value=Amount(number=exact(peg.per_usd) or "", unit=code, per="USD"),
                         subject=names[0], metric=metric[0], time=f"{peg.since.isoformat()}/",
                         source=pegs[code]["source"], url=pegs[code]["url"])
        out.append(LibraryEntry(claim=claim, also=Also(subject=[*names[1:], code], metric=metric[1:]),
                                checked=default, throughout=True,
                                note=f"1 USD = {exact(peg.per_usd)} {code}, a fixed peg since {peg.since}"))
    return tuple(out)
