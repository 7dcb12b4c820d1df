"""Names of the signal rules (signals.alerts.sentences.rule_name), per rule id."""

from __future__ import annotations


def rule_names(lang: str) -> dict[str, str]:
    from signals.alerts.detection import RULES
    from signals.alerts.sentences import rule_name

    return {rule: rule_name(rule, lang) for rule in RULES}
