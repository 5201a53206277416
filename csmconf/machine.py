"""What this machine lets a command use: CPUs and memory, a container's limits included.

`compile` starts a second rendering process only where there is room for it
(emit/lanes.py). Inside a container, `os.sched_getaffinity` and `MemAvailable`
describe the host; the container's own limits are its cgroup's (v2 `cpu.max`,
`memory.max`; v1 `cpu.cfs_quota_us`, `memory.limit_in_bytes`), read here.
Anything unreadable counts as no limit.
"""

from __future__ import annotations

import os


def usable_cpus() -> float:
    """The CPUs this process may run on: its affinity, capped by a cgroup CPU quota."""
    try:
        cpus: float = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    quota = cgroup_cpu_quota()
    return cpus if quota is None else min(cpus, quota)


def available_memory() -> int | None:
    """The bytes this process may still take: the system's `MemAvailable`, or less where
    its memory cgroup (a container's limit) leaves less; None where neither is known."""
    known = [n for n in (mem_available(), cgroup_memory_room()) if n is not None]
    return min(known) if known else None


def mem_available() -> int | None:
    try:
        with open("/proc/meminfo", "rb") as fh:
            for line in fh:
                if line.startswith(b"MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def _cgroup_dirs(controller: str, proc_cgroup: str, root: str) -> list[tuple[str, bool]]:
    """The directories of this process's cgroups that may hold `controller`'s files, each
    with whether it is cgroup v2 (one hierarchy) or v1 (one per controller)."""
    try:
        with open(proc_cgroup, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return []
    found = []
    for line in lines:
        if line.count(":") < 2:
            continue
        _number, controllers, path = line.split(":", 2)
        if controllers == "":
            found.append((f"{root}{path}", True))
        elif controller in controllers.split(","):
            found.append((f"{root}/{controllers}{path}", False))
    return found


def _read(directory: str, name: str) -> str | None:
    try:
        with open(os.path.join(directory, name), encoding="ascii") as fh:
            return fh.read().strip()
    except OSError:
        return None


def cgroup_memory_room(
    proc_cgroup: str = "/proc/self/cgroup", root: str = "/sys/fs/cgroup"
) -> int | None:
    """The limit of this process's memory cgroup less its usage (cgroup v2 `memory.max`
    and `memory.current`, v1 `memory.limit_in_bytes` and `memory.usage_in_bytes`), or
    None without a limit. A container's `MemAvailable` is the host's: this is its own."""
    for directory, v2 in _cgroup_dirs("memory", proc_cgroup, root):
        names = (
            ("memory.max", "memory.current")
            if v2
            else ("memory.limit_in_bytes", "memory.usage_in_bytes")
        )
        limit, usage = (_read(directory, name) for name in names)
        try:
            if limit is not None and usage is not None and limit != "max":
                return max(0, int(limit) - int(usage))
        except ValueError:
            continue
    return None


def cgroup_cpu_quota(
    proc_cgroup: str = "/proc/self/cgroup", root: str = "/sys/fs/cgroup"
) -> float | None:
    """The CPUs this process's cgroup quota allows (v2 `cpu.max`, v1 `cpu.cfs_quota_us` over
    `cpu.cfs_period_us`), or None without a quota: a container's cores are its quota's."""
    for directory, v2 in _cgroup_dirs("cpu", proc_cgroup, root):
        if v2:
            text = _read(directory, "cpu.max")
            quota, period = (text.split() + ["100000"])[:2] if text else ("max", "1")
        else:
            quota = _read(directory, "cpu.cfs_quota_us") or "-1"
            period = _read(directory, "cpu.cfs_period_us") or "1"
        try:
            if quota not in ("max", "-1") and int(period) > 0:
                return int(quota) / int(period)
        except ValueError:
            continue
    return None
