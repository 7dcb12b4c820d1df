"""Reading an HR export file as Excel writes it: encoding, delimiter, header, line numbers.

The bytes are checked here (UTF-8 with or without BOM, else Windows-1252) and
handed on as clean UTF-8 with '\\n' line ends, so DuckDB reads one dialect.
Line numbers are counted on those bytes with numpy: a newline ends a record
unless an odd number of quotes precedes it (it then sits inside a quoted field),
so a quoted value spanning lines keeps the spreadsheet's line numbering. A file
without quotes and blank lines (the usual export) needs no counting: record i is
on line i + 2 (`plain_records`), and numpy is not even imported.

No record may have more than MAX_COLUMNS fields (`check_record_widths`): DuckDB's
reader takes quadratic time on a row with thousands of extra fields, so such a row
is refused before DuckDB sees it, in linear time.

No line may be longer than MAX_LINE_BYTES (`check_line_lengths`), the header included:
DuckDB refuses such a line without saying why, and past its read buffer drops it unseen
(the file lost that row, or had "no data rows"). The line is named instead, found without
visiting every line: a few `find` calls per MAX_LINE_BYTES of the file.
"""

from __future__ import annotations

import csv
import math
import re
from dataclasses import dataclass
from functools import cached_property

from ..config import BYTES_PER_MB, MAX_COLUMNS, MAX_LINE_BYTES
from .messages import Message

DELIMITERS = (",", ";")
NEWLINE = 10
QUOTE = 34
# Control characters never appear in a text export; they mark a binary file.
CONTROL_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32), 127])
CONTROL_BYTE_PATTERN = re.compile(b"[" + re.escape(CONTROL_BYTES) + b"]")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF8_BOM = b"\xef\xbb\xbf"
# DuckDB keeps a row with more fields than the header once per extra field, the whole
# line each time: past this many (extra fields x line bytes) the file is refused first.
MAX_EXTRA_FIELD_BYTES = 20_000_000
# A header cell may be as long as a line (the csv module's own limit is 128 KB); past
# MAX_LINE_BYTES the line is refused before csv reads it.
csv.field_size_limit(max(csv.field_size_limit(), MAX_LINE_BYTES))


class FileProblem(Exception):
    """The file as a whole cannot be read: a message for the person who uploaded it."""

    def __init__(self, key: str, line: int = 0, column: str = "", value: str = "", **params):
        self.problem = Message(key, {"line": line, **params})
        self.message = self.problem.text()
        super().__init__(self.message)
        self.line = line
        self.column = column
        self.value = value


@dataclass
class PreparedCsv:
    utf8: bytes                      # what DuckDB reads: UTF-8, '\n' line ends, no BOM
    encoding: str                    # the encoding the file was written in
    delimiter: str
    header: list[str]                # names trimmed and lower-cased, in file order

    @cached_property
    def _positions(self):
        return record_positions(self.utf8)

    @property
    def record_offsets(self):
        """Byte offset of every non-blank record after the header (numpy array)."""
        return self._positions[0]

    @property
    def record_lines(self):
        """Line number of every non-blank record (the header is line 1; numpy array)."""
        return self._positions[1]

    def plain_records(self) -> int | None:
        """The number of records when record i is on line i + 2 (no quote, no blank line),
        found without numpy; None when the lines need counting (`record_lines`)."""
        if b'"' in self.utf8 or b"\n\n" in self.utf8:
            return None
        return self.utf8.count(b"\n") - self.utf8.endswith(b"\n")


def _line_of_offset(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _check_not_binary(data: bytes) -> None:
    """Refuse UTF-16 and binary files: they hold bytes no text export holds."""
    if data.startswith(UTF16_BOMS) or b"\x00" in data:
        raise FileProblem("file.binary", line=_line_of_offset(data, data.find(b"\x00")))
    # In UTF-8 and Windows-1252 alike these bytes only ever mean control characters.
    if len(data.translate(None, CONTROL_BYTES)) != len(data):
        offset = CONTROL_BYTE_PATTERN.search(data).start()
        line = _line_of_offset(data, offset)
        raise FileProblem("file.control_characters", line=line,
                          value=data[offset:offset + 1].hex())


def to_utf8(data: bytes) -> tuple[bytes, str]:
    """The bytes as UTF-8 without BOM, and the name of the encoding they were in."""
    _check_not_binary(data)
    try:
        if not data.isascii():      # ASCII is UTF-8: no need to decode a copy of it
            data.decode("utf-8")
        return (data[3:] if data.startswith(UTF8_BOM) else data), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252").encode("utf-8"), "Windows-1252"
    except UnicodeDecodeError as error:
        raise FileProblem(
            "file.not_text", line=_line_of_offset(data, error.start),
            value=data[error.start:error.start + 1].hex()) from None


def normalise_newlines(data: bytes) -> bytes:
    if b"\r" not in data:
        return data
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


def detect_delimiter(header_line: str) -> str:
    """';' when the header has more semicolons than commas, else ','."""
    return ";" if header_line.count(";") > header_line.count(",") else ","


def parse_header(header_line: str, delimiter: str) -> list[str]:
    fields = next(csv.reader([header_line], delimiter=delimiter), [])
    return [name.strip().lower() for name in fields]


def record_positions(body: bytes):
    """Byte offsets and line numbers of the non-blank records after the header line."""
    import numpy as np  # only for files with quotes or blank lines: a slow import

    data = np.frombuffer(body, dtype=np.uint8)
    newlines = np.flatnonzero(data == NEWLINE)
    quotes = np.flatnonzero(data == QUOTE)
    inside_quotes = np.searchsorted(quotes, newlines) % 2 == 1
    starts = newlines[~inside_quotes] + 1
    starts = starts[starts < len(data)]
    starts = starts[data[starts] != NEWLINE]          # blank lines are no records
    lines = np.searchsorted(newlines, starts) + 1
    return starts, lines


def first_line(data: bytes) -> str:
    """The first line of the raw bytes as text (BOM dropped; only for counting its fields)."""
    end = len(data)
    for newline in (b"\n", b"\r"):
        found = data.find(newline, 0, end)
        if found >= 0:
            end = found
    line = data[:end]
    line = line[3:] if line.startswith(UTF8_BOM) else line
    return line.decode("utf-8", errors="replace")


def check_column_count(data: bytes) -> None:
    """FileProblem when the header has more than MAX_COLUMNS fields: checked on the first
    line alone, in linear time, before anything else reads the file."""
    header_line = first_line(data)
    delimiter = detect_delimiter(header_line)
    if header_line.count(delimiter) < MAX_COLUMNS:
        return
    if len(header_line) > MAX_LINE_BYTES:          # too long for csv to split
        _refuse_long_line(1, len(header_line.encode("utf-8")))
    columns = len(next(csv.reader([header_line], delimiter=delimiter), []))
    if columns > MAX_COLUMNS:
        raise FileProblem("file.too_many_columns", line=1, columns=columns, limit=MAX_COLUMNS)


def _megabytes(size: int) -> float:
    """Bytes in MB with one decimal, rounded up: a line over the limit never shows as within."""
    return math.ceil(size / BYTES_PER_MB * 10) / 10


def _refuse_long_line(line: int, size: int) -> None:
    raise FileProblem("file.line_too_long", line=line, size=_megabytes(size),
                      limit=MAX_LINE_BYTES / BYTES_PER_MB)


def _long_line(utf8: bytes) -> tuple[int, int] | None:
    """(start, end) of the first line longer than MAX_LINE_BYTES ('\\n' not counted).

    Such a line covers a whole window of MAX_LINE_BYTES // 2 bytes that starts at a
    multiple of that size, so only the windows are searched for a newline (a C `find`
    that stops at the first one), and only a window without one is measured."""
    step = max(MAX_LINE_BYTES // 2, 1)
    for window in range(0, len(utf8), step):
        if utf8.find(b"\n", window, window + step) >= 0:
            continue
        start = utf8.rfind(b"\n", 0, window) + 1
        end = utf8.find(b"\n", window)
        end = len(utf8) if end < 0 else end
        if end - start > MAX_LINE_BYTES:
            return start, end
    return None


def check_line_lengths(utf8: bytes) -> None:
    """FileProblem naming the first line longer than MAX_LINE_BYTES (UTF-8, '\\n' ends),
    the header included: DuckDB would leave such a line out of the rows it reads."""
    if len(utf8) <= MAX_LINE_BYTES:
        return
    found = _long_line(utf8)
    if found:
        start, end = found
        _refuse_long_line(utf8.count(b"\n", 0, start) + 1, end - start)


def _marks(utf8: bytes, delimiter: bytes) -> bytes:
    """The file's delimiters, newlines and quotes alone, in order (one C pass, no numpy)."""
    keep = delimiter + b'\n"'
    return utf8.translate(None, bytes(b for b in range(256) if b not in keep))


def _wide_plain_record(marks: bytes, delimiter: bytes) -> tuple[int, int] | None:
    """(line, fields) of the first line with more than MAX_COLUMNS fields, in a file
    without quotes: its marks hold MAX_COLUMNS delimiters in a row."""
    found = marks.find(delimiter * MAX_COLUMNS)
    if found < 0:
        return None
    start = marks.rfind(b"\n", 0, found) + 1
    end = marks.find(b"\n", found)
    end = len(marks) if end < 0 else end
    return marks.count(b"\n", 0, start) + 1, end - start + 1


def _record_fields(buffer: bytes, delimiter: bytes):
    """Per record of `buffer`: fields, start and end offsets, line (numpy arrays). A
    delimiter or newline after an odd number of quotes sits inside a quoted value."""
    import numpy as np  # a file with quotes needs it for its line numbers anyway

    data = np.frombuffer(buffer, dtype=np.uint8)
    quotes = np.flatnonzero(data == QUOTE)
    newlines = np.flatnonzero(data == NEWLINE)
    delimiters = np.flatnonzero(data == delimiter[0])
    ends = newlines[np.searchsorted(quotes, newlines) % 2 == 0]
    delimiters = delimiters[np.searchsorted(quotes, delimiters) % 2 == 0]
    fields = np.bincount(np.searchsorted(ends, delimiters), minlength=len(ends) + 1) + 1
    starts = np.concatenate(([0], ends + 1))
    stops = np.concatenate((ends, [len(data)]))
    return fields, starts, stops, np.searchsorted(newlines, starts) + 1


def _refuse_wide(line: int, fields: int) -> None:
    raise FileProblem("file.record_too_many_fields", line=line, fields=fields, limit=MAX_COLUMNS)


def _refuse_costly_rows(fields, starts, stops, lines, columns: int) -> None:
    """FileProblem when the rows with more fields than the header would cost DuckDB more
    than MAX_EXTRA_FIELD_BYTES to keep (it keeps such a line once per extra field)."""
    import numpy as np

    extra = np.maximum(fields - columns, 0)
    extra[0] = 0                                       # the header
    if int((extra * (stops - starts)).sum()) <= MAX_EXTRA_FIELD_BYTES:
        return
    over = np.flatnonzero(extra)
    raise FileProblem("file.rows_too_many_fields", line=int(lines[over[0]]), count=len(over),
                      fields=int(fields[over[0]]), columns=columns)


def check_record_widths(utf8: bytes, delimiter: str, columns: int) -> None:
    """FileProblem when a record has more than MAX_COLUMNS fields, or when the rows with
    more fields than the header's `columns` are too costly to read (UTF-8, '\\n' ends)."""
    encoded = delimiter.encode()
    marks = _marks(utf8, encoded)
    if marks.count(encoded) < columns:                # no row can have too many fields
        return
    if b'"' in marks:
        fields, _, _, lines = _record_fields(marks, encoded)    # marks keep every delimiter
        if fields.max() > MAX_COLUMNS:
            wide = int((fields > MAX_COLUMNS).argmax())         # the first such record
            _refuse_wide(int(lines[wide]), int(fields[wide]))
        if fields.max() <= columns:
            return
    else:
        wide = _wide_plain_record(marks, encoded)
        if wide:
            _refuse_wide(*wide)
        if encoded * columns not in marks:            # no line has more fields than the header
            return
    _refuse_costly_rows(*_record_fields(utf8, encoded), columns)


def prepare(data: bytes) -> PreparedCsv:
    """Decode, find delimiter and header, and locate every record; FileProblem if unreadable."""
    check_column_count(data)
    utf8, encoding = to_utf8(data)
    utf8 = normalise_newlines(utf8)
    if not utf8 or utf8.isspace():          # as `not utf8.strip()`, without copying the file
        raise FileProblem("file.empty", line=1)
    check_line_lengths(utf8)                # before csv or DuckDB reads a line
    end = utf8.find(b"\n")
    header_line = utf8[:end if end >= 0 else len(utf8)].decode("utf-8")
    if not header_line.strip():
        raise FileProblem("file.empty_header", line=1)
    delimiter = detect_delimiter(header_line)
    header = parse_header(header_line, delimiter)
    check_record_widths(utf8, delimiter, len(header))     # before DuckDB reads a row
    return PreparedCsv(utf8, encoding, delimiter, header)
