"""The worker pools: CPU-bound work never runs on the event loop, so ``/health`` and every other client stay quick
while the heaviest allowed request is checked.

- Checking and reading figures and times (``compute``) run in worker processes, bytes in and bytes out
  (``service.work``), when the body is larger than an article's (``SMALL``): a check holds its own interpreter, its cycle collections and its long calls into C, none of
  which can stall this process. The processes are forked from a fork server that imported ``service.warm`` once,
  so each starts with the rules, lexicons and rates built; each is replaced after ``RECYCLE`` checks, so what its
  caches hold stays bounded.
- Drawing pages, writing exports and decoding stored reports (``run``) run in threads: bounded work (a page of a
  report, a chunk of an export) that gives the loop the interpreter back every millisecond.

``TADQIQ_WORKERS`` bounds each: that many processes, and that many threads at once; the other requests wait their
turn without holding either.
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
import multiprocessing
import multiprocessing.connection
import os
import queue
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

import anyio
from litestar import Request

log = logging.getLogger("tadqiq.pool")

__all__ = ["Pool", "compute", "run", "stream"]

T = TypeVar("T")


#: Checks a worker process does before it is replaced by a fresh one from the fork server.
RECYCLE = 200
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(["service.warm"])


def watch_server() -> None:
    """In each worker process, at its start: leave as soon as the server that asked for it is gone, even killed with
    SIGKILL (a worker waiting for work would otherwise wait for ever, and keep its fork server alive)."""
    parent = multiprocessing.parent_process()
    if parent is None:  # pragma: no cover - not a child process
        return

    def watch() -> None:
        multiprocessing.connection.wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="watch-server", daemon=True).start()


def _settle(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    """On the loop: the call's outcome, unless its caller stopped waiting."""
    if future.cancelled():
        return
    if error is None:
        future.set_result(result)
    elif isinstance(error, StopIteration):  # a future refuses it (it would end the awaiting coroutine silently)
        future.set_exception(RuntimeError(f"StopIteration raised in a pool thread: {error!r}"))
    else:
        future.set_exception(error)


class _Threads:
    """``workers`` threads taking calls from one queue, each call's outcome set on its asyncio future through
    ``call_soon_threadsafe``: one future and one wake-up of the loop a call. ``run_in_executor`` also makes a
    ``concurrent.futures.Future`` (its condition and locks, taken several times a call) chained to the asyncio
    future by callbacks on both sides. With eight seed checks at once (``python -m bench.handoff``), the hand-off
    cost 94–120 µs of CPU a check beyond the check against 137–184 µs (three runs of 10–16 interleaved rounds, at
    load 10–14 from other work)."""

    def __init__(self, workers: int, name: str):
        self._calls: queue.SimpleQueue[tuple[Any, ...] | None] = queue.SimpleQueue()
        self._threads = [threading.Thread(target=self._work, name=f"{name}_{n}", daemon=True) for n in range(workers)]
        for thread in self._threads:
            thread.start()

    def submit(self, future: asyncio.Future[Any], fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        self._calls.put((future.get_loop(), future, contextvars.copy_context(), fn, args))

    def _work(self) -> None:
        while (call := self._calls.get()) is not None:
            loop, future, context, fn, args = call
            del call
            if future.cancelled():  # its caller stopped waiting before it started, as an executor drops it
                continue
            try:
                result, error = context.run(fn, *args), None
            except BaseException as exc:  # noqa: BLE001 - handed to the caller, as an executor does
                result, error = None, exc
            try:
                loop.call_soon_threadsafe(_settle, future, result, error)
            except RuntimeError:  # the loop is closed: nobody waits for it any more
                pass
            del loop, future, context, fn, args, result, error

    def shutdown(self) -> None:
        """Each thread ends once the calls queued before are done."""
        for _ in self._threads:
            self._calls.put(None)


class Pool:
    def __init__(self, workers: int):
        self.workers = max(1, workers)
        self._threads: _Threads | None = None
        self._processes: ProcessPoolExecutor | None = None
        self._starting: asyncio.Future[ProcessPoolExecutor] | None = None
        self._begun = False

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)`` in one of ``workers`` threads, with this task's context variables (the request id of the
        log lines). Threads of its own (``_Threads``) rather than an executor or anyio's threads
        (``anyio.to_thread`` with a capacity limiter): every check of an article pays the hand-off, which cost
        0.28 ms of CPU a check with anyio, 0.16 ms with ``run_in_executor`` (2026-12-02) and less again now."""
        if self._threads is None:
            self._threads = _Threads(self.workers, "tadqiq")
        future: asyncio.Future[T] = asyncio.get_running_loop().create_future()
        self._threads.submit(future, fn, args)
        return await future

    def soon(self) -> None:
        """``begin``, the first time only (after a server's first answer, or two seconds after its start)."""
        if not self._begun:
            self.begin()

    def begin(self) -> None:
        """Start the worker processes, in a thread (the first start also starts the fork server, which builds
        everything once: seconds); ``started`` waits for them. A start that fails is logged and tried again by the
        next request that needs them."""
        self._begun = True
        if self._starting is None:
            self._starting = asyncio.ensure_future(anyio.to_thread.run_sync(self._start))
            self._starting.add_done_callback(self._failed)

    def _failed(self, future: asyncio.Future[ProcessPoolExecutor]) -> None:
        if future.cancelled() or future.exception() is not None:
            if self._starting is future:
                self._starting = None
            if not future.cancelled():
                log.warning("the worker processes did not start: %r", future.exception())

    async def started(self) -> ProcessPoolExecutor:
        self.begin()
        assert self._starting is not None
        return await asyncio.shield(self._starting)

    def _start(self) -> ProcessPoolExecutor:
        if self._processes is None:
            self._processes = ProcessPoolExecutor(self.workers, mp_context=_CONTEXT, max_tasks_per_child=RECYCLE,
                                                  initializer=watch_server)
            for future in [self._processes.submit(int) for _ in range(self.workers)]:
                future.result()
        return self._processes

    async def compute(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)`` in a worker process (``fn`` and its arguments are pickled: module functions and bytes).
        Submitted from a thread: replacing a recycled worker waits on the fork server, never on the loop."""
        processes = self._processes or await self.started()
        return await asyncio.wrap_future(await anyio.to_thread.run_sync(processes.submit, fn, *args))

    async def stop(self) -> None:
        """``close``, once a start still under way has ended (its processes are then shut down too)."""
        if self._starting is not None:
            await asyncio.wait([self._starting])
        self.close()

    def close(self) -> None:
        if self._threads is not None:
            self._threads.shutdown()
            self._threads = None
        if self._processes is not None:
            self._processes.shutdown(wait=True, cancel_futures=True)
            self._processes = None
        self._starting = None


async def run(request: Request[Any, Any, Any], fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)`` in the app's threads."""
    return await request.app.state.pool.run(fn, *args)


#: Bodies smaller than this (an article's few hundred claims) are checked in a thread: a few milliseconds, less than
#: the way to a worker process and back; larger ones in a worker process.
SMALL = 64 * 1024


async def compute(request: Request[Any, Any, Any], fn: Callable[..., T], body: bytes, *args: Any) -> T:
    """``fn(body, *args)`` in the app's worker processes, or in a thread when ``body`` is small (``args`` go to a
    worker process pickled: keep them small)."""
    pool = request.app.state.pool
    return await (pool.run(fn, body, *args) if len(body) < SMALL else pool.compute(fn, body, *args))


async def stream(request: Request[Any, Any, Any], chunks: Iterator[str]) -> AsyncIterator[bytes]:
    """Each chunk of ``chunks`` made in the pool and sent as it comes (a large export never waits whole)."""
    while True:
        chunk = await run(request, next, chunks, None)
        if chunk is None:
            return
        yield chunk.encode()
