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

import re
from functools import lru_cache

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NEEDS_QUOTES = re.compile('[,"\n\r]')


def neutralise(value: str) -> str:
    """The cell's text with a leading `'` when a spreadsheet would read it as a formula."""
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def cell(value) -> str:
    """One CSV field: neutralised, then quoted when needed."""
    return _cell("" if value is None else str(value))


# grants.csv alone has 425k cells at benchmark scale 1, most of them repeated words
@lru_cache(maxsize=1 << 16)
def _cell(value: str) -> str:
    text = neutralise(value)
    if _NEEDS_QUOTES.search(text) is not None:
        return '"' + text.replace('"', '""') + '"'
    return text


def row(values) -> str:
    """One CSV line, LF-terminated."""
    cells = [cell(v) for v in values]
    if cells == [""]:
        # a lone empty field would be an empty line, which a reader takes for no fields at all
        cells = ['""']
    return ",".join(cells) + "\n"
