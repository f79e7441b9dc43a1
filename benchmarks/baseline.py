"""The stock Rasa assistant of `rasa init`, set up to be served like ours."""

from __future__ import annotations

from pathlib import Path

import yaml

from benchmarks.commands import PYTHON, relative, run

SMOKE_CONFIG = Path(__file__).parent / "smoke_stock_config.yml"

# Like ours, conversations go to SQLite (the file comes from TRACKER_DB when it starts).
# The stock assistant has no custom actions, so no action endpoint.
STOCK_ENDPOINTS = {"tracker_store": {"type": "SQL", "dialect": "sqlite", "db": "${TRACKER_DB}"}}


def create_stock_project(work: Path) -> Path:
    """A new project in <work>/stock with the files `rasa init --no-prompt` writes.

    It copies them with the function `rasa init` calls, without `rasa init`'s own first
    training (a minute and more): the project is trained once, timed, with `rasa train`.
    """
    project = work / "stock"
    project.mkdir(parents=True)
    code = (
        "from rasa.cli.scaffold import create_initial_project; "
        f'create_initial_project("{relative(str(project))}")'
    )
    run("create stock project", [PYTHON, "-c", code], work, stock=True)
    (project / "endpoints.yml").write_text(yaml.safe_dump(STOCK_ENDPOINTS))
    return project
