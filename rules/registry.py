"""The rule registry: what a rule is (``Rule``), the cases that define it (``Example``), and how rules are found.

A rule is one module in ``rules/arithmetic/`` or ``rules/temporal/``. Its docstring says what it checks (first
line: the title, translated in the catalogues of ``rules.messages``; then ``What:``, ``Why:``, ``Example:``); it
defines ``check(ctx)`` yielding ``Verdict``s and ``Derived`` figures, and ``EXAMPLES``, the cases that define it
(run by ``tests/test_rules.py`` and served by ``GET /v1/rules``). Adding a rule is adding such a file, and its
messages to the catalogues (``make messages``, then translate).

A rule may also define ``applies(ctx) -> bool``, its precondition: a cheap test over what the ``Context`` already
holds (the relations asked, claims stating changes, figures stated twice, the kinds and labels of the levels, the
language's cue words) that is False only when ``check(ctx)`` could yield nothing. The engine then skips the rule, so
an article pays only for the rules that can find something in it. A precondition is a necessary condition, never a
guess: ``tests/test_preconditions.py`` runs every rule it skips, over every request ``bench.dump`` covers, and
requires that it yields nothing. Without ``applies`` the rule always runs.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any

import msgspec

from rules.messages import LANGUAGES, translated
from rules.model import CheckRequest, Derived, Verdict

if TYPE_CHECKING:
    from rules.context import Context

__all__ = ["Example", "Rule", "discover"]


@dataclass(frozen=True)
class Example:
    """One case that defines a rule: a small request and the status the rule must give it (``consistent``,
    ``doubtful``, ``inconsistent`` or ``unverifiable``)."""

    title: str
    claims: list[dict[str, Any]]
    expect: str
    language: str = "en"
    published: str | None = None
    relations: list[dict[str, Any]] = field(default_factory=list)
    references: list[dict[str, Any]] = field(default_factory=list)
    derived: dict[str, tuple[str, str]] = field(default_factory=dict)
    cause: str | None = None
    rates: list[dict[str, Any]] = field(default_factory=list)
    says: tuple[str, ...] = ()  # words the verdict's explanation (English or local) must contain
    problems: tuple[str, ...] = ()  # codes of problems the report must list
    source: str | None = None  # where the figures were published, for examples taken from real text

    def request(self) -> CheckRequest:
        document: dict[str, Any] = {"language": self.language}
        if self.published:
            document["published"] = self.published
        return msgspec.convert({"document": document, "claims": self.claims, "relations": self.relations,
                                "references": self.references, "rates": self.rates}, CheckRequest)


@dataclass(frozen=True)
class Rule:
    id: str
    family: str
    title: str
    what: str
    why: str
    example: str
    check: Callable[[Context], Iterable[Verdict | Derived]]
    examples: tuple[Example, ...]
    #: the rule's precondition (``applies`` in its module): False only when ``check`` would yield nothing
    applies: Callable[[Context], bool] | None = None

    @property
    def titles(self) -> dict[str, str]:
        """The title by language (English always), from the catalogues (a language's is read when first used)."""
        return {lang: found for lang in LANGUAGES if (found := translated(self.title, lang))} | {"en": self.title}

    def title_in(self, language: str) -> str:
        lang = language.split("-")[0]
        return self.title if lang == "en" else translated(self.title, lang) or self.title


_SECTION = re.compile(r"^(What|Why|Example):\s*", re.M)


def _rule(module: ModuleType, family: str) -> Rule:
    doc = inspect.getdoc(module) or ""
    title, _, rest = doc.partition("\n")
    parts = _SECTION.split(rest)
    sections = {parts[i]: " ".join(parts[i + 1].split()) for i in range(1, len(parts) - 1, 2)}
    missing = {"What", "Why", "Example"} - sections.keys()
    if missing or not getattr(module, "EXAMPLES", None):
        raise TypeError(f"rule {module.__name__} needs What/Why/Example in its docstring and EXAMPLES")
    title = title.strip().rstrip(".")
    return Rule(id=module.__name__.rsplit(".", 1)[1], family=family, title=title,
                what=sections["What"], why=sections["Why"], example=sections["Example"], check=module.check,
                examples=tuple(module.EXAMPLES), applies=getattr(module, "applies", None))


def discover() -> tuple[Rule, ...]:
    """Every rule module of ``rules.arithmetic`` and ``rules.temporal`` (names not starting with '_'), in order."""
    from rules import arithmetic, temporal

    found = []
    for package in (arithmetic, temporal):
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
            if not info.name.startswith("_"):
                module = importlib.import_module(f"{package.__name__}.{info.name}")
                found.append(_rule(module, package.__name__.rsplit(".", 1)[1]))
    return tuple(found)
