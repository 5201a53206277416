"""JSON Schema for configuration files (`csmconf schema -o DIR`).

One document, `csmconf.schema.json`, describes a whole file: an object with
`version` (the integer 1) and any section; `settings` is an object, every
other section an array of its row model (or null: a section left empty),
written so that validators name the real mistake (`type: [array, null]` with
`items`, and `if`/`then` for settings, instead of an `anyOf` whose null branch
would be the error reported).
The row schemas come from the pydantic raw models in `model/sections.py`,
so the schema and the validator cannot drift apart; fields that take one
value or a list (`type`, `levels`, `can`...) accept both, as the loader does.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic.json_schema import models_json_schema

from ..model.sections import SECTION_MODELS, Settings
from .fsio import write_file_atomic

SCHEMA_FILE = "csmconf.schema.json"
SCHEMA_ID = "https://csmconf.dev/schema/v1/csmconf.schema.json"
# fields declared OneOrMany(...): a single value is a one-item list
_ONE_OR_MANY = {
    "AccessEntry": ("levels",),
    "Responsibility": ("type",),
    "AccessTest": ("can", "cannot", "conditional"),
}


def _one_or_many(defs: dict) -> None:
    for model, fields in _ONE_OR_MANY.items():
        props = defs.get(model, {}).get("properties", {})
        for name in fields:
            prop = props.get(name)
            if prop is None:
                continue
            options = prop.get("anyOf")
            array = None
            if prop.get("type") == "array":
                array = prop
            elif options:
                array = next((o for o in options if o.get("type") == "array"), None)
            if array is None:
                continue
            item = array.get("items", {})
            single = {k: v for k, v in item.items()}
            new_array = dict(array)
            choices = [single, new_array]
            if options:
                choices += [o for o in options if o is not array]
            meta = {k: v for k, v in prop.items() if k in ("title", "default", "description")}
            props[name] = {**meta, "anyOf": choices}


def build_schema() -> dict:
    models = [(Settings, "validation")] + [
        (model, "validation") for model, _kind in SECTION_MODELS.values()
    ]
    refs, top = models_json_schema(models, by_alias=True, ref_template="#/$defs/{model}")
    defs = top.get("$defs", {})
    _one_or_many(defs)
    properties: dict = {
        "version": {
            "const": 1,
            "type": "integer",
            "description": "the language version: the integer 1",
        },
        # if/then rather than anyOf[object, null]: a validator then reports the wrong field
        # itself, not "is not of type 'null'" for the branch that was never meant
        "settings": {
            "if": {"type": "object"},
            "then": refs[(Settings, "validation")],
            "else": {"type": "null"},
            "description": "at most once in the whole tree",
        },
    }
    for section, (model, kind) in SECTION_MODELS.items():
        # `items` applies to arrays only, so a wrong row is reported at the row's field
        properties[section] = {
            "type": ["array", "null"],
            "items": refs[(model, "validation")],
            "description": f"{kind} rows; a section may appear in many files, the compiler merges them",
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "csmconf configuration file, version 1",
        "type": "object",
        "properties": properties,
        "required": ["version"],
        "additionalProperties": False,
        "$defs": defs,
    }


def render_schema() -> dict[str, bytes]:
    text = json.dumps(build_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return {SCHEMA_FILE: text.encode("utf-8")}


def write_schema(out_dir: Path) -> list[Path]:
    """Write the schema file(s) into `out_dir`, each atomically; other files there stay."""
    written = []
    for name, data in render_schema().items():
        target = Path(out_dir) / name
        write_file_atomic(target, data)
        written.append(target)
    return written


def check_schema(files: dict[str, bytes], out_dir: Path) -> list[str]:
    """`missing NAME` / `changed NAME` for each schema file that differs; other files are ignored."""
    target = Path(out_dir)
    return [
        f"{'missing' if not (target / name).is_file() else 'changed'} {name}"
        for name, data in sorted(files.items())
        if not (target / name).is_file() or (target / name).read_bytes() != data
    ]
