"""How the signals work: expected value, limits, rules, watch and alert, hidden teams."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from signals.alerts.method import HEADERS, INTRO, rule_rows, sections
from ui.access_control import require_page
from ui.context import page_context
from ui.labels import level_label
from ui.tables import literal_table

viewer = require_page("method")  # the role check, before anything is shown
context = page_context()
lang, t = context.lang, context.t

st.title(t("method.title"))
st.markdown(INTRO[lang])
for title, body in sections(lang)[:2]:
    st.subheader(title)
    st.markdown(body)

st.subheader(HEADERS["rules_title"][lang])
st.markdown(HEADERS["rules_intro"][lang])
rules = pd.DataFrame(rule_rows(lang))
# icon and word stay on one line ("▲ Beobachten" is wider than the column)
rules["level"] = rules["level"].map(lambda level: level_label(level, lang).replace(" ", "\u00a0"))
literal_table(rules.rename(columns={column: HEADERS[column][lang] for column in rules.columns})
              .set_index(HEADERS["rule"][lang]))

for title, body in sections(lang)[2:]:
    st.subheader(title)
    st.markdown(body)
st.caption(HEADERS["source"][lang])
