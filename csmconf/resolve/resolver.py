"""Merge sections across files and turn ids into object references (CSM300-303).

Rows arrive in canonical order (file, line, column), so "the first
definition" is well defined whatever order the files were read in. The
first row with an id wins; later ones are CSM300 and dropped. A reference
that does not resolve is CSM301 with a did-you-mean and becomes `None`.
"""

from __future__ import annotations

import difflib
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from .. import servicenow_names, vocabulary
from ..diagnostics import BUILTIN, Diagnostic, Place, Related
from ..model import Row, Validated
from ..model.sections import SECTION_MODELS, Settings
from . import builtins
from .objects import (
    DEFAULT_NAMESPACE,
    Account,
    AccountRelationship,
    Consumer,
    Contact,
    ContactRelationship,
    Entity,
    RelatedParty,
    RelatedPartyConfig,
    RelationshipType,
    Responsibility,
    Role,
    SoldProduct,
    TeamMember,
    User,
)


@dataclass
class Config:
    """The resolved configuration: what every later stage reads."""

    root: Path
    settings: Settings
    namespace: uuid.UUID
    accounts: dict[str, Account] = field(default_factory=dict)
    contacts: dict[str, Contact] = field(default_factory=dict)
    consumers: dict[str, Consumer] = field(default_factory=dict)
    users: dict[str, User] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    relationship_types: dict[str, RelationshipType] = field(default_factory=dict)
    responsibilities: dict[str, Responsibility] = field(default_factory=dict)
    related_party_configs: dict[str, RelatedPartyConfig] = field(default_factory=dict)
    sold_products: dict[str, SoldProduct] = field(default_factory=dict)
    account_relationships: list[AccountRelationship] = field(default_factory=list)
    contact_relationships: list[ContactRelationship] = field(default_factory=list)
    team_members: list[TeamMember] = field(default_factory=list)
    tests: list[Row] = field(default_factory=list)
    #: settings rows (for the emitters' provenance)
    settings_place: Place | None = None

    def kind_index(self, kind: str) -> dict[str, Entity] | None:
        return {
            "account": self.accounts,
            "contact": self.contacts,
            "consumer": self.consumers,
            "user": self.users,
            "role": self.roles,
            "relationship_type": self.relationship_types,
            "responsibility": self.responsibilities,
            "related_party_config": self.related_party_configs,
            "sold_product": self.sold_products,
        }.get(kind)

    def lookup(self, ref: str) -> Entity | None:
        """`kind:id` -> entity, or None."""
        kind, sep, ident = ref.partition(":")
        index = self.kind_index(kind) if sep else None
        return index.get(ident) if index is not None else None

    @property
    def principals(self) -> list[Entity]:
        return [*self.contacts.values(), *self.consumers.values(), *self.users.values()]


class _Resolver:
    def __init__(self, validated: Validated, root: Path, scanned_ids: dict | None = None):
        self.v = validated
        self._suggestions: dict[tuple[str, str], list[str]] = {}
        # kind -> ids declared in files that did not parse: no CSM301 for those
        self.unparsed = {
            SECTION_MODELS[section][1]: ids
            for section, ids in (scanned_ids or {}).items()
            if section in SECTION_MODELS
        }
        self.diags: list[Diagnostic] = []
        settings = validated.settings[0].model if validated.settings else Settings()
        namespace = (
            uuid.UUID(settings.sys_id_namespace) if settings.sys_id_namespace else DEFAULT_NAMESPACE
        )
        self.config = Config(root=root, settings=settings, namespace=namespace)
        if validated.settings:
            first = validated.settings[0]
            self.config.settings_place = Place(
                first.file, first.key_node.line, first.key_node.column
            )

    # -- helpers ----------------------------------------------------------------------------

    def register(self, index: dict, entity: Entity) -> bool:
        existing = index.get(entity.id)
        if existing is None:
            index[entity.id] = entity
            return True
        kind = entity.kind.replace("_", " ")
        if existing.builtin:
            message = f"{kind} '{entity.id}' is built in and cannot be declared again"
            related = (Related(BUILTIN, f"the built-in {kind} '{entity.id}'"),)
        else:
            message = f"duplicate {kind} id '{entity.id}'"
            related = (Related(existing.id_place, f"'{entity.id}' first declared here"),)
        self.diags.append(
            Diagnostic(
                "CSM300",
                message,
                entity.id_place,
                related=related,
                hint="ids are unique within a kind; rename one of them",
            )
        )
        return False

    def ref(self, index: dict, kind: str, value: str | None, place, what: str):
        """`index[value]`, or None with a CSM301. `place` may be a function: most references
        resolve, and building the place of every one of them costs more than resolving it."""
        if value is None:
            return None
        target = index.get(value)
        if target is None:
            self.unknown(index, kind, value, place, what)
        return target

    def unknown(self, index: dict, kind: str, value: str, place, what: str) -> None:
        if value in self.unparsed.get(kind, ()):
            return  # declared in a file with a syntax error (CSM100): that is the one to fix
        if callable(place):
            place = place()
        close = self.suggest(index, kind, value)
        message = f"{what}: unknown {kind.replace('_', ' ')} '{value}'"
        if close:
            message += f" (did you mean '{close[0]}'?)"
        self.diags.append(Diagnostic("CSM301", message, place))

    def suggest(self, index: dict, kind: str, value: str) -> list[str]:
        """The closest id for a did-you-mean, once per unknown value.

        difflib against every id of a kind costs ~0.3 s with 50,000 contacts; a
        misspelt section can leave tens of thousands of references unknown. So
        each value is looked up once, among ids of about its length only.
        """
        key = (kind, value)
        if key not in self._suggestions:
            close: list[str] = []
            if value:
                slack = max(2, len(value) // 4)
                candidates = [k for k in index if abs(len(k) - len(value)) <= slack]
                close = difflib.get_close_matches(value, candidates, n=1, cutoff=0.75)
            self._suggestions[key] = close
        return self._suggestions[key]

    def refs(self, index: dict, kind: str, row: Row, name: str, values, what: str) -> list:
        return [
            self.ref(index, kind, v, lambda i=i: row.value_place(name, i), what)
            for i, v in enumerate(values or ())
        ]

    def unique_value(self, seen: dict, value, entity_place: Place, label: str) -> None:
        if value is None:
            return
        first = seen.get(value)
        if first is None:
            seen[value] = entity_place
            return
        self.diags.append(
            Diagnostic(
                "CSM302",
                f"duplicate {label}",
                entity_place,
                related=(Related(first, "first used here"),),
            )
        )

    # -- stages -----------------------------------------------------------------------------

    def run(self) -> Config:
        c = self.config
        rows = self.v.rows
        self.settings_once()
        c.roles.update(builtins.builtin_roles())
        c.responsibilities.update(builtins.builtin_responsibilities())
        c.relationship_types.update(builtins.builtin_relationship_types())

        # 1. declare every entity with an id, so references can resolve in any direction
        for row in rows["accounts"]:
            m = row.model
            self.register(
                c.accounts,
                Account(
                    "account",
                    m.id,
                    row,
                    name=m.name,
                    customer=m.customer,
                    partner=m.partner,
                    active=m.active,
                    code=m.code,
                    restrict_contact_access=m.restrict_contact_access,
                ),
            )
        for section, cls, index in (
            ("contacts", Contact, c.contacts),
            ("consumers", Consumer, c.consumers),
            ("users", User, c.users),
        ):
            for row in rows[section]:
                m = row.model
                self.register(
                    index,
                    cls(
                        row.kind,
                        m.id,
                        row,
                        name=m.name or builtins.title(m.id),
                        email=m.email,
                        phone=getattr(m, "phone", None),
                        active=m.active,
                    ),
                )
        for row in rows["roles"]:
            m = row.model
            self.register(
                c.roles,
                Role(
                    "role",
                    m.id,
                    row,
                    name=m.name or builtins.title(m.id),
                    role_kind=m.kind,
                    access=[e for e in m.access or () if e is not None and _role_entry_valid(e)],
                    servicenow_name=_declared_role_name(row),
                ),
            )
        for row in rows["relationship_types"]:
            m = row.model
            self.register(
                c.relationship_types,
                RelationshipType(
                    "relationship_type",
                    m.id,
                    row,
                    name=m.name or builtins.title(m.id),
                    from_end=m.from_,
                    to_end=m.to,
                    label=m.label,
                    reverse_label=m.reverse_label,
                    partner_access=m.partner_access,
                    active=m.active,
                ),
            )
        for row in rows["responsibilities"]:
            m = row.model
            self.register(
                c.responsibilities,
                Responsibility(
                    "responsibility",
                    m.id,
                    row,
                    name=m.name or builtins.title(m.id),
                    holder_types=tuple(m.type or ()),
                    unique=m.unique,
                    access=[e for e in m.access or () if e is not None and _entry_valid(e)],
                ),
            )
        for row in rows["related_party_configs"]:
            m = row.model
            self.register(
                c.related_party_configs,
                RelatedPartyConfig(
                    "related_party_config",
                    m.id,
                    row,
                    name=m.name or builtins.title(m.id),
                    applies_to=m.applies_to,
                    entity_type=m.entity_type,
                    order=m.order if m.order is not None else 100,
                ),
            )
        for row in rows["sold_products"]:
            m = row.model
            self.register(
                c.sold_products,
                SoldProduct("sold_product", m.id, row, name=m.name or builtins.title(m.id)),
            )

        # 2. resolve references, in canonical order of the rows that hold them
        self.resolve_accounts()
        self.resolve_principals()
        self.resolve_roles_and_responsibilities()
        self.resolve_links()
        self.resolve_sold_products()
        self.unique_values()
        c.tests = list(rows["tests"])
        return c

    def settings_once(self) -> None:
        blocks = self.v.settings
        for later in blocks[1:]:
            first = blocks[0]
            self.diags.append(
                Diagnostic(
                    "CSM303",
                    "`settings` is given more than once; keep one settings block for the whole tree",
                    Place(later.file, later.key_node.line, later.key_node.column),
                    related=(
                        Related(
                            Place(first.file, first.key_node.line, first.key_node.column),
                            "first `settings` here",
                        ),
                    ),
                )
            )

    def resolve_accounts(self) -> None:
        c = self.config
        for account in c.accounts.values():
            m = account.row.model
            account.parent = self.ref(
                c.accounts, "account", m.parent, lambda a=account: a.place("parent"), "parent"
            )
            if account.parent is not None and account.parent is not account:
                account.parent.children.append(account)
            account.primary_contact = self.ref(
                c.contacts,
                "contact",
                m.primary_contact,
                account.place("primary_contact"),
                "primary_contact",
            )

    def resolve_principals(self) -> None:
        c = self.config
        for contact in c.contacts.values():
            m = contact.row.model
            contact.account = self.ref(
                c.accounts, "account", m.account, lambda c=contact: c.place("account"), "account"
            )
            if contact.account is not None:
                contact.account.contacts.append(contact)
        for index in (c.contacts, c.consumers, c.users):
            for p in index.values():
                p.roles = self.refs(c.roles, "role", p.row, "roles", p.row.model.roles, "roles")

    def resolve_roles_and_responsibilities(self) -> None:
        c = self.config
        for role in c.roles.values():
            if not role.builtin:
                role.contains = self.refs(
                    c.roles, "role", role.row, "contains", role.row.model.contains, "contains"
                )
        for resp in c.responsibilities.values():
            if resp.builtin:
                continue
            m = resp.row.model
            resp.roles_required = self.refs(
                c.roles, "role", resp.row, "roles_required", m.roles_required, "roles_required"
            )
            resp.includes = self.refs(
                c.responsibilities, "responsibility", resp.row, "includes", m.includes, "includes"
            )
        for cfg in c.related_party_configs.values():
            m = cfg.row.model
            cfg.default_responsibility = self.ref(
                c.responsibilities,
                "responsibility",
                m.default_responsibility,
                cfg.place("default_responsibility"),
                "default_responsibility",
            )
            if m.allowed_responsibilities is not None:
                cfg.allowed_responsibilities = self.refs(
                    c.responsibilities,
                    "responsibility",
                    cfg.row,
                    "allowed_responsibilities",
                    m.allowed_responsibilities,
                    "allowed_responsibilities",
                )

    def field_ref(self, row: Row, name: str, index: dict, kind: str, attr: str | None = None):
        """Resolve the reference held in field `name` of `row` (CSM301 at its value)."""
        return self.ref(
            index, kind, getattr(row.model, attr or name), lambda: row.value_place(name), name
        )

    def resolve_links(self) -> None:
        c = self.config
        rows = self.v.rows
        for row in rows["account_relationships"]:
            c.account_relationships.append(
                AccountRelationship(
                    "account_relationship",
                    row,
                    from_account=self.field_ref(row, "from", c.accounts, "account", attr="from_"),
                    to_account=self.field_ref(row, "to", c.accounts, "account"),
                    type=self.field_ref(row, "type", c.relationship_types, "relationship_type"),
                    order=_order(row),
                )
            )
        for row in rows["contact_relationships"]:
            c.contact_relationships.append(
                ContactRelationship(
                    "contact_relationship",
                    row,
                    contact=self.field_ref(row, "contact", c.contacts, "contact"),
                    account=self.field_ref(row, "account", c.accounts, "account"),
                    responsibility=self.field_ref(
                        row, "responsibility", c.responsibilities, "responsibility"
                    ),
                    order=_order(row),
                )
            )
        for row in rows["team_members"]:
            c.team_members.append(
                TeamMember(
                    "team_member",
                    row,
                    user=self.field_ref(row, "user", c.users, "user"),
                    account=self.field_ref(row, "account", c.accounts, "account"),
                    responsibility=self.field_ref(
                        row, "responsibility", c.responsibilities, "responsibility"
                    ),
                )
            )

    def resolve_sold_products(self) -> None:
        c = self.config
        for sp in c.sold_products.values():
            m = sp.row.model
            sp.account = self.ref(
                c.accounts, "account", m.account, lambda s=sp: s.place("account"), "account"
            )
            sp.contact = self.ref(
                c.contacts, "contact", m.contact, lambda s=sp: s.place("contact"), "contact"
            )
            for i, item in enumerate(m.related_parties or ()):
                if item is None:
                    continue  # reported as CSM2xx; its position stays reserved
                party_kind, _, party_id = item.party.partition(":")
                rp = RelatedParty(sp, i, item.party)
                index = c.kind_index(party_kind)
                if index is not None:
                    rp.party = self.ref(index, party_kind, party_id, rp.place("party"), "party")
                rp.type = self.ref(
                    c.related_party_configs,
                    "related_party_config",
                    item.type,
                    rp.place("type"),
                    "type",
                )
                rp.override = self.ref(
                    c.responsibilities,
                    "responsibility",
                    item.responsibility,
                    rp.place("responsibility"),
                    "responsibility",
                )
                sp.related_parties.append(rp)

    def unique_values(self) -> None:
        c = self.config
        codes: dict = {}
        for account in c.accounts.values():
            if account.code is not None:
                self.unique_value(
                    codes, account.code, account.place("code"), f"account code '{account.code}'"
                )
        names: dict = {}
        for rt in c.relationship_types.values():
            place = rt.place("name")
            self.unique_value(names, rt.name, place, f"relationship type name '{rt.name}'")
        # role names on the instance: the built-ins' first (at <builtin>), then declared roles in
        # canonical order, each at its `servicenow_name` value or, when defaulted, at its id
        role_names: dict = {}
        for role in c.roles.values():
            if not role.servicenow_name:
                continue
            written = role.row is not None and role.row.model.servicenow_name is not None
            place = role.place("servicenow_name") if written else role.id_place
            how = "" if written or role.builtin else f" (the default name of role '{role.id}')"
            self.unique_value(
                role_names,
                role.servicenow_name,
                place,
                f"role servicenow_name '{role.servicenow_name}'{how}",
            )
        labels: dict = {}
        for cfg in c.related_party_configs.values():
            if cfg.applies_to is None:
                continue
            self.unique_value(
                labels,
                (cfg.applies_to, cfg.name),
                cfg.place("name"),
                f"related-party config name '{cfg.name}' for {cfg.applies_to}",
            )


def _entry_valid(entry) -> bool:
    """An access entry kept for the later stages: a scope read from a record field that the
    table has not (`partner_account` off `case`) was CSM202 and grants nothing."""
    tables = vocabulary.SCOPE_TABLES.get(entry.scope)
    return tables is None or entry.table in tables


def _role_entry_valid(entry) -> bool:
    # holder scopes in a role were CSM202 (a role is held on nothing)
    return entry.scope not in vocabulary.HOLDER_SCOPES and _entry_valid(entry)


def _declared_role_name(row: Row) -> str:
    """A declared role's ServiceNow name: its `servicenow_name`, else `u_` + the id.

    A reserved or malformed name was CSM202; the role keeps its default so that later
    stages (emitters) still have a name and nothing cascades."""
    m = row.model
    name = m.servicenow_name
    if (
        name is None
        or not row.known("servicenow_name")
        or name.startswith(servicenow_names.RESERVED_ROLE_PREFIXES)
    ):
        return servicenow_names.default_role_name(m.id)
    return name


def _order(row: Row) -> int:
    order = getattr(row.model, "order", None)
    return 100 if order is None else order


def resolve(
    validated: Validated, root: Path, scanned_ids: dict | None = None
) -> tuple[Config, list[Diagnostic]]:
    resolver = _Resolver(validated, root, scanned_ids)
    config = resolver.run()
    return config, resolver.diags
