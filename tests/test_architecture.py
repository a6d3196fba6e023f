"""The map of docs/architecture.md, kept true: stages import only earlier stages, modules say what they are for."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "slidegen"

BASE = {"errors", "units", "colour", "format", "stamp", "project", "data", "__init__"}
"""The shared helpers at the top level (and package data): every stage may use them."""

MAY_IMPORT: dict[str, set[str]] = {
    "base": {"base"},
    "models": {"base", "models"},
    "load": {"base", "models", "load"},
    "check": {"base", "load", "models", "check"},
    "plan": {"base", "models", "plan"},
    "render": {"base", "load", "models", "plan", "render"},
    "output": {"base", "load", "models", "plan", "render", "output"},
    "build": {"base", "load", "models", "check", "plan", "render", "output", "build"},
    "commands": {"base", "load", "models", "check", "plan", "render", "output", "build", "commands"},
    "cli": {"base", "load", "models", "check", "plan", "render", "output", "build", "commands", "cli"},
    "__main__": {"cli"},
}
"""What each stage may import: only earlier stages. The planner sees neither how files are read nor checked."""


def stage(module: str) -> str:
    """`slidegen.plan.text` → `plan`; a top-level helper → `base`."""
    first = module.split(".")[1] if "." in module else "__init__"
    return "base" if first in BASE else first


def modules() -> dict[str, Path]:
    return {
        ".".join(("slidegen", *p.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__"): p
        for p in PACKAGE.rglob("*.py")
    }


def imports(path: Path) -> set[str]:
    """Every slidegen module a file imports, at its top, inside functions or for type checking alike."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("slidegen"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("slidegen"))
    return found


def test_every_stage_imports_only_earlier_stages():
    wrong = []
    for module, path in modules().items():
        own = stage(module)
        for target in imports(path):
            if target == "slidegen":
                continue
            if stage(target) not in MAY_IMPORT[own]:
                wrong.append(f"{module} ({own}) imports {target} ({stage(target)})")
    assert not wrong, "\n".join(wrong)


def test_no_module_imports_itself_back_through_others():
    graph = {m: {t for t in imports(p) if t in modules()} for m, p in modules().items()}
    state: dict[str, int] = {}
    circles = []

    def visit(m: str, trail: list[str]) -> None:
        state[m] = 1
        for t in sorted(graph[m]):
            if state.get(t) == 1:
                circles.append(" → ".join(trail[trail.index(t):] + [t]) if t in trail else f"{m} → {t}")
            elif t not in state:
                visit(t, trail + [t])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    assert not circles, "\n".join(circles)


def test_the_top_level_holds_at_most_ten_modules():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= 10, top


def test_every_module_opens_with_a_line_that_says_what_it_is_for():
    missing = []
    for module, path in modules().items():
        if "data" in path.relative_to(PACKAGE).parts:
            continue
        doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        if not doc or len(doc.splitlines()[0]) < 15:
            missing.append(module)
    assert not missing, missing
