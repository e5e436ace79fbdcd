"""The shape of the code: short modules, and no two modules that import each other."""

from __future__ import annotations

import ast
from pathlib import Path

from .helpers import REPO

PACKAGE = REPO / "src" / "skillgap"
MAX_LINES = 450
#: Modules of other work in progress (issue 12: matcher.py and analysis.py move into a
#: matching/ package); an entry here may go away, never be added to.
LONG_MODULES_BEING_SPLIT = {"skillgap.matcher"}
MUTUAL_IMPORTS_BEING_UNTANGLED = {
    frozenset({"skillgap", "skillgap.analysis"}),
    frozenset({"skillgap", "skillgap.taxonomy"}),
    frozenset({"skillgap.analysis", "skillgap.posting"}),
    frozenset({"skillgap.matcher", "skillgap.taxonomy"}),
}


def _modules() -> dict[str, Path]:
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        modules[".".join(parts)] = path
    return modules


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """Every skillgap module ``name`` imports anywhere: at the top, in a function (lazily) or
    for the type checker only."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parents = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parents, *([node.module] if node.module else [])])
            # "from package import module" imports the module (the package only as its parent,
            # which every submodule import does); "from module import name" the module.
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                found.add(submodule if submodule in modules else base)
    return {module for module in found if module in modules and module != name}


def test_no_module_is_over_450_lines() -> None:
    long = {
        name: len(path.read_text(encoding="utf-8").splitlines())
        for name, path in _modules().items()
        if len(path.read_text(encoding="utf-8").splitlines()) > MAX_LINES
    }
    assert set(long) <= LONG_MODULES_BEING_SPLIT, long


def test_no_module_imports_one_that_imports_it_back() -> None:
    modules = _modules()
    imports = {name: _imports(name, path, modules) for name, path in modules.items()}
    mutual = {
        frozenset({a, b}) for a, targets in imports.items() for b in targets if a in imports[b]
    }
    assert mutual <= MUTUAL_IMPORTS_BEING_UNTANGLED, sorted(map(sorted, mutual))


def test_the_import_scan_sees_lazy_and_type_checking_imports() -> None:
    modules = _modules()
    assert "skillgap.render.table" in _imports(
        "skillgap.render.formats", modules["skillgap.render.formats"], modules
    )
    assert "skillgap.batch" in _imports("skillgap.cli", modules["skillgap.cli"], modules)
    markup = _imports("skillgap.readers.markup", modules["skillgap.readers.markup"], modules)
    assert "skillgap.readers.front_matter" in markup
    assert "skillgap.readers" not in markup  # only its submodules, by "from ... import"
