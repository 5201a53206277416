"""A structural-mutation fuzzer over the example configs/ and every fixture in tests/cases.

Each case takes one seed tree, mutates one of its files 1-3 times, structurally (a key deleted,
duplicated or renamed, a scalar swapped for a list or a map, a wrong type, a hostile string,
deep nesting, anchors and aliases, truncation, a stray byte-order mark, NUL or bidi character)
and runs the real pipeline in-process on it (from memory: `compile_config(files=...)`), then
every diagnostics renderer. It must never raise: each outcome is a result with diagnostics,
the JSON and SARIF documents always parse, every diagnostic has a known code and a place in a
file of the case. Valid outcomes are also emitted now and then (every output rendered).

Reproducible (hypothesis derandomised); the case count is printed in the pytest summary.
"""

from __future__ import annotations

import copy
import json
import os
import re
import time

import yaml
from conftest import CASES, CONFIGS, SUMMARY
from emit_fixtures.emitkit import HOSTILE
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from csmconf.diagnostics import CODES
from csmconf.emit import render_outputs
from csmconf.load.files import discover
from csmconf.pipeline import compile_config
from csmconf.regular_files import read_regular
from csmconf.views.diagnostics import REPORTERS, Report

# 6,000 keeps the suite under 3 minutes on our 2-core machines; a deeper run:
# CSMCONF_FUZZ_CASES=100000 pytest tests/test_fuzz.py
CASES_WANTED = int(os.environ.get("CSMCONF_FUZZ_CASES", "6000"))
# hypothesis costs about as much per example as a case: each example runs a batch of cases
BATCH = 10
EMIT_EVERY = 25  # emitting costs ~10x a compile: every 25th valid outcome is emitted
SARIF_EVERY = 10  # SARIF is pretty-printed by the pure-Python JSON encoder: ~3x a compile

STRINGS = [v for v in HOSTILE.values() if len(v) < 300] + [
    "",
    " ",
    "\x1b[2J\x1b]0;t\x07",
    "a\u202eb",
    "\ufeffbom",
    "x\u0000y",
    "🧑\u200d💻" * 3,
    "ɪᴅ-ᴜɴɪᴄᴏᴅᴇ",
    "İstanbul",
    "e\u0301\u0301\u0301",
    "javascript:gs.getUserID()",
    "active=true^NQsys_idISNOTEMPTY",
    '=HYPERLINK("x")',
    "${{ github.token }}",
    "../../etc/passwd",
    "C:\\Windows",
    "0x1F",
    "1e309",
    "-.inf",
    "~",
    "null",
    "yes",
    "2024-01-01",
]
SCALARS = [None, True, False, 0, -1, 1, 2**70, 3.5, float("inf"), "", "x"]
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: the emitter is the hot spot
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ANCHOR_LINE = re.compile(r"^(\s*-?\s*)([A-Za-z_][\w-]*):[ \t]+(\S.*)$")


def render(fmt: str, diagnostics, root) -> str:
    return REPORTERS[fmt](Report(diagnostics, root))


def _seeds():
    seeds = []
    for root in [CONFIGS, *sorted(CASES.glob("*/*/config"))]:
        files, _diags = discover(root)
        data = {}
        for rel, real in files:
            try:
                data[rel] = read_regular(real, 1 << 20)
            except OSError:
                continue
        if data:
            seeds.append((root, data))
    return seeds


SEEDS = _seeds()
VALID_SEEDS = [i for i, (root, _files) in enumerate(SEEDS) if "invalid" not in root.parts]
PARSED: dict[tuple[int, str], object] = {}


def _parsed(index: int, rel: str, raw: bytes):
    """The file as plain data for structural mutation, or None (anchors, or it does not parse)."""
    key = (index, rel)
    if key not in PARSED:
        value = None
        text = raw.decode("utf-8", "replace")
        if "&" not in text and "*" not in text and len(text) < 200_000:
            try:
                value = yaml.load(text, Loader=_LOADER)
            except Exception:  # noqa: BLE001 - a fixture meant not to parse: text mutations only
                value = None
        PARSED[key] = value
    return PARSED[key]


def _slots(data, out, depth=0):
    """Every (container, key) below `data`."""
    if depth > 12:
        return
    if isinstance(data, dict):
        for k in list(data):
            out.append((data, k))
            _slots(data[k], out, depth + 1)
    elif isinstance(data, list):
        for i in range(len(data)):
            out.append((data, i))
            _slots(data[i], out, depth + 1)


def _replacement(rnd, value):
    choice = rnd.randrange(9)
    if choice == 0:
        return [value]
    if choice == 1:
        return {"value": value}
    if choice == 2:
        return rnd.choice(SCALARS)
    if choice == 3:
        return rnd.choice(STRINGS)
    if choice == 4:
        return str(value) + rnd.choice(STRINGS)
    if choice == 5:
        nested = value
        for _ in range(rnd.randrange(1, 80)):
            nested = [nested] if rnd.random() < 0.5 else {"k": nested}
        return nested
    if choice == 6:
        return [] if rnd.random() < 0.5 else {}
    if choice == 7 and isinstance(value, (list, dict)) and value:
        return next(iter(value.values())) if isinstance(value, dict) else value[0]
    return rnd.choice([value, None, [value, value]])


def mutate_data(rnd, data) -> tuple[object, str]:
    if rnd.random() < 0.03:
        return rnd.choice([[data], None, "text", 1, []]), "root retyped"
    slots: list = []
    _slots(data, slots)
    if not slots:
        return data, "nothing to mutate"
    container, key = rnd.choice(slots)
    op = rnd.randrange(6)
    if op == 0:
        del container[key]
        return data, f"deleted {key!r}"
    if op == 1 and isinstance(container, list):
        container.insert(key, copy.deepcopy(container[key]))
        return data, f"duplicated item {key}"
    if op == 2 and isinstance(container, dict):
        new = rnd.choice([f"{key}x", str(key).upper(), rnd.choice(STRINGS) or "k", "id", "version"])
        container[new] = container.pop(key)
        return data, f"renamed {key!r} to {new!r}"
    if op == 3:
        other_container, other_key = rnd.choice(slots)
        try:
            container[key], other_container[other_key] = other_container[other_key], container[key]
        except (KeyError, IndexError):
            pass
        return data, f"swapped {key!r} and {other_key!r}"
    container[key] = _replacement(rnd, container[key])
    return data, f"retyped {key!r}"


def mutate_text(rnd, text: str) -> tuple[str, str]:
    lines = text.split("\n")
    op = rnd.randrange(10)
    if op == 0:
        cut = rnd.randrange(len(text) + 1)
        return text[:cut], f"truncated at {cut}"
    if op == 1 and lines:
        i = rnd.randrange(len(lines))
        lines.insert(i, lines[i])
        return "\n".join(lines), f"duplicated line {i + 1}"
    if op == 2 and lines:
        i = rnd.randrange(len(lines))
        del lines[i]
        return "\n".join(lines), f"deleted line {i + 1}"
    if op == 3 and lines:
        i = rnd.randrange(len(lines))
        lines[i] = rnd.choice([" ", "  ", "\t", ""]) + lines[i][rnd.randrange(3) :]
        return "\n".join(lines), f"reindented line {i + 1}"
    if op == 4:
        spots = [i for i, line in enumerate(lines) if ANCHOR_LINE.match(line)]
        if len(spots) >= 2:
            a, b = sorted(rnd.sample(spots, 2))
            m = ANCHOR_LINE.match(lines[a])
            lines[a] = f"{m.group(1)}{m.group(2)}: &x{a} {m.group(3)}"
            mb = ANCHOR_LINE.match(lines[b])
            alias = f"*x{a}" if rnd.random() < 0.8 else "*nowhere"
            lines[b] = f"{mb.group(1)}{mb.group(2)}: {alias}"
            if rnd.random() < 0.3:
                lines.insert(b, f"{' ' * len(mb.group(1))}<<: *x{a}")
            return "\n".join(lines), f"anchor at line {a + 1}, alias at {b + 1}"
    if op == 5:
        at = rnd.randrange(len(text) + 1)
        ch = rnd.choice(
            ["\ufeff", "\x00", "\u202e", "\u2028", "\r", "\x85", "\t", "é", "😀", "\x1b"]
        )
        return text[:at] + ch + text[at:], f"inserted {ch!r} at {at}"
    if op == 6:
        extra = rnd.choice(
            [
                "\n---\nversion: 1\n",
                "\n...\n",
                "\nroles: !!python/object/apply:os.system ['true']\n",
                "\nx: !custom 1\n",
                (
                    "\nbomb: &a [1,1,1,1,1,1,1,1]\nb2: &b [*a,*a,*a,*a,*a,*a,*a,*a]\n"
                    "b3: &c [*b,*b,*b,*b,*b,*b,*b,*b]\nb4: [*c,*c,*c,*c,*c,*c,*c,*c]\n"
                ),
                "\n" + "[" * 200 + "]" * 200 + "\n",
                "\nversion: 2\n",
            ]
        )
        at = rnd.randrange(len(text) + 1)
        return text[:at] + extra + text[at:], f"inserted {extra[:20]!r} at {at}"
    if op == 7 and len(lines) > 1:
        i, j = rnd.sample(range(len(lines)), 2)
        lines[i], lines[j] = lines[j], lines[i]
        return "\n".join(lines), f"swapped lines {i + 1} and {j + 1}"
    if op == 8:
        return text.replace("\n", "\r\n"), "CRLF line ends"
    value = rnd.choice(STRINGS)
    quoted = json.dumps(value, ensure_ascii=rnd.random() < 0.5)  # JSON strings are YAML
    spots = [i for i, line in enumerate(lines) if ANCHOR_LINE.match(line)]
    if spots:
        i = rnd.choice(spots)
        m = ANCHOR_LINE.match(lines[i])
        lines[i] = f"{m.group(1)}{m.group(2)}: {quoted}"
        return "\n".join(lines), f"value of line {i + 1} set to {quoted[:30]}"
    return text, "unchanged"


def mutate_case(rnd) -> tuple[object, dict[str, bytes], list[str]]:
    # the valid seeds (the example and tests/cases/valid) more often: their mutants reach the
    # resolver, the engine, the checks and the emitters, not only the loader's refusals
    index = rnd.choice(VALID_SEEDS) if rnd.random() < 0.4 else rnd.randrange(len(SEEDS))
    root, files = SEEDS[index]
    files = dict(files)
    rel = rnd.choice(sorted(files))
    raw = files[rel]
    log = [f"{root.relative_to(CONFIGS.parent)}/{rel}"]
    data = _parsed(index, rel, raw)
    steps = rnd.choice((1, 1, 2, 3))
    if data is not None and rnd.random() < 0.6:
        data = copy.deepcopy(data)
        for _ in range(steps):
            data, what = mutate_data(rnd, data)
            log.append(what)
        text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
        steps = rnd.randrange(0, 2)
    else:
        text = raw.decode("utf-8", "surrogateescape")
    for _ in range(steps):
        text, what = mutate_text(rnd, text)
        log.append(what)
    raw = text.encode("utf-8", "surrogateescape")
    if rnd.random() < 0.02:
        at = rnd.randrange(len(raw) + 1)
        raw = raw[:at] + b"\xff" + raw[at:]
        log.append(f"invalid UTF-8 byte at {at}")
    files[rel] = raw
    return root, files, log


def check_case(root, files: dict[str, bytes], stats: dict) -> None:
    result = compile_config(root, files=files)
    stats["cases"] += 1
    for d in result.diagnostics:
        assert d.code in CODES, d
        assert d.place.file in files or d.place.file.startswith("<"), d
        assert d.place.line >= 0 and d.place.column >= 0, d
    if result.errors:
        stats["errors"] += 1
        assert any(d.is_error for d in result.diagnostics)
    else:
        stats["valid"] += 1
    doc = json.loads(render("json", result.diagnostics, root))
    assert doc["counts"] == {"errors": result.errors, "warnings": result.warnings}
    assert len(doc["diagnostics"]) == len(result.diagnostics)
    if stats["cases"] % SARIF_EVERY == 0:
        sarif = json.loads(render("sarif", result.diagnostics, root))
        assert len(sarif["runs"][0]["results"]) == len(result.diagnostics)
    assert isinstance(render("text", result.diagnostics, root), str)
    assert isinstance(render("github", result.diagnostics, root), str)
    if not result.errors and stats["valid"] % EMIT_EVERY == 1:
        outputs = render_outputs(result)
        json.loads(outputs["manifest.json"])
        json.loads(outputs["acl/rules.json"])
        stats["emitted"] += 1


def test_structural_mutation_fuzzer():
    stats = {"cases": 0, "errors": 0, "valid": 0, "emitted": 0}

    @settings(
        max_examples=CASES_WANTED // BATCH,
        deadline=None,
        database=None,
        derandomize=True,
        phases=(Phase.generate, Phase.shrink),
        suppress_health_check=list(HealthCheck),
    )
    @given(st.randoms(use_true_random=True))  # seeded by hypothesis; far cheaper per call
    def case(rnd):
        for _ in range(BATCH):
            root, files, log = mutate_case(rnd)
            try:
                check_case(root, files, stats)
            except BaseException:
                print("mutations:", *log, sep="\n  ")
                raise

    started = time.perf_counter()
    case()
    elapsed = time.perf_counter() - started
    line = (
        f"fuzz: {stats['cases']} structural-mutation cases in {elapsed:.1f}s over {len(SEEDS)} "
        f"seed trees: {stats['errors']} with errors, {stats['valid']} valid "
        f"({stats['emitted']} emitted), no exception"
    )
    SUMMARY.append(line)
    print(line)
    assert stats["cases"] >= CASES_WANTED
    assert stats["errors"] and stats["valid"]  # both kinds of outcome were exercised
