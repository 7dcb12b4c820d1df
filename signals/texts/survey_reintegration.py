"""The texts of the survey page, the leading-indicator block of Trends and the yearly
re-integration evaluation (English source; translations in the catalogues).

Survey domains are named as the FOD WASO questionnaire on work-related psychosocial risks
(2023) names them: its five domains (the law's "5 A's") and exhaustion.
"""

from __future__ import annotations

from .catalogue import message

message("page.survey", "Survey results")
message("page.reintegration", "Re-integration")

# The survey domains (CONTRACT `survey`), as the FOD WASO questionnaire names them.
message("survey.domain.work_organisation", "Work organisation")
message("survey.domain.work_content", "Job content")
message("survey.domain.employment_conditions", "Terms of employment")
message("survey.domain.working_conditions", "Working conditions")
message("survey.domain.interpersonal_relations", "Relations at work")
message("survey.domain.exhaustion", "Exhaustion")

message("survey.title", "Survey results: psychosocial risks")
message("survey.intro",
        "Scores from 0 to 100 per domain of the FOD WASO questionnaire on psychosocial risks: "
        "a higher score means more risk. These are leading indicators: they show risks before "
        "the damage shows in absence or turnover.")
message("survey.none", "No survey results yet. They are uploaded as the file kind 'Survey'.")
message("survey.date", "Survey of")
message("survey.scores_title", "Scores per department, survey of {date}")
message("survey.scores_axis", "Score (0-100, higher = more risk)")
message("survey.hidden_caption",
        "Grey cells are not shown: fewer than {n} respondents, or hidden to protect a small "
        "department (the organisation's mean would give it away).")
message("survey.hover_score", "{department} · {domain}<br>score {score} · {respondents} respondents")
message("survey.change_title", "Change between two surveys")
message("survey.first_wave", "From the survey of")
message("survey.second_wave", "to the survey of")
message("survey.department", "Department")
message("survey.one_wave", "Only one survey so far: a change needs two.")
message("survey.change_chart_title", "Change in score, {first} to {second}: {department}")
message("survey.change_axis", "Change in points (above 0 = more risk)")
message("survey.change_help",
        "The line around each point is the 95%\u00a0uncertainty interval, where the survey gives "
        "the standard deviation. Where the interval leaves out 0 the change is clear; where it "
        "holds 0 the change may be chance.")
message("survey.change.worse", "clearly more risk")
message("survey.change.better", "clearly less risk")
message("survey.change.unclear", "may be chance")
message("survey.change.no_interval", "no interval (no standard deviation given)")
message("survey.change.hidden", "not shown in one of the two surveys")
message("survey.change.missing", "not in both surveys")
message("survey.hover_change", "{domain}: {change} points<br>95%\u00a0interval {low} to {high}")
message("survey.column.date", "Survey date")
message("survey.column.department", "Department")
message("survey.column.domain", "Domain")
message("survey.column.respondents", "Respondents")
message("survey.column.score", "Score")
message("survey.column.score_sd", "Standard deviation")
message("survey.column.score_first", "Score before")
message("survey.column.score_second", "Score after")
message("survey.column.respondents_first", "Respondents before")
message("survey.column.respondents_second", "Respondents after")
message("survey.column.change", "Change")
message("survey.column.low", "95%\u00a0interval from")
message("survey.column.high", "95%\u00a0interval to")
message("survey.column.reading", "Reading")
message("survey.download_scores", "Download the scores")
message("survey.download_change", "Download the changes")

# The leading block on the department view of Trends.
message("survey.leading_title", "Leading indicators: survey of {date}")
message("survey.leading_help",
        "Psychosocial risks measured before damage: score 0-100, higher = more risk; the "
        "change since the survey of {date} below each score.")
message("survey.leading_help_one", "Psychosocial risks measured before damage: score 0-100, "
        "higher = more risk.")
message("survey.leading_none", "No survey results for {department}.")

# The yearly re-integration evaluation.
message("reintegration.title", "Re-integration: the yearly evaluation")
message("reintegration.intro",
        "Since 2022 the employer evaluates the collective re-integration policy every year with "
        "the committee for prevention and protection at work. The figures count the requests, "
        "the occupational physician's decisions and the ended trajectories of the chosen year. "
        "A count under {n} is not shown, nor any count that would give it away.")
message("reintegration.none", "No re-integration records yet.")
message("reintegration.year", "Year")
message("reintegration.year_running", "{year} is not over: the figures so far.")
message("reintegration.nothing_in_year", "No request, decision or outcome in {year}.")
message("reintegration.metric.requests", "Requests")
message("reintegration.metric.decisions", "Decisions")
message("reintegration.metric.outcomes", "Ended")
message("reintegration.metric.returned", "Back at work")
message("reintegration.metric.force_majeure", "Medical force majeure")
message("reintegration.share", "{share} of those ended")
message("reintegration.hidden", "not shown")
message("reintegration.requests_title", "Requests received in {year}")
message("reintegration.by_type", "By type")
message("reintegration.by_initiator", "By who asked")
message("reintegration.decisions_title", "Decisions of the occupational physician in {year}")
message("reintegration.term_title", "Time from request to decision, against the legal term")
message("reintegration.term.2016",
        "Requests before 1 October 2022: the decision within 40 working days (royal decree of "
        "28 October 2016).")
message("reintegration.term.2022",
        "Requests since 1 October 2022: the decision within 49 calendar days (royal decree of "
        "11 September 2022).")
message("reintegration.median", "Half of the decisions came within {days} days of the request.")
message("reintegration.outcomes_title", "How trajectories ended in {year}")
message("reintegration.outcomes_chart", "Ended trajectories in {year}")
message("reintegration.outcomes_axis", "Number")
message("reintegration.returned_note",
        "Back at work: the same work, adapted work or other work. Medical force majeure ends the "
        "employment contract (since 2022 a separate procedure).")
message("reintegration.departments_title", "Per department")
message("reintegration.departments_small",
        "Fewer than {n} in each figure, so not shown: {departments}.")
message("reintegration.short_note", "'< {n}' below: fewer than {n}, not shown.")
message("reintegration.departments_help",
        "Requests, decisions and ended trajectories per department. The breakdowns above are "
        "not given per department: they would give small numbers away.")
message("reintegration.column.what", "What")
message("reintegration.column.count", "Number")
message("reintegration.column.section", "Part")
message("reintegration.column.department", "Department")
message("reintegration.column.requests", "Requests")
message("reintegration.column.decisions", "Decisions")
message("reintegration.column.outcomes", "Ended")
message("reintegration.column.suppressed", "Hidden")
message("reintegration.column.reason", "Why hidden")
message("reintegration.download", "Download the figures")
message("reintegration.section.request_type", "Requests by type")
message("reintegration.section.initiator", "Requests by who asked")
message("reintegration.section.decision", "Decisions")
message("reintegration.section.decision_term", "Decision against the legal term")
message("reintegration.section.outcome", "Outcomes")
message("reintegration.section.total", "Totals")
message("reintegration.section.department", "Per department")
message("reintegration.request_type.trajectory", "Re-integration trajectory")
message("reintegration.request_type.pre_return_visit", "Visit before returning to work")
message("reintegration.request_type.preventive", "Preventive request (at risk, still working)")
message("reintegration.initiator.worker", "The worker")
message("reintegration.initiator.treating_physician", "The treating physician")
message("reintegration.initiator.employer", "The employer")
message("reintegration.initiator.advisory_physician",
        "The advisory physician of the health insurance fund")
message("reintegration.decision.temporary_adapted_work",
        "Temporarily unfit, adapted or other work meanwhile")
message("reintegration.decision.temporary_no_work", "Temporarily unfit, no work meanwhile")
message("reintegration.decision.definitive_adapted_work",
        "Definitively unfit, adapted or other work possible")
message("reintegration.decision.definitive_no_work", "Definitively unfit, no work possible")
message("reintegration.decision.not_assessable", "Not assessable for medical reasons")
message("reintegration.decision_term.within_term", "Within the legal term")
message("reintegration.decision_term.late", "After the legal term")
message("reintegration.outcome.returned_same_work", "Back at the same work")
message("reintegration.outcome.returned_adapted_work", "Back at adapted work")
message("reintegration.outcome.returned_other_work", "Back at other work")
message("reintegration.outcome.ended_medical_force_majeure", "Medical force majeure")
message("reintegration.outcome.ended_other", "Ended otherwise")
message("reintegration.outcome.stopped", "Stopped")
message("reintegration.total.requests", "Requests")
message("reintegration.total.decisions", "Decisions")
message("reintegration.total.outcomes", "Ended trajectories")
message("reintegration.total.returned", "Back at work")
message("reintegration.total.force_majeure", "Medical force majeure")
