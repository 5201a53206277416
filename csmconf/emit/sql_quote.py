r"""The one place where values and identifiers become SQL text, per dialect.

Every literal and identifier in the generated SQL goes through a `Dialect`
from this module; templates and emitters never put a value into SQL any other
way. The rules:

- SQLite: `'...'` with `'` doubled. SQLite string literals have no escapes,
  so a line break or other control character is spliced in with `char(N)`:
  `('a'||char(10)||'b')`; a run of them is one `char(N,M,...)`. Every row
  stays on one line of the file. A flat `a||b||c...` chain is an expression
  tree as deep as it is long, and SQLite refuses trees deeper than 1000
  (`SQLITE_MAX_EXPR_DEPTH`), so the parts are grouped in parenthesised
  chains of at most 100: a value of any length nests a few levels deep.
- PostgreSQL: standard strings `'...'` (`'` doubled; the seed file sets
  `standard_conforming_strings = on`, so a backslash is an ordinary
  character). A value holding a control character is written as an
  escape string `E'...'` (`\\`, `''`, `\n`, `\r`, `\t`, `\xNN`, `\uNNNN`).
- MySQL / MariaDB: `'...'` with backslash escapes (`\\`, `\'`, `\n`, `\r`,
  `\t`, `\Z`). That is right unless `NO_BACKSLASH_ESCAPES` is set, so the
  seed file sets its own `sql_mode` first.

NUL cannot occur: the configuration language forbids it, and a value holding
one is refused here (`ValueError`) rather than silently truncated by a client.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import vocabulary

DIALECTS = vocabulary.DIALECTS

# Characters that would break a line or that no plain literal can carry safely.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_RUN = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")
# Parts per `||` chain and arguments per `char()`: far below SQLite's expression depth
# (1000) and function-argument (127 before 3.45) limits, whatever the value's length.
SQLITE_CHAIN = 100
_MYSQL_SPECIAL = re.compile(r"[\\'\x00\n\r\t\x1a]")
_MYSQL_ESCAPES = {
    "\\": "\\\\",
    "'": "\\'",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    "\x1a": "\\Z",
}


class NulInValue(ValueError):
    pass


def _refuse_nul(value: str) -> None:
    if "\x00" in value:
        raise NulInValue("a value holds a NUL character, which the configuration language forbids")


@dataclass(frozen=True)
class Dialect:
    """Quoting and the few dialect differences the schema and seed need."""

    name: str

    # -- identifiers ---------------------------------------------------------------------

    def ident(self, name: str) -> str:
        _refuse_nul(name)
        if self.name == "mysql":
            return "`" + name.replace("`", "``") + "`"
        return '"' + name.replace('"', '""') + '"'

    # -- literals ------------------------------------------------------------------------

    def literal(self, value) -> str:
        if value is None:
            return "NULL"
        if value is True or value is False:
            if self.name == "sqlite":
                return "1" if value else "0"
            return "TRUE" if value else "FALSE"
        if isinstance(value, int):
            return str(int(value))
        if isinstance(value, str):
            return self.string(value)
        raise TypeError(f"no SQL literal for {type(value).__name__}")

    def string(self, value: str) -> str:
        if self.name == "mysql":
            return self._mysql_string(value)
        if _CONTROL.search(value) is None:
            return "'" + value.replace("'", "''") + "'"
        _refuse_nul(value)
        if self.name == "sqlite":
            return self._sqlite_spliced(value)
        return self._postgresql_escape_string(value)

    def _mysql_string(self, value: str) -> str:
        if _MYSQL_SPECIAL.search(value) is None:
            return "'" + value + "'"
        _refuse_nul(value)
        return "'" + _MYSQL_SPECIAL.sub(lambda m: _MYSQL_ESCAPES[m.group()], value) + "'"

    @staticmethod
    def _sqlite_spliced(value: str) -> str:
        parts: list[str] = []
        last = 0
        for m in _CONTROL_RUN.finditer(value):
            if m.start() > last:
                parts.append("'" + value[last : m.start()].replace("'", "''") + "'")
            run = m.group()
            for i in range(0, len(run), SQLITE_CHAIN):
                parts.append(
                    "char(" + ",".join(str(ord(c)) for c in run[i : i + SQLITE_CHAIN]) + ")"
                )
            last = m.end()
        if last < len(value):
            parts.append("'" + value[last:].replace("'", "''") + "'")
        # Balanced nesting keeps the expression tree shallow (depth <= 100 per level).
        while len(parts) > SQLITE_CHAIN:
            parts = [
                "(" + "||".join(parts[i : i + SQLITE_CHAIN]) + ")"
                for i in range(0, len(parts), SQLITE_CHAIN)
            ]
        return "(" + "||".join(parts) + ")"

    @staticmethod
    def _postgresql_escape_string(value: str) -> str:
        def esc(ch: str) -> str:
            if ch == "\\":
                return "\\\\"
            if ch == "'":
                return "''"
            if ch == "\n":
                return "\\n"
            if ch == "\r":
                return "\\r"
            if ch == "\t":
                return "\\t"
            code = ord(ch)
            if code < 0x80:
                return f"\\x{code:02x}"
            return f"\\u{code:04x}"

        return (
            "E'"
            + re.sub(r"[\\'\x00-\x1f\x7f-\x9f\u2028\u2029]", lambda m: esc(m.group()), value)
            + "'"
        )

    # -- dialect-specific fragments --------------------------------------------------------

    def regex_check(
        self,
        column: str,
        pattern: str,
        glob_checks: tuple[str, ...],
        max_len: int,
        exact: bool = False,
    ) -> str:
        """A CHECK that `column` matches `pattern` (SQLite: the equivalent GLOB tests)."""
        col = self.ident(column)
        if self.name == "postgresql":
            return f"{col} ~ {self.string(pattern)}"
        if self.name == "mysql":
            return f"{col} REGEXP {self.string(pattern)}"
        tests = [
            f"length({col}) = {max_len}" if exact else f"length({col}) BETWEEN 1 AND {max_len}"
        ]
        for glob in glob_checks:
            negate = glob.startswith("!")
            text = glob[1:] if negate else glob
            tests.append(f"{col} {'NOT ' if negate else ''}GLOB {self.string(text)}")
        return " AND ".join(tests)

    def column_type(self, kind: str) -> str:
        return _TYPES[self.name][kind]


_TYPES = {
    "sqlite": {
        "sys_id": "TEXT",
        "id": "TEXT",
        "text": "TEXT",
        "bool": "INTEGER",
        "int": "INTEGER",
        "enum": "TEXT",
    },
    "postgresql": {
        "sys_id": "CHAR(32)",
        "id": "VARCHAR(100)",
        "text": "TEXT",
        "bool": "BOOLEAN",
        "int": "BIGINT",
        "enum": "VARCHAR(32)",
    },
    "mysql": {
        "sys_id": "CHAR(32)",
        "id": "VARCHAR(100)",
        "text": "LONGTEXT",
        "bool": "BOOLEAN",
        "int": "BIGINT",
        "enum": "VARCHAR(32)",
    },
}


def dialect(name: str) -> Dialect:
    if name not in DIALECTS:
        raise ValueError(f"unknown SQL dialect {name!r}")
    return Dialect(name)
