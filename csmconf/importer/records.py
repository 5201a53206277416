"""The record model: one ServiceNow row as an export holds it, with where it was read.

Every reader (Import XML list export, update-set XML, Table API JSON) yields
the same `Record`s, so the conversion into csmconf rows never knows which
format a row came from. A field keeps both what the instance stores (`value`,
a sys_id for a reference) and what it shows (`display`), because references
to out-of-box records (roles, built-in responsibilities) are matched by
display value: their sys_ids differ on every instance.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..diagnostics import Place


@dataclass(frozen=True, slots=True)
class Value:
    value: str
    display: str | None = None


@dataclass(slots=True)
class Record:
    table: str
    sys_id: str
    fields: dict[str, Value]
    place: Place  # the record's start tag (XML) or opening brace (JSON)
    action: str = "INSERT_OR_UPDATE"

    def get(self, column: str) -> str:
        v = self.fields.get(column)
        return v.value if v is not None else ""

    def display(self, column: str) -> str:
        v = self.fields.get(column)
        if v is None:
            return ""
        return v.display if v.display is not None else v.value

    @property
    def source(self) -> str:
        """`FILE:LINE` for the comment written above the row it becomes."""
        return f"{self.place.file}:{self.place.line}"


@dataclass
class Export:
    """Everything read from the sources: records by table, in a canonical order."""

    records: dict[str, list[Record]] = field(default_factory=dict)

    def add(self, record: Record) -> None:
        self.records.setdefault(record.table, []).append(record)

    def table(self, name: str) -> list[Record]:
        return self.records.get(name, [])


@dataclass
class Row:
    """One csmconf row to write: its fields (csmconf names) and where it came from."""

    section: str
    data: dict
    sources: list[Record] = field(default_factory=list)

    @property
    def comment(self) -> str:
        return "; ".join(f"{r.source} sys_id {r.sys_id}" for r in self.sources)
