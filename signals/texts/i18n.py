"""The interface's own words, and `text(key, lang, **values)` for every declared text.

The English source of each interface text is declared below (`message`, `plural_message`);
the Dutch, French and other translations live in the gettext catalogues under
`signals/texts/locale/` (see signals.texts.catalogue). Indicator names and definitions are
declared in signals.definitions, signal sentences in signals.alerts, ingest messages in
signals.ingest.messages; `text` reads them all.
"""

from __future__ import annotations

from ..definitions import LANGUAGES
from .catalogue import is_declared, message, plural_message, template

# Each language's name in its own language (not translated).
LANGUAGE_NAMES = {"nl": "Nederlands", "fr": "Français", "en": "English", "de": "Deutsch"}


def text(key: str, lang: str, **values) -> str:
    """The text for `key` in `lang`, with `{placeholders}` filled from `values`; a counted
    text takes the form for its count `n`."""
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}; expected one of {LANGUAGES}.")
    form = template(key, lang, values.get("n"))
    return form.format(**values) if values else form


def has_text(key: str) -> bool:
    """Whether a text is declared under `key`."""
    return is_declared(key)


# Texts (English source): translations in signals/texts/locale/<lang>/LC_MESSAGES/messages.po.
message("app.title", "Burn-out prevention signals")
message("page.overview", "Overview")
message("page.trends", "Trends")
message("page.hotspots", "Hotspots")
message("page.upload", "Upload")
message("page.data", "Data and settings")
message("page.method", "How the signals work")
message("method.title", "How the signals work")
message("sidebar.language", "Language")
message("sidebar.presentation", "Presentation mode")
message("sidebar.presentation_help",
        "Hides the sidebar and the controls, for the projector. Also with ?present=1 in the link.")
message("presentation.exit", "Leave presentation mode")
message("demo.banner", "Fictitious demo organisation. Upload your own data to see it here.")
message("demo.banner_chosen",
        "Fictitious demo organisation, for training. Back to your own data: Data and settings.")
message("demo.building",
        "Building the demo organisation for the first time (about half a minute)…")
message("error.busy", "The database is busy with another import. Please try again in a minute.")
message("error.min_group_size",
        "The minimum group size (SIGNALS_MIN_GROUP_SIZE) must be a whole number of at least {n}. "
        "No figures are shown until it is corrected.")
message("common.month", "Month")
message("common.indicator", "Indicator")
message("common.organisation", "Whole organisation")
message("common.no_data", "No data yet.")
message("common.unrecorded",
        "No files uploaded yet for: {kinds}. The indicators based on them stay empty (–), not "
        "zero: {indicators}.")
message("common.unobserved",
        "No observations uploaded yet for these measures; they stay empty (–), not zero: "
        "{indicators}.")
message("common.incomplete",
        "{month} is not complete yet: nothing uploaded yet for {kinds}. The indicators based on "
        "them may be too low and are not judged yet: {indicators}.")
message("common.incomplete_kind", "{kind} (latest month: {last})")
message("common.since", "since {month}")
message("common.save", "Save")
message("common.source", "Source")
message("common.download_figures", "Download the figures (Excel)")
message("download.excel_help",
        "CSV for Excel in Belgium: semicolons, decimal comma, headers in English.")
message("download.plain", "Plain CSV")
message("download.plain_help",
        "Plain CSV for other programs: commas, decimal point, the contract's column names.")
message("csv.yes", "yes")
message("csv.no", "no")
message("csv.month", "Month")
message("csv.department", "Department")
message("csv.indicator", "Indicator")
message("csv.numerator", "Numerator")
message("csv.denominator", "Denominator")
message("csv.value", "Value")
message("csv.suppressed", "Hidden")
message("csv.suppression_reason", "Why hidden")
message("csv.suppression_small", "small group")
message("csv.expected", "Expected value")
message("csv.watch_limit", "Watch limit")
message("csv.upper_limit", "Upper limit")
message("csv.lower_limit", "Lower limit")
message("csv.rolling12_value", "12-month value")
message("csv.level", "Level")
message("csv.rule", "Rule")
message("csv.reason", "Why")
message("csv.organisation_value", "Organisation value")
message("csv.lower_998", "Lower limit 99.8%")
message("csv.lower_95", "Lower limit 95%")
message("csv.upper_95", "Upper limit 95%")
message("csv.upper_998", "Upper limit 99.8%")
message("csv.z", "Deviation (z)")
message("csv.rank", "Rank")
message("csv.score", "Score")
message("csv.alerts", "Alerts")
message("csv.watches", "Watches")
message("csv.indicators", "Indicators")
message("csv.since", "Since")
message("csv.review", "Follow-up")
message("csv.kind", "Kind")
message("csv.rows", "Rows")
message("suppressed.value", "fewer than {n} people: not shown")
message("suppressed.short", "< {n}")
message("suppressed.complementary", "hidden to protect another group")
message("suppressed.complementary_short", "hidden")
message("heatmap.column.absence_rate", "Absence rate")
message("heatmap.column.absence_frequency", "Absence\nfrequency")
message("heatmap.column.long_term_absentees", "Long-term\nabsent")
message("heatmap.column.turnover_rate", "Turnover")
message("heatmap.column.voluntary_turnover_rate", "Voluntary\nturnover")
message("heatmap.column.accident_frequency_rate", "Accident\nfrequency")
message("heatmap.column.accident_severity_rate", "Accident\nseverity")
message("heatmap.column.psychosocial_request_rate", "Psycho-\nsocial")
message("heatmap.column.aggression_rate", "Aggression")
message("heatmap.column.back_complaints_rate", "Back\ncomplaints")
message("heatmap.column.psychological_complaints_rate", "Psychological\ncomplaints")
message("heatmap.column.presenteeism_rate", "Presenteeism")
message("heatmap.column.quality_incidents_rate", "Quality\nincidents")
message("heatmap.column.complaints_rate", "Complaints")
message("heatmap.column.reintegration_request_rate", "Re-integration")
message("heatmap.column.job_adaptation_request_rate", "Job\nadaptation")
message("heatmap.column.unfitness_rate", "Definitive\nunfitness")
message("heatmap.column.harassment_rate", "Harassment")
message("heatmap.column.serious_event_rate", "Serious\nevents")
message("heatmap.column.work_accident_rate", "Work\naccidents")
message("heatmap.column.long_absence_risk", "Long absence\nrisk")
message("heatmap.column.frequent_absence", "Frequent\nabsence")
message("heatmap.column.relapse_rate", "Relapses")
message("heatmap.column.hours_per_fte", "Hours\nper FTE")
message("heatmap.judged", "{n} mo")
message("heatmap.this_month", "this month {value}")
message("heatmap.no_figure", "no figure: no data uploaded or no hours worked")
message("level.ok", "No signal")
message("level.watch", "Watch")
message("level.alert", "Alert")
message("level.unjudged", "Too little history")
message("level.no_data", "No data")
message("level.incomplete", "Month incomplete")
message("unit.%", "%")
message("unit.count", "number of people")
message("unit.per_million_hours", "per million hours worked")
message("unit.per_thousand_hours", "days per 1,000 hours worked")
message("unit.hours_per_fte", "hours worked per FTE")
message("unit.points", "pt")
message("overview.title", "Overview for the committee")
message("overview.vs", "vs {month}")
plural_message("overview.departments_signalled",
               "{n} department with a signal",
               "{n} departments with a signal")
message("overview.attention", "Departments that need attention")
message("overview.no_attention", "No department gives a signal this month.")
message("overview.no_attention_incomplete",
        "No department gives a signal in the figures that are complete; {month} is not complete "
        "yet (see above).")
message("trends.title", "Trends by department")
message("trends.departments", "Departments")
message("trends.unrecorded",
        "No figures for {indicator}: the files it is based on have not been uploaded yet.")
message("trends.incomplete",
        "Not complete yet for this indicator: {months} (nothing uploaded yet for {kinds}).")
message("trends.view", "View")
message("trends.reference", "Show the Belgian reference figure")
message("trends.no_series", "No figures for {department}.")
message("trends.pick_department", "Choose at least one department.")
message("trends.suppressed_months", "Fewer than {n} people, not shown: {months}.")
message("trends.complementary_months", "Hidden to protect another group: {months}.")
message("chart.view_monthly", "monthly")
message("chart.view_rolling12", "rolling 12 months")
message("chart.expected", "Expected for this team")
message("chart.watch_limit", "Watch limit (unusual)")
message("chart.upper_limit", "Alert limit (very unusual)")
message("chart.lower_limit", "Lower limit (very unusually low)")
message("chart.hover_limits", "expected {expected} · watch limit {watch} · alert limit {upper}")
message("chart.hover_rule", "Rule: {rule}")
message("chart.limits_from", "limits from {month}")
message("trends.limits_from",
        "Limits from {month}: they need at least 12 months of the department's history (leaving "
        "out the 3 most recent months, so that a starting rise does not lift its own expected "
        "value).")
message("trends.no_limits",
        "No limits yet: they need at least 12 months of the department's history.")
message("chart.organisation", "Whole organisation")
message("chart.signal", "Signal: {rule}")
message("chart.funnel_95", "95%\u00a0limit")
message("chart.funnel_998", "99.8%\u00a0limit")
message("chart.funnel_within", "Within the limits")
message("chart.funnel_above_95", "Above the 95%\u00a0limit")
message("chart.funnel_above_998", "Above the 99.8%\u00a0limit")
message("chart.funnel_x", "Size of the department over 12 months ({unit})")
message("chart.funnel_size.days", "staff working days")
message("chart.funnel_size.people", "employees, added up month by month")
message("chart.funnel_size.hours", "hours worked")
message("chart.rolling12_to", "12 months to {month}")
message("reference.monthly_conversion", "yearly figure divided by 12")
message("hotspots.title", "Hotspots to follow up")
message("hotspots.heatmap_title", "Signals by department and indicator")
message("hotspots.heatmap_help",
        "● no signal · ▲ watch · ■ alert · grey, not shown: < {n}: fewer than {n} people; hidden: "
        "to protect another group · –: no figure. The figure is the month's; a signal can rest on "
        "several months (point at the cell for the reason).")
message("hotspots.heatmap_order",
        "Departments with signals at the top; {shown} of {total} departments shown.")
message("hotspots.heatmap_click",
        "A signal judged on several months shows the figure of those months (e.g. '3 mo'). Click "
        "a cell to open that department's trend.")
message("hotspots.show_all", "Show all {n} departments")
message("hotspots.group", "Theme")
message("group.absence", "Absence")
message("group.turnover", "Turnover")
message("group.accidents", "Accidents and incidents")
message("group.psychosocial", "Psychosocial")
message("group.reintegration", "Re-integration and fitness")
message("group.observations", "Physician and adviser")
message("group.workload", "Workload")
message("hotspots.ranking", "Departments ranked")
message("hotspots.col.rank", "Rank")
message("hotspots.col.department", "Department")
message("hotspots.col.score", "Weight")
message("hotspots.weight_help", "Weight: 3 per alert and 1 per watch; the heaviest first.")
message("hotspots.col.alerts", "Alerts")
message("hotspots.col.watches", "Watches")
message("hotspots.col.indicators", "Indicators")
message("hotspots.col.since", "Since")
message("hotspots.col.reason", "Why")
message("hotspots.why", "Why these departments")
plural_message("hotspots.why_more",
               "The reasons of the {n} other department are in the ranking's CSV.",
               "The reasons of the {n} other departments are in the ranking's CSV.")
message("hotspots.funnel", "Departments compared (funnel plot)")
message("hotspots.funnel_help",
        "A small department varies more by chance: the limits widen as the department gets "
        "smaller. A point outside the limits differs more than chance explains.")
message("hotspots.no_funnel", "No comparison possible for this month and indicator.")
message("upload.title", "Upload data")
message("upload.intro",
        "Drop one or more CSV files here. Nothing is stored while a file has errors and until you "
        "confirm it.")
message("upload.templates", "Templates per kind of file")
message("upload.templates_help",
        "Per kind: what each column means, whether it is required and which values are allowed. "
        "Headers and values may be in English, Dutch or French; the template opens in Excel: fill "
        "it in and save it as CSV.")
message("upload.download_template", "Template (Excel)")
message("upload.download_guide", "Column guide (Excel)")
message("upload.demo_replaced",
        "The demo organisation is shown. As soon as you store a file of your own, the app shows "
        "your data and no longer the demo. The demo stays available for training under Data and "
        "settings.")
message("upload.demo_confirm", "I understand: the demo will no longer be shown")
message("upload.drop", "CSV files")
message("upload.button", "Choose files")
message("upload.limits", "CSV, at most {limit} MB per file")
message("upload.kind", "Kind of data")
message("upload.detected", "Recognised from the columns: {kind}.")
message("upload.not_detected", "Kind not recognised from the columns: choose it yourself.")
message("upload.preview", "First lines")
plural_message("upload.rejected",
               "File rejected: {n} error. Nothing was stored.",
               "File rejected: {n} errors. Nothing was stored.")
message("upload.rejection_recorded", "Recorded in the upload history as rejected.")
plural_message("upload.more_errors", "And {n} more error.", "And {n} more errors.")
message("upload.download_report", "Download the error report (Excel)")
message("upload.valid", "File is valid: {rows} rows. Not stored yet.")
message("upload.confirm", "Store")
message("upload.stored", "Stored: {rows} rows.")
message("upload.store_all", "Store all valid files")
message("upload.summary", "Summary of the chosen files")
message("upload.summary_counts",
        "Stored: {stored} · valid, not stored yet: {valid} · rejected: {rejected} · warnings: "
        "{warnings}.")
message("upload.store_all_note",
        "Rejected files are not stored; they appear in the history as rejected.")
message("upload.details", "Details: {file}")
message("upload.result.valid", "valid, not stored yet")
message("upload.result.stored", "stored")
message("upload.result.rejected", "rejected")
message("upload.col.file", "File")
message("upload.col.kind", "Kind")
message("upload.col.result", "Result")
message("upload.col.rows", "Rows")
message("upload.col.warnings", "Warnings")
message("upload.col.errors", "Errors")
message("upload.rows_new", "New rows")
message("upload.rows_replaced", "Replaced rows")
message("upload.rows_unchanged", "Unchanged rows")
message("upload.history", "Upload history")
message("upload.no_history", "Nothing uploaded yet.")
message("upload.undo_title", "Undo an upload")
message("upload.undo_intro",
        "Undoing removes the rows an upload added and puts back the rows it replaced. Rows that a "
        "later upload changed again stay as they are.")
message("upload.undo_row", "#{id} · {file} · {kind} · {time}")
message("upload.undo", "Undo")
message("upload.undo_confirm_text",
        "Really undo upload #{id} ({file})? The figures will be recomputed.")
message("upload.undo_confirm", "Yes, undo")
message("upload.undo_cancel", "Don't undo")
message("upload.undo_left", "Rows left (later uploads): {keys}")
message("upload.undo_none", "No upload to undo.")
message("upload.error.file", "File")
message("upload.error.line", "Line")
message("upload.error.column", "Column")
message("upload.error.value", "Value found")
message("upload.error.expected", "Expected")
message("history.upload_id", "No.")
message("history.uploaded_at", "Time")
message("history.file_name", "File")
message("history.kind", "Kind")
message("history.status", "Result")
message("history.rows_total", "Rows")
message("history.rows_new", "New")
message("history.rows_replaced", "Replaced")
message("history.rows_unchanged", "Unchanged")
message("history.error_count", "Errors")
message("history.uploaded_by", "By")
message("status.accepted", "accepted")
message("status.rejected", "rejected")
message("status.undone", "undone")
message("status.undo", "undo")
message("data.title", "Data and settings")
message("data.database_demo", "Shown: the demo organisation.")
message("data.database_real", "Shown: your organisation's data.")
message("data.demo", "Demo organisation")
message("data.demo_until_upload",
        "The fictitious demo organisation is shown until you store your first own file.")
message("data.demo_toggle", "Show the demo organisation (for training)")
message("data.demo_toggle_help",
        "In this session only: every page shows the fictitious demo with its banner. Your data "
        "stays as it is; switch off to see it again.")
message("data.coverage", "Months and kinds loaded")
plural_message("data.span",
               "From {first} to {last} ({n} month).",
               "From {first} to {last} ({n} months).")
message("data.gaps", "{kind}: no rows in {months}.")
message("data.rare_gaps",
        "Some months without rows for {kinds}: that can be right, these events are rare.")
message("data.coverage_help", "Rows per month (workforce: by month; other kinds: by their date).")
message("data.min_group_size", "Minimum group size")
message("data.min_group_size_help",
        "A department with fewer than {n} people in a month is not shown, so that nobody can be "
        "recognised.")
message("data.min_group_size_refused", "Not saved: the minimum group size is at least {n}.")
message("data.language", "Language")
message("data.definitions", "Definitions of the indicators")
message("data.indicator", "Indicator")
message("data.definition", "Definition")
message("data.unit", "Unit")
message("data.read_only", "Only an administrator can change the settings.")
message("data.default_language", "Default language for everyone")
message("data.default_language_help",
        "The language the app opens in for anyone who has not chosen one yet.")
message("data.saved", "Saved.")
message("page.login", "Log in")
message("page.audit", "Audit log")
message("role.committee", "committee")
message("role.physician", "occupational physician")
message("role.psychosocial_adviser", "prevention adviser for psychosocial aspects")
message("role.hr", "human resources")
message("role.admin", "administrator")
message("access.off_notice", "Access control is off (local use only, on this computer).")
message("access.public_refused",
        "Refused: without users the app may only listen on localhost, not on the network. First "
        "configure users with python -m signals users add ..., or start the app with "
        "--server.address localhost.")
message("access.not_allowed_title", "Not allowed")
message("access.not_allowed",
        "Your role does not give access to this page. Choose a page in the menu.")
message("access.login_first", "Please log in first.")
message("access.wrong_password", "Wrong user name or password.")
message("access.locked",
        "Too many failed attempts for this user name from this device. Try again after {until}, "
        "or log in from your usual workstation.")
message("access.session_expired", "Your session has expired. Please log in again.")
message("access.logged_out", "You are logged out.")
message("access.sso_refused",
        "This e-mail address belongs to no user of this app. Ask the administrator for access.")
message("access.signed_in_as", "Logged in as {user} ({role})")
message("access.logout", "Log out")
message("login.title", "Log in")
message("login.intro",
        "This app shows your organisation's collective signals. Log in with your own account.")
message("login.username", "User name")
message("login.password", "Password")
message("login.submit", "Log in")
message("login.sso", "Sign in with your organisation")
message("audit.title", "Audit log")
message("audit.chain_ok",
        "Chain intact: none of the {n} entries was changed or removed outside the app.")
message("audit.chain_broken",
        "Chain broken from entry {entry} on: the log was changed outside the app.")
message("audit.chain_missing",
        "Chain broken: entries before entry {entry} were removed or inserted outside the app.")
message("audit.chain_newest_missing",
        "Chain broken: the newest entries (up to entry {entry}) were removed outside the app.")
message("audit.chain_count",
        "Chain broken: the number of entries up to entry {entry} does not match the chain's head.")
message("audit.head_missing",
        "The chain's head (the file beside the audit key) is missing: the log cannot be checked. "
        "Was the database moved without the key folder?")
message("audit.head_invalid",
        "The chain's head was changed or cannot be read: the log cannot be checked.")
message("audit.head_restored",
        "The chain's head (the file beside the audit key) was removed or replaced, and a new one "
        "was started at entry {entry}. The entries since are checked, but what happened to the log "
        "before that restart (the newest entries removed, a changed entry) can no longer be seen.")
message("audit.unkeyed_entries",
        "The database holds unsigned audit entries that the app did not write.")
message("audit.retention_changed",
        "The retention period in the database was changed outside the app; the app keeps the last "
        "value set. Save the retention period again to repair it.")
message("audit.retention", "Retention period (days)")
message("audit.retention_help",
        "Entries younger than this cannot be deleted (at least {min} days).")
message("audit.entries", "Latest entries")
message("audit.no_entries", "No entries yet.")
message("audit.col.entry_id", "No.")
message("audit.col.at", "Time")
message("audit.col.actor", "Who")
message("audit.col.action", "Action")
message("audit.col.detail", "Details")
message("review.title", "Follow-up by the occupational physician and the psychosocial adviser")
message("review.department", "Department")
message("review.indicator", "Indicator (or the whole department)")
message("review.whole_department", "Whole department")
message("review.status", "Status")
message("review.note", "Short note")
message("review.note_help",
        "About the collective situation and the approach. Never names, initials or diagnoses.")
message("review.save", "Save the follow-up")
message("review.saved", "Follow-up saved.")
message("review.latest", "Latest follow-up per department")
message("review.none", "not followed up yet")
message("review.col.department", "Department")
message("review.col.month", "Month")
message("review.col.status", "Status")
message("review.col.note", "Note")
message("review.col.reviewer", "By")
message("review.col.reviewer_role", "Role")
message("review.col.reviewed_at", "On")
message("review.col.follow_up", "Follow up on")
message("review.follow_up", "Follow up on (optional)")
message("review.save_anyway", "Save anyway")
message("review.manage", "Edit, close or delete a follow-up")
message("review.pick", "Follow-up")
message("review.update", "Save the changes")
message("review.close", "Close")
message("review.delete", "Delete")
message("review.updated", "Follow-up changed.")
message("review.deleted", "Follow-up deleted.")
message("review.from_month",
        "A follow-up counts from its month on: the list shows those up to and including {month}.")
message("hotspots.col.review", "Follow-up")
message("cycle.verdict.likely_improvement", "likely improved")
message("cycle.verdict.no_clear_change", "no clear change")
message("cycle.verdict.likely_worse", "likely worse")
message("cycle.verdict.too_early", "too early")
message("cycle.verdict.too_little_data", "too little data")
message("cycle.evaluation.sentence",
        "{indicator} in {department} went from {before} to {after} ({team_change}); in the rest "
        "of the organisation {rest_change}; difference {effect} (95% CI {low} to {high}): "
        "{verdict}.")
message("cycle.evaluation.sentence_organisation",
        "{indicator} in {department} went from {before} to {after} ({effect}, 95% CI {low} to "
        "{high}), without a comparison group: {verdict}.")
message("cycle.evaluation.organisation", "the organisation")
message("cycle.evaluation.too_early",
        "{indicator} in {department}: too early to judge; at least {minimum} months after the "
        "start-up are needed.")
message("cycle.evaluation.too_little_data",
        "{indicator} in {department}: too little data to judge (fewer than {minimum} usable "
        "months before or after, a small group or too few cases).")
message("cycle.status.planned", "Planned")
message("cycle.status.running", "Running")
message("cycle.status.evaluated", "Evaluated")
message("cycle.status.adjusted", "Adjusted")
message("cycle.status.stopped", "Stopped")
message("cycle.status.closed", "Closed")
message("cycle.level.primary", "Primary prevention")
message("cycle.level.secondary", "Secondary prevention")
message("cycle.level.tertiary", "Tertiary prevention")
message("cycle.event.reorganisation", "Reorganisation")
message("cycle.event.move", "Move")
message("cycle.event.new_system", "New system or software")
message("cycle.event.merger", "Merger")
message("cycle.event.social_action", "Strike or other social action")
message("cycle.event.serious_incident", "Serious incident")
message("cycle.transition_refused", "An action that is '{old}' cannot become '{new}'.")
message("cycle.not_allowed", "Your role may only read actions, events and meetings.")
message("cycle.advice_refused",
        "Advice not saved: it contains {found}. A collective advice is about teams, never about a "
        "person.")
message("upload.too_large",
        "{file} is too large ({size} MB): at most {limit} MB per file. Split the file, for "
        "example by year.")
