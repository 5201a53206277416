"""The ServiceNow outputs: `servicenow/update_set.xml` and `servicenow/data/<table>.xml`.

    files = render_servicenow(config)    # relative POSIX path -> bytes
    for path, data in iter_servicenow(config): ...   # the same, one file at a time

Tables, columns and role names come from `csmconf.servicenow_names` alone;
`xml.py` is the one writer; `records.py` (configuration tables), `acls.py`
(ACLs and their script include) and `data.py` (Import XML) build records;
`update_set.py` wraps configuration records into an update set.
docs/servicenow.md says how to import them.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..rows import _Ids
from .data import iter_data
from .update_set import render_update_set

UPDATE_SET = "servicenow/update_set.xml"

__all__ = ["UPDATE_SET", "iter_servicenow", "render_servicenow"]


def iter_servicenow(config, tables=None, update_set: bool = True) -> Iterator[tuple[str, bytes]]:
    """The update set, then each Import XML file, one at a time; `tables` (keys of
    `servicenow_names.DATA_TABLES`) and `update_set` choose a part of them."""
    ids = _Ids(config.namespace)
    if update_set:
        yield UPDATE_SET, render_update_set(config, ids)
    yield from iter_data(config, ids, tables=tables)


def render_servicenow(config) -> dict[str, bytes]:
    return dict(iter_servicenow(config))
