#!/usr/bin/env python3
"""Time `apply` on SQLite, PostgreSQL and MariaDB, side by side in one run.

    .venv/bin/python benchmarks/apply_benchmark.py --scale 0.5 --work /tmp/apply-bench

Generates two corpora of the same scale with generate_corpus.py (seed A, and seed B: a
changed configuration of the same shape) into --work (never into the repository),
compiles each once, then for every database, on a fresh database/schema:

  empty   apply A to an empty database (creates the schema)
  change  apply B over A (every table changes: deletes, inserts, updates)
  change back  apply A again over B
  noop    apply A again (nothing to do: read and compare only)

Only apply is timed (in process, `apply_model`), not compiling. PostgreSQL at
127.0.0.1:5432 (user postgres, database test) and MariaDB at 127.0.0.1:3306 (root, no
password) are used as the test suite uses them; each run makes its own schema/database
and drops it afterwards.
"""

from __future__ import annotations

import argparse
import secrets
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from csmconf.emit.apply import apply_model
from csmconf.emit.rows import build_model
from csmconf.pipeline import compile_config

PG = "postgresql://postgres@127.0.0.1:5432/test"


def corpus(work: Path, scale: float, seed: int) -> Path:
    out = work / f"corpus-{scale}-{seed}"
    subprocess.run(
        [
            sys.executable,
            str(HERE / "generate_corpus.py"),
            "--scale",
            str(scale),
            "--seed",
            str(seed),
            "--out",
            str(out),
            "--force",
        ],
        check=True,
        capture_output=True,
    )
    return out


def model(root: Path):
    result = compile_config(root)
    errors = [d for d in result.diagnostics if d.is_error]
    if errors:
        raise SystemExit(f"{root}: {len(errors)} errors")
    return build_model(result.config)


class Database:
    def __init__(self, kind: str, work: Path):
        self.kind = kind
        name = "csmconf_bench_" + secrets.token_hex(4)
        if kind == "sqlite":
            path = work / f"{name}.db"
            self.url, self.cleanup = f"sqlite:///{path}", lambda: path.unlink(missing_ok=True)
        elif kind in ("postgresql", "postgresql-noindex"):
            import psycopg

            conn = psycopg.connect(PG, autocommit=True)
            conn.execute(f'CREATE SCHEMA "{name}"')
            self.url = f"{PG}?options=-csearch_path%3D{name}"

            def drop():
                conn.execute(f'DROP SCHEMA "{name}" CASCADE')
                conn.close()

            self.cleanup = drop
            self.conn, self.schema = conn, name
        else:
            import pymysql

            conn = pymysql.connect(host="127.0.0.1", user="root", password="", autocommit=True)
            with conn.cursor() as cur:
                cur.execute(f"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")
            self.url = f"mysql://root@127.0.0.1:3306/{name}"

            def drop():
                with conn.cursor() as cur:
                    cur.execute(f"DROP DATABASE `{name}`")
                conn.close()

            self.cleanup = drop


def timed(m, url: str) -> tuple[float, int]:
    started = time.perf_counter()
    plan = apply_model(m, url)
    elapsed = time.perf_counter() - started
    return elapsed, sum(plan.totals())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", type=float, default=0.5)
    ap.add_argument("--work", default="/tmp/csmconf-apply-bench", help="corpora and SQLite files")
    ap.add_argument(
        "--databases",
        default="sqlite,postgresql,mariadb",
        help="comma-separated; postgresql-noindex: PostgreSQL with the foreign-key indexes"
        " dropped after the first apply (what apply did before they existed)",
    )
    args = ap.parse_args()
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    a, b = model(corpus(work, args.scale, 20241122)), model(corpus(work, args.scale, 7))
    rows = sum(len(r) for r in a.rows.values())
    print(
        f"scale {args.scale}: {rows} rows in corpus A, {sum(len(r) for r in b.rows.values())} in B"
    )
    steps = (("empty", a), ("change", b), ("change back", a), ("noop", a))
    results: dict[str, list[tuple[float, int]]] = {}
    for kind in args.databases.split(","):
        db = Database(kind, work)
        try:
            results[kind] = []
            for i, (_step, m) in enumerate(steps):
                results[kind].append(timed(m, db.url))
                if i == 0 and kind == "postgresql-noindex":
                    for (index,) in db.conn.execute(
                        "SELECT indexname FROM pg_indexes WHERE schemaname = %s"
                        " AND indexname LIKE 'ix\\_%%'",
                        (db.schema,),
                    ).fetchall():
                        db.conn.execute(f'DROP INDEX "{db.schema}"."{index}"')
        finally:
            db.cleanup()
    kinds = list(results)
    width = {k: max(14, len(k) + 2) for k in kinds}
    print(f"{'step':<12}" + "".join(f"{k:>{width[k]}}" for k in kinds) + "   rows changed")
    for i, (step, _m) in enumerate(steps):
        line = f"{step:<12}" + "".join(f"{results[k][i][0]:>{width[k] - 1}.2f}s" for k in kinds)
        print(line + f"   {results[kinds[0]][i][1]}")
    if "sqlite" in results:
        for k in kinds:
            if k != "sqlite":
                ratios = ", ".join(
                    f"{step} {results[k][i][0] / results['sqlite'][i][0]:.2f}x"
                    for i, (step, _m) in enumerate(steps)
                )
                print(f"{k} / sqlite: {ratios}")


if __name__ == "__main__":
    main()
