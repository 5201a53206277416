"""Text output escapes terminal control and bidi characters from config values; JSON keeps them."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from conftest import write_tree
from hypothesis import given
from hypothesis import strategies as st

from csmconf.cli import main
from csmconf.terminal import escape, escape_lines

# Any of these reaching a terminal raw acts on it (colour, title, cursor, erase, order of text).
RAW = re.compile(
    "[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"
)


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("\x1b[2J", "\\x1b[2J"),  # ESC: erase the screen
        ("\x9b31m", "\\x9b31m"),  # one-byte CSI
        ("\x1b]0;title\x07", "\\x1b]0;title\\a"),  # OSC: retitle the window, BEL
        ("ok\rFAKE", "ok\\rFAKE"),  # CR: overwrite the line
        ("abc\b\b\bxyz", "abc\\b\\b\\bxyz"),  # backspace
        ("user\u202etxt.exe", "user\\u202etxt.exe"),  # right-to-left override
        ("a\u2066b\u2069", "a\\u2066b\\u2069"),  # isolates
        ("x\u2028y", "x\\u2028y"),  # line separator
        ("a\nb", "a\\nb"),
        ("del\x7f", "del\\x7f"),
        ("nul\x00", "nul\\x00"),
        ("bad\udcff.yaml", "bad\\udcff.yaml"),  # a file name that is not UTF-8
        ("tab\tkept é 日本 😀 \\x1b", "tab\tkept é 日本 😀 \\x1b"),  # printable: as it is
    ],
)
def test_escape(raw, shown):
    assert escape(raw) == shown
    assert not RAW.search(escape(raw))


def test_escape_lines_keeps_line_feeds_only():
    assert escape_lines("one\x1b\ntwo\r\n") == "one\\x1b\ntwo\\r\n"


@given(st.text())
def test_escaped_text_never_holds_a_raw_control(text):
    assert not RAW.search(escape(text))
    assert escape_lines(text) == "\n".join(escape(part) for part in text.split("\n"))
    escape(text).encode("utf-8")  # raises if a lone surrogate were left to break printing


HOSTILE_FILE = "\x1b]0;pwned\x07\u202eevil.yaml"


@pytest.fixture
def hostile(tmp_path):
    root = write_tree(
        tmp_path / "cfg",
        {
            "accounts.yaml": """\
                version: 1
                accounts:
                  - id: acme
                    name: Acme
                    type: customer
                    parent: "x\\e[2J\\u202e"
            """,
        },
    )
    # a file whose name is an escape sequence, holding an unknown section named with one
    (root / HOSTILE_FILE).write_text('version: 1\n"bad\\e[31m\\r": []\n', encoding="utf-8")
    # a raw control character in the source: the caret line shows it escaped
    (root / "raw.yaml").write_bytes(b"version: 1\naccounts: [\x1b]\n")
    return root


def _run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_validate_text_shows_config_values_escaped(hostile):
    r = _run("validate", str(hostile))
    assert r.exit_code == 1
    text = r.stdout
    assert not RAW.search(text.replace("\n", "")), repr(text)
    assert "\\x1b]0;pwned\\a\\u202eevil.yaml" in text  # the file name, visible
    assert "\\x1b[31m\\r" in text  # the section name, visible
    # the caret of the raw ESC sits under its escaped form
    lines = text.splitlines()
    source = next(i for i, line in enumerate(lines) if "accounts: [\\x1b]" in line)
    caret_col = lines[source + 1].index("^")
    assert lines[source][caret_col] in "\\]"


def test_json_output_is_unaffected(hostile):
    r = _run("validate", str(hostile), "--format", "json")
    doc = json.loads(r.stdout)
    files = {d["file"].rsplit("/", 1)[-1] for d in doc["diagnostics"]}
    assert HOSTILE_FILE in files  # the real name, JSON-escaped on the wire
    assert any("bad\x1b[31m\r" in d["message"] for d in doc["diagnostics"])
    assert "\x1b" not in r.stdout  # json.dumps wrote it as \u001b


def test_errors_on_stderr_are_escaped(tmp_path):
    missing = tmp_path / "no\x1b[2Jdir"
    r = _run("validate", str(missing))
    assert r.exit_code == 2
    assert "\x1b" not in r.stderr and "no\\x1b[2Jdir" in r.stderr


def test_github_annotations_are_escaped_too(hostile):
    """A CI log renders ANSI sequences: the github format escapes values like text does."""
    r = _run("validate", str(hostile), "--format", "github")
    assert r.exit_code == 1
    assert not RAW.search(r.stdout.replace("\n", ""))
    assert "\\x1b]0;pwned\\a\\u202eevil.yaml" in r.stdout
    assert all(line.startswith("::") for line in r.stdout.splitlines())  # one line each
