"""Settings, read once from the environment (``TADQIQ_*``)."""

from __future__ import annotations

import os
from dataclasses import dataclass

__all__ = ["Settings"]


@dataclass(frozen=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8000
    max_body: int = 16 * 1024 * 1024
    debug: bool = False

    @classmethod
    def from_env(cls) -> Settings:
        env = os.environ
        return cls(host=env.get("TADQIQ_HOST", cls.host), port=int(env.get("TADQIQ_PORT", cls.port)),
                   max_body=int(env.get("TADQIQ_MAX_BODY", cls.max_body)),
                   debug=env.get("TADQIQ_DEBUG", "") == "1")
