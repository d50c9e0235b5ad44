"""``service.work``: what a check costs around the engine."""

from __future__ import annotations

import gc
from pathlib import Path

from service.work import Checked, check_json

SEED = Path(__file__).resolve().parent.parent / "seeds" / "tiktok-m2" / "claims.json"


def test_no_cycle_collection_from_decoding_to_encoding():
    """The collector is paused over the whole of ``check_json``, decoding and encoding included (a collection set
    off by the decoded request traverses what the check then keeps alive), and is enabled again after it: with a
    threshold of 10 the seed's decoding alone set off three collections when only the check was paused."""
    body = SEED.read_bytes()
    check_json(body)  # the lexicons and memos a first check builds
    collections: list[int] = []

    def seen(phase: str, info: dict) -> None:
        if phase == "start":
            collections.append(info["generation"])

    was, threshold = gc.isenabled(), gc.get_threshold()
    gc.enable()
    gc.collect()
    gc.set_threshold(10)  # decoding the seed's request allocates dozens of tracked objects: collections, unpaused
    gc.callbacks.append(seen)
    try:
        done = check_json(body)
        during = list(collections)
        [[] for _ in range(100)]  # the collector runs again afterwards
        after = len(collections) - len(during)
    finally:
        gc.callbacks.remove(seen)
        gc.set_threshold(*threshold)
        if not was:
            gc.disable()
    assert isinstance(done, Checked) and done.claims > 0
    assert len(during) <= 1, during  # the one set off as the collector is enabled again, at the very end
    assert after > 0
