"""The scale bench's view of the server processes: which process holds which connection (``ss``), as the stored
checks' line prints it."""

from __future__ import annotations

import os
import shutil
import socket

import pytest

from bench.load import rate
from bench.scale import holders


@pytest.mark.skipif(shutil.which("ss") is None, reason="needs ss (iproute2)")
def test_holders_names_the_process_of_each_connection():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        port = listener.getsockname()[1]
        clients = [socket.create_connection(("127.0.0.1", port)) for _ in range(3)]
        accepted = [listener.accept()[0] for _ in clients]
        try:
            held = holders(port)
            assert {c.getsockname()[1]: os.getpid() for c in clients} == held
        finally:
            for s in clients + accepted:
                s.close()


def test_rate_calls_back_once_connected_before_the_first_request():
    """``connected`` sees every connection open, and nothing sent yet."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        port = listener.getsockname()[1]
        seen, accepted = [], []

        def connected(socks):
            accepted.extend(listener.accept()[0] for _ in socks)
            for conn in accepted:
                conn.setblocking(False)
                with pytest.raises(BlockingIOError):
                    conn.recv(1)  # nothing sent before the callback returns
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
            seen.append(len(socks))

        try:
            assert rate("127.0.0.1", port, "/", b"{}", seconds=0.0, connections=2, connected=connected) > 0
        finally:
            for conn in accepted:
                conn.close()
        assert seen == [2]
