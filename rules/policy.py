"""The reading policy: how printed precision and hedges become ranges. One policy, written down, shown in
every reading and verdict, configurable per process (``TADQIQ_APPROXIMATE``, a fraction such as ``0.05``).

- A printed number stands for every value that rounds to it: 12.3 is 12.25–12.35, 68 % is 67.5–68.5 %.
- Trailing zeros of a whole number are not taken as significant: the number is read to its last non-zero
  digit, but never wider than ±5 % of it ("170 million" is 165–175 million; "100" is 95–105).
- "About", "نحو", "ما يقارب"… (approximate) widen that range by a further ±5 % of the value.
- "More than", "أكثر من"… give a lower bound and no upper one; "up to", "لا يتجاوز"… an upper bound above zero.
- "Between X and Y", "من X إلى Y" give X's low end to Y's high end.
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

    @property
    def name(self) -> str:
        return f"news-v1 (approximate ±{_pct(self.approximate)}, round numbers at most ±{_pct(self.zeros_cap)})"

    @classmethod
    def from_env(cls) -> Policy:
        raw = os.environ.get("TADQIQ_APPROXIMATE")
        if not raw:
            return cls()
        value = Fraction(raw)
        if not 0 <= value <= Fraction(1, 2):
            raise ValueError("TADQIQ_APPROXIMATE must be a fraction between 0 and 0.5")
        return cls(approximate=value)


def _pct(x: Fraction) -> str:
    return f"{float(x * 100):g} %"


POLICY = Policy.from_env()
