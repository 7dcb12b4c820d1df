"""Survey results: the psychosocial risk scores per department and domain for each survey,
and the change between two surveys with its uncertainty (the leading indicators)."""

from __future__ import annotations

import streamlit as st

from signals.definitions import ALL_DEPARTMENTS
from signals.measures.survey_change import survey_change
from ui.access_control import require_page
from ui.charts import projector_fonts
from ui.context import page_context
from ui.downloads import download_csv
from ui.survey_view import (
    change_download,
    change_figure,
    change_table,
    column_labels,
    date_text,
    department_name,
    load_survey,
    projector_heatmap,
    scores_download,
    scores_heatmap,
)
from ui.tables import literal_table

viewer = require_page("survey")  # the role check, before anything is read or shown
context = page_context()
lang, t, database = context.lang, context.t, context.database
frame = load_survey(*database.cache_key)

st.title(t("survey.title"))
st.caption(t("survey.intro"))
if frame.empty:
    st.info(t("survey.none"))
    st.stop()
dates = sorted(frame["date"].unique(), reverse=True)
if context.presenting:
    date = dates[0]
else:
    date = st.selectbox(t("survey.date"), dates, key="survey_date",
                        format_func=lambda day: date_text(day, lang))
rows = frame[frame["date"] == date]
heatmap = scores_heatmap(rows, lang, database.min_group_size,
                         t("survey.scores_title", date=date_text(date, lang)))
st.plotly_chart(projector_heatmap(heatmap) if context.presenting else heatmap,
                key="survey_heatmap", config={"displaylogo": False})
st.caption(t("survey.hidden_caption", n=database.min_group_size))
download_csv(t("survey.download_scores"), scores_download(frame, lang), "survey_scores.csv",
             key="download_survey", lang=lang,
             labels=column_labels(lang, scores_download(frame, lang).columns))

st.subheader(t("survey.change_title"))
if len(dates) < 2:
    st.info(t("survey.one_wave"))
    st.stop()
if context.presenting:           # no controls on the projector: the last two, the organisation
    first, second = dates[1], dates[0]
    change = survey_change(frame, first, second)
    department = ALL_DEPARTMENTS
else:
    first_column, second_column, department_column = st.columns(3)
    first = first_column.selectbox(t("survey.first_wave"), dates[1:], key="survey_first",
                                   format_func=lambda day: date_text(day, lang))
    second = second_column.selectbox(t("survey.second_wave"), [d for d in dates if d > first],
                                     key="survey_second",
                                     format_func=lambda day: date_text(day, lang))
    change = survey_change(frame, first, second)
    departments = [ALL_DEPARTMENTS] + sorted(d for d in change["department"].unique()
                                             if d != ALL_DEPARTMENTS)
    department = department_column.selectbox(t("survey.department"), departments,
                                             key="survey_department",
                                             format_func=lambda d: department_name(d, lang))
mine = change[change["department"] == department]
title = t("survey.change_chart_title", first=date_text(first, lang),
          second=date_text(second, lang), department=department_name(department, lang))
figure = change_figure(mine, lang, title)
st.plotly_chart(projector_fonts(figure) if context.presenting else figure,
                key="survey_change_chart", config={"displaylogo": False})
st.caption(t("survey.change_help"))
shown = change_table(mine, lang)
literal_table(shown.rename(columns=column_labels(lang, shown.columns)), show_index=False)
download_csv(t("survey.download_change"), change_download(change, lang),
             f"survey_change_{first}_{second}.csv", key="download_survey_change", lang=lang,
             labels=column_labels(lang, change_download(change, lang).columns))
