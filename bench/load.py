"""A small HTTP/1.1 load generator: N keep-alive connections, each sending the same POST back to back for a fixed
time. The same generator drives both routes in one run, so their ratio is what matters, not the absolute rate.

It runs on the same two cores as the server (and, for stored checks, PostgreSQL), so every microsecond it spends is
taken from them: the request is encoded once, and the connections are plain non-blocking sockets on one ``epoll``
loop (no asyncio streams), an answer read with as few calls as it arrives in. Measured with the seed on
``store=false`` and on the echo, interleaved on one server (2026-12-02, machine at load 2.5–3 from other work):
64–84 µs of CPU a request against 111–199 µs with asyncio's streams, and a receive buffer of 64 KB rather than
1 MB (allocated per call: 31 µs a call). ``LAST`` holds the last run's figure; the bench prints it.
"""

from __future__ import annotations

import selectors
import socket
import time
from collections.abc import Callable

__all__ = ["rate", "request_bytes", "send_once"]

#: The generator's own CPU seconds over requests answered, in its last run (``rate``).
LAST: dict[str, float] = {}


def request_bytes(host: str, path: str, body: bytes, headers: dict[str, str] | None = None) -> bytes:
    extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
    return (f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n{extra}"
            f"Content-Length: {len(body)}\r\n\r\n").encode() + body


class _Answer:
    """Reads one answer after another from a connection: its status, once its whole body is in."""

    __slots__ = ("buffer", "need")

    def __init__(self) -> None:
        self.buffer = b""
        self.need = -1  # the length of head + body once the head is in

    def feed(self, data: bytes) -> int | None:
        """The status of the answer that ``data`` completes, or None while it is incomplete."""
        self.buffer += data
        if self.need < 0:
            end = self.buffer.find(b"\r\n\r\n")
            if end < 0:
                return None
            head = self.buffer[:end].lower()
            at = head.find(b"\r\ncontent-length:")
            length = 0
            if at >= 0:
                stop = head.find(b"\r\n", at + 2)
                length = int(head[at + 17:stop if stop >= 0 else len(head)])
            self.need = end + 4 + length
        if len(self.buffer) < self.need:
            return None
        status = int(self.buffer[9:12])
        self.buffer, self.need = self.buffer[self.need:], -1
        if self.buffer:
            raise RuntimeError("an answer arrived that was not asked for")
        return status


def rate(host: str, port: int, path: str, body: bytes, seconds: float = 5.0, connections: int = 8,
         headers: dict[str, str] | None = None, connected: Callable[[list[socket.socket]], None] | None = None
         ) -> float:
    """Requests per second for ``POST path`` with ``body`` (and ``headers``); the generator's CPU per request goes
    to ``LAST``. ``connected(sockets)`` is called once every connection is made, before the first request (to see
    which server process holds which)."""
    request = request_bytes(host, path, body, headers)
    selector = selectors.DefaultSelector()
    socks = []
    for _ in range(connections):
        sock = socket.create_connection((host, port))
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.setblocking(False)
        socks.append(sock)
        selector.register(sock, selectors.EVENT_READ, _Answer())
    if connected is not None:
        connected(socks)
    count = 0
    cpu = time.process_time()
    start = time.perf_counter()
    until = start + seconds
    try:
        for sock in socks:
            sock.sendall(request)  # a request fits the socket's buffer: it is sent at once
        open_ = len(socks)
        while open_:
            for key, _ in selector.select(1.0):
                sock = key.fileobj
                data = sock.recv(65536)  # type: ignore[union-attr]
                if not data:
                    raise RuntimeError("the server closed a connection")
                status = key.data.feed(data)
                if status is None:
                    continue
                if not 200 <= status < 300:
                    raise RuntimeError(f"status {status}")
                count += 1
                if time.perf_counter() < until:
                    sock.sendall(request)  # type: ignore[union-attr]
                else:
                    selector.unregister(sock)
                    open_ -= 1
        elapsed = time.perf_counter() - start
    finally:
        selector.close()
        for sock in socks:
            sock.close()
    LAST["cpu_us_per_request"] = (time.process_time() - cpu) / max(count, 1) * 1e6
    return count / elapsed


def send_once(host: str, port: int, request: bytes, timeout: float = 30.0) -> int:
    """Send ``request`` (from ``request_bytes``) on a new connection and return the answer's status; raises
    ``OSError`` when nothing listens yet."""
    with socket.create_connection((host, port), timeout=timeout) as sock:
        sock.sendall(request)
        answer = _Answer()
        while True:
            data = sock.recv(65536)
            if not data:
                raise ConnectionError("closed before the answer")
            status = answer.feed(data)
            if status is not None:
                return status
