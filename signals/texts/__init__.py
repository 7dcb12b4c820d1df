"""The interface's words in every language (i18n) and locale-aware numbers and dates
(formatting)."""
