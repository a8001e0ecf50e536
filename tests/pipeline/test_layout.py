"""The code's layout (issue 14, README "How the code is laid out"): at most 12 modules at the top
of hooks/, thin glue, no module over 400 lines, imports that run one way, and only glue that
imports MkDocs."""

from __future__ import annotations

import ast
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parents[2]
HOOKS = PROJECT / "hooks"
ENTRY = "build_all.py"
# Layers, lowest first: a module may import only from its own layer or a lower one.
LAYERS = {"helpers": 0, "content": 1}  # every other package is a capability (layer 2); glue is 3


def imported(path: Path) -> set[str]:
    """The top-level names a module imports (``from routes import data`` -> ``routes``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_top_of_hooks_is_the_glue_in_mkdocs_yml_and_the_entry_point() -> None:
    listed = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["hooks"]
    top = sorted(path.name for path in HOOKS.glob("*.py"))
    assert len(top) <= 12, top
    assert sorted([Path(hook).name for hook in listed] + [ENTRY]) == top
    for name in top:
        if name != ENTRY:
            lines = len((HOOKS / name).read_text(encoding="utf-8").splitlines())
            assert lines <= 150, f"{name} has {lines} lines: move logic into its capability package"


def test_no_module_is_over_400_lines() -> None:
    for path in HOOKS.rglob("*.py"):
        lines = len(path.read_text(encoding="utf-8").splitlines())
        assert lines <= 400, f"{path.relative_to(PROJECT)} has {lines} lines"


def test_imports_run_one_way_and_only_glue_imports_mkdocs() -> None:
    packages = {path.name for path in HOOKS.iterdir() if (path / "__init__.py").exists()}
    glue = {path.stem for path in HOOKS.glob("*.py")}
    uses: dict[str, set[str]] = {package: set() for package in packages}
    for path in HOOKS.glob("*/*.py"):
        package = path.parent.name
        for name in imported(path):
            where = path.relative_to(PROJECT)
            assert name != "mkdocs", f"{where} imports MkDocs: only glue may"
            assert name not in glue, f"{where} imports the glue module {name}"
            if name in packages and name != package:
                assert LAYERS.get(name, 2) <= LAYERS.get(package, 2), (
                    f"{where} imports {name}: imports run glue, capabilities, the site model "
                    "(content), then helpers")
                uses[package].add(name)
    # A capability may use another (routes reads citations with the citation parser), never
    # both ways round.
    for package, used in uses.items():
        for other in used:
            assert package not in uses[other], f"{package} and {other} import each other"
