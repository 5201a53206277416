"""Review files: `access/grants.csv` and `manifest.json`.

`grants.csv` has one row per grant path (`graph.paths`): a role's access
entry, a responsibility's entry as held by one holder on one record, or one
of the blanket rules. It grows with the configuration (its rows are the sum
of roles' entries, holdings x their entries, accounts and sold products),
never with principals x targets; the per-principal expansion is
`csmconf what-can --all`. Every cell goes through `csv_cells`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator

from .. import __version__
from ..diagnostics import find_places
from ..graph.paths import grant_paths_by_rule
from . import csv_cells

#: the columns of access/grants.csv (docs/cli.md, "access/grants.csv")
GRANTS_HEADER = (
    "rule",
    "who",
    "through",
    "held_on",
    "source",
    "includes",
    "roles_required",
    "table",
    "levels",
    "scope",
    "when",
    "reaches",
    "decision",
    "places",
)
MANIFEST_FORMAT_VERSION = 1


def _found(groups: Iterator[list]) -> Iterator:
    """The paths of each group, their places found first a file's positions at a time."""
    for paths in groups:
        find_places(p for g in paths for p in g.places)
        yield from paths
        del paths  # gone before the next group is made


def render_grants(config, engine) -> bytes:
    """The CSV: header, then one line per grant path, sorted (rule, who, held on, source...)."""
    return b"".join(iter_grants(config, engine))


def iter_grants(config, engine, lines_per_piece: int = 1000) -> Iterator[bytes]:
    """`render_grants` in pieces of `lines_per_piece` lines (the whole file is not held)."""
    lines = [csv_cells.row(GRANTS_HEADER)]
    for g in _found(grant_paths_by_rule(engine)):
        lines.append(
            csv_cells.row(
                (
                    g.rule,
                    g.who,
                    g.through,
                    g.held_on,
                    g.source,
                    g.includes,
                    " ".join(g.roles_required),
                    g.table,
                    " ".join(g.levels),
                    g.scope,
                    g.when,
                    g.reaches,
                    g.decision,
                    " | ".join(str(p) for p in g.places),
                )
            )
        )
        if len(lines) >= lines_per_piece:
            yield "".join(lines).encode("utf-8")
            lines = []
    if lines:
        yield "".join(lines).encode("utf-8")


def manifest_entry(data: bytes) -> dict:
    """What the manifest says of one output file: its SHA-256 and size."""
    return _entry(hashlib.sha256(data), len(data))


def hashed_pieces(pieces: Iterator[bytes], on_done) -> Iterator[bytes]:
    """`pieces` passed through as they are read; then `on_done(manifest_entry of them all)`."""
    digest, size = hashlib.sha256(), 0
    for piece in pieces:
        digest.update(piece)
        size += len(piece)
        yield piece
    on_done(_entry(digest, size))


def _entry(digest, size: int) -> dict:
    return {"sha256": digest.hexdigest(), "bytes": size}


def render_manifest(input_digests: dict[str, str], outputs: dict[str, dict], namespace) -> bytes:
    """`manifest.json`; `outputs` maps each output's path to its `manifest_entry`."""
    doc = {
        "format_version": MANIFEST_FORMAT_VERSION,
        "compiler": {"name": "csmconf", "version": __version__},
        "namespace": str(namespace),
        "inputs": {
            path: {"sha256": digest}
            for path, digest in sorted(input_digests.items(), key=lambda kv: kv[0].encode())
        },
        "outputs": {
            path: entry for path, entry in sorted(outputs.items(), key=lambda kv: kv[0].encode())
        },
    }
    return (json.dumps(doc, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")
