"""The one error the readers raise: a figure or a time that cannot be read with confidence.

``code`` is stable (``unknown_unit``, ``ambiguous_separator``, ``not_an_amount``, ``needs_publication_date``…) and
becomes a problem's code in a report; ``message`` says in English what was not understood.
"""

from __future__ import annotations

__all__ = ["Unreadable"]


class Unreadable(ValueError):
    """A figure or time that cannot be read; ``code`` is stable, ``message`` says why in English."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message
