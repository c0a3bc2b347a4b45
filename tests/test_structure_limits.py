"""House limits on kabar's structure: no module over 600 lines, no class over 300, no function
over 80, and no import cycle among kabar's modules.

Measured with `ast` the way /work/shared/tools/structure.py measures (that tool need not be
present): a module's length is its number of lines; a class's or function's runs from its
`class`/`def` line to its last line (decorators not counted), nested ones measured too; a module
depends on the kabar modules it imports, at the top or inside functions (`from kabar.x import y`
depends on `kabar.x`); a cycle is a strongly connected group of two or more modules.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "kabar"
MODULE_LIMIT = 600
CLASS_LIMIT = 300
FUNCTION_LIMIT = 80


@dataclass
class Module:
    name: str  # dotted: kabar.events.triggers; a package's __init__ is the package
    path: str  # relative to the package's parent, without .py: kabar/events/triggers
    lines: int
    classes: list[tuple[str, int]] = field(default_factory=list)  # (qualified name, lines)
    functions: list[tuple[str, int]] = field(default_factory=list)
    imports: set[str] = field(default_factory=set)  # dotted names of the package's modules imported


def _span(node: ast.AST) -> int:
    return (node.end_lineno or node.lineno) - node.lineno + 1  # type: ignore[attr-defined]


def _imports(tree: ast.Module, name: str, is_init: bool, package: str) -> set[str]:
    deps = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.startswith(package):
                deps.add(node.module)
        elif isinstance(node, ast.ImportFrom) and node.level:
            parts = name.split(".")
            base = parts[: len(parts) - node.level + (1 if is_init else 0)]
            deps.add(".".join(base + ([node.module] if node.module else [])))
        elif isinstance(node, ast.Import):
            deps |= {alias.name for alias in node.names if alias.name.startswith(package)}
    return deps


def measure(root: Path) -> list[Module]:
    """Every module under `root` (a package folder), measured."""
    modules = []
    for path in sorted(root.rglob("*.py")):
        rel = path.relative_to(root.parent).with_suffix("")
        is_init = rel.name == "__init__"
        name = ".".join(rel.parts[:-1] if is_init else rel.parts)
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source)
        module = Module(name, str(rel), len(source.splitlines()))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                module.classes.append((f"{rel}:{node.name}", _span(node)))
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                module.functions.append((f"{rel}:{node.name}", _span(node)))
        module.imports = _imports(tree, name, is_init, root.name)
        modules.append(module)
    return modules


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of two or more modules (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []

    def successors(v: str) -> Iterator[str]:
        return iter(sorted(w for w in graph.get(v, ()) if w in graph))

    for start in sorted(graph):
        if start in index:
            continue
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        work = [(start, successors(start))]
        while work:
            v, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, successors(child)))
                elif child in on_stack:
                    low[v] = min(low[v], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                group = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    group.append(w)
                    if w == v:
                        break
                if len(group) > 1:
                    cycles.append(sorted(group))
    return cycles


def over(items: list[tuple[str, int]], limit: int) -> list[str]:
    return [f"{where} ({n} lines)" for where, n in sorted(items, key=lambda t: -t[1]) if n > limit]


# ---------------------------------------------------------------- the measuring itself


def test_measuring_matches_the_structure_tool(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text('"""Doc."""\nfrom pkg.a import f\n')
    (pkg / "a.py").write_text(
        "import pkg.sub.b\n\n\n@staticmethod\ndef f():\n    from pkg import sub\n    return 1\n\n\n"
        "class C:\n    def g(self):\n        pass\n"
    )
    (pkg / "sub" / "__init__.py").write_text("from . import b\n")
    (pkg / "sub" / "b.py").write_text("from ..a import f\nfrom .c import x\n")
    (pkg / "sub" / "c.py").write_text("x = 1\n")
    modules = {m.name: m for m in measure(pkg)}
    assert set(modules) == {"pkg", "pkg.a", "pkg.sub", "pkg.sub.b", "pkg.sub.c"}
    a = modules["pkg.a"]
    assert a.lines == 12
    assert a.functions == [("pkg/a:f", 3), ("pkg/a:g", 2)]  # the decorator line is not counted
    assert a.classes == [("pkg/a:C", 3)]
    assert a.imports == {"pkg.sub.b", "pkg"}
    assert modules["pkg.sub"].imports == {"pkg.sub"}  # `from . import b` in a package __init__
    assert modules["pkg.sub.b"].imports == {"pkg.a", "pkg.sub.c"}
    graph = {m.name: m.imports for m in modules.values()}
    # a -> sub.b -> a, and pkg -> a -> pkg (an import inside a function counts); the tool prints
    # `cycles=1 ... pkg+pkg.a+pkg.sub.b` for this package. sub imports itself: no cycle.
    assert import_cycles(graph) == [["pkg", "pkg.a", "pkg.sub.b"]]
    del graph["pkg"]
    assert import_cycles(graph) == [["pkg.a", "pkg.sub.b"]]
    assert over(a.functions, 2) == ["pkg/a:f (3 lines)"]


# ---------------------------------------------------------------- kabar


@pytest.fixture(scope="module")
def modules() -> list[Module]:
    return measure(PACKAGE)


def test_no_module_over_the_limit(modules):
    offenders = over([(m.path, m.lines) for m in modules], MODULE_LIMIT)
    assert not offenders, f"modules over {MODULE_LIMIT} lines: " + "; ".join(offenders)


def test_no_class_over_the_limit(modules):
    offenders = over([c for m in modules for c in m.classes], CLASS_LIMIT)
    assert not offenders, f"classes over {CLASS_LIMIT} lines: " + "; ".join(offenders)


def test_no_function_over_the_limit(modules):
    offenders = over([f for m in modules for f in m.functions], FUNCTION_LIMIT)
    assert not offenders, f"functions over {FUNCTION_LIMIT} lines: " + "; ".join(offenders)


def test_no_import_cycles(modules):
    cycles = import_cycles({m.name: m.imports for m in modules})
    assert not cycles, "import cycles among kabar modules: " + "; ".join(" <-> ".join(c) for c in cycles)
