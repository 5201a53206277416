"""csmconf rows -> the text of canonical YAML files, in the form `csmconf fmt` writes.

Field order is `fmt`'s own (`fmt._TOP`, `fmt._ROW_ORDER`, `fmt._NESTED`: the
order the models declare), indentation is fmt's (two spaces, list items
indented under their key), lists of scalars are flow lists, and a scalar is
plain only when YAML 1.2 core reads it back as the same string. A comment
above each row says where it came from. Text is built directly rather than
through ruamel's round-trip dumper, which is too slow for a whole instance
(docs/performance.md, "import");
a test proves `fmt --check` finds nothing to change in what is written.
"""

from __future__ import annotations

import json
import re

from .. import fmt

HEADER = (
    "# Imported from ServiceNow by `csmconf import servicenow`.\n"
    "# Each row's comment names the export file, line and record sys_id it came from.\n"
    "# Review before committing: see docs/import.md.\n"
)
#: plain scalars YAML 1.2 core would read as something other than a string
_NOT_STRING = re.compile(
    r"^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE"
    r"|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_PLAIN = re.compile(r"^[A-Za-z0-9_./@()+][A-Za-z0-9_ ./@()+'&-]*$")
_PLAIN_IN_FLOW = re.compile(r"^[A-Za-z0-9_./@()+][A-Za-z0-9_./@()+-]*$")
_UNPRINTABLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]"
)


def scalar(value, flow: bool = False) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    pattern = _PLAIN_IN_FLOW if flow else _PLAIN
    if (
        pattern.match(text)
        and not _NOT_STRING.match(text)
        and not text.endswith(" ")
        and ": " not in text
        and " #" not in text
    ):
        return text
    quoted = json.dumps(text, ensure_ascii=False)
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _comment(text: str, indent: str) -> str:
    return "".join(f"{indent}# {line}\n" for line in text.splitlines() if line) if text else ""


def _mapping(
    data: dict, order: list[str], indent: str, first: str, out: list[str], nested: dict
) -> None:
    """A mapping in block style; `first` is the prefix of its first line (`- ` for list items)."""
    keys = sorted(data, key=lambda k: (order.index(k) if k in order else len(order), k))
    prefix = first
    for key in keys:
        value = data[key]
        if isinstance(value, list) and value and isinstance(value[0], dict):
            out.append(f"{prefix}{key}:\n")
            for item in value:
                _mapping(item, nested.get(key, []), indent + "    ", indent + "  - ", out, nested)
        elif isinstance(value, list):
            out.append(f"{prefix}{key}: [{', '.join(scalar(v, flow=True) for v in value)}]\n")
        else:
            out.append(f"{prefix}{key}: {scalar(value)}\n")
        prefix = indent


def render_file(sections: dict[str, list[tuple[str, dict]]]) -> str:
    """One file: `version: 1`, then each section's rows with their source comments."""
    out = [HEADER, "version: 1\n"]
    for section in fmt._TOP:
        rows = sections.get(section)
        if rows is None:
            continue
        out.append(f"\n{section}:\n")
        if section == "settings":
            ((_comment_text, data),) = rows
            _mapping(data, fmt._field_order(fmt.Settings), "  ", "  ", out, {})
            continue
        order = fmt._ROW_ORDER[section]
        for comment, data in rows:
            out.append(_comment(comment, "  "))
            _mapping(data, order, "    ", "  - ", out, fmt._NESTED)
    return "".join(out)
