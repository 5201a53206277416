#!/usr/bin/env python3
"""Time `compile` stage by stage, in one process, as the CLI runs it (cyclic GC off).

    .venv/bin/python benchmarks/stages.py /tmp/corpus1            # validate's stages
    .venv/bin/python benchmarks/stages.py /tmp/corpus1 --compile  # + every output file

Each line is one stage's wall and CPU time and the peak RSS after it. The stages
are the pipeline's own functions called in turn (csmconf/pipeline.py), then
each output renderer of csmconf/emit/__init__.py; nothing is written.
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
            f"{name:40s} {now - last[0]:8.3f} s wall {cpu - last[1]:8.3f} s cpu   "
            f"peak rss {rss:7.0f} MB",
            flush=True,
        )
        last[0], last[1] = now, cpu

    from csmconf.checks import run_checks
    from csmconf.checks.assertions import run_tests
    from csmconf.graph import AccessEngine
    from csmconf.load import load_tree
    from csmconf.model import shape_checks, validate_documents
    from csmconf.resolve import resolve

    stage("imports")
    tree = load_tree(args.corpus)
    stage("load (parse, positions)")
    validated = validate_documents(tree.documents)
    shape_checks(validated)
    stage("model (pydantic)")
    config, _diags = resolve(validated, args.corpus, tree.scanned_ids)
    stage("resolve")
    engine = AccessEngine(config)
    stage("graph (build + index)")
    diags = run_checks(config, engine)
    stage(f"checks ({len(diags)} diagnostics)")
    run_tests(config, engine)
    stage("tests")
    if args.compile:
        from csmconf.emit import acl, review, sql
        from csmconf.emit import rows as rows_mod
        from csmconf.emit.sql_quote import DIALECTS, dialect

        model = rows_mod.build_model(config, engine)
        stage("emit: build_model (rows, derive_access)")
        for name in sorted(set(config.settings.dialects or DIALECTS)):
            q = dialect(name)
            sql.render_schema(q, model)
            sql.render_seed(q, model)
            stage(f"emit: sql/{name}")
        rules, _rules_json = acl.render_rules(config, engine)
        stage("emit: acl/rules.json")
        if hasattr(acl, "render_xml"):
            acl.render_xml(config, rules)
            stage("emit: acl/sys_security_acl.xml")
        if hasattr(review, "render_effective_access"):
            review.render_effective_access(config, engine)
            stage("emit: access/effective_access.csv")
    total = time.perf_counter() - t_start
    print(f"{'total (in process)':40s} {total:8.3f} s wall {time.process_time():8.3f} s cpu")
    return 0


if __name__ == "__main__":
    sys.exit(main())
