"""The shape of the code: no import cycles, no module too long to read, no pickle."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from .helpers import REPO

SOURCE = REPO / "src"
PACKAGE = SOURCE / "skillgap"
MAX_LINES = 450


def _modules() -> dict[str, Path]:
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(SOURCE).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    return modules


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The skillgap modules a module imports anywhere: at the top, inside functions (lazy
    imports are dependencies all the same) and under TYPE_CHECKING (a type is a dependency
    too). ``from package import name`` is an import of the submodule when ``name`` is one;
    the packages a module sits in, which Python imports first, are not counted: a package's
    ``__init__`` that gathers its submodules' public names is no cycle."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                target = alias.name
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target:
                    found.add(target)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            for alias in node.names:
                if f"{base}.{alias.name}" in modules:
                    found.add(f"{base}.{alias.name}")
                elif base in modules:
                    found.add(base)
    found.discard(name)
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(graph[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return cycles


def test_no_module_imports_one_that_imports_it_back() -> None:
    modules = _modules()
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    assert "skillgap.matching.rules" in graph["skillgap.taxonomy_model"]  # the parser sees imports
    assert _cycles(graph) == []


def test_the_cycle_check_finds_cycles() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": {"e"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_every_module_imports_first() -> None:
    """No module depends on another having been imported before it (a cycle through a
    package's ``__init__`` would show here)."""
    script = (
        "import importlib, sys\n"
        "for name in sys.argv[1:]:\n"
        "    for loaded in [m for m in sys.modules if m.split('.')[0] == 'skillgap']:\n"
        "        del sys.modules[loaded]\n"
        "    importlib.import_module(name)\n"
    )
    names = [name for name in _modules() if name != "skillgap.__main__"]
    result = subprocess.run(
        [sys.executable, "-c", script, *names], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_no_module_is_too_long_to_read() -> None:
    lengths = {
        name: len(path.read_text(encoding="utf-8").splitlines())
        for name, path in _modules().items()
    }
    too_long = {name for name, length in lengths.items() if length > MAX_LINES}
    assert not too_long, {name: lengths[name] for name in too_long}


def test_nothing_is_pickled() -> None:
    """A cache folder is not a trusted place, and unpickling runs code: no module imports a
    pickle library or loads a pickle (the cache may name old pickle files, to remove them)."""
    unpickling = re.compile(r"\b(import|from)\s+(c?pickle|dill|cloudpickle|joblib)\b|\bloads?\(")
    users = [
        path.relative_to(REPO)
        for path in SOURCE.rglob("*.py")
        if any(
            "pickle" in line and unpickling.search(line)
            for line in path.read_text(encoding="utf-8").splitlines()
        )
    ]
    assert users == []


def test_the_import_scan_sees_lazy_and_type_checking_imports() -> None:
    modules = _modules()
    assert "skillgap.render.table" in _imports(
        "skillgap.render.formats", modules["skillgap.render.formats"], modules
    )
    assert "skillgap.batch" in _imports("skillgap.cli", modules["skillgap.cli"], modules)
    markup = _imports("skillgap.readers.markup", modules["skillgap.readers.markup"], modules)
    assert "skillgap.readers.latex" in markup
    assert "skillgap.readers" not in markup  # only its submodules, by "from ... import"
