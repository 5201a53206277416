"""Round trip: `compile` -> `servicenow/` exports -> `import servicenow` -> the same access.

In process: the compiler's own `render_outputs` writes the exports, the
importer reads them, the pipeline compiles the imported tree. Compared:
every decision of every principal on every declared target (through the ids
the export carried), and the ServiceNow files the imported tree compiles to.
What an export cannot carry is listed in docs/decisions.md ("Import").
"""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_roundtrip import decisions, generate, id_renaming, round_trip, write

REPO = Path(__file__).resolve().parents[1]
CONFIGS = REPO / "configs"
FEATURES = frozenset({"relationship_types", "when"})


def _servicenow(outputs: dict[str, bytes]) -> dict[str, bytes]:
    return {k: v for k, v in outputs.items() if k.startswith("servicenow/")}


def test_configs_round_trip_keeps_every_decision(tmp_path):
    original, imported, result, _outputs = round_trip(CONFIGS, tmp_path)
    rename = id_renaming(original, result)
    assert decisions(original, rename) == decisions(imported)
    # every entity came back (the map file names each exported sys_id)
    assert len(imported.config.accounts) == len(original.config.accounts)
    assert len(imported.config.contacts) == len(original.config.contacts)
    assert len(imported.config.sold_products) == len(original.config.sold_products)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_generated_configurations_round_trip_exactly(tmp_path_factory, rnd: random.Random):
    from csmconf.emit import render_outputs

    work = tmp_path_factory.mktemp("rt")
    write(generate(rnd, FEATURES), work / "configs")
    original, imported, result, outputs = round_trip(work / "configs", work)
    # ids written from names are recovered exactly from csmconf's sys_ids: no renaming
    assert id_renaming(original, result) == {
        k: k for k in id_renaming(original, result)
    }
    assert decisions(original) == decisions(imported)
    assert _servicenow(render_outputs(imported)) == _servicenow(outputs)
