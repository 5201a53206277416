"""`csmconf fmt`: canonical form, comments kept, meaning never changed."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli as run
from hypothesis import given, settings
from hypothesis import strategies as st

from csmconf.fmt import format_text
from csmconf.load import parse_text

REPO = Path(__file__).resolve().parents[1]
VALID = sorted(
    p
    for p in (REPO / "tests" / "cases" / "valid").glob("*/config/**/*.y*ml")
    if p.is_file() and not p.is_symlink() and not any(part.startswith(".") for part in p.parts)
)

SCRAMBLED = """\
# accounts of the north region
accounts:
  - parent: north   # the region
    name: "North-East"
    id: north-east
    code: "007"
  - {name: North, id: north}
version: 1
contacts:
  - account: north-east
    roles: [customer]   # plain customer
    id: nia
"""


def test_example_configuration_is_canonical():
    r = run("fmt", "--check")
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout == ""


def test_fmt_orders_keys_keeps_comments_and_meaning(tmp_path):
    (tmp_path / "a.yaml").write_text(SCRAMBLED, encoding="utf-8")
    check = run("fmt", str(tmp_path), "--check")
    assert check.returncode == 1
    assert check.stdout == "would reformat: a.yaml\n"
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == SCRAMBLED
    assert run("fmt", str(tmp_path)).returncode == 0
    new = (tmp_path / "a.yaml").read_text(encoding="utf-8")
    assert new.index("version: 1") < new.index("accounts:") < new.index("contacts:")
    assert (
        new.index("id: north-east") < new.index('name: "North-East"') < new.index("parent: north")
    )
    assert new.index("parent: north") < new.index('code: "007"'), "field order follows the spec"
    for comment in ("# accounts of the north region", "# the region", "# plain customer"):
        assert comment in new
    assert '"007"' in new, "quotes are kept: 007 must stay text"
    assert parse_text(new, "a.yaml").data == parse_text(SCRAMBLED, "a.yaml").data
    assert run("fmt", str(tmp_path), "--check").returncode == 0, "idempotent"
    assert run("validate", str(tmp_path)).returncode == 0


def test_fmt_refuses_files_that_do_not_parse(tmp_path):
    bad = "version: 1\naccounts:\n\t- id: x\n"
    (tmp_path / "bad.yaml").write_text(bad, encoding="utf-8")
    (tmp_path / "dup.yaml").write_text("version: 1\nversion: 1\n", encoding="utf-8")
    r = run("fmt", str(tmp_path))
    assert r.returncode == 2
    assert "CSM100" in r.stderr and "CSM101" in r.stderr
    assert (tmp_path / "bad.yaml").read_text(encoding="utf-8") == bad


@pytest.mark.parametrize(
    "path", VALID, ids=lambda p: p.relative_to(REPO / "tests" / "cases" / "valid").as_posix()
)
def test_fmt_keeps_meaning_of_every_valid_fixture(path):
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    once = format_text(text, path.name)
    assert parse_text(once, path.name).data == parse_text(text, path.name).data
    assert format_text(once, path.name) == once, "idempotent"


ids = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)
names = st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=20
)


@settings(max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(ids, names, st.booleans(), st.permutations(["id", "name", "partner"])),
        min_size=1,
        max_size=5,
    )
)
def test_fmt_roundtrip_property(rows):
    lines = ["accounts:"]
    for ident, name, partner, order in rows:
        values = {
            "id": ident,
            "name": '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"',
            "partner": "true" if partner else "false",
        }
        first, *rest = order
        lines.append(f"  - {first}: {values[first]}")
        lines.extend(f"    {key}: {values[key]}" for key in rest)
    lines.append("version: 1")
    text = "\n".join(lines) + "\n"
    new = format_text(text, "f.yaml")
    assert parse_text(new, "f.yaml").data == parse_text(text, "f.yaml").data
    assert new.startswith("version: 1\n")
    assert format_text(new, "f.yaml") == new
