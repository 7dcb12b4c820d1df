"""Stage 2, measures: stored rows become the contract's indicators per department and month.

The Belgian working calendar (calendar), the indicator SQL (indicators), the rates of the
observed measures (observations), the survey scores (survey), the suppression of small
groups (suppression), months with incomplete data (completeness) and published reference
figures (reference).
"""
