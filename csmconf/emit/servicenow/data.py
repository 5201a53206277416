"""`servicenow/data/<table>.xml`: the data as Import XML of the real tables and columns.

One file per ServiceNow table of `servicenow_names.DATA_TABLES`, each an
`<unload>` with one `<table action="INSERT_OR_UPDATE">` element per row, at
most `MAX_RECORDS_PER_FILE` rows a file: `customer_account.xml` holds the
first 10,000, `customer_account.2.xml` the next, and so on (a table
without rows still gets its one, empty, file). Rows are sorted: accounts
parents first (depth, then id), the others by id or natural key, so that
a split never puts a parent after its child.

Names: `first_name` is the first word of `name` and `last_name` the rest
as written; a one-word name is the `last_name` alone (ServiceNow computes
`name` from both, which gives the written name back whenever its words are
separated by single spaces). `user_name` is the id; a contact or consumer
whose id another kind of principal also uses is `<kind>.<id>`, so user
names stay unique in `sys_user` (which contacts extend). Consumers log in
through a `sys_user` of their own, written with the users.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from itertools import islice

from ... import servicenow_names as sn
from .records import SnRecord, responsibility_ref, role_name, role_ref
from .xml import RecordWriter, Ref, unload

DATA_DIR = "servicenow/data"


def split_name(name: str | None) -> tuple[str | None, str | None]:
    """(first_name, last_name) of a full name: the first word, and the rest as written."""
    if name is None or not name.strip():
        return None, None
    words = name.strip().split(None, 1)
    if len(words) == 1:
        return None, words[0]
    return words[0], words[1]


def _sorted(index: dict):
    return [index[k] for k in sorted(index)]


def _depths(accounts) -> dict[str, int]:
    depth: dict[str, int] = {}
    for account in accounts.values():
        chain, node, seen = [], account, set()
        while node is not None and node.id not in depth and node.id not in seen:
            seen.add(node.id)
            chain.append(node)
            node = node.parent
        base = depth[node.id] if node is not None and node.id in depth else -1
        for i, item in enumerate(reversed(chain)):
            depth[item.id] = base + 1 + i
    return depth


class _Data:
    """The data rows of one configuration, table by table."""

    def __init__(self, config, ids):
        self.config = config
        self.ids = ids
        self.contacts = [c for c in _sorted(config.contacts) if c.account is not None]
        self.consumers = _sorted(config.consumers)
        self.users = _sorted(config.users)
        shared = Counter()
        for kind, people in (
            ("contact", self.contacts),
            ("consumer", self.consumers),
            ("user", self.users),
        ):
            for ident in {p.id for p in people}:
                shared[ident] += 1
        self.shared = {ident for ident, n in shared.items() if n > 1}

    # -- references --------------------------------------------------------------------------
    def user_name(self, person) -> str:
        if person.kind != "user" and person.id in self.shared:
            return f"{person.kind}.{person.id}"
        return person.id

    def person_ref(self, person) -> Ref | None:
        if person is None:
            return None
        return Ref(self.ids.of(person), person.name or self.user_name(person))

    def consumer_user_id(self, consumer) -> str:
        return self.ids.once("consumer_user", consumer.id)

    def account_ref(self, account) -> Ref | None:
        return None if account is None else Ref(self.ids.of(account), account.name or "")

    def type_ref(self, rt) -> Ref | None:
        if rt is None:
            return None
        return Ref("" if rt.builtin else self.ids.of(rt), rt.name)

    # -- tables --------------------------------------------------------------------------------
    def account(self):
        depth = _depths(self.config.accounts)
        accounts = sorted(self.config.accounts.values(), key=lambda a: (depth.get(a.id, 0), a.id))
        contact_ids = {c.id for c in self.contacts}
        for a in accounts:
            if a.name is None:
                continue
            primary = a.primary_contact
            yield SnRecord(
                "account",
                self.ids.of(a),
                {
                    "name": a.name,
                    "parent": self.account_ref(a.parent if a.parent is not a else None),
                    "partner": bool(a.partner),
                    "customer": bool(a.customer),
                    "primary_contact": self.person_ref(primary)
                    if primary is not None and primary.id in contact_ids
                    else None,
                    "active": bool(a.active),
                },
                a.name,
            )

    def account_access(self):
        for a in _sorted(self.config.accounts):
            if a.name is None:
                continue
            yield SnRecord(
                "account_access",
                self.ids.once("account_access", a.id),
                {
                    "account": self.account_ref(a),
                    "restrict_contact_access": bool(a.restrict_contact_access),
                },
                a.name,
            )

    def _person(self, p) -> dict:
        first, last = split_name(p.name)
        return {
            "first_name": first,
            "last_name": last,
            "name": p.name,
            "email": p.email,
            "active": bool(p.active),
        }

    def contact(self):
        for c in self.contacts:
            values = self._person(c)
            values.update(
                account=self.account_ref(c.account), phone=c.phone, user_name=self.user_name(c)
            )
            yield SnRecord("contact", self.ids.of(c), values, c.name or c.id)

    def consumer(self):
        for c in self.consumers:
            values = self._person(c)
            values.update(
                phone=c.phone,
                user=Ref(self.consumer_user_id(c), c.name or self.user_name(c)),
            )
            yield SnRecord("consumer", self.ids.of(c), values, c.name or c.id)

    def user(self):
        logins = [(self.consumer_user_id(c), c) for c in self.consumers]
        people = [(self.ids.of(u), u) for u in self.users] + logins
        for sys_id, p in sorted(people, key=lambda item: (self.user_name(item[1]), item[0])):
            values = self._person(p)
            values["user_name"] = self.user_name(p)
            yield SnRecord("user", sys_id, values, p.name or p.id)

    def user_role(self):
        kinds = (
            ("contact", self.contacts, sn.EXTERNAL_USER_ROLE),
            ("consumer", self.consumers, sn.EXTERNAL_USER_ROLE),
            ("user", self.users, sn.INTERNAL_USER_ROLE),
        )
        for kind, people, platform_role in kinds:
            for p in people:
                if kind == "consumer":
                    user = Ref(self.consumer_user_id(p), p.name or self.user_name(p))
                else:
                    user = self.person_ref(p)
                yield SnRecord(
                    "user_role",
                    self.ids.once("principal_platform_role", f"{kind}:{p.id}|{platform_role}"),
                    {"user": user, "role": Ref("", platform_role, platform_role)},
                    f"{user.display} {platform_role}",
                )
                held = {r.id: r for r in p.roles if r is not None and r.role_kind is not None}
                # by name: the order roles are listed in is no part of what is held
                for role in sorted(held.values(), key=role_name):
                    yield SnRecord(
                        "user_role",
                        self.ids.once("principal_role", f"{kind}:{p.id}|{role.id}"),
                        {"user": user, "role": role_ref(role, self.ids)},
                        f"{user.display} {role_name(role)}",
                    )

    def account_relationship(self):
        rels = {}
        for rel in self.config.account_relationships:
            key = rel.key
            if key is not None and key not in rels and rel.from_account is not rel.to_account:
                rels[key] = rel
        for key, rel in sorted(rels.items()):
            yield SnRecord(
                "account_relationship",
                self.ids("account_relationship", key),
                {
                    "from": self.account_ref(rel.from_account),
                    "to": self.account_ref(rel.to_account),
                    "type": self.type_ref(rel.type),
                    "order": rel.order,
                },
                key,
            )

    def contact_relationship(self):
        contact_ids = {c.id for c in self.contacts}
        crs = {}
        for cr in self.config.contact_relationships:
            key = cr.key
            if key is not None and key not in crs and cr.contact.id in contact_ids:
                crs[key] = cr
        for key, cr in sorted(crs.items()):
            yield SnRecord(
                "contact_relationship",
                self.ids("contact_relationship", key),
                {
                    "account": self.account_ref(cr.account),
                    "contact": self.person_ref(cr.contact),
                    "responsibility": responsibility_ref(cr.responsibility, self.ids),
                    "order": cr.order,
                },
                key,
            )

    def team_member(self):
        tms = {}
        for tm in self.config.team_members:
            key = tm.key
            if key is not None and key not in tms:
                tms[key] = tm
        for key, tm in sorted(tms.items()):
            yield SnRecord(
                "team_member",
                self.ids("team_member", key),
                {
                    "account": self.account_ref(tm.account),
                    "user": self.person_ref(tm.user),
                    "responsibility": responsibility_ref(tm.responsibility, self.ids),
                },
                key,
            )

    def _sold_products(self):
        return [sp for sp in _sorted(self.config.sold_products) if sp.account is not None]

    def sold_product(self):
        contact_ids = {c.id for c in self.contacts}
        for sp in self._sold_products():
            contact = sp.contact if sp.contact and sp.contact.id in contact_ids else None
            yield SnRecord(
                "sold_product",
                self.ids.of(sp),
                {
                    "name": sp.name,
                    "account": self.account_ref(sp.account),
                    "contact": self.person_ref(contact),
                },
                sp.name or sp.id,
            )

    def related_party(self):
        parties = {}
        for sp in self._sold_products():
            for rp in sp.related_parties:
                key = rp.key
                if key is None or rp.party is None or key in parties:
                    continue
                parties[key] = rp
        for key, rp in sorted(parties.items()):
            kind = rp.party_kind
            party = self.account_ref(rp.party) if kind == "account" else self.person_ref(rp.party)
            sp = rp.sold_product
            yield SnRecord(
                "related_party",
                self.ids("related_party", key),
                {
                    "sold_product": Ref(self.ids.of(sp), sp.name or sp.id),
                    "type": Ref(self.ids.of(rp.type), rp.type.name),
                    "responsibility": responsibility_ref(rp.responsibility, self.ids),
                    "contact": party if kind == "contact" else None,
                    "consumer": party if kind == "consumer" else None,
                    "account": party if kind == "account" else None,
                    "user": party if kind == "user" else None,
                },
                key,
            )


def file_name(table: str, index: int) -> str:
    """The `index`-th (0-based) file of `table`: `T.xml`, then `T.2.xml`, `T.3.xml`, ..."""
    return f"{DATA_DIR}/{table}.xml" if index == 0 else f"{DATA_DIR}/{table}.{index + 1}.xml"


def iter_data(
    config, ids, cap: int = sn.MAX_RECORDS_PER_FILE, tables=None
) -> Iterator[tuple[str, bytes]]:
    """Each Import XML file in turn (of `tables`, keys of `DATA_TABLES` taken in turn as
    each table is done; all, in their order, by default); a table's records are
    written `cap` at a time."""
    data = _Data(config, ids)
    for key in sn.DATA_TABLES if tables is None else tables:
        table_map = sn.DATA_TABLES[key]
        # the columns of `records.columns`: the table map's and the record's own sys_id
        sources = {c.name: c.source for c in table_map.columns} | {"sys_id": None}
        writer = RecordWriter(table_map.table, sources)
        records = (writer.write(r.values, r.sys_id) for r in getattr(data, key)())
        index = 0
        while chunk := list(islice(records, cap)):
            yield file_name(table_map.table, index), unload(chunk)
            index += 1
        if index == 0:  # a table without rows still gets its one, empty, file
            yield file_name(table_map.table, 0), unload([])


def render_data(config, ids, cap: int = sn.MAX_RECORDS_PER_FILE) -> dict[str, bytes]:
    return dict(iter_data(config, ids, cap))
