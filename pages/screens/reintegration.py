"""Re-integration: the committee's yearly evaluation of the collective re-integration policy
(requests, the occupational physician's decisions against the legal term, outcomes)."""

from __future__ import annotations

import datetime as dt

import streamlit as st

from signals.texts.formatting import format_number
from ui.access_control import require_page
from ui.charts import projector_fonts
from ui.context import page_context
from ui.downloads import download_csv
from ui.labels import suppressed_text
from ui.reintegration_view import (
    all_small,
    count_table,
    default_year_index,
    department_table,
    download_labels,
    load_review,
    load_years,
    outcomes_figure,
    readable_download,
    review_download,
    share_text,
)
from ui.tables import literal_table
from ui.widgets import wrapping_metric_labels_css

TOTALS_KEY = "reintegration_totals"   # the year's counts, labels wrapping at 1280 px

viewer = require_page("reintegration")  # the role check, before anything is read or shown
context = page_context()
lang, t, database = context.lang, context.t, context.database
minimum = database.min_group_size

st.title(t("reintegration.title"))
st.caption(t("reintegration.intro", n=minimum) + " " + t("reintegration.short_note", n=minimum))
years = load_years(database.path, database.version)
if not years:
    st.info(t("reintegration.none"))
    st.stop()
if context.presenting:
    year = years[0]
    st.header(str(year))
else:
    year = st.selectbox(t("reintegration.year"), years, key="reintegration_year",
                        index=default_year_index(years, dt.date.today()))
review = load_review(*database.cache_key, year)
if year >= dt.date.today().year:
    st.caption(t("reintegration.year_running", year=year))

totals = review.totals.set_index("measure")
totals_block = st.container(key=TOTALS_KEY)
totals_block.html(wrapping_metric_labels_css(TOTALS_KEY))
columns = totals_block.columns(5)
for column, measure in zip(columns, ("requests", "decisions", "outcomes", "returned",
                                     "force_majeure")):
    count, reason = totals.loc[measure, "count"], totals.loc[measure, "reason"]
    hidden = count is None
    column.metric(t(f"reintegration.metric.{measure}"),
                  "–" if hidden else format_number(count, lang, 0),
                  help=suppressed_text(lang, minimum, reason) if hidden else None)
share = share_text(review.returned_share, lang)
if share:
    columns[3].caption(share)

st.subheader(t("reintegration.requests_title", year=year))
left, right = st.columns(2)
left.markdown(f"**{t('reintegration.by_type')}**")
with left:
    literal_table(count_table(review.requests_by_type, "request_type", lang, minimum),
                  show_index=False)
right.markdown(f"**{t('reintegration.by_initiator')}**")
with right:
    literal_table(count_table(review.requests_by_initiator, "initiator", lang, minimum),
                  show_index=False)

st.subheader(t("reintegration.decisions_title", year=year))
left, right = st.columns(2)
with left:
    literal_table(count_table(review.decisions, "decision", lang, minimum), show_index=False)
with right:
    st.markdown(f"**{t('reintegration.term_title')}**")
    literal_table(count_table(review.decision_terms, "decision_term", lang, minimum),
                  show_index=False)
    for regime in review.legal_terms["regime"]:
        st.caption(t(f"reintegration.term.{regime}"))
    if review.median_days is not None:
        st.caption(t("reintegration.median", days=format_number(review.median_days, lang, 0)))

st.subheader(t("reintegration.outcomes_title", year=year))
figure = outcomes_figure(review.outcomes, lang, t("reintegration.outcomes_chart", year=year))
st.plotly_chart(projector_fonts(figure) if context.presenting else figure,
                key="reintegration_outcomes", config={"displaylogo": False})
st.caption(t("reintegration.returned_note"))

st.subheader(t("reintegration.departments_title"))
departments = department_table(review.departments, lang, minimum)
if not departments.empty:
    literal_table(departments, show_index=False)
small = review.departments.loc[all_small(review.departments), "department"]
if len(small):
    st.caption(t("reintegration.departments_small", n=minimum, departments=", ".join(small)))
st.caption(t("reintegration.departments_help"))
download_csv(t("reintegration.download"), readable_download(review, lang),
             f"reintegration_{year}.csv", key="download_reintegration", lang=lang,
             labels=download_labels(lang), machine_frame=review_download(review))
