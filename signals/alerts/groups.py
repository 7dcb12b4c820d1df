"""Indicator groups at a glance, and the indicators the committee follows on the overview.

The groups are the HGR's themes (definitions.INDICATOR_GROUPS). A group's light is the worst
of its indicators' lights, in the order of LIGHT_ORDER: an alert, else a watch, else
"incomplete" (records still to come: a "no signal" could rest on figures that are too low),
else "no signal" (ok), else the calm states "unjudged" (too little history) and "no data".
`group_lights` gives, per group in its order, that light and how many indicators signal.

The committee's followed indicators (shown first, as tiles) are a setting in the database's
meta table (key FOLLOWED_KEY, the ids joined by commas); `followed_indicators` reads it,
`set_followed_indicators` checks and stores it. Without a setting: DEFAULT_FOLLOWED.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .. import store
from ..definitions import INDICATOR_GROUPS, INDICATOR_IDS
from ..texts.catalogue import message, plural_message

# Worst first. "ok" is a judged month without a signal.
LIGHT_ORDER = ("alert", "watch", "incomplete", "ok", "unjudged", "no_data")
SIGNAL_LIGHTS = ("alert", "watch")

FOLLOWED_KEY = "followed_indicators"
# Two rows of five tiles, across the themes: absence (3), turnover, accidents (2), psychosocial,
# re-integration, workload. The observations of the physician and adviser stay in their group.
DEFAULT_FOLLOWED: tuple[str, ...] = (
    "absence_rate", "absence_frequency", "long_term_absentees", "voluntary_turnover_rate",
    "work_accident_rate", "aggression_rate", "psychosocial_request_rate",
    "reintegration_request_rate", "psychological_complaints_rate", "hours_per_fte",
)
# Every indicator in the order of its theme: the order of tiles and choices.
GROUPED_IDS: tuple[str, ...] = tuple(indicator for members in INDICATOR_GROUPS.values()
                                     for indicator in members)
MAX_FOLLOWED = 15           # three rows of tiles: more would push the groups off the screen


class FollowedRefused(ValueError):
    """A followed-indicators setting that cannot be stored; `reason` names why ('empty',
    'too_many', 'unknown')."""

    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"Followed indicators refused ({reason}){': ' + detail if detail else ''}.")
        self.reason = reason


def light(level) -> str:
    """A level of the overview (None, 'watch', 'alert', 'unjudged', 'no_data', 'incomplete';
    anything else: no signal) as a light of LIGHT_ORDER."""
    return level if level in LIGHT_ORDER else "ok"


def worst_light(levels: Iterable) -> str:
    """The worst light of `levels` (LIGHT_ORDER); 'no_data' when there are none."""
    lights = [light(level) for level in levels]
    return min(lights, key=LIGHT_ORDER.index) if lights else "no_data"


@dataclass(frozen=True)
class GroupLight:
    group: str
    light: str
    alerts: int
    watches: int
    indicators: tuple[str, ...]

    @property
    def signalling(self) -> int:
        return self.alerts + self.watches


def group_lights(levels: Mapping[str, object]) -> list[GroupLight]:
    """Each group of INDICATOR_GROUPS, in order, with its worst light and its alerts and
    watches; an indicator missing from `levels` has no data."""
    result = []
    for group, members in INDICATOR_GROUPS.items():
        lights = [light(levels.get(indicator, "no_data")) for indicator in members]
        result.append(GroupLight(group, worst_light(lights), lights.count("alert"),
                                 lights.count("watch"), tuple(members)))
    return result


def group_of(indicator: str) -> str:
    """The group an indicator belongs to."""
    return next(group for group, members in INDICATOR_GROUPS.items() if indicator in members)


def check_followed(indicators: Iterable[str]) -> tuple[str, ...]:
    """The chosen indicators, known, each once, in the themes' order; FollowedRefused if
    none, unknown ones or more than MAX_FOLLOWED."""
    chosen = [str(indicator).strip() for indicator in indicators]
    unknown = [indicator for indicator in chosen if indicator not in INDICATOR_IDS]
    if unknown:
        raise FollowedRefused("unknown", ", ".join(unknown[:3]))
    ordered = tuple(indicator for indicator in GROUPED_IDS if indicator in set(chosen))
    if not ordered:
        raise FollowedRefused("empty")
    if len(ordered) > MAX_FOLLOWED:
        raise FollowedRefused("too_many", str(len(ordered)))
    return ordered


def followed_indicators(con) -> tuple[str, ...]:
    """The stored setting; the default when there is none or it no longer checks out
    (an indicator renamed by a later version is dropped, never an error on the overview)."""
    stored = store.get_meta(con, FOLLOWED_KEY)
    if not stored:
        return DEFAULT_FOLLOWED
    known = [indicator for indicator in stored.split(",") if indicator in INDICATOR_IDS]
    try:
        return check_followed(known)
    except FollowedRefused:
        return DEFAULT_FOLLOWED


def set_followed_indicators(con, indicators: Iterable[str]) -> tuple[str, ...]:
    """Check and store the followed indicators; returns them as stored."""
    chosen = check_followed(indicators)
    store.set_meta(con, FOLLOWED_KEY, ",".join(chosen))
    return chosen


# Texts of the grouped screens and of the setting (English source).
message("groups.followed", "Indicators the committee follows")
message("groups.by_theme", "All indicators by theme")
plural_message("groups.signalling", "{n} indicator signals", "{n} indicators signal")
plural_message("groups.indicators", "{n} indicator", "{n} indicators")
message("groups.setting_title", "Indicators the committee follows")
message("groups.setting_help",
        "These indicators are shown first on the overview, as tiles; every indicator stays in its "
        "theme there and on the other pages. At most {n}.")
message("groups.setting_label", "Followed indicators")
message("groups.setting_saved", "Saved: the overview shows these indicators first.")
message("groups.refused.empty", "Not saved: choose at least one indicator.")
message("groups.refused.too_many", "Not saved: choose at most {n} indicators.")
message("groups.refused.unknown", "Not saved: an indicator is not known.")
message("groups.setting_default", "Back to the default choice")
