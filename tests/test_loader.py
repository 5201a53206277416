"""Unit tests for the loader: YAML 1.2 core schema, positions, encodings, budgets."""

from __future__ import annotations

import math

import pytest
from conftest import describe

from csmconf.load import load_tree, parse_text
from csmconf.pipeline import compile_config


def parse(text: str):
    return parse_text(text, "f.yaml")


def codes(doc) -> list[str]:
    return [d.code for d in doc.diagnostics]


def place(d) -> tuple:
    return (d.place.file, d.place.line, d.place.column)


# -- YAML 1.2 core schema --------------------------------------------------------------------


@pytest.mark.parametrize("text", ["on", "off", "yes", "no", "NO", "Yes", "y", "n", "Off", "ON"])
def test_yaml11_booleans_are_strings(text):
    doc = parse(f"v: {text}\n")
    assert doc.diagnostics == []
    assert doc.data == {"v": text}
    assert type(doc.data["v"]) is str


@pytest.mark.parametrize(
    "text,value",
    [
        ("true", True),
        ("True", True),
        ("TRUE", True),
        ("false", False),
        ("False", False),
        ("FALSE", False),
    ],
)
def test_core_booleans(text, value):
    doc = parse(f"v: {text}\n")
    assert doc.diagnostics == []
    assert doc.data["v"] is value


@pytest.mark.parametrize("text", ["tRUE", "truE", "fAlse"])
def test_odd_case_booleans_are_strings(text):
    assert parse(f"v: {text}\n").data == {"v": text}


@pytest.mark.parametrize(
    "text,value",
    [
        ("007", 7),
        ("0", 0),
        ("-12", -12),
        ("+3", 3),
        ("0o7", 7),
        ("0o17", 15),
        ("0x1F", 31),
        ("0xff", 255),
    ],
)
def test_core_integers(text, value):
    doc = parse(f"v: {text}\n")
    assert doc.diagnostics == []
    assert doc.data["v"] == value
    assert type(doc.data["v"]) is int


def test_core_floats_and_specials():
    doc = parse("a: .inf\nb: -.inf\nc: .NaN\nd: 1.5\ne: 1e3\nf: +.Inf\n")
    assert doc.diagnostics == []
    data = doc.data
    assert data["a"] == math.inf
    assert data["b"] == -math.inf
    assert math.isnan(data["c"])
    assert data["d"] == 1.5
    assert data["e"] == 1000.0 and type(data["e"]) is float
    assert data["f"] == math.inf


@pytest.mark.parametrize("text", ["~", "null", "Null", "NULL", ""])
def test_core_nulls(text):
    assert parse(f"v: {text}\n").data == {"v": None}


@pytest.mark.parametrize("text", ["0o8", "0b101", "1_000", "0x", "12:30", "0777x", ".5.5"])
def test_non_core_numbers_are_strings(text):
    doc = parse(f"v: {text}\n")
    assert doc.diagnostics == []
    assert doc.data == {"v": text}


def test_quoted_values_stay_strings_and_raw_text_kept():
    doc = parse("a: '007'\nb: \"true\"\nc: 007\n")
    assert doc.data == {"a": "007", "b": "true", "c": 7}
    assert doc.root.values["c"].raw == "007"
    assert doc.root.values["a"].raw is None


def test_explicit_core_tags():
    doc = parse("a: !!str 007\nb: !!int '7'\nc: !!bool yes\n")
    assert doc.data["a"] == "007"
    assert doc.data["b"] == 7
    # `yes` is no core boolean: the tagged value cannot be read
    assert [(d.code, d.place.line) for d in doc.diagnostics] == [("CSM202", 3)]


def test_non_core_tags_are_csm202():
    doc = parse("a: !foo x\nb: !!binary aGk=\nc: !!python/object:os.system x\n")
    assert [(d.code, d.place.line, d.place.column) for d in doc.diagnostics] == [
        ("CSM202", 1, 4),
        ("CSM202", 2, 4),
        ("CSM202", 3, 4),
    ]


# -- positions ---------------------------------------------------------------------------------


def test_positions_are_one_based():
    doc = parse("version: 1\naccounts:\n  - id: a\n")
    assert (doc.root.keys["version"].line, doc.root.keys["version"].column) == (1, 1)
    assert (doc.root.values["version"].line, doc.root.values["version"].column) == (1, 10)
    item = doc.root.values["accounts"].items[0]
    assert (item.line, item.column) == (3, 5)
    assert (item.values["id"].line, item.values["id"].column) == (3, 9)


def test_columns_count_code_points():
    doc = parse("ää: x\nb: [éé, y]\n😀😀: z\n")
    assert doc.diagnostics == []
    assert doc.root.values["ää"].column == 5
    assert doc.root.values["b"].items[1].column == 9
    # astral characters count one each (not two UTF-16 units, not four bytes)
    assert doc.root.values["😀😀"].column == 5


def test_error_column_after_unicode():
    doc = parse("naïve: ünïcode: x\n")
    assert codes(doc) == ["CSM100"]
    assert place(doc.diagnostics[0]) == ("f.yaml", 1, 15)


def test_crlf_is_one_line_break():
    doc = parse("a: 1\r\nb: 2\r\nc: x\r\n")
    assert doc.diagnostics == []
    assert doc.data == {"a": 1, "b": 2, "c": "x"}
    assert (doc.root.values["c"].line, doc.root.values["c"].column) == (3, 4)
    dup = parse("a: 1\r\nb: 2\r\nb: 3\r\n")
    assert [(d.code, d.place.line, d.place.column) for d in dup.diagnostics] == [("CSM101", 3, 1)]


def test_crlf_file_through_the_tree(tmp_path):
    (tmp_path / "a.yaml").write_bytes(
        b"version: 1\r\naccounts:\r\n  - id: a\r\n    name: A\r\n    bogus: 1\r\n"
    )
    result = compile_config(tmp_path)
    assert [(d.code, d.place.line, d.place.column) for d in result.diagnostics] == [
        ("CSM201", 5, 5)
    ], describe(result.diagnostics)


def test_bom_is_accepted(tmp_path):
    (tmp_path / "a.yaml").write_bytes(
        b"\xef\xbb\xbfversion: 1\naccounts:\n  - id: a\n    name: A\n    bogus: 1\n"
    )
    tree = load_tree(tmp_path)
    assert tree.diagnostics == []
    assert tree.documents[0].data["version"] == 1
    assert "\ufeffversion" not in tree.documents[0].data
    # the BOM takes no column: the first key is at 1:1
    assert (
        tree.documents[0].root.keys["version"].line,
        tree.documents[0].root.keys["version"].column,
    ) == (1, 1)
    result = compile_config(tmp_path)
    assert [(d.code, d.place.line, d.place.column) for d in result.diagnostics] == [
        ("CSM201", 5, 5)
    ]


def test_bom_in_text():
    doc = parse("\ufeffa: 1\nb: 2\n")
    assert doc.diagnostics == []
    assert doc.data == {"a": 1, "b": 2}
    assert (doc.root.keys["a"].line, doc.root.keys["a"].column) == (1, 1)


# -- merge keys and duplicates ----------------------------------------------------------------


def test_merge_key_with_override():
    doc = parse("base: &b {x: 1, y: 2}\nrow:\n  <<: *b\n  y: 3\n")
    assert doc.diagnostics == []
    assert doc.data["row"] == {"x": 1, "y": 3}
    # the explicit key keeps its own place
    assert doc.root.values["row"].values["y"].line == 4


def test_merge_key_override_before_merge():
    doc = parse("base: &b {x: 1, y: 2}\nrow:\n  y: 3\n  <<: *b\n")
    assert doc.diagnostics == []
    assert doc.data["row"] == {"x": 1, "y": 3}


def test_merge_list_earlier_map_wins():
    doc = parse("a: &a {x: 1}\nb: &b {x: 2, z: 3}\nrow:\n  <<: [*a, *b]\n")
    assert doc.diagnostics == []
    assert doc.data["row"] == {"x": 1, "z": 3}


def test_merge_of_non_mapping_is_an_error():
    doc = parse("a: &a [1, 2]\nrow:\n  <<: *a\n")
    assert "CSM202" in codes(doc)


def test_duplicate_key_has_related_first_place():
    doc = parse("a: 1\nb: 2\na: 3\n")
    assert doc.data == {"a": 1, "b": 2}
    assert len(doc.diagnostics) == 1
    d = doc.diagnostics[0]
    assert d.code == "CSM101"
    assert place(d) == ("f.yaml", 3, 1)
    assert [(r.place.file, r.place.line, r.place.column) for r in d.related] == [("f.yaml", 1, 1)]
    assert "a" in d.message


def test_duplicate_key_in_flow_mapping():
    doc = parse("m: {a: 1, a: 2}\n")
    assert [(d.code, d.place.line, d.place.column) for d in doc.diagnostics] == [("CSM101", 1, 11)]
    assert [(r.place.line, r.place.column) for r in doc.diagnostics[0].related] == [(1, 5)]


def test_duplicate_nested_key():
    doc = parse("rows:\n  - id: a\n    name: x\n    name: y\n")
    assert [(d.code, d.place.line, d.place.column) for d in doc.diagnostics] == [("CSM101", 4, 5)]
    assert [(r.place.line, r.place.column) for r in doc.diagnostics[0].related] == [(3, 5)]


# -- budgets, encodings, documents ------------------------------------------------------------

LAUGHS = (
    "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
    "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
    "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
    "h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
    "i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]\n"
)


def test_alias_budget_is_csm104():
    doc = parse(LAUGHS)
    assert codes(doc) == ["CSM104"]
    d = doc.diagnostics[0]
    # at an alias, on a line that uses aliases
    assert d.place.line >= 2
    assert LAUGHS.splitlines()[d.place.line - 1][d.place.column - 1] == "*"


def test_small_aliases_are_fine():
    doc = parse("a: &a [1, 2]\nb: [*a, *a]\n")
    assert doc.diagnostics == []
    assert doc.data["b"] == [[1, 2], [1, 2]]


def test_alias_budget_through_compile(tmp_path):
    (tmp_path / "x.yaml").write_text("version: 1\n" + LAUGHS, encoding="utf-8")
    result = compile_config(tmp_path)
    assert [d.code for d in result.diagnostics] == ["CSM104"], describe(result.diagnostics)


@pytest.mark.parametrize(
    "raw",
    [
        "version: 1\naccounts:\n  - id: a\n    name: Caf\xe9\n".encode("latin-1"),
        b"version: 1\n\xff\xfe\n",
        "version: 1\n".encode("utf-16"),
        "version: 1\n".encode("utf-16-be"),
        "version: 1\n".encode("utf-32"),
    ],
    ids=["latin1", "invalid-bytes", "utf16-bom", "utf16-be-no-bom", "utf32"],
)
def test_non_utf8_is_csm104(tmp_path, raw):
    (tmp_path / "bad.yaml").write_bytes(raw)
    result = compile_config(tmp_path)
    assert [(d.code, d.place.file, d.place.line, d.place.column) for d in result.diagnostics] == [
        ("CSM104", "bad.yaml", 1, 1)
    ], describe(result.diagnostics)


def test_second_document_is_csm100():
    doc = parse("a: 1\n---\nb: 2\n")
    assert codes(doc) == ["CSM100"]
    assert place(doc.diagnostics[0]) == ("f.yaml", 2, 1)


def test_second_document_after_end_marker():
    doc = parse("a: 1\n...\n---\nb: 2\n")
    assert codes(doc) == ["CSM100"]
    assert doc.diagnostics[0].place.line == 3


def test_second_empty_document_is_csm100():
    doc = parse("a: 1\n---\n")
    assert codes(doc) == ["CSM100"]


def test_explicit_markers_on_a_single_document():
    doc = parse("---\na: 1\n...\n")
    assert doc.diagnostics == []
    assert doc.data == {"a": 1}


def test_tab_indentation_is_csm100():
    doc = parse("a:\n\t- 1\n")
    assert codes(doc) == ["CSM100"]
    assert doc.diagnostics[0].place.line == 2


@pytest.mark.parametrize("text", ["", "# only a comment\n", "\n\n"])
def test_empty_file_is_csm102(tmp_path, text):
    (tmp_path / "e.yaml").write_text(text, encoding="utf-8")
    result = compile_config(tmp_path)
    assert [(d.code, d.place.line, d.place.column) for d in result.diagnostics] == [
        ("CSM102", 1, 1)
    ]


def test_parse_text_never_raises_on_garbage():
    for text in [
        "\x00",
        "{",
        "[",
        "a: b: c",
        "&a *a",
        "*x",
        "- - - :",
        "? ? ?",
        "%YAML 1.1\n---\na: 1",
        "!<!> x",
    ]:
        doc = parse(text)
        assert isinstance(doc.diagnostics, list)


def test_load_tree_order_and_relative_paths(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.yaml").write_text("version: 1\n", encoding="utf-8")
    (tmp_path / "a.yml").write_text("version: 1\n", encoding="utf-8")
    (tmp_path / ".hidden.yaml").write_text("nonsense: [\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("nonsense: [\n", encoding="utf-8")
    tree = load_tree(tmp_path)
    assert [d.file for d in tree.documents] == ["a.yml", "b/z.yaml"]
    assert tree.diagnostics == []
