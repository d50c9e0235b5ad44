"""The worker pool: CPU-bound work (checking, reading figures, rendering pages, writing exports, decoding large
bodies) runs in a bounded set of threads, so the event loop only accepts, answers and waits — ``/health`` and every
other client stay quick while the heaviest allowed request is checked.

Threads rather than processes: the work is pure Python, which gives the loop the interpreter every few
milliseconds (``sys.getswitchinterval``), and the largest single call into C (decoding or encoding a 16 MiB body
with msgspec) takes tens of milliseconds. ``TADQIQ_WORKERS`` bounds how many run at once; the others wait their
turn without holding a thread.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any, TypeVar

import anyio
from litestar import Request

__all__ = ["Pool", "run", "stream"]

T = TypeVar("T")


class Pool:
    def __init__(self, workers: int):
        self.limiter = anyio.CapacityLimiter(max(1, workers))

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        return await anyio.to_thread.run_sync(fn, *args, limiter=self.limiter)


async def run(request: Request[Any, Any, Any], fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)`` in the app's pool."""
    return await request.app.state.pool.run(fn, *args)


async def stream(request: Request[Any, Any, Any], chunks: Iterator[str]) -> AsyncIterator[bytes]:
    """Each chunk of ``chunks`` made in the pool and sent as it comes (a large export never waits whole)."""
    while True:
        chunk = await run(request, next, chunks, None)
        if chunk is None:
            return
        yield chunk.encode()
