"""What the machine lets a command use (csmconf/machine.py): CPUs and memory, a
container's cgroup limits included, read from fixture files laid out as Linux does."""

from __future__ import annotations

import os

import pytest

from csmconf import machine


@pytest.mark.skipif(not os.path.exists("/proc/meminfo"), reason="MemAvailable is Linux's")
def test_available_memory_is_read_here():
    with open("/proc/meminfo") as fh:
        line = next(x for x in fh if x.startswith("MemAvailable:"))
    expected = int(line.split()[1]) * 1024
    assert abs(machine.mem_available() - expected) < 256 * 1024 * 1024  # it moves meanwhile
    room = machine.cgroup_memory_room()
    either = expected if room is None else min(expected, room)
    assert abs(machine.available_memory() - either) < 256 * 1024 * 1024


def _cgroups(tmp_path, proc: str, files: dict[str, str], read=None):
    tmp_path.mkdir()
    (tmp_path / "proc").write_text(proc, encoding="utf-8")
    for name, text in files.items():
        path = tmp_path / "sys" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="ascii")
    return (read or machine.cgroup_memory_room)(str(tmp_path / "proc"), str(tmp_path / "sys"))


def test_a_container_cpu_quota_is_its_cores(tmp_path):
    cpus = machine.cgroup_cpu_quota
    v2 = "0::/ci\n"
    assert _cgroups(tmp_path / "a", v2, {"ci/cpu.max": "150000 100000\n"}, cpus) == 1.5
    assert _cgroups(tmp_path / "b", v2, {"ci/cpu.max": "max 100000\n"}, cpus) is None
    v1 = "2:cpu,cpuacct:/docker/x\n"
    files = {
        "cpu,cpuacct/docker/x/cpu.cfs_quota_us": "200000\n",
        "cpu,cpuacct/docker/x/cpu.cfs_period_us": "100000\n",
    }
    assert _cgroups(tmp_path / "c", v1, files, cpus) == 2.0
    files["cpu,cpuacct/docker/x/cpu.cfs_quota_us"] = "-1\n"
    assert _cgroups(tmp_path / "d", v1, files, cpus) is None


def test_the_smaller_of_the_two_is_available(monkeypatch):
    monkeypatch.setattr(machine, "mem_available", lambda: 8_000_000_000)
    monkeypatch.setattr(machine, "cgroup_memory_room", lambda: 500_000_000)
    assert machine.available_memory() == 500_000_000
    monkeypatch.setattr(machine, "cgroup_memory_room", lambda: None)
    assert machine.available_memory() == 8_000_000_000
    monkeypatch.setattr(machine, "mem_available", lambda: None)
    assert machine.available_memory() is None


def test_a_container_limit_is_what_is_available(tmp_path):
    v2 = "0::/ci/job\n"
    assert (
        _cgroups(
            tmp_path / "a",
            v2,
            {"ci/job/memory.max": "536870912\n", "ci/job/memory.current": "136870912\n"},
        )
        == 400_000_000
    )
    assert (
        _cgroups(tmp_path / "b", v2, {"ci/job/memory.max": "max\n", "ci/job/memory.current": "1\n"})
        is None
    )
    v1 = "4:memory:/docker/abc\n0::/\n"
    assert (
        _cgroups(
            tmp_path / "c",
            v1,
            {
                "memory/docker/abc/memory.limit_in_bytes": "1000\n",
                "memory/docker/abc/memory.usage_in_bytes": "1500\n",
            },
        )
        == 0
    )
    assert _cgroups(tmp_path / "d", "1:cpu:/\n", {}) is None  # no memory controller
    assert machine.cgroup_memory_room(str(tmp_path / "missing")) is None


def test_usable_cpus_are_the_affinity_capped_by_the_quota(monkeypatch):
    monkeypatch.setattr(machine.os, "sched_getaffinity", lambda _pid: {0, 1, 2, 3})
    monkeypatch.setattr(machine, "cgroup_cpu_quota", lambda: None)
    assert machine.usable_cpus() == 4
    monkeypatch.setattr(machine, "cgroup_cpu_quota", lambda: 1.5)
    assert machine.usable_cpus() == 1.5
    monkeypatch.setattr(machine, "cgroup_cpu_quota", lambda: 8.0)
    assert machine.usable_cpus() == 4
