"""servicenow/update_set.xml and servicenow/data/<table>.xml, parsed back with an XML parser.

The must-shows of issue 7: every sys_update_xml complete and pointing at the
header, payloads that parse to the record of their table, no ACL without a
role, every script include an ACL calls present, every role reference an
out-of-box ServiceNow name or a role record of the set; data of the real
tables and columns only, references with display values, at most 10,000
records a file; ACLs that do not grow with accounts, contacts or partners.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import CONFIGS, DOCS, describe
from emit_fixtures.emitkit import HOSTILE, compile_tree, write_hostile_config
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from csmconf import servicenow_names as sn
from csmconf.emit import render_outputs
from csmconf.emit.rows import _Ids
from csmconf.emit.servicenow import UPDATE_SET, render_servicenow
from csmconf.emit.servicenow.acls import script_text
from csmconf.emit.servicenow.data import DATA_DIR, file_name, render_data, split_name
from csmconf.emit.servicenow.xml import UNLOAD_DATE, cdata, element, text
from csmconf.emit.templating import xml_safe_text
from csmconf.model.encoded_query import parse
from csmconf.pipeline import compile_config
from csmconf.vocabulary import HOLDING_KINDS, LEVEL_WORDS, TABLES

UPDATE_FIELDS = (
    "action",
    "category",
    "name",
    "payload",
    "remote_update_set",
    "table",
    "target_name",
    "type",
    "update_domain",
    "sys_id",
)
PLATFORM_ROLES = {sn.EXTERNAL_USER_ROLE, sn.INTERNAL_USER_ROLE}
OUT_OF_BOX_ROLES = set(sn.BUILTIN_ROLE_NAMES.values()) | PLATFORM_ROLES
TABLE_OF = {t.table: t for t in (*sn.CONFIGURATION_TABLES.values(), *sn.PLATFORM_TABLES.values())}
DATA_TABLE_OF = {t.table: t for t in sn.DATA_TABLES.values()}


def _compile(root: Path):
    c = compile_config(root)
    assert c.errors == 0, describe(c.diagnostics)
    return c


@pytest.fixture(scope="module")
def example():
    c = _compile(CONFIGS)
    return c, render_servicenow(c.config)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    c = compile_tree(write_hostile_config(tmp_path_factory.mktemp("hostile") / "cfg"))
    assert c.errors == 0, describe(c.diagnostics)
    return c, render_servicenow(c.config)


class UpdateSet:
    """An update set parsed back: its header, its updates and the records of their payloads."""

    def __init__(self, data: bytes):
        self.root = ET.fromstring(data)
        assert self.root.tag == "unload"
        self.headers = self.root.findall("sys_remote_update_set")
        self.updates = self.root.findall("sys_update_xml")
        assert len(self.root) == len(self.headers) + len(self.updates)
        self.records = []  # (update, record element)
        for update in self.updates:
            outer = ET.fromstring(update.findtext("payload").encode("utf-8"))
            assert outer.tag == "record_update" and len(outer) == 1
            assert outer.get("table") == outer[0].tag
            self.records.append((update, outer[0]))

    def of(self, table: str) -> list[ET.Element]:
        return [r for _u, r in self.records if r.tag == table]


def _sets(which, example, hostile):
    c, files = example if which == "example" else hostile
    return c, files, UpdateSet(files[UPDATE_SET])


# -- the update set ----------------------------------------------------------------------------


@pytest.mark.parametrize("which", ["example", "hostile"])
def test_every_update_is_complete_and_points_at_the_header(which, example, hostile):
    _c, _files, us = _sets(which, example, hostile)
    assert us.root.get("unload_date") == UNLOAD_DATE
    assert len(us.headers) == 1
    header = us.headers[0]
    header_id = header.findtext("sys_id")
    assert re.fullmatch(r"[0-9a-f]{32}", header_id)
    assert header.findtext("state") == "loaded"
    assert header.findtext("application_scope") == "global"
    assert header.findtext("name") and header.findtext("remote_sys_id")
    assert us.updates
    seen = set()
    for update, rec in us.records:
        for field in UPDATE_FIELDS:
            assert (update.findtext(field) or "").strip(), (field, ET.tostring(update)[:300])
        assert update.findtext("action") == "INSERT_OR_UPDATE"
        assert update.findtext("category") == "customer"
        assert update.findtext("update_domain") == "global"
        assert update.findtext("remote_update_set") == header_id
        assert update.find("remote_update_set").get("display_value") == header.findtext("name")
        table = update.findtext("table")
        assert rec.tag == table and rec.get("action") == "INSERT_OR_UPDATE"
        assert update.findtext("name") == f"{table}_{rec.findtext('sys_id')}"
        assert rec.findtext("sys_update_name") == update.findtext("name")
        assert update.findtext("type") == TABLE_OF[table].update_type
        # the payload's columns are the mapping table's, and the metadata columns
        wanted = {c.name for c in TABLE_OF[table].columns} | set(sn.METADATA_COLUMNS)
        assert {child.tag for child in rec} == wanted
        seen.add(update.findtext("sys_id"))
        seen.add(rec.findtext("sys_id"))
    assert len(seen) == 2 * len(us.records)  # no sys_id twice


@pytest.mark.parametrize("which", ["example", "hostile"])
def test_no_acl_without_a_role(which, example, hostile):
    _c, _files, us = _sets(which, example, hostile)
    acls = {a.findtext("sys_id"): a for a in us.of("sys_security_acl")}
    assert acls
    roles_of: dict[str, list[str]] = {}
    for row in us.of("sys_security_acl_role"):
        acl = row.findtext("sys_security_acl")
        assert acl in acls  # every role row belongs to an ACL of the set
        assert row.find("sys_security_acl").get("display_value") == acls[acl].findtext("name")
        roles_of.setdefault(acl, []).append(row.find("sys_user_role").get("name"))
    for sys_id, acl in acls.items():
        assert roles_of.get(sys_id), f"ACL {acl.findtext('description')} has no role"
        assert acl.findtext("decision_type") == "allow"
        assert acl.findtext("name") in sn.RECORD_TABLES.values()
        assert acl.findtext("operation") in ("read", "write", "create")


_CALL = re.compile(r"new\s+(?:global\.)?([A-Za-z_$][\w$]*)\s*\(")


@pytest.mark.parametrize("which", ["example", "hostile"])
def test_every_script_include_an_acl_calls_is_in_the_set(which, example, hostile):
    _c, _files, us = _sets(which, example, hostile)
    includes = {s.findtext("name"): s for s in us.of("sys_script_include")}
    called = set()
    for acl in us.of("sys_security_acl"):
        script = acl.findtext("script") or ""
        names = set(_CALL.findall(script))
        assert names, script  # every ACL's scope is decided by the script include
        called |= names
    assert called and called <= set(includes)
    for name in called:
        include = includes[name]
        assert include.findtext("api_name") == f"global.{name}"
        assert include.findtext("active") == "true"
        # it defines what the ACLs call, and hard-codes no sys_id
        body = include.findtext("script")
        assert f"var {name} = Class.create();" in body and "inScope: function" in body
        assert not re.search(r"['\"][0-9a-f]{32}['\"]", body)
    for acl in us.of("sys_security_acl"):
        assert not re.search(r"[0-9a-f]{32}", acl.findtext("condition") or "")


def _role_refs(us: UpdateSet):
    """(column, element) of every role reference in the payloads (columns referencing sys_user_role)."""
    for _u, rec in us.records:
        for column in TABLE_OF[rec.tag].columns:
            if column.reference == "sys_user_role":
                found = rec.find(column.name)
                if found is not None and (found.text or found.get("display_value")):
                    yield column.name, found


@pytest.mark.parametrize("which", ["example", "hostile"])
def test_every_role_reference_is_out_of_box_or_a_role_of_the_set(which, example, hostile):
    c, files, us = _sets(which, example, hostile)
    declared = {r.findtext("sys_id"): r.findtext("name") for r in us.of("sys_user_role")}
    expected = {r.servicenow_name for r in c.config.roles.values() if not r.builtin and r.role_kind}
    assert set(declared.values()) == expected  # declared roles only, by their servicenow_name
    assert not set(declared.values()) & OUT_OF_BOX_ROLES
    refs = list(_role_refs(us))
    data_roles = ET.fromstring(files[f"{DATA_DIR}/sys_user_has_role.xml"])
    refs += [("role", row.find("role")) for row in data_roles]
    if which == "example":
        assert {col for col, _e in refs} >= {"roles_required", "sys_user_role", "role"}
    for _column, ref in refs:
        names = ref.get("display_value").split(",")
        assert ref.get("name") == ref.get("display_value")
        tokens = (ref.text or "").split(",") if ref.text else [""] * len(names)
        assert len(tokens) == len(names)
        for token, name in zip(tokens, names, strict=True):
            if token in declared:
                assert declared[token] == name
            else:
                # an out-of-box role: by its real name, never by a made-up sys_id
                assert name in OUT_OF_BOX_ROLES, name
                assert token in ("", name)


def test_containment_refers_to_out_of_box_roles_by_name_and_declared_ones_by_record(tmp_path):
    root = tmp_path / "cfg"
    root.mkdir()
    (root / "roles.yaml").write_text(
        "version: 1\nroles:\n"
        "  - id: desk\n    name: Desk\n    kind: external\n    contains: [customer, viewer]\n"
        "  - id: viewer\n    name: Viewer\n    kind: external\n    servicenow_name: u_view\n"
        "    access:\n      - table: case\n        levels: [read]\n        scope: account_tree\n"
        "accounts:\n  - id: a\n    name: A\n"
        "contacts:\n  - id: p\n    name: P\n    account: a\n    roles: [desk]\n",
        encoding="utf-8",
    )
    c = _compile(root)
    us = UpdateSet(render_servicenow(c.config)[UPDATE_SET])
    roles = {r.findtext("name"): r.findtext("sys_id") for r in us.of("sys_user_role")}
    assert set(roles) == {"u_desk", "u_view"}
    contains = {
        (r.find("role").get("name"), r.find("contains").get("name"), r.findtext("contains") or "")
        for r in us.of("sys_user_role_contains")
    }
    assert contains == {
        ("u_desk", "sn_customerservice.customer", ""),
        ("u_desk", "u_view", roles["u_view"]),
    }
    # the role the declared role's entry needs: one ACL, given to u_view alone
    (acl,) = us.of("sys_security_acl")
    (acl_role,) = us.of("sys_security_acl_role")
    assert acl_role.findtext("sys_user_role") == roles["u_view"]
    assert '"account_tree"' in acl.findtext("script")


def test_the_example_update_set_holds_its_configuration(example):
    c, files = example
    us = UpdateSet(files[UPDATE_SET])
    # the built-in partner_account type is out of box: only declared types are emitted
    declared_types = [t for t in c.config.relationship_types.values() if not t.builtin]
    assert len(us.of("sn_customerservice_account_relationship_type")) == len(declared_types)
    responsibilities = {r.findtext("name") for r in us.of("sn_customerservice_responsibility_def")}
    assert responsibilities == {r.name for r in c.config.responsibilities.values()}
    configs = us.of("sn_customerservice_related_party_configuration")
    assert {r.findtext("name") for r in configs} == {
        r.name for r in c.config.related_party_configs.values()
    }
    access = us.of("sn_customerservice_responsibility_access_config")
    by_name = {}
    for row in access:
        by_name.setdefault(row.find("responsibility").get("display_value"), []).append(row)
        assert row.findtext("access_level") in sn.ACCESS_LEVELS
        assert row.findtext("type") == "simple"
        assert row.findtext("accessible_table") in sn.RECORD_TABLES.values()
        scope = sn.scope_from_access_config(
            {
                "type": row.findtext("type"),
                "relationship_table": row.findtext("applies_to_relationship"),
                "accessible_table_field": row.findtext("accessible_table_field"),
            }
        )
        assert scope in ("holder", "holder_cases")
    # co-borrower includes guarantor: its rows carry guarantor's entries, with the chain's roles
    co = by_name["Co-borrower"]
    assert {r.find("roles_required").get("name") for r in co} == {
        "sn_customerservice.case_write_granular"
    }
    assert any("from Guarantor" in r.findtext("sys_name") for r in co)
    # holder_cases goes through the sold product of the related party
    attorney = by_name["Attorney"]
    assert [r.findtext("applies_to_relationship") for r in attorney] == [
        "sn_install_base_sold_product_related_party"
    ]
    assert attorney[0].findtext("accessible_table_field") == "sold_product"
    # the declared role's entry: one ACL on install bases, its `when` as the condition
    acls = us.of("sys_security_acl")
    assert [
        (a.findtext("name"), a.findtext("operation"), a.findtext("condition")) for a in acls
    ] == [("sn_install_base_item", "read", "active=true")]


def test_hostile_values_survive_the_update_set(hostile):
    _c, files = hostile
    us = UpdateSet(files[UPDATE_SET])
    role = us.of("sys_user_role")[0]
    assert role.findtext("description") == HOSTILE["role_name"]
    assert {r.findtext("name") for r in us.of("sn_customerservice_responsibility_def")} >= {
        HOSTILE["resp_name"]
    }
    assert (
        us.of("sn_customerservice_related_party_configuration")[0].findtext("name")
        == (HOSTILE["rpc_name"])
    )
    conditions = [a.findtext("condition") for a in us.of("sys_security_acl")]
    assert parse(HOSTILE["role_when"]).encoded() in conditions
    filters = [
        r.findtext("accessible_table_filter")
        for r in us.of("sn_customerservice_responsibility_access_config")
    ]
    assert parse(HOSTILE["resp_when"]).encoded() in filters
    types = us.of("sn_customerservice_account_relationship_type")
    assert types[0].findtext("name") == HOSTILE["type_name"]
    assert types[0].findtext("relationship_label") == HOSTILE["type_label"]
    # the partner-access type's name reaches the script include as a JavaScript string
    script = us.of("sys_script_include")[0].findtext("script")
    assert json.dumps(HOSTILE["type_name"]) in script


def test_a_cdata_section_never_holds_its_end():
    for value in ("]]>", "a]]>b]]>", "]]]]>>", "x]]"):
        wrapped = cdata(value)
        assert ET.fromstring(f"<p>{wrapped}</p>").text == value
        inner = wrapped[len("<![CDATA[") : -len("]]>")]
        assert all("]]>" not in part for part in inner.split("]]><![CDATA["))


@given(st.text())
def test_element_text_round_trips(value):
    parsed = ET.fromstring(element("v", value)).text or ""
    assert parsed == xml_safe_text(value)
    assert text(True) == "true" and text(None) == ""


def test_acls_do_not_grow_with_accounts_contacts_or_partners(tmp_path):
    base = _compile(CONFIGS)
    grown_root = tmp_path / "configs"
    shutil.copytree(CONFIGS, grown_root)
    lines = ["version: 1", "accounts:"]
    for i in range(40):
        lines += [f"  - id: grown-{i}", f"    name: Grown {i}", f"    code: GROWN-{i}"]
    lines.append("contacts:")
    for i in range(80):
        lines += [
            f"  - id: grown-contact-{i}",
            f"    name: Grown Contact {i}",
            f"    account: grown-{i // 2}",
            "    roles: [customer_admin, install_base_viewer]",
        ]
    lines.append("account_relationships:")
    for i in range(40):
        lines += ["  - from: gsi-tech", f"    to: grown-{i}", "    type: partner_account"]
    (grown_root / "grown.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    grown = _compile(grown_root)
    assert len(grown.config.accounts) == len(base.config.accounts) + 40

    def counts(c):
        us = UpdateSet(render_servicenow(c.config)[UPDATE_SET])
        return {
            t: len(us.of(t))
            for t in ("sys_security_acl", "sys_security_acl_role", "sys_script_include")
        }

    before, after = counts(base), counts(grown)
    assert before["sys_security_acl"] >= 1
    assert after == before
    files = render_servicenow(grown.config)
    relationships = ET.fromstring(files[f"{DATA_DIR}/account_relationship.xml"])
    assert len(relationships) == len(base.config.account_relationships) + 40


# -- the data ------------------------------------------------------------------------------------


def _data_files(files):
    return {p: d for p, d in files.items() if p.startswith(DATA_DIR + "/")}


@pytest.mark.parametrize("which", ["example", "hostile"])
def test_data_files_hold_the_real_tables_and_columns(which, example, hostile):
    _c, files = example if which == "example" else hostile
    data = _data_files(files)
    assert {p.split("/")[-1].split(".")[0] for p in data} == set(DATA_TABLE_OF)
    for path, raw in data.items():
        root = ET.fromstring(raw)
        assert root.tag == "unload" and root.get("unload_date") == UNLOAD_DATE
        table = path.split("/")[-1].split(".")[0]
        mapping = DATA_TABLE_OF[table]
        columns = {c.name: c for c in mapping.columns}
        assert len(root) <= sn.MAX_RECORDS_PER_FILE
        for row in root:
            assert row.tag == table and row.get("action") == "INSERT_OR_UPDATE"
            assert {child.tag for child in row} == set(columns) | {"sys_id"}
            assert "account_code" not in columns and "account_path" not in columns
            for child in row:
                column = columns.get(child.tag)
                if column is not None and column.reference and (child.text or "").strip():
                    assert child.get("display_value") is not None, (table, child.tag)


def test_data_of_the_example(example):
    c, files = example
    rows = {table: list(ET.fromstring(files[f"{DATA_DIR}/{table}.xml"])) for table in DATA_TABLE_OF}
    accounts = rows["customer_account"]
    assert len(accounts) == len(c.config.accounts)
    position = {a.findtext("sys_id"): i for i, a in enumerate(accounts)}
    for account in accounts:  # parents first
        parent = account.findtext("account_parent")
        if parent:
            assert position[parent] < position[account.findtext("sys_id")]
            assert account.find("account_parent").get("display_value")
    assert len(rows["sn_csm_account_access"]) == len(c.config.accounts)
    restricted = {
        a.find("account").get("display_value")
        for a in rows["sn_csm_account_access"]
        if a.findtext("restrict_contact_access") == "true"
    }
    assert restricted == {a.name for a in c.config.accounts.values() if a.restrict_contact_access}
    # every contact and consumer holds snc_external, every user snc_internal
    holders: dict[str, set[str]] = {}
    for row in rows["sys_user_has_role"]:
        holders.setdefault(row.findtext("user"), set()).add(row.find("role").get("name"))
    for contact in rows["customer_contact"]:
        assert sn.EXTERNAL_USER_ROLE in holders[contact.findtext("sys_id")]
    for consumer in rows["csm_consumer"]:
        assert sn.EXTERNAL_USER_ROLE in holders[consumer.findtext("user")]
    internal = {
        u.findtext("sys_id")
        for u in rows["sys_user"]
        if sn.INTERNAL_USER_ROLE in holders.get(u.findtext("sys_id"), ())
    }
    assert len(internal) == len(c.config.users)
    assert len(rows["sys_user"]) == len(c.config.users) + len(c.config.consumers)
    # the built-in partner_account type is referred to by name (out of box on the instance)
    for rel in rows["account_relationship"]:
        ref = rel.find("relationship_type")
        assert ref.get("display_value") == "Partner Account" and not ref.text
    assert len(rows["sn_customerservice_contact_relationship"]) == len(
        c.config.contact_relationships
    )
    assert len(rows["sn_customerservice_team_member"]) == len(c.config.team_members)
    assert len(rows["sn_install_base_sold_product"]) == len(c.config.sold_products)
    parties = sum(len(sp.related_parties) for sp in c.config.sold_products.values())
    assert len(rows["sn_install_base_sold_product_related_party"]) == parties


def test_hostile_values_survive_the_data(hostile):
    _c, files = hostile
    contacts = ET.fromstring(files[f"{DATA_DIR}/customer_contact.xml"])
    by_email = {c.findtext("email"): c for c in contacts}
    c1 = by_email[HOSTILE["c1_email"]]
    assert c1.findtext("name") == HOSTILE["c1_name"]  # the CR of "\r\n" kept (&#13;)
    assert c1.findtext("phone") == HOSTILE["c1_phone"].replace("\x1a", "\ufffd")
    first, last = split_name(HOSTILE["c1_name"])
    assert (c1.findtext("first_name"), c1.findtext("last_name")) == (first, last)
    accounts = {
        a.findtext("name") for a in ET.fromstring(files[f"{DATA_DIR}/customer_account.xml"])
    }
    assert {HOSTILE["acme_name"], HOSTILE["sub_name"], HOSTILE["cust_name"]} <= accounts
    consumer = ET.fromstring(files[f"{DATA_DIR}/csm_consumer.xml"])[0]
    assert consumer.findtext("name") == HOSTILE["k1_name"]
    assert consumer.findtext("business_phone") == HOSTILE["k1_phone"]


def test_no_data_file_holds_more_than_the_cap(tmp_path):
    n = sn.MAX_RECORDS_PER_FILE + 5
    lines = ["version: 1", "consumers:"]
    for i in range(n):
        lines += [f"  - id: k{i:05d}", f"    name: Consumer {i}"]
    root = tmp_path / "cfg"
    root.mkdir()
    (root / "consumers.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    c = _compile(root)
    files = render_servicenow(c.config)
    consumers = [p for p in files if p.startswith(f"{DATA_DIR}/csm_consumer.")]
    assert consumers == [file_name("csm_consumer", 0), file_name("csm_consumer", 1)]
    assert consumers[1] == f"{DATA_DIR}/csm_consumer.2.xml"
    counts = [len(ET.fromstring(files[p])) for p in consumers]
    assert counts == [sn.MAX_RECORDS_PER_FILE, 5]
    # two roles a consumer (snc_external and consumer): three files of sys_user_has_role
    roles = [file_name("sys_user_has_role", i) for i in range(3)]
    assert [p for p in files if "/sys_user_has_role." in p] == roles
    assert [len(ET.fromstring(files[p])) for p in roles] == [10_000, 10_000, 10]
    for data in _data_files(files).values():
        assert len(ET.fromstring(data)) <= sn.MAX_RECORDS_PER_FILE
    # a smaller cap splits the same rows the same way, in order
    small = render_data(c.config, _Ids(c.config.namespace), cap=4000)
    ids = [
        r.findtext("sys_id")
        for p in sorted((p for p in small if "/csm_consumer." in p), key=lambda p: (len(p), p))
        for r in ET.fromstring(small[p])
    ]
    assert ids == [r.findtext("sys_id") for p in consumers for r in ET.fromstring(files[p])]


def test_outputs_are_deterministic(example):
    c, files = example
    again = render_servicenow(_compile(CONFIGS).config)
    assert again == files
    everything = render_outputs(c)
    assert {p: everything[p] for p in files} == files


def test_user_names_stay_unique_when_kinds_share_an_id(tmp_path):
    root = tmp_path / "cfg"
    root.mkdir()
    (root / "c.yaml").write_text(
        "version: 1\naccounts:\n  - id: a\n    name: A\n"
        "contacts:\n  - id: sam\n    name: Sam Contact\n    account: a\n"
        "consumers:\n  - id: sam\n    name: Sam Consumer\n"
        "users:\n  - id: sam\n    name: Sam User\n",
        encoding="utf-8",
    )
    files = render_servicenow(_compile(root).config)
    names = [
        r.findtext("user_name")
        for t in ("customer_contact", "sys_user")
        for r in ET.fromstring(files[f"{DATA_DIR}/{t}.xml"])
    ]
    assert sorted(names) == ["consumer.sam", "contact.sam", "sam"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Ann Abbott", ("Ann", "Abbott")),
        ("Ann van der Berg", ("Ann", "van der Berg")),
        ("  Cher  ", (None, "Cher")),
        ("Peter  O'Neil\r\n", ("Peter", "O'Neil")),
        ("", (None, None)),
        (None, (None, None)),
    ],
)
def test_split_name(name, expected):
    assert split_name(name) == expected


# -- the mapping table -----------------------------------------------------------------------------


@pytest.mark.parametrize("levels", [["read"], ["read", "write"], ["full"], ["write"], ["create"]])
def test_access_level_covers_the_levels(levels):
    level = sn.access_level(levels)
    covered = set(sn.ACCESS_LEVELS[level])
    wanted = {"read", "write", "create"} if "full" in levels else set(levels)
    assert wanted <= covered and set(levels) <= set(LEVEL_WORDS)


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("holding", HOLDING_KINDS)
@pytest.mark.parametrize("scope", ["holder", "holder_cases", "account"])
def test_access_config_scope_round_trips(scope, holding, table):
    encoded = sn.access_config_for(scope, holding, table)
    if encoded is None:
        return
    assert sn.scope_from_access_config(encoded) == scope


def test_every_unverified_column_is_listed_in_the_docs():
    docs = (DOCS / "servicenow.md").read_text(encoding="utf-8")
    section = docs.split("## Unverified columns", 1)[1].split("\n## ", 1)[0]
    for mapping in (*sn.CONFIGURATION_TABLES.values(), *sn.DATA_TABLES.values()):
        for column in mapping.columns:
            if not column.verified:
                assert f"`{mapping.table}.{column.name}`" in section, (mapping.table, column.name)


def _doc_row(mapping: sn.TableMap) -> str:
    cols = ", ".join(
        f"`{c.name}`"
        + ("" if c.source == c.name else f" ({c.source})")
        + ("" if c.verified else " ~")
        + (f" → `{c.reference}`" if c.reference else "")
        for c in mapping.columns
    )
    return f"| {mapping.section} | `{mapping.table}` | {cols} |"


def test_the_docs_mapping_tables_are_the_code_s():
    docs = (DOCS / "servicenow.md").read_text(encoding="utf-8")
    for mapping in (*sn.CONFIGURATION_TABLES.values(), *sn.DATA_TABLES.values()):
        assert _doc_row(mapping) in docs, _doc_row(mapping)
    for builtin, name in sn.BUILTIN_ROLE_NAMES.items():
        assert f"`{builtin}`" in docs and (f"`{name}`" in docs or "case_*_granular" in docs)


# -- the script include, run --------------------------------------------------------------------

NODE = shutil.which("node")
GLIDE_MOCK = Path(__file__).parent / "emit_fixtures" / "glide_mock.js"


@pytest.mark.skipif(NODE is None, reason="needs node to run the script include")
def test_the_script_include_decides_the_scopes_at_run_time(example):
    """CsmconfAccess under a small GlideRecord stand-in, over instance records it has never seen."""
    c, _files = example
    t = {k: m.table for k, m in sn.DATA_TABLES.items()}

    def col(key, source):
        return next(x.name for x in sn.DATA_TABLES[key].columns if x.source == source)

    parent, active = col("account", "parent"), col("account", "active")

    def account(sys_id, up=None, is_active=True):
        return {"sys_id": sys_id, parent: up, active: "1" if is_active else "0"}

    # A > B > C is a tree; D (inactive) under A cuts E off; P is a partner of A (Partner
    # Account) and of X through a type without partner access.
    db = {
        t["account"]: [
            account("A"),
            account("B", "A"),
            account("C", "B"),
            account("D", "A", False),
            account("E", "D"),
            account("P"),
            account("X"),
        ],
        t["contact"]: [
            {"sys_id": "ua", col("contact", "account"): "A"},
            {"sys_id": "up", col("contact", "account"): "P"},
            {"sys_id": "ue", col("contact", "account"): "E"},
        ],
        t["account_relationship"]: [
            {
                col("account_relationship", "from"): "P",
                col("account_relationship", "to"): "A",
                col("account_relationship", "type"): "T1",
            },
            {
                col("account_relationship", "from"): "P",
                col("account_relationship", "to"): "X",
                col("account_relationship", "type"): "T2",
            },
        ],
        sn.CONFIGURATION_TABLES["relationship_type"].table: [
            {"sys_id": "T1", "name": "Partner Account"},
            {"sys_id": "T2", "name": "Something Else"},
        ],
        t["contact_relationship"]: [
            {
                col("contact_relationship", "contact"): "ua",
                col("contact_relationship", "account"): "B",
            },
        ],
        "sn_customerservice_case": [
            {"sys_id": "onA", "account": "A", "contact": "ua"},
            {"sys_id": "onB", "account": "B", "contact": "ua"},
            {"sys_id": "onC", "account": "C", "contact": "ua"},
            {"sys_id": "onE", "account": "E", "contact": "ua"},
            {"sys_id": "byP", "account": "A", "partner": "P", "partner_contact": "up"},
            {"sys_id": "onX", "account": "X", "partner": "P", "partner_contact": "up"},
        ],
    }
    refs = {
        f"{t['account_relationship']}.{col('account_relationship', 'type')}": sn.CONFIGURATION_TABLES[
            "relationship_type"
        ].table
    }
    case = sn.RECORD_TABLES["case"]
    expected = [
        ("ua", "onA", "account", True),
        ("ua", "onB", "account", False),
        ("ua", "onC", "account_tree", True),
        ("ua", "onE", "account_tree", False),  # cut by the inactive D
        ("ue", "onE", "account", True),  # E is active: its own contacts work with it
        ("up", "onA", "partner_customers", True),
        ("up", "onX", "partner_customers", False),  # no partner access through T2
        ("up", "byP", "partner_account", True),
        ("ua", "byP", "partner_account", False),
        ("up", "byP", "partner_contact", True),
        ("ua", "onA", "self", True),
        ("ua", "onB", "self", True),  # acts for B through a contact relationship
        ("ua", "onC", "self", False),  # the contact, but on an account it does not act for
        ("up", "onA", "self", False),
    ]
    checks = [[u, "case", case, rec, scope] for u, rec, scope, _ in expected]
    payload = {"script": script_text(c.config), "db": db, "refs": refs, "checks": checks}
    run = subprocess.run(
        [NODE, str(GLIDE_MOCK)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    answers = json.loads(run.stdout)
    assert answers == [want for *_rest, want in expected], list(zip(expected, answers, strict=True))


# -- generated configurations -----------------------------------------------------------------


def _must_shows(config, files) -> None:
    """The update set's and the data's must-shows, for any configuration."""
    us = UpdateSet(files[UPDATE_SET])
    (header,) = us.headers
    declared = {r.findtext("sys_id"): r.findtext("name") for r in us.of("sys_user_role")}
    for update, rec in us.records:
        assert all((update.findtext(f) or "").strip() for f in UPDATE_FIELDS)
        assert update.findtext("remote_update_set") == header.findtext("sys_id")
        assert update.findtext("name") == f"{rec.tag}_{rec.findtext('sys_id')}"
    acls = {a.findtext("sys_id") for a in us.of("sys_security_acl")}
    with_role = {r.findtext("sys_security_acl") for r in us.of("sys_security_acl_role")}
    assert acls == with_role
    called = {n for a in us.of("sys_security_acl") for n in _CALL.findall(a.findtext("script"))}
    assert called <= {s.findtext("name") for s in us.of("sys_script_include")}
    refs = [e for _c, e in _role_refs(us)]
    for path, raw in files.items():
        if path.startswith(f"{DATA_DIR}/sys_user_has_role."):
            refs += [row.find("role") for row in ET.fromstring(raw)]
    for ref in refs:
        names = ref.get("display_value").split(",")
        tokens = ref.text.split(",") if ref.text else [""] * len(names)
        for token, name in zip(tokens, names, strict=True):
            assert declared.get(token) == name or (name in OUT_OF_BOX_ROLES and token in ("", name))
    for path, raw in files.items():
        if path.startswith(DATA_DIR + "/"):
            mapping = DATA_TABLE_OF[path.split("/")[-1].split(".")[0]]
            wanted = {c.name for c in mapping.columns} | {"sys_id"}
            rows = ET.fromstring(raw)
            assert len(rows) <= sn.MAX_RECORDS_PER_FILE
            assert all({child.tag for child in row} == wanted for row in rows)


def test_generated_configurations_keep_the_must_shows():
    from test_properties import COMMON, _compile_files, decision_scenarios

    @settings(max_examples=40, **COMMON)
    @given(text=decision_scenarios())
    def check(text):
        result = _compile_files({"a.yaml": text})
        fatal = [d for d in result.diagnostics if d.code < "CSM400" and d.is_error]
        assume(not fatal)
        files = render_servicenow(result.config)
        _must_shows(result.config, files)
        assert render_servicenow(result.config) == files

    check()
