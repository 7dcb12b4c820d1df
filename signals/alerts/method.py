"""'How the signals work', in plain words, in every language (English source declared here).

In the spirit of the NHS "Making Data Count" guides: what the expected value and the
limits are, which rules make a signal, what a watch and an alert ask of the reader,
and why a team can be hidden. The technical names (3 sigma, CUSUM, funnel plot) are
kept here, in brackets, for the reader who wants them; the other screens use the
plain words. `sections(lang)` gives (title, Markdown) pairs; `rule_rows(lang)` the
table of rules, `intro` and `header` the other words.
"""

from __future__ import annotations

from ..texts.catalogue import message, template
from .sentences import rule_name

SECTION_IDS = ("expected", "limits", "levels", "improvement", "hidden")


def intro(lang: str) -> str:
    return template("method.intro", lang)


def header(name: str, lang: str) -> str:
    """A heading or caption of the rules table: rule, level, meaning, rules_title,
    rules_intro, source."""
    return template(f"method.header.{name}", lang)


def sections(lang: str) -> list[tuple[str, str]]:
    """(title, Markdown) of each section, in reading order."""
    return [(template(f"method.section.{section}.title", lang),
             template(f"method.section.{section}.text", lang)) for section in SECTION_IDS]


def rule_rows(lang: str) -> list[dict[str, str]]:
    """The rules, strongest first: name, level and meaning, in the language."""
    from .detection import IMPROVEMENT_LEVEL, IMPROVEMENT_RULE, RULE_LEVEL, RULE_ORDER

    levels = RULE_LEVEL | {IMPROVEMENT_RULE: IMPROVEMENT_LEVEL}
    return [{"rule": rule_name(rule, lang), "level": levels[rule],
             "meaning": template(f"method.rule.{rule}", lang)}
            for rule in (*RULE_ORDER, IMPROVEMENT_RULE)]


# "method.intro"; per section "method.section.<id>.title" and ".text"; each rule in plain
# words with its technical name, "method.rule.<rule>"; the table's "method.header.<name>".
# Texts (English source): translations in signals/texts/locale/<lang>/LC_MESSAGES/messages.po.
message("method.intro",
        "Every month the dashboard compares each indicator of each department with **that "
        "department's own history**. It asks two questions: is this unusually high for this team, "
        "and is it rising? A signal is a reason to look and to talk, not a judgement and not a "
        "diagnosis. It is always about a group, never about a person.")
message("method.section.expected.title", "The expected value")
message("method.section.expected.text",
        "The **expected value** (the black dashed line) is what this team usually shows: the "
        "average of the department's previous 12 to 24 months, adjusted for the season (flu in "
        "winter is no surprise) and for the month's number of people or hours worked. The 3 most "
        "recent months do not count, so that a starting rise does not lift its own expectation. "
        "Months already far above the limit do not count either: the expectation does not follow "
        "a team that is getting worse.")
message("method.section.limits.title", "The limits")
message("method.section.limits.text",
        "Figures always move a little, especially in small teams. The **limits** show how far a "
        "month can stray by chance alone. The **watch limit** (orange dotted line) is crossed by "
        "chance about 1 month in 45, the **alert limit** (red dashed line) about 1 month in 740 "
        "(technically: 2 and 3 sigma, corrected for extra spread). Small teams have wider limits. "
        "Limits need **at least 12 months of the department's history** before the 3 most recent "
        "months: so they start in the 16th month with data; the trend chart shows where they "
        "start.")
message("method.section.levels.title", "Watch and alert")
message("method.section.levels.text",
        "▲ **Watch**: something is moving; keep an eye on it and look again next month. By chance "
        "alone a department gets at most about one such signal per indicator every two "
        "years.\n\n■ **Alert**: very unusual for this team; discuss it with the department and "
        "the prevention adviser. By chance alone at most about one per indicator every four "
        "years.\n\n**Since** is the first month of the current uninterrupted run of months with a "
        "signal for that department and indicator; **months in a row** is the number of months in "
        "that run; **this month** is the month chosen, and this month's value is the value, never "
        "a limit.")
message("method.section.improvement.title", "Improvement")
message("method.section.improvement.text",
        "◇ **Improvement**: the team is clearly and durably better than its own history: over "
        "the last 6 months together clearly below what was expected, in their first 3 months as "
        "in their last 3, and this month below the expected value. It is the mirror of the rules above, made strict: "
        "by chance alone a department gets one far less often than an alert (on simulated "
        "teams, less than a fifth as often). It is shown calmly (a hollow "
        "ring on the trend chart, ◇ on the heatmap), never ranks a department among the "
        "hotspots, and gives way to a watch or alert in the same month. It is not given where "
        "lower is not clearly better: hours per FTE, and requests for re-integration or job "
        "adaptation (a right that is better used early). Worth naming at the committee, "
        "together with what the team did.")
message("method.section.hidden.title", "Why a team can be hidden")
message("method.section.hidden.text",
        "In a small group a figure can point at a person (\"the only one absent in a team of "
        "6\"). So the dashboard shows no figure of a group smaller than the minimum group size "
        "(10 by default), and does not compute with it. Sometimes a **second department** must be "
        "hidden as well: otherwise someone could work the hidden figure out by subtracting the "
        "other departments from the organisation's total (complementary suppression). A hidden "
        "cell is neither a mistake nor a zero.")
message("method.rule.beyond_upper_limit", "This month above the alert limit (3 sigma).")
message("method.rule.cusum_shift",
        "Month after month a little too high, added up until it is clear: a sustained rise "
        "(CUSUM, designed to find a doubling).")
message("method.rule.three_months_high",
        "The last 3 months together clearly above what was expected (chance 0.1%).")
message("method.rule.funnel_outlier",
        "Over 12 months higher than the rest of the organisation, allowing for the department's "
        "size (funnel plot, 99.8%\u00a0limit).")
message("method.rule.three_months_raised",
        "The last 3 months together above what was expected (chance 2%).")
message("method.rule.cusum_early", "The same running sum halfway: a rise may be starting (CUSUM).")
message("method.rule.two_of_three_high", "2 of the last 3 months above the watch limit (2 sigma).")
message("method.rule.run_above_centre", "7 months running above the expected value (a run).")
message("method.rule.run_of_increases", "Risen 6 times running (a trend).")
message("method.rule.durable_drop",
        "The last 6 months together clearly below what was expected (chance 1%; 0.1%\u00a0for "
        "absence days and for counts of the same people month after month), the last 3 and the 3 "
        "before them each below what was expected too (chance 10%), and this month below the "
        "expected value.")
message("method.header.rule", "Rule")
message("method.header.level", "Level")
message("method.header.meaning", "What it means")
message("method.header.rules_title", "The rules")
message("method.header.rules_intro",
        "A signal comes from one of these rules. Rare events (accidents, aggression, requests, "
        "exits) are judged on counts and on 12 months; an accident rate only from 100,000 hours "
        "worked in 12 months on.")
message("method.header.source",
        "After NHS England's \"Making Data Count\" approach (statistical process control).")
