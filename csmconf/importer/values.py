"""Shared by the conversion modules: the mapping tables, markers, and value decoders."""

from __future__ import annotations

import re

from .. import servicenow_names as sn
from ..diagnostics import Diagnostic
from .records import Record

CONF, DATA = sn.CONFIGURATION_TABLES, sn.DATA_TABLES
IMPLIED = "<implied>"  # snc_external / snc_internal: implied by the kind of principal
DROPPED = "<dropped>"  # a record dropped earlier (CSM804): rows that need it go too
#: ServiceNow table -> csmconf word, for accessible tables, applies_to and entity types
TABLE_WORDS = {t: w for w, t in sn.RECORD_TABLES.items()}


def _table_of(key: str) -> str:
    return (CONF.get(key) or DATA[key]).table


def _col(key: str, source: str) -> str | None:
    """The ServiceNow column written from csmconf field `source` of mapping `key`, if any."""
    table = CONF.get(key) or DATA[key]
    for column in table.columns:
        if column.source == source:
            return column.name
    return None


def _bool(rec: Record, column: str | None, default: bool, diags: list) -> bool:
    if column is None or column not in rec.fields:
        return default
    raw = rec.get(column).strip().lower()
    if raw == "":
        return default
    if raw in ("true", "1", "yes"):
        return True
    if raw in ("false", "0", "no"):
        return False
    diags.append(
        Diagnostic(
            "CSM805", f"{rec.table}.{column}: expected true or false, got {raw!r}", rec.place
        )
    )
    return default


def _int(rec: Record, column: str | None, default: int, diags: list) -> int:
    if column is None:
        return default
    raw = rec.get(column).strip()
    if raw == "":
        return default
    try:
        return int(float(raw)) if re.fullmatch(r"-?\d+(\.0+)?", raw) else int(raw)
    except ValueError:
        diags.append(
            Diagnostic(
                "CSM805", f"{rec.table}.{column}: expected an integer, got {raw!r}", rec.place
            )
        )
        return default


def _words(raw: str) -> list[str]:
    return [w.strip().lower() for w in re.split(r"[,;]", raw) if w.strip()]
