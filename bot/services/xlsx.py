"""Writing report workbooks with openpyxl: typed cells, a frozen bold header, autofilter, widths, row colours."""

from __future__ import annotations

import os
import re
import unicodedata
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell as XlCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from bot.rules.ledger_rows import Cell

DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"
INTEGER_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.00"
HEADER_FILL = PatternFill("solid", start_color="DDEBF7")
ROW_STYLES = {
    "grey": (PatternFill("solid", start_color="D9D9D9"), Font(color="7F7F7F")),
    "won": (PatternFill("solid", start_color="C6EFCE"), Font(color="006100")),
    "waived": (PatternFill("solid", start_color="EDEDED"), Font(color="7F7F7F", italic=True)),
    "total": (PatternFill("solid", start_color="FFF2CC"), Font(bold=True)),
    "undecided": (PatternFill("solid", start_color="FCE4D6"), Font(color="833C0B")),
    "section": (PatternFill("solid", start_color="F8CBAD"), Font(bold=True)),
}
MIN_WIDTH, MAX_WIDTH = 6, 48
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
# What openpyxl refuses (IllegalCharacterError): C0 controls except tab, newline and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CONTROL_PICTURES = 0x2400  # U+2400..U+241F: a visible picture of each C0 control (ESC -> ␛)


@dataclass(frozen=True)
class Sheet:
    """One worksheet: a header row, then rows of typed cells, each row optionally styled (see ROW_STYLES)."""

    title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[Cell]]
    styles: Sequence[str | None] = field(default_factory=tuple)


def safe_text(text: str) -> str:
    """User text a workbook can hold: each control character becomes its visible picture (ESC -> ␛)."""
    return _CONTROL.sub(lambda m: chr(_CONTROL_PICTURES + ord(m.group())), text)


def safe_cell(value: Cell) -> Cell:
    """Every workbook cell passes here, so no text typed in chat can make an export fail."""
    return safe_text(value) if isinstance(value, str) else value


def sheet_title(text: str, taken: set[str]) -> str:
    """A valid, unique worksheet title: no []:*?/\\, no control characters, at most 31 characters."""
    base = _BAD_TITLE.sub("-", safe_text(text)).strip("'") or "Sheet"
    title, n = base[:31], 2
    while title.lower() in taken:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def display_width(value: Cell) -> int:
    """How many character cells a value takes; Chinese characters count double."""
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    text = "" if value is None else str(value)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def write_workbook(sheets: Sequence[Sheet], path: Path) -> Path:
    """Write the sheets to `path` atomically (a reader never sees half a file); returns the absolute path."""
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for sheet in sheets:
        _fill(book.create_sheet(sheet_title(sheet.title, taken)), sheet)
    return write_atomically(path, book.save)


def write_atomically(path: Path, save: Callable[[Path], object]) -> Path:
    """`save` into a hidden file beside `path`, then rename it over `path`; returns the absolute path."""
    path = path.resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.stem}-{uuid.uuid4().hex[:8]}{path.suffix}")  # same disk: atomic rename
    try:
        save(temporary)
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path


def _fill(ws: Worksheet, sheet: Sheet) -> None:
    ws.append([safe_cell(h) for h in sheet.headers])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(vertical="center")
    for n, values in enumerate(sheet.rows):
        ws.append([safe_cell(v) for v in values])
        style = sheet.styles[n] if n < len(sheet.styles) else None
        for cell in ws[n + 2]:
            _as_text_if_formula(cell)
            _format(cell, style)
    ws.freeze_panes = "A2"
    last = get_column_letter(max(len(sheet.headers), 1))
    ws.auto_filter.ref = f"A1:{last}{len(sheet.rows) + 1}"
    for index, header in enumerate(sheet.headers, start=1):
        widest = max([display_width(header), *(display_width(r[index - 1]) for r in sheet.rows if len(r) >= index)])
        width = min(max(widest + 2, MIN_WIDTH), MAX_WIDTH)
        ws.column_dimensions[get_column_letter(index)].width = width


def _as_text_if_formula(cell: XlCell) -> None:
    """openpyxl stores text starting with "=" as a formula; user text must stay text (no formula injection)."""
    if cell.data_type == "f":
        cell.data_type = "s"


def _format(cell: XlCell, style: str | None) -> None:
    value = cell.value
    if isinstance(value, datetime):
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, date):
        cell.number_format = DATE_FORMAT
    elif isinstance(value, int) and not isinstance(value, bool):
        cell.number_format = INTEGER_FORMAT
    elif isinstance(value, float):
        cell.number_format = DECIMAL_FORMAT
    if style in ROW_STYLES:
        fill, font = ROW_STYLES[style]
        cell.fill = fill
        cell.font = font
