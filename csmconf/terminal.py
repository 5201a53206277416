"""Text for a terminal: config values shown visibly, never as control sequences.

A value in a configuration (a name, an id, a file name, a `when` filter)
may hold ESC, CSI, BEL, backspace, CR or a bidi override. Printed raw, it
would recolour or retitle the terminal, move the cursor, overwrite what was
printed before it (`\\r`, `\\b`), or reorder what follows (U+202E), so a
diagnostic could hide or fake another. Every text view prints values through
`escape` (one line) or `escape_lines` (a multi-line block whose line breaks
are the view's own); each such character is shown as a Python-style escape:
`\\x1b`, `\\r`, `\\u202e`. JSON and SARIF need none of this: their encoders
escape control characters already.

Only characters that act on a terminal or on the order of text are escaped:
C0 and C1 controls and DEL (tab kept), bidi embeddings, overrides, isolates
and marks, the Unicode line and paragraph separators, and the lone
surrogates of a file name that is not UTF-8. Every other
character, non-ASCII letters and emoji included, is shown as it is.
"""

from __future__ import annotations

import re

_NAMED = {"\n": "\\n", "\r": "\\r", "\b": "\\b", "\a": "\\a", "\f": "\\f", "\v": "\\v"}

# the characters besides C0: DEL, C1 (0x9b is a one-byte CSI), Arabic letter mark, LRM, RLM,
# LRE/RLE/PDF/LRO/RLO, LRI/RLI/FSI/PDI, line and paragraph separators, and lone surrogates (a
# file name that is not UTF-8, decoded with surrogateescape: printed raw it raises an error)
_OTHERS = r"\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff"
_UNSAFE = re.compile(r"[\x00-\x08\x0a-\x1f" + _OTHERS + "]")  # tab kept
_UNSAFE_KEEP_NEWLINE = re.compile(r"[\x00-\x08\x0b-\x1f" + _OTHERS + "]")


def _visible(match: re.Match) -> str:
    ch = match.group(0)
    named = _NAMED.get(ch)
    if named:
        return named
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: str) -> str:
    """One line of text with every terminal control and bidi character shown as an escape."""
    return _UNSAFE.sub(_visible, text)


def escape_lines(text: str) -> str:
    """Like `escape`, keeping line feeds: for a block the view itself broke into lines."""
    return _UNSAFE_KEEP_NEWLINE.sub(_visible, text)
