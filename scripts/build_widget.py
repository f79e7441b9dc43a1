"""Builds the web widget into .build/widget: its page and stylesheet, reconnect-widget.js
joined from the modules in widget/src, and the socket.io client from npm (widget/node_modules,
installed by `make`).

The fixed crisis message, which "Need help now?" shows, is written into reconnect-widget.js
from domain.yml (utter_crisis), so the text stays defined once and cannot fail to load on its
own; the build fails if the domain does not define it.

The modules are joined in the order of MODULES inside one function, so they share one scope
without a bundler: each declares its own top-level names, and the build fails if two declare
the same name or if a module in widget/src is missing from the list.

Usage: python scripts/build_widget.py
"""

import json
import re
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "widget"
MODULE_DIR = SOURCE / "src"
OUT = ROOT / ".build" / "widget"
SOCKET_IO = SOURCE / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js"
SCRIPT = "reconnect-widget.js"
# Dependencies first; main.js, which starts the widget, last.
MODULES = [
    "config.js",  # settings, limits, fixed texts, the embedding page's configuration
    "basics.js",  # helpers for values of unknown shape, ids
    "storage.js",  # localStorage, with memory when it is unavailable
    "messages.js",  # a bot message from the server, checked into one shape
    "history.js",  # the conversation kept in the browser and restored
    "dom.js",  # building elements; adding scripts and stylesheets
    "render.js",  # conversation entries into the message log; crisis links
    "status.js",  # typing indicator and status banner
    "outbox.js",  # messages queued and sent in order
    "connection.js",  # socket.io: connecting, the session id, events from the server
    "deletion.js",  # Start over: the old conversation deleted, retried until confirmed
    "ui.js",  # the panel, help, Start over, the message input
    "main.js",  # starts the widget once per page
]
TOP_LEVEL_NAME = re.compile(r"^(?:var|function)\s+([A-Za-z_$][\w$]*)", re.MULTILINE)
# Where config.js takes the crisis message (a JavaScript string literal, written in here).
CRISIS_PLACEHOLDER = "__RECONNECT_CRISIS_TEXT__"


class BuildError(Exception):
    """The widget cannot be built as its sources stand."""


def crisis_text() -> str:
    """The crisis message from domain.yml: utter_crisis, one response with a text."""
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8")) or {}
    variants = (domain.get("responses") or {}).get("utter_crisis")
    if not (
        isinstance(variants, list)
        and len(variants) == 1
        and isinstance(variants[0], dict)
        and isinstance(variants[0].get("text"), str)
        and variants[0]["text"].strip()
    ):
        raise BuildError(
            "domain.yml must define utter_crisis as exactly one response with a "
            "text: the widget's help panel shows it"
        )
    return variants[0]["text"]


def joined_script(crisis: str) -> str:
    """The modules, in order, inside one function, with the crisis message written in;
    checked for a shared scope that works."""
    present = {path.name for path in MODULE_DIR.glob("*.js")}
    if present != set(MODULES):
        raise BuildError(
            f"widget/src and MODULES differ: not listed "
            f"{sorted(present - set(MODULES))}, missing {sorted(set(MODULES) - present)}"
        )
    declared = {}
    parts = []
    for name in MODULES:
        text = (MODULE_DIR / name).read_text(encoding="utf-8")
        for found in TOP_LEVEL_NAME.findall(text):
            if found in declared:
                raise BuildError(f"{found} is declared in both {declared[found]} and {name}")
            declared[found] = name
        body = "\n".join("  " + line if line.strip() else "" for line in text.rstrip().splitlines())
        parts.append(f"  // ---- widget/src/{name}\n{body}\n")
    script = (
        "// Built by scripts/build_widget.py from the modules in widget/src: edit those.\n"
        "(function () {\n"
        '  "use strict";\n\n' + "\n".join(parts) + "})();\n"
    )
    if script.count(CRISIS_PLACEHOLDER) != 1:
        raise BuildError(
            f"{CRISIS_PLACEHOLDER} must appear once in widget/src, "
            f"found {script.count(CRISIS_PLACEHOLDER)} times"
        )
    # JSON escapes everything outside ASCII, U+2028 and U+2029 included: a valid JS string.
    return script.replace(CRISIS_PLACEHOLDER, json.dumps(crisis))


def main() -> None:
    try:
        script = joined_script(crisis_text())
    except BuildError as error:
        sys.exit(f"build_widget: {error}")
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    for path in SOURCE.iterdir():
        if path.suffix in (".html", ".css"):
            shutil.copy(path, OUT / path.name)
    (OUT / SCRIPT).write_text(script, encoding="utf-8")
    shutil.copy(SOCKET_IO, OUT / "socket.io.min.js")
    print(f"built the widget into {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
