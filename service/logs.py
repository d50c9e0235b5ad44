"""Logs as JSON lines, each with the request id of the request it belongs to.

Every line is one JSON object: ``time`` (UTC, ISO 8601), ``level``, ``logger``, ``message``, ``pid``, ``request_id`` when the
line was written while serving a request, ``exc`` for a trace, and any ``extra={...}`` fields. The request id is the
client's ``X-Request-ID`` when it sends a sane one (letters, digits, ``.``, ``_``, ``-``; at most 64), otherwise 16
random hex digits; the answer carries it back in ``X-Request-ID`` so a newsroom can quote it.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import logging
import re

import msgspec

__all__ = ["REQUEST_ID", "JsonFormatter", "configure", "uvicorn_config"]

REQUEST_ID: contextvars.ContextVar[str | None] = contextvars.ContextVar("tadqiq_request_id", default=None)
SANE_ID = re.compile(rb"^[A-Za-z0-9._\-]{1,64}$")
_ENCODE = msgspec.json.Encoder()
#: attributes every LogRecord has; anything else on a record came from ``extra=`` and is written out
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime", "color_message"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {"time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
                "level": record.levelname.lower(), "logger": record.name, "message": record.getMessage(),
                "pid": record.process}
        request_id = REQUEST_ID.get()
        if request_id:
            line["request_id"] = request_id
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                line[key] = value if isinstance(value, (str, int, float, bool, type(None))) else str(value)
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        return _ENCODE.encode(line).decode()


def uvicorn_config(level: str = "info") -> dict:
    """``logging.config.dictConfig`` for uvicorn and everything else: JSON lines on stderr. uvicorn's own access
    log is off: ``service.metrics`` writes one line per request, with its request id and route."""
    handler = {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
    return {"version": 1, "disable_existing_loggers": False,
            "formatters": {"json": {"()": JsonFormatter}},
            "handlers": {"json": handler},
            "root": {"handlers": ["json"], "level": level.upper()},
            "loggers": {"uvicorn": {"handlers": [], "propagate": True},
                        "uvicorn.error": {"handlers": [], "propagate": True},
                        "uvicorn.access": {"handlers": [], "propagate": False, "level": "WARNING"},
                        "alembic": {"level": "WARNING"},
                        # rules/normalise/units.py redefines a few of pint's units on purpose
                        "pint.util": {"level": "ERROR"}}}


def configure(level: str = "info") -> None:
    """JSON lines for this process (the worker, the CLI)."""
    import logging.config

    logging.config.dictConfig(uvicorn_config(level))
