"""What the units ask pint is kept in ``rules/normalise/data/pint_facts.json`` (``rules.normalise.pint_facts``): the
file holds what pint answers now, every conversion answered from it is pint's own, and a start that checks an
article needs no pint at all; a file made from other sources is not used."""

from __future__ import annotations

import json
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import pint

from rules.normalise import pint_facts as P
from rules.normalise import units as U

ROOT = Path(__file__).resolve().parent.parent


def test_the_kept_facts_are_what_pint_answers_now():
    """With the libraries the file was made with, the file is exactly what they answer now. After a release of pint
    or babel the service asks pint at start (correct, only slower: ``facts``), so this holds the answers only, and
    warns: the answers changing is a failure, a version alone is a reminder to run ``make units``."""
    import warnings

    kept, now = json.loads(P.FILE.read_text("utf-8")), P._asked()
    if kept["made_with"] == now["made_with"]:
        assert kept == now, "pint's answers changed: make units (python -m rules.normalise.pint_facts)"
        return
    strip = ("key", "made_with")
    assert {k: v for k, v in kept.items() if k not in strip} == {k: v for k, v in now.items() if k not in strip}, \
        f"pint's answers changed with {now['made_with']}: make units (python -m rules.normalise.pint_facts)"
    warnings.warn(f"pint_facts.json was made with {kept['made_with']}, installed {now['made_with']}: a start asks pint "
                  "again until `make units` is run", stacklevel=1)


ASKED = """
import json
from rules.normalise import pint_facts as P
P.registry().Quantity(1, "kilometer").to("meter")  # the service's registry: reads pint's disk cache, or writes it
print(json.dumps(P._asked()["names"]))
"""


def test_the_kept_facts_do_not_depend_on_pints_disk_cache(tmp_path):
    """pint's registry loaded from its disk cache holds other unit names than one built from the definitions (the
    prefixed names a process had parsed when it wrote the cache): asked with an empty cache, then with the cache
    that first run left, the answers are the file's both times (the file once depended on that cache)."""
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "TADQIQ_CACHE_DIR": str(tmp_path)}
    kept = json.loads(P.FILE.read_text("utf-8"))["names"]
    for _ in ("empty cache", "cache left by the first run"):
        out = subprocess.run([sys.executable, "-c", ASKED], check=True, cwd=ROOT, capture_output=True, text=True,
                             timeout=120, env=env)
        assert json.loads(out.stdout) == kept
    assert any((tmp_path / "pint").iterdir())  # the second run did read a cache


def _by_pint(src: str, dst: str) -> Fraction | None | str:
    try:
        return Fraction(P.registry().Quantity(Fraction(1), src).to(dst).magnitude)
    except pint.DimensionalityError:
        return None
    except RecursionError:
        return "recursion"


def test_every_conversion_between_units_of_a_kind_is_pints():
    by_kind: dict[str, list[str]] = {}
    for unit, kind in U.KINDS.items():
        by_kind.setdefault(kind, []).append(unit)
    compared = 0
    for units in by_kind.values():
        for src in units:
            for dst in units:
                if src == dst or {src, dst} == {"percent", "percentage_point"}:
                    continue
                expected = _by_pint(src, dst)
                if expected == "recursion":
                    continue
                assert U.factor(src, dst) == expected, (src, dst)
                compared += src in U._ROOTS and dst in U._ROOTS
    assert compared > 1000  # most answered from the kept factors, not from pint
    assert U.factor("minute", "day") == Fraction(1, 1440) and U.factor("percent", "percentage_point") is None
    assert U.factor("celsius", "kelvin") == _by_pint("celsius", "kelvin")  # an offset: asked of pint


CHECK = """
import sys
from pathlib import Path
from service.work import check_json
assert b'"verdicts"' in check_json(Path("seeds/tiktok-m2/claims.json").read_bytes()).report
print("pint" in sys.modules)
"""


def test_checking_an_article_imports_no_pint(tmp_path):
    out = subprocess.run([sys.executable, "-c", CHECK], check=False, cwd=ROOT, capture_output=True, text=True,
                         timeout=120,
                         env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "TADQIQ_CACHE_DIR": str(tmp_path)})
    assert out.returncode == 0, out.stderr
    # with other pint or babel releases than the file was made with, the start asks pint (the warning above)
    current = json.loads(P.FILE.read_text("utf-8"))["made_with"] == P.made_with()
    assert out.stdout.split() == ["False" if current else "True"]


def test_facts_made_from_other_sources_are_asked_of_pint_again(tmp_path, monkeypatch):
    kept = json.loads(P.FILE.read_text("utf-8"))
    other = tmp_path / "pint_facts.json"
    other.write_text(json.dumps({**kept, "key": "another", "names": ["furlong"], "roots": {}}))
    monkeypatch.setattr(P, "FILE", other)
    P.facts.cache_clear()
    try:
        facts = P.facts()
        assert facts.names == frozenset(kept["names"]) and facts.cldr == kept["cldr"] and len(facts.roots) > 100
        other.write_text("{not json")  # a damaged file: asked of pint too
        P.facts.cache_clear()
        assert P.facts().names == frozenset(kept["names"])
    finally:
        P.facts.cache_clear()


def test_no_conversion_between_units_of_a_kind_raises():
    """CLDR units pint names otherwise (CLDR's 'ounce-troy' is pint's troy_ounce) or not at all (the dunam) were
    defined as themselves ('dunam = dunam'): converting one recursed until Python gave up, and a check with
    '5 dunams' and '0.5 hectares' failed. Pint's names are used; a measure pint does not know converts to nothing."""
    by_kind: dict[str, list[str]] = {}
    for unit, kind in U.KINDS.items():
        by_kind.setdefault(kind, []).append(unit)
    for units in by_kind.values():
        for src in units:
            for dst in units:
                assert U.factor(src, dst) is None or isinstance(U.factor(src, dst), Fraction), (src, dst)
    assert U.factor("ounce_troy", "gram") == Fraction("31.1034768")
    assert U.factor("gallon_imperial", "liter") == Fraction("4.54609")
    assert U.factor("foodcalorie", "kilojoule") == Fraction("4.184")
    assert U.factor("dunam", "hectare") is None  # 1 000 m² in CLDR, 2 500 m² in Iraq: no factor is assumed
    assert U.factor("hectare", "dunam") is None and U.kind("dunam") == "area"


def test_a_check_with_a_measure_pint_does_not_know_is_answered():
    from service.work import check_json

    claims = [{"kind": "quantity", "id": "a", "value": "5 dunams", "subject": "the plot", "metric": "area"},
              {"kind": "quantity", "id": "b", "value": "0.5 hectares", "subject": "the plot", "metric": "area"}]
    checked = check_json(json.dumps({"document": {"language": "en"}, "claims": claims}).encode())
    report = json.loads(checked.report)
    assert not [v for v in report["verdicts"] if v["rule"] == "conversion"]  # nothing converted, nothing raised
