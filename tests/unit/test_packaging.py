"""What the wheel ships: every file of bot/, storage/ and messages/ (templates, term tables, migrations, the
sample org, py.typed), as setuptools computes it from pyproject.toml, and no code that looks beside itself."""

from __future__ import annotations

import ast
import warnings
from contextlib import chdir
from pathlib import Path

import pytest
from setuptools.config.pyprojecttoml import apply_configuration
from setuptools.dist import Distribution

from bot.org.sample import sample_org

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("bot", "storage", "messages")


def source_files() -> list[str]:
    """Every file under the package folders, as a path relative to the repository (caches left out)."""
    found = []
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*"):
            parts = path.relative_to(ROOT).parts
            if path.is_file() and "__pycache__" not in parts and not any(p.startswith(".") for p in parts):
                found.append("/".join(parts))
    return sorted(found)


@pytest.fixture(scope="module")
def wheel_files() -> set[str]:
    """The files `pip wheel .` puts in the wheel: setuptools' build_py outputs for our pyproject.toml."""
    with chdir(ROOT), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "[tool.setuptools] is beta" on older setuptools
        dist = Distribution({"script_name": "setup.py"})
        apply_configuration(dist, ROOT / "pyproject.toml")
        dist.include_package_data = False  # only what package-data names; the manifest would write egg-info here
        build_py = dist.get_command_obj("build_py")
        build_py.ensure_finalized()
        outputs = build_py.get_outputs(include_bytecode=False)
    prefix = f"{build_py.build_lib}/"
    return {Path(out).as_posix().removeprefix(prefix) for out in outputs}


def test_every_file_of_the_packages_ships_in_the_wheel(wheel_files: set[str]) -> None:
    missing = [path for path in source_files() if path not in wheel_files]
    assert not missing, f"not in the wheel (add a glob to [tool.setuptools.package-data]): {missing[:10]}"


def test_the_wheel_carries_the_templates_terms_migrations_and_sample(wheel_files: set[str]) -> None:
    templates = sorted(p.name for p in (ROOT / "messages").glob("*.j2"))
    assert len(templates) > 100
    assert {f"messages/{name}" for name in templates} <= wheel_files
    versions = sorted(p.name for p in (ROOT / "storage" / "migrations" / "versions").glob("*.py"))
    assert {f"storage/migrations/versions/{name}" for name in versions} <= wheel_files
    assert {"messages/terms.yaml", "storage/migrations/env.py", "storage/migrations/script.py.mako",
            "bot/org/org.example.yaml", "bot/py.typed", "storage/py.typed"} <= wheel_files


def test_the_packaged_sample_is_the_org_example_the_readme_copies() -> None:
    assert sample_org().read_bytes() == (ROOT / "org.example.yaml").read_bytes()


def uses_own_path(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return any(isinstance(node, ast.Name) and node.id == "__file__" for node in ast.walk(tree))


def test_no_module_finds_files_beside_its_source() -> None:
    """Run-time files come from importlib.resources; `__file__` paths break once installed elsewhere."""
    modules = [p for package in ("bot", "storage") for p in sorted((ROOT / package).rglob("*.py"))]
    assert len(modules) > 50
    offenders = [p.relative_to(ROOT).as_posix() for p in modules if uses_own_path(p)]
    assert not offenders, f"read package data with importlib.resources instead: {offenders}"
