"""``POST /v1/normalise`` over HTTP: the seed article's figures read exactly as MISSION.md lists them, per-figure
problems that do not fail the batch, conversions at the publication date, and RFC 9457 answers for bad bodies."""

from __future__ import annotations

import json
from fractions import Fraction

from conftest import ROOT

SEED = json.loads((ROOT / "seeds" / "tiktok-m2" / "claims.json").read_text("utf-8"))


def post(client, body):
    return client.post("/v1/normalise", content=json.dumps(body), headers={"content-type": "application/json"})


def test_the_seed_articles_figures_read_as_a_fact_checker_reads_them(client):
    claims = {c["id"]: c for c in SEED["claims"] if "value" in c}
    figures = [{"text": c["value"], **({"per": c["per"]} if "per" in c else {})} for c in claims.values()]
    r = post(client, {"language": "ar", "figures": figures})
    assert r.status_code == 200
    read = {cid: f["reading"] for cid, f in zip(claims, r.json()["figures"], strict=True)}
    expected = {  # about 170 M users; ~$12.3 B a year; 68 %; ~107 min a day per user; 47 B views a month; ~$4.7 B;
        # "could reach billions of dollars a year"
        "users": ("156500000", "183500000", "approximate", "user", None, None, "170000000"),
        "revenue": ("11635000000", "12965000000", "approximate", None, "USD", "year", "12300000000"),
        "share": ("67.5", "68.5", "exact", "percent", None, None, "68"),
        "minutes": ("101.15", "112.85", "approximate", "minute", None, "day", "107"),
        "views": ("46500000000", "47500000000", "exact", "view", None, "month", "47000000000"),
        "m2_cost": ("4415000000", "4985000000", "approximate", None, "USD", None, "4700000000"),
        "losses": ("0", "1000000000000", "upper", None, "USD", "year", None),
    }
    for cid, (low, high, bound, unit, currency, period, value) in expected.items():
        got = read[cid]
        assert (got["low"], got["high"], got["bound"], got.get("unit"), got.get("currency"), got.get("period"),
                got.get("value")) == (low, high, bound, unit, currency, period, value), (cid, got)
    assert read["minutes"]["per"] == "user"
    assert "approximate: ±5 %" in read["revenue"]["policy"]
    assert any("USD" in a for a in read["revenue"]["assumptions"])


def test_a_bad_figure_is_a_problem_of_its_own_and_the_rest_is_read(client):
    r = post(client, {"language": "en", "figures": ["1E999999999", "COVID-19", "$4.7bn", "9**9**9"]})
    assert r.status_code == 200
    figures = r.json()["figures"]
    assert [f.get("problem", {}).get("code") for f in figures] == ["notation", "name", None, "notation"]
    assert figures[1]["problem"]["field"] == "figures[1]" and "COVID-19" in figures[1]["problem"]["message"]
    assert figures[2]["reading"]["currency"] == "USD"


def test_money_in_other_currencies_at_the_publication_date(client):
    body = {"language": "en", "published": "2024-03-01", "figures": ["$1,081.3", "5 riyals", "12 kg"],
            "currencies": ["EUR", "SAR", "EGP"], "rates": [{"base": "USD", "quote": "EGP", "rate": "48.5"}]}
    figures = post(client, body).json()["figures"]
    dollars = {c["currency"]: c for c in figures[0]["conversions"]}
    low, high = (Fraction(dollars["EUR"]["range"][end]) for end in ("low", "high"))
    exact_low, exact_high = Fraction("1081.25") / Fraction("1.0813"), Fraction("1081.35") / Fraction("1.0813")
    assert low <= exact_low < low + Fraction(1, 10 ** 8) and high - Fraction(1, 10 ** 8) < exact_high <= high
    assert "ECB reference rate of 2024-03-01" in dollars["EUR"]["source"]
    assert dollars["SAR"]["source"].startswith("fixed peg") and dollars["EGP"]["range"]["low"] == "52440.625"
    riyals = {c["currency"]: c for c in figures[1]["conversions"]}
    assert set(riyals) == {"EUR", "EGP"}, "no conversion to the currency it is already in"
    assert "conversions" not in figures[2]


def test_without_a_date_floating_currencies_have_no_rate_and_say_why(client):
    body = {"language": "ar", "figures": ["5 مليارات دولار"], "currencies": ["EUR", "AED"]}
    conversions = {c["currency"]: c for c in post(client, body).json()["figures"][0]["conversions"]}
    assert "range" not in conversions["EUR"] and "published" in conversions["EUR"]["reason"]
    assert conversions["AED"]["range"]["low"] == "16526250000", "4.5 B × 3.6725: a peg needs no date"


def test_bad_bodies_are_problems(client):
    assert post(client, {"language": "ar"}).status_code == 422
    assert post(client, {"language": "ar", "figures": ["x" * 301]}).status_code == 422
    assert post(client, {"language": "ar", "figures": ["1"], "currencies": ["usd"]}).status_code == 422
    assert post(client, {"language": "ar", "figures": ["1"] * 1001}).status_code == 422
    r = client.post("/v1/normalise", content=b"{", headers={"content-type": "application/json"})
    assert r.status_code == 400 and r.headers["content-type"].startswith("application/problem+json")


def test_every_schema_the_document_refers_to_is_in_it():
    import re

    document = json.loads((ROOT / "openapi" / "openapi.json").read_text("utf-8"))
    refs = set(re.findall(r"#/components/schemas/(\w+)", json.dumps(document)))
    assert refs <= set(document["components"]["schemas"]), refs - set(document["components"]["schemas"])
    body = document["paths"]["/v1/normalise"]["post"]["requestBody"]
    assert body["required"] and "Figure" in document["components"]["schemas"]
