"""`when` filters: a plain AND of field-operator-value terms, parsed once for every target."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from csmconf.model.encoded_query import (
    BINARY_OPERATORS,
    UNARY_OPERATORS,
    EncodedQuery,
    QueryError,
    Term,
    parse,
)


def test_terms_are_parsed_in_order():
    q = parse("active=true^priority<=2^account.nameSTARTSWITHAcme^u_vipISNOTEMPTY")
    assert q == EncodedQuery(
        (
            Term("active", "=", "true"),
            Term("priority", "<=", "2"),
            Term("account.name", "STARTSWITH", "Acme"),
            Term("u_vip", "ISNOTEMPTY"),
        )
    )


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("active=true^NQsys_idISNOTEMPTY", "^NQ"),
        ("active=true^ORsys_idISNOTEMPTY", "^OR"),
        ("active=true^EQ", "^EQ"),
        ("sys_id=javascript:gs.getUserID()", "javascript:"),
        ("sys_id=JavaScript:x", "javascript:"),
        ("a=1^^b=2", "empty term"),
        ("^a=1", "empty term"),
        ("a=1^", "empty term"),
        ("", "empty term"),
        ("a=", "needs a value"),
        ("a IS 1", "unknown operator"),
        ("Active=true", "field name"),
    ],
)
def test_refusals(text, fragment):
    with pytest.raises(QueryError) as err:
        parse(text)
    assert fragment in err.value.message


_fields = st.from_regex(r"[a-z_][a-z0-9_]{0,8}(\.[a-z_][a-z0-9_]{0,8})?", fullmatch=True)
# a value may hold anything but the term separator; it must not start like a longer operator
_values = st.text(
    alphabet=st.characters(blacklist_characters="^", blacklist_categories=("Cs",)), min_size=1
).filter(lambda v: "javascript:" not in v.lower() and not v.startswith(("=", "IN", "LIKE")))
_terms = st.one_of(
    st.builds(Term, _fields, st.sampled_from(BINARY_OPERATORS), _values),
    st.builds(Term, _fields, st.sampled_from(UNARY_OPERATORS)),
)


@given(st.lists(_terms, min_size=1, max_size=5))
def test_encoded_round_trips(terms):
    query = EncodedQuery(tuple(terms))
    assert parse(query.encoded()) == query
    assert parse(query.encoded()).encoded() == query.encoded()


WIDENING_CONFIG = """\
version: 1
accounts:
  - id: acme
    name: Acme
contacts:
  - id: ann
    name: Ann
    account: acme
    roles: [viewer]
roles:
  - id: viewer
    name: Viewer
    kind: external
    access:
      - table: case
        levels: [read]
        scope: account
        when: "{when}"
"""


@pytest.mark.parametrize(
    "when",
    [
        "active=true^NQsys_idISNOTEMPTY",
        "active=true^ORsys_idISNOTEMPTY",
        "active=true^EQ^sys_idISNOTEMPTY",
        "sys_id=javascript:gs.getUserID()",
        "active=true^GOTOsys_idISNOTEMPTY",
    ],
)
def test_compile_refuses_a_widening_filter_and_writes_nothing(tmp_path, when):
    """The issue's case end to end: exit 1, CSM202 at the filter, the old output untouched."""
    import hashlib
    import json

    from click.testing import CliRunner

    from csmconf.cli import main

    cfg = tmp_path / "cfg"
    cfg.mkdir()
    (cfg / "config.yaml").write_text(WIDENING_CONFIG.format(when=when))
    out = tmp_path / "gen"
    good = CliRunner().invoke(main, ["compile", str(cfg), "-o", str(out), "--format", "json"])
    assert good.exit_code == 1  # a widening filter from the start: nothing was ever written
    assert not out.exists()
    (cfg / "config.yaml").write_text(WIDENING_CONFIG.format(when="active=true"))
    assert CliRunner().invoke(main, ["compile", str(cfg), "-o", str(out)]).exit_code == 0
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.rglob("*") if p.is_file()}
    (cfg / "config.yaml").write_text(WIDENING_CONFIG.format(when=when))
    r = CliRunner().invoke(main, ["compile", str(cfg), "-o", str(out), "--format", "json"])
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    (diag,) = [d for d in doc["diagnostics"] if d["severity"] == "error"]
    assert diag["code"] == "CSM202" and (diag["line"], diag["column"]) == (18, 15)
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cfg", "gen"]
