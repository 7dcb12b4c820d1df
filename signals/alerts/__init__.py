"""Stage 3, alerts: indicator series become signals with a reason a person can read.

The control-chart statistics (spc), the rules applied per department and indicator
(detection), "since" and "months in a row" (runs), the signal sentences (sentences), the
plain-words explanation of the method (method), the themes' worst light and the committee's
followed indicators (groups), and the pre-diagnosis lights of a year's signals (prediagnosis).
"""
