"""csmconf.schema.json: stable, and it accepts the example files and refuses broken ones."""

from __future__ import annotations

import json
import re

import pytest
from conftest import CONFIGS

from csmconf.emit.json_schema import SCHEMA_FILE, build_schema, render_schema, write_schema
from csmconf.model.sections import SECTION_MODELS


def validate(instance, schema, root) -> list[str]:
    """A small JSON Schema validator: the keywords the generated schema uses."""
    errors: list[str] = []
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        return validate(instance, root["$defs"][name], root)
    if "anyOf" in schema:
        if not any(not validate(instance, option, root) for option in schema["anyOf"]):
            errors.append(f"{instance!r} matches no option")
        return errors
    kind = schema.get("type")
    types = {
        "object": dict,
        "array": list,
        "string": str,
        "integer": int,
        "boolean": bool,
        "null": type(None),
    }
    if kind is not None:
        ok = isinstance(instance, types[kind])
        if kind == "integer" and isinstance(instance, bool):
            ok = False
        if not ok:
            return [f"{instance!r} is not {kind}"]
    if "const" in schema and instance != schema["const"]:
        errors.append(f"{instance!r} != {schema['const']!r}")
    if "enum" in schema and instance not in schema["enum"]:
        errors.append(f"{instance!r} not in {schema['enum']}")
    if isinstance(instance, str):
        if "pattern" in schema and not re.search(schema["pattern"], instance):
            errors.append(f"{instance!r} does not match {schema['pattern']}")
        if len(instance) < schema.get("minLength", 0):
            errors.append(f"{instance!r} too short")
    if isinstance(instance, list):
        if len(instance) < schema.get("minItems", 0):
            errors.append("too few items")
        for item in instance:
            errors += validate(item, schema.get("items", {}), root)
    if isinstance(instance, dict):
        props = schema.get("properties", {})
        for key in schema.get("required", ()):
            if key not in instance:
                errors.append(f"missing {key}")
        for key, value in instance.items():
            if key in props:
                errors += validate(value, props[key], root)
            elif schema.get("additionalProperties") is False:
                errors.append(f"unknown key {key}")
    return errors


def _load(text: str):
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(text)


def test_schema_is_stable_and_sorted():
    files = render_schema()
    assert list(files) == [SCHEMA_FILE]
    data = files[SCHEMA_FILE]
    assert render_schema()[SCHEMA_FILE] == data
    doc = json.loads(data)
    assert data.decode() == json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    assert doc["properties"]["version"]["const"] == 1
    assert set(doc["properties"]) == {"version", "settings", *SECTION_MODELS}
    assert doc["additionalProperties"] is False
    assert "from" in doc["$defs"]["RelationshipType"]["properties"]  # aliases, not Python names


@pytest.mark.parametrize("path", sorted(CONFIGS.rglob("*.yaml")), ids=lambda p: p.name)
def test_example_files_validate(path):
    schema = build_schema()
    assert validate(_load(path.read_text(encoding="utf-8")), schema, schema) == []


@pytest.mark.parametrize(
    "text",
    [
        "accounts: []",  # no version
        "version: 2",
        "version: 1\nfriends: []",
        "version: 1\naccounts:\n  - {id: Bad Id, name: x}",
        "version: 1\naccounts:\n  - {id: a, name: x, colour: red}",
        "version: 1\nroles:\n  - {id: r, kind: sideways}",
        "version: 1\nresponsibilities:\n  - {id: r, type: robot}",
    ],
)
def test_broken_files_do_not_validate(text):
    schema = build_schema()
    assert validate(_load(text), schema, schema) != []


def test_single_values_where_lists_are_allowed():
    schema = build_schema()
    doc = _load(
        "version: 1\nresponsibilities:\n  - id: r\n    type: contact\n    access:\n"
        "      - {table: case, levels: full, scope: holder}\naccounts:\n"
    )
    assert validate(doc, schema, schema) == []


def test_write_schema(tmp_path):
    written = write_schema(tmp_path / "schema")
    assert [p.name for p in written] == [SCHEMA_FILE]
    assert written[0].read_bytes() == render_schema()[SCHEMA_FILE]
    assert sorted(p.name for p in (tmp_path / "schema").iterdir()) == [SCHEMA_FILE]
