"""The answers to one question add up to at most 100 %

What: When an article gives the shares of the answers to one poll question — yes and no, support and opposition,
better, worse and no change, turnout and abstention — for the same poll (subject, scope, time, whole and source),
the answers exclude each other, so their shares add up to at most 100 %, and to 100 % exactly when they make all of
the whole (turnout and abstention). An answer such as 'undecided' is counted only when the others leave room for it:
pollsters often give yes and no as shares of those who answered and the undecided as a share of all asked, so
50 % yes, 50 % no and 9 % undecided is how such a poll is printed, not a slip.
Why: 'Yes 58 %, No 52 %' is a slip any reader sees on screen and none can resolve: one of the two figures is
wrong, and the article's headline rests on it.
Example: CNN's 2014 'poll of polls' on Scottish independence showed No at 52 % and Yes at 58 %: 110 % of the
vote; the corrected graphic gave Yes 48 %.

Pairing: the answers are found from the claims' labels (``rules/data/identities.toml``: yes / نعم / oui / sí / ja …)
and grouped by subject, scope, time, whole (``of``) and source; answers from two polls (two sources) never add up.
Likely cause: only when the answers must make 100 % (the slip in one answer that makes them).
"""

from __future__ import annotations

from collections.abc import Iterator

from rules.arithmetic._identity import answers, identified
from rules.context import Context
from rules.model import Verdict
from rules.registry import Example


def applies(ctx: Context) -> bool:
    """Only when the labels name every term of its answers of one question (``rules.identities.found``)."""
    return identified(ctx, __name__)


def check(ctx: Context) -> Iterator[Verdict]:
    yield from answers(ctx, __name__)


_SCOT = {"subject": "Scottish independence referendum", "of": "voters", "source": "CNN poll of polls"}
_HEALTH = {"subject": "Senate health care bill", "of": "respondents", "source": "CNN/Opinion Research poll",
           "time": "December 2009"}
_IFOP = {"subject": "référendum sur la Constitution européenne", "of": "personnes interrogées",
         "source": "Ifop pour Paris Match", "time": "mai 2005"}
_IPSOS = {"subject": "victoire au référendum", "of": "Français", "source": "Ipsos", "time": "mai 2005"}
EXAMPLES = [
    Example("CNN's poll of polls: No 52 %, Yes 58 %: the vote cannot be 110 %",
            claims=[{"kind": "share", "id": "no", "value": "52%", "metric": "No", **_SCOT},
                    {"kind": "share", "id": "yes", "value": "58%", "metric": "Yes", **_SCOT}],
            expect="inconsistent", says=("more than 100 %",),
            source="http://www.standard.co.uk/news/uk/cnn-in-poll-gaffe-as-us-network-suggest-scotland-gives-110-per-cent-in-referendum-9742517.html"),
    Example("CNN on the Senate health bill: better 34 %, worse 37 %, no change 39 % (the poll had 22 % better)",
            claims=[{"kind": "share", "id": "b", "value": "34 percent", "metric": "change things for the better", **_HEALTH},
                    {"kind": "share", "id": "w", "value": "37 percent", "metric": "worse", **_HEALTH},
                    {"kind": "share", "id": "s", "value": "39 percent", "metric": "no effect", **_HEALTH}],
            expect="inconsistent",
            source="https://www.newsbusters.org/blogs/nb/mike-bates/2009/12/22/cnns-erica-hill-cites-networks-senate-health-care-poll-totals-110"),
    Example("Ifop, mai 2005 : oui 50 %, non 50 %, 9 % ne se prononcent pas — oui et non sont des parts des exprimés",
            language="fr",
            claims=[{"kind": "share", "id": "oui", "value": "50%", "metric": "oui", **_IFOP},
                    {"kind": "share", "id": "non", "value": "50%", "metric": "non", **_IFOP},
                    {"kind": "share", "id": "nsp", "value": "9%", "metric": "ne se prononcent pas", **_IFOP}],
            expect="consistent", source="http://reseau.over-blog.com/article-326019.html"),
    Example("Ipsos, mai 2005 : 23 % pronostiquent le oui, 49 % le non, 28 % ne se prononcent pas : 100 %",
            language="fr",
            claims=[{"kind": "share", "id": "oui", "value": "23%", "metric": "oui", **_IPSOS},
                    {"kind": "share", "id": "non", "value": "49%", "metric": "non", **_IPSOS},
                    {"kind": "share", "id": "nsp", "value": "28%", "metric": "ne se prononcent pas", **_IPSOS}],
            expect="consistent", source="https://www.temoignages.re/spip.php?id_article=9165&page=page-forum"),
    Example("CNN's poll of polls with Yes at 49 %: 52 % + 49 % reaches 100 % only if both were rounded up",
            claims=[{"kind": "share", "id": "no", "value": "52%", "metric": "No", **_SCOT},
                    {"kind": "share", "id": "yes", "value": "49%", "metric": "Yes", **_SCOT}],
            expect="doubtful",
            source="http://www.standard.co.uk/news/uk/cnn-in-poll-gaffe-as-us-network-suggest-scotland-gives-110-per-cent-in-referendum-9742517.html"),
]
