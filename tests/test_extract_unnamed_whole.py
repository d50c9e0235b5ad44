"""A share whose whole the text does not name ('Transit gets $630 million (15%)', '39% of it'), checked from
article text: the implied whole is said as a whole the article does not name, never as "of ''"."""

from __future__ import annotations

import msgspec

from rules.engine import check
from rules.model import CheckRequest


def test_a_share_of_a_whole_the_text_does_not_name_is_said_without_empty_quotes():
    """'Transit gets $630 million (15%)' (the city budget seed's form): the implied whole is said as a whole the
    article does not name, in English and in the document's language, not as "of ''"."""
    for language, text in [("en", "Transit gets $630 million (15%), parks $210 million (5%)."),
                           ("fr", "Les transports reçoivent 630 millions d'euros (15 %).")]:
        report = check(msgspec.convert({"document": {"language": language}, "text": text}, CheckRequest))
        said = [v.explanation for v in report.verdicts if v.rule == "share_of_whole"]
        assert said and all("''" not in e.en and "« »" not in (e.local or "") for e in said), said
        assert all("'" not in d.label.en for v in report.verdicts for d in v.derived), report.derived
