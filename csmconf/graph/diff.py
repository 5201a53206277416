"""Access gained and lost between two configurations.

Each side is reduced to the set of (principal, level, table, target,
decision) over its declared principals and targets; allowed <-> conditional
counts as a change.
"""

from __future__ import annotations

from dataclasses import dataclass

from .access import AccessEngine
from .build import node_id

Key = tuple[str, str, str, str]  # principal, level, table, target


def access_set(engine: AccessEngine) -> dict[Key, str]:
    out: dict[Key, str] = {}
    for p in engine.principals():
        pref = node_id(p)
        for (level, table, target), (decision, _grant) in engine.effective(p).items():
            out[(pref, level, table, target)] = decision
    return out


@dataclass(frozen=True)
class Change:
    principal: str
    level: str
    table: str
    target: str
    before: str  # denied when gained
    after: str  # denied when lost

    @property
    def kind(self) -> str:
        if self.before == "denied":
            return "gained"
        if self.after == "denied":
            return "lost"
        return "changed"

    def to_dict(self) -> dict:
        return {
            "change": self.kind,
            "principal": self.principal,
            "level": self.level,
            "table": self.table,
            "target": self.target,
            "before": self.before,
            "after": self.after,
        }


def diff_access(old: dict[Key, str], new: dict[Key, str]) -> list[Change]:
    changes = []
    for key in sorted(old.keys() | new.keys()):
        before, after = old.get(key, "denied"), new.get(key, "denied")
        if before != after:
            changes.append(Change(*key, before, after))
    return changes
