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
    return names - {"python", "pip"}


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
