"""Helpers for the emitter tests: a configuration full of hostile values, and table dumps."""

from __future__ import annotations

from pathlib import Path

LONG = ("Ünïcødé 😀 '\"\\ {{ x }} {% y %} ]]> --; \n" * 400)[:10000]

# Every value below must come back byte-identical from each database, the XML and the CSV.
HOSTILE = {
    "acme_name": "O'Brien \"the\" \\ back\\\\slash' -- ; DROP TABLE csm_account; --",
    "acme_code": "code'\"\\{{c}}",
    "sub_name": LONG,
    "sub_code": "x" * 10000,
    "cust_name": ']]> <![CDATA[ & <b a="1"> &amp; &#10; {{ 7*7 }} {% if x %}{# c #}',
    "cust_code": "Zoë Łęcka 東京 😀\u200b",
    "type_name": 'Résell\'er "T"\n\\N',
    "type_label": "line1\nline2\r\nline3\rend\ttab",
    "type_reverse": "/* c */ $1 :name :'x' \\x41 \\\\ \\' E'x'",
    "c1_name": "Peter 'Pete' \"P\" O\\'Neil\r\n",
    "c1_email": 'o\'brien"x"\\{{y}}]]>;--😀@ex-ämple{%z%}.c0m',
    "c1_phone": "+44 (0) 20 'x' \"y\" \\ \x1a ctrl-z \t tab",
    "c2_name": LONG[::-1],
    "c2_email": "a\\b'c@d\"e.f😀",
    "c2_phone": "\u2028\u2029\x85 line separators",
    "k1_name": "Ravi 😀😀 \U0001f9d1\u200d\U0001f4bb {{ config }}",
    "k1_email": "ravi+'x'@mail.example.com",
    "k1_phone": "--\n;\n--",
    "u1_name": "Rita ]]>",
    "u1_email": "rita'\\@northwind.example.com",
    "role_name": 'Ins\'tall "Base" <Viewer> & {{ r }}\n2nd line',
    "role_when": 'u_note=O\'Brien "q" \\ ]]> {{x}}^active=true',
    "resp_name": 'Co-borrower\'s "resp" {% raw %}',
    "resp_when": "state!=closed^u_text=a\nb\\c'd",
    "rpc_name": "Guarantor ]]> ' \"",
    "sp_name": "Loan 'Elm' \"St\" \\ 12 ; --\n{{ sp }}",
}

_YAML_ESC = {
    "\\": "\\\\",
    '"': '\\"',
    "\n": "\\n",
    "\t": "\\t",
    "\r": "\\r",
    "\x85": "\\N",
    "\u2028": "\\L",
    "\u2029": "\\P",
    "\ufeff": "\\uFEFF",
}


def q(s: str) -> str:
    """A YAML double-quoted scalar holding exactly `s`."""
    out = []
    for ch in s:
        e = _YAML_ESC.get(ch)
        if e is not None:
            out.append(e)
        elif ord(ch) < 0x20 or ch == "\x7f":
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def write_hostile_config(root: Path) -> Path:
    h = {k: q(v) for k, v in HOSTILE.items()}
    root.mkdir(parents=True, exist_ok=True)
    (root / "accounts.yaml").write_text(
        f"""version: 1
accounts:
  - id: acme
    name: {h["acme_name"]}
    code: {h["acme_code"]}
    partner: true
    primary_contact: c1
  - id: acme-sub
    name: {h["sub_name"]}
    code: {h["sub_code"]}
    parent: acme
  - id: cust
    name: {h["cust_name"]}
    code: {h["cust_code"]}
    primary_contact: c2
relationship_types:
  - id: resell
    name: {h["type_name"]}
    from: partner
    to: account
    label: {h["type_label"]}
    reverse_label: {h["type_reverse"]}
    partner_access: true
account_relationships:
  - from: acme
    to: cust
    type: resell
""",
        encoding="utf-8",
    )
    (root / "people.yaml").write_text(
        f"""version: 1
contacts:
  - id: c1
    name: {h["c1_name"]}
    email: {h["c1_email"]}
    phone: {h["c1_phone"]}
    account: acme
    roles: [partner_admin, hostile_role]
  - id: c2
    name: {h["c2_name"]}
    email: {h["c2_email"]}
    phone: {h["c2_phone"]}
    account: cust
    roles: [customer]
consumers:
  - id: k1
    name: {h["k1_name"]}
    email: {h["k1_email"]}
    phone: {h["k1_phone"]}
users:
  - id: u1
    name: {h["u1_name"]}
    email: {h["u1_email"]}
    roles: [relationship_agent]
team_members:
  - user: u1
    account: cust
    responsibility: account_manager
contact_relationships:
  - contact: c2
    account: acme
    responsibility: authorized_representative
""",
        encoding="utf-8",
    )
    (root / "access.yaml").write_text(
        f"""version: 1
roles:
  - id: hostile_role
    name: {h["role_name"]}
    kind: external
    access:
      - table: install_base
        levels: [read]
        scope: account
        when: {h["role_when"]}
responsibilities:
  - id: hostile_resp
    name: {h["resp_name"]}
    type: [contact, consumer]
    access:
      - table: sold_product
        levels: [read]
        scope: holder
      - table: case
        levels: [read, write]
        scope: holder_cases
        when: {h["resp_when"]}
related_party_configs:
  - id: rp
    name: {h["rpc_name"]}
    applies_to: sold_product
    entity_type: consumer
    default_responsibility: hostile_resp
sold_products:
  - id: sp1
    name: {h["sp_name"]}
    account: cust
    contact: c2
    related_parties:
      - party: consumer:k1
        type: rp
""",
        encoding="utf-8",
    )
    return root


def compile_tree(root: Path):
    from csmconf.pipeline import compile_config

    return compile_config(Path(root))


# -- dumps ---------------------------------------------------------------------------------


def normalize(value):
    """DB values and model values in one form: booleans as 0/1, everything else as is."""
    if value is True or value is False:
        return int(value)
    return value


def expected_rows(model) -> dict[str, list[tuple]]:
    """The model's rows as the database holds them once seeded (primary contacts set), sorted by sys_id."""
    out = {}
    primary = dict(model.primary_contacts)
    for table in model.tables:
        rows = model.rows.get(table.name, [])
        if table.name == "csm_account":
            idx = table.column_names.index("primary_contact")
            rows = [row[:idx] + (primary.get(row[0]),) + row[idx + 1 :] for row in rows]
        out[table.name] = sorted(
            (tuple(normalize(v) for v in row) for row in rows), key=lambda r: r[0]
        )
    return out


def dump(cursor, model, quote) -> dict[str, list[tuple]]:
    """Every column the model knows of every table, ordered by sys_id."""
    out = {}
    for table in model.tables:
        cols = ", ".join(quote(c) for c in table.column_names)
        cursor.execute(f"SELECT {cols} FROM {quote(table.name)} ORDER BY {quote('sys_id')}")
        out[table.name] = [tuple(normalize(v) for v in row) for row in cursor.fetchall()]
    return out


def full_dump(cursor, tables, quote) -> dict[str, list[tuple]]:
    """Every column (generated ones included) of every table, ordered by sys_id."""
    out = {}
    for name in tables:
        cursor.execute(f"SELECT * FROM {quote(name)} ORDER BY {quote('sys_id')}")
        out[name] = [tuple(row) for row in cursor.fetchall()]
    return out
