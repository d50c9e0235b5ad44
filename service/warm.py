"""Imported once by the worker processes' fork server (``service.pool``): the rules, lexicons, locales, exchange
rates and equations are built and every rule's examples checked once, so each worker forked from it starts warm
(and shares those pages with its siblings until it writes to them)."""

from rules.engine import RULES, check
from service import work  # noqa: F401  (the functions the workers run)

for _rule in RULES:
    for _example in _rule.examples:
        check(_example.request())
