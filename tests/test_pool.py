"""``service.pool.Pool.run``: a call handed to the pool's threads and its outcome handed back to the loop."""

from __future__ import annotations

import asyncio
import contextvars
import threading
import time

import pytest

from service.pool import Pool

WHO: contextvars.ContextVar[str | None] = contextvars.ContextVar("who", default=None)


def test_a_call_runs_in_a_pool_thread_with_the_callers_context_and_its_outcome_comes_back():
    """Guards what the hand-off must keep: the request id of the log lines (a context variable) reaches the thread,
    a result and an exception come back to the awaiting coroutine, concurrent calls all finish, on at most
    ``workers`` threads."""

    async def main() -> None:
        pool = Pool(2)
        try:
            WHO.set("request-7")
            assert await pool.run(lambda n: (n * 2, WHO.get()), 21) == (42, "request-7")
            with pytest.raises(ZeroDivisionError):
                await pool.run(lambda: 1 / 0)
            names = await asyncio.gather(*(pool.run(lambda: (time.sleep(0.005), threading.current_thread().name)[1])
                                           for _ in range(12)))
            assert all(name.startswith("tadqiq") for name in names) and 1 <= len(set(names)) <= 2
        finally:
            pool.close()

    asyncio.run(main())


def test_a_stop_iteration_comes_back_as_an_error_rather_than_leaving_its_caller_waiting():
    """``run(next, iterator)`` on an exhausted iterator without a default (an export's chunks): an asyncio future
    refuses ``StopIteration``; with ``run_in_executor`` the loop logged the refusal and the caller waited for ever."""

    async def main() -> None:
        pool = Pool(1)
        try:
            with pytest.raises(RuntimeError, match="StopIteration"):
                await asyncio.wait_for(pool.run(next, iter(())), 5)
        finally:
            pool.close()

    asyncio.run(main())


def test_a_call_whose_caller_stopped_waiting_before_it_started_is_not_run():
    async def main() -> None:
        pool = Pool(1)
        ran: list[str] = []
        try:
            busy = asyncio.ensure_future(pool.run(time.sleep, 0.2))
            await asyncio.sleep(0.05)  # the one thread is taken
            dropped = asyncio.ensure_future(pool.run(ran.append, "dropped"))
            await asyncio.sleep(0)
            dropped.cancel()
            await busy
            await pool.run(ran.append, "next")
            assert ran == ["next"]
        finally:
            pool.close()

    asyncio.run(main())
