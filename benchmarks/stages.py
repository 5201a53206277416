#!/usr/bin/env python3
"""Time `compile` stage by stage, in one process, as the CLI runs it (cyclic GC off).

    .venv/bin/python benchmarks/stages.py /tmp/corpus1            # validate's stages
    .venv/bin/python benchmarks/stages.py /tmp/corpus1 --compile  # + every output file

Each line is one stage's wall and CPU time and the peak RSS after it. The stages
are the pipeline's own functions called in turn (csmconf/pipeline.py), then
each output renderer of csmconf/emit/__init__.py; nothing is written. This is
the work of `CSMCONF_JOBS=1`; with --compile the last lines add it up per lane
of the two-process `compile` (emit.OtherLane: which stages run in the second
process once `resolve` is done, which in `compile`'s own).
"""

from __future__ import annotations

import argparse
import gc
import resource
import sys
import time
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--compile", action="store_true", help="also render every output")
    ap.add_argument("--gc", action="store_true", help="leave the cyclic GC on (as before)")
    ap.add_argument(
        "--reader",
        choices=("fast", "exact"),
        default="fast",
        help="which YAML reader loads large files (default: fast, as the CLI reads them)",
    )
    args = ap.parse_args()
    t_start = time.perf_counter()
    if not args.gc:
        gc.freeze()
        gc.disable()
    rows: list[tuple[str, float]] = []
    last = [time.perf_counter(), time.process_time()]

    def stage(name: str) -> None:
        now, cpu = time.perf_counter(), time.process_time()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append((name, now - last[0]))
        print(
            f"{name:64s} {now - last[0]:8.3f} s wall {cpu - last[1]:8.3f} s cpu   "
            f"peak rss {rss:7.0f} MB",
            flush=True,
        )
        last[0], last[1] = now, cpu

    from csmconf.load import load_tree
    from csmconf.model import shape_checks, validate_documents
    from csmconf.pipeline import drop_plain_data
    from csmconf.resolve import resolve

    stage("imports")
    # As the CLI reads: large files by the fast reader, positions built when first read
    # (for `compile`, those of the files whose places the outputs name).
    fast = args.reader == "fast"
    tree = load_tree(args.corpus, fast=fast)
    stage("load (fast reader, no positions)" if fast else "load (exact reader: parse, positions)")
    validated = validate_documents(tree.documents)
    shape_checks(validated)
    drop_plain_data(tree)
    stage("model (pydantic)")
    config, _diags = resolve(validated, args.corpus, tree.scanned_ids)
    validated.release_models()  # as the pipeline does
    stage("resolve")
    # imported here, as the pipeline imports them: after `compile` forks its second process
    from csmconf.checks import run_checks
    from csmconf.checks.assertions import run_tests
    from csmconf.graph import AccessEngine

    engine = AccessEngine(config)
    stage("graph (networkx imported, build + index)")
    diags = run_checks(config, engine)
    stage(f"checks ({len(diags)} diagnostics)")
    run_tests(config, engine)
    stage("tests")
    if args.compile:
        # The renderers of csmconf/emit/__init__.py:iter_outputs, one stage each.
        from csmconf.emit import DATA_TABLES_BY_WORK
        from csmconf.emit.acl import render_rules
        from csmconf.emit.review import iter_grants, manifest_entry, render_manifest
        from csmconf.emit.rows import _Ids, build_model
        from csmconf.emit.servicenow.data import iter_data
        from csmconf.emit.servicenow.update_set import render_update_set
        from csmconf.emit.sql import iter_seed, render_schema
        from csmconf.emit.sql_quote import DIALECTS, dialect
        from csmconf.servicenow_names import DATA_TABLES

        # In the CLI's order, each file hashed and let go as `compile` does (emit.iter_outputs).
        files: dict[str, dict] = {}

        def took(path: str, data: bytes) -> None:
            files[path] = manifest_entry(data)

        took("access/grants.csv", b"".join(iter_grants(config, engine)))
        stage("emit: access/grants.csv")
        engine.release()
        tree.forget_positions()
        model = build_model(config)
        stage("emit: build_model (rows)")
        for name in sorted(set(config.settings.dialects or DIALECTS)):
            q = dialect(name)
            took(f"sql/{name}/schema.sql", render_schema(q, model).encode("utf-8"))
            took(f"sql/{name}/seed.sql", b"".join(p.encode() for p in iter_seed(q, model)))
            stage(f"emit: sql/{name}")
        del model
        took("acl/rules.json", render_rules(config)[1])
        stage("emit: acl/rules.json")
        ids = _Ids(config.namespace)
        took("servicenow/update_set.xml", render_update_set(config, ids))
        stage("emit: servicenow/update_set.xml")
        for key in DATA_TABLES:  # one stage per Import XML table: the lanes share them out
            count = len(files)
            for path, data in iter_data(config, ids, tables=[key]):
                took(path, data)
            stage(f"emit: servicenow/data {DATA_TABLES[key].table} ({len(files) - count} files)")
        took("manifest.json", render_manifest(tree.digests, files, config.namespace))
        stage("emit: manifest.json")
        out_bytes = sum(entry["bytes"] for entry in files.values())
        print(f"{'outputs':40s} {len(files)} files, {out_bytes:,} bytes")
    total = time.perf_counter() - t_start
    print(f"{'total (in process)':40s} {total:8.3f} s wall {time.process_time():8.3f} s cpu")
    if args.compile:
        lanes(rows, DATA_TABLES, DATA_TABLES_BY_WORK)
    return 0


def lanes(rows: list[tuple[str, float]], tables, by_work) -> None:
    """The two-process `compile` (emit.OtherLane) from these one-process times: the
    second process starts after `resolve` with the rows, the SQL, the ACL rules and
    the update set; `compile` goes on with the graph, the checks, the tests and the
    grants; then each takes the Import XML tables in `by_work` order as it is free."""
    times = dict(rows)
    names = [name for name, _t in rows]
    fork = names.index("resolve") + 1
    before = sum(t for _n, t in rows[:fork])
    child_fixed = (
        "emit: build_model",
        "emit: sql/",
        "emit: acl/",
        "emit: servicenow/update_set",
    )
    data = {name: t for name, t in rows if name.startswith("emit: servicenow/data ")}
    theirs = sum(t for n, t in rows[fork:] if n.startswith(child_fixed))
    ours = sum(
        t
        for n, t in rows[fork:]
        if not n.startswith(child_fixed) and n not in data and n != "emit: manifest.json"
    )
    taken = {"compile": [], "second": []}
    for key in by_work:
        t = next(
            v
            for n, v in data.items()
            if n.startswith(f"emit: servicenow/data {tables[key].table} ")
        )
        if ours <= theirs:
            ours += t
            taken["compile"].append(key)
        else:
            theirs += t
            taken["second"].append(key)
    print(f"{'two processes: before the fork':64s} {before:8.3f} s wall")
    print(f"{'  lane of compile':64s} {ours:8.3f} s wall  tables {', '.join(taken['compile'])}")
    print(
        f"{'  lane of the second process':64s} {theirs:8.3f} s wall  tables {', '.join(taken['second'])}"
    )
    print(f"{'  the manifest, last':64s} {times.get('emit: manifest.json', 0.0):8.3f} s wall")


if __name__ == "__main__":
    sys.exit(main())
