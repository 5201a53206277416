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
import tempfile

from run_benchmark import run_once  # this directory is first on sys.path

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


def run(cmd: list[str], env: dict) -> dict:
    """One timed child, by the table benchmark's own runner (wall, CPU and peak RSS by wait4)."""
    sink = os.path.join(work, "child.out")
    return run_once(cmd, {**os.environ, **env}, work, None, sink, sink)


commands = {name: rows(name, py, src) for name, (py, src) in builds.items()}
res: dict[tuple[str, str], list[dict]] = {}
for table in commands.values():  # fill each build's cache, untimed
    for cmd, env in table.values():
        run(cmd, env)
        run(cmd, env)
for r in range(args.rounds):
    order = list(commands) if r % 2 == 0 else list(commands)[::-1]
    for row in next(iter(commands.values())):
        for name in order:
            res.setdefault((row, name), []).append(run(*commands[name][row]))
print("| what | build | min wall | median wall | median CPU | peak RSS |")
print("| --- | --- | ---: | ---: | ---: | ---: |")
for (row, name), runs in res.items():
    wall = [x["wall"] for x in runs]
    cpu = [x["cpu"] for x in runs]
    print(
        f"| {row} | {name} | {min(wall) * 1000:.0f} ms | {statistics.median(wall) * 1000:.0f} ms "
        f"| {statistics.median(cpu) * 1000:.0f} ms | {max(x['rss_mb'] for x in runs):.0f} MB |"
    )
