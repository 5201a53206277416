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
