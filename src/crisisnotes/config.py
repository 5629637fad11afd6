"""Project paths. Nothing else in the package hard-codes a path.

Every path can be overridden with an environment variable, so the same code
runs from a checkout, an installed package or a CI machine.

Examples
--------
>>> from crisisnotes import config
>>> config.RAW_DATA_DIR.name
'raw'
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR: Path = Path(__file__).resolve().parent
LEXICON_DIR: Path = PACKAGE_DIR / "lexicons"


def _project_root() -> Path:
    env = os.environ.get("CRISISNOTES_ROOT")
    if env:
        return Path(env).resolve()
    # src/crisisnotes/config.py -> project root two levels above src/
    candidate = PACKAGE_DIR.parent.parent
    if (candidate / "pyproject.toml").exists():
        return candidate
    return Path.cwd()


PROJECT_ROOT: Path = _project_root()
RAW_DATA_DIR: Path = Path(os.environ.get("CRISISNOTES_RAW", PROJECT_ROOT / "data" / "raw"))
PROCESSED_DATA_DIR: Path = Path(
    os.environ.get("CRISISNOTES_PROCESSED", PROJECT_ROOT / "data" / "processed")
)
FIGURES_DIR: Path = Path(os.environ.get("CRISISNOTES_FIGURES", PROJECT_ROOT / "reports" / "figures"))
CACHE_DIR: Path = Path(os.environ.get("CRISISNOTES_CACHE", PROCESSED_DATA_DIR / ".cache"))
SAMPLE_DUMP: Path = RAW_DATA_DIR / "sample_ukraine_2022.txt"
