"""Shared Streamlit helpers for the dashboard pages (the `signals` package stays Streamlit-free)."""
