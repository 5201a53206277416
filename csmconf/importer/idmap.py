"""The id map beside an imported tree: `DIR/.csmconf/servicenow-ids.yaml`.

It records, per kind, the instance sys_id of every record and the id it was
given, so that importing again (with `--force`) keeps every id, even when a
name changed on the instance or a new record now takes the same readable id.
The loader skips hidden directories, so the map is never read as configuration.
"""

from __future__ import annotations

import re
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from ..diagnostics import Diagnostic, Place
from .ids import valid

MAP_FILE = ".csmconf/servicenow-ids.yaml"
_HEADER = (
    "# Instance sys_id -> csmconf id of every record imported by `csmconf import servicenow`.\n"
    "# Kept beside the tree so that a re-import keeps every id; commit it with the tree.\n"
)


def render_map(assigned: dict[str, dict[str, str]]) -> bytes:
    out = [_HEADER, "version: 1\n"]
    for kind in sorted(assigned):
        ids = assigned[kind]
        if not ids:
            continue
        out.append(f"{kind}:\n")
        out.extend(f'  "{sys_id}": {ids[sys_id]}\n' for sys_id in sorted(ids))
    return "".join(out).encode("utf-8")


_LINE = re.compile(r'^  "([0-9A-Za-z]+)": ([a-z0-9][a-z0-9_.-]{0,99})$')
_KIND = re.compile(r"^([a-z_]+):$")


def _read_fast(text: str) -> dict[str, dict[str, str]] | None:
    """The map as `render_map` writes it, read line by line; None when edited into another
    shape (then the YAML loader reads it)."""
    out: dict[str, dict[str, str]] = {}
    current = None
    for line in text.splitlines():
        if not line or line.startswith("#") or line == "version: 1":
            continue
        m = _LINE.match(line)
        if m and current is not None:
            current[m.group(1)] = m.group(2)
            continue
        k = _KIND.match(line)
        if not k:
            return None
        current = out.setdefault(k.group(1), {})
    return out


def read_map(path: Path) -> tuple[dict[str, dict[str, str]], list[Diagnostic]]:
    """kind -> sys_id -> id; a missing file is an empty map, a broken one CSM800."""
    if not path.is_file():
        return {}, []
    where = Place(path.as_posix())
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [Diagnostic("CSM800", f"cannot read the id map: {exc}".splitlines()[0], where)]
    fast = _read_fast(text)
    if fast is not None:
        return fast, []
    try:
        data = YAML(typ="safe").load(text)
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        return {}, [Diagnostic("CSM800", f"cannot read the id map: {exc}".splitlines()[0], where)]
    if not isinstance(data, dict) or data.get("version") != 1:
        return {}, [Diagnostic("CSM800", "the id map is not a `version: 1` mapping", where)]
    out: dict[str, dict[str, str]] = {}
    for kind, ids in data.items():
        if kind == "version" or not isinstance(ids, dict):
            continue
        out[str(kind)] = {str(k): str(v) for k, v in ids.items() if isinstance(v, str) and valid(v)}
    return out, []
