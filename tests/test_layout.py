"""The package's architecture as a property: stages in the folder listing, the domain free of
Streamlit, relative imports inside the package, no import circle in access control."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import signals

PACKAGE = Path(signals.__file__).resolve().parent
STAGES = ("ingest", "measures", "alerts", "cycle", "access", "texts")


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """(level, module) of every import in `path`, nested ones included."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(0, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.level, node.module or ""))
    return found


def test_the_folder_listing_shows_the_stages():
    for stage in STAGES:
        init = PACKAGE / stage / "__init__.py"
        assert init.is_file(), stage
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), \
            f"signals/{stage} says in its docstring what the stage does"


def test_the_domain_never_imports_streamlit():
    for path in modules():
        for _, module in imported_modules(path):
            assert module.split(".")[0] != "streamlit", path.relative_to(PACKAGE)


def test_imports_inside_the_package_are_relative():
    for path in modules():
        for level, module in imported_modules(path):
            assert not (level == 0 and module.split(".")[0] == "signals"), \
                f"{path.relative_to(PACKAGE)} imports {module} absolutely"


def test_the_audit_log_does_not_import_access_control():
    """The audit log and access control used to import each other; the access store's schema
    now lives apart, and the audit log only needs that."""
    audit = imported_modules(PACKAGE / "access" / "audit.py")
    assert all("control" not in module for _, module in audit)


def test_every_module_imports_on_its_own():
    for module in pkgutil.walk_packages(signals.__path__, "signals."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)


def test_ruff_finds_nothing():
    """The lint rules of ruff.toml hold for the whole project."""
    project = PACKAGE.parent
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "."], cwd=project,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
