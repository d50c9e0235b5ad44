"""Batches on a task queue: taskiq over RabbitMQ (its aio-pika broker).

Why taskiq on RabbitMQ: taskiq is async like the rest of the service (the worker awaits the same SQLAlchemy store),
its workers run on any number of machines against one broker, and its worker command supervises processes and
restarts one that dies. RabbitMQ gives at-least-once delivery without a timer: a task is acknowledged only after
its lines are committed, and when a worker dies (even by SIGKILL) the broker sees its connection drop and hands the
unacknowledged tasks to another worker at once; aio-pika's robust connection reconnects a worker that lost the
broker. Results are made idempotent by ``service.storage.batches``: a line runs twice, it is stored once.

A task is a chunk of lines (``TADQIQ_BATCH_CHUNK``, 100 by default) so that the queue's cost per article is small
beside the check itself; the lines travel in the message, the results go to the database.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING

from service.problems import ProblemError

if TYPE_CHECKING:
    from taskiq_aio_pika import AioPikaBroker

__all__ = ["TASK", "broker_ready", "close", "connect", "drop", "enqueue", "make_broker", "queue_depth"]

TASK = "tadqiq.check_chunk"
log = logging.getLogger("tadqiq.queue")
#: tasks a worker process holds at once: two it runs (``service.worker.TASKS``; one checked while the other's
#: commit is awaited) and the next
PREFETCH = 3


def make_broker(settings) -> AioPikaBroker:
    """The broker for ``settings.broker_url``, its exchange and queue named ``settings.broker_queue`` (a quorum
    queue: durable, its messages persistent). taskiq is imported here, not with the module: a server that is
    never sent a batch does not pay for it at start-up."""
    from taskiq_aio_pika import AioPikaBroker, Exchange, Queue

    name = settings.broker_queue
    return AioPikaBroker(url=settings.broker_url, qos=PREFETCH, exchange=Exchange(name=name),
                         task_queues=[Queue(name=name)], dead_letter_queue=Queue(name=f"{name}.dead")
                         ).with_serializer(_serializer())


def _serializer():
    """Messages as UTF-8 JSON by msgspec. taskiq's default, the standard library's ``json`` with ``ensure_ascii``,
    writes every Arabic letter of a line as a six-byte ``\\uXXXX``: a chunk of the benchmark's articles was 12.6 KB
    an article on the queue against 6.0 KB here (the broker writes each message to disk, a quorum queue), and
    encoding and decoding cost 0.03 ms an article each against 0.004 and 0.008. Still JSON either way, so a worker
    or a server of the other kind reads what this one wrote, and the reverse (a queue in the middle of an
    upgrade)."""
    import msgspec
    from taskiq.abc.serializer import TaskiqSerializer

    class MsgspecJSON(TaskiqSerializer):
        def dumpb(self, value) -> bytes:  # type: ignore[no-untyped-def]
            return msgspec.json.encode(value)

        def loadb(self, value: bytes):  # type: ignore[no-untyped-def]
            return msgspec.json.decode(value)

    return MsgspecJSON()


# -- the server's side -------------------------------------------------------------------------------------------
async def connect(state) -> AioPikaBroker:
    """The server's broker connection, opened on first use (a server without batches never needs the broker).
    Raises ``ProblemError(503)`` when no broker is configured or it cannot be reached."""
    settings = state.settings
    if not settings.broker_url:
        raise ProblemError(503, "Batches are not configured",
                           "This server has no task queue: set TADQIQ_BROKER_URL (RabbitMQ) and run `tadqiq worker`, "
                           "or send the articles one by one to POST /v1/checks.")
    broker = state.get("broker")
    if broker is not None:
        return broker
    lock = state.setdefault("broker_lock", asyncio.Lock())
    async with lock:
        if state.get("broker") is None:
            broker = make_broker(settings)
            try:
                await asyncio.wait_for(broker.startup(), 10)
            except Exception as exc:  # noqa: BLE001
                log.warning("broker unreachable: %s", exc)
                await _quietly(broker.shutdown())
                raise ProblemError(503, "The task queue is unavailable",
                                   "The broker cannot be reached; nothing was queued. Try again later.") from None
            state.broker = broker
    return state.broker


async def _quietly(awaitable) -> None:
    try:
        await awaitable
    except Exception:  # noqa: BLE001
        pass


async def enqueue(broker: AioPikaBroker, batch: str, newsroom: str, by: str, kind: str,
                  items: list[tuple[int, str]]) -> None:
    """Put one chunk on the queue (persistent; returns once the broker confirmed it)."""
    from taskiq.kicker import AsyncKicker

    await AsyncKicker(TASK, broker, {}).kiq(batch, newsroom, by, kind, items)


async def close(state) -> None:
    broker = state.get("broker")
    if broker is not None:
        state.broker = None
        await _quietly(broker.shutdown())


async def broker_ready(state) -> str:
    broker = await connect(state)
    if broker.write_conn is None or broker.write_conn.is_closed:
        raise ConnectionError("the broker connection is closed (reconnecting)")
    return "ok"


async def queue_depth(state) -> int | None:
    """Messages waiting on the queue, or None without a broker (or when it cannot be asked)."""
    if not state.settings.broker_url:
        return None
    try:
        broker = await connect(state)
        async with broker.write_conn.channel() as channel:  # its own channel: a failed passive declare closes it
            queue = await asyncio.wait_for(channel.declare_queue(state.settings.broker_queue, passive=True), 2)
            return queue.declaration_result.message_count
    except Exception:  # noqa: BLE001
        return None


async def drop(broker_url: str, name: str) -> None:
    """Delete a deployment's queue, its dead-letter queue and its exchange (tests and benchmarks, which make their
    own)."""
    import aio_pika

    connection = await aio_pika.connect(broker_url)
    async with connection:
        channel = await connection.channel()
        for queue in (name, f"{name}.dead"):
            await channel.queue_delete(queue)
        await channel.exchange_delete(name)
