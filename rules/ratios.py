"""Ratios are not shares: whether a ``share`` claim states a part of its whole (at most 100 %) or a ratio to a
yardstick it is not part of ("exports equal 35 % of GDP", "debt service is 140 % of revenue").

The client says so with ``ratio``; when it does not, the wording decides (``rules/data/ratio.toml``): a yardstick
as what the share is "of" (GDP), a measure that is never part of what it is compared with (debt, a deficit), or a
phrase that states a ratio ("equal to", "يعادل"). Otherwise a share is a part of its whole.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib.resources import files

from rules.context import Item
from rules.model import Share
from rules.normalise.lexicon import lexicon
from rules.text import fold, phrases

__all__ = ["is_ratio"]

_DATA = tomllib.loads(files("rules").joinpath("data/ratio.toml").read_text("utf-8"))


@lru_cache(maxsize=16)
def _words(lang: str) -> tuple[re.Pattern[str] | None, ...]:
    data = _DATA.get(lang) or _DATA["en"]
    clitics = "وفبل" if lang == "ar" else ""
    return tuple(phrases(data.get(k, []), clitics) for k in ("of", "measures", "phrases"))


@lru_cache(maxsize=1 << 14)
def _reads_as_ratio(lang: str, of: str, measure: str, wording: str) -> bool:
    yardstick, measures, wording_ = _words(lang)
    return bool((yardstick and yardstick.search(fold(of))) or (measures and measures.search(fold(measure)))
                or (wording_ and wording_.search(fold(wording))))


def is_ratio(item: Item, language: str) -> bool:
    """Whether ``item`` (a share claim) is a ratio, as the client says or the wording shows."""
    claim = item.claim
    if not isinstance(claim, Share):
        return False
    if claim.ratio is not None:
        return claim.ratio
    value = claim.value if isinstance(claim.value, str) else ""
    measure = " ".join(x for x in (claim.metric, claim.subject) if x)
    return _reads_as_ratio(lexicon(language).lang, claim.of, measure, f"{value} {claim.sentence or ''}")
