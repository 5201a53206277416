"""The ServiceNow outputs: `servicenow/update_set.xml` and `servicenow/data/<table>.xml`.

    files = render_servicenow(config)    # relative POSIX path -> bytes

Tables, columns and role names come from `csmconf.servicenow_names` alone;
`xml.py` is the one writer; `records.py` (configuration tables), `acls.py`
(ACLs and their script include) and `data.py` (Import XML) build records;
`update_set.py` wraps configuration records into an update set.
docs/servicenow.md says how to import them.
"""

from __future__ import annotations

from ..rows import _Ids
from .data import render_data
from .update_set import render_update_set

UPDATE_SET = "servicenow/update_set.xml"

__all__ = ["UPDATE_SET", "render_servicenow"]


def render_servicenow(config) -> dict[str, bytes]:
    ids = _Ids(config.namespace)
    files = {UPDATE_SET: render_update_set(config, ids)}
    files.update(render_data(config, ids))
    return files
