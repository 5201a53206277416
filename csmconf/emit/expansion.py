"""The full per-principal expansion, streamed: `csmconf what-can --all`.

Every non-denied (principal, level, table, target) of every principal, with
its decision, written as it is found: principal after principal, each one's
grants computed for it alone and dropped before the next (the engine's
`what_can(cache=False)`), so memory holds one principal's decisions at a
time, never the principals x targets product. The decisions are the
engine's own (`decide`), the same that `check` and `what-can PRINCIPAL` give.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator

from . import csv_cells

#: the columns of the CSV (and the keys of each JSON object), in order
COLUMNS = ("principal", "level", "table", "target", "decision")
FORMATS = ("csv", "json", "text")


def principals_in_order(config) -> list:
    """Every principal sorted by `kind:id` (bytewise), the order of the stream."""
    return sorted(config.principals, key=lambda p: (p.kind.encode(), p.id.encode()))


def decisions(engine, principals: Iterable) -> Iterator:
    """Yield the non-denied decisions of each principal in turn, nothing cached between them."""
    for p in principals:
        yield from engine.what_can(p, cache=False)


def stream(engine, fmt: str, write: Callable[[str], object], principals=None) -> int:
    """Write the expansion in `fmt` (csv, json or text) through `write`; return the row count."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r}: expected one of {', '.join(FORMATS)}")
    if principals is None:
        principals = principals_in_order(engine.config)
    rows = 0
    if fmt == "csv":
        write(csv_cells.row(COLUMNS))
        # every cell through csv_cells, each distinct value once: the values are the
        # configuration's targets and the language's words, so the memo grows with the
        # configuration, never with the rows
        cells: dict[str, str] = {}

        def cell(value: str) -> str:
            text = cells.get(value)
            if text is None:
                text = cells[value] = csv_cells.cell(value)
            return text

        for p in principals:
            head = csv_cells.cell(f"{p.kind}:{p.id}")
            for d in engine.what_can(p, cache=False):
                write(
                    f"{head},{cell(d.level)},{cell(d.table)},{cell(d.target)},{cell(d.decision)}\n"
                )
                rows += 1
    elif fmt == "json":
        # one document, written object by object: `access` is never held as a whole
        write('{\n  "format_version": 1,\n  "command": "what-can",\n  "all": true,\n  "access": [')
        for d in decisions(engine, principals):
            item = {k: getattr(d, k) for k in COLUMNS}
            write(("\n    " if rows == 0 else ",\n    ") + json.dumps(item, ensure_ascii=False))
            rows += 1
        write(("\n  ]" if rows else "]") + "\n}\n")
    else:
        for d in decisions(engine, principals):
            write(f"{d.principal:<32} {d.decision:<12} {d.level:<7} {d.table:<13} {d.target}\n")
            rows += 1
    return rows
