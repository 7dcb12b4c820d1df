"""The interface's words in every language: English declared next to each area, translations
in the gettext catalogues under locale/ (catalogue), `text` to read them (i18n); and
locale-aware numbers and dates (formatting)."""
