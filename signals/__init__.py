"""Collective warning signals for burn-out prevention (the domain layer).

No Streamlit import here: everything is usable from the command line and tests.
"""

__version__ = "0.1.0"
