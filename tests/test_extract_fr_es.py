"""Spanish and French frames of news copy read from article text (issue 12): a change printed before the two
levels it joins ('bajó un 0,4%, hasta el 6,1%, frente al 6,5%'), tenths of a point ('tres décimas', 'trois
dixièmes'), and the near misses that must not be read so. Kept apart from ``test_extract.py`` so that the
languages' work merges without conflicts; the helpers are the same."""

from __future__ import annotations

import msgspec
import pytest

from rules.engine import check
from rules.extract import extract
from rules.model import Change, CheckRequest


def _changes(x) -> list[tuple[str, str, str | None]]:
    printed = {c.id: c.value for c in x.claims}
    return [(printed[r.before], printed[r.after], printed.get(r.change) if r.change else None)
            for r in x.relations if isinstance(r, Change)]


def _verdicts(text: str, language: str, published: str | None = None) -> list[tuple[str, str, str | None]]:
    document = {"language": language, **({"published": published} if published else {})}
    report = check(msgspec.convert({"document": document, "text": text}, CheckRequest))
    return [(v.rule, v.status, v.cause.code if v.cause else None) for v in report.verdicts]


# -- a change printed before the levels it joins ---------------------------------------------------------------------
@pytest.mark.parametrize(("language", "text", "changes"), [
    # corpus/slips/es.toml hispanidad-2022-ipc-enero-puntos, as printed
    ("es", "El IPC bajó un 0,4% en enero de 2022 en tasa anual, hasta el 6,1%, frente al 6,5% de diciembre de 2021.",
     [("6,5%", "6,1%", "bajó un 0,4%")]),
    ("es", "El IPC repuntó tres décimas en enero, hasta el 3,3%, frente al 3% de diciembre.",
     [("3%", "3,3%", "repuntó tres décimas")]),
    ("es", "La tasa de paro bajó tres décimas, desde el 12,4% de marzo de 2023 hasta el 12,1%.",
     [("12,4%", "12,1%", "bajó tres décimas")]),
    ("es", "La tasa de paro bajó tres décimas, del 12,4% de marzo al 12,1%.", [("12,4%", "12,1%", "bajó tres décimas")]),
    ("fr", "Le taux de chômage recule de 0,3 %, à 7,1 %, contre 7,4 % au trimestre précédent.",
     [("7,4 %", "7,1 %", "recule de 0,3 %")]),
    ("fr", "Le taux de chômage a reculé de trois dixièmes de point, à 7,1 %, contre 7,4 % au trimestre précédent.",
     [("7,4 %", "7,1 %", "reculé de trois dixièmes de point")]),
    ("en", "The annual inflation rate fell 0.4% in January to 6.1% from 6.5% in December.",
     [("6.5%", "6.1%", "fell 0.4%")]),
])
def test_a_change_printed_before_its_two_levels_is_their_change(language, text, changes):
    assert _changes(extract(text, language)) == changes


@pytest.mark.parametrize(("language", "text", "changes"), [
    # INE, EPA third quarter of 2023: the number of unemployed rose 3.36%, the rate to 11.84% from 11.60%; the
    # sentence names the rate after the count's change: the 3,36% is the count's
    ("es", "El número de parados subió un 3,36% en el tercer trimestre de 2023, y la tasa de paro, hasta el 11,84%, "
           "frente al 11,60% del trimestre anterior.", [("11,60%", "11,84%", None)]),
    ("en", "The number of jobless fell 2%, and the rate to 4.1% from 4.3%.", [("4.3%", "4.1%", None)]),
    # INE, CPI March 2016: prices rose 0.6% on February, the annual rate four tenths to -0.7% (from -1.1%): the
    # 0,6% has a base of its own ('respecto a febrero')
    ("es", "El IPC subió un 0,6% en marzo respecto a febrero, hasta el -0,7%, desde el -1,1% de febrero.",
     [("-1,1%", "-0,7%", None)]),
    # a change over another period: the monthly rate is not the annual one
    ("es", "El IPC subió un 0,1% mensual, hasta el 1,2%, frente al 1,1% de febrero.", [("1,1%", "1,2%", None)]),
    # another figure between the change and the levels: that figure's change
    ("es", "Las ventas subieron un 4%, hasta 300 millones de euros, y el margen, hasta el 12%, frente al 11%.",
     [("11%", "12%", None)]),
])
def test_a_change_that_names_or_measures_something_else_is_not_attached(language, text, changes):
    got = _changes(extract(text, language))
    assert [(b, a) for b, a, _ in got] == [(b, a) for b, a, _ in changes] and all(c is None for _, _, c in got), got


def test_the_change_of_a_count_before_a_rate_raises_no_alarm():
    """The near miss checked from its text: nothing inconsistent (a wrong attachment would say 3,36% is not the
    rate's change of 2.07%)."""
    text = ("El número de parados subió un 3,36% en el tercer trimestre de 2023, y la tasa de paro, hasta el 11,84%, "
            "frente al 11,60% del trimestre anterior.")
    assert [v for v in _verdicts(text, "es", "2023-10-27") if v[1] == "inconsistent"] == []


@pytest.mark.parametrize(("language", "text", "status", "cause"), [
    ("es", "El IPC bajó un 0,4% en enero de 2022 en tasa anual, hasta el 6,1%, frente al 6,5% de diciembre de 2021.",
     "inconsistent", "points_for_percent"),
    ("es", "El IPC bajó 0,4 puntos en enero de 2022 en tasa anual, hasta el 6,1%, frente al 6,5% de diciembre de 2021.",
     "consistent", None),
    ("es", "El IPC repuntó tres décimas en enero, hasta el 3,3%, frente al 3,0% de diciembre.", "consistent", None),
    ("es", "El IPC repuntó cinco décimas en enero, hasta el 3,3%, frente al 3,0% de diciembre.", "inconsistent", None),
    ("fr", "Le taux de chômage recule de trois dixièmes de point, à 7,1 %, contre 7,4 % au trimestre précédent.",
     "consistent", None),
    ("fr", "Le taux de chômage recule de 0,3 %, à 7,1 %, contre 7,4 % au trimestre précédent.", "inconsistent",
     "points_for_percent"),
])
def test_tenths_of_a_point_and_percent_for_points_from_text(language, text, status, cause):
    changes = [v for v in _verdicts(text, language, "2022-02-15") if v[0] == "change"]
    assert changes == [("change", status, cause)], changes


# -- the reader's words ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "language", "direction"), [
    ("repuntó tres décimas", "es", 1),
    ("elevó una décima", "es", 1),
    ("recortó dos décimas", "es", -1),
    ("recule de 0,4 %", "fr", -1),
    ("reculent de 2 %", "fr", -1),
])
def test_words_of_change_in_spanish_and_french_copy(text, language, direction):
    from rules.normalise.changes import movement

    mv = movement(text, language)
    assert mv is not None and mv.direction == direction


# -- what a measure leaves out ('variant' in rules/data/extract/fr.toml, es.toml) -------------------------------------
@pytest.mark.parametrize(("language", "text"), [
    ("fr", "Le résultat hors éléments exceptionnels s'élève à 525 millions d'euros, et les éléments exceptionnels à 99 "
           "millions d'euros."),
    ("fr", "Le bénéfice avant impôts s'est établi à 2,8 milliards d'euros. Après des impôts de 0,7 milliard d'euros, le "
           "bénéfice a atteint 2,1 milliards d'euros."),
    ("es", "El beneficio antes de impuestos fue de 2.800 millones de euros. Tras unos impuestos de 700 millones de "
           "euros, el beneficio fue de 2.100 millones de euros."),
])
def test_what_a_measure_leaves_out_is_part_of_its_label_in_french_and_spanish(language, text):
    """'hors éléments exceptionnels', 'avant impôts', 'antes de impuestos' name what the measure leaves out: a later
    mention of the items ('les éléments exceptionnels', 'unos impuestos') is not a shorter mention of the measure
    (main said 525 and 99 million were one figure stated twice)."""
    assert [v for v in _verdicts(text, language) if v[1] == "inconsistent"] == []
    metrics = [c.metric for c in extract(text, language).claims if getattr(c, "metric", None)]
    assert len(set(metrics)) == len(metrics), metrics


# -- the time a change is compared with ------------------------------------------------------------------------------
@pytest.mark.parametrize(("language", "text", "value", "time"), [
    # seeds/tourism-spain-es: the September 2024 spending was dated September 2023, the 9,1%'s base
    ("es", "Solo en septiembre de 2024 llegaron 9,6 millones de turistas, un 9,1% más que en septiembre de 2023, y "
           "gastaron 12.615 millones de euros, un 12,7% más.", "12.615 millones de euros", "en septiembre de 2024"),
    ("fr", "En septembre 2024, 9,6 millions de touristes sont arrivés, en hausse de 9,1 % par rapport à septembre "
           "2023, et ont dépensé 12,6 milliards d'euros.", "12,6 milliards d'euros", "En septembre 2024"),
    # corpus/slips/es.toml efe-2023-frontur-mayo: the time right after the figure compared is that figure's
    ("es", "Solo en mayo de 2023 llegaron 8,2 millones de turistas, frente a 8 millones en mayo de 2019, y su gasto "
           "alcanzó 9.723 millones de euros.", "9.723 millones de euros", "en mayo de 2023"),
    # near miss: a time of its own clause, after no comparison, is the figure's
    ("es", "En septiembre de 2024 llegaron 9,6 millones de turistas, y en septiembre de 2023 gastaron 11.000 millones "
           "de euros.", "11.000 millones de euros", "en septiembre de 2023"),
])
def test_the_time_a_change_is_compared_with_is_not_the_next_figures(language, text, value, time):
    claims = {c.value: c for c in extract(text, language).claims}
    assert claims[value].time == time


# -- French francs -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("tag", "published", "text", "unit"), [
    ("fr", "1995-06-01", "3 millions de francs", "FRF"),  # before the euro, 'francs' in French are French francs
    ("fr", "2010-06-01", "500 francs suisses", "CHF"),
    ("fr", None, "500 francs suisses", "CHF"),
    ("fr-BE", "1995-06-01", "500 francs", "BEF"),  # the territory's franc on the day
    ("fr-SN", "2010-06-01", "500 francs CFA", "XOF"),
    ("fr-CH", None, "500 francs", "CHF"),
    ("de", None, "500 Franken", "CHF"),  # German 'Franken' are Swiss
])
def test_francs_are_the_ones_the_document_territory_or_date_says(tag, published, text, unit):
    import datetime as dt

    from rules.normalise.values import read_value

    m = read_value(text, tag, published=dt.date.fromisoformat(published) if published else None)
    assert m.unit == unit


@pytest.mark.parametrize(("published", "text"), [
    ("2010-06-01", "500 francs"),  # after the euro: Swiss, CFA or another franc: not said, refused (was CHF)
    (None, "3 millions de francs"),
    ("2010-06-01", "500 francs CFA"),  # West or Central African: the territory says (was CHF)
])
def test_francs_nothing_settles_are_refused_never_swiss_by_default(published, text):
    import datetime as dt

    from rules.normalise.errors import Unreadable
    from rules.normalise.values import read_value

    with pytest.raises(Unreadable) as err:
        read_value(text, "fr", published=dt.date.fromisoformat(published) if published else None)
    assert err.value.code == "ambiguous_currency"


def test_a_sum_in_francs_from_a_text_before_the_euro_is_checked_in_francs():
    text = ("En 1998, le groupe a réalisé un chiffre d'affaires de 12 milliards de francs, dont 4 milliards de francs "
            "à l'étranger.")
    document = {"language": "fr", "published": "1998-06-01"}
    report = check(msgspec.convert({"document": document, "text": text}, CheckRequest))
    units = {c.value.currency for c in report.claims if c.value is not None}
    assert units == {"FRF"}, units
    assert [v.status for v in report.verdicts if v.rule == "parts_sum"] == ["consistent"]


# -- '83.000' in French --------------------------------------------------------------------------------------------
def _read_figures(text: str) -> tuple[dict[str, str | None], list[str]]:
    report = check(msgspec.convert({"document": {"language": "fr"}, "text": text}, CheckRequest))
    return {c.value.text: c.value.low for c in report.claims if c.value is not None}, [p.code for p in report.problems]


def test_a_point_before_three_digits_groups_thousands_in_a_french_text_whose_decimals_are_commas():
    """Belgian and wire copy in French group thousands with a point and mark decimals with a comma (Belga via
    trends.levif.be: '432.484 demandeurs d'emploi …, soit une hausse de 3,6%'); CLDR's French groups with a space,
    so '432.484' alone is ambiguous. A text that marks its own decimals with a comma, and never with a point, says
    which: the thousands."""
    figures, problems = _read_figures("En moyenne annuelle, il y avait 432.484 demandeurs d'emploi en Belgique en 2013, "
                                      "soit une hausse de 3,6 %, dont 194.014 en Wallonie.")
    assert figures["432.484"] == "432483.5" and figures["194.014"] == "194013.5" and problems == []


@pytest.mark.parametrize("text", [
    "En 2013, il y avait 432.484 demandeurs d'emploi en Belgique, et le taux était de 8.5 %.",  # a point decimal too
    "En 2013, il y avait 432.484 demandeurs d'emploi en Belgique.",  # no decimal at all: nothing says which
])
def test_a_point_before_three_digits_stays_ambiguous_when_the_text_does_not_say(text):
    figures, problems = _read_figures(text)
    assert "432.484" not in figures and "ambiguous_separator" in problems


# -- 'hasta' after a change: the level reached, not 'up to' -------------------------------------------------------
@pytest.mark.parametrize(("text", "value", "bound"), [
    # corpus/slips/es.toml eleconomista-2024-iberdrola-nueve-meses: read as 'at most 5,470 million' (0 to 5,470)
    ("El beneficio neto de Iberdrola subió un 50%, hasta 5.470 millones de euros, frente a 3.637 millones de euros un "
     "año antes.", "5.470 millones de euros", "exact"),
    ("El paro bajó en 70.800 personas en el tercer trimestre de 2010, hasta 4.574.700 desempleados.", "4.574.700",
     "exact"),
    # near misses: no change before it, or a base of its own between: 'up to', as the reader reads it
    ("La empresa podrá invertir hasta 500 millones de euros.", "hasta 500 millones de euros", "upper"),
    # 'hasta un 20%' is 'up to' after a change too (it was read as exactly 20%: the window left 'hasta un' out)
    ("Las tarifas subieron un 5%, hasta un 20% en algunos casos.", "hasta un 20%", "upper"),
    ("Las ventas crecieron más de un 20% en 2023.", "más de un 20%", "lower"),
    ("Las ventas subieron un 4% respecto a febrero, hasta 300 millones de euros.", "hasta 300 millones de euros",
     "upper"),
])
def test_hasta_right_after_a_change_opens_the_level_reached(text, value, bound):
    report = check(msgspec.convert({"document": {"language": "es"}, "text": text}, CheckRequest))
    readings = {c.value.text: c.value.bound for c in report.claims if c.value is not None}
    assert readings.get(value) == bound, readings


def test_hundredths_of_a_point_from_text():
    """INE's EPA copy counts a rate's moves in hundredths of a point ('24 centésimas'): was the number 24."""
    text = ("La tasa de paro subió 24 centésimas en el tercer trimestre de 2023, hasta el 11,84%, frente al 11,60% del "
            "segundo trimestre.")
    assert [v for v in _verdicts(text, "es", "2023-10-27") if v[0] == "change"] == [("change", "consistent", None)]
    wrong = text.replace("24 centésimas", "42 centésimas")
    assert [v for v in _verdicts(wrong, "es", "2023-10-27") if v[0] == "change"] == [
        ("change", "inconsistent", None)]
