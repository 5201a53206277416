"""Start-up and warm answers of several builds, interleaved: wall and CPU of each child (wait4).

    benchmarks/startup_benchmark.py --rounds 7 --corpus /tmp/perf-c1 \
        --build before=/tmp/before/.venv/bin/python::/tmp/before \
        --build after=.venv/bin/python::.

Rows: `--help`; `validate` of the build's own `configs/` with the cache off and warm;
`check` and `who-can` on the scale-1 corpus with a warm cache (each build its own
cache directory, filled by two untimed runs first). Prints a Markdown table.
"""

import argparse
import os
import statistics
import subprocess
import tempfile
import time

parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
parser.add_argument("--rounds", type=int, default=7)
parser.add_argument("--corpus", default="/tmp/perf-c1", help="a generate_corpus.py --scale 1 tree")
parser.add_argument("--principal", default="contact:c0-jan-okafor")
parser.add_argument("--target", default="account:gsi-tech")
parser.add_argument(
    "--build",
    action="append",
    required=True,
    metavar="NAME=PYTHON::SRCDIR",
    help="a build: its interpreter and its source tree (give two or more)",
)
args = parser.parse_args()
builds = {}
for spec in args.build:
    name, _, rest = spec.partition("=")
    py, _, src = rest.partition("::")
    builds[name] = (os.path.abspath(py), os.path.abspath(src))
work = tempfile.mkdtemp(prefix="csmconf-startup-")  # neutral cwd, and the caches
C, T, CORPUS = args.principal, args.target, args.corpus


def csmconf(py: str, *argv: str) -> list[str]:
    return [py, "-m", "csmconf", *argv]


def rows(name: str, py: str, src: str) -> dict[str, tuple[list[str], dict]]:
    off = {"CSMCONF_CACHE_DIR": "off"}
    warm = {"CSMCONF_CACHE_DIR": os.path.join(work, f"cache-{name}")}
    question = ["read", "case", CORPUS, "--on", T]
    return {
        "`--help`": (csmconf(py, "--help"), {}),
        "`validate configs` (cache off)": (csmconf(py, "validate", f"{src}/configs"), off),
        "`validate configs` (cache warm)": (csmconf(py, "validate", f"{src}/configs"), warm),
        "`check` at scale 1 (cache warm)": (csmconf(py, "check", C, *question), warm),
        "`who-can` at scale 1 (cache warm)": (csmconf(py, "who-can", *question), warm),
    }


def run(cmd, env):
    t = time.perf_counter()
    p = subprocess.Popen(
        cmd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **env},
        cwd=work,
    )
    _, _status, ru = os.wait4(p.pid, 0)
    return time.perf_counter() - t, ru.ru_utime + ru.ru_stime, ru.ru_maxrss


res: dict[tuple[str, str], list] = {}
for name, (py, src) in builds.items():  # fill each build's cache, untimed
    for cmd, env in rows(name, py, src).values():
        run(cmd, env)
        run(cmd, env)
for r in range(args.rounds):
    order = list(builds.items()) if r % 2 == 0 else list(builds.items())[::-1]
    for row in rows("", "", ""):
        for name, (py, src) in order:
            cmd, env = rows(name, py, src)[row]
            res.setdefault((row, name), []).append(run(cmd, env))
print("| what | build | min wall | median wall | median CPU | peak RSS |")
print("| --- | --- | ---: | ---: | ---: | ---: |")
for (row, name), v in res.items():
    wall = [x[0] for x in v]
    cpu = [x[1] for x in v]
    print(
        f"| {row} | {name} | {min(wall) * 1000:.0f} ms | {statistics.median(wall) * 1000:.0f} ms "
        f"| {statistics.median(cpu) * 1000:.0f} ms | {max(x[2] for x in v) / 1024:.0f} MB |"
    )
