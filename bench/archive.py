"""A generated archive of seed-like articles, for the batch benchmark and the batch test: the seed article
(``seeds/tiktok-m2``) with its figures, month and title varied per article, so that no two articles read the same
figures (a batch of them exercises the cold path, as a real archive does)."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path

SEED = Path(__file__).resolve().parent.parent / "seeds" / "tiktok-m2" / "claims.json"
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]


def articles(n: int, seed: int = 5) -> Iterator[bytes]:
    """``n`` check requests as compact JSON lines (without the newline)."""
    base = json.loads(SEED.read_text("utf-8"))
    rnd = random.Random(seed)
    for i in range(n):
        users = rnd.randint(60, 400)
        values = {"users": f"نحو {users} مليون مستخدم",
                  "revenue": f"ما يقارب {rnd.randint(30, 200) / 10} مليار دولار سنوياً",
                  "share": f"{rnd.randint(20, 90)}%", "minutes": f"حوالي {rnd.randint(20, 200)} دقائق يوميًا",
                  "views": f"{rnd.randint(5, 90)} مليار مشاهدة شهرياً",
                  "m2_cost": f"بتكلفة تقديرية تبلغ {rnd.randint(10, 99) / 10} مليار دولار"}
        claims = [dict(c, value=values[c["id"]]) if c["id"] in values else c for c in base["claims"]]
        month = MONTHS[rnd.randrange(12)]
        claims = [dict(c, time=f"بحلول {month} 2025") if c["id"] == "m2_launch" else c for c in claims]
        request = {**base, "document": {**base["document"], "title": f"{base['document']['title']} ({i})"},
                   "claims": claims}
        yield json.dumps(request, ensure_ascii=False, separators=(",", ":")).encode()
