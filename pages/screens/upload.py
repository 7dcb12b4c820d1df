"""Upload: validate CSV files, store them after confirmation, see the history.

Each role is offered only its own kinds (signals.access.uploads); the server refuses the rest
(signals.ingest.by_role)."""

from __future__ import annotations

import functools

import duckdb
import streamlit as st

from signals import config
from signals.access.uploads import kinds_for
from signals.definitions import KINDS
from signals.store import DatabaseBusy
from ui.access_control import local_time, require_page
from ui.context import page_context
from ui.data import load_upload_history, read_connection, real_database_has_data
from ui.downloads import download_csv, safe_dataframe
from ui.labels import kind_label, plain
from ui.tables import literal_table
from ui.upload import (
    chosen_kind,
    forget_stored,
    preview_frame,
    rejection_recorded,
    remember_rejection,
    remember_stored,
    size_in_megabytes,
    stored_result,
    summary_frame,
    too_large,
    undo_pending_key,
    upload_limit_megabytes,
    validation_for,
)
from ui.upload_roles import show_role_kinds, undoable_for, upload_role

viewer = require_page("upload")  # the role check, before anything is read or shown
context = page_context()
lang, t = context.lang, context.t
role = upload_role(viewer)
KIND_NAMES = [kind for kind in KINDS if kind in kinds_for(role)]     # the role's own kinds


def show_templates() -> None:
    """Per kind: the columns explained on screen, a template and the column guide to download."""
    from signals.ingest.templates import guide_frame, guide_labels, template_frame

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


def store_one(kind: str, name: str, data: bytes) -> bool:
    """Store (or, when invalid, record as rejected) one file; False when the database is busy."""
    from signals.ingest.by_role import upload_bytes

    try:         # the server checks the role's kinds and source, and writes the audit log
        result = upload_bytes(config.default_db_path(), viewer.actor, kind, name, data)
    except (DatabaseBusy, duckdb.ConnectionException):    # another process, or a read in this one
        st.error(t("error.busy"))
        return False
    except config.ConfigError as error:                    # its text names no server path
        st.error(plain(error.text))
        return False
    remember_stored(data, kind, result)
    return True


def record_rejected_file(kind: str, name: str, data: bytes, result) -> None:
    """A rejected file's row in the upload history (and the audit log), once per content and
    kind, not on every rerun; nothing of it is stored, so the demo stays shown."""
    from signals.ingest.rejections import record_rejected

    if rejection_recorded(data, kind) or stored_result(data, kind) is not None:
        return
    try:
        upload_id = record_rejected(config.default_db_path(), viewer.actor, kind, name, data,
                                    checked=result, checked_role=role)
    except (DatabaseBusy, duckdb.ConnectionException):     # tried again on the next run
        st.error(t("error.busy"))
        return
    except config.ConfigError as error:
        st.error(plain(error.text))
        return
    remember_rejection(data, kind, result, upload_id)


def unread_rejection(name: str, data: bytes):
    """The rejection of a file too large or too wide to read, as the first kind (as stored)."""
    return validation_for(KIND_NAMES[0], name, data, (), role)


def store_file(kind: str, name: str, data: bytes) -> None:
    if store_one(kind, name, data):
        st.rerun()


def file_state(index: int, uploaded) -> tuple[str, object, object]:
    """(kind, stored result or None, validation result); a rejected file is recorded in the
    upload history here, once per run (the boxes below only show it)."""
    from signals.ingest.loader import column_problem, detect_kind

    data = uploaded.getvalue()
    if too_large(data) or column_problem(data):       # never read further
        kind, validation = KIND_NAMES[0], unread_rejection(uploaded.name, data)
    else:
        kind = chosen_kind(index, uploaded, detect_kind(data), KIND_NAMES)
        validation = validation_for(kind, uploaded.name, data, known_departments(), role)
    if not validation.accepted:                       # in the history at once, as rejected
        record_rejected_file(kind, uploaded.name, data, validation)
    return kind, stored_result(data, kind), validation


def summary_row(uploaded, kind: str, stored, validation) -> dict:
    result = stored or validation
    outcome = ("stored" if stored is not None and stored.accepted
               else "valid" if result.accepted else "rejected")
    rows, warnings, errors = result.rows_total, len(result.warnings), result.error_count
    return {"file": uploaded.name, "kind": kind_label(kind, lang),
            "result": t("upload.result." + outcome), "rows": rows, "warnings": warnings,
            "errors": errors, "outcome": outcome}


def show_batch(files, states) -> None:
    """Several files (`states`: their file_state): a summary at the top and one button that
    stores every valid file."""
    rows = [summary_row(uploaded, *state) for uploaded, state in zip(files, states)]
    outcomes = [row.pop("outcome") for row in rows]
    st.subheader(t("upload.summary"))
    counts = dict(stored=outcomes.count("stored"), valid=outcomes.count("valid"),
                  rejected=outcomes.count("rejected"), warnings=sum(r["warnings"] for r in rows))
    message = t("upload.summary_counts", **counts)
    (st.error if counts["rejected"] else st.success if not counts["valid"] else st.info)(message)
    literal_table(summary_frame(rows, t), show_index=False)
    waiting = [i for i, (_, stored, _) in enumerate(states) if stored is None]
    if not waiting:
        return
    if counts["rejected"]:
        st.caption(t("upload.store_all_note"))
    if st.button(t("upload.store_all"), type="primary", key="store_all",
                 disabled=not counts["valid"] or not may_store):
        for index in waiting:
            uploaded = files[index]
            if not store_one(states[index][0], uploaded.name, uploaded.getvalue()):
                return
        st.rerun()


@functools.cache     # once per run of this page (the script defines it anew each run)
def known_departments() -> tuple[str, ...]:
    from signals.ingest.loader import known_departments as stored_names

    try:
        return tuple(stored_names(config.default_db_path()))
    except (DatabaseBusy, duckdb.Error):
        return ()


def show_file(index: int, uploaded, batch: bool = False) -> None:
    """One file's box; with several files (`batch`) its details are collapsed."""
    from signals.ingest.loader import column_problem, detect_kind

    data = uploaded.getvalue()
    if too_large(data):
        st.error(t("upload.too_large", file=plain(uploaded.name), size=size_in_megabytes(data, lang),
                   limit=upload_limit_megabytes(lang)))
        return
    too_wide = column_problem(data)         # before anything else reads the file
    if too_wide:
        st.error(plain(f"{uploaded.name}: {too_wide.text(lang)}"))
        return
    detected = detect_kind(data)
    if batch:
        with st.expander(t("upload.details", file=plain(uploaded.name))):
            show_file_body(index, uploaded, data, detected, batch)
        return
    with st.container(border=True):
        show_file_body(index, uploaded, data, detected, batch)


def show_file_body(index: int, uploaded, data: bytes, detected: str | None, batch: bool) -> None:
    st.subheader(plain(uploaded.name))
    foreign = detected is not None and detected not in KIND_NAMES     # another role's kind
    kind = st.selectbox(
        t("upload.kind"), KIND_NAMES, format_func=lambda k: kind_label(k, lang),
        index=None if foreign else KIND_NAMES.index(detected) if detected in KIND_NAMES else 0,
        key=f"upload_kind_{index}_{uploaded.file_id}", placeholder=t("upload.choose_kind"),
    )
    if foreign:
        st.warning(t("upload.detected_not_yours", kind=kind_label(detected, lang)))
    else:
        st.caption(t("upload.detected", kind=kind_label(detected, lang)) if detected
                   else t("upload.not_detected"))
    if kind is None:                  # nothing to validate until one of the role's kinds is chosen
        return
    preview = preview_frame(data)
    if preview is not None and batch:                # an expander cannot hold another one
        st.caption(t("upload.preview"))
        safe_dataframe(preview, hide_index=True)
    elif preview is not None:
        with st.expander(t("upload.preview")):
            safe_dataframe(preview, hide_index=True)

    stored = stored_result(data, kind)
    if stored is not None:
        for warning in stored.warning_texts(lang):       # kept values are known only now
            st.warning(plain(warning))
        if stored.accepted:
            st.success(t("upload.stored", rows=stored.rows_total))
            show_counts(stored)
        else:
            show_rejection(stored, index, uploaded)
        return

    result = validation_for(kind, uploaded.name, data, known_departments(), role)
    for warning in result.warning_texts(lang):
        st.warning(plain(warning))
    if not result.accepted:
        show_rejection(result, index, uploaded)
        return
    st.success(t("upload.valid", rows=result.rows_total))
    if not batch and st.button(t("upload.confirm"), type="primary",
                               key=f"store_{index}_{uploaded.file_id}", disabled=not may_store):
        store_file(kind, uploaded.name, data)


def show_rejection(result, index: int, uploaded) -> None:
    st.error(t("upload.rejected", n=result.error_count))
    if result.upload_id is not None:
        st.caption(t("upload.rejection_recorded"))
    for error in result.errors:                          # the key's problem, say
        if error.line <= 0:
            st.error(plain(error.expected_text(lang)))
    errors = result.error_table(lang)
    shown = errors.drop(columns="file").rename(columns=lambda c: t("upload.error." + c))
    literal_table(shown.set_index(t("upload.error.line")))
    if result.error_count > len(errors):
        st.caption(t("upload.more_errors", n=result.error_count - len(errors)))
    download_csv(t("upload.download_report"), errors, f"{uploaded.name}.errors.csv",
                 key=f"report_{index}_{uploaded.file_id}", lang=lang,
                 labels={c: t("upload.error." + c) for c in errors.columns})


def undo(upload_id: int) -> None:
    from signals.ingest.by_role import UploadRefused, undo_upload
    from signals.ingest.undo import UndoRefused

    try:         # the server checks that the upload is the role's own
        result = undo_upload(config.default_db_path(), viewer.actor, upload_id)
    except (UndoRefused, UploadRefused) as refused:
        st.session_state["upload_undo_message"] = ("error", refused.message.text(lang), [])
        return
    except (DatabaseBusy, duckdb.ConnectionException):
        st.session_state["upload_undo_message"] = ("error", t("error.busy"), [])
        return
    forget_stored(upload_id)
    st.session_state["upload_undo_message"] = ("success", result.message().text(lang),
                                               result.left_keys)


def show_undo_message() -> None:
    shown = st.session_state.pop("upload_undo_message", None)
    if shown is None:
        return
    level, text, left = shown
    (st.success if level == "success" else st.error)(plain(text))
    if left:
        st.caption(plain(t("upload.undo_left", keys="; ".join(left))))


def show_undo(history, own: set[int]) -> None:
    """An undo button per upload that can be undone (`own`: the role's), each confirmed."""
    from signals.ingest.undo import undoable_ids

    show_undo_message()
    with read_connection(config.default_db_path()) as con:
        allowed = undoable_ids(con)
    rows = history[history["upload_id"].isin(allowed & own)]
    pending = st.session_state.get(undo_pending_key())
    with st.expander(t("upload.undo_title"), expanded=pending is not None):
        st.caption(t("upload.undo_intro"))
        if rows.empty:
            st.caption(t("upload.undo_none"))
        for row in rows.itertuples():
            upload_id = int(row.upload_id)
            label, button = st.columns([5, 1], vertical_alignment="center")
            label.write(plain(t("upload.undo_row", id=upload_id, file=row.file_name,
                                kind=row.kind, time=row.uploaded_at)))
            if button.button(t("upload.undo"), key=f"undo_{upload_id}"):
                st.session_state[undo_pending_key()] = pending = upload_id
            if pending == upload_id:
                confirm_undo(upload_id, row.file_name)


def confirm_undo(upload_id: int, file_name: str) -> None:
    st.warning(plain(t("upload.undo_confirm_text", id=upload_id, file=file_name)))
    yes, no = st.columns(2)
    if yes.button(t("upload.undo_confirm"), type="primary", key="undo_confirm"):
        st.session_state.pop(undo_pending_key(), None)
        undo(upload_id)
        st.rerun()
    if no.button(t("upload.undo_cancel"), key="undo_cancel"):
        st.session_state.pop(undo_pending_key(), None)
        st.rerun()


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
        content: "{css_text(t("upload.limits", limit=upload_limit_megabytes(lang)))}"; font-size: 0.9rem; }}
    </style>""")


translate_uploader()
st.title(t("upload.title"))
st.write(t("upload.intro"))
show_role_kinds(role, KIND_NAMES, lang)
show_templates()
files = st.file_uploader(t("upload.drop"), type=["csv", "txt"], accept_multiple_files=True,
                         key="upload_files")
states = [file_state(index, uploaded) for index, uploaded in enumerate(files or [])]
# only a file that could be stored may replace the demo (a rejected one is only recorded)
may_store = confirm_demo_replacement() if any(state[2].accepted for state in states) else True
if files and len(files) > 1:
    show_batch(files, states)
for position, uploaded_file in enumerate(files or []):
    show_file(position, uploaded_file, batch=len(files) > 1)

st.subheader(t("upload.history"))
history = load_upload_history(config.default_db_path())
if not history.empty:
    history = history[history["kind"].isin(KIND_NAMES)]          # the role's own kinds only
if history.empty:
    st.caption(t("upload.no_history"))
else:
    own_uploads = undoable_for(viewer, history)          # on the kinds' codes, before labels
    history["status"] = history["status"].map(lambda s: t("status." + s))
    history["kind"] = history["kind"].map(lambda k: kind_label(k, lang) if k in KINDS else k)
    history["uploaded_at"] = history["uploaded_at"].map(local_time)   # Brussels, as the audit log
    safe_dataframe(history.rename(columns=lambda c: t("history." + c)), hide_index=True)
    show_undo(history, own_uploads)
