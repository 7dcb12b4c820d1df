"""Published Belgian reference figures, to put an organisation's indicators in context.

Each figure keeps its source and year so a chart can say where it comes from.
Yearly turnover percentages are spread evenly over twelve months (the label
says so): the dashboard's monthly and rolling 12-month values are both rates per
month. An absence rate is a share of working days, the same per month and per year.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..texts.catalogue import message, template


@dataclass(frozen=True)
class ReferenceFigure:
    indicator: str
    yearly_value: float          # as published, in %
    months_in_period: int        # 12: the figure counts events over a year; 1: a rate per day
    source: str
    year: int

    def label(self, lang: str) -> str:
        """'Total absence in Belgium': what the figure is, for people."""
        return template(f"reference.{self.indicator}", lang)

    @property
    def monthly_value(self) -> float:
        """The figure on a monthly scale (a yearly count of events divided by 12)."""
        return self.yearly_value / self.months_in_period

    @property
    def converted(self) -> bool:
        return self.months_in_period != 1


REFERENCE_FIGURES: tuple[ReferenceFigure, ...] = (
    ReferenceFigure("absence_rate", 8.57, 1, "Securex", 2024),
    ReferenceFigure("turnover_rate", 17.6, 12, "Securex", 2023),
    ReferenceFigure("voluntary_turnover_rate", 11.0, 12, "Securex", 2023),
)

REFERENCES_BY_INDICATOR = {figure.indicator: figure for figure in REFERENCE_FIGURES}


def reference_for(indicator: str) -> ReferenceFigure | None:
    return REFERENCES_BY_INDICATOR.get(indicator)


# "reference.<indicator>".
# Texts (English source): translations in signals/texts/locale/<lang>/LC_MESSAGES/messages.po.
message("reference.absence_rate", "Total absence in Belgium")
message("reference.turnover_rate", "Outflow in Belgium")
message("reference.voluntary_turnover_rate", "Voluntary outflow in Belgium")
