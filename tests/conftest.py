"""Shared test helpers."""
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def load_yaml(relative: str):
    """Loads a YAML file of the project."""
    with open(ROOT / relative, encoding="utf-8") as f:
        return yaml.safe_load(f)
