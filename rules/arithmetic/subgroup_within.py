"""A subgroup is at most its group

What: For a figure that adds up over groups — employees, students, voters, cases — the figure for a subgroup named
by a qualifier ('women employees', 'الموظفين السعوديين', 'salariés étrangers', 'empleados jóvenes', 'weibliche
Beschäftigte') is at most the figure for the whole group ('employees'), for the same subject, scope and time. The
qualifiers, and which metrics add up, are data (``rules/data/containment.toml``); averages, rates and prices never
do (women's average pay may exceed the average).
Why: A subgroup larger than its group — more women employees than employees — is a slip of scale or of label that
a reader sees at once.
Example: At the end of the third quarter of 2023, 1,563,536 of the 3,921,321 Saudis registered in employment were
women; 15,635,360 women would be more than all of them.

Pairing: the group is looked up by the subgroup's labels without the qualifier (in its metric or its scope), so
each subgroup meets only its group — linear in the number of claims. Totals only, not negative. A subgroup's share
of its group ('women are 39.9 % of employees') is the ``share_of_whole`` rule's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from rules.arithmetic._align import metric
from rules.arithmetic._identity import within
from rules.containment import additive, split
from rules.context import Context, Item
from rules.messages import N_, translate
from rules.model import Quantity, Verdict
from rules.registry import Example

ASSUMED = N_("'{part}' are part of '{whole}', which adds up over its members, so their figure is at most the group's")


def groups(ctx: Context) -> list[tuple[Item, Item, object]]:
    """(subgroup, group, qualifier) for every subgroup whose group the request names (the first figure of each
    key stands for its restatements). Built once per request (``exhaustive_total`` reads it too)."""
    memo = ctx.memo.get("subgroups")
    if memo is not None:
        return memo
    lang = ctx.language.split("-")[0].lower()
    first: dict[tuple[str, str, str, str], Item] = {}
    for item in ctx.of_kind(Quantity):
        if item.measure is not None:
            first.setdefault((item.subject, item.metric, item.scope, item.when), item)
    out = []
    for (subject, label, scope, when), item in first.items():
        candidates = [(q, (subject, rest, scope, when)) for q, rest in split(label, lang)]
        candidates += [(q, (subject, label, rest, when)) for q, rest in split(scope, lang)]
        for qualifier, key in candidates:
            whole = first.get(key)
            if whole is not None and whole is not item:
                out.append((item, whole, qualifier))
                break
    ctx.memo["subgroups"] = out
    return out


def _assumed(part: Item, whole: Item) -> Callable[[str], str]:
    p, w = _named(part), _named(whole)
    return lambda code: translate(ASSUMED, code).format(part=p, whole=w)


def _named(item: Item) -> str:
    scope = getattr(item.claim, "scope", None)
    return f"{metric(item)} ({scope})" if scope else metric(item)


def applies(ctx: Context) -> bool:
    """Only a subgroup whose group the request names (``groups``)."""
    return bool(groups(ctx))


def check(ctx: Context) -> Iterator[Verdict]:
    lang = ctx.language.split("-")[0].lower()
    for part, whole, _ in groups(ctx):
        if additive(whole.metric, whole, lang) and additive(whole.metric, part, lang):
            found = within(ctx, __name__, part, whole, _assumed(part, whole), labels=(_named(part), _named(whole)))
            if found is not None:
                yield found


_GOSI = {"subject": "Saudis registered in employment", "time": "the third quarter of 2023"}
_SRC = "https://www.zawya.com/en/economy/gcc/39mln-saudis-registered-in-employment-market-in-3q-ippw6wri"
_NLO = {"subject": "القطاع الخاص", "time": "نوفمبر 2023"}
_ARGAAM = "https://www.argaam.com/en/article/articledetail/id/1689571"
EXAMPLES = [
    Example("Third quarter of 2023: 1,563,536 women among 3,921,321 Saudi employees",
            claims=[{"kind": "quantity", "id": "women", "value": "1,563,536", "metric": "women employees", **_GOSI},
                    {"kind": "quantity", "id": "all", "value": "3,921,321", "metric": "employees", **_GOSI}],
            expect="consistent", says=("are part of",), source=_SRC),
    Example("القطاع الخاص: 2.31 مليون موظف سعودي من 10.88 مليون موظف", language="ar",
            claims=[{"kind": "quantity", "id": "saudi", "value": "2.31 مليون", "metric": "الموظفين السعوديين", **_NLO},
                    {"kind": "quantity", "id": "all", "value": "10.88 مليون", "metric": "الموظفين", **_NLO}],
            expect="consistent", source=_ARGAAM),
    Example("The women's figure printed with a digit too many: 15,635,360 women cannot be among 3,921,321 employees",
            claims=[{"kind": "quantity", "id": "women", "value": "15,635,360", "metric": "women employees", **_GOSI},
                    {"kind": "quantity", "id": "all", "value": "3,921,321", "metric": "employees", **_GOSI}],
            expect="inconsistent", source=_SRC),
    Example("Women printed as 3.93 million beside 3.92 million employees: they meet only if both were rounded "
            "towards each other",
            claims=[{"kind": "quantity", "id": "women", "value": "3.93 million", "metric": "women employees", **_GOSI},
                    {"kind": "quantity", "id": "all", "value": "3.92 million", "metric": "employees", **_GOSI}],
            expect="doubtful", source=_SRC),
]
