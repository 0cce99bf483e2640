"""The app runs with its runtime dependencies alone: no page imports what only the tests, the benchmark or the checks need.

A fresh interpreter is started with every distribution outside the runtime's
closure (pyproject.toml's `dependencies` and what they require) made
unimportable, and drives each page of app.py's navigation through AppTest.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def runtime_closure() -> set[str]:
    """The runtime distributions and everything they require (markers for other platforms or extras left out)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    todo, seen = [_name(r) for r in project["dependencies"]], set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for requirement in requires:
            marker = requirement.split(";", 1)[1] if ";" in requirement else ""
            if "extra ==" in marker or "extra==" in marker:
                continue
            todo.append(_name(requirement))
    return seen


def modules_outside_runtime() -> set[str]:
    """Top-level module names that only distributions outside the runtime closure provide."""
    closure = runtime_closure()
    provided = metadata.packages_distributions()
    return {
        module for module, dists in provided.items()
        if all(_name(d) not in closure for d in dists) and _name(dists[0]) != "blackjanuary" and not module.startswith("_")
    }


def pages() -> list[str]:
    """Every page file app.py puts in its navigation."""
    tree = ast.parse((ROOT / "app.py").read_text(encoding="utf-8"))
    return [
        node.args[0].value for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "Page"
        and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
    ]


SCRIPT = """
import importlib.abc, sys
BLOCKED = set(sys.argv[1].split(","))

class Blocked(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"{name} is not a runtime dependency")
        return None

sys.meta_path.insert(0, Blocked())
from streamlit.testing.v1 import AppTest

failed = []
for page in sys.argv[2].split(","):
    at = AppTest.from_file("app.py", default_timeout=60).run()
    if page != "app_pages/explore.py":
        at.switch_page(page).run()
    if at.exception:
        failed.append(f"{page}: {at.exception[0].message}")
blocked_loaded = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
print("\\n".join(failed + [f"loaded: {m}" for m in blocked_loaded]) or "ok")
sys.exit(1 if failed or blocked_loaded else 0)
"""


def test_the_runtime_closure_leaves_out_the_test_and_check_tools():
    blocked = modules_outside_runtime()
    assert {"pytest", "playwright", "ruff", "mypy", "geojson"} <= blocked
    assert not {"streamlit", "pydeck", "plotly", "babel", "shapely", "yaml", "pydantic"} & blocked


def test_every_page_runs_with_the_runtime_dependencies_alone():
    found = pages()
    assert "app_pages/explore.py" in found and len(found) >= 5
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT, ",".join(sorted(modules_outside_runtime())), ",".join(found)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr[-2000:]
    assert run.stdout.strip() == "ok"
