"""The prevention cycle's texts on the Trends chart (markers of actions and context
events, before and after windows) and on the overview ("since the last meeting", the
physician's collective advice). Declared here, read with signals.texts.i18n.text."""

from __future__ import annotations

from ..texts.catalogue import message, plural_message

# --- Trends: markers and windows -----------------------------------------------------------
message("cycle.marks.action_start", "Action starts")
message("cycle.marks.evaluation", "Planned evaluations")
message("cycle.marks.event", "Context events")
message("cycle.marks.hover_start", "Action started {day}: {title}")
message("cycle.marks.hover_start_evaluation", "evaluation planned {day}")
message("cycle.marks.hover_evaluation", "Evaluation planned {day}: {title}")
message("cycle.marks.hover_event", "{kind}, {day}: {title}")
message("cycle.marks.pick", "Before and after an action")
message("cycle.marks.pick_placeholder", "Choose an action to shade its before and after")
message("cycle.marks.option", "{title} (from {day})")
message("cycle.marks.before", "before")
message("cycle.marks.after", "after")
message("cycle.marks.windows",
        "Shaded: the 12 months before the start, and after it from the 3rd month (the "
        "start-up left out) up to the evaluation date or the latest month.")

# --- Overview: since the last meeting ------------------------------------------------------
message("cycle.since.title", "Since the last meeting ({day})")
message("cycle.since.title_plain", "Since the last meeting")
message("cycle.since.no_meeting",
        "No meeting recorded yet. Record the committee's meetings on the Actions page; from "
        "then on this part shows what changed since the last one.")
message("cycle.since.nothing",
        "Nothing new since then: no new or ended signals, no improvements, no actions started, "
        "due or overdue, no evaluations.")
plural_message("cycle.since.new_signals", "{n} new signal: {items}.", "{n} new signals: {items}.")
plural_message("cycle.since.ended_signals", "{n} signal ended: {items}.",
               "{n} signals ended: {items}.")
plural_message("cycle.since.improvements", "{n} clear improvement: {items}.",
               "{n} clear improvements: {items}.")
plural_message("cycle.since.started", "{n} action started: {items}.",
               "{n} actions started: {items}.")
plural_message("cycle.since.due", "{n} action due for evaluation within {days} days: {items}.",
               "{n} actions due for evaluation within {days} days: {items}.")
plural_message("cycle.since.overdue", "{n} action overdue for its evaluation: {items}.",
               "{n} actions overdue for their evaluation: {items}.")
plural_message("cycle.since.evaluations", "{n} evaluation came in: {items}.",
               "{n} evaluations came in: {items}.")
plural_message("cycle.since.more", "and {n} more", "and {n} more")
message("cycle.since.cell", "{indicator} in {department}")
message("cycle.since.action", "{title} ({departments})")
message("cycle.since.action_dated", "{title} ({departments}, evaluation {day})")
message("cycle.since.months", "Signals of {latest} compared with {before}, the last month "
        "before the meeting.")

# --- Overview: the physician's collective advice -------------------------------------------
message("cycle.advice.title", "Collective advice of the occupational physician")
message("cycle.advice.byline", "For the meeting of {day}, by the {role}.")
