"""How ``tadqiq serve`` runs uvicorn: its HTTP protocol with Nagle's algorithm off on every connection, and with
several server processes, a listening socket of each process's own on the same port (``SO_REUSEPORT``).

With several worker processes uvicorn binds the listening socket itself, without naming TCP as its protocol, so
asyncio does not set ``TCP_NODELAY`` on the connections it accepts (it does only for sockets it knows are TCP).
An answer written in two parts then waits for the client's delayed ACK: 40 ms per request on a kept-alive
connection, measured at 44 ms against 1 ms with one process. This protocol sets it on every TCP connection.

uvicorn's processes share one listening socket, and asyncio accepts every connection that is waiting when its
process wakes: kept-alive connections opened together all went to one process, and the other sat idle (measured:
server CPU 0.0 s and 3.9 s over 4 s of load with 16 connections, two processes no faster than one). With a socket
per process bound with ``SO_REUSEPORT``, the kernel spreads new connections over the processes. The supervisor
binds the port first without listening, so a port already in use is a clear error at once, and holds it."""

from __future__ import annotations

import socket

from uvicorn.config import Config
from uvicorn.protocols.http.auto import AutoHTTPProtocol
from uvicorn.supervisors import multiprocess

__all__ = ["NoDelayHTTP", "serve_processes"]


class NoDelayHTTP(AutoHTTPProtocol):  # type: ignore[misc, valid-type]
    def connection_made(self, transport) -> None:  # type: ignore[no-untyped-def]
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)


def _bound(host: str, port: int) -> socket.socket:
    """A TCP socket bound to ``host:port`` with ``SO_REUSEPORT`` (every socket of the group must set it)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    sock.set_inheritable(True)
    return sock


class _OwnSocketProcess(multiprocess.Process):
    """A uvicorn server process that listens on a socket of its own (uvicorn listens on it with its backlog)."""

    def target(self, sockets: list[socket.socket] | None = None) -> None:  # pragma: no cover - in the child
        super().target([_bound(self.config.host, self.config.port)])


def serve_processes(config: Config) -> None:
    """Run ``config.workers`` server processes on one port, each with its own listening socket; uvicorn's
    supervisor restarts a process that dies and stops them all on SIGTERM. Where the system has no
    ``SO_REUSEPORT``, or the port is 0 (each process would get another port), they share one socket."""
    if not hasattr(socket, "SO_REUSEPORT") or not config.port:
        multiprocess.Multiprocess(config, sockets=[config.bind_socket()]).run()
        return
    holder = _bound(config.host, config.port)  # not listening: it receives no connection, and keeps the port ours
    multiprocess.Process = _OwnSocketProcess  # type: ignore[misc]  # the supervisor makes its processes by this name
    try:
        multiprocess.Multiprocess(config, sockets=[]).run()
    finally:
        holder.close()
