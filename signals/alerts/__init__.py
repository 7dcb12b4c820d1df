"""Stage 3, alerts: indicator series become signals with a reason a person can read.

The control-chart statistics (spc), the rules applied per department and indicator
(detection), "since" and "months in a row" (runs), the signal sentences (sentences) and the
plain-words explanation of the method (method).
"""
