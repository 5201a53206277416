"""Stage 6: the generated output of `compile` (CLI.md, "Generated output").

    files = render_outputs(compilation)      # relative POSIX path -> bytes
    write_outputs(files, out_dir)            # atomic swap of the whole directory
    compare_outputs(files, out_dir)          # for `compile --check`

`iter_outputs(compilation)` gives the same files one at a time; `write_outputs`
and `compare_outputs` take it as well as a dict, holding one file at a time.

Everything is deterministic: rows, rules and files are sorted explicitly, no
output depends on file order, set or dict iteration order, the machine,
`PYTHONHASHSEED` or the time.
"""

from __future__ import annotations

from collections.abc import Iterator

# Only the file-system half is imported with the package: `compile` of an unchanged
# tree and the output-directory checks import `csmconf.emit.outdir`, which runs this
# file, and must not pay for the renderers (networkx, the engine: about 0.9 s).
from .fsio import compare_outputs, write_outputs

__all__ = ["compare_outputs", "iter_outputs", "render_outputs", "write_outputs"]

MANIFEST = "manifest.json"


#: An output file's content: its bytes, or its bytes in pieces, made as they are read.
Content = bytes | Iterator[bytes]


def _graphless_files(config, tables=None):
    """The files that need neither the access graph nor the checks' verdict: each
    dialect's schema and seed (from relational rows built for them alone), the ACL
    rules, the update set and the Import XML files (of `tables`, taken in turn; all
    by default)."""
    from .acl import render_rules
    from .rows import build_model
    from .servicenow import iter_servicenow
    from .sql import iter_seed, render_schema
    from .sql_quote import dialect

    model = build_model(config)
    for name in _dialects(config):
        q = dialect(name)
        yield f"sql/{name}/schema.sql", render_schema(q, model).encode("utf-8")
        yield f"sql/{name}/seed.sql", (p.encode("utf-8") for p in iter_seed(q, model))
    del model
    yield "acl/rules.json", render_rules(config)[1]
    yield from iter_servicenow(config, tables=tables)


def _dialects(config) -> list[str]:
    from .sql_quote import DIALECTS

    return sorted(set(config.settings.dialects or DIALECTS))


#: The Import XML tables, most work first (measured at benchmark scale 1): the order in
#: which the two lanes take them (`OtherLane`), so that the last ones taken are small.
DATA_TABLES_BY_WORK = (
    "user_role",
    "contact",
    "account_relationship",
    "contact_relationship",
    "related_party",
    "account",
    "sold_product",
    "team_member",
    "consumer",
    "user",
    "account_access",
)


class OtherLane:
    """The files that need neither the access graph nor the checks' verdict
    (`_graphless_files`), rendered by a second process (`lanes.Lane`) from the moment
    the configuration is resolved.

    The second process builds the relational rows and renders every dialect's SQL, the
    ACL rules and the update set, while this one builds the graph, runs the checks and
    renders `grants.csv`; then each takes the Import XML tables one at a time
    (`tables`, a `lanes.Shared` in `DATA_TABLES_BY_WORK` order) until none is left,
    so that the two end at about the same time whatever the tree and the machine.
    """

    def __init__(self, config, spool_dir: str | None = None):
        from . import acl, rows, servicenow, sql  # noqa: F401 - imported here, not in the child
        from .lanes import Lane, Shared

        self.tables = Shared(DATA_TABLES_BY_WORK)
        self.lane = Lane(
            lambda: _graphless_files(config, self.tables),
            spool_dir,
            # the child gave nothing: every file but the tables this process rendered
            instead=lambda: _graphless_files(
                config, [t for t in DATA_TABLES_BY_WORK if t not in self.tables.taken]
            ),
        )

    @property
    def used(self) -> bool:
        """Whether the second process's files were the ones written (not rendered here)."""
        return self.lane.used

    def close(self) -> None:
        self.lane.close()
        self.tables.close()


def iter_outputs(
    compilation, release: bool = False, workers: int = 1
) -> Iterator[tuple[str, Content]]:
    """Every output file of a compilation without errors, one (relative POSIX path, content) at a time.

    A file is rendered only when the one before it has been taken, so a caller that
    writes (or compares) each and lets it go holds one file at a time, not the
    whole output (151 MB at benchmark scale 1); a seed's content comes in pieces, a
    table's statements at a time. Take each file's pieces before asking for the
    next file. `manifest.json` comes last: it holds the digest and size of every
    file before it. `release`: the caller needs the compilation no more, so its
    access graph is let go once `grants.csv`, the one output that reads it, is out.
    `workers` 2, or an `OtherLane` the pipeline started (`compilation.other_lane`):
    a second process renders about half of the files meanwhile; the files and
    their bytes are the same.
    """
    from .review import hashed_pieces, iter_grants, manifest_entry, render_manifest
    from .servicenow import iter_servicenow

    config = compilation.config
    entries: dict[str, dict] = {}
    pending: str | None = None  # the file whose pieces are being read, until its entry is in

    def all_taken(before: str) -> None:
        if pending is not None and pending not in entries:
            raise RuntimeError(f"an output file's pieces were not all taken before {before}")

    def out(path: str, data: Content) -> tuple[str, Content]:
        nonlocal pending
        all_taken("the next file")
        if path in entries or path == MANIFEST:
            raise ValueError(f"output {path} rendered twice")
        if isinstance(data, bytes):
            entries[path] = manifest_entry(data)
            return path, data
        pending = path
        return path, hashed_pieces(data, lambda entry: entries.__setitem__(path, entry))

    other = getattr(compilation, "other_lane", None)
    if other is None and workers > 1:
        other = OtherLane(config)
    try:
        # grants.csv first: the places it names build the position trees of the files
        # read fast, let go once it is written, before the relational rows take their memory
        yield out("access/grants.csv", iter_grants(config, compilation.engine))
        if release:  # its memory is the next renderers' (the relational rows')
            compilation.engine.release()
            compilation.engine = None
        tree = getattr(compilation, "tree", None)
        if tree is not None:
            tree.forget_positions()
        if other is None:
            rest = _graphless_files(config)
        else:  # the tables the other lane has not taken yet, one at a time
            for path, data in iter_servicenow(config, tables=other.tables, update_set=False):
                yield out(path, data)
            rest = other.lane.files()
        for path, data in rest:
            yield out(path, data)
    finally:
        if other is not None:
            other.close()
    all_taken("the manifest")
    digests = dict(getattr(tree, "digests", {}) or {})
    yield MANIFEST, render_manifest(digests, entries, config.namespace)


def content_bytes(data: Content) -> bytes:
    """A file's content whole."""
    return data if isinstance(data, bytes) else b"".join(data)


def render_outputs(compilation) -> dict[str, bytes]:
    """Every output file of a compilation without errors, keyed by relative POSIX path, sorted."""
    files = {path: content_bytes(data) for path, data in iter_outputs(compilation)}
    return {path: files[path] for path in sorted(files, key=lambda p: p.encode())}
