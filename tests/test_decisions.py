"""The example configuration `configs/` against the hand-written decision table.

`tests/decisions/configs_decisions.csv` lists every non-denied
(principal, level, table, target) of `configs/`; every other combination of
the declared principals, the three levels, the five tables and the declared
targets is denied.
"""

from __future__ import annotations

import csv

import pytest
from conftest import DECISIONS, describe

LEVELS = ("read", "write", "create")
TABLES = ("case", "sold_product", "account", "contact", "install_base")


def _expected() -> dict[tuple[str, str, str, str], str]:
    with open(DECISIONS / "configs_decisions.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    out = {}
    for row in rows:
        key = (row["principal"], row["level"], row["table"], row["target"])
        assert key not in out, f"row listed twice in the decision table: {key}"
        assert row["decision"] in ("allowed", "conditional"), row
        out[key] = row["decision"]
    return out


def test_example_config_is_clean(example_compilation):
    assert example_compilation.diagnostics == [], (
        "configs/ must compile without errors or warnings:\n"
        + describe(example_compilation.diagnostics)
    )


def test_example_tests_all_ran_and_passed(example_compilation):
    c = example_compilation
    assert c.tests_run, "the tests of configs/ did not run:\n" + describe(c.diagnostics)
    assert len(c.test_results) == len(c.config.tests) > 0
    failed = [r.to_dict() for r in c.test_results if not r.passed]
    assert not failed, f"failing tests in configs/: {failed}"


def test_decision_table_matches(example_compilation):
    c = example_compilation
    config, engine = c.config, c.engine
    principals = [
        *(config.contacts.values()),
        *(config.consumers.values()),
        *(config.users.values()),
    ]
    targets = [*config.accounts.values(), *config.sold_products.values()]
    expected = _expected()

    # Every principal and target named by the table is declared.
    declared_p = {p.ref for p in principals}
    declared_t = {t.ref for t in targets}
    for principal, level, table, target in expected:
        assert principal in declared_p, principal
        assert target in declared_t, target
        assert level in LEVELS and table in TABLES

    mismatches = []
    total = 0
    for p in principals:
        for level in LEVELS:
            for table in TABLES:
                for t in targets:
                    total += 1
                    key = (p.ref, level, table, t.ref)
                    want = expected.get(key, "denied")
                    got = engine.decide(p, level, table, t).decision
                    if got != want:
                        mismatches.append(f"{','.join(key)}: expected {want}, got {got}")
    assert total == 20 * 3 * 5 * 15
    assert not mismatches, f"{len(mismatches)} decisions differ:\n" + "\n".join(mismatches)


@pytest.mark.parametrize("via", ["who_can", "what_can"])
def test_who_can_and_what_can_agree_with_table(example_compilation, via):
    c = example_compilation
    config, engine = c.config, c.engine
    expected = _expected()
    got: dict[tuple, str] = {}
    if via == "what_can":
        for p in config.principals:
            for d in engine.what_can(p):
                got[(d.principal, d.level, d.table, d.target)] = d.decision
    else:
        for t in [*config.accounts.values(), *config.sold_products.values()]:
            for level in LEVELS:
                for table in TABLES:
                    for d in engine.who_can(level, table, t):
                        got[(d.principal, d.level, d.table, d.target)] = d.decision
    missing = sorted(set(expected) - set(got))
    extra = sorted(set(got) - set(expected))
    wrong = sorted(k for k in set(got) & set(expected) if got[k] != expected[k])
    assert not (missing or extra or wrong), f"missing {missing}\nextra {extra}\nwrong {wrong}"


def test_effective_enumeration_equals_decide_everywhere(example_compilation):
    """`effective()` (grant-driven, used by what-can and diff) must equal `decide()` on
    every principal x level x table x target, denied ones included."""
    engine = example_compilation.engine
    for principal in example_compilation.config.principals:
        found = engine.effective(principal)
        for target in engine.targets():
            for table in ("case", "sold_product", "account", "contact", "install_base"):
                for level in ("read", "write", "create"):
                    decided = engine.decide(principal, level, table, target).decision
                    enumerated = found.get((level, table, target.ref), ("denied",))[0]
                    assert enumerated == decided, (principal.ref, level, table, target.ref)
