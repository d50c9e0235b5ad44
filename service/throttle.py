"""Throttling, with the ``limits`` library: requests per key and per client address, and wrong keys per address.

- Every request counts against its client address (``TADQIQ_RATE``, e.g. ``600/minute``), and a request with a
  key also against that key, so one busy desk cannot crowd out the others and no address can flood the server.
- A wrong key counts against its address (``TADQIQ_FAILURES``, e.g. ``10/minute;100/day``): past the first
  limit, guesses are slowed to that rate; past the second, the address is locked out until the window ends. A
  locked-out address is refused before its key is even looked at, so a right key guessed then does not help.
- Over a limit: 429, an RFC 9457 problem, with ``Retry-After`` (seconds).

With ``TADQIQ_REDIS_URL`` the counters live in Redis (moving windows, shared by every instance, keys under
``TADQIQ_REDIS_PREFIX``); without it, in this process's memory.
"""

from __future__ import annotations

import math
import time
from typing import TYPE_CHECKING, Any

from litestar import Request

from service.problems import ProblemError

if TYPE_CHECKING:
    from limits import RateLimitItem
    from limits.aio.storage import Storage
    from limits.aio.strategies import MovingWindowRateLimiter

__all__ = ["Throttle", "address"]


def address(request: Request[Any, Any, Any]) -> str:
    client = request.scope.get("client")
    return client[0] if client else "unknown"


class Throttle:
    def __init__(self, rate: str, failures: str, redis_url: str | None = None, prefix: str = "tadqiq"):
        self.rate: list[RateLimitItem] = []
        self.failures: list[RateLimitItem] = []
        self.storage: Storage | None = None
        self.limiter: MovingWindowRateLimiter | None = None
        if not rate.strip() and not failures.strip():
            return  # nothing to count: ``limits``, which imports every storage backend it has, is not imported
        from limits import parse_many
        from limits.aio.storage import MemoryStorage, RedisStorage
        from limits.aio.strategies import MovingWindowRateLimiter

        self.rate = parse_many(rate) if rate.strip() else []
        self.failures = parse_many(failures) if failures.strip() else []
        if redis_url:
            uri = "async+" + redis_url if not redis_url.startswith("async+") else redis_url
            self.storage = RedisStorage(uri, implementation="redispy", key_prefix=prefix)
        else:
            self.storage = MemoryStorage()
        self.limiter = MovingWindowRateLimiter(self.storage)

    @classmethod
    def from_settings(cls, settings) -> Throttle:  # type: ignore[no-untyped-def]
        return cls(settings.rate, settings.failures, settings.redis_url, settings.redis_prefix)

    async def hit(self, *who: str) -> None:
        """Count one request for each of ``who`` (``"addr:1.2.3.4"``, ``"key:<digest>"``); 429 when over."""
        for item in self.rate:
            for name in who:
                if not await self.limiter.hit(item, "rate", name):  # type: ignore[union-attr]
                    raise await self._refuse(item, ("rate", name), "Too many requests",
                                             f"At most {item} for each key and each client address.")

    async def locked(self, where: str) -> None:
        """429 when ``where`` (a client address) has used up a wrong-key limit."""
        for item in self.failures:
            if not await self.limiter.test(item, "failed", where):  # type: ignore[union-attr]
                raise await self._refuse(item, ("failed", where), "Too many wrong keys",
                                         f"This address sent too many wrong keys (at most {item}); wait.")

    async def failed(self, where: str) -> None:
        """Count a wrong key from ``where``."""
        for item in self.failures:
            await self.limiter.hit(item, "failed", where)  # type: ignore[union-attr]

    async def _refuse(self, item: RateLimitItem, ids: tuple[str, ...], title: str, detail: str) -> ProblemError:
        stats = await self.limiter.get_window_stats(item, *ids)  # type: ignore[union-attr]
        wait = max(1, math.ceil(stats.reset_time - time.time()))
        return ProblemError(429, title, detail, headers={"Retry-After": str(wait)})
