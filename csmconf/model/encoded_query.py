"""`when` filters: a ServiceNow encoded query of field-operator-value terms joined by AND.

A `when` narrows the records an access entry reaches. It is written in
ServiceNow's encoded-query syntax because that is where it ends up (the
accessible-table filter of a responsibility access configuration, an ACL
condition), but only the part of that syntax that can only *narrow*:

    active=true^priority<=2^short_descriptionLIKEvip

- terms are joined by `^` (AND) alone: `^OR`, `^NQ` (a new OR-ed query) and
  `^EQ` would widen the filter or end it early, and are refused;
- a term is a field (`name` or a dot-walked `account.name`), one operator of
  `OPERATORS`, and a value (none for the unary operators);
- `javascript:` anywhere is refused: it would run server-side script;
- an empty term (`^^`, a leading or trailing `^`) is refused.

`parse` returns one structure that every target renders from (the neutral
rules, the SQL, the update set), so what the compiler checked is exactly what
is deployed. A refusal is a `QueryError`, reported as CSM202 at the filter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Longest first where one operator is a prefix of another.
BINARY_OPERATORS = (
    "!=",
    "<=",
    ">=",
    "=",
    "<",
    ">",
    "NOT IN",
    "NOT LIKE",
    "IN",
    "LIKE",
    "STARTSWITH",
    "ENDSWITH",
)
UNARY_OPERATORS = ("ISNOTEMPTY", "ISEMPTY")
OPERATORS = (*UNARY_OPERATORS, *BINARY_OPERATORS)

_FIELD = re.compile(r"[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)*")
_WIDENING = {"OR": "^OR (OR)", "NQ": "^NQ (a new OR-ed query)", "EQ": "^EQ (end of query)"}


class QueryError(ValueError):
    """A `when` filter that is not a plain AND of known terms."""

    def __init__(self, message: str, offset: int = 0):
        super().__init__(message)
        self.message = message
        self.offset = offset  # code point offset into the filter text


@dataclass(frozen=True, slots=True)
class Term:
    field: str
    operator: str
    value: str | None = None  # None for the unary operators

    def encoded(self) -> str:
        return f"{self.field}{self.operator}{self.value or ''}"


@dataclass(frozen=True, slots=True)
class EncodedQuery:
    terms: tuple[Term, ...]

    def encoded(self) -> str:
        """The canonical encoded query (what ServiceNow stores)."""
        return "^".join(term.encoded() for term in self.terms)

    def to_list(self) -> list[dict]:
        """The structured form the neutral rules carry."""
        return [{"field": t.field, "operator": t.operator, "value": t.value} for t in self.terms]


def _term(text: str, offset: int) -> Term:
    match = _FIELD.match(text)
    if match is None:
        raise QueryError(
            f"'{text}' does not start with a field name (lowercase letters, digits, '_', "
            "dot-walked with '.')",
            offset,
        )
    field = match.group(0)
    rest = text[match.end() :]
    for op in UNARY_OPERATORS:
        if rest == op:
            return Term(field, op)
    for op in BINARY_OPERATORS:
        if rest.startswith(op):
            value = rest[len(op) :]
            if value == "":
                raise QueryError(f"'{text}': operator {op} needs a value", offset)
            return Term(field, op, value)
    known = ", ".join(OPERATORS)
    raise QueryError(
        f"'{text}': unknown operator after field '{field}' (known: {known})",
        offset + match.end(),
    )


@lru_cache(maxsize=4096)
def parse(text: str) -> EncodedQuery:
    """The terms of a `when` filter, or QueryError saying what is refused and where."""
    lowered = text.lower()
    script = lowered.find("javascript:")
    if script >= 0:
        raise QueryError("'javascript:' would run server-side script; a filter is data", script)
    terms: list[Term] = []
    offset = 0
    for index, part in enumerate(text.split("^")):
        if index > 0:
            for word, what in _WIDENING.items():
                # fields are lowercase, so a term starting OR/NQ/EQ is always the operator
                if part.startswith(word):
                    raise QueryError(
                        f"{what} would widen the filter; a filter only narrows: join terms "
                        "with '^' (AND) alone",
                        offset - 1,
                    )
        if part == "":
            raise QueryError("empty term: '^' must stand between two terms", max(offset - 1, 0))
        terms.append(_term(part, offset))
        offset += len(part) + 1
    return EncodedQuery(tuple(terms))


def check(text: str) -> str | None:
    """The refusal message for a filter, or None when it is a plain AND of known terms."""
    try:
        parse(text)
    except QueryError as error:
        return error.message
    return None
