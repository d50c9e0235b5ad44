"""A batch of printed figures read at once: what ``POST /v1/normalise`` answers.

Each figure gets its reading or the problem that stopped it; amounts of money are also given in the currencies
asked for, at the rates of the publication date (``rules.normalise.currency``), or with the reason there is no
rate. One unreadable figure never fails the batch.
"""

from __future__ import annotations

from rules.explain import as_range
from rules.messages import problem
from rules.model import Conversion, Figure, NormaliseRequest, NormaliseResponse, NormalisedFigure
from rules.normalise.currency import rate
from rules.normalise.errors import Unreadable
from rules.normalise.values import Measure, read_value
from rules.policy import POLICY, Policy

__all__ = ["normalise"]


def normalise(request: NormaliseRequest, policy: Policy = POLICY) -> NormaliseResponse:
    out = []
    for i, figure in enumerate(request.figures):
        text, unit, per = (figure.text, figure.unit, figure.per) if isinstance(figure, Figure) else \
            (figure, None, None)
        try:
            measure = read_value(text, request.language, unit, per, policy, request.published)
        except Unreadable as exc:
            out.append(NormalisedFigure(index=i, text=text, problem=problem(
                request.language, exc.code, exc.said, field=f"figures[{i}]")))
            continue
        out.append(NormalisedFigure(index=i, text=text, reading=measure.reading(policy),
                                    conversions=_conversions(measure, request)))
    return NormaliseResponse(language=request.language, policy=policy.name, figures=out)


def _conversions(measure: Measure, request: NormaliseRequest) -> list[Conversion]:
    src = measure.currency
    if src is None:
        return []
    out = []
    for dst in request.currencies:
        if dst == src:
            continue
        quote = rate(src, dst, request.published, request.rates)
        if quote is None:
            reason = f"no rate from {src} to {dst}" + (
                f" on {request.published}" if request.published else
                " without a date: send 'published' (rates between floating currencies change daily)") + \
                "; send one in 'rates' to convert"
            out.append(Conversion(currency=dst, reason=reason))
            continue
        out.append(Conversion(currency=dst, range=as_range(measure.value * quote.value, dst),
                              source=quote.describe()))
    return out
