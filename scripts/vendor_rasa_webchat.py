"""Takes rasa-webchat's self-contained build, lib/index.js, from its npm package, for the
browser test where rasa-webchat chats with Reconnect (tests/browser/test_rasa_webchat.py).

The package is one file that counts (React and a socket.io 3 client are inside it); installing
it would bring its 590 dependencies. So `npm pack` fetches the package's tarball only (from the
npm registry, through npm's cache), its integrity is checked against the one pinned here, and
lib/index.js (checked too) and the license are extracted into .build/rasa-webchat.

Usage: python scripts/vendor_rasa_webchat.py
"""

import base64
import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / ".build" / "rasa-webchat"
VERSION = "1.0.1"
# The registry's dist.integrity for rasa-webchat@1.0.1, and the sha256 of its lib/index.js.
INTEGRITY = (
    "sha512-Ld1zVJvTAaTrs6A5p8t70agNNrKYRyXlvqXZRgBoDvKKUXbA0jhJK"
    "ECi5bdPGlaR6jsmqWtVylHS+YqIqo0x8w=="
)
SCRIPT_SHA256 = "bfedd788e4bd7df12f64b5bf2963e634f84bac1cb176b6cede60c507d3553f1e"
WANTED = {"package/lib/index.js": "index.js", "package/LICENSE": "LICENSE"}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            ["npm", "pack", f"rasa-webchat@{VERSION}", "--pack-destination", tmp, "--silent"],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        tarball = Path(tmp) / f"rasa-webchat-{VERSION}.tgz"
        digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
        if f"sha512-{digest}" != INTEGRITY:
            sys.exit(f"vendor_rasa_webchat: {tarball.name} does not match the pinned integrity")
        files = {}
        with tarfile.open(tarball) as archive:
            for member, name in WANTED.items():
                extracted = archive.extractfile(member)
                if extracted is None:
                    sys.exit(f"vendor_rasa_webchat: {member} is missing from {tarball.name}")
                files[name] = extracted.read()
    if hashlib.sha256(files["index.js"]).hexdigest() != SCRIPT_SHA256:
        sys.exit("vendor_rasa_webchat: lib/index.js does not match the pinned sha256")
    OUT.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (OUT / name).write_bytes(data)
    print(f"rasa-webchat {VERSION}: lib/index.js into {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
