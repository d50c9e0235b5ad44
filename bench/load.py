"""A small HTTP/1.1 load generator: N keep-alive connections, each sending the same POST back to back for a fixed
time. The same generator drives both routes in one run, so their ratio is what matters, not the absolute rate."""

from __future__ import annotations

import asyncio
import time


async def _worker(host: str, port: int, request: bytes, until: float, counts: list[int]) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.perf_counter() < until:
            writer.write(request)
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = 0
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            await reader.readexactly(length)
            if not 200 <= status < 300:
                raise RuntimeError(f"status {status}")
            counts[0] += 1
    finally:
        writer.close()


def rate(host: str, port: int, path: str, body: bytes, seconds: float = 5.0, connections: int = 8,
         headers: dict[str, str] | None = None) -> float:
    """Requests per second for ``POST path`` with ``body`` (and ``headers``)."""
    extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
    request = (f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n{extra}"
               f"Content-Length: {len(body)}\r\n\r\n").encode() + body
    counts = [0]

    async def run() -> float:
        start = time.perf_counter()
        until = start + seconds
        await asyncio.gather(*(_worker(host, port, request, until, counts) for _ in range(connections)))
        return counts[0] / (time.perf_counter() - start)

    return asyncio.run(run())
