"""'Since', 'months in a row' and 'this month', defined once for every screen and file.

For a department-indicator and a month with a signal (any rule, watch or alert):

- months in a row: the number of consecutive months, this month included, in which the
  department-indicator had a signal (the alerts CSV has a row for each of them);
- since: the first of those months (the first month of the current uninterrupted run);
- this month: the month looked at; "this month's value" is the indicator's value in that
  month, never a limit.

signals.alerts.detection computes them (run_lengths, run_starts) for every signal; the sentences
(signals.alerts.sentences), the hotspot headings and lines, the heatmap, the trend chart and
the CSV all read those columns, so they cannot disagree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from ..texts.formatting import month_label


@dataclass(frozen=True)
class SignalRun:
    """The run of signalled months that ends in `month` (see the module docstring)."""
    month: dt.date
    since: dt.date
    months: int

    def phrase(self, lang: str) -> str:
        return run_phrase(self.since, self.months, lang)


def run_lengths(signalled: np.ndarray) -> np.ndarray:
    """Months in a row with a signal, per [department, month] cell (0 where none)."""
    from .spc import consecutive_count

    return consecutive_count(signalled)


def run_starts(months: np.ndarray, month_index: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The first month of each run: `months[month_index - length + 1]`."""
    return months[month_index - lengths + 1]


_ENGLISH_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                     "eighth", "ninth", "tenth", "eleventh", "twelfth")


def ordinal(number: int, lang: str) -> str:
    """3 -> 'third' (en), '3e' (nl), '3e' (fr), '3.' (de)."""
    if lang == "en":
        return _ENGLISH_ORDINALS[number - 1] if 1 <= number <= 12 else f"{number}th"
    if lang == "de":
        return f"{number}."
    return f"{number}e"


_FIRST = {"nl": "nieuw signaal deze maand", "fr": "nouveau signal ce mois-ci",
          "en": "new signal this month", "de": "neues Signal in diesem Monat"}
_RUN = {
    "nl": "{ordinal} maand op rij met een signaal, sinds {since}",
    "fr": "{ordinal} mois consécutif avec un signal, depuis {since}",
    "en": "signal for the {ordinal} month in a row, since {since}",
    "de": "{ordinal} Monat in Folge mit einem Signal, seit {since}",
}


def run_phrase(since: dt.date, months: int, lang: str) -> str:
    """'signal for the third month in a row, since March 2024' / 'new signal this month'."""
    months = int(months)
    if months <= 1:
        return _FIRST[lang]
    return _RUN[lang].format(ordinal=ordinal(months, lang), since=month_label(since, lang))
