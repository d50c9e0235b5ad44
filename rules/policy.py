"""The reading policy: how printed precision and hedges become ranges. One policy, written down, shown in
every reading and verdict, configurable per process (``TADQIQ_APPROXIMATE``, a fraction such as ``0.05``;
``TADQIQ_RATE_MARGIN`` likewise).

- A printed number stands for every value that rounds to it: 12.3 is 12.25–12.35, 68 % is 67.5–68.5 %.
- Trailing zeros of a whole number are not taken as significant: the number is read to its last non-zero
  digit, but never wider than ±5 % of it ("170 million" is 165–175 million; "100" is 95–105). Zeros that come
  from a scale word are not printed zeros ("3 million" is 2.5–3.5 million); a compound is one number
  ("3 مليارات و200 مليون" is 3 200 million, read as 3 150–3 250 million).
- Number words read as the digits would ("three million" as "3 million"; "مليون" alone as one million,
  "ملياري" as two). Fractions in words ("half", "ثلث", "un quart", "مليون ونصف") are round figures: ±5 % of
  the amount. A fraction alone is a share, read in percent ("ربع" is 23.75–26.25 %).
- Vague quantities are ranges: "عشرات الآلاف" / "tens of thousands" is 10 000–100 000; "several", "بضعة" as
  written in the language's data; a plural scale word alone ("مليارات", "billions") is 2 to 1 000 of it.
- "About", "نحو", "ما يقارب"… (approximate) widen that range by a further ±5 % of the value.
- "More than", "أكثر من"… give a lower bound and no upper one; "up to", "لا يتجاوز"… an upper bound above zero.
- "Between X and Y", "من X إلى Y", "X–Y" give X's low end to Y's high end; X takes Y's scale word when it
  has none and stays below Y ("10–12 billion").
- Currency conversions use the ECB reference rates of the figure's dates (or of the week before
  publication) widened by ±2 % (``rate_margin``: newsrooms convert with other sources' rates, on other days);
  fixed pegs and rates the request gives are used as they are.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from fractions import Fraction

__all__ = ["POLICY", "Policy"]


@dataclass(frozen=True)
class Policy:
    approximate: Fraction = Fraction(5, 100)
    zeros_cap: Fraction = Fraction(5, 100)
    rate_margin: Fraction = Fraction(2, 100)
    rate_days: int = 7

    @property
    def name(self) -> str:
        return f"news-v1 (approximate ±{_pct(self.approximate)}, round numbers at most ±{_pct(self.zeros_cap)})"

    @property
    def rates(self) -> str:
        return (f"exchange rates: ECB reference rates ±{_pct(self.rate_margin)}; fixed pegs and rates given in the "
                "request as they are")

    @classmethod
    def from_env(cls) -> Policy:
        return cls(approximate=_fraction("TADQIQ_APPROXIMATE", cls.approximate),
                   rate_margin=_fraction("TADQIQ_RATE_MARGIN", cls.rate_margin))


def _fraction(variable: str, default: Fraction) -> Fraction:
    raw = os.environ.get(variable)
    if not raw:
        return default
    value = Fraction(raw)
    if not 0 <= value <= Fraction(1, 2):
        raise ValueError(f"{variable} must be a fraction between 0 and 0.5")
    return value


def _pct(x: Fraction) -> str:
    return f"{float(x * 100):g} %"


POLICY = Policy.from_env()
