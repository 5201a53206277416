"""csmconf.schema.json: stable, and it accepts the example files and refuses broken ones."""

from __future__ import annotations

import json

import pytest
from conftest import CONFIGS

from csmconf.emit.json_schema import SCHEMA_FILE, build_schema, render_schema, write_schema
from csmconf.model.sections import SECTION_MODELS


def validate(instance, schema, root) -> list[str]:
    """Errors of `instance` against the schema, by jsonschema (the 2020-12 draft, format checks)."""
    import jsonschema

    assert schema is root
    cls = jsonschema.validators.validator_for(schema)
    validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(instance)]


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
