"""Where the project is, and its YAML files read as the tests read them."""

from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]


def load_yaml(relative: str) -> Any:
    """Loads a YAML file of the project, given by its path from the repository root."""
    with open(ROOT / relative, encoding="utf-8") as f:
        return yaml.safe_load(f)
