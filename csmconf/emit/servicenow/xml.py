"""The one XML writer of the ServiceNow outputs: `<unload>` documents of records.

A record is written the way an instance exports it: one element per column,
columns in name order, a reference as `<column display_value="NAME">SYS_ID</column>`
(a role reference also carries `name="NAME"`; an out-of-box record, whose
sys_id differs per instance, has an empty sys_id and is matched by its name).

Every value is data. Element text escapes `&`, `<`, `>` and a carriage return
(`&#13;`, which a parser would otherwise turn into a line feed); attributes
also escape `"`, tab and line feed. Characters that XML 1.0 cannot hold at
all, not even as a character reference (C0 controls other than tab, line feed
and carriage return, lone surrogates, U+FFFE, U+FFFF), are written as U+FFFD
(docs/servicenow.md). A CDATA section never holds `]]>`: it is split.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..templating import xml_escape, xml_safe_text

#: `unload_date` of every file: fixed, never the wall clock (same input, same bytes).
#: ServiceNow only shows it; the Unix epoch says plainly that it is no real export time.
UNLOAD_DATE = "1970-01-01 00:00:00"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
ACTION = "INSERT_OR_UPDATE"

_TEXT_SPECIAL = re.compile("[&<>\r]")
_TEXT_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
# anything `text` or `attribute` would change: most values (sys_ids, names) have none of it
_PLAIN = re.compile('[&<>"\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]')


# not frozen: 200k are made per compile at benchmark scale 1, and a frozen
# dataclass sets each field through object.__setattr__ (3x slower); never changed
@dataclass(slots=True)
class Ref:
    """A reference value: the target's sys_id ('' for an out-of-box record) and display value."""

    sys_id: str
    display: str
    name: str | None = None  # role references: the role's name again (`name="..."`)


class Cdata(str):
    """Text written as a CDATA section (an update set's `payload`)."""


@lru_cache(maxsize=1 << 16)
def _text(value: str) -> str:
    if _PLAIN.search(value) is None:
        return value
    return _TEXT_SPECIAL.sub(lambda m: _TEXT_ENTITIES[m.group()], xml_safe_text(value))


@lru_cache(maxsize=1 << 16)
def attribute(value: str) -> str:
    """A value as a quoted attribute."""
    return value if _PLAIN.search(value) is None else xml_escape(value)


def text(value) -> str:
    """A value as element text."""
    if value.__class__ is str:
        return _text(value)
    if value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    return _text(str(value))


def element(column: str, value) -> str:
    if value.__class__ is Ref:
        attrs = f' display_value="{attribute(value.display)}"'
        if value.name is not None:
            attrs += f' name="{attribute(value.name)}"'
        if not value.sys_id:
            return f"<{column}{attrs}/>"
        return f"<{column}{attrs}>{_text(value.sys_id)}</{column}>"
    if value.__class__ is Cdata:
        return f"<{column}>{cdata(value)}</{column}>"
    body = text(value)
    return f"<{column}>{body}</{column}>" if body else f"<{column}/>"


def record(table: str, fields: dict[str, object], separator: str = "\n") -> str:
    """One `<table action="INSERT_OR_UPDATE">` element, its columns in name order."""
    parts = [f'<{table} action="{ACTION}">']
    parts.extend(element(column, fields[column]) for column in sorted(fields))
    parts.append(f"</{table}>")
    return separator.join(parts)


#: references kept per column: the accounts and roles most records point at, not the
#: tens of thousands of users each named twice (memory: docs/performance.md)
_REFS_KEPT = 4096


class RecordWriter:
    """`record` for many records of one table whose columns are known up front.

    The Import XML files hold about 200k records at benchmark scale 1: the columns
    are sorted and their tags formatted once per table instead of once per record,
    plain text values take the shortest way, and a reference written before (an
    account, a role: most of them repeat) is looked up, not formatted again.
    Same bytes as `record`.
    """

    def __init__(self, table: str, columns: dict[str, str | None]):
        """`columns`: ServiceNow column name -> the key of its value in a record's values
        (None: the record's sys_id)."""
        self.head = f'<{table} action="{ACTION}">'
        self.tail = f"</{table}>"
        # per column: ..., the references written before, [the last Ref, its text]
        self.columns = [
            (columns[c], c, f"<{c}>", f"</{c}>", f"<{c}/>", {}, [None, ""]) for c in sorted(columns)
        ]

    def write(self, values: dict[str, object], sys_id: str) -> str:
        parts = [self.head]
        add = parts.append
        plain = _PLAIN.search
        for key, column, start, end, empty, refs, last in self.columns:
            value = sys_id if key is None else values[key]
            if value.__class__ is str:
                # most values are written once (names, emails, sys_ids): checked, not cached
                body = value if plain(value) is None else _text(value)
                add(f"{start}{body}{end}" if body else empty)
            elif value is None:
                add(empty)
            elif value.__class__ is Ref:
                if value is last[0]:  # the same person's roles: one Ref, records in a row
                    add(last[1])
                    continue
                ref = (value.sys_id, value.display, value.name)
                written = refs.get(ref)
                if written is None:
                    written = element(column, value)
                    if len(refs) < _REFS_KEPT:
                        refs[ref] = written
                last[0], last[1] = value, written
                add(written)
            else:
                add(element(column, value))
        add(self.tail)
        return "\n".join(parts)


def cdata(value: str) -> str:
    """`value` as CDATA; a `]]>` inside is split across two sections, so it survives."""
    return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def unload(records: list[str]) -> bytes:
    """A whole file: the declaration, `<unload unload_date=...>` and the records."""
    lines = [XML_DECLARATION, f'<unload unload_date="{UNLOAD_DATE}">', *records, "</unload>", ""]
    return "\n".join(lines).encode("utf-8")
