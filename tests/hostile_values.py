"""The hostile values of issue 9, and a configuration that puts each where the language allows.

Each value goes into a contact's name and phone, a derived email (the language's email
pattern refuses whitespace and a second `@`, so the email keeps the value's other
characters), a consumer's name, an account's name and a role's name. The 1 MB value only
goes into one contact name, so the outputs stay bounded. A plain sentinel per field tells
the output checks whether a file carries that field at all (tests/test_hostile_roundtrip.py).
"""

from __future__ import annotations

import re
from pathlib import Path

MEGABYTE = ("line 'q' \"d\" \\ 😀 {{x}} ]]> \r\n\t;--\n" * 40000)[:1_000_000]

VALUES = [
    "O'Brien",
    'say "double" quotes',
    "back\\slash \\\\ end\\",
    "\\N",
    "a\\Nb \\\\N",
    "$$ dollar $body$ $$",
    "'); DROP TABLE csm_contact; --",
    "'; SELECT pg_sleep(10); -- E'\\x27' $q$ x $q$",
    "\\'; DROP DATABASE test; -- ' OR 1=1 #",
    '`tick` "ident" [bracket]',
    "/* comment */ -- line",
    "a\nb",
    "a\rb",
    "a\r\nb\n\rc",
    "a\tb",
    "\t=1+1",
    "\x01\x02\x07\x08\x0b\x0c\x1b[31mred\x1b[0m\x1f\x7f",
    "ctrl-z \x1a end",
    "{{ 7*7 }} {% raw %} {# c #} ${x} #{y}",
    "]]> <![CDATA[ x ]]>",
    '<tag a="1">&amp;&#10;&lt;</tag>',
    "😀 𝄞 \U0001f9d1\u200d\U0001f4bb",
    "\u202eevil\u202c RTL override",
    "a\u2028b\u2029c",
    "next line \x85 C1 \x80\x9f",
    "\ufeffbom and zero\u200bwidth",
    MEGABYTE,
    "x\n" * 500,
    '=HYPERLINK("http://x.test","y")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A2)",
    "\r=1",
    "%s %d {0} %(x)s ? ?? :1 :name",
    "$(rm -rf /) `id`",
    "e\u0301 Ω≈ç√ Zoë Łęcka 東京",
    '{"a": "\\u0000"} \\x41 \\u0041',
    "  leading and trailing  ",
]

EDGE_IDS = ("0", "9.-_z", "a" * 100, "x..y--z__")

FIELDS = (
    "contact.name",
    "contact.email",
    "contact.phone",
    "consumer.name",
    "account.name",
    "role.name",
)


def email_of(value: str, i: int) -> str:
    """An email holding as much of `value` as the language's email pattern allows."""
    local = re.sub(r"[@\s]", "", value)[:200]
    return f"{local}{i}@ex-{i}.test"


def _escape(s: str) -> str:
    """A YAML double-quoted scalar holding exactly `s` (every non-printable as an escape)."""
    out = ['"']
    for ch in s:
        code = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif code < 0x20 or 0x7F <= code <= 0x9F or ch in "\u2028\u2029\ufeff":
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def sentinel(field: str) -> str:
    return f"zzsentinel-{field.replace('.', '-')}@ex.test"


def expected() -> dict[tuple[str, str, str], str]:
    """(table, id, column) -> the value the databases must hold."""
    out = {}
    for i, v in enumerate(VALUES):
        out[("csm_contact", f"h{i:02d}", "name")] = v
        if v is MEGABYTE:
            continue
        out[("csm_contact", f"h{i:02d}", "phone")] = v
        out[("csm_contact", f"h{i:02d}", "email")] = email_of(v, i)
        out[("csm_consumer", f"k{i:02d}", "name")] = v
        out[("csm_account", f"a{i:02d}", "name")] = v
        out[("csm_role", f"r{i:02d}", "name")] = v
    for ident in EDGE_IDS:
        out[("csm_contact", ident, "name")] = "id " + ident
    return out


def values_of(field: str) -> list[str]:
    """The hostile values written into `field`."""
    out = []
    for i, v in enumerate(VALUES):
        if field == "contact.name":
            out.append(v)
        elif v is not MEGABYTE:
            out.append(email_of(v, i) if field == "contact.email" else v)
    return out


def write_config(root: Path) -> Path:
    e = _escape
    root.mkdir(parents=True, exist_ok=True)
    accounts = [
        "version: 1",
        "accounts:",
        f"  - {{id: home, name: {e(sentinel('account.name'))}, customer: true}}",
    ]
    people = ["version: 1", "contacts:"]
    people.append(
        f"  - {{id: s0, account: home, name: {e(sentinel('contact.name'))},"
        f" email: {e(sentinel('contact.email'))}, phone: {e(sentinel('contact.phone'))},"
        " roles: [rs]}"
    )
    # ids: the language allows only [a-z0-9_.-]; the edges of that pattern
    for ident in EDGE_IDS:
        people.append(f"  - {{id: {e(ident)}, account: home, name: {e('id ' + ident)}}}")
    consumers = [
        "consumers:",
        f"  - {{id: k_s, name: {e(sentinel('consumer.name'))}}}",
    ]
    roles = [
        "version: 1",
        "roles:",
        (
            f"  - {{id: rs, name: {e(sentinel('role.name'))}, kind: external,"
            " access: [{table: case, levels: [read], scope: account}]}"
        ),
    ]
    for i, v in enumerate(VALUES):
        if v is MEGABYTE:
            people.append(f"  - {{id: h{i:02d}, account: home, name: {e(v)}}}")
            continue
        accounts.append(f"  - {{id: a{i:02d}, name: {e(v)}, parent: home}}")
        people.append(
            f"  - {{id: h{i:02d}, account: a{i:02d}, name: {e(v)}, email: {e(email_of(v, i))},"
            f" phone: {e(v)}, roles: [r{i:02d}]}}"
        )
        consumers.append(f"  - {{id: k{i:02d}, name: {e(v)}}}")
        roles.append(
            f"  - {{id: r{i:02d}, name: {e(v)}, kind: external,"
            " access: [{table: case, levels: [read], scope: account}]}"
        )
    (root / "accounts.yaml").write_text("\n".join(accounts) + "\n", encoding="utf-8")
    (root / "people.yaml").write_text("\n".join(people + consumers) + "\n", encoding="utf-8")
    (root / "roles.yaml").write_text("\n".join(roles) + "\n", encoding="utf-8")
    return root
