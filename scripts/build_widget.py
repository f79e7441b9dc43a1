"""Builds the web widget into .build/widget: its page, reconnect-widget.js joined from the
modules in widget/src, reconnect-widget.css, and the socket.io client from npm
(widget/node_modules, installed by `make`).

The styles are in widget/styles: widget.css (the widget itself), page.css (the full page) and
embed.css (the launcher and its panel, in a shadow root on someone else's page).
reconnect-widget.css is widget.css then page.css. The embedded mode's styles, widget.css then
embed.css, are written into reconnect-widget.js (no request, nothing added to the host page),
with every rem length outside media queries turned into a multiple of --rc-rem: inside a
shadow root rem still means the host page's root font size, which the host may have changed,
so the script measures the browser's default size and sets --rc-rem to it.

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
STYLE_DIR = SOURCE / "styles"
OUT = ROOT / ".build" / "widget"
SOCKET_IO = SOURCE / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js"
SCRIPT = "reconnect-widget.js"
# Dependencies first; main.js, which starts the widget, last.
MODULES = [
    "config.js",  # settings, limits, fixed texts, the embedding page's configuration
    "basics.js",  # helpers for values of unknown shape, ids
    "options.js",  # the host page's options: title, position, accent colour (checked), open
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
    "embed.js",  # the embedded mode: launcher and panel in a shadow root
    "main.js",  # starts the widget once per page
]
TOP_LEVEL_NAME = re.compile(r"^(?:var|function)\s+([A-Za-z_$][\w$]*)", re.MULTILINE)
# Where config.js takes the crisis message (a JavaScript string literal, written in here).
CRISIS_PLACEHOLDER = "__RECONNECT_CRISIS_TEXT__"
# Where embed.js takes the embedded mode's styles (a string literal too).
EMBED_CSS_PLACEHOLDER = "__RECONNECT_EMBED_CSS__"
REM = re.compile(r"(?<![\w.-])(-?\d*\.?\d+)rem\b")


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


def style(name: str) -> str:
    return (STYLE_DIR / name).read_text(encoding="utf-8").rstrip() + "\n"


def page_css() -> str:
    """reconnect-widget.css: the widget and the full page."""
    return style("widget.css") + "\n" + style("page.css")


def embed_css() -> str:
    """The embedded mode's styles, rem lengths outside media queries as --rc-rem multiples."""
    lines = []
    for line in (style("widget.css") + "\n" + style("embed.css")).splitlines():
        if not line.lstrip().startswith("@media"):
            line = REM.sub(r"calc(\1 * var(--rc-rem, 1rem))", line)
        lines.append(line)
    return "\n".join(lines) + "\n"


def joined_script(crisis: str, embed_styles: str) -> str:
    """The modules, in order, inside one function, with the crisis message and the embedded
    mode's styles written in; checked for a shared scope that works."""
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
    for placeholder, value in ((CRISIS_PLACEHOLDER, crisis), (EMBED_CSS_PLACEHOLDER, embed_styles)):
        if script.count(placeholder) != 1:
            raise BuildError(
                f"{placeholder} must appear once in widget/src, "
                f"found {script.count(placeholder)} times"
            )
        # JSON escapes everything outside ASCII, U+2028 and U+2029 included: a valid JS string.
        script = script.replace(placeholder, json.dumps(value))
    return script


def main() -> None:
    try:
        script = joined_script(crisis_text(), embed_css())
    except BuildError as error:
        sys.exit(f"build_widget: {error}")
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    for path in SOURCE.iterdir():
        if path.suffix == ".html":
            shutil.copy(path, OUT / path.name)
    (OUT / "reconnect-widget.css").write_text(page_css(), encoding="utf-8")
    (OUT / SCRIPT).write_text(script, encoding="utf-8")
    shutil.copy(SOCKET_IO, OUT / "socket.io.min.js")
    print(f"built the widget into {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
