"""Published Belgian reference figures, to put an organisation's indicators in context.

Each figure keeps its source and year so a chart can say where it comes from.
Yearly turnover percentages are spread evenly over twelve months (the label
says so): the dashboard's monthly and rolling 12-month values are both rates per
month. An absence rate is a share of working days, the same per month and per year.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReferenceFigure:
    indicator: str
    yearly_value: float          # as published, in %
    months_in_period: int        # 12: the figure counts events over a year; 1: a rate per day
    source: str
    year: int
    labels: dict[str, str]

    @property
    def monthly_value(self) -> float:
        """The figure on a monthly scale (a yearly count of events divided by 12)."""
        return self.yearly_value / self.months_in_period

    @property
    def converted(self) -> bool:
        return self.months_in_period != 1



REFERENCE_FIGURES: tuple[ReferenceFigure, ...] = (
    ReferenceFigure(
        "absence_rate", 8.57, 1, "Securex", 2024,
        {"nl": "Totale afwezigheid in België", "fr": "Absentéisme total en Belgique",
         "en": "Total absence in Belgium", "de": "Abwesenheit insgesamt in Belgien"},
    ),
    ReferenceFigure(
        "turnover_rate", 17.6, 12, "Securex", 2023,
        {"nl": "Uitstroom in België", "fr": "Taux de sortie en Belgique",
         "en": "Outflow in Belgium", "de": "Abgänge in Belgien"},
    ),
    ReferenceFigure(
        "voluntary_turnover_rate", 11.0, 12, "Securex", 2023,
        {"nl": "Vrijwillige uitstroom in België", "fr": "Départs volontaires en Belgique",
         "en": "Voluntary outflow in Belgium", "de": "Freiwillige Abgänge in Belgien"},
    ),
)

REFERENCES_BY_INDICATOR = {figure.indicator: figure for figure in REFERENCE_FIGURES}


def reference_for(indicator: str) -> ReferenceFigure | None:
    return REFERENCES_BY_INDICATOR.get(indicator)
