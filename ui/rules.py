"""Names of the signal rules, from signals.alerts.RULES (rule id -> names per language)."""

from __future__ import annotations


def rule_names(lang: str) -> dict[str, str]:
    from signals.alerts.detection import RULES

    return {rule: _name(names, lang) for rule, names in RULES.items()}


def _name(names, lang: str) -> str:
    if isinstance(names, dict):
        return names.get(lang) or next(iter(names.values()))
    return str(getattr(names, "names", {}).get(lang, names))
