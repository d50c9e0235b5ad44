"""``tadqiq worker``: the batch worker, run by taskiq's worker command (it starts the processes and restarts one
that dies). Configured by the same environment as the server: ``TADQIQ_BROKER_URL``, ``TADQIQ_BROKER_QUEUE``,
``TADQIQ_DATABASE_URL`` (and ``TADQIQ_DATABASE_SCHEMA``), so that every worker on every machine shares the queue and
the database with the servers."""

from __future__ import annotations

import os

from taskiq import TaskiqEvents, TaskiqState

from service.logs import configure
from service.queue import make_broker
from service.settings import Settings
from service.storage import Store

__all__ = ["broker", "run"]

settings = Settings.from_env()
broker = make_broker(settings)


@broker.on_event(TaskiqEvents.WORKER_STARTUP)
async def _open(state: TaskiqState) -> None:
    configure(os.environ.get("TADQIQ_LOG_LEVEL", "info"))
    state.store = Store.from_settings(settings)
    await state.store.open()


@broker.on_event(TaskiqEvents.WORKER_SHUTDOWN)
async def _close(state: TaskiqState) -> None:
    await state.store.close()


def run(processes: int) -> int:
    """Run ``processes`` worker processes until stopped (SIGINT / SIGTERM finish the tasks in hand first)."""
    from taskiq.acks import AcknowledgeType
    from taskiq.cli.worker.args import WorkerArgs
    from taskiq.cli.worker.run import run_worker

    # Acknowledged once the chunk's lines are committed (the task returned), never on receipt.
    args = WorkerArgs(broker="service.worker:broker", modules=[], workers=processes, configure_logging=False,
                      max_async_tasks=2, ack_type=AcknowledgeType.WHEN_EXECUTED, shutdown_timeout=30)
    return run_worker(args) or 0
