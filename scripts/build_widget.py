"""Builds the web widget into .build/widget: its own files, the socket.io client from
npm (widget/node_modules, installed by `make`), and crisis.js with the fixed crisis
message taken from domain.yml, so the text stays defined once.

Usage: python scripts/build_widget.py
"""
import json
import shutil
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "widget"
OUT = ROOT / ".build" / "widget"
SOCKET_IO = SOURCE / "node_modules" / "socket.io-client" / "dist" / "socket.io.min.js"


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    for path in SOURCE.iterdir():
        if path.suffix in (".html", ".js", ".css"):
            shutil.copy(path, OUT / path.name)
    shutil.copy(SOCKET_IO, OUT / "socket.io.min.js")
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    crisis = domain["responses"]["utter_crisis"][0]["text"]
    (OUT / "crisis.js").write_text(
        "// Generated from domain.yml (utter_crisis) by scripts/build_widget.py.\n"
        f"window.RECONNECT_CRISIS_TEXT = {json.dumps(crisis)};\n", encoding="utf-8")
    print(f"built the widget into {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
