"""`acl/rules.json`: the neutral ACL rules (`rules.py`), one JSON object a line.

Each rule names its table and operation, its grant kind (`grant`: path and
scope), the decision it can give at best, the roles and responsibilities
whose entries it carries, its structured condition over the seeded tables
(docs/database.md evaluates it in SQL), the `when` filter as structured
terms and as the encoded string, and the places that produced it.
"""

from __future__ import annotations

import json

from ..model import encoded_query
from ..servicenow_names import RECORD_TABLES
from .rows import _Ids
from .rules import NeutralRule, collect_rules

RULE_FORMAT_VERSION = 2

__all__ = ["render_rules", "rule_dict"]


def rule_dict(rule: NeutralRule, ids: _Ids) -> dict:
    return {
        "name": rule.name,
        "sys_id": ids.once("acl_rule", rule.name),
        "table": rule.table,
        "servicenow_table": RECORD_TABLES[rule.table],
        "operation": rule.operation,
        "grant": {"path": rule.path, "scope": rule.scope},
        "decision": rule.decision,
        "principal_kinds": list(rule.principal_kinds),
        "roles": list(rule.roles),
        "responsibilities": list(rule.responsibilities),
        "condition": rule.condition(),
        "encoded_query": encoded_query.parse(rule.when).encoded() if rule.when else "",
        "sources": list(rule.sources),
    }


def render_rules(config) -> tuple[list[dict], bytes]:
    """The rules, and rules.json: a JSON document with one rule per line (diffs show rules)."""
    ids = _Ids(config.namespace)
    rules = [rule_dict(r, ids) for r in collect_rules(config)]
    head = {
        "format_version": RULE_FORMAT_VERSION,
        "namespace": str(config.namespace),
        "servicenow_tables": RECORD_TABLES,
    }
    lines = ["{"]
    for key in sorted(head):
        lines.append(
            f"  {json.dumps(key)}: {json.dumps(head[key], sort_keys=True, ensure_ascii=False)},"
        )
    lines.append('  "rules": [')
    body = [f"    {json.dumps(rule, sort_keys=True, ensure_ascii=False)}" for rule in rules]
    lines.append(",\n".join(body))
    lines.append("  ]")
    lines.append("}")
    text = "\n".join(line for line in lines if line) + "\n"
    return rules, text.encode("utf-8")
