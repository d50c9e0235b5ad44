"""The one error the readers raise: a figure or a time that cannot be read with confidence.

``code`` is stable (``unknown_unit``, ``ambiguous_separator``, ``not_an_amount``, ``needs_publication_date``…) and
becomes a problem's code in a report; ``said`` is what was not understood, a catalogue message (its English id, marked
with ``N_``, and its named values: ``rules.messages.Said``) that the place knowing the document's language writes
in it as well as in English; ``message`` is the English.
"""

from __future__ import annotations

from typing import Any

from rules.messages import Said

__all__ = ["Unreadable"]


class Unreadable(ValueError):
    """A figure or time that cannot be read; ``code`` is stable, ``said`` says why (``message``: in English)."""

    def __init__(self, code: str, message: str | Said, /, **values: Any):
        self.code = code
        self.said = message if isinstance(message, Said) else Said(message, **values)

    @property
    def message(self) -> str:
        """Why, in English."""
        return self.said.en

    def __str__(self) -> str:
        return self.said.en

    def __reduce__(self) -> tuple[type[Unreadable], tuple[str, str]]:
        """Pickled (out of a worker process) as its English: a value said by language may be a function."""
        return Unreadable, (self.code, self.said.en)
