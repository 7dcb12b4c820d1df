"""The English texts of the cycle's screens: the Actions page (list, form, history,
evaluation, context events, meetings and advice) and "plan an action" on the hotspots."""

from __future__ import annotations

from ..texts.catalogue import message, plural_message

message("page.actions", "Actions")
message("actions.title", "Prevention actions")
message("actions.intro",
        "What the committee decided to do about a signal, and whether it helped: before and after "
        "the start, set against the rest of the organisation.")
message("actions.tab.list", "Actions")
message("actions.tab.new", "New action")
message("actions.tab.events", "Context events")
message("actions.tab.meetings", "Meetings and advice")
message("actions.read_only", "Your role reads the actions, events and meetings; it does not change them.")
message("actions.demo_store",
        "Demo organisation: actions, events and meetings written here stay with the demo.")

# the list
message("actions.filter.department", "Department")
message("actions.filter.any_department", "All departments")
message("actions.filter.status", "Status")
message("actions.filter.any_status", "Any status")
message("actions.filter.overdue", "Only overdue")
message("actions.none", "No actions yet.")
message("actions.none_filtered", "No action matches these filters.")
plural_message("actions.count", "{n} action", "{n} actions")
message("actions.overdue", "Overdue")
message("actions.whole_organisation", "Whole organisation")
message("actions.col.title", "Action")
message("actions.col.departments", "Departments")
message("actions.col.indicators", "Indicators")
message("actions.col.start", "Start")
message("actions.col.evaluation", "Evaluation")
message("actions.col.status", "Status")

# one action
message("actions.pick", "Open an action")
message("actions.dates", "Start {start} · evaluation planned {evaluation}")
message("actions.signal", "Answers the signal: {department} · {indicator} · {month}")
message("actions.history", "History")
message("actions.history.col.at", "When")
message("actions.history.col.role", "Role")
message("actions.history.col.change", "Change")
message("actions.history.col.reason", "Reason")
message("actions.history.created", "Created: {status}")
message("actions.history.edited", "Details changed")
message("actions.role.local", "single operator")
message("actions.change_status", "Change the status")
message("actions.new_status", "New status")
message("actions.reason", "Reason (short, no names of people)")
message("actions.save_status", "Change the status")
message("actions.status_changed", "Status changed.")
message("actions.final_status", "This action is closed: its status no longer changes.")
message("actions.edit", "Edit this action")

# the form
message("actions.form.title", "Title (short, no names of people)")
message("actions.form.departments", "Departments")
message("actions.form.indicators", "Indicators the action aims to move")
message("actions.form.level", "Prevention level")
message("actions.form.start", "Start date")
message("actions.form.evaluation", "Evaluation date")
message("actions.form.evaluation_help", "Empty: 12 months after the start.")
message("actions.form.status", "Status")
message("actions.form.choose", "Choose one or more")
message("actions.form.need_title", "Give the action a short title.")
message("actions.form.need_departments", "Choose at least one department, or the whole organisation.")
message("actions.form.need_indicators", "Choose at least one indicator the action aims to move.")
message("actions.form.need_dates", "The evaluation date must come after the start date.")
message("actions.form.save", "Save the action")
message("actions.form.save_changes", "Save the changes")
message("actions.form.saved", "Action saved.")
message("actions.form.changed", "Action changed.")
message("actions.form.from_signal", "For the signal {department} · {indicator} · {month}.")
message("actions.form.forget_signal", "Plan without this signal")

# the evaluation
message("actions.evaluation", "Evaluation")
message("actions.evaluation.no_figures", "Your role does not see figures: the evaluation is for the "
        "committee, the occupational physician and human resources.")
message("actions.verdict.likely_improvement", "Likely improvement")
message("actions.verdict.no_clear_change", "No clear change")
message("actions.verdict.likely_worse", "Likely worse")
message("actions.verdict.too_early", "Too early")
message("actions.verdict.too_little_data", "Too little data")
message("actions.chart.title", "{indicator}: before and after the start")
message("actions.chart.rest", "Rest of the organisation")
message("actions.chart.before", "Before")
message("actions.chart.after", "After")
message("actions.chart.start", "Start")
message("actions.chart.caption",
        "Shaded: the 12 months before the start and the months from the third after it. Months "
        "hidden for a small group are left out, for the rest of the organisation too.")

# context events
message("actions.events.intro",
        "What happened in a department or in the whole organisation: a reorganisation, a move, "
        "new software, a strike. It helps to read a rise.")
message("actions.events.none", "No context events yet.")
message("actions.events.add", "Add a context event")
message("actions.events.day", "Date")
message("actions.events.department", "Department")
message("actions.events.kind", "Kind")
message("actions.events.title", "What happened (short, no names of people)")
message("actions.events.save", "Add the event")
message("actions.events.saved", "Event added.")
message("actions.events.delete", "Delete an event")
message("actions.events.delete_button", "Delete")
message("actions.events.deleted", "Event deleted.")
message("actions.events.col.day", "Date")
message("actions.events.col.department", "Department")
message("actions.events.col.kind", "Kind")
message("actions.events.col.title", "What happened")

# meetings and advice
message("actions.meetings.none", "No meetings recorded yet.")
message("actions.meetings.add", "Add a meeting")
message("actions.meetings.day", "Meeting date")
message("actions.meetings.minutes_ref", "Reference of the minutes (optional)")
message("actions.meetings.save", "Add the meeting")
message("actions.meetings.saved", "Meeting added.")
message("actions.meetings.col.day", "Meeting")
message("actions.meetings.col.minutes_ref", "Minutes")
message("actions.meetings.col.advice", "Collective advice of the occupational physician")
message("actions.advice.none", "No advice yet.")
message("actions.advice.write", "Write the collective advice for a meeting")
message("actions.advice.meeting", "Meeting")
message("actions.advice.text", "Collective advice (about teams, never about a person)")
message("actions.advice.save", "Save the advice")
message("actions.advice.saved", "Advice saved.")
message("actions.advice.physician_only", "The occupational physician writes the collective advice.")

# plan an action from a hotspot
message("actions.plan.title", "Actions for these signals")
message("actions.plan.signal", "Signal")
message("actions.plan.button", "Plan an action for this signal")
message("actions.plan.linked", "Actions planned for the signals of {month}")
message("actions.plan.none", "No action planned yet for the signals of this month.")
