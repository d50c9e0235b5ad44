"""The reading policy: how printed precision and hedges become ranges, and how well figures must fit. One policy,
written down, shown in every reading and verdict, configurable per process (``TADQIQ_APPROXIMATE``, a fraction
such as ``0.05``; ``TADQIQ_RATE_MARGIN`` and ``TADQIQ_DOUBTFUL`` likewise) and per request (``policy`` in a
check request).

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

How well figures fit (``computation.fit``, in every arithmetic verdict whose figures meet):

- Each figure of a check has its allowance — the range above — and within it the figure as printed: the printed
  number (for a range, a bound or a vague amount, the whole range is "as printed").
- Stretch every figure by the same share ``s`` of its allowance on each side of its printed value, except one:
  that one, if it has two or more significant digits, may sit anywhere in its allowance (one figure at the end of
  its rounding is what rounding does every day). The fit is the least ``s`` with which the figures still meet, to
  1/64: 0 when they meet as printed, 1 when they meet only with every figure at the far end of its allowance.
- A figure of one significant digit ("2 million", 1.5–2.5 million) is never the free one: reading it at the end of
  its allowance is a stretch a careful reader notices.
- ``consistent``: the fit is at most ``doubtful`` (0.8; ``TADQIQ_DOUBTFUL``); ``doubtful``: the figures meet, but
  only with a fit above it — several figures at opposite ends of their rounding, or a one-digit figure stretched
  by most of half a unit ("2 million" to "4 million" called "tripled" needs 1.5 and 4.5 million); ``inconsistent``:
  they miss even at the ends of their allowances. A lower threshold shows more doubts.
- A figure of three or more significant digits may have been cut rather than rounded (exchanges and statements
  print 21.37281 % as 21.372 %): figures that miss at the ends of their allowances but meet when such figures
  are read up to one more step away from zero (21.372 as anything up to 21.373) are ``doubtful``, with a fit
  between 1 and 2 — 1 plus the share of that step they need. A truncation is a reason to look again, not a
  reason to call the figures wrong.
- Calibration: true figures printed rounded to 2–4 significant digits, with and without hedges, in English and
  Arabic, come out doubtful in well under 1 % of checks (``tests/test_no_false_alarms.py`` prints the rate).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

__all__ = ["POLICY", "Policy", "percent_text"]


@dataclass(frozen=True)
class Policy:
    approximate: Fraction = Fraction(5, 100)
    zeros_cap: Fraction = Fraction(5, 100)
    rate_margin: Fraction = Fraction(2, 100)
    rate_days: int = 7
    doubtful: Fraction = Fraction(80, 100)

    @property
    def name(self) -> str:
        return (f"news-v1 (approximate ±{percent_text(self.approximate)}, round numbers at most "
                f"±{percent_text(self.zeros_cap)}, doubtful above a fit of {float(self.doubtful):g})")

    @property
    def rates(self) -> str:
        return (f"exchange rates: ECB reference rates ±{percent_text(self.rate_margin)}; fixed pegs and rates given "
                "in the request as they are")

    @classmethod
    def from_env(cls) -> Policy:
        return cls(approximate=_fraction("TADQIQ_APPROXIMATE", cls.approximate),
                   rate_margin=_fraction("TADQIQ_RATE_MARGIN", cls.rate_margin),
                   doubtful=_fraction("TADQIQ_DOUBTFUL", cls.doubtful, Fraction(1)))


def _fraction(variable: str, default: Fraction, most: Fraction = Fraction(1, 2)) -> Fraction:
    raw = os.environ.get(variable)
    if not raw:
        return default
    value = Fraction(raw)
    if not 0 <= value <= most:
        raise ValueError(f"{variable} must be a fraction between 0 and {most}")
    return value


@lru_cache(maxsize=64)
def percent_text(x: Fraction) -> str:
    """0.05 → '5 %': a share of the policy as written in readings and verdicts."""
    return f"{float(x * 100):g} %"


POLICY = Policy.from_env()
