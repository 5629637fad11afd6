"""environment.yml and pyproject.toml name the same dependencies; no full unidic."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(req: str) -> str:
    return re.split(r"[<>=!~\[ ;]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _pyproject() -> tuple[set[str], set[str]]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    runtime = {_name(r) for r in data["project"]["dependencies"]}
    dev = {_name(r) for r in data["project"]["optional-dependencies"]["dev"]}
    return runtime, dev


def _environment() -> set[str]:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    names: set[str] = set()
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            names |= {_name(d) for d in dep["pip"] if not d.startswith("-e")}
        else:
            names.add(_name(dep))
    return names - {"python", "pip", "c-compiler"}  # c-compiler builds the C modules (setup.py), no Python package


def test_environment_names_every_runtime_dependency() -> None:
    runtime, _ = _pyproject()
    assert runtime <= _environment(), runtime - _environment()


def test_environment_names_nothing_beyond_pyproject() -> None:
    runtime, dev = _pyproject()
    assert _environment() <= runtime | dev, _environment() - runtime - dev


def test_environment_installs_the_package_itself() -> None:
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip


def test_never_depends_on_full_unidic() -> None:
    runtime, dev = _pyproject()
    assert "unidic" not in runtime | dev | _environment()
    assert "unidic-lite" in runtime


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    ci_cmd = [ln for ln in ci.splitlines() if ln.startswith("python3 -m venv")][0]
    assert ci_cmd in readme


def test_setup_builds_every_compiled_module_from_its_source() -> None:
    """setup.py's extensions are exactly crisisnotes.compiled.MODULES, each from a C file in the package."""
    from crisisnotes.compiled import MODULES

    setup = (ROOT / "setup.py").read_text(encoding="utf-8")
    built = re.findall(r'Extension\(\s*"crisisnotes\.(\w+)",\s*\["(src/crisisnotes/\w+\.c)"\]', setup)
    assert sorted(name for name, _ in built) == sorted(MODULES)
    assert all((ROOT / src).is_file() for _, src in built)


def test_compiled_modules_are_built_where_ci_runs() -> None:
    """CI has a C compiler: a module that silently failed to build would leave its C code untested."""
    import os

    from crisisnotes.compiled import PURE_ENV, status

    if os.environ.get(PURE_ENV) == "1":
        import pytest

        pytest.skip(f"{PURE_ENV}=1 turns the compiled modules off")
    assert all(status().values()), f"not built (pip install -e . needs gcc and Python's headers): {status()}"

