"""Resolved objects: rows whose references point at other objects, not ids.

These are plain slotted dataclasses, not pydantic models: they are built once
per run for every row (tens of thousands of contacts) and read many times.
A reference that did not resolve (CSM301) is `None`; list references keep
their positions (an unresolved item is `None`) so checks can point at items.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from ..diagnostics import BUILTIN, LazyPlace, Place
from ..model import Row, place_of
from ..model.sections import AccessEntry

DEFAULT_NAMESPACE = uuid.UUID("c5a1f0e2-7d3b-4c8e-9f21-3b6e8d0a4c17")


def sys_id(namespace: uuid.UUID, kind: str, key: str) -> str:
    """The deterministic sys_id of a row: UUIDv5 of `KIND/KEY`, 32 lowercase hex digits."""
    return uuid.uuid5(namespace, f"{kind}/{key}").hex


@dataclass(eq=False, slots=True)
class Entity:
    kind: str
    id: str
    row: Row | None  # None for built-ins

    @property
    def builtin(self) -> bool:
        return self.row is None

    @property
    def ref(self) -> str:
        return f"{self.kind}:{self.id}"

    def place(self, name: str | None = None, index: int | None = None) -> Place:
        """Where a field's value (or the row, or its id) was written; `<builtin>` for built-ins."""
        if self.row is None:
            return BUILTIN
        if name is None:
            return self.row.place
        return self.row.value_place(name, index)

    def known(self, name: str) -> bool:
        """Whether field `name` holds what was written; False after a CSM2xx error in it."""
        return self.row is None or self.row.known(name)

    @property
    def id_place(self) -> Place:
        return self.place("id")

    def __repr__(self) -> str:
        return f"<{self.ref}>"


@dataclass(eq=False, slots=True, repr=False)
class Account(Entity):
    name: str | None = None
    customer: bool = True
    partner: bool = False
    active: bool = True
    code: str | None = None
    restrict_contact_access: bool = False
    parent: Account | None = None
    primary_contact: Contact | None = None
    children: list[Account] = field(default_factory=list)
    contacts: list[Contact] = field(default_factory=list)


@dataclass(eq=False, slots=True, repr=False)
class Principal(Entity):
    name: str | None = None
    email: str | None = None
    phone: str | None = None
    active: bool = True
    roles: list[Role | None] = field(default_factory=list)


@dataclass(eq=False, slots=True, repr=False)
class Contact(Principal):
    account: Account | None = None


@dataclass(eq=False, slots=True, repr=False)
class Consumer(Principal):
    pass


@dataclass(eq=False, slots=True, repr=False)
class User(Principal):
    pass


@dataclass(eq=False, slots=True, repr=False)
class Role(Entity):
    name: str = ""
    role_kind: str | None = None  # internal | external | either
    # the role's name on a ServiceNow instance (`sys_user_role.name`): a built-in's out-of-box
    # name, or a declared role's `servicenow_name` (default `u_` + id)
    servicenow_name: str = ""
    contains: list[Role | None] = field(default_factory=list)
    access: list[AccessEntry] = field(default_factory=list)


@dataclass(eq=False, slots=True, repr=False)
class RelationshipType(Entity):
    name: str = ""
    from_end: str | None = None
    to_end: str | None = None
    label: str | None = None
    reverse_label: str | None = None
    partner_access: bool = False
    active: bool = True


@dataclass(eq=False, slots=True, repr=False)
class Responsibility(Entity):
    name: str = ""
    holder_types: tuple[str, ...] = ()
    unique: bool = False
    roles_required: list[Role | None] = field(default_factory=list)
    includes: list[Responsibility | None] = field(default_factory=list)
    access: list[AccessEntry] = field(default_factory=list)


@dataclass(eq=False, slots=True, repr=False)
class RelatedPartyConfig(Entity):
    name: str = ""
    applies_to: str | None = None
    entity_type: str | None = None
    default_responsibility: Responsibility | None = None
    allowed_responsibilities: list[Responsibility | None] | None = None
    order: int = 100

    @property
    def allowed(self) -> list[Responsibility]:
        """Responsibilities a party of this type may be given (default: the default alone)."""
        if self.allowed_responsibilities is None:
            return [self.default_responsibility] if self.default_responsibility else []
        allowed = [r for r in self.allowed_responsibilities if r is not None]
        if self.default_responsibility is not None and self.default_responsibility not in allowed:
            allowed.insert(0, self.default_responsibility)
        return allowed


@dataclass(eq=False, slots=True, repr=False)
class SoldProduct(Entity):
    name: str | None = None
    account: Account | None = None
    contact: Contact | None = None
    related_parties: list[RelatedParty] = field(default_factory=list)


@dataclass(eq=False, slots=True)
class Link:
    """A row without an id of its own (relationships, memberships), keyed by its natural key."""

    kind: str
    row: Row

    def place(self, name: str | None = None, index: int | None = None) -> Place:
        return self.row.place if name is None else self.row.value_place(name, index)


@dataclass(eq=False, slots=True)
class AccountRelationship(Link):
    from_account: Account | None = None
    to_account: Account | None = None
    type: RelationshipType | None = None
    order: int = 100

    @property
    def key(self) -> str | None:
        if self.from_account and self.type and self.to_account:
            return f"{self.from_account.id}|{self.type.id}|{self.to_account.id}"
        return None


@dataclass(eq=False, slots=True)
class ContactRelationship(Link):
    contact: Contact | None = None
    account: Account | None = None
    responsibility: Responsibility | None = None
    order: int = 100

    @property
    def key(self) -> str | None:
        if self.contact and self.account and self.responsibility:
            return f"{self.contact.id}|{self.account.id}|{self.responsibility.id}"
        return None


@dataclass(eq=False, slots=True)
class TeamMember(Link):
    user: User | None = None
    account: Account | None = None
    responsibility: Responsibility | None = None

    @property
    def key(self) -> str | None:
        if self.user and self.account and self.responsibility:
            return f"{self.user.id}|{self.account.id}|{self.responsibility.id}"
        return None


@dataclass(eq=False, slots=True)
class RelatedParty:
    """One `related_parties` item of a sold product."""

    sold_product: SoldProduct
    index: int
    party_ref: str
    party: Entity | None = None  # a Contact, Consumer, Account or User
    type: RelatedPartyConfig | None = None
    override: Responsibility | None = None  # the item's own `responsibility`
    kind: str = "related_party"

    @property
    def party_kind(self) -> str:
        return self.party_ref.split(":", 1)[0]

    @property
    def responsibility(self) -> Responsibility | None:
        """What the party holds: the override, else the type's default (None: a listed party)."""
        if self.override is not None:
            return self.override
        return self.type.default_responsibility if self.type is not None else None

    @property
    def key(self) -> str | None:
        if self.type is None:
            return None
        return f"{self.sold_product.id}|{self.party_ref}|{self.type.id}"

    def place(self, name: str | None = None) -> Place:
        row = self.sold_product.row
        node = row.read_node()
        if node is None:
            return _PartyPlace(self, name)  # found when read: see model.validate.Row
        node = node.child("related_parties")
        node = node.child(self.index) if node is not None else None
        if node is None:
            return row.place
        if name is not None:
            node = node.child(name) or node
        return place_of(row.file, node)


class _PartyPlace(LazyPlace):
    """Where a related party (or one of its fields) was written, found when first read."""

    __slots__ = ("_name", "_party")

    def __init__(self, party: RelatedParty, name: str | None):
        self._party, self._name = party, name

    @property
    def document(self):
        return self._party.sold_product.row.doc

    def _find(self) -> Place:
        row = self._party.sold_product.row
        row.node  # noqa: B018 - builds the positions, so `place` answers with a Place
        return self._party.place(self._name)
