"""Upload for HR: validate CSV files, store them after confirmation, see the history."""

from __future__ import annotations

import duckdb
import streamlit as st

from signals import audit, config
from signals.definitions import KINDS
from signals.store import DatabaseBusy
from ui.access_control import access_db, local_time, require_page
from ui.context import page_context
from ui.data import load_upload_history, real_database_has_data
from ui.downloads import download_csv
from ui.labels import kind_label, plain
from ui.tables import literal_table
from ui.upload import (MAX_UPLOAD_MEGABYTES, preview_frame, remember_stored,
                       size_in_megabytes, stored_result, too_large, validation_for)

viewer = require_page("upload")  # the role check, before anything is read or shown
context = page_context()
lang, t = context.lang, context.t
KIND_NAMES = list(KINDS)


def show_templates() -> None:
    """Per kind: the columns explained on screen, a template and the column guide to download."""
    from signals.templates import guide_frame, guide_labels, template_frame

    with st.expander(t("upload.templates")):
        st.caption(t("upload.templates_help"))
        labels = guide_labels(lang)
        for tab, kind in zip(st.tabs([kind_label(kind, lang) for kind in KIND_NAMES]), KIND_NAMES):
            with tab:
                guide = guide_frame(kind, lang)
                hidden = ["contract_name", "also_accepted"]
                hidden += ["allowed_values"] if not guide["allowed_values"].any() else []
                literal_table(guide.drop(columns=hidden).rename(columns=labels), show_index=False)
                template = template_frame(kind, lang)     # headers already in the language
                download_csv(t("upload.download_template"), template,
                             f"{kind}_template.csv", key=f"template_{kind}", lang=lang,
                             labels={name: name for name in template.columns},
                             machine_frame=template_frame(kind, lang, excel=False))
                download_csv(t("upload.download_guide"), guide, f"{kind}_column_guide.csv",
                             key=f"guide_{kind}", lang=lang, labels=labels)


def confirm_demo_replacement() -> bool:
    """Before the first own file replaces the demo organisation: ask (True when agreed or moot)."""
    if real_database_has_data():
        return True
    st.warning(t("upload.demo_replaced"))
    return st.checkbox(t("upload.demo_confirm"), key="upload_demo_confirm")


def show_counts(result) -> None:
    new, replaced, unchanged = st.columns(3)
    new.metric(t("upload.rows_new"), result.rows_new)
    replaced.metric(t("upload.rows_replaced"), result.rows_replaced)
    unchanged.metric(t("upload.rows_unchanged"), result.rows_unchanged)


def store_file(kind: str, name: str, data: bytes) -> None:
    from signals.ingest import ingest_bytes

    try:
        result = ingest_bytes(config.default_db_path(), kind, name, data, uploaded_by=viewer.actor)
    except (DatabaseBusy, duckdb.ConnectionException):    # another process, or a read in this one
        st.error(t("error.busy"))
        return
    audit.record_upload(access_db(), viewer.actor, result)
    remember_stored(data, kind, result)
    st.rerun()


def show_file(index: int, uploaded) -> None:
    from signals.ingest import detect_kind

    data = uploaded.getvalue()
    if too_large(data):
        st.error(t("upload.too_large", file=plain(uploaded.name), size=size_in_megabytes(data),
                   limit=MAX_UPLOAD_MEGABYTES))
        return
    detected = detect_kind(data)
    with st.container(border=True):
        st.subheader(plain(uploaded.name))
        kind = st.selectbox(
            t("upload.kind"), KIND_NAMES, format_func=lambda k: kind_label(k, lang),
            index=KIND_NAMES.index(detected) if detected in KIND_NAMES else 0,
            key=f"upload_kind_{index}_{uploaded.file_id}",
        )
        st.caption(t("upload.detected", kind=kind_label(detected, lang)) if detected
                   else t("upload.not_detected"))
        preview = preview_frame(data)
        if preview is not None:
            with st.expander(t("upload.preview")):
                st.dataframe(preview, hide_index=True)

        stored = stored_result(data, kind)
        if stored is not None:
            if stored.accepted:
                st.success(t("upload.stored", rows=stored.rows_total))
                show_counts(stored)
            else:
                st.error(t("upload.rejected", n=stored.error_count))
            return

        result = validation_for(kind, uploaded.name, data)
        for warning in result.warning_texts(lang):
            st.warning(plain(warning))
        if not result.accepted:
            st.error(t("upload.rejected", n=result.error_count))
            errors = result.error_table(lang)
            shown = errors.drop(columns="file").rename(columns=lambda c: t("upload.error." + c))
            literal_table(shown.set_index(t("upload.error.line")))
            if result.error_count > len(errors):
                st.caption(t("upload.more_errors", n=result.error_count - len(errors)))
            download_csv(t("upload.download_report"), errors, f"{uploaded.name}.errors.csv",
                         key=f"report_{index}_{uploaded.file_id}", lang=lang,
                         labels={c: t("upload.error." + c) for c in errors.columns})
            return
        st.success(t("upload.valid", rows=result.rows_total))
        if st.button(t("upload.confirm"), type="primary", key=f"store_{index}_{uploaded.file_id}",
                     disabled=not may_store):
            store_file(kind, uploaded.name, data)


def translate_uploader() -> None:
    """Streamlit writes the uploader's button and limits in English: overwrite them with CSS."""
    def css_text(value: str) -> str:
        return value.replace("\\", "").replace('"', "'")

    zone = '[data-testid="stFileUploaderDropzone"]'
    st.html(f"""<style>
      {zone} button [data-testid="stMarkdownContainer"] p {{ font-size: 0; }}
      {zone} button [data-testid="stMarkdownContainer"] p::after {{
        content: "{css_text(t("upload.button"))}"; font-size: 1rem; }}
      [data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; }}
      [data-testid="stFileUploaderDropzoneInstructions"] span::after {{
        content: "{css_text(t("upload.limits", limit=MAX_UPLOAD_MEGABYTES))}"; font-size: 0.9rem; }}
    </style>""")


translate_uploader()
st.title(t("upload.title"))
st.write(t("upload.intro"))
show_templates()
files = st.file_uploader(t("upload.drop"), type=["csv", "txt"], accept_multiple_files=True,
                         key="upload_files")
may_store = confirm_demo_replacement() if files else True
for position, uploaded_file in enumerate(files or []):
    show_file(position, uploaded_file)

st.subheader(t("upload.history"))
history = load_upload_history(config.default_db_path())
if history.empty:
    st.caption(t("upload.no_history"))
else:
    history["status"] = history["status"].map(lambda s: t("status." + s))
    history["kind"] = history["kind"].map(lambda k: kind_label(k, lang) if k in KINDS else k)
    history["uploaded_at"] = history["uploaded_at"].map(local_time)   # Brussels, as the audit log
    st.dataframe(history.rename(columns=lambda c: t("history." + c)), hide_index=True)
