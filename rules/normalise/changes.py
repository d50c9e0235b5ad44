"""Reading a change from a claim's printed value: "rose by 25 %", "fell to 40 %", "doubled", "ارتفعت بنسبة 25%".

The words are data (the ``[change]`` table of ``rules/normalise/data/<lang>.toml``), compiled into one pattern per
language per category when first used. ``movement`` says whether a printed figure is a change at all, its
direction, whether the figure is the level
reached ("to") rather than the change, and a factor written as a word ("doubled" → 2) or marked by one ("2.5
times"). The number itself is read by ``rules.normalise.values`` like any figure.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from importlib.resources import files

from rules.normalise.lexicon import Kind, lexicon, split
from rules.text import digits, fold

__all__ = ["Movement", "movement"]

_DATA = files("rules.normalise").joinpath("data")


@dataclass(frozen=True, slots=True)
class Movement:
    """How a printed figure moves: direction +1 (rise), -1 (fall) or 0 (unstated)."""

    direction: int
    to: bool = False  # the figure is the level reached: "rose to 40 %"
    factor: Fraction | None = None  # a factor named by a word: "doubled" → 2
    times: bool = False  # the number is a factor: "2.5 times"

    @property
    def is_change(self) -> bool:
        """The figure states a change (not the level reached)."""
        return not self.to


@dataclass(frozen=True)
class _Words:
    any: re.Pattern[str] | None  # every word of the categories below: most figures state no change, and one search
    up: re.Pattern[str] | None
    down: re.Pattern[str] | None
    to: re.Pattern[str] | None
    times: re.Pattern[str] | None
    ignore: re.Pattern[str] | None
    more_after: re.Pattern[str] | None  # 'un 20 % más': a rise only when written after the number
    less_after: re.Pattern[str] | None
    factor: re.Pattern[str] | None
    factors: dict[str, Fraction]
    start: re.Pattern[str] | None = None  # 'bajó del 12,1%', 'fell from 8.1%': the level a change started from


def _pattern(phrases: list[str], clitics: str) -> re.Pattern[str] | None:
    folded = sorted({fold(p) for p in phrases if fold(p)}, key=len, reverse=True)
    if not folded:
        return None
    prefix = f"(?:[{clitics}])?" if clitics else ""
    return re.compile(rf"(?<!\w){prefix}(?:{'|'.join(map(re.escape, folded))})(?!\w)")


@lru_cache(maxsize=16)
def _words(lang: str) -> _Words:
    data = tomllib.loads(_DATA.joinpath(f"{lang}.toml").read_text("utf-8")).get("change", {})
    clitics = "وفبل" if lang == "ar" else ""
    factors = {fold(k): Fraction(v) for k, v in data.get("factor", {}).items()}
    every = [*data.get("up", []), *data.get("down", []), *data.get("times", []), *factors,
             *data.get("more_after", []), *data.get("less_after", [])]
    return _Words(any=_pattern(every, clitics), up=_pattern(data.get("up", []), clitics),
                  down=_pattern(data.get("down", []), clitics),
                  to=_pattern(data.get("to", []), clitics), times=_pattern(data.get("times", []), clitics),
                  ignore=_pattern(data.get("ignore", []), clitics),
                  more_after=_pattern(data.get("more_after", []), clitics),
                  less_after=_pattern(data.get("less_after", []), clitics), factor=_pattern(list(factors), clitics),
                  factors=factors, start=_pattern(data.get("from", []), clitics))


_FIRST_NUMBER = re.compile(r"^\d+(?:[.,\s]\d+)*")
_FACTOR_COUNTED = re.compile(r"\d|ثلاث|أربع|three|four")  # a factor phrase that carries its own count


def _counted(folded: str, language: str) -> bool:
    """Whether number words stand before a times word ('ثلاثة أضعاف' is read by the factor table; 'سبع مرات')."""
    lex = lexicon(language)
    toks = split(folded)
    words = [w for _, w, _, _ in toks]
    return any(lex.first(words, i, Kind.NUMBER) is not None for i in range(len(words)))


def movement(text: str, language: str) -> Movement | None:
    """The change a printed figure states, or None when it states no change."""
    words = _words(lexicon(language).lang)
    folded = fold(digits(text))
    if words.any is None or words.any.search(folded) is None:
        return None  # says so for most figures
    if words.ignore is not None:
        folded = words.ignore.sub(" ", folded)
    number = next((i for i, c in enumerate(folded) if c.isdigit()), len(folded))
    start = words.start.search(folded, 0, number) if words.start is not None else None
    if start is not None and not folded[start.end():number].strip() and \
            not any(c.isdigit() for c in _FIRST_NUMBER.sub("", folded[number:], count=1)):
        return None  # 'bajó del 12,1%' with no second level: the level before the change (the words after it
        # state the rest: 'al 12% en el tercero'), no change of 12,1 %
    up = words.up is not None and words.up.search(folded) is not None
    down = words.down is not None and words.down.search(folded) is not None
    # ('more than 20 %' is a bound: the comparatives count after the number only)
    up = up or words.more_after is not None and words.more_after.search(folded, number) is not None
    down = down or words.less_after is not None and words.less_after.search(folded, number) is not None
    hit = words.factor.search(folded) if words.factor is not None else None
    factor = None
    if hit is not None:
        word = hit.group()
        factor = words.factors.get(word) or words.factors.get(word[1:])  # a glued proclitic
    times = words.times is not None and words.times.search(folded) is not None and \
        (any(c.isdigit() for c in folded) or _counted(folded, language))
    if times and factor is not None and hit is not None and not _FACTOR_COUNTED.search(hit.group()):
        up, down = up or factor > 1, down or factor < 1
        factor = None  # 'تضاعف 7 مرات': the number is the factor, not the doubling the verb names
    if not (up or down or factor or times):
        return None
    direction = 1 if up and not down else -1 if down and not up else 0
    if factor is not None and direction == 0:
        direction = 1 if factor > 1 else -1
    to = (up or down) and factor is None and words.to is not None and words.to.search(folded) is not None
    return Movement(direction=direction, to=to, factor=factor, times=times and factor is None)
