"""Texts built from data: indicator names, values with their unit, suppressed groups, levels."""

from __future__ import annotations

import datetime as dt
import math
import re

from signals import definitions
from signals.definitions import INDICATORS_BY_ID
from signals.measures.suppression import COMPLEMENTARY
from signals.texts.formatting import UNIT_SUFFIXES, format_number, format_value, month_label
from signals.texts.i18n import text
from ui.theme import LEVEL_ICONS, level_of


def indicator_name(indicator: str, lang: str) -> str:
    return definitions.indicator_name(indicator, lang)


# Where long Dutch and German compounds may break in a narrow tile ("arbeids-ongevallen",
# "Abwesenheits-häufigkeit"), and "psycho-social" in every language: browsers hyphenate
# only with a dictionary, which headless and kiosk set-ups often lack.
COMPOUND_JOINTS = re.compile(r"(afwezigheids|arbeids|frequentie|ernst|integratie|psycho"
                             r"|kwaliteits|abwesenheits|arbeits|häufigkeits|langzeit|lebens|personal|qualitäts|rücken|schwere|schwer|wieder)"
                             r"(?=[a-zäöü])",
                             re.IGNORECASE)
SOFT_HYPHEN = "\u00ad"


def breakable(name: str) -> str:
    """`name` with soft hyphens at its compound joints: a hyphen shows only at a line break."""
    return COMPOUND_JOINTS.sub(lambda joint: joint.group(1) + SOFT_HYPHEN, name)


MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$&^=])")
ZERO_WIDTH_SPACE = "\u200b"


def plain(value) -> str:
    """Text from a file or a person, for an element that renders Markdown (st.subheader,
    st.warning, st.info...), so it shows as typed: Markdown punctuation escaped, and a
    zero-width space after each ':' so that no ':material/icon:', emoji code or
    'http://' link forms."""
    return MARKDOWN_PUNCTUATION.sub(r"\\\1", str(value)).replace(":", ":" + ZERO_WIDTH_SPACE)


def kind_label(kind: str, lang: str) -> str:
    return definitions.kind_label(kind, lang)


def is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def is_complementary(reason) -> bool:
    """Hidden to protect another group (signals.privacy.COMPLEMENTARY), not for its own size."""
    return reason == COMPLEMENTARY


def suppressed_text(lang: str, min_group_size: int, reason=None) -> str:
    """Why a figure is not shown: its group is small, or it protects another group."""
    if is_complementary(reason):
        return text("suppressed.complementary", lang)
    return text("suppressed.value", lang, n=min_group_size)


def suppressed_short(lang: str, min_group_size: int, reason=None) -> str:
    """The same in a narrow heatmap cell."""
    if is_complementary(reason):
        return text("suppressed.complementary_short", lang)
    return text("suppressed.short", lang, n=min_group_size)


def display_value(value, indicator: str, lang: str, *, suppressed: bool = False,
                  min_group_size: int = 10, reason=None, with_unit: bool = True) -> str:
    """A value in its unit (accident rates with their unit's words unless `with_unit` is
    False); a suppressed group says so (and why) instead of showing a number."""
    if suppressed:
        return suppressed_text(lang, min_group_size, reason)
    return format_value(None if is_missing(value) else float(value),
                        INDICATORS_BY_ID[indicator].unit, lang, with_unit=with_unit)


def unit_words(indicator: str, lang: str) -> str:
    """The words of an hour-based unit ('per miljoen gewerkte uren'); '' for % and counts."""
    return UNIT_SUFFIXES.get(INDICATORS_BY_ID[indicator].unit, {}).get(lang, "")


def change_text(change, indicator: str, lang: str) -> str | None:
    """'+0,4 pt' for a change of a % indicator, '+2' for a count; None when unknown."""
    if is_missing(change):
        return None
    unit = INDICATORS_BY_ID[indicator].unit
    decimals = 0 if unit == "count" else (2 if unit == "per_thousand_hours" else 1)
    if round(abs(float(change)), decimals) == 0:
        return "0"          # Streamlit shows the string "0" as no change: grey, no arrow
    number = format_number(abs(float(change)), lang, decimals)
    sign = "+" if change > 0 else "-"
    suffix = f" {text('unit.points', lang)}" if unit == "%" else ""
    return f"{sign}{number}{suffix}"


def level_label(level, lang: str) -> str:
    mapped = level_of(level)
    return f"{LEVEL_ICONS[mapped]} {text('level.' + mapped, lang)}"


def month_text(month: dt.date, lang: str, short: bool = False) -> str:
    return month_label(month, lang, short=short)


def month_ranges(months, lang: str) -> str:
    """'apr 2010 – dec 2013, mrt 2015': runs of consecutive months as one range."""
    runs: list[list[dt.date]] = []
    for month in sorted(set(months)):
        if runs and _month_number(month) - _month_number(runs[-1][-1]) == 1:
            runs[-1].append(month)
        else:
            runs.append([month])

    def label(run: list[dt.date]) -> str:
        first, last = (month_text(month, lang, short=True) for month in (run[0], run[-1]))
        return first if len(run) == 1 else f"{first} – {last}"

    return ", ".join(map(label, runs))


def _month_number(month: dt.date) -> int:
    return month.year * 12 + month.month


def reason_column(lang: str) -> str:
    return f"reason_{lang}"
