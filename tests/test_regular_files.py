"""The loader reads only regular files: a FIFO, a device or a socket named *.yaml is CSM104, never
opened; the tests would hang (and time out) if one were."""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import REPO, write_tree

from csmconf.regular_files import NotRegularFile, read_regular

CONFIG = {
    "accounts.yaml": """\
        version: 1
        accounts:
          - id: acme
            name: Acme
            type: customer
    """,
}


def _within(seconds: float, fn, *args):
    """Run fn(*args) in a thread; fail (instead of hanging the suite) when it does not return."""
    box: dict = {}

    def run():
        try:
            box["value"] = fn(*args)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"{fn.__name__} did not return within {seconds}s (blocked?)"
    if "error" in box:
        raise box["error"]
    return box["value"]


@pytest.fixture
def hostile_tree(tmp_path):
    root = write_tree(tmp_path / "cfg", CONFIG)
    os.mkfifo(root / "pipe.yaml")
    sub = root / "nested"
    sub.mkdir()
    os.mkfifo(sub / "deep.yml")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.bind(str(root / "sock.yaml"))
    # a link inside the tree to the FIFO: the target is what counts
    (root / "via-link.yaml").symlink_to(root / "pipe.yaml")
    kinds = {"pipe.yaml": "FIFO", "nested/deep.yml": "FIFO", "sock.yaml": "socket"}
    try:
        # like /dev/zero (endless bytes); mknod needs privileges, so only where we have them
        os.mknod(root / "zero.yaml", stat.S_IFCHR | 0o600, os.makedev(1, 5))
        kinds["zero.yaml"] = "character device"
    except OSError:
        pass
    yield root, kinds
    sock.close()


def test_fifo_socket_and_device_are_csm104_not_opened(hostile_tree):
    from csmconf.pipeline import compile_config

    root, kinds = hostile_tree
    result = _within(20, compile_config, root)
    by_file = {d.place.file: d for d in result.diagnostics if d.code == "CSM104"}
    for rel, kind in kinds.items():
        assert rel in by_file, (rel, [d.message for d in result.diagnostics])
        assert kind in by_file[rel].message and "not a regular file" in by_file[rel].message
    # the FIFO reached through a link inside the tree is refused too: the target is what counts
    assert "FIFO" in by_file["via-link.yaml"].message
    assert result.config.lookup("account:acme") is not None  # the real file still loads
    assert set(result.tree.digests) == {"accounts.yaml"}


def test_validate_text_output_does_not_read_the_fifo_for_its_caret(hostile_tree):
    """The text renderer shows the source line of each diagnostic: it must not open the FIFO."""
    root, _kinds = hostile_tree
    r = subprocess.run(
        [sys.executable, "-m", "csmconf", "validate", str(root)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    assert r.returncode == 1
    assert "pipe.yaml:1:1: error CSM104: a named pipe (FIFO), not a regular file" in r.stdout
    assert "Traceback" not in r.stderr


def test_read_regular_refuses_a_fifo_swapped_in_after_the_check(tmp_path):
    """The race: the check saw a file, then a FIFO took its place; the open must not block."""
    path = tmp_path / "x.yaml"
    os.mkfifo(path)
    with pytest.raises(NotRegularFile, match="FIFO"):
        _within(10, read_regular, path, 1024)
    with pytest.raises(NotRegularFile, match="character device"):
        _within(10, read_regular, "/dev/zero", 1024)
    (tmp_path / "ok.yaml").write_bytes(b"version: 1\n")
    assert read_regular(tmp_path / "ok.yaml", 1024) == b"version: 1\n"


def test_fmt_skips_what_it_cannot_read(hostile_tree):
    from csmconf.fmt import format_tree

    root, _kinds = hostile_tree
    result = _within(20, format_tree, root, True)
    assert {d.place.file for d in result.diagnostics} >= {"pipe.yaml", "sock.yaml"}


def test_a_file_over_the_size_limit_is_csm104_and_not_read(tmp_path):
    from csmconf.load.files import MAX_FILE_BYTES
    from csmconf.pipeline import compile_config

    root = write_tree(tmp_path / "cfg", CONFIG)
    with open(root / "huge.yaml", "wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)  # sparse: no disk used, and reading it would be slow
    result = _within(20, compile_config, root)
    (d,) = [d for d in result.diagnostics if d.place.file == "huge.yaml"]
    assert d.code == "CSM104" and f"the limit is {MAX_FILE_BYTES:,}" in d.message


def test_fmt_refuses_a_file_that_became_a_fifo_after_loading(tmp_path, monkeypatch):
    from csmconf import fmt

    root = write_tree(tmp_path / "cfg", {"a.yaml": "accounts: []\nversion: 1\n"})
    real_load = fmt.load_tree

    def load_then_swap(path):
        tree = real_load(path)
        (root / "a.yaml").unlink()
        os.mkfifo(root / "a.yaml")  # the race: a FIFO takes the file's place
        return tree

    monkeypatch.setattr(fmt, "load_tree", load_then_swap)
    result = _within(20, fmt.format_tree, root, False)
    assert "FIFO" in result.refused["a.yaml"]
    assert stat.S_ISFIFO(os.lstat(root / "a.yaml").st_mode)  # not replaced, not written


def test_a_file_longer_than_its_stat_size_is_read_whole_and_still_limited(tmp_path):
    from csmconf.regular_files import FileTooLarge

    # /proc files are regular files whose fstat size is 0: what is read past the size given
    status = Path("/proc/self/status")
    if not status.exists():
        pytest.skip("no /proc on this system")
    data = read_regular(status, limit=1 << 20)
    assert data.startswith(b"Name:") and len(data) > 1
    with pytest.raises(FileTooLarge):
        read_regular(status, limit=4)
    small = tmp_path / "a.yaml"
    small.write_bytes(b"version: 1\n")
    assert read_regular(small, limit=11) == b"version: 1\n"
    with pytest.raises(FileTooLarge):
        read_regular(small, limit=10)
