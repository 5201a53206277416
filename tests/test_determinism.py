"""Byte-identical output whatever PYTHONHASHSEED, the order files were created in, the locale and
where the tree lies (CLI.md "Generated output"). A few real runs of `python -m csmconf compile`."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from conftest import CONFIGS, run_cli


def copy_in_reverse(src: Path, dst: Path) -> None:
    """Copy `src` to `dst`, creating every directory and file in reverse order of the original."""
    entries = sorted(src.rglob("*"), key=lambda p: p.as_posix(), reverse=True)
    dst.mkdir(parents=True)
    for path in sorted((p for p in entries if p.is_dir()), key=lambda p: len(p.parts)):
        (dst / path.relative_to(src)).mkdir(parents=True, exist_ok=True)
    for path in entries:
        if path.is_file():
            target = dst / path.relative_to(src)
            shutil.copyfile(path, target)
            os.utime(target, (1_000_000_000, 1_000_000_000 + len(path.name)))


def digests(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_compile_is_byte_identical_across_hash_seeds_file_order_and_place(tmp_path):
    reversed_tree = tmp_path / "deeper" / "elsewhere" / "cfg"
    copy_in_reverse(CONFIGS, reversed_tree)
    runs = [
        (CONFIGS, {"PYTHONHASHSEED": "0", "LC_ALL": "C"}),
        (reversed_tree, {"PYTHONHASHSEED": "4242", "LC_ALL": "C.UTF-8"}),
        (reversed_tree, {"PYTHONHASHSEED": "987654321", "TZ": "Pacific/Kiritimati"}),
    ]
    outputs = []
    for i, (config, env) in enumerate(runs):
        out = tmp_path / f"out{i}"
        r = run_cli("compile", str(config), "-o", str(out), env=env)
        assert r.returncode == 0, r.stderr
        outputs.append(digests(out))
    assert outputs[0] == outputs[1] == outputs[2]
    assert "manifest.json" in outputs[0] and len(outputs[0]) >= 5
    # and the committed generated/ is that same output
    assert outputs[0] == digests(CONFIGS.parent / "generated")
