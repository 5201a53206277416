"""The jinja2 environment of the SQL emitters, and the XML escaping helpers.

Templates are constants of this package; configuration values only ever
reach them as variables. SQL templates receive fragments already built by
`sql_quote.Dialect` (autoescape off). The XML helpers (`xml_escape`,
`xml_safe_text`) serve the ServiceNow writer (`emit/servicenow/xml.py`).
"""

from __future__ import annotations

import re
from functools import cache

from jinja2 import DictLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

# XML 1.0 cannot carry these at all, not even as character references.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_XML_SPECIAL = re.compile('[&<>"\t\n\r]')
_XML_ENTITIES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "\t": "&#9;",
    "\n": "&#10;",
    "\r": "&#13;",
}


def xml_safe_text(value: str) -> str:
    """`value` with the characters XML 1.0 cannot hold replaced by U+FFFD."""
    return _XML_ILLEGAL.sub("\ufffd", value)


def xml_escape(value) -> str:
    """Text for element content or a quoted attribute: round-trips through any XML parser.

    Line breaks, carriage returns and tabs become character references, so a
    parser neither normalises them (CR, attribute whitespace) nor changes them.
    """
    if value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    text = xml_safe_text(str(value))
    return _XML_SPECIAL.sub(lambda m: _XML_ENTITIES[m.group()], text)


def _sql_finalize(value):
    if value is None:
        raise ValueError("a SQL template received None; fragments must be built by sql_quote")
    return value


SQL_SCHEMA = """\
{{ comment }} csmconf {{ version }}: database schema for {{ dialect_title }}.
{{ comment }} Generated file, do not edit. Load it into an empty database
{{ comment }} ({{ load_hint }}), then seed.sql.
{{ comment }} Tables and constraints: docs/database.md.
{% for line in preamble %}
{{ line }}
{% endfor %}
{% for table in tables %}

{{ comment }} {{ table.comment }}
CREATE TABLE {{ table.ident }} (
{{ table.body }}
){{ table_suffix }};
{% for statement in table.after %}
{{ statement }}
{% endfor %}
{% endfor %}
{% if deferred %}

{{ comment }} accounts and contacts refer to each other: this constraint waits for csm_contact
{% for statement in deferred %}
{{ statement }}
{% endfor %}
{% endif %}
{% for line in postamble %}
{{ line }}
{% endfor %}
"""

SQL_SEED = """\
{{ comment }} csmconf {{ version }}: seed data for {{ dialect_title }}.
{{ comment }} Generated file, do not edit. Idempotent: every row is an upsert keyed on sys_id,
{{ comment }} all in one transaction ({{ load_hint }}).
{% for line in preamble %}
{{ line }}
{% endfor %}
{% for block in blocks %}

{{ comment }} {{ block.title }}
{% for statement in block.statements %}
{{ statement }}
{% endfor %}
{% endfor %}
{% for line in postamble %}
{{ line }}
{% endfor %}
"""


@cache
def sql_environment() -> SandboxedEnvironment:
    return SandboxedEnvironment(
        loader=DictLoader({"schema.sql": SQL_SCHEMA, "seed.sql": SQL_SEED}),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_sql_finalize,
    )
