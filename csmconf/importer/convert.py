"""Records -> csmconf rows: the tables and columns of `servicenow_names`, read back.

The conversion is table-driven by `servicenow_names.CONFIGURATION_TABLES` and
`DATA_TABLES`: a column is found by the csmconf field it is written from
(`Column.source`), so correcting a column name there corrects the importer
too. Values are decoded by the language's own vocabulary.

What cannot be expressed is dropped with a CSM804 warning saying what and why;
a reference to a record that is not in the export is a CSM803 error (with a
did-you-mean on display values) and the row is not written.
"""

from __future__ import annotations

import difflib
import re
import uuid

from .. import servicenow_names as sn
from .. import vocabulary
from ..diagnostics import Diagnostic
from ..model.sections import EMAIL_PATTERN
from ..model.sections import Role as RawRole
from ..resolve.builtins import (
    BUILTIN_RELATIONSHIP_TYPE_IDS,
    BUILTIN_ROLE_IDS,
    builtin_relationship_types,
    builtin_responsibilities,
    builtin_roles,
)
from .access import AccessMixin
from .ids import IdAllocator, role_spellings, spellings
from .records import Export, Record, Row
from .values import CONF, DATA, DROPPED, IMPLIED, TABLE_WORDS, _bool, _col, _int, _table_of, _words

_EMAIL = re.compile(EMAIL_PATTERN)

ENTITY_WORDS = {DATA[k].table: k for k in ("contact", "consumer", "account", "user")}
#: the update set's ACL records: read back as the access entries of declared roles
ACL_TABLES = tuple(sn.PLATFORM_TABLES[k].table for k in ("acl", "acl_role", "script_include"))
PLATFORM_COLUMNS = frozenset({"sys_id", *sn.IMPORT_IGNORED_COLUMNS})


def _maps() -> tuple:
    return (*CONF.values(), *DATA.values(), *sn.PLATFORM_TABLES.values())


def known_tables() -> frozenset[str]:
    tables = {t.table for t in _maps()}
    return frozenset(tables | set(ACL_TABLES))


def _table_columns() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for t in _maps():
        out.setdefault(t.table, set()).update(c.name for c in t.columns)
    # a contact is a sys_user: a contact row exported from sys_user carries the user columns
    out[DATA["contact"].table] |= out[DATA["user"].table]
    return {k: frozenset(v) for k, v in out.items()}


class Converter(AccessMixin):
    def __init__(self, export: Export, namespace: uuid.UUID, known_ids: dict[str, dict[str, str]]):
        self.export = export
        self.namespace = namespace
        self.diags: list[Diagnostic] = []
        self.rows: dict[str, list[Row]] = {}
        # table -> sys_id -> csmconf id (or IMPLIED / DROPPED)
        self.ids: dict[str, dict[str, str]] = {}
        self.names: dict[str, dict[str, str]] = {}  # table -> display name -> id (for fallbacks)
        reserved = {
            "role": set(BUILTIN_ROLE_IDS),
            "responsibility": set(builtin_responsibilities()),
            "relationship_type": set(BUILTIN_RELATIONSHIP_TYPE_IDS),
        }
        self.alloc = IdAllocator(namespace, known_ids, reserved)
        self.principals: dict[str, Row] = {}  # sys_user sys_id -> contact/consumer/user row
        self._display_cache: dict[str, set[str]] = {}
        self.role_rows: dict[str, Row] = {}
        self.responsibility_rows: dict[str, Row] = {}

    # -- helpers ---------------------------------------------------------------------------

    def warn_drop(self, rec: Record, what: str, why: str) -> None:
        self.diags.append(Diagnostic("CSM804", f"dropped {what}: {why}", rec.place))

    def ref(
        self, rec: Record, column: str | None, target: str, required: bool = False
    ) -> str | None:
        """The csmconf id a reference column points at; None when empty (or unresolved: CSM803)."""
        if column is None:
            return None
        value = rec.get(column).strip()
        display = rec.display(column).strip()
        if not value and not display:
            if required:
                return DROPPED if self._missing(rec, column, target) else None
            return None
        ids = self.ids.get(target, {})
        if value in ids:
            got = ids[value]
            if got == DROPPED and target != _table_of("role"):
                # dropping a role already said so once; its holders keep their other roles
                what = (
                    f"{rec.table} {rec.sys_id}"
                    if required
                    else f"{rec.table}.{column} of {rec.sys_id}"
                )
                self.warn_drop(
                    rec, what, f"it refers to {target} {display or value!r}, which was dropped"
                )
            return got
        # out-of-box records are matched by display value: their sys_ids differ per instance
        names = self.names.get(target, {})
        for text in (display, value):
            if text and text in names:
                return names[text]
        candidates = sorted({*names, *self._displays(target)} - {IMPLIED, DROPPED})
        close = difflib.get_close_matches(display or value, candidates, n=3, cutoff=0.6)
        hint = f"did you mean {', '.join(repr(c) for c in close)}?" if close else None
        shown = f"{display!r} ({value})" if display and display != value else repr(value)
        self.diags.append(
            Diagnostic(
                "CSM803",
                f"{rec.table}.{column} refers to {target} {shown}, which is not in the export",
                rec.place,
                hint=hint or f"export {target} too, or drop this row",
            )
        )
        return DROPPED

    def _displays(self, table: str) -> set[str]:
        """Display values (names) of the export's records of `table`, for did-you-mean."""
        got = self._display_cache.get(table)
        if got is None:
            got = {r.get(sn.DISPLAY_COLUMN).strip() for r in self.export.table(table)} - {""}
            self._display_cache[table] = got
        return got

    def _missing(self, rec: Record, column: str, target: str) -> bool:
        self.warn_drop(
            rec, f"{rec.table} {rec.sys_id}", f"{column} is empty; csmconf needs a {target}"
        )
        return True

    def add(self, section: str, data: dict, *sources: Record) -> Row:
        row = Row(section, data, list(sources))
        self.rows.setdefault(section, []).append(row)
        return row

    def _assign(
        self, kind: str, table: str, recs: list[Record], texts, candidates, fallback: str
    ) -> dict[str, str]:
        wanted = [(r.sys_id, texts(r), candidates(r), fallback) for r in recs]
        got = self.alloc.assign(kind, wanted)
        self.ids.setdefault(table, {}).update(got)
        return got

    # -- the conversion ----------------------------------------------------------------------

    def run(self) -> None:
        self.roles()
        self.relationship_types()
        self.responsibilities()
        self.related_party_configs()
        self.accounts()
        self.contacts()
        self.consumers()
        self.users()
        self.user_roles()
        self.role_contains()
        self.account_relationships()
        self.contact_relationships()
        self.team_members()
        self.sold_products()
        self.access_configs()
        self.role_access()

    def roles(self) -> None:
        table = _table_of("role")
        name_col, desc_col = _col("role", "servicenow_name"), _col("role", "name")
        builtin_by_name = {v: k for k, v in sn.BUILTIN_ROLE_NAMES.items()}
        names = self.names.setdefault(table, {})
        names.update(builtin_by_name)
        names[sn.EXTERNAL_USER_ROLE] = IMPLIED
        names[sn.INTERNAL_USER_ROLE] = IMPLIED
        ids = self.ids.setdefault(table, {})
        declared = []
        for rec in self.export.table(table):
            name = rec.get(name_col).strip()
            if name in names:
                ids[rec.sys_id] = names[name]
            elif not self._declared_role(rec, name, desc_col):
                ids[rec.sys_id] = DROPPED
                names[name] = DROPPED
                self.warn_drop(
                    rec,
                    f"role {name!r}",
                    "it is neither one of csmconf's built-in roles nor a custom role (u_ or x_ name, "
                    "or a csmconf sys_id): it looks like ServiceNow's own; holders keep their other roles",
                )
            else:
                declared.append(rec)
        got = self._assign(
            "role",
            table,
            declared,
            _role_text(name_col, desc_col),
            lambda r: [*role_spellings(r.get(name_col).strip()), *spellings([r.get(desc_col)])],
            "role",
        )
        self.role_rows: dict[str, Row] = {}
        for rec in declared:
            rid = got[rec.sys_id]
            name = rec.get(name_col).strip()
            names[name] = rid
            data = {"id": rid}
            if rec.get(desc_col).strip():
                data["name"] = rec.get(desc_col).strip()
            data["kind"] = "either"  # refined from who holds it (user_roles)
            if name != sn.default_role_name(rid):
                if "servicenow_name" in RawRole.model_fields:
                    data["servicenow_name"] = name
                else:
                    self.warn_drop(
                        rec,
                        f"ServiceNow name {name!r} of role {rid}",
                        "this csmconf has no servicenow_name field",
                    )
            self.role_rows[rid] = self.add("roles", data, rec)

    def _declared_role(self, rec: Record, name: str, desc_col: str) -> bool:
        """A custom role csmconf can declare: a u_/x_ name, or any name csmconf itself wrote."""
        if name.startswith(sn.RESERVED_ROLE_PREFIXES) or not re.match(
            sn.SERVICENOW_ROLE_NAME_PATTERN, name
        ):
            return False
        if name.startswith(("u_", "x_")):
            return True
        candidates = [*spellings([name, rec.get(desc_col)])]
        return self.alloc.recover("role", rec.sys_id, candidates) is not None

    def relationship_types(self) -> None:
        key = "relationship_type"
        table = _table_of(key)
        c = {
            s: _col(key, s)
            for s in ("name", "from", "to", "label", "reverse_label", "active", "partner_access")
        }
        builtins = builtin_relationship_types()
        names = self.names.setdefault(table, {t.name: t.id for t in builtins.values()})
        ids = self.ids.setdefault(table, {})
        declared = []
        for rec in self.export.table(table):
            name = rec.get(c["name"]).strip()
            if name in names:
                ids[rec.sys_id] = names[name]
            elif not name:
                ids[rec.sys_id] = DROPPED
                self.warn_drop(rec, "relationship type", "it has no name")
            else:
                declared.append(rec)
        got = self._assign(
            key,
            table,
            declared,
            lambda r: r.get(c["name"]),
            lambda r: spellings([r.get(c["name"])]),
            key,
        )
        for rec in declared:
            ends = [rec.get(c[e]).strip().lower() for e in ("from", "to")]
            if any(e not in vocabulary.END_KINDS for e in ends):
                ids[rec.sys_id] = DROPPED
                self.warn_drop(
                    rec,
                    f"relationship type {rec.get(c['name'])!r}",
                    f"its ends {ends} are not {' or '.join(vocabulary.END_KINDS)}",
                )
                continue
            data = {
                "id": got[rec.sys_id],
                "name": rec.get(c["name"]).strip(),
                "from": ends[0],
                "to": ends[1],
            }
            for f in ("label", "reverse_label"):
                if rec.get(c[f]).strip():
                    data[f] = rec.get(c[f]).strip()
            if _bool(rec, c["partner_access"], False, self.diags):
                data["partner_access"] = True
            if not _bool(rec, c["active"], True, self.diags):
                data["active"] = False
            names[data["name"]] = data["id"]
            self.add("relationship_types", data, rec)

    def responsibilities(self) -> None:
        key = "responsibility"
        table = _table_of(key)
        c = {s: _col(key, s) for s in ("name", "type", "unique")}
        names = self.names.setdefault(
            table, {r.name: r.id for r in builtin_responsibilities().values()}
        )
        ids = self.ids.setdefault(table, {})
        declared = []
        for rec in self.export.table(table):
            name = rec.get(c["name"]).strip()
            if name in names:
                ids[rec.sys_id] = names[name]
            else:
                declared.append(rec)
        got = self._assign(
            key,
            table,
            declared,
            lambda r: r.get(c["name"]),
            lambda r: spellings([r.get(c["name"])]),
            key,
        )
        self.responsibility_rows: dict[str, Row] = {}
        for rec in declared:
            types = [w for w in _words(rec.get(c["type"])) if w != "none"]
            bad = [w for w in types if w not in vocabulary.HOLDER_TYPES]
            if not types or bad:
                ids[rec.sys_id] = DROPPED
                self.warn_drop(
                    rec,
                    f"responsibility {rec.get(c['name'])!r}",
                    f"its type {rec.get(c['type'])!r} names no holder csmconf knows "
                    f"({', '.join(vocabulary.HOLDER_TYPES)})",
                )
                continue
            data = {
                "id": got[rec.sys_id],
                "name": rec.get(c["name"]).strip() or None,
                "type": types,
            }
            if data["name"] is None:
                del data["name"]
            else:
                names[data["name"]] = data["id"]
            if _bool(rec, c["unique"], False, self.diags):
                data["unique"] = True
            self.responsibility_rows[data["id"]] = self.add("responsibilities", data, rec)

    def related_party_configs(self) -> None:
        key = "related_party_config"
        table = _table_of(key)
        c = {
            s: _col(key, s)
            for s in (
                "name",
                "applies_to",
                "entity_type",
                "reference_condition",
                "default_responsibility",
                "order",
            )
        }
        recs = self.export.table(table)
        got = self._assign(
            key,
            table,
            recs,
            lambda r: r.get(c["name"]),
            lambda r: spellings([r.get(c["name"])]),
            key,
        )
        resp_table = _table_of("responsibility")
        names = self.names.setdefault(table, {})
        for rec in recs:
            applies = rec.get(c["applies_to"]).strip()
            applies = TABLE_WORDS.get(applies, applies)
            entity = rec.get(c["entity_type"]).strip()
            entity = ENTITY_WORDS.get(entity, entity.lower())
            if applies not in vocabulary.APPLIES_TO or entity not in vocabulary.ENTITY_TYPES:
                self.ids[table][rec.sys_id] = DROPPED
                self.warn_drop(
                    rec,
                    f"related-party configuration {rec.get(c['name'])!r}",
                    f"it applies to {applies!r} for {entity!r}; csmconf knows "
                    f"{', '.join(vocabulary.APPLIES_TO)} for {', '.join(vocabulary.ENTITY_TYPES)}",
                )
                continue
            data = {
                "id": got[rec.sys_id],
                "name": rec.get(c["name"]).strip(),
                "applies_to": applies,
                "entity_type": entity,
            }
            default = self.ref(rec, c["default_responsibility"], resp_table)
            if default == DROPPED:
                self.ids[table][rec.sys_id] = DROPPED
                continue
            if default:
                data["default_responsibility"] = default
            data["order"] = _int(rec, c["order"], 100, self.diags)
            if data["order"] == 100:
                del data["order"]
            if rec.get(c["reference_condition"]).strip():
                self.warn_drop(
                    rec,
                    f"the reference condition of {data['name']!r}",
                    "csmconf has no reference conditions; every party of the entity type fits",
                )
            names[data["name"]] = data["id"]
            self.add("related_party_configs", data, rec)

    def accounts(self) -> None:
        key = "account"
        table = _table_of(key)
        c = {
            s: _col(key, s)
            for s in ("name", "parent", "partner", "customer", "primary_contact", "active")
        }
        recs = self.export.table(table)
        got = self._assign(
            key,
            table,
            recs,
            lambda r: r.get(c["name"]),
            lambda r: spellings([r.get(c["name"])]),
            key,
        )
        self.account_rows: dict[str, Row] = {}
        self._account_refs = []
        for rec in recs:
            data = {"id": got[rec.sys_id], "name": rec.get(c["name"]).strip() or got[rec.sys_id]}
            if not _bool(rec, c["customer"], True, self.diags):
                data["customer"] = False
            if _bool(rec, c["partner"], False, self.diags):
                data["partner"] = True
            if not _bool(rec, c["active"], True, self.diags):
                data["active"] = False
            self.account_rows[rec.sys_id] = self.add("accounts", data, rec)
            self._account_refs.append((rec, data))
        access = DATA["account_access"]
        acc_col = _col("account_access", "account")
        restrict_col = _col("account_access", "restrict_contact_access")
        for rec in self.export.table(access.table):
            account = self.ref(rec, acc_col, table)
            if account in (None, DROPPED):
                continue
            row = self.account_rows.get(rec.get(acc_col).strip())
            if row is not None and _bool(rec, restrict_col, False, self.diags):
                row.data["restrict_contact_access"] = True
                row.sources.append(rec)

    def _person(self, rec: Record, c: dict) -> dict:
        name = rec.get(c["name"]).strip() if c.get("name") else ""
        if not name:
            name = " ".join(
                p
                for p in (rec.get(c.get("first_name")).strip(), rec.get(c.get("last_name")).strip())
                if p
            )
        data = {}
        if name:
            data["name"] = name
        email = rec.get(c["email"]).strip() if c.get("email") else ""
        if email and _EMAIL.match(email):
            data["email"] = email
        elif email:
            self.warn_drop(rec, f"e-mail {email!r}", "it is not an e-mail address csmconf accepts")
        phone = rec.get(c["phone"]).strip() if c.get("phone") else ""
        if phone:
            data["phone"] = phone
        return data

    def _texts(self, c: dict):
        def text(r: Record) -> str:
            return (
                (r.get(c["name"]) if c.get("name") else "")
                or " ".join(
                    filter(
                        None, (r.get(c.get("first_name") or ""), r.get(c.get("last_name") or ""))
                    )
                )
                or r.get(c.get("user_name") or "")
                or r.get(c.get("email") or "")
            )

        def cands(r: Record) -> list[str]:
            return spellings(
                [r.get(c.get("user_name") or ""), text(r), r.get(c.get("email") or "")]
            )

        return text, cands

    def contacts(self) -> None:
        key = "contact"
        table = _table_of(key)
        c = {
            s: _col(key, s)
            for s in (
                "account",
                "first_name",
                "last_name",
                "name",
                "email",
                "phone",
                "active",
                "user_name",
            )
        }
        recs = self.export.table(table)
        text, cands = self._texts(c)
        got = self._assign(key, table, recs, text, cands, key)
        accounts = _table_of("account")
        for rec in recs:
            account = self.ref(rec, c["account"], accounts, required=True)
            if account in (None, DROPPED):
                self.ids[table][rec.sys_id] = DROPPED
                continue
            data = {"id": got[rec.sys_id], **self._person(rec, c), "account": account}
            if not _bool(rec, c["active"], True, self.diags):
                data["active"] = False
            data["roles"] = []
            self.principals[rec.sys_id] = self.add("contacts", data, rec)
        for rec, data in self._account_refs:
            parent = self.ref(rec, _col("account", "parent"), accounts)
            if parent and parent != DROPPED:
                data["parent"] = parent
            primary = self.ref(rec, _col("account", "primary_contact"), table)
            if primary and primary != DROPPED:
                data["primary_contact"] = primary

    def consumers(self) -> None:
        key = "consumer"
        table = _table_of(key)
        c = {
            s: _col(key, s)
            for s in ("first_name", "last_name", "name", "email", "phone", "active", "user")
        }
        recs = self.export.table(table)
        text, cands = self._texts(c)
        got = self._assign(key, table, recs, text, cands, key)
        for rec in recs:
            data = {"id": got[rec.sys_id], **self._person(rec, c)}
            if not _bool(rec, c["active"], True, self.diags):
                data["active"] = False
            data["roles"] = []
            row = self.add("consumers", data, rec)
            self.principals[rec.sys_id] = row
            user = rec.get(c["user"]).strip() if c["user"] else ""
            if user:
                self.principals[user] = row  # its login: roles are granted to the sys_user

    def users(self) -> None:
        key = "user"
        table = _table_of(key)
        c = {
            s: _col(key, s)
            for s in ("user_name", "first_name", "last_name", "name", "email", "active")
        }
        recs = []
        for rec in self.export.table(table):
            cls = rec.get(sn.CLASS_COLUMN).strip()
            if rec.sys_id in self.principals or (cls and cls != table):
                continue  # a contact's or consumer's own user record
            recs.append(rec)
        text, cands = self._texts(c)
        got = self._assign(key, table, recs, text, cands, key)
        for rec in recs:
            data = {"id": got[rec.sys_id], **self._person(rec, c)}
            if not _bool(rec, c["active"], True, self.diags):
                data["active"] = False
            data["roles"] = []
            self.principals[rec.sys_id] = self.add("users", data, rec)

    def user_roles(self) -> None:
        table = DATA["user_role"].table
        user_col, role_col = _col("user_role", "user"), _col("user_role", "role")
        roles = _table_of("role")
        holders: dict[str, set[str]] = {}
        for rec in self.export.table(table):
            if _bool(rec, sn.INHERITED_COLUMN, False, self.diags):
                continue  # granted by containment: csmconf derives it
            row = self.principals.get(rec.get(user_col).strip())
            if row is None:
                self.ref(rec, user_col, _table_of("user"))
                continue
            role = self.ref(rec, role_col, roles)
            if role in (None, IMPLIED, DROPPED):
                continue
            if role not in row.data["roles"]:
                row.data["roles"].append(role)
                row.sources.append(rec)
            holders.setdefault(role, set()).add(row.section)
        for row in (
            *self.rows.get("contacts", ()),
            *self.rows.get("consumers", ()),
            *self.rows.get("users", ()),
        ):
            row.data["roles"].sort()
            if row.section == "consumers":
                if row.data["roles"] == ["consumer"]:
                    del row.data["roles"]
            elif not row.data["roles"]:
                del row.data["roles"]
        # a declared role's kind is not exported: it follows from who holds it
        for rid, row in getattr(self, "role_rows", {}).items():
            sections = holders.get(rid, set())
            if sections and sections <= {"contacts", "consumers"}:
                row.data["kind"] = "external"
            elif sections == {"users"}:
                row.data["kind"] = "internal"

    def role_contains(self) -> None:
        table = CONF["role_contains"].table
        role_col, contains_col = _col("role_contains", "role"), _col("role_contains", "contains")
        roles = _table_of("role")
        builtin = {r.id: {c.id for c in r.contains} for r in builtin_roles().values()}
        for rec in self.export.table(table):
            role = self.ref(rec, role_col, roles)
            inner = self.ref(rec, contains_col, roles)
            if role in (None, DROPPED, IMPLIED) or inner in (None, DROPPED, IMPLIED):
                continue
            row = self.role_rows.get(role)
            if row is None:
                if inner not in builtin.get(role, set()):
                    self.warn_drop(
                        rec,
                        f"containment {role} -> {inner}",
                        f"{role} is a built-in role; its containment is csmconf's catalogue",
                    )
                continue
            contains = row.data.setdefault("contains", [])
            if inner not in contains:
                contains.append(inner)
                contains.sort()
                row.sources.append(rec)

    def _link(self, key: str, section: str, fields: dict[str, tuple[str, str]], ints=()) -> None:
        """A row without an id: every field a reference (field -> (source, target table))."""
        for rec in self.export.table(DATA[key].table):
            data = {}
            ok = True
            for name, (source, target) in fields.items():
                got = self.ref(rec, _col(key, source), target, required=True)
                if got in (None, DROPPED):
                    ok = False
                    break
                data[name] = got
            if not ok:
                continue
            for name in ints:
                value = _int(rec, _col(key, name), 100, self.diags)
                if value != 100:
                    data[name] = value
            self.add(section, data, rec)

    def account_relationships(self) -> None:
        acc = _table_of("account")
        self._link(
            "account_relationship",
            "account_relationships",
            {
                "from": ("from", acc),
                "to": ("to", acc),
                "type": ("type", _table_of("relationship_type")),
            },
            ints=("order",),
        )

    def contact_relationships(self) -> None:
        self._link(
            "contact_relationship",
            "contact_relationships",
            {
                "contact": ("contact", _table_of("contact")),
                "account": ("account", _table_of("account")),
                "responsibility": ("responsibility", _table_of("responsibility")),
            },
            ints=("order",),
        )

    def team_members(self) -> None:
        self._link(
            "team_member",
            "team_members",
            {
                "user": ("user", _table_of("user")),
                "account": ("account", _table_of("account")),
                "responsibility": ("responsibility", _table_of("responsibility")),
            },
        )

    def sold_products(self) -> None:
        key = "sold_product"
        table = _table_of(key)
        c = {s: _col(key, s) for s in ("name", "account", "contact")}
        recs = self.export.table(table)
        got = self._assign(
            key,
            table,
            recs,
            lambda r: r.get(c["name"]),
            lambda r: spellings([r.get(c["name"])]),
            key,
        )
        rows: dict[str, Row] = {}
        for rec in recs:
            account = self.ref(rec, c["account"], _table_of("account"), required=True)
            if account in (None, DROPPED):
                self.ids[table][rec.sys_id] = DROPPED
                continue
            data = {"id": got[rec.sys_id]}
            if rec.get(c["name"]).strip():
                data["name"] = rec.get(c["name"]).strip()
            data["account"] = account
            contact = self.ref(rec, c["contact"], _table_of("contact"))
            if contact and contact != DROPPED:
                data["contact"] = contact
            rows[rec.sys_id] = self.add("sold_products", data, rec)
        key = "related_party"
        rpc_table = _table_of("related_party_config")
        resp_table = _table_of("responsibility")
        defaults = {
            r.data["id"]: r.data.get("default_responsibility")
            for r in self.rows.get("related_party_configs", ())
        }
        overrides: dict[str, set[str]] = {}
        for rec in self.export.table(DATA[key].table):
            product_col = _col(key, "sold_product")
            product = self.ref(rec, product_col, table, required=True)
            if product in (None, DROPPED):
                continue
            row = rows[rec.get(product_col).strip()]
            kind_type = self.ref(rec, _col(key, "type"), rpc_table, required=True)
            if kind_type in (None, DROPPED):
                continue
            parties = [
                (kind, rec.get(_col(key, kind)).strip())
                for kind in vocabulary.ENTITY_TYPES
                if _col(key, kind) and rec.get(_col(key, kind)).strip()
            ]
            if len(parties) != 1:
                self.warn_drop(
                    rec,
                    f"related party of sold product {product}",
                    f"it names {len(parties)} parties; csmconf needs exactly one",
                )
                continue
            kind, _value = parties[0]
            party = self.ref(rec, _col(key, kind), _table_of(kind))
            if party in (None, DROPPED):
                continue
            item = {"party": f"{kind}:{party}", "type": kind_type}
            resp = self.ref(rec, _col(key, "responsibility"), resp_table)
            if resp == DROPPED:
                continue
            if resp and resp != defaults.get(kind_type):
                item["responsibility"] = resp
                overrides.setdefault(kind_type, set()).add(resp)
            row.data.setdefault("related_parties", []).append(item)
            row.sources.append(rec)
        # `allowed_responsibilities` has no column: the instance shows what it allows by use
        for cfg in self.rows.get("related_party_configs", ()):
            used = overrides.get(cfg.data["id"])
            if used:
                default = cfg.data.get("default_responsibility")
                cfg.data["allowed_responsibilities"] = [default] * bool(default) + sorted(
                    used - {default}
                )
        for row in rows.values():
            if "related_parties" in row.data:
                row.data["related_parties"].sort(key=lambda i: (i["party"], i["type"]))


def _role_text(name_col: str, desc_col: str):
    """A role's readable id: its default ServiceNow name read back, else its description."""

    def text(rec: Record) -> str:
        rest = rec.get(name_col).strip().removeprefix("u_")
        if rec.get(name_col).startswith("u_") and re.fullmatch(r"[a-z0-9][a-z0-9_]*", rest):
            return rest
        return rec.get(desc_col) or rec.get(name_col)

    return text
