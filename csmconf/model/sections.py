"""Raw models: one pydantic model per section row, exactly as written in YAML.

Raw models check shape and value formats only (CSM200-202). They know nothing
of other rows: references stay plain ids until `resolve` looks them up.
All models share one base: frozen, unknown fields forbidden, nothing coerced.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

from .. import servicenow_names, vocabulary

ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]{0,99}$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s.]+$"
UUID_PATTERN = r"^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$"
PARTY_PATTERN = r"^(contact|consumer|account|user):.+$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
Ref = str  # an id of a kind known from the field; unknown ids are CSM301, not CSM202
Email = Annotated[str, StringConstraints(pattern=EMAIL_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1)]

# Every enum is the vocabulary's own tuple: written once, in csmconf/vocabulary.py.
Table = Literal[vocabulary.TABLES]
Level = Literal[vocabulary.LEVEL_WORDS]
Scope = Literal[vocabulary.SCOPES]
HolderType = Literal[vocabulary.HOLDER_TYPES]
RoleKind = Literal[vocabulary.ROLE_KINDS]
EndKind = Literal[vocabulary.END_KINDS]
AppliesTo = Literal[vocabulary.APPLIES_TO]
EntityType = Literal[vocabulary.ENTITY_TYPES]
Dialect = Literal[vocabulary.DIALECTS]


def _one_item_list(value):
    # The spec allows a single value where a list is expected (`type: contact`).
    return [value] if isinstance(value, str) else value


def OneOrMany(item):
    return Annotated[list[item], BeforeValidator(_one_item_list)]


class RawModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", strict=True, populate_by_name=True)


class Settings(RawModel):
    sys_id_namespace: Annotated[str, StringConstraints(pattern=UUID_PATTERN)] | None = None
    restrict_contact_relationships_to_hierarchy: bool = True
    one_responsibility_per_contact_and_account: bool = True
    dialects: list[Dialect] = Field(default_factory=lambda: list(vocabulary.DIALECTS))


class AccessEntry(RawModel):
    table: Table
    levels: OneOrMany(Level) = Field(min_length=1)
    scope: Scope
    when: Text | None = None


class Account(RawModel):
    id: Id
    name: Text
    customer: bool = True
    partner: bool = False
    parent: Ref | None = None
    code: Text | None = None
    primary_contact: Ref | None = None
    restrict_contact_access: bool = False
    active: bool = True


class Contact(RawModel):
    id: Id
    name: Text | None = None
    email: Email | None = None
    phone: Text | None = None
    account: Ref
    roles: list[Ref] = Field(default_factory=list)
    active: bool = True


class Consumer(RawModel):
    id: Id
    name: Text | None = None
    email: Email | None = None
    phone: Text | None = None
    roles: list[Ref] = Field(default_factory=lambda: ["consumer"])
    active: bool = True


class User(RawModel):
    id: Id
    name: Text | None = None
    email: Email | None = None
    roles: list[Ref] = Field(default_factory=list)
    active: bool = True


ServiceNowRoleName = Annotated[
    str, StringConstraints(pattern=servicenow_names.SERVICENOW_ROLE_NAME_PATTERN)
]


class Role(RawModel):
    id: Id
    name: Text | None = None
    kind: RoleKind
    servicenow_name: ServiceNowRoleName | None = None
    contains: list[Ref] = Field(default_factory=list)
    access: list[AccessEntry] = Field(default_factory=list)


class RelationshipType(RawModel):
    id: Id
    name: Text
    from_: EndKind = Field(alias="from")
    to: EndKind
    label: Text | None = None
    reverse_label: Text | None = None
    partner_access: bool = False
    active: bool = True


class AccountRelationship(RawModel):
    from_: Ref = Field(alias="from")
    to: Ref
    type: Ref
    order: int = 100


class Responsibility(RawModel):
    id: Id
    name: Text | None = None
    type: OneOrMany(HolderType) = Field(min_length=1)
    unique: bool = False
    roles_required: list[Ref] = Field(default_factory=list)
    includes: list[Ref] = Field(default_factory=list)
    access: list[AccessEntry] = Field(default_factory=list)


class ContactRelationship(RawModel):
    contact: Ref
    account: Ref
    responsibility: Ref
    order: int = 100


class TeamMember(RawModel):
    user: Ref
    account: Ref
    responsibility: Ref


class RelatedPartyConfig(RawModel):
    id: Id
    name: Text
    applies_to: AppliesTo
    entity_type: EntityType
    default_responsibility: Ref | None = None
    allowed_responsibilities: list[Ref] | None = None
    order: int = 100


class RelatedParty(RawModel):
    party: Annotated[str, StringConstraints(pattern=PARTY_PATTERN)]
    type: Ref
    responsibility: Ref | None = None


class SoldProduct(RawModel):
    id: Id
    name: Text | None = None
    account: Ref
    contact: Ref | None = None
    related_parties: list[RelatedParty] = Field(default_factory=list)


class AccessTest(RawModel):
    name: Text
    principal: str | None = None
    can: OneOrMany(Level) | None = None
    cannot: OneOrMany(Level) | None = None
    conditional: OneOrMany(Level) | None = None
    who_can: Literal[vocabulary.LEVELS] | None = None
    table: Table
    on: str
    expect: list[str] | None = None


#: section name -> (row model, singular kind used in sys_ids and messages)
SECTION_MODELS: dict[str, tuple[type[RawModel], str]] = {
    "accounts": (Account, "account"),
    "contacts": (Contact, "contact"),
    "consumers": (Consumer, "consumer"),
    "users": (User, "user"),
    "roles": (Role, "role"),
    "relationship_types": (RelationshipType, "relationship_type"),
    "account_relationships": (AccountRelationship, "account_relationship"),
    "responsibilities": (Responsibility, "responsibility"),
    "contact_relationships": (ContactRelationship, "contact_relationship"),
    "team_members": (TeamMember, "team_member"),
    "related_party_configs": (RelatedPartyConfig, "related_party_config"),
    "sold_products": (SoldProduct, "sold_product"),
    "tests": (AccessTest, "test"),
}
