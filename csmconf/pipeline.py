"""load -> model -> resolve -> graph -> checks -> tests, collecting diagnostics.

Every stage runs even after errors in an earlier one (rows with a valid id
survive), so one run reports every problem. Only the access tests wait for a
configuration without other errors: their verdicts would mean nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic, count, sort_diagnostics
from .diagnostics import strict as strict_diagnostics
from .load import LoadedTree, load_tree
from .load.files import load_files
from .model import shape_checks, validate_documents
from .resolve import Config, resolve
from .stages import StageTimer


@dataclass
class Compilation:
    root: Path
    tree: LoadedTree
    config: Config
    diagnostics: list[Diagnostic] = field(default_factory=list)
    engine: object = None  # graph.AccessEngine
    tests_run: bool = False
    test_results: list = field(default_factory=list)
    #: what `compile_config`'s `render_ahead` started (compile: emit.OtherLane), or None
    other_lane: object = None

    def stop_other_lane(self) -> None:
        """The outputs will not be written (errors): stop what renders them ahead."""
        if self.other_lane is not None:
            self.other_lane.close()
            self.other_lane = None

    @property
    def errors(self) -> int:
        return count(self.diagnostics)[0]

    @property
    def warnings(self) -> int:
        return count(self.diagnostics)[1]

    def failed(self, strict: bool = False) -> bool:
        return self.errors > 0 or (strict and self.warnings > 0)

    def make_strict(self) -> None:
        """--strict: report every warning as an error."""
        self.diagnostics = strict_diagnostics(self.diagnostics)


def drop_plain_data(tree: LoadedTree) -> None:
    """Let the loader's plain data go once the models hold it.

    No later stage reads it (the rows keep their models and positions); its
    dicts and lists are about 24 MB of the peak at benchmark scale 1.
    """
    for doc in tree.documents:
        doc.data = None


def compile_config(
    root: Path,
    exclude: Path | None = None,
    run_tests: bool = True,
    files: dict[str, bytes] | None = None,
    timer: StageTimer | None = None,
    fast_reader: bool = True,
    render_ahead: Callable[[LoadedTree, Config], object] | None = None,
) -> Compilation:
    """Run every stage on the tree at `root`. Raises NotADirectoryError for a missing root.

    With `files` (relative path -> bytes) the tree is taken from memory instead (the fuzzer).
    `timer` (optional) times each stage and tells its listener (progress) when one starts.
    `fast_reader`: large files are read by the fast reader, their positions built only
    when something reads one (load/fast_yaml.py); False reads every file exactly.
    `render_ahead(tree, config)` is called once the configuration is resolved without
    an error; what it returns is the result's `other_lane` (compile: the outputs that
    need no graph, rendered by a second process while the graph and checks run).
    """
    root = Path(root)
    timer = timer or StageTimer()
    with timer.stage("load"):
        tree = (
            load_tree(root, exclude=exclude, fast=fast_reader)
            if files is None
            else load_files(root, files, fast=fast_reader)
        )
        timer.detail("load", f"{len(tree.documents)} files")
    with timer.stage("validate"):
        validated = validate_documents(tree.documents)
        shape_checks(validated)
        drop_plain_data(tree)
    with timer.stage("resolve"):
        config, resolve_diags = resolve(validated, root, tree.scanned_ids)
        validated.release_models()
    diags = [*tree.diagnostics, *validated.diagnostics, *resolve_diags]
    ahead = render_ahead(tree, config) if render_ahead and count(diags)[0] == 0 else None
    result = Compilation(root, tree, config, other_lane=ahead)
    try:
        with timer.stage("graph"):
            # imported only now (networkx and the graph: 0.1-0.3 s here): `compile`'s second
            # process, forked just above, needs none of it and starts that much sooner
            from .checks import run_checks
            from .checks.assertions import run_tests as run_access_tests
            from .graph import AccessEngine

            result.engine = AccessEngine(config)
        with timer.stage("checks"):
            diags.extend(run_checks(config, result.engine))
        if run_tests and config.tests and count(diags)[0] == 0:
            with timer.stage("tests"):
                test_diags, result.test_results = run_access_tests(config, result.engine)
            diags.extend(test_diags)
            result.tests_run = True
    except BaseException:
        result.stop_other_lane()
        raise
    result.diagnostics = sort_diagnostics(diags)
    return result
