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

from ..texts.catalogue import message, template
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
_ENGLISH_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}


def ordinal(number: int, lang: str, *, feminine: bool = False) -> str:
    """3 -> 'third' (en), '3e' (nl), '3e' (fr), '3.' (de); 21 -> '21st', '21e', '21e', '21.'.

    English spells out 1 to 12 and then writes 13th, 21st, 22nd, 23rd, 111th; French writes
    '1er' ('1re' before a feminine noun: the sentences' 'mois' is masculine) and 'e' after
    the others; Dutch 'e' after every number; German a full stop.
    """
    number = int(number)
    if lang == "en":
        if 1 <= number <= len(_ENGLISH_ORDINALS):
            return _ENGLISH_ORDINALS[number - 1]
        suffix = "th" if number % 100 in (11, 12, 13) else _ENGLISH_SUFFIXES.get(number % 10, "th")
        return f"{number}{suffix}"
    if lang == "de":
        return f"{number}."
    if lang == "fr" and number == 1:
        return "1re" if feminine else "1er"
    return f"{number}e"


# "run.first" and "run.ongoing" (with {ordinal} and {since}).
# Texts (English source): translations in signals/texts/locale/<lang>/LC_MESSAGES/messages.po.
message("run.first", "new signal this month")
message("run.ongoing", "signal for the {ordinal} month in a row, since {since}")


def run_phrase(since: dt.date, months: int, lang: str) -> str:
    """'signal for the third month in a row, since March 2024' / 'new signal this month'."""
    months = int(months)
    if months <= 1:
        return template("run.first", lang)
    return template("run.ongoing", lang).format(ordinal=ordinal(months, lang),
                                                since=month_label(since, lang))
