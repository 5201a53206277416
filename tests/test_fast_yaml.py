"""The fast reader (load/fast_yaml.py) against the exact one (load/yaml_events.py).

The fast reader may refuse any file (the exact reader then reads it), but what
it accepts it must read to the same data, and the exact reader must then find
the file clean: its positions are built from the text later, by the exact reader.
The comparisons run on every YAML file of the fixtures and the example, on
generated documents, and on whole fixture trees with every file sent to the
fast reader, whose diagnostics (places included) and outputs must be the same
as the exact reader's.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest
from conftest import CASES, REPO, fixture_cases, report_of
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from csmconf.diagnostics import LazyPlace, Place
from csmconf.emit import render_outputs
from csmconf.load import fast_yaml
from csmconf.load import files as load_files_module
from csmconf.load.yaml_events import parse_text
from csmconf.pipeline import compile_config


def _same(a, b) -> bool:
    """Equal data, NaN equal to NaN, and 1 never equal to 1.0 or True."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def assert_agrees(raw: bytes) -> bool:
    """The readers agree on `raw`; True when the fast reader accepted it."""
    fast = fast_yaml.read(raw)
    if fast is None:
        return False
    exact = parse_text(raw.decode("utf-8"), "f.yaml")
    assert not exact.diagnostics, (raw, exact.diagnostics)
    assert _same(fast, exact.data), (raw, fast, exact.data)
    return True


def _yaml_files() -> list[Path]:
    found = []
    for base in (CASES, REPO / "configs", REPO / "examples"):
        for dirpath, _dirs, names in os.walk(base):
            found.extend(Path(dirpath) / n for n in names if n.endswith((".yaml", ".yml")))
    return sorted(p for p in found if p.is_file())


YAML_FILES = _yaml_files()


def test_every_fixture_file_reads_the_same():
    accepted = 0
    for path in YAML_FILES:
        raw = path.read_bytes()
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            continue
        accepted += assert_agrees(raw)
    # Most files are plain configuration: the fast reader must take them, not refuse all.
    assert accepted > len(YAML_FILES) // 2, (accepted, len(YAML_FILES))


@pytest.mark.parametrize(
    "text",
    [
        "a: yes\nb: on\nc: No\n",  # YAML 1.1 booleans are strings in the core schema
        "a: '1'\nb: \"true\"\nc: 1\nd: true\n",
        "a: ~\n",
        "a: 0x1F\nb: 0o17\nc: 01\nd: +1\n",
        "a: .inf\nb: -.Inf\nc: .nan\nd: inf\ne: NaN\nf: Infinity\n",
        "a: Null\nb: NULL\nc: True\nd: FALSE\n",
        "a: 1e5\nb: 3.\nc: .5\nd: -.5\ne: -0\nf: 12e\ng: 1_000\n",
        "a: b\na: c\n",
        "a: {b: 1, b: 2}\n",
        "a: &x 1\nb: *x\n",
        "base: &b {x: 1}\nrow:\n  <<: *b\n",
        "a: !!str 1\n",
        "a: !!int '1'\n",
        "a: |\n  text\n",
        "a: >\n  folded\n  text\n",
        'a: "tab\\there"\n',
        'a: "\\u0001"\n',
        'a: "\\0"\n',
        "a: 'it''s'\nb: \"q\\\"uote\"\nc: 'back\\slash'\n",
        "a: [1, 'b', {c: d}]\nb: {x: [1, 2], y: null}\n",
        "a:\n  - x\n  -\n  - y\n",
        "a: x\n  continued\n",
        "a: 'multi\n  line'\n",
        "a: [\n  b,\n  c\n]\n",
        "? a\n: b\n",
        "%YAML 1.2\n---\na: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n...\n",
        "- a\n- b\n",
        "just text\n",
        "",
        "# only a comment\n",
        "a: 1\r\nb: 2\r\n",
        "a:\n\tb: 1\n",
        "a: @x\n",
        "a: `x`\n",
        "a: b: c\n",
        "a: - b\n",
        "a: [a, b,]\n",
        '"1": x\ntrue: y\nnull: z\n~: w\n',
        "a: 'ünïcødé'\nb: 😀\n",
        "a:" + " [" * 120 + "]" * 120 + "\n",
        'a: "x\\"true"\n',
        "a: \"\"\nb: ''\nc:\n",
    ],
)
def test_edge_cases_agree_or_are_refused(text: str):
    assert_agrees(text.encode("utf-8"))


@pytest.mark.parametrize(
    "text", ["a: 1\nb: [x, y]\nc: {d: 'e'}\n", 'version: 1\nrows:\n- id: "x"\n  n: 2\n']
)
def test_plain_configuration_is_accepted(text: str):
    assert assert_agrees(text.encode())


def test_refusals_print_nothing(capfd):
    # rapidyaml's C++ handler prints a parse error to stderr before raising.
    assert fast_yaml.read(b"a: b: c\n") is None
    assert fast_yaml.read(b"a: [\n  b\n]\n") is None
    captured = capfd.readouterr()
    assert (captured.out, captured.err) == ("", "")


_scalars = st.one_of(
    st.sampled_from(
        [
            "1",
            "-2",
            "0",
            "01",
            "0x1f",
            "1.5",
            "1e3",
            ".inf",
            ".nan",
            "~",
            "null",
            "Null",
            "true",
            "True",
            "yes",
            "on",
            "x",
            "a b",
            "''",
            '""',
            "'q''t'",
            '"a\\"b"',
            '"\\t"',
            '"é"',
            "é",
            "-",
            "--x",
            "'1'",
            '"true"',
            "[]",
            "{}",
            "[a, 1]",
            "{k: v}",
            "a#b",
            "a #c",
            "'#'",
            "ö: x",
        ]
    ),
    st.text(alphabet="ab1 .-:'\"#[]{},", min_size=1, max_size=6),
)
_keys = st.sampled_from(
    ["a", "b", "id", "1", "true", "'q'", '"k k"', "x-y", "a", "é", "~", "null", "0x1", "''"]
)


@st.composite
def _documents(draw, depth=0):
    """Block mappings and sequences of generated scalars and flow collections."""
    lines = []
    indent = "  " * depth
    for _ in range(draw(st.integers(1, 4))):
        key = draw(_keys)
        kind = draw(
            st.sampled_from(["scalar", "scalar", "seq", "map"] if depth < 3 else ["scalar"])
        )
        if kind == "scalar":
            lines.append(f"{indent}{key}: {draw(_scalars)}")
        elif kind == "seq":
            lines.append(f"{indent}{key}:")
            for _ in range(draw(st.integers(0, 3))):
                lines.append(f"{indent}- {draw(_scalars)}")
        else:
            lines.append(f"{indent}{key}:")
            lines.append(draw(_documents(depth + 1)))
    return "\n".join(lines)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_documents())
def test_generated_documents_agree_or_are_refused(text: str):
    assert_agrees((text + "\n").encode("utf-8"))


# -- whole trees: every file through the fast reader ----------------------------------------


@pytest.fixture
def every_file_fast(monkeypatch):
    monkeypatch.setattr(load_files_module, "FAST_MIN_BYTES", 0)


@pytest.mark.parametrize("case", fixture_cases(), ids=lambda p: p.name)
def test_fixture_trees_report_the_same_with_the_fast_reader(case: Path, every_file_fast):
    root = case / "config"
    exact = compile_config(root, fast_reader=False)
    fast = compile_config(root, fast_reader=True)
    assert report_of(fast) == report_of(exact)
    if not any(d.is_error for d in exact.diagnostics):
        assert render_outputs(fast) == render_outputs(exact)


def test_example_outputs_the_same_with_the_fast_reader(every_file_fast):
    exact = compile_config(REPO / "configs", fast_reader=False)
    fast = compile_config(REPO / "configs", fast_reader=True)
    # A clean run reads no position: files read fast still have their trees unbuilt...
    contacts = next(d for d in fast.tree.documents if d.file == "contacts.yaml")
    assert not contacts.has_positions
    first = next(iter(fast.config.contacts.values()))
    lazy = first.place("account")
    assert isinstance(lazy, LazyPlace)
    # ...and a place is found when read, the same as the exact reader's.
    exact_place = exact.config.contacts[first.id].place("account")
    assert type(exact_place) is Place
    assert lazy == exact_place and Place(*lazy) == exact_place
    assert str(lazy) == str(exact_place)
    assert contacts.has_positions
    # The outputs, which name where rows were written, are the same byte for byte.
    assert render_outputs(fast) == render_outputs(exact)


def test_a_diagnostic_in_a_fast_file_has_its_exact_place(tmp_path, every_file_fast):
    (tmp_path / "a.yaml").write_text(
        "version: 1\naccounts:\n- id: acme\n  name: Acme\n"
        "contacts:\n- id: c1\n  name: C One\n  account: nowhere\n"
    )
    exact = compile_config(tmp_path, fast_reader=False)
    fast = compile_config(tmp_path, fast_reader=True)
    assert [(d.code, str(d.place)) for d in fast.diagnostics] == [("CSM301", "a.yaml:8:12")]
    assert report_of(fast) == report_of(exact)
    assert all(type(d.place) is Place for d in fast.diagnostics)


def test_json_of_a_lazy_place_is_the_place(every_file_fast):
    fast = compile_config(REPO / "configs", fast_reader=True)
    contact = next(iter(fast.config.contacts.values()))
    lazy = contact.place("account")
    assert json.dumps(list(lazy)) == json.dumps(list(lazy.place))
    assert lazy.to_dict() == lazy.place.to_dict()
    assert sorted([lazy.place, lazy]) == [lazy.place, lazy.place]


def test_hostile_values_read_the_same_with_the_fast_reader(tmp_path, every_file_fast):
    """Escapes, control characters, quotes and a 1 MB value (tests/hostile_values.py)."""
    from hostile_values import write_config

    root = write_config(tmp_path / "hostile")
    exact = compile_config(root, fast_reader=False)
    fast = compile_config(root, fast_reader=True)
    assert report_of(fast) == report_of(exact)
    assert not any(d.is_error for d in exact.diagnostics)
    assert render_outputs(fast) == render_outputs(exact)
    for path in sorted(root.rglob("*.yaml")):
        assert_agrees(path.read_bytes())


def test_the_scale_corpus_reads_the_same_with_the_fast_reader(tmp_path):
    """The benchmark generator's tree (the shape of a company's tree), at its own sizes."""
    import subprocess
    import sys

    subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "generate_corpus.py"),
            "--scale",
            "0.1",
            "--out",
            str(tmp_path / "corpus"),
        ],
        check=True,
        capture_output=True,
    )
    root = tmp_path / "corpus"
    accepted = [assert_agrees(p.read_bytes()) for p in sorted(root.rglob("*.yaml"))]
    assert sum(accepted) > len(accepted) // 2
    exact = compile_config(root, fast_reader=False)
    fast = compile_config(root, fast_reader=True)
    assert report_of(fast) == report_of(exact)


def test_positions_are_read_again_from_the_file_and_a_changed_file_stops_the_run(
    tmp_path, every_file_fast
):
    from csmconf.errors import CannotRun

    text = "version: 1\naccounts:\n- id: acme\n  name: Acme\n"
    (tmp_path / "a.yaml").write_text(text)
    fast = compile_config(tmp_path, fast_reader=True)
    doc = fast.tree.documents[0]
    # Nothing of the text is kept, only where to read it again and its digest.
    assert not doc.has_positions and doc._text is None and doc._source is not None
    assert str(fast.config.accounts["acme"].place("name")) == "a.yaml:4:9"
    assert doc.has_positions
    # Changed between reading and needing a position: a clear refusal, not a wrong place.
    again = compile_config(tmp_path, fast_reader=True)
    (tmp_path / "a.yaml").write_text(text.replace("Acme", "Acme Ltd"))
    with pytest.raises(CannotRun, match="changed while csmconf was reading"):
        str(again.config.accounts["acme"].place("name"))


def test_places_found_a_file_at_a_time_let_each_position_tree_go(tmp_path, every_file_fast):
    from csmconf.diagnostics import find_places

    for name in ("a", "b"):
        (tmp_path / f"{name}.yaml").write_text(
            f"version: 1\naccounts:\n- id: {name}1\n  name: One\n- id: {name}2\n  name: Two\n"
        )
    result = compile_config(tmp_path, fast_reader=True)
    accounts = result.config.accounts
    places = [accounts[i].place("name") for i in ("b2", "a1", "b1", "a2")]
    docs = {d.file: d for d in result.tree.documents}
    assert not any(d.has_positions for d in docs.values())
    find_places(places)
    assert [str(p) for p in places] == ["b.yaml:6:9", "a.yaml:4:9", "b.yaml:4:9", "a.yaml:6:9"]
    # every tree was let go once its places were found, and no row kept a node of it
    assert not any(d.has_positions for d in docs.values())
    assert all(a.row._node is None for a in accounts.values())
    # read again later: built again from the file, the same places
    assert str(accounts["a2"].place("id")) == "a.yaml:5:7"
    assert docs["a.yaml"].has_positions
