"""Stage 6: the generated output of `compile` (CLI.md, "Generated output").

    files = render_outputs(compilation)      # relative POSIX path -> bytes
    write_outputs(files, out_dir)            # atomic swap of the whole directory
    compare_outputs(files, out_dir)          # for `compile --check`

Everything is deterministic: rows, rules and files are sorted explicitly, no
output depends on file order, set or dict iteration order, the machine,
`PYTHONHASHSEED` or the time.
"""

from __future__ import annotations

# Only the file-system half is imported with the package: `compile` of an unchanged
# tree and the output-directory checks import `csmconf.emit.outdir`, which runs this
# file, and must not pay for the renderers (networkx, the engine: about 0.9 s).
from .fsio import compare_outputs, write_outputs

__all__ = ["compare_outputs", "render_outputs", "write_outputs"]

MANIFEST = "manifest.json"


def render_outputs(compilation) -> dict[str, bytes]:
    """Every output file of a compilation without errors, keyed by relative POSIX path."""
    from .acl import render_rules
    from .review import render_grants, render_manifest
    from .rows import build_model
    from .servicenow import render_servicenow
    from .sql import render_schema, render_seed
    from .sql_quote import DIALECTS, dialect

    config = compilation.config
    engine = compilation.engine
    files: dict[str, bytes] = {}
    model = build_model(config)
    wanted = sorted(set(config.settings.dialects or DIALECTS))
    for name in wanted:
        q = dialect(name)
        files[f"sql/{name}/schema.sql"] = render_schema(q, model).encode("utf-8")
        files[f"sql/{name}/seed.sql"] = render_seed(q, model).encode("utf-8")
    _rules, rules_json = render_rules(config)
    files["acl/rules.json"] = rules_json
    files.update(render_servicenow(config))
    files["access/grants.csv"] = render_grants(config, engine)
    digests = dict(getattr(getattr(compilation, "tree", None), "digests", {}) or {})
    files[MANIFEST] = render_manifest(digests, files, config.namespace)
    return {path: files[path] for path in sorted(files, key=lambda p: p.encode())}
