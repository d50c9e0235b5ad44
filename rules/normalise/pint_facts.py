"""What tadqiq asks pint, answered once: which CLDR units pint knows, every unit name pint defines, and each unit's
factor to its root units — kept in ``data/pint_facts.json`` so that a start neither imports pint nor builds its
registry (0.1 s of CPU to import, 0.03–0.05 s to load from pint's cache, 0.25 s to parse its definitions on a first
start with an empty cache directory).

The file records the digest of everything its answers come from (``key``): this module's source, the definitions
and kinds of ``data/units.toml``, pint's version and definition files, babel's version (CLDR's unit list). When the
installed libraries or these sources differ, the answers are asked of pint at start-up, as before, and nothing is
read from the file; ``tests/test_pint_facts.py`` fails until the file is made again with
``python -m rules.normalise.pint_facts`` (``make units``).

A conversion between two units whose root factors are recorded is their quotient (what pint computes: the factor
of each to the same root units; the test compares the two for every pair of units of a kind); any other (offset
temperatures, a unit pint cannot reduce) asks pint's registry, built on first use (``registry``).
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from fractions import Fraction
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pint

__all__ = ["CLDR_KINDS", "FILE", "Facts", "facts", "key", "registry"]

FILE = Path(__file__).parent / "data" / "pint_facts.json"
_UNITS = files("rules.normalise").joinpath("data/units.toml")

#: CLDR unit categories read as measures, and the kind each is.
CLDR_KINDS = {"length": "length", "area": "area", "volume": "volume", "mass": "mass", "temperature": "temperature",
              "energy": "energy", "power": "power", "speed": "speed", "digital": "data", "duration": "time",
              "concentr": "share"}
#: CLDR names pint spells otherwise; the rest are CLDR's with '-' as '_' ('square-foot' → square_foot).
_PINT_NAMES = {"celsius": "degree_Celsius", "fahrenheit": "degree_Fahrenheit", "generic": None, "part": None,
               "item": None, "karat": None, "mole": None, "katal": None, "mile-scandinavian": None, "ton": "short_ton",
               "century": None, "fortnight": None, "decade": None, "night": None, "quarter": None,
               "permyriad": None, "part-per-1e6": None, "part-per-1e9": None, "percent": "percent",
               "permille": "permille", "light-speed": None, "beaufort": None,
               # units that are more often counted things than measures in news ("a pinch", "five stones")
               "cup": None, "cup-imperial": None, "cup-metric": None, "pinch": None, "drop": None, "jigger": None,
               "dram": None, "dessert-spoon": None, "dessert-spoon-imperial": None, "grain": None, "stone": None,
               "slug": None, "point": None, "fathom": None, "furlong": None, "chain": None, "rod": None,
               "earth-radius": None, "solar-radius": None, "earth-mass": None, "solar-mass": None, "dalton": None,
               "carat": None, "bushel": None, "acre-foot": None, "milliinch": None, "fun": None, "rin": None,
               "sun": None, "ken": None, "koku": None, "sai": None, "shaku": None, "kosaji": None, "osaji": None,
               "shaku-cloth": None, "shaku-length": None, "electronvolt": None, "becquerel": None, "gray": None,
               "sievert": None,
               # CLDR's qualifier last, pint's first (both the same measure)
               "ounce-troy": "troy_ounce", "gallon-imperial": "imperial_gallon", "pint-imperial": "imperial_pint",
               "quart-imperial": "imperial_quart", "fluid-ounce-imperial": "imperial_fluid_ounce",
               "calorie-it": "international_calorie", "british-thermal-unit-it": "international_british_thermal_unit",
               "therm-us": "US_therm", "foodcalorie": "kilocalorie"}


class Facts:
    """pint's answers: ``cldr`` (CLDR unit id → our unit name, in CLDR's order), ``names`` (every unit name and
    alias pint defines, folded, longer than two letters), ``roots`` (unit → its dimensionality and exact factor to
    its root units, for the units of ``kinds`` pint converts by a factor)."""

    __slots__ = ("cldr", "names", "roots")

    def __init__(self, cldr: dict[str, str], names: frozenset[str], roots: dict[str, tuple[str, Fraction]]):
        self.cldr, self.names, self.roots = cldr, names, roots


def _data() -> dict[str, dict[str, Any]]:
    return tomllib.loads(_UNITS.read_text("utf-8"))


def _pint(name: str) -> str | None:
    """A pint expression for a CLDR unit name, built from CLDR's own names (never from request text)."""
    if name in _PINT_NAMES:
        return _PINT_NAMES[name]
    if any(part in name.split("-") for part in ("person", "jp", "ofglucose", "ofhg")):
        return None
    if name.startswith(("square-", "cubic-")):
        power = 2 if name.startswith("square-") else 3
        return f"({_pint(name.split('-', 1)[1])}) ** {power}"
    if "-per-" in name:
        top, bottom = name.split("-per-", 1)
        a, b = _pint(top), _pint(bottom)
        return f"({a}) / ({b})" if a and b else None
    return name.replace("-", "_")


def _cache() -> Path | None:
    """Where pint keeps its parsed definitions between starts (pint keys it by the file's content and
    ``non_int_type``); None when that place cannot be written."""
    from rules.cache import folder

    return folder("pint")


def _build(cache: Path | None) -> tuple[pint.UnitRegistry, dict[str, str], list[str]]:
    """pint's registry with units.toml's definitions and CLDR's units pint spells otherwise defined as aliases
    ('kilometer_per_hour = (kilometer) / (hour)'); the CLDR unit ids → our unit names of the measures pint knows;
    and the unit names pint defines by then (what it parses later adds the prefixed names it meets: 'kilometer')."""
    import pint
    from babel import Locale

    reg = pint.UnitRegistry(non_int_type=Fraction, autoconvert_offset_to_baseunit=False, cache_folder=cache)
    data = _data()
    for spec in data.values():
        if "define" in spec:
            reg.define(spec["define"])
    kinds = set(data)
    out: dict[str, str] = {}
    for cldr in Locale.parse("en")._data["unit_patterns"]:
        category, _, rest = cldr.partition("-")
        if category not in CLDR_KINDS:
            continue
        ours = rest.replace("-", "_")
        if ours in kinds:
            out[cldr] = ours
            continue
        expression = _pint(rest)
        if expression is None:
            continue
        try:
            if ours not in reg:
                # a name pint does not know (the dunam: 1 000 m² in CLDR, 2 500 m² in Iraq) is a measure of its own,
                # converted to nothing; defined as itself, converting it recursed until Python gave up
                reg.define(f"{ours} = [{ours}]" if expression == ours else f"{ours} = {expression}")
            reg.Unit(ours)
        except (pint.errors.PintError, AttributeError, ValueError, TypeError):
            continue
        kinds.add(ours)
        out[cldr] = ours
    names = sorted({n.casefold() for name, d in reg._units.items() if len(name) > 2
                    for n in (name, *getattr(d, "aliases", ())) if len(n) > 2 and n.isalpha()})
    return reg, out, names


@lru_cache(maxsize=1)
def _built() -> tuple[pint.UnitRegistry, dict[str, str], list[str]]:
    return _build(_cache())


def registry() -> pint.UnitRegistry:
    """pint's registry, built on first use (once per process): for the conversions ``Facts.roots`` does not
    answer."""
    return _built()[0]


def _asked() -> dict[str, Any]:
    """The facts as pint answers them now, as the file keeps them."""
    import pint

    reg, cldr, names = _build(None)  # never from pint's disk cache: a registry loaded from it holds other names
    # than one built from the definitions (which prefixed names it parsed when it was written), so the file depended
    # on what an earlier process had left in the cache
    kinds = {name: spec["kind"] for name, spec in _data().items()}
    for cldr_id, ours in cldr.items():
        kinds.setdefault(ours, CLDR_KINDS[cldr_id.partition("-")[0]])
    roots: dict[str, list[str]] = {}
    for unit in kinds:
        try:
            one = reg.Quantity(Fraction(1), unit)  # parsed first: a prefixed unit ('kilometer') is in the registry's
            # table only once parsed, so asking the table first made the answer depend on what was converted before
            if not reg._units[unit].is_multiplicative:
                continue  # offset units (degrees Celsius): pint converts them by more than a factor
            q = one.to_root_units()
        except (pint.errors.PintError, KeyError, RecursionError):
            continue
        if type(q.magnitude) is Fraction:
            roots[unit] = [_dimensions(reg, unit), str(q.magnitude)]
    return {"key": key(), "made_with": made_with(), "cldr": cldr, "names": names, "roots": roots}


def made_with() -> dict[str, str]:
    """The versions of the libraries whose answers the file keeps (a new release changes ``key``; the answers
    themselves may well be the same)."""
    import importlib.metadata

    import babel

    try:
        version = importlib.metadata.version("pint")
    except importlib.metadata.PackageNotFoundError:
        version = ""
    return {"pint": version, "babel": babel.__version__}


def _dimensions(reg: pint.UnitRegistry, unit: str) -> str:
    dims = reg.get_dimensionality(unit)
    return " ".join(f"{d}^{dims[d]}" for d in sorted(dims))


@lru_cache(maxsize=1)
def key() -> str:
    """The digest of what pint's answers depend on (none of it imports pint)."""
    import importlib.metadata
    import importlib.util

    import babel

    digest = hashlib.sha256(Path(__file__).read_bytes())
    units = {name: [spec.get("define"), spec["kind"]] for name, spec in _data().items()}
    digest.update(json.dumps(units, sort_keys=True).encode())
    spec = importlib.util.find_spec("pint")
    try:
        version = importlib.metadata.version("pint")
    except importlib.metadata.PackageNotFoundError:
        version = ""
    digest.update(f"\0pint\0{version}\0babel\0{babel.__version__}\0".encode())
    for place in (spec.submodule_search_locations or []) if spec else []:
        for name in ("default_en.txt", "constants_en.txt"):
            path = Path(place) / name
            data = path.read_bytes() if path.exists() else b""
            digest.update(f"\0{name}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()


@lru_cache(maxsize=1)
def facts() -> Facts:
    """pint's answers: from ``data/pint_facts.json`` when it was made from the same sources, else asked of pint."""
    try:
        kept = json.loads(FILE.read_bytes())
    except (OSError, ValueError):
        kept = None
    if not isinstance(kept, dict) or kept.get("key") != key():
        kept = _asked()
    return Facts(cldr=kept["cldr"], names=frozenset(kept["names"]),
                 roots={unit: (dims, Fraction(root)) for unit, (dims, root) in kept["roots"].items()})


def write(path: Path = FILE) -> None:
    path.write_text(json.dumps(_asked(), ensure_ascii=False, indent=0) + "\n", "utf-8")


if __name__ == "__main__":
    write()
    print(f"wrote {FILE}")
