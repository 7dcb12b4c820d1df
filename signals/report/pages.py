"""How full each page of a laid-out report is: the check that no page is left mostly empty.

WeasyPrint lays the HTML out into pages before it writes the PDF (render.layout); a page's
fill is how far down its content area the lowest line of text, drawing or table cell
reaches (0 empty, 1 full). The running footers (margin boxes) and the DEMO watermark
(fixed) do not count. A part starts a page on purpose: the cover, the sections after it
(which flow one after the other), the appendix; a part's last page may be short.
"""

from __future__ import annotations

from collections.abc import Iterator

# the ids that start a page on purpose (report.css): the cover, the first section after it
# (the month's or the year's), the appendix
PART_STARTS = frozenset({"cover", "glance", "year_figures", "appendix"})


def _boxes(box) -> Iterator:
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.MarginBox) or box.style["position"] in ("absolute", "fixed"):
        return
    yield box
    for child in getattr(box, "children", None) or ():
        yield from _boxes(child)


def _content_bottom(page_box) -> float:
    """The lowest edge of a line, a drawing or a table cell on the page, from the page's top."""
    from weasyprint.formatting_structure import boxes

    leaves = (boxes.LineBox, boxes.ReplacedBox, boxes.TableCellBox)
    top = page_box.content_box_y()
    return max((box.position_y + box.margin_height() - box.margin_bottom - top
                for box in _boxes(page_box) if isinstance(box, leaves)), default=0.0)


def page_fills(document) -> list[float]:
    """Per page of a weasyprint Document, the share of its content area in use (0 to 1)."""
    return [min(1.0, _content_bottom(page._page_box) / page._page_box.height)
            for page in document.pages]


def part_ends(document) -> list[bool]:
    """Per page, whether it is the last page of a part: the next page starts one, or there
    is no next page."""
    starts = [bool(PART_STARTS & set(page.anchors)) for page in document.pages]
    return [index + 1 == len(starts) or starts[index + 1] for index in range(len(starts))]
