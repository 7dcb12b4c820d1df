"""Colours, signal levels and the page CSS: high contrast, large type, Okabe-Ito palette."""

from __future__ import annotations

import streamlit as st

# Okabe & Ito (2008): distinguishable with every common colour-vision deficiency.
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}
SERIES_COLOURS = [
    OKABE_ITO["blue"], OKABE_ITO["orange"], OKABE_ITO["bluish_green"],
    OKABE_ITO["reddish_purple"], OKABE_ITO["sky_blue"], OKABE_ITO["vermillion"],
    OKABE_ITO["black"],
]
ORGANISATION_COLOUR = "#555555"
SUPPRESSED_COLOUR = "#D9D9D9"

# Signal levels: colour, icon and text together, so no meaning rests on colour alone.
LEVEL_COLOURS = {"ok": OKABE_ITO["bluish_green"], "watch": OKABE_ITO["orange"],
                 "alert": OKABE_ITO["vermillion"], "improvement": OKABE_ITO["bluish_green"]}
LEVEL_ICONS = {"ok": "●", "watch": "▲", "alert": "■", "unjudged": "○", "no_data": "○",
               "incomplete": "◐", "improvement": "◇"}
# An improvement (ui.improvements): calm, hollow, in the palette's bluish green, apart from
# the warning colours and filled shapes.
IMPROVEMENT_COLOUR = OKABE_ITO["bluish_green"]
IMPROVEMENT_ICON = LEVEL_ICONS["improvement"]

BASE_CSS = """
<style>
  .block-container { padding-top: 2.2rem !important;
    padding-left: clamp(1rem, 2.5vw, 5rem) !important; padding-right: clamp(1rem, 2.5vw, 5rem) !important; }
  h1 { font-size: 2.3rem !important; }
  [data-testid="stMetricValue"] { font-size: 2.4rem !important; font-weight: 700; }
  [data-testid="stMetricDelta"] { font-size: 1.05rem !important; }
  /* Indicator tiles: texts sized to the tile's own width (a 1280-pixel screen with the
     sidebar gives 5 tiles of ~150 pixels); words break only at their soft hyphens. */
  [class*="st-key-tile_"] { container-type: inline-size; padding: 0.8rem !important; }
  .tile-name { font-size: clamp(0.95rem, 12.5cqi, 1.25rem); font-weight: 700; line-height: 1.2;
               min-height: 2.4em; overflow-wrap: normal; hyphens: manual; }
  [class*="st-key-tile_"] [data-testid="stMetricValue"] { font-size: clamp(1.4rem, 25cqi, 2.4rem) !important; }
  [class*="st-key-tile_"] [data-testid="stMetricDelta"] { font-size: clamp(0.85rem, 9.5cqi, 1.05rem) !important; }
  [class*="st-key-tile_"] .signal-light { font-size: clamp(0.9rem, 10.5cqi, 1.05rem); }
  [data-testid="stVerticalBlockBorderWrapper"] [data-testid="stCaptionContainer"] { font-size: 0.95rem; }
  .signal-light { font-size: 1.05rem; font-weight: 700; padding: 0.15rem 0.6rem;
                  border-radius: 0.4rem; display: inline-block; }
  .signal-ok    { background: #E6F5EF; color: #00573F; border: 2px solid #009E73; }
  .signal-watch { background: #FFF3D6; color: #6B4A00; border: 2px solid #E69F00; }
  .signal-alert { background: #FBE5D9; color: #7A2E00; border: 2px solid #D55E00; }
  .signal-unjudged, .signal-no_data {
    background: #F2F2F2; color: #333333; border: 2px dashed #777777; }
  .signal-improvement { background: #E6F5EF; color: #00573F; border: 2px dashed #009E73; }
  .signal-incomplete { background: #FFF8E6; color: #6B4A00; border: 2px dashed #B07800; }
  .demo-banner { background: #0072B2; color: #FFFFFF; font-weight: 700; font-size: 1.1rem;
                 padding: 0.5rem 1rem; border-radius: 0.4rem; }
  .attention-row { font-size: 1.2rem; padding: 0.45rem 0; border-bottom: 1px solid #CCC; }
  .attention-row .reasons { list-style: none; margin: 0.3rem 0 0 0; padding: 0; font-size: 1.05rem; }
  .attention-row .reasons li { margin: 0.2rem 0 0.2rem 1.4rem; text-indent: -1.4rem; }
  .icon-alert { color: #D55E00; } .icon-watch { color: #B07800; }
  /* the four language names on one row of the sidebar (a wrapped row lost its border) */
  .st-key-sidebar_language button { padding-left: 0.3rem !important; padding-right: 0.3rem !important; }
  .st-key-sidebar_language button p { font-size: 0.8rem !important; }
  .literal-table { border-collapse: collapse; width: 100%; font-size: 1rem; margin-bottom: 0.5rem; }
  .literal-table th, .literal-table td { border: 1px solid #D5D9E0; padding: 0.35rem 0.6rem;
                                         text-align: left; vertical-align: top; }
  .literal-table th { background: #F2F4F7; font-weight: 600; }
  .literal-table td.number { text-align: right; font-variant-numeric: tabular-nums; }
  .access-off { background: #FFF3D6; color: #6B4A00; border: 2px solid #E69F00; font-weight: 700;
                padding: 0.4rem 1rem; border-radius: 0.4rem; margin-bottom: 0.4rem; }
</style>
"""

PRESENTATION_CSS = """
<style>
  [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
  [data-testid="stHeader"], [data-testid="stToolbar"] { display: none !important; }
  .block-container { padding-top: 1rem !important; max-width: 100% !important; }
  [class*="st-key-tile_"] [data-testid="stMetricValue"] { font-size: clamp(1.4rem, 25cqi, 3rem) !important; }
  .tile-name { font-size: clamp(1.125rem, 12.5cqi, 1.35rem); }
  h1 { font-size: 2rem !important; padding: 0 !important; }
  h2 { padding-top: 0 !important; }
  /* at least 18 pixels for every text on the projector */
  [data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p,
  [data-testid="stMarkdown"] p, [data-testid="stAlert"] p,
  .attention-row .reasons { font-size: 18px !important; }
  [data-testid="stVerticalBlockBorderWrapper"] [data-testid="stCaptionContainer"] { font-size: 18px !important; }
  .attention-row { font-size: 1.25rem; padding: 0.3rem 0; }
  .attention-row .reasons { line-height: 1.4; margin-top: 0.15rem; }
  .st-key-presentation_split h3 { padding-top: 0 !important; }
  [class*="st-key-tile_"] [data-testid="stMetricDelta"], [class*="st-key-tile_"] .signal-light {
    font-size: 18px !important; }
  [data-testid="stWidgetLabel"] p, [data-baseweb="select"] span, [data-baseweb="select"] div,
  [data-testid="stMultiSelectTagsContainer"] span, [data-testid="stButtonGroup"] p {
    font-size: 18px !important; }
  /* the overview's tiles and the departments to look at: side by side from 1600 pixels on */
  @media (max-width: 1599px) {
    .st-key-presentation_split > [data-testid="stLayoutWrapper"] > [data-testid="stHorizontalBlock"] {
      flex-wrap: wrap; }
    .st-key-presentation_split > [data-testid="stLayoutWrapper"] > [data-testid="stHorizontalBlock"]
      > [data-testid="stColumn"] {
      flex: 1 1 100% !important; width: 100% !important; min-width: 100% !important; }
    /* one under the other: the departments to look at first, on the first screen at 1280 */
    .st-key-presentation_split > [data-testid="stLayoutWrapper"] > [data-testid="stHorizontalBlock"]
      > [data-testid="stColumn"]:last-child { order: -1; }
  }
  /* the steps through the presentation: large, bottom right, over the page */
  .st-key-presentation_bar { position: fixed; right: 1.5rem; bottom: 1rem; z-index: 999990;
    width: auto !important; padding: 0.5rem; border-radius: 0.8rem;
    background: rgba(255, 255, 255, 0.94); box-shadow: 0 2px 12px rgba(0, 0, 0, 0.25); }
  .st-key-presentation_bar button { min-height: 3.2rem; padding: 0.5rem 1.4rem; }
  .st-key-presentation_bar button p { font-size: 1.35rem !important; font-weight: 700; }
  @media (max-height: 900px) {      /* a 1280 x 800 projector: a smaller bar over the page */
    .st-key-presentation_bar { opacity: 0.85; bottom: 0.5rem; right: 0.5rem; padding: 0.3rem; }
    .st-key-presentation_bar:hover { opacity: 1; }
    .st-key-presentation_bar button { min-height: 2.6rem; padding: 0.3rem 1rem; }
    .st-key-presentation_bar button p { font-size: 1.15rem !important; }
  }
  .st-key-present_previous_remote, .st-key-present_next_remote { display: none !important; }
  [data-testid="stDownloadButton"] { display: none !important; }   /* the desk's, not the room's */
</style>
"""


def apply_theme(presenting: bool) -> None:
    st.html(BASE_CSS)
    if presenting:
        st.html(PRESENTATION_CSS)


def level_of(value) -> str:
    """Map an alerts level (None, 'watch', 'alert', 'improvement', or our 'unjudged',
    'no_data' and 'incomplete') to a light."""
    return value if value in ("watch", "alert", "improvement", "unjudged", "no_data",
                              "incomplete") else "ok"

