-- csmconf 0.1.0: database schema for PostgreSQL.
-- Generated file, do not edit. Load it into an empty database
-- (psql -v ON_ERROR_STOP=1 -f schema.sql), then seed.sql.
-- Tables and constraints: docs/database.md.
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
BEGIN;

-- account-to-account relationship types (built-in partner_account included)
CREATE TABLE "csm_relationship_type" (
  "sys_id" CHAR(32) NOT NULL,
  "id" VARCHAR(100) NOT NULL,
  "name" TEXT NOT NULL,
  "from_end" VARCHAR(32) NOT NULL,
  "to_end" VARCHAR(32) NOT NULL,
  "label" TEXT,
  "reverse_label" TEXT,
  "partner_access" BOOLEAN NOT NULL,
  "active" BOOLEAN NOT NULL,
  "builtin" BOOLEAN NOT NULL,
  CONSTRAINT "pk_relationship_type" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_relationship_type_id" UNIQUE ("id"),
  CONSTRAINT "ck_relationship_type_sys_id_format" CHECK ("sys_id" ~ '^[0-9a-f]{32}$'),
  CONSTRAINT "ck_relationship_type_id_format" CHECK ("id" ~ '^[a-z0-9][a-z0-9_.-]{0,99}$'),
  CONSTRAINT "ck_relationship_type_name_not_empty" CHECK ("name" <> ''),
  CONSTRAINT "ck_relationship_type_from_end_enum" CHECK ("from_end" IN ('account', 'partner')),
  CONSTRAINT "ck_relationship_type_to_end_enum" CHECK ("to_end" IN ('account', 'partner'))
);
CREATE UNIQUE INDEX "uq_relationship_type_name" ON "csm_relationship_type" (md5("name"));

-- roles (the built-in catalogue included)
CREATE TABLE "csm_role" (
  "sys_id" CHAR(32) NOT NULL,
  "id" VARCHAR(100) NOT NULL,
  "name" TEXT NOT NULL,
  "kind" VARCHAR(32) NOT NULL,
  "builtin" BOOLEAN NOT NULL,
  CONSTRAINT "pk_role" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_role_id" UNIQUE ("id"),
  CONSTRAINT "ck_role_sys_id_format" CHECK ("sys_id" ~ '^[0-9a-f]{32}$'),
  CONSTRAINT "ck_role_id_format" CHECK ("id" ~ '^[a-z0-9][a-z0-9_.-]{0,99}$'),
  CONSTRAINT "ck_role_name_not_empty" CHECK ("name" <> ''),
  CONSTRAINT "ck_role_kind_enum" CHECK ("kind" IN ('internal', 'external', 'either'))
);

-- role containment (KEY role|contained_role)
CREATE TABLE "csm_role_contains" (
  "sys_id" CHAR(32) NOT NULL,
  "role" CHAR(32) NOT NULL,
  "contained_role" CHAR(32) NOT NULL,
  "position" BIGINT NOT NULL,
  CONSTRAINT "pk_role_contains" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_role_contains_key" UNIQUE ("role", "contained_role"),
  CONSTRAINT "fk_role_contains_role" FOREIGN KEY ("role") REFERENCES "csm_role" ("sys_id"),
  CONSTRAINT "fk_role_contains_contained_role" FOREIGN KEY ("contained_role") REFERENCES "csm_role" ("sys_id"),
  CONSTRAINT "ck_role_contains_sys_id_format" CHECK ("sys_id" ~ '^[0-9a-f]{32}$'),
  CONSTRAINT "ck_role_contains_role_contains_not_itself" CHECK ("role" <> "contained_role")
);

-- access entries of roles, one row per granted level (KEY role|position|level)
CREATE TABLE "csm_role_access" (
  "sys_id" CHAR(32) NOT NULL,
  "role" CHAR(32) NOT NULL,
  "position" BIGINT NOT NULL,
  "table_name" VARCHAR(32) NOT NULL,
  "level" VARCHAR(32) NOT NULL,
  "scope" VARCHAR(32) NOT NULL,
  "when_filter" TEXT,
  CONSTRAINT "pk_role_access" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_role_access_key" UNIQUE ("role", "position", "level"),
  CONSTRAINT "fk_role_access_role" FOREIGN KEY ("role") REFERENCES "csm_role" ("sys_id"),
  CONSTRAINT "ck_role_access_sys_id_format" CHECK ("sys_id" ~ '^[0-9a-f]{32}$'),
  CONSTRAINT "ck_role_access_table_name_enum" CHECK ("table_name" IN ('case', 'sold_product', 'account', 'contact', 'install_base')),
  CONSTRAINT "ck_role_access_level_enum" CHECK ("level" IN ('read', 'write', 'create')),
  CONSTRAINT "ck_role_access_scope_enum" CHECK ("scope" IN ('self', 'partner_contact', 'partner_account', 'account', 'account_tree', 'partner_customers'))
);

-- responsibility definitions (the built-ins included)
CREATE TABLE "csm_responsibility" (
  "sys_id" CHAR(32) NOT NULL,
  "id" VARCHAR(100) NOT NULL,
  "name" TEXT NOT NULL,
  "holder_contact" BOOLEAN NOT NULL,
  "holder_consumer" BOOLEAN NOT NULL,
  "holder_user" BOOLEAN NOT NULL,
  "holder_account" BOOLEAN NOT NULL,
  "is_unique" BOOLEAN NOT NULL,
  "builtin" BOOLEAN NOT NULL,
  CONSTRAINT "pk_responsibility" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_responsibility_id" UNIQUE ("id"),
  CONSTRAINT "uq_responsibility_holder_contact" UNIQUE ("sys_id", "holder_contact"),
  CONSTRAINT "uq_responsibility_holder_user" UNIQUE ("sys_id", "holder_user"),
  CONSTRAINT "ck_responsibility_sys_id_format" CHECK ("sys_id" ~ '^[0-9a-f]{32}$'),
  CONSTRAINT "ck_responsibility_id_format" CHECK ("id" ~ '^[a-z0-9][a-z0-9_.-]{0,99}$'),
  CONSTRAINT "ck_responsibility_name_not_empty" CHECK ("name" <> ''),
  CONSTRAINT "ck_responsibility_responsibility_has_holder_type" CHECK ("holder_contact" = TRUE OR "holder_consumer" = TRUE OR "holder_user" = TRUE OR "holder_account" = TRUE)
);

-- responsibility includes (KEY responsibility|included)
CREATE TABLE "csm_responsibility_includes" (
  "sys_id" CHAR(32) NOT NULL,
  "responsibility" CHAR(32) NOT NULL,
  "included_responsibility" CHAR(32) NOT NULL,
  "position" BIGINT NOT NULL,
  CONSTRAINT "pk_responsibility_includes" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_responsibility_includes_key" UNIQUE ("responsibility", "included_responsibility"),
  CONSTRAINT "fk_responsibility_includes_responsibility" FOREIGN KEY ("responsibility") REFERENCES "csm_responsibility" ("sys_id"),
  CONSTRAINT "fk_responsibility_includes_included_responsibility" FOREIGN KEY ("included_responsibility") REFERENCES "csm_responsibility" ("sys_id"),
  CONSTRAINT "ck_responsibility_includes_sys_id_format" CHECK ("sys_id" ~ '^[0-9a-f]{32}$'),
  CONSTRAINT "ck_responsibility_includes_responsibility_includes__ed9c941c" CHECK ("responsibility" <> "included_responsibility")
);

-- roles a holder needs for the responsibility's own entries to count
CREATE TABLE "csm_responsibility_role_required" (
  "sys_id" CHAR(32) NOT NULL,
  "responsibility" CHAR(32) NOT NULL,
  "role" CHAR(32) NOT NULL,
  "position" BIGINT NOT NULL,
  CONSTRAINT "pk_responsibility_role_required" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_responsibility_role_required_key" UNIQUE ("responsibility", "role"),
  CONSTRAINT "fk_responsibility_role_required_responsibility" FOREIGN KEY ("responsibility") REFERENCES "csm_responsibility" ("sys_id"),
  CONSTRAINT "fk_responsibility_role_required_role" FOREIGN KEY ("role") REFERENCES "csm_role" ("sys_id"),
  CONSTRAINT "ck_responsibility_role_required_sys_id_format" CHECK ("sys_id" ~ '^[0-9a-f]{32}$')
);

-- responsibility access configuration, one row per granted level
CREATE TABLE "csm_responsibility_access" (
  "sys_id" CHAR(32) NOT NULL,
  "responsibility" CHAR(32) NOT NULL,
  "position" BIGINT NOT NULL,
  "table_name" VARCHAR(32) NOT NULL,
  "level" VARCHAR(32) NOT NULL,
  "scope" VARCHAR(32) NOT NULL,
  "when_filter" TEXT,
  CONSTRAINT "pk_responsibility_access" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_responsibility_access_key" UNIQUE ("responsibility", "position", "level"),
  CONSTRAINT "fk_responsibility_access_responsibility" FOREIGN KEY ("responsibility") REFERENCES "csm_responsibility" ("sys_id"),
  CONSTRAINT "ck_responsibility_access_sys_id_format" CHECK ("sys_id" ~ '^[0-9a-f]{32}$'),
  CONSTRAINT "ck_responsibility_access_table_name_enum" CHECK ("table_name" IN ('case', 'sold_product', 'account', 'contact', 'install_base')),
  CONSTRAINT "ck_responsibility_access_level_enum" CHECK ("level" IN ('read', 'write', 'create')),
  CONSTRAINT "ck_responsibility_access_scope_enum" CHECK ("scope" IN ('self', 'partner_contact', 'partner_account', 'account', 'account_tree', 'partner_customers', 'holder', 'holder_cases'))
);

-- accounts; parent rows are seeded before their children
CREATE TABLE "csm_account" (
  "sys_id" CHAR(32) NOT NULL,
  "id" VARCHAR(100) NOT NULL,
  "name" TEXT NOT NULL,
  "customer" BOOLEAN NOT NULL,
  "partner" BOOLEAN NOT NULL,
  "parent" CHAR(32),
  "code" TEXT,
  "primary_contact" CHAR(32),
  "restrict_contact_access" BOOLEAN NOT NULL,
  "active" BOOLEAN NOT NULL,
  CONSTRAINT "pk_account" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_account_id" UNIQUE ("id"),
  CONSTRAINT "fk_account_parent" FOREIGN KEY ("parent") REFERENCES "csm_account" ("sys_id"),
  CONSTRAINT "ck_account_sys_id_format" CHECK ("sys_id" ~ '^[0-9a-f]{32}$'),
  CONSTRAINT "ck_account_id_format" CHECK ("id" ~ '^[a-z0-9][a-z0-9_.-]{0,99}$'),
  CONSTRAINT "ck_account_name_not_empty" CHECK ("name" <> ''),
  CONSTRAINT "ck_account_account_not_own_parent" CHECK ("parent" <> "sys_id")
);
CREATE UNIQUE INDEX "uq_account_code" ON "csm_account" (md5("code"));

-- contacts (B2B people), each of exactly one account
CREATE TABLE "csm_contact" (
  "sys_id" CHAR(32) NOT NULL,
  "id" VARCHAR(100) NOT NULL,
  "name" TEXT,
  "email" TEXT,
  "phone" TEXT,
  "account" CHAR(32) NOT NULL,
  "active" BOOLEAN NOT NULL,
  CONSTRAINT "pk_contact" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_contact_id" UNIQUE ("id"),
  CONSTRAINT "uq_contact_account" UNIQUE ("sys_id", "account"),
  CONSTRAINT "fk_contact_account" FOREIGN KEY ("account") REFERENCES "csm_account" ("sys_id"),
  CONSTRAINT "ck_contact_sys_id_format" CHECK ("sys_id" ~ '^[0-9a-f]{32}$'),
  CONSTRAINT "ck_contact_id_format" CHECK ("id" ~ '^[a-z0-9][a-z0-9_.-]{0,99}$')
);

-- consumers (B2C people)
CREATE TABLE "csm_consumer" (
  "sys_id" CHAR(32) NOT NULL,
  "id" VARCHAR(100) NOT NULL,
  "name" TEXT,
  "email" TEXT,
  "phone" TEXT,
  "active" BOOLEAN NOT NULL,
  CONSTRAINT "pk_consumer" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_consumer_id" UNIQUE ("id"),
  CONSTRAINT "ck_consumer_sys_id_format" CHECK ("sys_id" ~ '^[0-9a-f]{32}$'),
  CONSTRAINT "ck_consumer_id_format" CHECK ("id" ~ '^[a-z0-9][a-z0-9_.-]{0,99}$')
);

-- internal users (agents)
CREATE TABLE "csm_user" (
  "sys_id" CHAR(32) NOT NULL,
  "id" VARCHAR(100) NOT NULL,
  "name" TEXT,
  "email" TEXT,
  "active" BOOLEAN NOT NULL,
  CONSTRAINT "pk_user" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_user_id" UNIQUE ("id"),
  CONSTRAINT "ck_user_sys_id_format" CHECK ("sys_id" ~ '^[0-9a-f]{32}$'),
  CONSTRAINT "ck_user_id_format" CHECK ("id" ~ '^[a-z0-9][a-z0-9_.-]{0,99}$')
);

-- roles held directly by contacts, consumers and users (KEY kind:id|role)
CREATE TABLE "csm_principal_role" (
  "sys_id" CHAR(32) NOT NULL,
  "principal_kind" VARCHAR(32) NOT NULL,
  "contact" CHAR(32),
  "consumer" CHAR(32),
  "csm_user" CHAR(32),
  "role" CHAR(32) NOT NULL,
  "position" BIGINT NOT NULL,
  CONSTRAINT "pk_principal_role" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_principal_role_contact" UNIQUE ("contact", "role"),
  CONSTRAINT "uq_principal_role_consumer" UNIQUE ("consumer", "role"),
  CONSTRAINT "uq_principal_role_user" UNIQUE ("csm_user", "role"),
  CONSTRAINT "fk_principal_role_contact" FOREIGN KEY ("contact") REFERENCES "csm_contact" ("sys_id"),
  CONSTRAINT "fk_principal_role_consumer" FOREIGN KEY ("consumer") REFERENCES "csm_consumer" ("sys_id"),
  CONSTRAINT "fk_principal_role_user" FOREIGN KEY ("csm_user") REFERENCES "csm_user" ("sys_id"),
  CONSTRAINT "fk_principal_role_role" FOREIGN KEY ("role") REFERENCES "csm_role" ("sys_id"),
  CONSTRAINT "ck_principal_role_sys_id_format" CHECK ("sys_id" ~ '^[0-9a-f]{32}$'),
  CONSTRAINT "ck_principal_role_principal_kind_enum" CHECK ("principal_kind" IN ('contact', 'consumer', 'user')),
  CONSTRAINT "ck_principal_role_principal_kind_matches" CHECK (("principal_kind" = 'contact' AND "contact" IS NOT NULL AND "consumer" IS NULL AND "csm_user" IS NULL) OR ("principal_kind" = 'consumer' AND "contact" IS NULL AND "consumer" IS NOT NULL AND "csm_user" IS NULL) OR ("principal_kind" = 'user' AND "contact" IS NULL AND "consumer" IS NULL AND "csm_user" IS NOT NULL))
);

-- account relationships (KEY from|type|to); the reverse is implied
CREATE TABLE "csm_account_relationship" (
  "sys_id" CHAR(32) NOT NULL,
  "from_account" CHAR(32) NOT NULL,
  "relationship_type" CHAR(32) NOT NULL,
  "to_account" CHAR(32) NOT NULL,
  "sort_order" BIGINT NOT NULL,
  CONSTRAINT "pk_account_relationship" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_account_relationship_key" UNIQUE ("from_account", "relationship_type", "to_account"),
  CONSTRAINT "fk_account_relationship_from_account" FOREIGN KEY ("from_account") REFERENCES "csm_account" ("sys_id"),
  CONSTRAINT "fk_account_relationship_relationship_type" FOREIGN KEY ("relationship_type") REFERENCES "csm_relationship_type" ("sys_id"),
  CONSTRAINT "fk_account_relationship_to_account" FOREIGN KEY ("to_account") REFERENCES "csm_account" ("sys_id"),
  CONSTRAINT "ck_account_relationship_sys_id_format" CHECK ("sys_id" ~ '^[0-9a-f]{32}$'),
  CONSTRAINT "ck_account_relationship_account_relationship_not_itself" CHECK ("from_account" <> "to_account")
);

-- contact relationships (KEY contact|account|responsibility)
CREATE TABLE "csm_contact_relationship" (
  "sys_id" CHAR(32) NOT NULL,
  "contact" CHAR(32) NOT NULL,
  "account" CHAR(32) NOT NULL,
  "responsibility" CHAR(32) NOT NULL,
  "sort_order" BIGINT NOT NULL,
  "holder_contact" BOOLEAN NOT NULL,
  CONSTRAINT "pk_contact_relationship" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_contact_relationship_key" UNIQUE ("contact", "account", "responsibility"),
  CONSTRAINT "uq_contact_relationship_one_per_account" UNIQUE ("contact", "account"),
  CONSTRAINT "fk_contact_relationship_contact" FOREIGN KEY ("contact") REFERENCES "csm_contact" ("sys_id"),
  CONSTRAINT "fk_contact_relationship_account" FOREIGN KEY ("account") REFERENCES "csm_account" ("sys_id"),
  CONSTRAINT "fk_contact_relationship_responsibility" FOREIGN KEY ("responsibility", "holder_contact") REFERENCES "csm_responsibility" ("sys_id", "holder_contact"),
  CONSTRAINT "ck_contact_relationship_sys_id_format" CHECK ("sys_id" ~ '^[0-9a-f]{32}$'),
  CONSTRAINT "ck_contact_relationship_contact_relationship_holder_contact" CHECK ("holder_contact" = TRUE)
);

-- team members (KEY user|account|responsibility)
CREATE TABLE "csm_team_member" (
  "sys_id" CHAR(32) NOT NULL,
  "csm_user" CHAR(32) NOT NULL,
  "account" CHAR(32) NOT NULL,
  "responsibility" CHAR(32) NOT NULL,
  "holder_user" BOOLEAN NOT NULL,
  CONSTRAINT "pk_team_member" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_team_member_key" UNIQUE ("csm_user", "account", "responsibility"),
  CONSTRAINT "fk_team_member_user" FOREIGN KEY ("csm_user") REFERENCES "csm_user" ("sys_id"),
  CONSTRAINT "fk_team_member_account" FOREIGN KEY ("account") REFERENCES "csm_account" ("sys_id"),
  CONSTRAINT "fk_team_member_responsibility" FOREIGN KEY ("responsibility", "holder_user") REFERENCES "csm_responsibility" ("sys_id", "holder_user"),
  CONSTRAINT "ck_team_member_sys_id_format" CHECK ("sys_id" ~ '^[0-9a-f]{32}$'),
  CONSTRAINT "ck_team_member_team_member_holder_user" CHECK ("holder_user" = TRUE)
);

-- related-party types
CREATE TABLE "csm_related_party_config" (
  "sys_id" CHAR(32) NOT NULL,
  "id" VARCHAR(100) NOT NULL,
  "name" TEXT NOT NULL,
  "applies_to" VARCHAR(32) NOT NULL,
  "entity_type" VARCHAR(32) NOT NULL,
  "default_responsibility" CHAR(32),
  "sort_order" BIGINT NOT NULL,
  CONSTRAINT "pk_related_party_config" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_related_party_config_id" UNIQUE ("id"),
  CONSTRAINT "uq_related_party_config_fit" UNIQUE ("sys_id", "applies_to", "entity_type"),
  CONSTRAINT "fk_related_party_config_default_responsibility" FOREIGN KEY ("default_responsibility") REFERENCES "csm_responsibility" ("sys_id"),
  CONSTRAINT "ck_related_party_config_sys_id_format" CHECK ("sys_id" ~ '^[0-9a-f]{32}$'),
  CONSTRAINT "ck_related_party_config_id_format" CHECK ("id" ~ '^[a-z0-9][a-z0-9_.-]{0,99}$'),
  CONSTRAINT "ck_related_party_config_name_not_empty" CHECK ("name" <> ''),
  CONSTRAINT "ck_related_party_config_applies_to_enum" CHECK ("applies_to" IN ('case', 'sold_product', 'install_base')),
  CONSTRAINT "ck_related_party_config_entity_type_enum" CHECK ("entity_type" IN ('contact', 'consumer', 'account', 'user'))
);
CREATE UNIQUE INDEX "uq_related_party_config_name" ON "csm_related_party_config" ("applies_to", md5("name"));

-- responsibilities a party of the type may hold (the default first)
CREATE TABLE "csm_related_party_config_allowed" (
  "sys_id" CHAR(32) NOT NULL,
  "related_party_config" CHAR(32) NOT NULL,
  "responsibility" CHAR(32) NOT NULL,
  "position" BIGINT NOT NULL,
  CONSTRAINT "pk_related_party_config_allowed" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_related_party_config_allowed_key" UNIQUE ("related_party_config", "responsibility"),
  CONSTRAINT "fk_related_party_config_allowed_related_party_config" FOREIGN KEY ("related_party_config") REFERENCES "csm_related_party_config" ("sys_id"),
  CONSTRAINT "fk_related_party_config_allowed_responsibility" FOREIGN KEY ("responsibility") REFERENCES "csm_responsibility" ("sys_id"),
  CONSTRAINT "ck_related_party_config_allowed_sys_id_format" CHECK ("sys_id" ~ '^[0-9a-f]{32}$')
);

-- sold products
CREATE TABLE "csm_sold_product" (
  "sys_id" CHAR(32) NOT NULL,
  "id" VARCHAR(100) NOT NULL,
  "name" TEXT,
  "account" CHAR(32) NOT NULL,
  "contact" CHAR(32),
  CONSTRAINT "pk_sold_product" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_sold_product_id" UNIQUE ("id"),
  CONSTRAINT "fk_sold_product_account" FOREIGN KEY ("account") REFERENCES "csm_account" ("sys_id"),
  CONSTRAINT "fk_sold_product_contact" FOREIGN KEY ("contact") REFERENCES "csm_contact" ("sys_id"),
  CONSTRAINT "ck_sold_product_sys_id_format" CHECK ("sys_id" ~ '^[0-9a-f]{32}$'),
  CONSTRAINT "ck_sold_product_id_format" CHECK ("id" ~ '^[a-z0-9][a-z0-9_.-]{0,99}$')
);

-- related parties of sold products (KEY sold_product|kind:id|type); responsibility is the item's override (NULL: the type's default)
CREATE TABLE "csm_related_party" (
  "sys_id" CHAR(32) NOT NULL,
  "sold_product" CHAR(32) NOT NULL,
  "party_kind" VARCHAR(32) NOT NULL,
  "party_contact" CHAR(32),
  "party_consumer" CHAR(32),
  "party_account" CHAR(32),
  "party_user" CHAR(32),
  "related_party_config" CHAR(32) NOT NULL,
  "applies_to" VARCHAR(32) NOT NULL,
  "responsibility" CHAR(32),
  "position" BIGINT NOT NULL,
  CONSTRAINT "pk_related_party" PRIMARY KEY ("sys_id"),
  CONSTRAINT "uq_related_party_contact" UNIQUE ("sold_product", "party_contact", "related_party_config"),
  CONSTRAINT "uq_related_party_consumer" UNIQUE ("sold_product", "party_consumer", "related_party_config"),
  CONSTRAINT "uq_related_party_account" UNIQUE ("sold_product", "party_account", "related_party_config"),
  CONSTRAINT "uq_related_party_user" UNIQUE ("sold_product", "party_user", "related_party_config"),
  CONSTRAINT "fk_related_party_sold_product" FOREIGN KEY ("sold_product") REFERENCES "csm_sold_product" ("sys_id"),
  CONSTRAINT "fk_related_party_party_contact" FOREIGN KEY ("party_contact") REFERENCES "csm_contact" ("sys_id"),
  CONSTRAINT "fk_related_party_party_consumer" FOREIGN KEY ("party_consumer") REFERENCES "csm_consumer" ("sys_id"),
  CONSTRAINT "fk_related_party_party_account" FOREIGN KEY ("party_account") REFERENCES "csm_account" ("sys_id"),
  CONSTRAINT "fk_related_party_party_user" FOREIGN KEY ("party_user") REFERENCES "csm_user" ("sys_id"),
  CONSTRAINT "fk_related_party_responsibility" FOREIGN KEY ("responsibility") REFERENCES "csm_responsibility" ("sys_id"),
  CONSTRAINT "fk_related_party_type_fits" FOREIGN KEY ("related_party_config", "applies_to", "party_kind") REFERENCES "csm_related_party_config" ("sys_id", "applies_to", "entity_type"),
  CONSTRAINT "ck_related_party_sys_id_format" CHECK ("sys_id" ~ '^[0-9a-f]{32}$'),
  CONSTRAINT "ck_related_party_party_kind_enum" CHECK ("party_kind" IN ('contact', 'consumer', 'account', 'user')),
  CONSTRAINT "ck_related_party_applies_to_enum" CHECK ("applies_to" IN ('sold_product')),
  CONSTRAINT "ck_related_party_party_kind_matches" CHECK (("party_kind" = 'contact' AND "party_contact" IS NOT NULL AND "party_consumer" IS NULL AND "party_account" IS NULL AND "party_user" IS NULL) OR ("party_kind" = 'consumer' AND "party_contact" IS NULL AND "party_consumer" IS NOT NULL AND "party_account" IS NULL AND "party_user" IS NULL) OR ("party_kind" = 'account' AND "party_contact" IS NULL AND "party_consumer" IS NULL AND "party_account" IS NOT NULL AND "party_user" IS NULL) OR ("party_kind" = 'user' AND "party_contact" IS NULL AND "party_consumer" IS NULL AND "party_account" IS NULL AND "party_user" IS NOT NULL))
);

-- the neutral ACL rules of acl/rules.json (KEY name): one per table, operation, grant path, scope and when filter; docs/database.md evaluates them over the tables above
CREATE TABLE "csm_acl_rule" (
  "sys_id" CHAR(32) NOT NULL,
  "name" TEXT NOT NULL,
  "table_name" VARCHAR(32) NOT NULL,
  "operation" VARCHAR(32) NOT NULL,
  "grant_path" VARCHAR(32) NOT NULL,
  "scope" VARCHAR(32),
  "when_filter" TEXT,
  "decision" VARCHAR(32) NOT NULL,
  CONSTRAINT "pk_acl_rule" PRIMARY KEY ("sys_id"),
  CONSTRAINT "ck_acl_rule_sys_id_format" CHECK ("sys_id" ~ '^[0-9a-f]{32}$'),
  CONSTRAINT "ck_acl_rule_name_not_empty" CHECK ("name" <> ''),
  CONSTRAINT "ck_acl_rule_table_name_enum" CHECK ("table_name" IN ('case', 'sold_product', 'account', 'contact', 'install_base')),
  CONSTRAINT "ck_acl_rule_operation_enum" CHECK ("operation" IN ('read', 'write', 'create')),
  CONSTRAINT "ck_acl_rule_grant_path_enum" CHECK ("grant_path" IN ('role', 'contact_relationship', 'team_member', 'related_party', 'account_related_party', 'account_sold_products', 'named_contact')),
  CONSTRAINT "ck_acl_rule_scope_enum" CHECK ("scope" IN ('self', 'partner_contact', 'partner_account', 'account', 'account_tree', 'partner_customers', 'holder', 'holder_cases')),
  CONSTRAINT "ck_acl_rule_decision_enum" CHECK ("decision" IN ('allowed', 'conditional'))
);
CREATE UNIQUE INDEX "uq_acl_rule_name" ON "csm_acl_rule" (md5("name"));

-- accounts and contacts refer to each other: this constraint waits for csm_contact
ALTER TABLE "csm_account" ADD CONSTRAINT "fk_account_primary_contact" FOREIGN KEY ("primary_contact", "sys_id") REFERENCES "csm_contact" ("sys_id", "account");
COMMIT;
