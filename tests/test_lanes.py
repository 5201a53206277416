"""The second rendering process (csmconf/emit/lanes.py): same bytes, or none of its own.

Whatever happens to the child (it fails, it is killed, it cannot be forked),
the files come out the same: read from its spool or rendered here instead.
"""

from __future__ import annotations

import os
import signal
import time

import pytest
from conftest import CASES, CONFIGS, describe, run_cli
from emit_fixtures.emitkit import compile_tree, write_hostile_config

from csmconf import machine
from csmconf.emit import OtherLane, content_bytes, iter_outputs, lanes, render_outputs
from csmconf.emit.lanes import Lane, workers


def _files(compilation, **kwargs) -> dict[str, bytes]:
    return {p: content_bytes(d) for p, d in iter_outputs(compilation, **kwargs)}


def _compiled(path):
    from csmconf.pipeline import compile_config

    c = compile_config(path)
    assert c.errors == 0, describe(c.diagnostics)
    return c


def test_two_processes_write_the_files_of_one(tmp_path, monkeypatch):
    spooled = []
    real = Lane._spooled
    monkeypatch.setattr(Lane, "_spooled", lambda self: spooled.append(real(self)) or spooled[-1])
    hostile = compile_tree(write_hostile_config(tmp_path / "hostile"))
    for c in (_compiled(CONFIGS), hostile):
        streamed = [(p, content_bytes(d)) for p, d in iter_outputs(c, workers=2)]
        assert dict(streamed) == render_outputs(c)
        assert streamed[-1][0] == "manifest.json"
    assert spooled == [True, True]  # the child's files, not the fallback's


def test_a_tree_of_one_dialect_in_two_processes(tmp_path):
    (tmp_path / "s.yaml").write_text(
        "version: 1\nsettings:\n  dialects: [sqlite]\n", encoding="utf-8"
    )
    c = _compiled(tmp_path)
    assert _files(c, workers=2) == render_outputs(c)


def _lane_files(parent: int, fail_in_child):
    """Three files, the second in pieces; `fail_in_child` runs in the child after the first."""

    def produce():
        yield "a.txt", b"first"
        if os.getpid() != parent:
            fail_in_child()
        yield "b.txt", iter([b"sec", b"", b"ond"])
        yield "c.txt", b""

    return produce


EXPECTED = {"a.txt": b"first", "b.txt": b"second", "c.txt": b""}


def _read(lane: Lane) -> dict[str, bytes]:
    return {p: content_bytes(d) for p, d in lane.files()}


def test_spooled_files_come_back_in_order_and_the_child_is_reaped():
    lane = Lane(_lane_files(os.getpid(), lambda: None))
    pid = lane.pid
    assert pid and pid != os.getpid()
    files = [(p, content_bytes(d)) for p, d in lane.files()]
    assert files == list(EXPECTED.items())
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    assert lane.spool is None


def _raise():
    raise MemoryError("child out of memory")


def _killed():
    os.kill(os.getpid(), signal.SIGKILL)


@pytest.mark.parametrize(
    "fail", [_raise, _killed, lambda: os._exit(0)], ids=["raises", "killed", "exits early"]
)
def test_a_failed_child_costs_time_not_files(fail):
    lane = Lane(_lane_files(os.getpid(), fail))
    assert lane.pid
    assert _read(lane) == EXPECTED  # rendered here instead, whole
    assert not lane.used


def test_no_fork_renders_here(monkeypatch):
    def no_fork():
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(lanes.os, "fork", no_fork)
    lane = Lane(_lane_files(os.getpid(), _raise))
    assert lane.pid is None and lane.spool is None
    assert _read(lane) == EXPECTED


def _never_ends():
    yield "a.txt", b"x"
    signal.pause()  # the child would wait forever


def test_closed_before_reading_stops_the_child():
    lane = Lane(_never_ends)
    pid = lane.pid
    lane.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    assert lane.pid is None and lane.spool is None


def test_a_stream_given_up_early_leaves_no_child(tmp_path):
    c = _compiled(CONFIGS)
    stream = iter_outputs(c, workers=2)
    _path, data = next(stream)  # the child is running now
    content_bytes(data)
    children = _children()
    assert children
    stream.close()
    assert not (_children() & children)


def _children() -> set[int]:
    me = os.getpid()
    found = set()
    for task in os.listdir(f"/proc/{me}/task"):
        with open(f"/proc/{me}/task/{task}/children") as fh:
            found.update(int(p) for p in fh.read().split())
    return found


@pytest.mark.parametrize("value, expected", [("1", 1), ("2", 2), ("16", 2), (" 1 ", 1)])
def test_jobs_from_the_environment(value, expected):
    assert workers({lanes.JOBS_ENV: value}) == expected


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5"])
def test_bad_jobs_are_refused(value):
    with pytest.raises(ValueError, match="CSMCONF_JOBS"):
        workers({lanes.JOBS_ENV: value})


def test_jobs_default_follows_the_cores_and_the_input(monkeypatch):
    monkeypatch.setattr(machine, "cgroup_cpu_quota", lambda: None)
    monkeypatch.setattr(machine, "available_memory", lambda: None)
    monkeypatch.setattr(machine.os, "sched_getaffinity", lambda _pid: {0})
    assert workers({}) == 1
    monkeypatch.setattr(machine.os, "sched_getaffinity", lambda _pid: {0, 1, 2})
    assert workers({}) == 2
    assert workers({}, input_bytes=lanes.MIN_INPUT_BYTES) == 2
    assert workers({}, input_bytes=lanes.MIN_INPUT_BYTES - 1) == 1
    assert workers({lanes.JOBS_ENV: "2"}, input_bytes=10) == 2  # asked for: always


def test_no_second_process_without_memory_to_spare(monkeypatch):
    monkeypatch.setattr(machine, "cgroup_cpu_quota", lambda: None)
    monkeypatch.setattr(machine.os, "sched_getaffinity", lambda _pid: {0, 1})
    size = 12_500_000
    need = 4 * (10 * size + 150_000_000)
    monkeypatch.setattr(machine, "available_memory", lambda: need)
    assert workers({}, input_bytes=size) == 2
    monkeypatch.setattr(machine, "available_memory", lambda: need - 1)
    assert workers({}, input_bytes=size) == 1
    assert workers({lanes.JOBS_ENV: "2"}, input_bytes=size) == 2  # asked for: always
    monkeypatch.setattr(machine, "available_memory", lambda: None)  # not Linux: not known
    assert workers({}, input_bytes=size) == 2


def test_the_tree_counts_its_input_bytes():
    c = _compiled(CONFIGS)
    assert (
        c.tree.input_bytes == sum((CONFIGS / p).stat().st_size for p in c.tree.digests)
        and c.tree.input_bytes > 0
    )


def test_cli_refuses_bad_jobs_before_any_work(tmp_path):
    out = tmp_path / "out"
    r = run_cli("compile", str(CONFIGS), "-o", str(out), env={"CSMCONF_JOBS": "many"})
    assert r.returncode == 2, r
    assert r.stdout == ""
    assert "CSMCONF_JOBS='many': expected a whole number, 1 or more" in r.stderr
    assert not out.exists()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_cli_compile_with_either_count_writes_the_committed_output(tmp_path, jobs):
    from csmconf.emit import compare_outputs

    out = tmp_path / "out"
    r = run_cli(
        "--cache-dir",
        str(tmp_path / "cache"),
        "compile",
        str(CONFIGS),
        "-o",
        str(out),
        env={"CSMCONF_JOBS": jobs},
    )
    assert r.returncode == 0, r
    assert compare_outputs(render_outputs(_compiled(CONFIGS)), out) == []


# -- started ahead, while the graph is built and the checks run (compile) ------------------------


def _ahead(calls: list):
    def start(tree, config):
        calls.append(tree.input_bytes)
        return OtherLane(config)

    return start


def test_files_rendered_ahead_are_the_files():
    from csmconf.pipeline import compile_config

    calls = []
    c = compile_config(CONFIGS, render_ahead=_ahead(calls))
    assert calls and c.other_lane.lane.pid
    assert _files(c, release=True) == render_outputs(_compiled(CONFIGS))
    assert c.other_lane.lane.pid is None and c.other_lane.lane.spool is None


def test_nothing_is_rendered_ahead_of_an_error_found_before_the_graph():
    from csmconf.pipeline import compile_config

    calls = []
    c = compile_config(CASES / "invalid/csm301_unknown_parent/config", render_ahead=_ahead(calls))
    assert c.errors and calls == [] and c.other_lane is None


def test_a_compile_whose_checks_fail_stops_what_it_rendered_ahead(tmp_path):
    from csmconf.pipeline import compile_config

    case = CASES / "invalid/csm400_two_account_cycle/config"
    calls = []
    c = compile_config(case, render_ahead=_ahead(calls))
    assert c.errors and calls  # the cycle is found by the checks, after the lane started
    c.stop_other_lane()
    before = _children()
    r = run_cli("compile", str(case), "-o", str(tmp_path / "out"), env={"CSMCONF_JOBS": "2"})
    assert r.returncode == 1 and "CSM400" in r.stdout + r.stderr
    assert _children() <= before and not (tmp_path / "out").exists()


def test_the_child_dies_with_its_parent_and_holds_no_pipe(tmp_path):
    """A compile killed midway (a CI timeout) leaves no child running, and the caller's
    pipes close when the compile's own process ends."""
    import subprocess
    import sys
    import time

    script = tmp_path / "parent.py"
    script.write_text(
        "import os, sys, time\n"
        "from csmconf.emit.lanes import Lane\n"
        "def slow():\n"
        "    yield 'a', b'x'\n"
        "    time.sleep(60)\n"
        "lane = Lane(slow)\n"
        "print(lane.pid, flush=True)\n"
        "time.sleep(60)\n",
        encoding="utf-8",
    )
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE)
    child = int(parent.stdout.readline())
    parent.kill()
    parent.wait()
    started = time.monotonic()
    assert parent.stdout.read() == b""  # EOF at once: the child holds no end of the pipe
    while _alive(child) and time.monotonic() - started < 10:
        time.sleep(0.02)
    assert not _alive(child)
    assert time.monotonic() - started < 10


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(") ")[-1][0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.parametrize("how", ["write", "check"])
def test_ctrl_c_while_writing_stops_the_child_at_once(tmp_path, monkeypatch, how):
    from csmconf.emit import compare_outputs, fsio, write_outputs

    c = _compiled(CONFIGS)
    out = tmp_path / "out"
    before = _children()
    taken = []

    def interrupted(data):
        if len(taken) == 1:  # the second file: the child is still rendering or done, not reaped
            raise KeyboardInterrupt
        taken.append(data)
        return (data,) if isinstance(data, bytes) else data

    monkeypatch.setattr(fsio, "_pieces", interrupted)
    with pytest.raises(KeyboardInterrupt):
        stream = iter_outputs(c, workers=2)
        write_outputs(stream, out) if how == "write" else compare_outputs(stream, out)
    assert _children() <= before  # stopped and reaped then, not when the stream is collected
    assert not out.exists()


def test_the_spool_lives_where_it_is_told(tmp_path):
    lane = Lane(_lane_files(os.getpid(), lambda: None), spool_dir=str(tmp_path))
    try:
        where = os.readlink(f"/proc/self/fd/{lane.spool.fileno()}")
        assert where.startswith(str(tmp_path) + "/") and where.endswith("(deleted)")
        assert _read(lane) == EXPECTED
    finally:
        lane.close()
    assert list(tmp_path.iterdir()) == []  # unlinked from the start: nothing to clean


def test_compile_spools_beside_out_even_when_out_is_new(tmp_path, monkeypatch):
    from csmconf import cli_requires

    out = tmp_path / "new" / "deeper" / "out"
    assert cli_requires._existing_parent(out) == str(tmp_path)
    seen = []
    real = Lane.__init__

    def recording(self, produce, spool_dir=None, instead=None):
        seen.append(spool_dir)
        real(self, produce, spool_dir, instead)

    monkeypatch.setattr(Lane, "__init__", recording)
    r = run_cli("compile", str(CONFIGS), "-o", str(out), env={"CSMCONF_JOBS": "2"})
    assert r.returncode == 0, r
    assert seen == [str(tmp_path)]
    assert (out / "manifest.json").is_file()


def test_ctrl_c_while_waiting_for_the_child_still_stops_it():
    lane = Lane(_never_ends)
    pid = lane.pid

    def interrupt(*_args):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 0.2)
    try:
        with pytest.raises(KeyboardInterrupt):
            next(lane.files())  # waits for the child, which never ends
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert lane.pid == pid  # not yet reaped: close() below must still kill it
    lane.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


# -- the Import XML tables, shared out as each process is free ------------------------------------


def test_every_table_is_in_the_order_of_work_once():
    from csmconf.emit import DATA_TABLES_BY_WORK
    from csmconf.servicenow_names import DATA_TABLES

    assert sorted(DATA_TABLES_BY_WORK) == sorted(DATA_TABLES)


def test_each_shared_item_goes_to_exactly_one_process():
    from csmconf.emit.lanes import Shared

    shared = Shared(range(200))

    def produce():
        for item in shared:  # the child takes what it can, one at a time
            yield f"{item}", b""

    lane = Lane(produce)
    got_here = list(shared)
    theirs = [int(p) for p, d in lane.files() if content_bytes(d) == b""]
    shared.close()
    assert sorted(got_here + theirs) == list(range(200)) and lane.used
    assert shared.taken == got_here


def test_tables_the_child_took_are_rendered_here_when_it_fails(monkeypatch):
    """The child takes tables, then dies: this process renders them (and everything
    else the child had), none twice, none missing."""
    c = _compiled(CONFIGS)
    expected = render_outputs(c)
    parent = os.getpid()
    from csmconf import emit

    real = emit._graphless_files

    def dies_after_taking(config, tables=None):
        for path, data in real(config, tables):
            yield path, data
            if os.getpid() != parent and path.startswith("servicenow/data/"):
                os._exit(3)  # after its first table, mid-lane

    real_iter = lanes.Shared.__iter__
    waited = []

    def after_the_child_took_one(self):
        if os.getpid() == parent and not waited:  # this process starts only once the child took one
            deadline = time.monotonic() + 20
            while _unread(self._read) == len(self.items) and time.monotonic() < deadline:
                time.sleep(0.01)
            waited.append(len(self.items) - _unread(self._read))
        yield from real_iter(self)

    monkeypatch.setattr(emit, "_graphless_files", dies_after_taking)
    monkeypatch.setattr(lanes.Shared, "__iter__", after_the_child_took_one)
    assert _files(c, workers=2) == expected
    assert waited and waited[0] >= 1  # the child had taken a table before it died


def _unread(fd: int) -> int:
    import fcntl
    import struct
    import termios

    return struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]


def test_a_cpu_quota_under_two_keeps_one_process(monkeypatch):
    monkeypatch.setattr(machine.os, "sched_getaffinity", lambda _pid: {0, 1, 2, 3})
    monkeypatch.setattr(machine, "available_memory", lambda: None)
    monkeypatch.setattr(machine, "cgroup_cpu_quota", lambda: 1.5)
    assert workers({}, input_bytes=12_500_000) == 1  # four cores seen, one and a half allowed
    monkeypatch.setattr(machine, "cgroup_cpu_quota", lambda: 2.0)
    assert workers({}, input_bytes=12_500_000) == 2
