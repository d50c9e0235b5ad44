"""Imported once by the worker processes' fork server (``service.pool``): the rules, lexicons, locales, exchange
rates and equations are built and every rule's examples checked once, so each worker forked from it starts warm
(and shares those pages with its siblings until it writes to them)."""

from rules.engine import RULES, check
from service import work  # noqa: F401  (the functions the workers run)

for _rule in RULES:
    for _example in _rule.examples:
        check(_example.request())

# each function the workers run, once with a body it reads and once with one it refuses (its imports, decoders and
# the schema walk that lists every error): the first real request a new worker gets is not the one that pays
for _fn, _good in ((work.normalise_json, b'{"language": "en", "figures": ["about $5 billion a year"]}'),
                   (work.times_json, b'{"language": "en", "published": "2025-01-01", "times": ["last year"]}'),
                   (work.extract_json, b'{"document": {"language": "en"}, "text": "Sales rose 5% to $2 billion."}')):
    _fn(_good)
    _fn(b'[1, 2]')
    _fn(b'{"k": 1}')
