"""Access read back: responsibility access configurations and csmconf's own ACLs.

A mixin of `convert.Converter`: `access_configs` turns access configuration
rows into a responsibility's `access`, `roles_required` and `includes`;
`role_access` turns csmconf's ACLs into the access entries of declared roles.
"""

from __future__ import annotations

import json
import re

from .. import servicenow_names as sn
from .. import vocabulary
from ..resolve.builtins import builtin_responsibilities
from ..resolve.objects import sys_id as csmconf_sys_id
from .records import Record, Row, Value
from .values import CONF, DROPPED, IMPLIED, TABLE_WORDS, _bool, _table_of, _words

#: what csmconf's own ACL scripts and script include say (emit/servicenow/acls.py)
_IN_SCOPE = re.compile(r'inScope\(current,\s*("(?:[^"\\]|\\.)*"),\s*("(?:[^"\\]|\\.)*")\)')
_PARTNER_TYPES = re.compile(
    re.escape(sn.ACL_SCRIPT_INCLUDE) + r"\.PARTNER_TYPES\s*=\s*(\[.*?\]);", re.DOTALL
)


class AccessMixin:
    def role_access(self) -> None:
        """csmconf's own ACLs -> the access entries of declared roles.

        `compile` writes one `sys_security_acl` per (table, operation, scope, `when`) that a
        declared role grants, its script `inScope(current, TABLE, SCOPE)` and the `when` as
        its condition, and one `sys_security_acl_role` per role granting it. Read back, the
        levels of one (table, scope, when) form one entry. Any other ACL is no access entry
        csmconf can express: dropped with CSM804. The script include's list of partner-access
        relationship types gives `partner_access` back to declared types.
        """
        platform = sn.PLATFORM_TABLES
        pc = {
            k: {c.source: c.name for c in platform[k].columns}
            for k in ("acl", "acl_role", "script_include")
        }
        for rec in self.export.table(platform["script_include"].table):
            match = _PARTNER_TYPES.search(rec.get(pc["script_include"]["script"]))
            if match:
                try:
                    names = json.loads(match.group(1))
                except ValueError:
                    names = []
                for row in self.rows.get("relationship_types", ()):
                    if row.data["name"] in names:
                        row.data["partner_access"] = True
        acls: dict[str, tuple] = {}
        ids = self.ids.setdefault(platform["acl"].table, {})
        for rec in self.export.table(platform["acl"].table):
            c = pc["acl"]
            table = TABLE_WORDS.get(rec.get(c["name"]).strip())
            level = rec.get(c["operation"]).strip()
            match = _IN_SCOPE.search(rec.get(c["script"]))
            scope = json.loads(match.group(2)) if match else None
            allow = rec.get(c["decision_type"]).strip() in ("", "allow")
            active = _bool(rec, c["active"], True, self.diags)
            if (
                table is None
                or level not in vocabulary.LEVELS
                or scope not in vocabulary.SCOPES
                or not allow
                or not active
            ):
                ids[rec.sys_id] = DROPPED
                self.warn_drop(
                    rec,
                    f"ACL {rec.get(c['name'])!r} ({level or 'no operation'})",
                    "it is not one csmconf writes for a role's access entry "
                    "(an active allow ACL on a csmconf table calling CsmconfAccess.inScope)",
                )
                continue
            ids[rec.sys_id] = rec.sys_id
            when = rec.get(c["condition"]).strip() or None
            acls[rec.sys_id] = (table, level, scope, when)
        grants: dict[str, dict[tuple, set[str]]] = {}
        roles = _table_of("role")
        for rec in self.export.table(platform["acl_role"].table):
            c = pc["acl_role"]
            acl = self.ref(rec, c["acl"], platform["acl"].table, required=True)
            role = self.ref(rec, c["role"], roles, required=True)
            if acl in (None, DROPPED) or role in (None, DROPPED, IMPLIED):
                continue
            table, level, scope, when = acls[acl]
            row = self.role_rows.get(role)
            if row is None:
                self.warn_drop(
                    rec,
                    f"ACL role {role} on {table} {level}",
                    f"{role} is a built-in role; its access is csmconf's catalogue",
                )
                continue
            grants.setdefault(role, {}).setdefault((table, scope, when), set()).add(level)
            row.sources.append(rec)
        for role, groups in grants.items():
            entries = []
            for table, scope, when in sorted(
                groups,
                key=lambda k: (
                    vocabulary.TABLES.index(k[0]),
                    vocabulary.SCOPES.index(k[1]),
                    k[2] or "",
                ),
            ):
                levels = [lv for lv in vocabulary.LEVELS if lv in groups[(table, scope, when)]]
                entry = {
                    "table": table,
                    "levels": [vocabulary.FULL] if len(levels) == 3 else levels,
                    "scope": scope,
                }
                if when:
                    entry["when"] = when
                entries.append(entry)
            self.role_rows[role].data["access"] = entries

    def access_configs(self) -> None:
        """Access configuration rows -> `access`, `roles_required` and `includes`.

        The exporter writes one row per entry a responsibility gives, its own and those it
        includes, per way of holding it, each with the roles required along the `includes`
        chain. Read back: identical entries are one; when a row's sys_id is csmconf's own
        (`responsibility_access_config/RESP|OWNER|POS|HOLDING|ROLES`), the owner and
        position are recovered, so `includes` and the entries' order come back exactly.
        Otherwise every row is the responsibility's own and the roles of its rows are merged
        (never widening access: every entry then requires every role any row required).
        """
        key = "responsibility_access"
        table = CONF[key].table
        c = {s.source: s.name for s in CONF[key].columns}
        resp_table = _table_of("responsibility")
        roles = _table_of("role")
        builtin_ids = set(builtin_responsibilities())
        per_resp: dict[str, list[tuple[Record, dict, tuple[str, ...]]]] = {}
        warned: set[str] = set()
        ordered = sorted(
            self.export.table(table), key=lambda r: (r.place.file.encode(), r.place.line)
        )
        for rec in ordered:
            resp = self.ref(rec, c["responsibility"], resp_table, required=True)
            if resp in (None, DROPPED):
                continue
            if not _bool(rec, c["active"], True, self.diags):
                self.warn_drop(
                    rec, f"an inactive access configuration of {resp}", "it grants nothing"
                )
                continue
            entry = self._entry(rec, c, resp)
            if entry is None:
                continue
            required: list[str] = []
            raw = rec.get(c["roles_required"]).strip()
            displays = [d.strip() for d in rec.display(c["roles_required"]).split(",")]
            for i, token in enumerate(t.strip() for t in raw.split(",") if t.strip()):
                one = Record(rec.table, rec.sys_id, {"r": _value(token, displays, i)}, rec.place)
                role = self.ref(one, "r", roles)
                if role not in (None, IMPLIED, DROPPED) and role not in required:
                    required.append(role)
            per_resp.setdefault(resp, []).append((rec, entry, tuple(sorted(required))))
        self._per_resp = per_resp
        # pass 1: rows a responsibility owns itself; pass 2: rows it has from one it includes
        own: dict[str, dict[int, tuple[dict, tuple[str, ...]]]] = {}
        found: dict[int, tuple[str, int]] = {}  # id(rec) -> (owner, position)
        holdings = tuple(sn.HOLDING_RELATIONSHIPS)
        # only a responsibility whose own id was recovered can have its rows' keys recomputed
        per_resp_exact = {r: rows for r, rows in per_resp.items() if self._exact_responsibility(r)}
        for resp, rows in per_resp_exact.items():
            for rec, entry, req in rows:
                got = self._owner(rec, resp, [resp], range(32), holdings, req)
                if got is not None:
                    found[id(rec)] = got
                    own.setdefault(resp, {})[got[1]] = (entry, req)
        for resp, rows in per_resp_exact.items():
            for rec, entry, req in rows:
                if id(rec) in found:
                    continue
                owners = [
                    q
                    for q, pos in own.items()
                    if q != resp and any(e == entry for e, _r in pos.values())
                ]
                for owner in sorted(owners):
                    positions = [p for p, (e, _r) in own[owner].items() if e == entry]
                    got = self._owner(rec, resp, [owner], positions, holdings, req)
                    if got is not None:
                        found[id(rec)] = got
                        break
        # pass 3: an included responsibility whose own holdings use none of its entries has no
        # rows of its own to compare with: try every responsibility, a few positions each
        everyone = sorted({*self.responsibility_rows, *builtin_ids})
        for resp, rows in per_resp_exact.items():
            for rec, _entry, req in rows:
                if id(rec) not in found:
                    got = self._owner(rec, resp, everyone, range(16), holdings, req)
                    if got is not None:
                        found[id(rec)] = got
        for resp, rows in sorted(per_resp.items()):
            row = self.responsibility_rows.get(resp)
            if row is None:
                if resp in builtin_ids and all(id(r) in found for r, _e, _q in rows):
                    continue  # csmconf's own export of a built-in: its catalogue, unchanged
                if resp not in warned:
                    warned.add(resp)
                    self.warn_drop(
                        rows[0][0],
                        f"access configurations of built-in responsibility {resp}",
                        "a built-in's access is csmconf's catalogue",
                    )
                continue
            self._rebuild(row, resp, rows, found)

    def _exact_responsibility(self, resp: str) -> bool:
        row = self.responsibility_rows.get(resp)
        if row is None:
            return resp in builtin_responsibilities()
        return csmconf_sys_id(self.namespace, "responsibility", resp) == row.sources[0].sys_id

    def _owner(self, rec, resp, owners, positions, holdings, req) -> tuple[str, int] | None:
        roles = ",".join(req)
        for owner in owners:
            for pos in positions:
                for holding in holdings:
                    key = f"{resp}|{owner}|{pos}|{holding}|{roles}"
                    if (
                        csmconf_sys_id(self.namespace, "responsibility_access_config", key)
                        == rec.sys_id
                    ):
                        return owner, pos
        return None

    def _rebuild(self, row: Row, resp: str, rows: list, found: dict) -> None:
        exact = all(id(rec) in found for rec, _e, _r in rows)
        access: list[dict] = []
        required: set[str] = set()
        includes: set[str] = set()
        if exact:
            entries = {found[id(rec)][1]: (e, r) for rec, e, r in rows if found[id(rec)][0] == resp}
            for pos in sorted(entries):
                if entries[pos][0] not in access:
                    access.append(entries[pos][0])
            sets = [set(r) for _rec, _e, r in rows if found[id(_rec)][0] == resp] or [
                set(r) for _rec, _e, r in rows
            ]
            required = set.intersection(*sets)
            owners = {found[id(rec)][0] for rec, _e, _r in rows} - {resp}
            # direct includes: owners not reached through another owner's own includes
            reach = {o: {found[id(r)][0] for r, _e, _q in self._rows_of(o)} - {o} for o in owners}
            includes = {o for o in owners if not any(o in reach[p] for p in owners if p != o)}
        else:
            for _rec, entry, req in rows:
                required.update(req)
                if entry not in access:
                    access.append(entry)
            sets = {r for _rec, _e, r in rows}
            if len(sets) > 1:
                self.warn_drop(
                    rows[0][0],
                    f"the per-row required roles of {resp}",
                    "csmconf requires roles per responsibility: every entry now requires "
                    + ", ".join(sorted(required)),
                )
        for rec, _e, _r in rows:
            row.sources.append(rec)
        if access:
            row.data["access"] = access
        if required:
            row.data["roles_required"] = sorted(required)
        if includes:
            row.data["includes"] = sorted(includes)

    def _rows_of(self, resp: str) -> list:
        return self._per_resp.get(resp, [])

    def _entry(self, rec: Record, c: dict, resp: str) -> dict | None:
        table = rec.get(c["table"]).strip()
        table = TABLE_WORDS.get(table, table)
        raw_level = rec.get(c["levels"]).strip().lower()
        levels = _levels(raw_level)
        scope = scope_of(rec, c)
        problems = []
        if table not in vocabulary.TABLES:
            problems.append(f"its accessible table {table!r} is none of csmconf's")
        if not levels:
            problems.append(f"its access level {raw_level!r} is not read, write or full")
        if scope is None:
            problems.append(
                "its relationship (type, table, fields) matches none of csmconf's scopes"
            )
        if problems:
            self.warn_drop(rec, f"an access configuration of {resp}", "; ".join(problems))
            return None
        entry = {"table": table, "levels": levels, "scope": scope}
        when = rec.get(c["when"]).strip()
        if when:
            entry["when"] = when
        return entry


def _levels(raw: str) -> list[str]:
    """ServiceNow's access level is cumulative (`servicenow_names.ACCESS_LEVELS`)."""
    cumulative = sn.ACCESS_LEVELS
    words = _words(raw)
    out: list[str] = []
    for word in words:
        if word not in cumulative and word not in vocabulary.LEVELS:
            return []
        for level in cumulative.get(word, (word,)):
            if level not in out:
                out.append(level)
    if set(out) == set(vocabulary.LEVELS):
        return [vocabulary.FULL]
    return [lv for lv in vocabulary.LEVELS if lv in out]


def _value(token: str, displays: list[str], i: int):
    return Value(token, displays[i] if i < len(displays) and displays[i] else None)


def scope_of(rec: Record, c: dict) -> str | None:
    """The csmconf scope an access configuration row encodes (see `servicenow_names`)."""
    encoded = {
        name: rec.get(c[name]).strip() if name in c else ""
        for name in (
            "type",
            "relationship_table",
            "relationship_field",
            "accessible_table_field",
            "relationship_filter",
        )
    }
    return sn.scope_from_access_config(encoded)
