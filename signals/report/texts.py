"""The committee report's words (English source; translations in the catalogues)."""

from __future__ import annotations

from ..texts.catalogue import message, plural_message

# Cover
message("report.title_month", "Report for the prevention committee")
message("report.title_year", "Annual evaluation for the prevention committee")
message("report.period_month", "Month: {month}")
message("report.period_year", "Year: {year}")
message("report.complete_up_to", "Data complete up to: {month}")
message("report.incomplete_month",
        "{month} is not complete yet: {kinds} not uploaded for it. The indicators that rest on "
        "them may still rise.")
message("report.generated_on", "Generated on: {day}")
message("report.language", "Language: {language}")
message("report.privacy",
        "Collective data only: groups under {n} people are not shown, nor any figure from which "
        "they could be worked out.")
message("report.demo", "DEMO")
message("report.demo_note", "Fictitious demo organisation: not real data.")
message("report.organisation_unnamed", "Organisation (name not set)")
message("report.contents", "Contents")
message("report.page", "Page")
message("report.footer_month", "Committee report {month}")
message("report.footer_year", "Annual evaluation {year}")
# Section headings
message("report.section.glance", "At a glance")
message("report.section.since", "What changed since the last meeting")
message("report.section.hotspots", "Hotspots")
message("report.section.actions", "Actions and their evaluation")
message("report.section.reintegration", "Re-integration so far this year")
message("report.section.appendix", "Appendix: definitions and method")
message("report.section.year_figures", "The year's figures")
message("report.section.year_signals", "Months with signals")
# At a glance
message("report.glance.intro",
        "Every indicator for the whole organisation in {month}, against the same month a year "
        "before.")
message("report.column.indicator", "Indicator")
message("report.column.value", "Value")
message("report.column.last_year", "A year before")
message("report.column.signal", "Signal")
message("report.column.reason", "Why")
message("report.column.department", "Department")
message("report.column.rank", "Rank")
message("report.column.since", "Since")
message("report.column.reasons", "Reasons")
message("report.column.level", "Level")
message("report.column.months", "Months")
message("report.column.organisation", "Organisation")
message("report.reason.ok", "Within the limits (expected {expected}).")
message("report.reason.unjudged", "Too little history to judge yet.")
message("report.reason.no_data", "No figure: the records were never uploaded.")
message("report.reason.incomplete", "The month's records are not complete yet.")
message("report.reason.suppressed", "Not shown: the organisation's group is too small.")
message("report.reason.suppressed_complementary",
        "Not shown: hidden to protect another group (a small group's figure could be worked "
        "out by subtraction).")
message("report.attention", "Departments that need attention")
message("report.attention_none", "No department gives a signal this month.")
plural_message("report.attention_row", "{department}: {n} indicator with a signal ({levels})",
               "{department}: {n} indicators with a signal ({levels})")
message("report.level.improvement", "Improvement")
# Since the last meeting
message("report.since.meeting", "Since the meeting of {day} (signals of {then} against {now}).")
message("report.since.no_meeting", "No earlier meeting is recorded: the signals of {now}.")
message("report.since.new", "New signals")
message("report.since.ended", "Signals that ended")
message("report.since.improvements", "Improvements")
message("report.since.started", "Actions started")
message("report.since.due", "Actions to evaluate within 90 days")
message("report.since.overdue", "Actions past their evaluation date")
message("report.since.evaluations", "Evaluations recorded")
message("report.since.none", "None.")
message("report.since.advice", "The occupational physician's collective advice ({day})")
# Hotspots
message("report.hotspots.intro",
        "Departments ranked by their signals in {month} (an alert counts 3, a watch 1), with "
        "each indicator's reason.")
message("report.hotspots.none", "No department gives a signal in {month}.")
message("report.hotspots.charts", "Control charts of the signalled indicators")
message("report.chart.legend",
        "Line: the month's value; dashed black: expected; dotted orange: watch limit; dashed "
        "red: alert limit; ▲ watch, ■ alert, ▼ improvement; A: an action started.")
message("report.chart.caption", "{department} · {indicator}")
# Actions
message("report.actions.intro", "The committee's actions, their status and, where the data "
        "allows, whether the targeted indicators moved (before and after, against the rest of "
        "the organisation).")
message("report.actions.title", "Action")
message("report.actions.targets", "Departments")
message("report.actions.indicators", "Indicators")
message("report.actions.level", "Prevention level")
message("report.actions.status", "Status")
message("report.actions.dates", "Start · evaluation")
message("report.actions.evaluation", "Evaluation")
message("report.actions.code", "A{number}")
# Re-integration
message("report.reintegration.intro",
        "The collective re-integration figures from January to {month} (groups under {n} not "
        "shown).")
# Year
message("report.year.figures_intro",
        "Each indicator over the year: the sum of the shown months' counts over the sum of their "
        "people (or hours), for the organisation and every department. A month hidden to protect "
        "a small group does not count; a department hidden every month shows no figure.")
message("report.year.signals_intro",
        "Per department and indicator, the months of {year} with a watch or an alert.")
message("report.year.signals_none", "No signal in {year}.")
message("report.year.hidden", "hidden")
# Appendix
message("report.appendix.definitions", "The indicators")
message("report.appendix.method", "How signals are decided")
message("report.appendix.suppression", "Small groups")
message("report.appendix.suppression_text",
        "A department with fewer than {n} people in a month is not shown for that month, and "
        "no figure is computed from it. When the organisation's total minus the shown "
        "departments would reveal such a group, the smallest shown department is hidden too "
        "(\"hidden to protect another group\"), until the hidden departments together count "
        "at least {n} people. The same rule applies to observations (on their base) and to "
        "survey results (on their respondents).")
message("report.appendix.source", "Source: {source}")
message("report.unit", "Unit")
# Download button (overview) and settings
message("report.download", "Download the committee report (PDF)")
message("report.download_year", "Annual evaluation {year} (PDF)")
message("report.preparing", "Preparing the report…")
message("report.settings.title", "Organisation name (committee report)")
message("report.settings.help", "Printed on the cover of the committee report.")
message("report.settings.saved", "Saved.")
message("report.settings.too_long", "At most {n} characters.")
