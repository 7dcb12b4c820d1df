"""Stage 2, measures: stored rows become the contract's indicators per department and month.

The Belgian working calendar (calendar), the indicator SQL (indicators), the rates of the
observed measures (observations), the survey scores (survey), the suppression of small
groups (suppression), months with incomplete data (completeness), published reference
figures (reference), the change of survey scores between two surveys (survey_change) and the
committee's yearly re-integration evaluation (reintegration_review).
"""
