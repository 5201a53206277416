"""CSV cells for files a reviewer opens in a spreadsheet.

Two rules, both applied to every cell of every CSV csmconf writes:
- a cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is
  neutralised as OWASP recommends for CSV injection: a single quote `'` is
  put in front, so a spreadsheet shows it as text and never evaluates it;
  every other value is written unchanged;
- a cell is quoted (RFC 4180, `"` doubled) when it holds a comma, a quote,
  a line feed or a carriage return, so a bare CR cannot split a row (the
  `csv` module quotes only for the characters of its own line terminator).
"""

from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_QUOTES = (",", '"', "\n", "\r")


def neutralise(value: str) -> str:
    """The cell's text with a leading `'` when a spreadsheet would read it as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def cell(value) -> str:
    """One CSV field: neutralised, then quoted when needed."""
    text = neutralise("" if value is None else str(value))
    if any(ch in text for ch in _NEEDS_QUOTES):
        return '"' + text.replace('"', '""') + '"'
    return text


def row(values) -> str:
    """One CSV line, LF-terminated."""
    cells = [cell(v) for v in values]
    if cells == [""]:
        # a lone empty field would be an empty line, which a reader takes for no fields at all
        cells = ['""']
    return ",".join(cells) + "\n"
