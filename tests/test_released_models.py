"""The pipeline lets the pydantic models of most rows go once `resolve` has read them
(`Validated.release_models`, docs/performance.md): nothing a run reports or writes changes."""

from __future__ import annotations

import pytest
from conftest import CONFIGS, fixture_cases, report_of

from csmconf.emit import render_outputs
from csmconf.model.validate import MODELS_READ_AFTER_RESOLVE, Validated
from csmconf.pipeline import compile_config


@pytest.fixture
def keep_models(monkeypatch):
    """compile_config as it was before: every row keeps its model."""

    def kept():
        monkeypatch.setattr(Validated, "release_models", lambda self: None)

    return kept


@pytest.mark.parametrize(
    "root", [CONFIGS, *(c / "config" for c in fixture_cases())], ids=lambda p: p.parent.name
)
def test_releasing_the_models_changes_no_diagnostic_and_no_output(root, keep_models):
    released = compile_config(root)
    keep_models()
    kept = compile_config(root)
    assert report_of(released) == report_of(kept)
    assert [t.to_dict() for t in released.test_results] == [t.to_dict() for t in kept.test_results]
    if not released.errors:
        assert render_outputs(released) == render_outputs(kept)


def test_only_the_sections_read_later_keep_their_models():
    result = compile_config(CONFIGS)
    rows = {
        entity.row.section: entity.row
        for index in (result.config.contacts, result.config.roles, result.config.accounts)
        for entity in index.values()
        if entity.row is not None
    }
    assert rows["contacts"].model is None and rows["accounts"].model is None
    assert rows["roles"].model is not None and "roles" in MODELS_READ_AFTER_RESOLVE
    # the places of a released row are still found (the row keeps where it was written)
    contact = next(iter(result.config.contacts.values()))
    assert str(contact.place("name")).startswith("contacts")
