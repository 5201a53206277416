"""`csmconf import servicenow`: readers, ids, layout, diagnostics with places, output safety.

The fixture `tests/import_fixtures/instance/` is written the way an instance
exports: list exports with every platform column, an update set whose
payloads hold the configuration records, Table API JSON with display values.
"""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from csmconf.cli import main
from csmconf.fmt import format_text
from csmconf.importer import MAP_FILE, import_servicenow
from csmconf.pipeline import compile_config
from csmconf.resolve.objects import DEFAULT_NAMESPACE, sys_id

REPO = Path(__file__).resolve().parents[1]
INSTANCE = REPO / "tests" / "import_fixtures" / "instance"


def _write(files: dict[str, bytes], root: Path) -> Path:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def _xml(table: str, *rows: str) -> str:
    body = "".join(f'<{table} action="INSERT_OR_UPDATE">{r}</{table}>\n' for r in rows)
    return f'<?xml version="1.0" encoding="UTF-8"?><unload unload_date="2025-03-14 09:00:00">\n{body}</unload>\n'


def _codes(result) -> list[tuple[str, str, int, int]]:
    return [
        (d.code, Path(d.place.file).name, d.place.line, d.place.column) for d in result.diagnostics
    ]


def _invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


# -- the happy path ------------------------------------------------------------------------------


def test_instance_export_becomes_a_tree_validate_accepts(tmp_path):
    result = import_servicenow([INSTANCE], tmp_path / "out")
    assert result.errors == 0, [str(d.message) for d in result.diagnostics]
    root = _write(result.files, tmp_path / "out")
    compiled = compile_config(root)
    assert compiled.errors == 0, [d.message for d in compiled.diagnostics]
    config = compiled.config
    assert sorted(config.accounts) == ["abc-corp", "abc-germany", "gsi-tech"]
    assert config.accounts["abc-germany"].parent.id == "abc-corp"
    assert (
        config.accounts["gsi-tech"].partner
        and config.accounts["gsi-tech"].primary_contact.id == "peter-robinson"
    )
    peter = config.contacts["peter-robinson"]
    # inherited (partner) and implied (snc_external) role rows are not declared
    assert [r.id for r in peter.roles] == ["partner_admin"]
    ann = config.contacts["ann-abbott"]
    assert sorted(r.id for r in ann.roles) == ["customer_admin", "install_base_viewer"]
    assert config.roles["install_base_viewer"].role_kind == "external"  # held by contacts only
    assert config.contacts["jonas-weber"].active is False
    assert [
        (r.from_account.id, r.type.id, r.to_account.id) for r in config.account_relationships
    ] == [("gsi-tech", "partner_account", "abc-corp")]
    assert config.responsibilities["guarantor"].holder_types == ("contact", "consumer")


def test_output_is_canonical_fmt_form_with_source_comments(tmp_path):
    result = import_servicenow([INSTANCE], tmp_path / "out")
    for rel, data in result.files.items():
        if rel.endswith(".yaml") and not rel.startswith("."):
            text = data.decode()
            assert format_text(text, rel) == text, rel
    contacts = result.files["contacts.yaml"].decode()
    assert (
        "# tests/import_fixtures/instance/customer_contact.xml:2 sys_id 7c1a4f0e1b2a30104a5c0f6fdc4bcb11"
        in contacts
    )
    roles = result.files["roles.yaml"].decode()
    # a record inside an update-set payload points at its own line in the update set
    assert "sys_remote_update_set.xml:13 sys_id 9a9a9a9a1b2a30104a5c0f6fdc4bcd01" in roles


def test_import_is_deterministic_and_independent_of_source_order(tmp_path):
    files = sorted(INSTANCE.iterdir())
    a = import_servicenow(files, tmp_path / "a").files
    b = import_servicenow(list(reversed(files)), tmp_path / "a").files
    assert a == b
    assert a == import_servicenow([INSTANCE], tmp_path / "a").files


def test_split_exports_are_merged(tmp_path):
    one = "<name>One</name><sys_id>11111111111111111111111111111111</sys_id>"
    two = "<name>Two</name><sys_id>22222222222222222222222222222222</sys_id>"
    (tmp_path / "customer_account.xml").write_text(_xml("customer_account", one, two))
    (tmp_path / "customer_account_2.xml").write_text(_xml("customer_account", two))
    result = import_servicenow([tmp_path], tmp_path / "out")
    assert result.errors == 0
    assert result.files["accounts.yaml"].decode().count("- id:") == 2


def test_table_api_json_with_display_value_true_takes_sys_id_from_link(tmp_path):
    acct = "33333333333333333333333333333333"
    (tmp_path / "customer_account.json").write_text(
        f'{{"result": [{{"sys_id": "{acct}", "name": "Orion", "partner": "false"}}]}}'
    )
    (tmp_path / "customer_contact.json").write_text(
        '{"result": [\n  {"sys_id": "44444444444444444444444444444444", "name": "Olga Orion",\n'
        f'   "account": {{"display_value": "Orion", "link": "https://x.service-now.com/api/now/table/customer_account/{acct}"}}}}\n]}}'
    )
    result = import_servicenow([tmp_path], tmp_path / "out")
    assert result.errors == 0, [d.message for d in result.diagnostics]
    assert "account: orion" in result.files["contacts.yaml"].decode()


# -- ids ---------------------------------------------------------------------------------------------


def test_ids_are_readable_unique_and_suffixed_deterministically(tmp_path):
    rows = [
        f"<name>{name}</name><sys_id>{sid * 32}</sys_id>"
        for name, sid in (("ACME Ltd.", "b"), ("Acme ltd", "a"), ("Ünïcode GmbH", "c"))
    ]
    (tmp_path / "customer_account.xml").write_text(_xml("customer_account", *rows))
    result = import_servicenow([tmp_path], tmp_path / "out")
    text = result.files["accounts.yaml"].decode()
    # same slug: the lower sys_id gets the plain id
    assert f"sys_id {'a' * 32}\n  - id: acme-ltd\n" in text
    assert f"sys_id {'b' * 32}\n  - id: acme-ltd-2\n" in text
    assert "- id: unicode-gmbh" in text


def test_ids_from_csmconf_sys_ids_are_recovered_exactly(tmp_path):
    ns = uuid.UUID("0f0e0d0c-0b0a-4908-8706-050403020100")
    rows = [
        f"<name>Priya Shah</name><user_name>priya-gsi</user_name><sys_id>{sys_id(ns, 'user', 'priya-gsi')}</sys_id>",
        f"<name>Rita Gomez</name><sys_id>{sys_id(ns, 'user', 'rita_gomez')}</sys_id>",
    ]
    (tmp_path / "sys_user.xml").write_text(_xml("sys_user", *rows))
    result = import_servicenow([tmp_path], tmp_path / "out", ns)
    users = result.files["users.yaml"].decode()
    assert "- id: priya-gsi" in users and "- id: rita_gomez" in users
    assert result.recovered_ids == 2
    assert f"sys_id_namespace: {ns}" in result.files["settings.yaml"].decode()
    # under another namespace the hash does not match: readable ids, not guesses
    other = import_servicenow([tmp_path], tmp_path / "out")
    assert other.recovered_ids == 0 and "- id: priya-shah" in other.files["users.yaml"].decode()


def test_reimport_keeps_ids_through_the_map_file(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(INSTANCE, src)
    out = tmp_path / "out"
    assert _invoke("import", "servicenow", str(src), "-o", str(out)).exit_code == 0
    assert (out / MAP_FILE).is_file()
    path = src / "customer_account.xml"
    path.write_text(
        path.read_text().replace("<name>GSI Tech</name>", "<name>GSI Technologies</name>")
    )
    r = _invoke("import", "servicenow", str(src), "-o", str(out), "--force")
    assert r.exit_code == 0, r.output
    text = (out / "accounts.yaml").read_text()
    assert "- id: gsi-tech\n    name: GSI Technologies\n" in text


def test_out_of_box_roles_map_to_builtins_by_name_and_unknown_ones_are_dropped(tmp_path):
    contact = '<name>Ann</name><account display_value="A">{a}</account><sys_id>{c}</sys_id>'.format(
        a="a" * 32, c="c" * 32
    )
    (tmp_path / "customer_account.xml").write_text(
        _xml("customer_account", f"<name>A</name><sys_id>{'a' * 32}</sys_id>")
    )
    (tmp_path / "customer_contact.xml").write_text(_xml("customer_contact", contact))
    has_role = [
        f'<role display_value="sn_customerservice.customer">{"1" * 32}</role><user>{"c" * 32}</user><sys_id>{"d" * 32}</sys_id>',
        f'<role display_value="itil">{"2" * 32}</role><user>{"c" * 32}</user><sys_id>{"e" * 32}</sys_id>',
    ]
    (tmp_path / "sys_user_has_role.xml").write_text(_xml("sys_user_has_role", *has_role))
    (tmp_path / "sys_user_role.xml").write_text(
        _xml("sys_user_role", f"<name>itil</name><sys_id>{'2' * 32}</sys_id>")
    )
    result = import_servicenow([tmp_path], tmp_path / "out")
    assert "roles: [customer]" in result.files["contacts.yaml"].decode()
    assert ("CSM804", "sys_user_role.xml", 2, 1) in _codes(result)


# -- bad input -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where", "words"),
    [
        (
            '<?xml version="1.0"?>\n<unload>\n<customer_account>\n</unload>\n',
            (4, 3),
            "malformed XML",
        ),
        ("<html><body/></html>", (1, 1), "root element is <html>"),
        (
            '<?xml version="1.0"?>\n<!DOCTYPE unload [<!ENTITY a "aaaa">]>\n<unload/>',
            (2, 18),
            "document type",
        ),
        ("name,sys_id\nA,1\n", (1, 1), "not a ServiceNow export"),
    ],
)
def test_malformed_files_are_csm800_at_their_place(tmp_path, text, where, words):
    (tmp_path / "customer_account.xml").write_text(text)
    result = import_servicenow([tmp_path], tmp_path / "out")
    (d,) = result.diagnostics
    assert (d.code, (d.place.line, d.place.column)) == ("CSM800", where)
    assert words in d.message
    assert not result.files


def test_malformed_json_is_csm800_with_line_and_column(tmp_path):
    (tmp_path / "customer_account.json").write_text('{"result": [\n  {"name": "A",}\n]}')
    (d,) = import_servicenow([tmp_path], tmp_path / "out").diagnostics
    assert (d.code, d.place.line, d.place.column) == ("CSM800", 2, 16)


def test_unknown_table_and_unknown_column(tmp_path):
    (tmp_path / "incident.xml").write_text(_xml("incident", f"<sys_id>{'1' * 32}</sys_id>"))
    (tmp_path / "customer_account.xml").write_text(
        _xml("customer_account", f"<name>A</name><u_tier>gold</u_tier><sys_id>{'2' * 32}</sys_id>")
    )
    result = import_servicenow([tmp_path], tmp_path / "out")
    assert _codes(result) == [
        ("CSM802", "customer_account.xml", 2, 1),
        ("CSM801", "incident.xml", 2, 1),
    ]
    assert "u_tier" in result.diagnostics[0].message and "incident" in result.diagnostics[1].message
    assert result.errors == 1 and not result.files


def test_reference_to_a_record_not_in_the_export_is_listed_with_did_you_mean(tmp_path):
    (tmp_path / "customer_account.xml").write_text(
        _xml("customer_account", f"<name>ABC Corp</name><sys_id>{'a' * 32}</sys_id>")
    )
    contact = f'<name>Ann</name><account display_value="ABC Corp.">{"f" * 32}</account><sys_id>{"c" * 32}</sys_id>'
    (tmp_path / "customer_contact.xml").write_text(
        _xml("customer_contact", "", contact).replace(
            '<customer_contact action="INSERT_OR_UPDATE"></customer_contact>\n', ""
        )
    )
    result = import_servicenow([tmp_path], tmp_path / "out")
    (d,) = [d for d in result.diagnostics if d.code == "CSM803"]
    assert (Path(d.place.file).name, d.place.line) == ("customer_contact.xml", 2)
    assert "'ABC Corp.'" in d.message and "f" * 32 in d.message
    assert d.hint == "did you mean 'ABC Corp'?"
    assert not result.files


def test_rows_the_language_cannot_express_are_dropped_with_the_reason(tmp_path):
    resp = f"<name>Odd</name><type>None</type><sys_id>{'1' * 32}</sys_id>"
    (tmp_path / "sn_customerservice_responsibility_def.xml").write_text(
        _xml("sn_customerservice_responsibility_def", resp)
    )
    (tmp_path / "customer_contact.xml").write_text(
        _xml("customer_contact", f"<name>Nobody</name><account/><sys_id>{'2' * 32}</sys_id>")
    )
    result = import_servicenow([tmp_path], tmp_path / "out")
    assert result.errors == 0
    messages = {
        Path(d.place.file).name: d.message for d in result.diagnostics if d.code == "CSM804"
    }
    assert "responsibility 'Odd'" in messages["sn_customerservice_responsibility_def.xml"]
    assert "csmconf needs a customer_account" in messages["customer_contact.xml"]
    assert "contacts.yaml" not in result.files


def test_invalid_value_and_conflicting_duplicate(tmp_path):
    (tmp_path / "a.xml").write_text(
        _xml(
            "customer_account", f"<name>A</name><partner>maybe</partner><sys_id>{'1' * 32}</sys_id>"
        )
    )
    (tmp_path / "b.xml").write_text(
        _xml("customer_account", f"<name>B</name><sys_id>{'1' * 32}</sys_id>")
    )
    result = import_servicenow([tmp_path], tmp_path / "out")
    assert sorted(c for c, *_ in _codes(result)) == ["CSM805", "CSM806"]
    assert not result.files


def test_nothing_is_a_traceback_on_binary_garbage(tmp_path):
    (tmp_path / "x.xml").write_bytes(b"<\xff\xfe\x00garbage")
    (tmp_path / "y.json").write_bytes(b"{\xff}")
    result = import_servicenow([tmp_path], tmp_path / "out")
    assert [c for c, *_ in _codes(result)] == ["CSM800", "CSM800"]


# -- the command -------------------------------------------------------------------------------------


def test_cli_refuses_a_non_empty_output_without_force(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.yaml").write_text("version: 1\n")
    r = _invoke("import", "servicenow", str(INSTANCE), "-o", str(out))
    assert r.exit_code == 2 and "--force" in r.output
    assert [p.name for p in out.iterdir()] == ["keep.yaml"]


def test_cli_refuses_an_output_inside_a_source(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(INSTANCE, src)
    before = sorted(p.name for p in src.iterdir())
    r = _invoke("import", "servicenow", str(src), "-o", str(src / "tree"))
    assert r.exit_code == 2 and "overlap" in r.output
    assert sorted(p.name for p in src.iterdir()) == before


def test_cli_exit_1_on_errors_writes_nothing(tmp_path):
    (tmp_path / "incident.xml").write_text(_xml("incident", f"<sys_id>{'1' * 32}</sys_id>"))
    out = tmp_path / "out"
    r = _invoke("import", "servicenow", str(tmp_path / "incident.xml"), "-o", str(out))
    assert r.exit_code == 1
    assert "error CSM801" in r.output and "nothing written" in r.output
    assert not out.exists()


def test_cli_success_reports_and_writes(tmp_path):
    out = tmp_path / "out"
    r = _invoke("import", "servicenow", str(INSTANCE), "-o", str(out))
    assert r.exit_code == 0, r.output
    assert "imported 14 records" in r.output
    assert (out / "accounts.yaml").is_file() and (out / MAP_FILE).is_file()
    assert _invoke("validate", str(out)).exit_code == 0
    assert (
        _invoke(
            "import", "servicenow", str(INSTANCE), "-o", str(tmp_path / "o2"), "--strict"
        ).exit_code
        == 1
    )


def test_default_namespace_is_the_language_one():
    assert str(DEFAULT_NAMESPACE) == "c5a1f0e2-7d3b-4c8e-9f21-3b6e8d0a4c17"


def test_update_set_payload_escaped_or_cdata_and_deletes(tmp_path):
    inner = (
        '<record_update table="sn_customerservice_responsibility_def">'
        '<sn_customerservice_responsibility_def action="{action}"><name>{name}</name>'
        "<type>contact</type><sys_id>{sid}</sys_id></sn_customerservice_responsibility_def></record_update>"
    )
    escaped = inner.format(action="INSERT_OR_UPDATE", name="Billing", sid="1" * 32)
    escaped = escaped.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    cdata = inner.format(action="INSERT_OR_UPDATE", name="Site", sid="2" * 32)
    deleted = inner.format(action="DELETE", name="Gone", sid="3" * 32)
    text = (
        '<?xml version="1.0" encoding="UTF-8"?><unload unload_date="2025-01-01 00:00:00">\n'
        '<sys_remote_update_set action="INSERT_OR_UPDATE"><name>x</name><sys_id>'
        + "9"
        * 32
        + "</sys_id></sys_remote_update_set>\n"
        f'<sys_update_xml action="INSERT_OR_UPDATE"><payload>{escaped}</payload></sys_update_xml>\n'
        f'<sys_update_xml action="INSERT_OR_UPDATE">\n<payload><![CDATA[{cdata}]]></payload></sys_update_xml>\n'
        f'<sys_update_xml action="INSERT_OR_UPDATE"><payload><![CDATA[{deleted}]]></payload></sys_update_xml>\n'
        "</unload>\n"
    )
    (tmp_path / "update_set.xml").write_text(text)
    result = import_servicenow([tmp_path], tmp_path / "out")
    assert result.errors == 0
    out = result.files["responsibilities.yaml"].decode()
    assert "- id: billing\n" in out and "- id: site\n" in out and "gone" not in out
    # the CDATA payload's record is on line 5 of the update set, right after `<payload><![CDATA[`
    assert f"update_set.xml:5 sys_id {'2' * 32}" in out


def test_allowed_responsibilities_come_back_from_the_parties_that_use_them(tmp_path):
    work = tmp_path / "configs"
    work.mkdir()
    (work / "c.yaml").write_text(
        """version: 1
accounts:
  - id: acme
    name: Acme
consumers:
  - id: ravi-patel
    name: Ravi Patel
responsibilities:
  - id: guarantor
    name: Guarantor
    type: [consumer]
    access:
      - table: sold_product
        levels: [read]
        scope: holder
  - id: co_borrower
    name: Co-borrower
    type: [consumer]
    access:
      - table: case
        levels: [read, write]
        scope: holder_cases
related_party_configs:
  - id: co-borrower
    name: Co-borrower
    applies_to: sold_product
    entity_type: consumer
    default_responsibility: co_borrower
    allowed_responsibilities: [co_borrower, guarantor]
sold_products:
  - id: acme-lease
    name: Acme Lease
    account: acme
    related_parties:
      - party: consumer:ravi-patel
        type: co-borrower
        responsibility: guarantor
"""
    )
    from import_roundtrip import decisions, round_trip

    original, imported, _result, _outputs = round_trip(work, tmp_path)
    cfg = imported.config.related_party_configs["co-borrower"]
    assert [r.id for r in cfg.allowed] == ["co_borrower", "guarantor"]
    assert decisions(original) == decisions(imported)


def test_large_imports_split_accounts_by_the_root_of_their_tree(tmp_path):
    rows = []
    for i in range(501):
        parent = (
            f'<account_parent display_value="Root 0">{"0" * 31}1</account_parent>'
            if 0 < i < 3
            else ""
        )
        rows.append(
            f"<name>{'Root' if i == 0 else 'Acct'} {i}</name>{parent}<sys_id>{i + 1:032x}</sys_id>"
        )
    (tmp_path / "customer_account.xml").write_text(_xml("customer_account", *rows))
    result = import_servicenow([tmp_path], tmp_path / "out")
    assert result.errors == 0
    tree = result.files["accounts/root-0.yaml"].decode()
    assert [line for line in tree.splitlines() if line.startswith("  - id:")] == [
        "  - id: acct-1",
        "  - id: acct-2",
        "  - id: root-0",
    ]
    assert result.files["accounts/_single.yaml"].decode().count("  - id:") == 498
    assert "accounts.yaml" not in result.files
