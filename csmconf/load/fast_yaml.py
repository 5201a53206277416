"""The fast reader: YAML text -> plain data by rapidyaml and `json`, positions left for later.

libyaml's event stream, turned into Python objects event by event, is most of
the time `validate` spends on a large tree (docs/performance.md). rapidyaml
parses the same text in C++ about 20x faster and writes it out as JSON, which
`json.loads` turns into dicts and lists at C speed. Positions are not built
here: `ParsedDocument.root` builds them with the exact reader (yaml_events),
from the file read again (its digest checked; load/files.py), the first time
something asks for one, which for a clean file is usually never (a
diagnostic, an explanation, a compiled output asks).

The two readers must give the same data for every file this one accepts. It
accepts only what it can prove it reads the same way, and says None for the
rest, which then goes to the exact reader as before:

- text using YAML features the configuration language has no use for, or
  whose rules the two parsers might apply differently (tabs, carriage returns,
  anchors, aliases, tags, merge keys, block scalars, directives, document
  markers, complex keys, reserved indicators), found by a scan of the bytes;
- anything rapidyaml or `json` refuses (every syntax error lands here, so each
  is reported by the exact reader with its place);
- a root that is not a mapping, a duplicate key (rapidyaml keeps both; the
  count of nodes tells), nesting past MAX_DEPTH;
- a string that the YAML 1.2 core schema would read as a number, boolean or
  null if it was written plain: rapidyaml's JSON keeps some of those (`~`,
  `0x1F`, `TRUE`) as strings, and a quoted "1" looks the same in JSON
  (rare in configuration; such a file is simply read the exact way).

tests/test_fast_yaml.py compares the two readers on every fixture, the
example, the benchmark corpus and generated documents.
"""

from __future__ import annotations

import json
import os
import re
from contextlib import contextmanager

import ryml

from .yaml_events import _MAYBE_NOT_STR, MAX_DEPTH, resolve_plain

# Bytes that only matter at the start of a token (after a space, a flow indicator or at a
# line start): `& * !` anchors, aliases, tags; `@` and backtick are reserved; `%`
# directives; `?` complex keys; `|` and `>` block scalars; `] } , :` where no plain
# scalar may start (rapidyaml reads `a: ]` as text, libyaml refuses it).
_TOKEN_START_CHARS = b"&*!@`%?|>]},:"
_TOKEN_START = re.compile(rb"[ \n\[{,][&*!@`%?|>\]},:]")  # a line start is after "\n"...
_ANYWHERE = (b"\t", b"\r", b"<<")
_DOCUMENT_MARKER = re.compile(rb"^(?:---|\.\.\.)(?:[ \n]|\Z)", re.MULTILINE)


def _refuse_constant(name: str):
    raise ValueError(name)  # NaN or Infinity: the core schema spells them .nan and .inf


def needs_exact_reader(raw: bytes) -> bool:
    """Whether the bytes use a feature this reader leaves to the exact one."""
    for needle in _ANYWHERE:
        if needle in raw:
            return True
    if raw[:1] and raw[0] in _TOKEN_START_CHARS:  # ...or the file's start
        return True
    if _TOKEN_START.search(raw):  # (every file has `:`, so no cheaper find comes first)
        return True
    return (b"---" in raw or b"..." in raw) and _DOCUMENT_MARKER.search(raw) is not None


def read(raw: bytes) -> dict | None:
    """The document's data when this reader can give it exactly, else None."""
    if needs_exact_reader(raw):
        return None
    try:
        with _quiet_stderr():
            tree = ryml.parse_in_arena(raw)
        root = tree.root_id()
        if not tree.is_map(root):
            return None
        text = ryml.emit_json_malloc(tree, root)
        data = json.loads(text, parse_constant=_refuse_constant)
        if _count(data, 1) != tree.size():
            return None
    except Exception:  # noqa: BLE001 - any refusal (or _Refused): the exact reader reports it
        return None
    return data


class _Refused(Exception):
    pass


def _count(value, depth: int) -> int:
    """Nodes of `value` as rapidyaml counts them (a container or a scalar is one node).

    Raises _Refused past MAX_DEPTH, and for a string the core schema would read as
    something else if it was written plain: rapidyaml's JSON keeps `~`, `0x1F` or
    `TRUE` as strings, and a quoted "1" looks the same in JSON. (Keys need no such
    check: the exact reader keeps a key's text as written, as JSON does.)
    """
    if depth > MAX_DEPTH:
        raise _Refused
    n = 1
    children = value.values() if value.__class__ is dict else value
    for child in children:
        cls = child.__class__
        if cls is dict or cls is list:
            n += _count(child, depth + 1)
        else:
            n += 1
            if (
                cls is str
                and child
                and child[0] in _MAYBE_NOT_STR
                and resolve_plain(child) is not child
            ):
                raise _Refused
    return n


@contextmanager
def _quiet_stderr():
    """rapidyaml's C++ error handler prints to file descriptor 2 before it raises; the
    exact reader reports the problem instead, so that text must not reach the user."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, 2)
        finally:
            os.close(devnull)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
